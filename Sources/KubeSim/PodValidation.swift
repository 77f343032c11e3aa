/// The API server's validation of a new pod, for the fields kubebook models.
enum PodValidation {
  /// The field errors of `pod`, empty when it is valid.
  static func validate(_ pod: Pod) -> [FieldError] {
    var causes = Validation.validateSubdomainName(pod.metadata.name)
    if pod.spec.containers.isEmpty {
      causes.append(FieldError(field: "spec.containers", type: "Required value"))
    }
    var seen: Set<String> = []
    for (index, container) in pod.spec.containers.enumerated() {
      let path = "spec.containers[\(index)]"
      if container.name.isEmpty {
        causes.append(FieldError(field: path + ".name", type: "Required value"))
      } else if !Validation.isDNS1123Label(container.name) {
        causes.append(
          FieldError(
            field: path + ".name", type: "Invalid value", value: Validation.quote(container.name),
            detail: Validation.dns1123LabelMessage))
      } else if !seen.insert(container.name).inserted {
        causes.append(
          FieldError(field: path + ".name", type: "Duplicate value", value: Validation.quote(container.name)))
      }
      if container.image.isEmpty {
        causes.append(FieldError(field: path + ".image", type: "Required value"))
      }
      causes += container.resources.validationErrors(path: path)
    }
    if pod.spec.restartPolicy.value == nil {
      causes.append(
        FieldError(
          field: "spec.restartPolicy", type: "Unsupported value",
          value: Validation.quote(pod.spec.restartPolicy.text),
          detail: "supported values: \"Always\", \"OnFailure\", \"Never\""))
    }
    return causes
  }
}
