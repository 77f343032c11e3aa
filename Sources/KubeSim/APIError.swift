/// An error the simulated API server returns, carrying what kubectl needs to print it.
public enum APIError: Error, Sendable, Equatable {
  /// `<resource> "<name>" not found` (resource is the plural, group-qualified: `pods`,
  /// `deployments.apps`).
  case notFound(resource: String, name: String)
  /// `<resource> "<name>" already exists`.
  case alreadyExists(resource: String, name: String)
  /// `The <Kind> "<name>" is invalid: ...` with one or more field causes.
  case invalid(kind: String, name: String, causes: [FieldError])
  /// `<resource> "<name>" is forbidden: <reason>` (admission refused the request).
  case forbidden(resource: String, name: String, reason: String)
  /// HTTP 429: the server refuses for now (an eviction a disruption budget forbids).
  case tooManyRequests(String)
  /// HTTP 500 with the server's message (several budgets cover the pod being evicted).
  case internalError(String)
  /// A simulator bound was reached (object counts, rounds, virtual time).
  case limitExceeded(String)
  /// HTTP 409 for a write carrying a stale `metadata.resourceVersion` (`NewConflict` with
  /// `registry.OptimisticLockErrorMsg`).
  case conflict(resource: String, name: String)

  /// The text etcd3's store gives a conflicting update (`registry.OptimisticLockErrorMsg`).
  public static let optimisticLockMessage =
    "the object has been modified; please apply your changes to the latest version and try again"
}

/// One field validation failure (`apimachinery/pkg/util/validation/field`).
public struct FieldError: Sendable, Equatable {
  /// The field path, e.g. `metadata.name` or `spec.containers[0].image`.
  public var field: String
  /// `Required value`, `Invalid value`, `Unsupported value`, ...
  public var type: String
  /// The offending value, already formatted (strings quoted), or nil.
  public var value: String?
  /// The detail message, or nil.
  public var detail: String?

  /// Creates a field error.
  public init(field: String, type: String, value: String? = nil, detail: String? = nil) {
    self.field = field
    self.type = type
    self.value = value
    self.detail = detail
  }

  /// The error's text: `<field>: <type>[: <value>][: <detail>]`.
  public var message: String {
    var text = "\(field): \(type)"
    if let value { text += ": \(value)" }
    if let detail { text += ": \(detail)" }
    return text
  }
}
