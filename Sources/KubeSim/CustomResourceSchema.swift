/// A version's structural schema (`schema.openAPIV3Schema` of a CustomResourceDefinition),
/// kept as written, and what the apiextensions server does with it: pruning the fields it does
/// not name (`pkg/apiserver/schema/pruning/algorithm.go`) and checking the types, required
/// properties and enums of a custom object (kube-openapi's validator, reported through
/// `kubeOpenAPIResultToFieldErrors`, `pkg/apiserver/validation/validation.go`).
///
/// Not simulated: formats, patterns, bounds, CEL rules, defaults, `oneOf`/`anyOf`/`allOf`.
public struct CustomResourceSchema: Sendable, Equatable {
  /// The schema's JSON as written.
  public var json: JSONValue

  /// Wraps a schema.
  public init(_ json: JSONValue) { self.json = json }

  /// The schema of property `name` of the object this schema describes, if it names one
  /// (through `properties`, else `additionalProperties`).
  public func property(_ name: String) -> CustomResourceSchema? {
    if let schema = json["properties"]?[name] { return CustomResourceSchema(schema) }
    if let additional = json["additionalProperties"], additional.objectValue != nil {
      return CustomResourceSchema(additional)
    }
    return nil
  }

  /// The schema of an array's items.
  public var items: CustomResourceSchema? { json["items"].map(CustomResourceSchema.init) }

  /// `type`, empty when not given.
  public var type: String { json["type"]?.stringValue ?? "" }

  /// Whether unknown fields under this node are kept (`x-kubernetes-preserve-unknown-fields`).
  var preservesUnknownFields: Bool { json["x-kubernetes-preserve-unknown-fields"]?.boolValue == true }

  // MARK: Pruning

  /// `value` (a whole custom object) with every field its schema does not name removed, and
  /// the paths removed (`spec.foo`), as the server prunes a request body. The root's
  /// `apiVersion`, `kind` and `metadata` are the server's own and stay.
  public func prune(object value: JSONValue) -> (JSONValue, [String]) {
    guard case .object(let pairs) = value else { return (value, []) }
    var unknown: [String] = []
    var kept: [(String, JSONValue)] = []
    for (key, field) in pairs {
      if ["apiVersion", "kind", "metadata"].contains(key) {
        kept.append((key, field))
      } else if let schema = property(key) {
        kept.append((key, schema.prune(field, path: key, unknown: &unknown)))
      } else if preservesUnknownFields {
        kept.append((key, field))
      } else {
        unknown.append(key)
      }
    }
    return (.object(kept), unknown)
  }

  /// Prunes one node at `path`.
  private func prune(_ value: JSONValue, path: String, unknown: inout [String]) -> JSONValue {
    switch value {
    case .object(let pairs):
      if json["x-kubernetes-embedded-resource"]?.boolValue == true { return value }
      var kept: [(String, JSONValue)] = []
      for (key, field) in pairs {
        if let schema = property(key) {
          kept.append((key, schema.prune(field, path: path + "." + key, unknown: &unknown)))
        } else if preservesUnknownFields || json["additionalProperties"]?.boolValue == true {
          kept.append((key, field))
        } else {
          unknown.append(path + "." + key)
        }
      }
      return .object(kept)
    case .array(let items):
      guard let itemSchema = self.items else { return value }
      return .array(
        items.enumerated().map { index, item in
          itemSchema.prune(item, path: path + "[\(index)]", unknown: &unknown)
        })
    default:
      return value
    }
  }

  // MARK: Validation

  /// The type, required-property and enum errors of a pruned custom object.
  public func validate(object value: JSONValue) -> [FieldError] {
    var errors: [FieldError] = []
    for key in (json["required"]?.arrayValue ?? []).compactMap(\.stringValue) where value[key] == nil {
      errors.append(FieldError(field: key, type: "Required value"))
    }
    for (key, field) in value.objectValue ?? [] where !["apiVersion", "kind", "metadata"].contains(key) {
      property(key)?.validate(field, path: key, errors: &errors)
    }
    return errors
  }

  /// Checks one node at `path`: its type first (a wrong type stops there, as kube-openapi's
  /// validator does), then its enum, then its properties or items.
  private func validate(_ value: JSONValue, path: String, errors: inout [FieldError]) {
    if case .null = value, json["nullable"]?.boolValue == true { return }
    let actual = Self.openAPIType(of: value)
    let intOrString = json["x-kubernetes-int-or-string"]?.boolValue == true
    if intOrString {
      if actual != "integer" && actual != "string" {
        errors.append(
          FieldError(
            field: path, type: "Invalid value", value: Validation.quote(actual),
            detail: "\(path) in body must be of type integer,string: \(Validation.quote(actual))"))
        return
      }
    } else if !type.isEmpty && !(type == actual || (type == "number" && actual == "integer")) {
      errors.append(
        FieldError(
          field: path, type: "Invalid value", value: Validation.quote(actual),
          detail: "\(path) in body must be of type \(type): \(Validation.quote(actual))"))
      return
    }
    if let allowed = json["enum"]?.arrayValue, !allowed.contains(value) {
      let names = allowed.map { item in item.stringValue.map(Validation.quote) ?? Self.compact(item) }
      errors.append(
        FieldError(
          field: path, type: "Unsupported value", value: value.stringValue.map(Validation.quote) ?? Self.compact(value),
          detail: "supported values: " + names.joined(separator: ", ")))
    }
    switch value {
    case .object(let pairs):
      for key in (json["required"]?.arrayValue ?? []).compactMap(\.stringValue) where value[key] == nil {
        errors.append(FieldError(field: path + "." + key, type: "Required value"))
      }
      for (key, field) in pairs { property(key)?.validate(field, path: path + "." + key, errors: &errors) }
    case .array(let items):
      guard let itemSchema = self.items else { return }
      for (index, item) in items.enumerated() { itemSchema.validate(item, path: path + "[\(index)]", errors: &errors) }
    default:
      break
    }
  }

  /// The OpenAPI type a JSON value has, as kube-openapi names it in its errors.
  static func openAPIType(of value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "boolean"
    case .int: return "integer"
    case .double(let number): return number.rounded() == number && abs(number) < 9e15 ? "integer" : "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  /// A scalar as Go's `%v` prints it (enum values that are not strings).
  private static func compact(_ value: JSONValue) -> String {
    switch value {
    case .int(let number): return String(number)
    case .double(let number): return String(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
    default: return value.typeName
    }
  }
}
