import KubeSim

/// What a `--field-selector` may test on one kind, as the v1.32 API server registers it: the
/// field label conversion (`AddFieldLabelConversionFunc` in `pkg/apis/<group>/<version>/
/// conversion.go`, or apimachinery's `runtime.DefaultMetaV1FieldSelectorConversion` for a kind
/// without one), and each accepted field's value on an object (the registry's
/// `ToSelectableFields`; a field the registry leaves out reads as empty).
struct SelectableFields<Object> {
  /// One field the conversion accepts and its value on an object.
  struct Field {
    var label: String
    var value: (Object) -> String
  }

  /// The accepted fields.
  var fields: [Field]
  /// The conversion's error for a label it does not accept.
  var refusal: (String) -> String
  /// Labels the conversion renames before matching (pods' legacy `spec.host`).
  var aliases: [String: String] = [:]

  /// A kind with a registered conversion that says `field label not supported: <label>`
  /// (every one in `pkg/apis/core/v1/conversion.go`).
  static func core(_ fields: [Field], aliases: [String: String] = [:]) -> SelectableFields {
    SelectableFields(fields: fields, refusal: { "field label not supported: \($0)" }, aliases: aliases)
  }

  /// The selector with its labels converted, or the conversion's error for the first term
  /// (in the selector's sorted order) it refuses, as `Selector.Transform` stops there.
  func convert(_ selector: FieldSelector) -> Result<FieldSelector, FieldLabelRefusal> {
    var converted = selector
    for index in converted.terms.indices {
      let label = converted.terms[index].field
      if let renamed = aliases[label] {
        converted.terms[index].field = renamed
      } else if !fields.contains(where: { $0.label == label }) {
        return .failure(FieldLabelRefusal(message: refusal(label)))
      }
    }
    return .success(converted)
  }

  /// The object's field set (`GetAttrs`).
  func values(of object: Object) -> [String: String] {
    Dictionary(fields.map { ($0.label, $0.value(object)) }, uniquingKeysWith: { first, _ in first })
  }
}

/// A field label conversion's refusal of a label.
struct FieldLabelRefusal: Error {
  /// The conversion's message.
  var message: String
}

extension SelectableFields where Object: APIResource {
  /// `metadata.name`, and `metadata.namespace` (empty on a cluster-scoped object, which
  /// `AddObjectMetaFieldsSet` gives no namespace field).
  static var objectMetaFields: [Field] {
    [
      Field(label: "metadata.name", value: { $0.metadata.name }),
      Field(label: "metadata.namespace", value: { $0.metadata.namespace ?? "" }),
    ]
  }

  /// `runtime.DefaultMetaV1FieldSelectorConversion`: the object's name and namespace only, for
  /// a kind with no conversion of its own.
  static var objectMeta: SelectableFields {
    SelectableFields(
      fields: objectMetaFields,
      refusal: {
        "\(GoUnquote.quote($0)) is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      })
  }
}
