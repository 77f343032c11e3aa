/// A container's resource requests and limits (`resources:`), CPU in millicores and memory in
/// bytes, with the quantities as the API server canonicalises them.
public struct ResourceRequirements: Sendable, Equatable {
  public var requests: [String: Int64] = [:]
  public var limits: [String: Int64] = [:]
  /// The requests' texts as the API server writes them back (`Quantity.String()`: `1G` stays
  /// `1G`), by resource name; see ``requestText(_:)``.
  public var requestTexts: [String: String] = [:]
  /// The limits' texts, as ``requestTexts`` keeps the requests'.
  public var limitTexts: [String: String] = [:]

  /// Creates empty requirements.
  public init() {}

  public var isEmpty: Bool { requests.isEmpty && limits.isEmpty }

  /// The requirements as the API server serialises them.
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    if !limits.isEmpty { object.set("limits", Self.quantities(limits, texts: limitTexts)) }
    if !requests.isEmpty { object.set("requests", Self.quantities(requests, texts: requestTexts)) }
    return object.value
  }

  static func quantities(_ map: [String: Int64], texts: [String: String] = [:]) -> JSONValue {
    .object(map.keys.sorted().map { ($0, .string(text($0, map[$0]!, written: texts[$0]))) })
  }

  /// The request for `name` as the API server writes it: its manifest's canonical text while
  /// that still reads as the stored amount, else ``format(_:_:)`` of the amount.
  public func requestText(_ name: String) -> String {
    Self.text(name, requests[name] ?? 0, written: requestTexts[name])
  }

  /// The limit for `name` as the API server writes it (as ``requestText(_:)``).
  public func limitText(_ name: String) -> String {
    Self.text(name, limits[name] ?? 0, written: limitTexts[name])
  }

  /// `written` when it reads as `value`, else `value` formatted.
  private static func text(_ name: String, _ value: Int64, written: String?) -> String {
    if let written, parse(name, written) == value { return written }
    return format(name, value)
  }

  /// Sets the request (`limit` false) or limit for `name` from a manifest's text, keeping
  /// its canonical text; apimachinery's error when it is no quantity.
  public mutating func set(_ name: String, text: String, limit: Bool) throws(Quantity.ParseError) {
    let canonical = try Quantity.canonicalJSON(text)
    let amount = try Self.amount(name, canonical)
    if limit {
      limits[name] = amount
      limitTexts[name] = canonical
    } else {
      requests[name] = amount
      requestTexts[name] = canonical
    }
  }

  /// Requests default to the limits (`SetDefaults_ResourceList` through the pod defaults):
  /// each limit with no request is copied, text and all.
  public mutating func defaultRequestsToLimits() {
    for (name, limit) in limits where requests[name] == nil {
      requests[name] = limit
      requestTexts[name] = limitTexts[name]
    }
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
          value: Validation.quote(limitText(name)),
          detail: "must be greater than or equal to 0"))
    }
    for name in requests.keys.sorted() {
      let request = requests[name, default: 0]
      if request < 0 {
        causes.append(
          FieldError(
            field: "\(path).resources.requests[\(name)]", type: "Invalid value",
            value: Validation.quote(requestText(name)), detail: "must be greater than or equal to 0"))
      }
      if let limit = limits[name], request > limit {
        causes.append(
          FieldError(
            field: "\(path).resources.requests", type: "Invalid value",
            value: Validation.quote(requestText(name)),
            detail: "must be less than or equal to \(name) limit of \(limitText(name))"))
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
