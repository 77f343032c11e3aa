/// Name validation with the API server's exact messages
/// (`apimachinery/pkg/util/validation/validation.go`).
public enum Validation {
  /// The DNS-1123 subdomain rule's message (pods, deployments, configmaps, ...).
  public static let dns1123SubdomainMessage =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

  /// The DNS-1123 label rule's message (namespaces, container names, ...).
  public static let dns1123LabelMessage =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

  /// Whether `name` is a DNS-1123 label (at most 63 characters).
  public static func isDNS1123Label(_ name: String) -> Bool {
    guard !name.isEmpty, name.count <= 63 else { return false }
    let characters = Array(name.utf8)
    guard isAlphanumeric(characters.first!), isAlphanumeric(characters.last!) else { return false }
    return characters.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
  }

  /// Whether `name` is a DNS-1123 subdomain (at most 253 characters).
  public static func isDNS1123Subdomain(_ name: String) -> Bool {
    guard !name.isEmpty, name.count <= 253 else { return false }
    return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
      let label = Array($0.utf8)
      guard let first = label.first, let last = label.last else { return false }
      return isAlphanumeric(first) && isAlphanumeric(last)
        && label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  /// The field errors for an object name that must be a DNS-1123 subdomain.
  public static func validateSubdomainName(_ name: String, field: String = "metadata.name")
    -> [FieldError]
  {
    if name.isEmpty {
      return [FieldError(field: field, type: "Required value", detail: "name or generateName is required")]
    }
    if isDNS1123Subdomain(name) { return [] }
    return [
      FieldError(field: field, type: "Invalid value", value: quote(name), detail: dns1123SubdomainMessage)
    ]
  }

  /// Go's `%q` for the plain strings kubebook validates.
  public static func quote(_ text: String) -> String {
    var result = "\""
    for character in text {
      switch character {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default: result.append(character)
      }
    }
    return result + "\""
  }

  /// `ValidateLabelSelector`'s checks of `matchExpressions` (`apimachinery/pkg/apis/meta/v1/
  /// validation`, `ValidateLabelSelectorRequirement`): `In`/`NotIn` need values, `Exists`/
  /// `DoesNotExist` take none, and the operator must be one of those four.
  public static func labelSelector(_ selector: SelectorSpec, field: String) -> [FieldError] {
    var causes: [FieldError] = []
    for (index, expression) in selector.matchExpressions.enumerated() {
      let path = "\(field).matchExpressions[\(index)]"
      switch expression.op.value {
      case .in?, .notIn?:
        if expression.values.isEmpty {
          causes.append(
            FieldError(
              field: path + ".values", type: "Required value",
              detail: "must be specified when `operator` is 'In' or 'NotIn'"))
        }
      case .exists?, .doesNotExist?:
        if !expression.values.isEmpty {
          causes.append(
            FieldError(
              field: path + ".values", type: "Forbidden",
              detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
        }
      case nil:
        causes.append(
          FieldError(
            field: path + ".operator", type: "Invalid value", value: quote(expression.op.text),
            detail: "not a valid selector operator"))
      }
    }
    return causes
  }
}
