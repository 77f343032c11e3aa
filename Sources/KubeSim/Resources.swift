/// A container's resource requests and limits (`resources:`), CPU in millicores and memory in
/// bytes, with the quantities as the API server canonicalises them.
public struct ResourceRequirements: Sendable, Equatable {
  public var requests: [String: Int64] = [:]
  public var limits: [String: Int64] = [:]

  /// Creates empty requirements.
  public init() {}

  public var isEmpty: Bool { requests.isEmpty && limits.isEmpty }

  /// The requirements as the API server serialises them.
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    if !limits.isEmpty { object.set("limits", Self.quantities(limits)) }
    if !requests.isEmpty { object.set("requests", Self.quantities(requests)) }
    return object.value
  }

  static func quantities(_ map: [String: Int64]) -> JSONValue {
    .object(map.keys.sorted().map { ($0, .string(format($0, map[$0]!))) })
  }

  /// A quantity in its canonical form: CPU as cores or `m`, memory in the largest binary unit
  /// that divides it (`500m`, `1`, `128Mi`, `1Gi`).
  public static func format(_ resource: String, _ value: Int64) -> String {
    if resource == "cpu" { return value % 1000 == 0 ? String(value / 1000) : "\(value)m" }
    // A negative quantity keeps its unit (`-1Gi`), as Quantity.String() writes it.
    let magnitude = value.magnitude
    for (suffix, factor) in [
      ("Ti", UInt64(1) << 40), ("Gi", UInt64(1) << 30), ("Mi", UInt64(1) << 20), ("Ki", UInt64(1) << 10),
    ]
    where magnitude >= factor && magnitude % factor == 0 {
      return (value < 0 ? "-" : "") + "\(magnitude / factor)\(suffix)"
    }
    return String(value)
  }

  /// The API server's checks of these requirements for the container at `path`
  /// (`ValidateResourceRequirements`, pkg/apis/core/validation/validation.go): no negative
  /// quantity, and no request above its limit; limits first, then requests, by name.
  func validationErrors(path: String) -> [FieldError] {
    var causes: [FieldError] = []
    for name in limits.keys.sorted() where limits[name, default: 0] < 0 {
      causes.append(
        FieldError(
          field: "\(path).resources.limits[\(name)]", type: "Invalid value",
          value: Validation.quote(Self.format(name, limits[name, default: 0])),
          detail: "must be greater than or equal to 0"))
    }
    for name in requests.keys.sorted() {
      let request = requests[name, default: 0]
      if request < 0 {
        causes.append(
          FieldError(
            field: "\(path).resources.requests[\(name)]", type: "Invalid value",
            value: Validation.quote(Self.format(name, request)), detail: "must be greater than or equal to 0"))
      }
      if let limit = limits[name], request > limit {
        causes.append(
          FieldError(
            field: "\(path).resources.requests", type: "Invalid value",
            value: Validation.quote(Self.format(name, request)),
            detail: "must be less than or equal to \(name) limit of \(Self.format(name, limit))"))
      }
    }
    return causes
  }

  /// Parses a quantity for `resource` (`250m`, `0.5`, `2`, `64Mi`, `1G`): CPU in millicores,
  /// anything else in whole units (``Quantity``).
  public static func parse(_ resource: String, _ text: String) -> Int64? {
    try? amount(resource, text)
  }

  /// ``parse(_:_:)`` with apimachinery's error for text that is no quantity.
  public static func amount(_ resource: String, _ text: String) throws(Quantity.ParseError) -> Int64 {
    resource == "cpu" ? try Quantity.millis(text) : try Quantity.units(text)
  }
}

extension Pod {
  /// The pod's QoS class: Guaranteed, Burstable or BestEffort.
  public var qosClass: String {
    let containers = spec.containers
    if containers.allSatisfy({ $0.resources.isEmpty }) { return "BestEffort" }
    let guaranteed = containers.allSatisfy { container in
      ["cpu", "memory"].allSatisfy {
        container.resources.limits[$0] != nil && container.resources.limits[$0] == container.resources.requests[$0]
      }
    }
    return guaranteed ? "Guaranteed" : "Burstable"
  }

  /// The sum of the containers' requests for `resource`.
  public func requested(_ resource: String) -> Int64 {
    spec.containers.reduce(0) { $0.saturatingAdd($1.resources.requests[resource] ?? 0) }
  }
}
