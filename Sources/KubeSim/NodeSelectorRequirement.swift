/// One requirement of a node selector term (`core/v1` `NodeSelectorRequirement`): `In`,
/// `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt`.
public struct NodeSelectorRequirement: Sendable, Equatable {
  public var key: String
  /// The operator as written (unknown text matches nothing).
  public var `operator`: String
  public var values: [String]

  /// Creates a requirement.
  public init(key: String, operator: String, values: [String] = []) {
    self.key = key
    self.operator = `operator`
    self.values = values
  }

  /// Whether a label (or field) with `value` (nil: absent) satisfies the requirement, or nil
  /// when the requirement itself is invalid (`labels.NewRequirement`'s checks: `In`/`NotIn`
  /// need valid label values, `Exists`/`DoesNotExist` none, `Gt`/`Lt` exactly one integer).
  public func matches(_ value: String?) -> Bool? {
    switch self.operator {
    case "In", "NotIn":
      guard !values.isEmpty, values.allSatisfy({ Validation.labelValueErrors($0).isEmpty }) else { return nil }
      let contained = value.map { values.contains($0) } ?? false
      return self.operator == "In" ? contained : !contained
    case "Exists", "DoesNotExist":
      guard values.isEmpty else { return nil }
      return (value != nil) == (self.operator == "Exists")
    case "Gt", "Lt":
      guard values.count == 1, let bound = Int64(values[0]) else { return nil }
      // A label that is not an integer does not match (`labels.Requirement.Matches`).
      guard let text = value, let number = Int64(text) else { return false }
      return self.operator == "Gt" ? number > bound : number < bound
    default:
      return nil
    }
  }

  var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("key", .string(key))
    object.set("operator", .string(self.operator))
    if !values.isEmpty { object.set("values", .array(values.map(JSONValue.string))) }
    return object.value
  }
}
