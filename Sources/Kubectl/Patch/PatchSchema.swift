/// What strategic merge patch knows about the fields of one API type: the `patchStrategy`
/// and `patchMergeKey` struct tags of k8s.io/api (`core/v1/types.go`, `apps/v1/types.go`,
/// `meta/v1/types.go`, v1.32) and the types of the fields below it. A field it does not
/// list has no tags: its lists are replaced and its objects merged.
struct PatchSchema: Sendable {
  /// One tagged (or typed) field.
  struct Field: Sendable {
    /// `patchStrategy:"merge"`: lists merge (by `mergeKey` for lists of objects).
    var merges = false
    /// `patchStrategy:"retainKeys"`.
    var retainsKeys = false
    /// `patchStrategy:"replace"`: an object is replaced, not merged.
    var replaces = false
    /// `patchMergeKey`.
    var mergeKey: String? = nil
    /// The schema of the field's object, or of its list's elements.
    var schema: PatchSchema = PatchSchema()
  }

  /// The fields, by JSON name.
  var fields: [String: Field] = [:]

  /// The field `name`, or an untagged field with an empty schema.
  func field(_ name: String) -> Field { fields[name] ?? Field() }

  /// A schema of nested, untagged objects.
  static func nested(_ fields: [String: PatchSchema]) -> PatchSchema {
    PatchSchema(fields: fields.mapValues { Field(schema: $0) })
  }

  /// A list that merges its objects by `key`.
  static func mergeList(by key: String, retainKeys: Bool = false, of schema: PatchSchema = PatchSchema()) -> Field {
    Field(merges: true, retainsKeys: retainKeys, mergeKey: key, schema: schema)
  }

  /// A list of scalars that merges (`finalizers`).
  static let mergedScalars = Field(merges: true)

  /// A copy with `extra` fields added.
  func adding(_ extra: [String: Field]) -> PatchSchema {
    PatchSchema(fields: fields.merging(extra) { _, new in new })
  }
}
