/// The API server's validation of workload specs, for the fields kubebook models.
enum WorkloadValidation {
  static func validate(replicas: Int, selector: SelectorSpec, template: PodTemplate, limits: Limits) -> [FieldError] {
    var causes: [FieldError] = []
    if replicas < 0 {
      causes.append(
        FieldError(
          field: "spec.replicas", type: "Invalid value", value: String(replicas),
          detail: "must be greater than or equal to 0"))
    }
    if replicas > limits.maxPods {
      causes.append(
        FieldError(
          field: "spec.replicas", type: "Invalid value", value: String(replicas),
          detail: "kubebook simulates at most \(limits.maxPods) pods"))
    }
    if selector.isEmpty {
      causes.append(FieldError(field: "spec.selector", type: "Required value"))
    } else if !selector.selector.matches(template.labels) {
      causes.append(
        FieldError(
          field: "spec.template.metadata.labels", type: "Invalid value",
          value: goStringMap(template.labels), detail: "`selector` does not match template `labels`"))
    }
    if template.spec.containers.isEmpty {
      causes.append(FieldError(field: "spec.template.spec.containers", type: "Required value"))
    }
    for (index, container) in template.spec.containers.enumerated() {
      if container.image.isEmpty {
        causes.append(FieldError(field: "spec.template.spec.containers[\(index)].image", type: "Required value"))
      }
      if container.name.isEmpty {
        causes.append(FieldError(field: "spec.template.spec.containers[\(index)].name", type: "Required value"))
      } else if !Validation.isDNS1123Label(container.name) {
        causes.append(
          FieldError(
            field: "spec.template.spec.containers[\(index)].name", type: "Invalid value",
            value: Validation.quote(container.name), detail: Validation.dns1123LabelMessage))
      }
      causes += container.resources.validationErrors(path: "spec.template.spec.containers[\(index)]")
    }
    return causes
  }

  static func validate(_ deployment: Deployment, limits: Limits) -> [FieldError] {
    var causes = validate(
      replicas: deployment.replicas, selector: deployment.selector, template: deployment.template, limits: limits)
    if case .rollingUpdate(let surge, let unavailable) = deployment.strategy {
      if surge.scaled(total: 100, roundUp: true) == 0 && unavailable.scaled(total: 100, roundUp: true) == 0 {
        causes.append(
          FieldError(
            field: "spec.strategy.rollingUpdate.maxUnavailable", type: "Invalid value",
            value: unavailable.text.contains("%") ? Validation.quote(unavailable.text) : unavailable.text,
            detail: "may not be 0 when `maxSurge` is 0"))
      }
    }
    return causes
  }

  /// Go's `%#v` of a `map[string]string`.
  static func goStringMap(_ map: [String: String]) -> String {
    "map[string]string{"
      + map.keys.sorted().map { "\(Validation.quote($0)):\(Validation.quote(map[$0]!))" }
      .joined(separator: ", ") + "}"
  }
}
