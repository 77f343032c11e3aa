/// A PriorityClass (scheduling.k8s.io/v1): a named pod priority. The API server creates the
/// two system classes (``systemClasses``). Pods get a class's value at admission
/// (``Cluster/admitPriority(_:)``); the scheduler orders its queue and preempts by it.
public struct PriorityClass: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var value: Int
  public var globalDefault = false
  public var description = ""
  /// `PreemptLowerPriority` (the default) or `Never`.
  public var preemptionPolicy = "PreemptLowerPriority"

  /// Creates a class.
  public init(metadata: ObjectMeta, value: Int) {
    self.metadata = metadata
    self.value = value
  }

  /// The highest value a user's class may have (`HighestUserDefinablePriority`).
  public static let highestUserDefinable = 1_000_000_000

  /// `SystemPriorityClasses()` (`pkg/apis/scheduling/types.go`): the classes the API server
  /// creates at start.
  public static let systemClasses: [PriorityClass] = [
    {
      var critical = PriorityClass(metadata: ObjectMeta(name: "system-cluster-critical"), value: 2_000_000_000)
      critical.description =
        "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."
      return critical
    }(),
    {
      var node = PriorityClass(metadata: ObjectMeta(name: "system-node-critical"), value: 2_000_001_000)
      node.description = "Used for system critical pods that must not be moved from their current node."
      return node
    }(),
  ]

  /// The class as `kubectl get pc -o yaml` shows it.
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("apiVersion", .string("scheduling.k8s.io/v1"))
    if !description.isEmpty { object.set("description", .string(description)) }
    if globalDefault { object.set("globalDefault", .bool(true)) }
    object.set("kind", .string("PriorityClass"))
    object.set("metadata", metadata.json)
    object.set("preemptionPolicy", .string(preemptionPolicy))
    object.set("value", .int(Int64(value)))
    return object.value
  }

  /// `ValidatePriorityClass` (`pkg/apis/scheduling/validation`): the `system-` prefix is
  /// reserved, user values stop at one billion, the policy is one of two.
  func validate() -> [FieldError] {
    var causes: [FieldError] = []
    let isSystem = Self.systemClasses.contains { $0.metadata.name == metadata.name }
    if metadata.name.hasPrefix("system-") && !isSystem {
      causes.append(
        FieldError(
          field: "metadata.name", type: "Invalid value", value: Validation.quote(metadata.name),
          detail: "priority class names with 'system-' prefix are reserved"))
    }
    if value > Self.highestUserDefinable && !isSystem {
      causes.append(
        FieldError(
          field: "value", type: "Forbidden",
          detail: "maximum allowed value of a user defined priority is \(Self.highestUserDefinable)"))
    }
    if !["PreemptLowerPriority", "Never"].contains(preemptionPolicy) {
      causes.append(
        FieldError(
          field: "preemptionPolicy", type: "Unsupported value", value: Validation.quote(preemptionPolicy),
          detail: "supported values: \"Never\", \"PreemptLowerPriority\""))
    }
    return causes
  }
}

extension PriorityClass: StoredResource {
  public static let resource = ResourceType(
    plural: "priorityclasses", singular: "priorityclass", kind: "PriorityClass", group: "scheduling.k8s.io",
    shortNames: ["pc"], namespaced: false)
  public static var store: KeyPath<Cluster, [String: PriorityClass]> { \.priorityClasses }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Cluster {
  /// Admits a new class; the Priority admission plugin allows one global default.
  @discardableResult
  public mutating func createPriorityClass(_ priorityClass: PriorityClass) throws(APIError) -> PriorityClass {
    try requireStoreRoom(priorityClasses.count, kind: "PriorityClasses")
    if priorityClass.globalDefault,
      let existing = priorityClasses.values.filter(\.globalDefault).map(\.metadata.name).min()
    {
      throw .forbidden(
        resource: "priorityclasses.scheduling.k8s.io", name: priorityClass.metadata.name,
        reason: "PriorityClass \(existing) is already marked as default. Only one default can exist")
    }
    return try admitNew(priorityClass, causes: priorityClass.validate(), generation: true)
  }

  /// Replaces a class's description, default flag, labels and annotations; its value and
  /// policy cannot change (`ValidatePriorityClassUpdate`).
  public mutating func updatePriorityClass(_ priorityClass: PriorityClass) throws(APIError) {
    var causes = priorityClass.validate()
    if let live = priorityClasses[priorityClass.metadata.name] {
      if live.value != priorityClass.value {
        causes.append(FieldError(field: "value", type: "Forbidden", detail: "may not be changed in an update."))
      }
      if live.preemptionPolicy != priorityClass.preemptionPolicy {
        causes.append(
          FieldError(
            field: "preemptionPolicy", type: "Invalid value", value: Validation.quote(priorityClass.preemptionPolicy),
            detail: "field is immutable"))
      }
    }
    try replace(priorityClass, causes: causes) { _, _ in true }
  }

  /// Deletes a class; the system classes cannot be deleted.
  public mutating func deletePriorityClass(_ name: String) throws(APIError) {
    if PriorityClass.systemClasses.contains(where: { $0.metadata.name == name }) {
      throw .forbidden(
        resource: "priorityclasses.scheduling.k8s.io", name: name,
        reason: "this is a system priority class and cannot be deleted")
    }
    try remove(PriorityClass.self, name, namespace: "")
  }
}
