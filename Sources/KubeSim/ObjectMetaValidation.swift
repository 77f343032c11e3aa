/// The checks every kind's metadata gets (`apimachinery/pkg/api/validation/objectmeta.go`,
/// v0.32, `ValidateObjectMetaAccessor`): the name by the kind's rule, then the labels
/// (`ValidateLabels`) and the annotations (`ValidateAnnotations`). Go ranges over the maps in
/// random order; kubebook takes the keys sorted, so a manifest always gets the same errors.
extension Validation {
  /// `TotalAnnotationSizeLimitB`: 256 kB of keys and values together.
  static let totalAnnotationSizeLimit = 256 * (1 << 10)

  /// The metadata's errors: its name as a DNS-1123 subdomain (most kinds' rule), then its
  /// labels and annotations, under `path`.
  public static func objectMeta(_ meta: ObjectMeta, path: String = "metadata") -> [FieldError] {
    validateSubdomainName(meta.name, field: path + ".name") + labelsAndAnnotations(meta, path: path)
  }

  /// The labels' and annotations' errors alone (for kinds whose name has another rule, and
  /// for pod templates, whose labels sit at `spec.template.labels`).
  public static func labelsAndAnnotations(_ meta: ObjectMeta, path: String) -> [FieldError] {
    labels(meta.labels, field: path + ".labels") + annotations(meta.annotations, field: path + ".annotations")
  }

  /// `ValidateLabels`: each key a qualified name, each value a valid label value; every
  /// error names the whole map's path.
  public static func labels(_ labels: [String: String], field: String) -> [FieldError] {
    var causes: [FieldError] = []
    for key in labels.keys.sorted() {
      for message in qualifiedNameErrors(key) {
        causes.append(FieldError(field: field, type: "Invalid value", value: quote(key), detail: message))
      }
      for message in labelValueErrors(labels[key] ?? "") {
        causes.append(FieldError(field: field, type: "Invalid value", value: quote(labels[key] ?? ""), detail: message))
      }
    }
    return causes
  }

  /// `ValidateAnnotations`: each key a qualified name once lowercased, and at most 256 kB in
  /// all.
  public static func annotations(_ annotations: [String: String], field: String) -> [FieldError] {
    var causes: [FieldError] = []
    var size = 0
    for key in annotations.keys.sorted() {
      for message in qualifiedNameErrors(key.lowercased()) {
        causes.append(FieldError(field: field, type: "Invalid value", value: quote(key), detail: message))
      }
      size = size.saturatingAdd(key.utf8.count).saturatingAdd(annotations[key]?.utf8.count ?? 0)
    }
    if size > totalAnnotationSizeLimit {
      causes.append(
        FieldError(field: field, type: "Too long", detail: "may not be more than \(totalAnnotationSizeLimit) bytes"))
    }
    return causes
  }
}
