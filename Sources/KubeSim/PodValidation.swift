/// The API server's validation of a new pod (`ValidatePodCreate`), for the fields kubebook
/// models: its metadata, then its spec (``PodSpecValidation``).
enum PodValidation {
  /// The field errors of `pod`, empty when it is valid.
  static func validate(_ pod: Pod) -> [FieldError] {
    Validation.objectMeta(pod.metadata) + PodSpecValidation.validate(pod.spec, path: "spec")
  }
}
