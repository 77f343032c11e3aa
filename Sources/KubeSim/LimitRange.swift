/// A LimitRange (v1): per-container defaults and bounds for CPU and memory in a namespace. The
/// LimitRanger admission (``Cluster/applyLimitRanges(to:)``, ``Cluster/checkLimitRanges(_:)``)
/// fills a new pod's missing requests and limits from `defaultRequest` and `default` and refuses
/// a container outside `min`/`max`.
///
/// Not simulated: `maxLimitRequestRatio` (kept and shown, not enforced) and the `Pod` and
/// `PersistentVolumeClaim` item types (kept, not enforced).
public struct LimitRange: Sendable, Equatable {
  /// One `spec.limits` item; quantities in canonical form by resource name.
  public struct Item: Sendable, Equatable {
    /// `Container`, `Pod` or `PersistentVolumeClaim`.
    public var type: String
    public var max: [String: String] = [:]
    public var min: [String: String] = [:]
    public var defaultLimit: [String: String] = [:]
    public var defaultRequest: [String: String] = [:]
    public var maxLimitRequestRatio: [String: String] = [:]

    /// Creates an item.
    public init(type: String) {
      self.type = type
    }

    /// `SetDefaults_LimitRangeItem`: for containers, `default` falls back to `max` and
    /// `defaultRequest` to `default`, then to `min`.
    mutating func applyDefaults() {
      guard type == "Container" else { return }
      for (name, value) in max where defaultLimit[name] == nil { defaultLimit[name] = value }
      for (name, value) in defaultLimit where defaultRequest[name] == nil { defaultRequest[name] = value }
      for (name, value) in min where defaultRequest[name] == nil { defaultRequest[name] = value }
    }

    /// The item as the API serialises it.
    var json: JSONValue {
      var object = JSONObjectBuilder()
      if !defaultLimit.isEmpty { object.set("default", .stringMap(defaultLimit)) }
      if !defaultRequest.isEmpty { object.set("defaultRequest", .stringMap(defaultRequest)) }
      if !max.isEmpty { object.set("max", .stringMap(max)) }
      if !maxLimitRequestRatio.isEmpty { object.set("maxLimitRequestRatio", .stringMap(maxLimitRequestRatio)) }
      if !min.isEmpty { object.set("min", .stringMap(min)) }
      object.set("type", .string(type))
      return object.value
    }
  }

  public var metadata: ObjectMeta
  public var limits: [Item]

  /// Creates a LimitRange.
  public init(metadata: ObjectMeta, limits: [Item]) {
    self.metadata = metadata
    self.limits = limits
  }

  /// The LimitRange as `kubectl get limits -o yaml` shows it.
  public var json: JSONValue {
    .object([
      ("apiVersion", .string("v1")), ("kind", .string("LimitRange")), ("metadata", metadata.json),
      ("spec", .object([("limits", .array(limits.map(\.json)))])),
    ])
  }

  /// `ValidateLimitRange`'s check of each item's type.
  func validate() -> [FieldError] {
    limits.enumerated().compactMap { index, item in
      ["Container", "Pod", "PersistentVolumeClaim"].contains(item.type)
        ? nil
        : FieldError(
          field: "spec.limits[\(index)].type", type: "Unsupported value", value: Validation.quote(item.type),
          detail: "supported values: \"Container\", \"PersistentVolumeClaim\", \"Pod\"")
    }
  }

  /// A quantity of `resource` in the unit containers keep it in (millicores for CPU).
  static func amount(_ resource: String, _ text: String) -> Int64 {
    (try? (resource == "cpu" ? Quantity.millis(text) : Quantity.units(text))) ?? 0
  }
}

extension LimitRange: StoredResource {
  public static let resource = ResourceType(
    plural: "limitranges", singular: "limitrange", kind: "LimitRange", group: "", shortNames: ["limits"],
    namespaced: true)
  public static var store: KeyPath<Cluster, [String: LimitRange]> { \.limitRanges }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Cluster {
  /// Admits a new LimitRange, its items defaulted.
  @discardableResult
  public mutating func createLimitRange(_ limitRange: LimitRange) throws(APIError) -> LimitRange {
    try requireStoreRoom(limitRanges.count, kind: "LimitRanges")
    var limitRange = limitRange
    for index in limitRange.limits.indices { limitRange.limits[index].applyDefaults() }
    return try admitNew(limitRange, causes: limitRange.validate(), generation: false)
  }

  /// Replaces a LimitRange's items, labels and annotations (apply).
  public mutating func updateLimitRange(_ limitRange: LimitRange) throws(APIError) {
    var limitRange = limitRange
    for index in limitRange.limits.indices { limitRange.limits[index].applyDefaults() }
    try replace(limitRange, causes: limitRange.validate()) { _, _ in true }
  }

  /// Deletes a LimitRange.
  public mutating func deleteLimitRange(_ name: String, namespace: String) throws(APIError) {
    try remove(LimitRange.self, name, namespace: namespace)
  }

  /// The LimitRanger's mutation (`plugin/pkg/admission/limitranger`,
  /// `defaultContainerResourceRequirements` and `mergeContainerResources`): each container's
  /// missing limits and requests come from the namespace's Container items, and the pod notes
  /// what was set in `kubernetes.io/limit-ranger`.
  func applyLimitRanges(to pod: inout Pod) {
    // One range after the other, as `PodMutateLimitFunc` runs per range: what a range set
    // is no longer missing for the next, and each range that sets something rewrites the note.
    for range in LimitRange.list(in: self, namespace: pod.metadata.namespace ?? "default") {
      var defaultLimits: [String: String] = [:]
      var defaultRequests: [String: String] = [:]
      for item in range.limits where item.type == "Container" {
        defaultRequests.merge(item.defaultRequest) { $1 }
        defaultLimits.merge(item.defaultLimit) { $1 }
      }
      var notes: [String] = []
      for index in pod.spec.containers.indices {
        var resources = pod.spec.containers[index].resources
        let setLimits = defaultLimits.keys.sorted().filter { resources.limits[$0] == nil }
        let setRequests = defaultRequests.keys.sorted().filter { resources.requests[$0] == nil }
        // The defaults are canonical texts already (decoded as quantities).
        for name in setLimits { try? resources.set(name, text: defaultLimits[name] ?? "0", limit: true) }
        for name in setRequests { try? resources.set(name, text: defaultRequests[name] ?? "0", limit: false) }
        pod.spec.containers[index].resources = resources
        let container = pod.spec.containers[index].name
        if !setRequests.isEmpty {
          notes.append(setRequests.joined(separator: ", ") + " request for container \(container)")
        }
        if !setLimits.isEmpty { notes.append(setLimits.joined(separator: ", ") + " limit for container \(container)") }
      }
      if !notes.isEmpty {
        pod.metadata.annotations["kubernetes.io/limit-ranger"] =
          "LimitRanger plugin set: " + notes.joined(separator: "; ")
      }
    }
  }

  /// The LimitRanger's validation (`PodValidateLimitFunc`, `minConstraint`, `maxConstraint`):
  /// every container within each Container item's `min` and `max`, resources in name order.
  func checkLimitRanges(_ pod: Pod) throws(APIError) {
    var errors: [String] = []
    for range in LimitRange.list(in: self, namespace: pod.metadata.namespace ?? "default") {
      for item in range.limits where item.type == "Container" {
        for container in pod.spec.containers {
          let requests = container.resources.requests
          let limits = container.resources.limits
          for name in item.min.keys.sorted() {
            let enforced = item.min[name] ?? "0"
            let bound = LimitRange.amount(name, enforced)
            if let request = requests[name] {
              if request < bound {
                errors.append(
                  "minimum \(name) usage per Container is \(enforced), but request is \(container.resources.requestText(name))"
                )
              } else if let limit = limits[name], limit < bound {
                errors.append(
                  "minimum \(name) usage per Container is \(enforced), but limit is \(container.resources.limitText(name))"
                )
              }
            } else {
              errors.append("minimum \(name) usage per Container is \(enforced).  No request is specified")
            }
          }
          for name in item.max.keys.sorted() {
            let enforced = item.max[name] ?? "0"
            let bound = LimitRange.amount(name, enforced)
            if let limit = limits[name] {
              if limit > bound {
                errors.append(
                  "maximum \(name) usage per Container is \(enforced), but limit is \(container.resources.limitText(name))"
                )
              } else if let request = requests[name], request > bound {
                errors.append(
                  "maximum \(name) usage per Container is \(enforced), but request is \(container.resources.requestText(name))"
                )
              }
            } else {
              errors.append("maximum \(name) usage per Container is \(enforced).  No limit is specified")
            }
          }
        }
      }
    }
    guard !errors.isEmpty else { return }
    throw .forbidden(
      resource: "pods", name: pod.metadata.name,
      reason: errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]")
  }
}
