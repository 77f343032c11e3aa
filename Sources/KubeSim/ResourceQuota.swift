/// A ResourceQuota (v1): caps on what a namespace may hold (`pods`, `requests.cpu`,
/// `count/deployments.apps`, ...). Pod creations beyond a cap are refused by the quota
/// admission (``Cluster/admitQuota(_:)``); ``ResourceQuotaController`` keeps `status.used`.
///
/// Not simulated: quota scopes (`--scopes`, `scopeSelector`), which the simulator refuses, and
/// usage of resources it does not model (`requests.storage`, `services.nodeports`, extended
/// resources); such names are kept in `hard` with no `used` entry.
public struct ResourceQuota: Sendable, Equatable {
  /// What the quota controller last computed: `hard` as synced and `used` per resource name,
  /// each a quantity in canonical form.
  public struct Status: Sendable, Equatable {
    public var hard: [String: String] = [:]
    public var used: [String: String] = [:]
  }

  public var metadata: ObjectMeta
  /// `spec.hard`: each quantity in canonical form (`1000m` is `1`).
  public var hard: [String: String]
  public var scopes: [String] = []
  public var status = Status()

  /// Creates a quota.
  public init(metadata: ObjectMeta, hard: [String: String]) {
    self.metadata = metadata
    self.hard = hard
  }

  /// The quota as `kubectl get quota -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    if !hard.isEmpty { spec.set("hard", .stringMap(hard)) }
    if !scopes.isEmpty { spec.set("scopes", .array(scopes.map(JSONValue.string))) }
    var status = JSONObjectBuilder()
    if !self.status.hard.isEmpty { status.set("hard", .stringMap(self.status.hard)) }
    if !self.status.used.isEmpty { status.set("used", .stringMap(self.status.used)) }
    return .object([
      ("apiVersion", .string("v1")), ("kind", .string("ResourceQuota")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", status.value),
    ])
  }

  /// `ValidateResourceQuota` (`pkg/apis/core/validation`), for the names and quantities: each
  /// name a standard quota resource or a qualified name, each quantity not negative.
  func validate() -> [FieldError] {
    var causes: [FieldError] = []
    for name in hard.keys.sorted() {
      let path = "spec.hard[\(name)]"
      if !name.contains("/") && !ResourceQuotaUsage.isStandard(name) {
        causes.append(
          FieldError(
            field: path, type: "Invalid value", value: Validation.quote(name),
            detail: "must be a standard resource for quota"))
      }
      if hard[name]?.hasPrefix("-") == true {
        causes.append(
          FieldError(
            field: path, type: "Invalid value", value: Validation.quote(hard[name] ?? ""),
            detail: "must be greater than or equal to 0"))
      }
    }
    return causes
  }
}

extension ResourceQuota: StoredResource {
  public static let resource = ResourceType(
    plural: "resourcequotas", singular: "resourcequota", kind: "ResourceQuota", group: "", shortNames: ["quota"],
    namespaced: true)
  public static var store: KeyPath<Cluster, [String: ResourceQuota]> { \.resourceQuotas }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Cluster {
  /// Admits a new quota (no generation; status empty until the controller syncs it).
  @discardableResult
  public mutating func createResourceQuota(_ quota: ResourceQuota) throws(APIError) -> ResourceQuota {
    guard quota.scopes.isEmpty else {
      throw .limitExceeded("kubebook does not simulate quota scopes; create the quota without --scopes")
    }
    try requireStoreRoom(resourceQuotas.count, kind: "ResourceQuotas")
    var quota = quota
    quota.status = ResourceQuota.Status()
    return try admitNew(quota, causes: quota.validate(), generation: false)
  }

  /// Replaces a quota's hard limits, labels and annotations (apply).
  public mutating func updateResourceQuota(_ quota: ResourceQuota) throws(APIError) {
    guard quota.scopes.isEmpty else {
      throw .limitExceeded("kubebook does not simulate quota scopes; apply the quota without scopes")
    }
    try replace(quota, causes: quota.validate()) { _, _ in true }
  }

  /// Deletes a quota.
  public mutating func deleteResourceQuota(_ name: String, namespace: String) throws(APIError) {
    try remove(ResourceQuota.self, name, namespace: namespace)
  }

  /// The quota admission plugin for a pod create (`plugin/pkg/admission/resourcequota`,
  /// `checkRequest`): for each quota of the namespace in name order, containers must state
  /// the CPU and memory the quota caps (`failed quota: NAME: must specify ...`), and the pod's
  /// usage added to what is used must stay within every cap (`exceeded quota: NAME, requested:
  /// ..., used: ..., limited: ...`).
  func admitQuota(_ pod: Pod) throws(APIError) {
    let namespace = pod.metadata.namespace ?? "default"
    let quotas = ResourceQuota.list(in: self, namespace: namespace)
    guard !quotas.isEmpty else { return }
    let requested = ResourceQuotaUsage.podUsage(pod)
    var used: [String: Int64]?
    for quota in quotas {
      let tracked = quota.hard.keys.filter { requested[$0] != nil }
      if let missing = ResourceQuotaUsage.missingRequests(pod, tracked: quota.hard.keys) {
        throw .forbidden(
          resource: "pods", name: pod.metadata.name, reason: "failed quota: \(quota.metadata.name): \(missing)")
      }
      guard !tracked.isEmpty else { continue }
      if used == nil { used = ResourceQuotaUsage.namespaceUsage(namespace, in: self) }
      var exceeded: [String] = []
      for name in tracked.sorted() {
        let limit = ResourceQuotaUsage.value(name, quota.hard[name] ?? "0")
        let now = used?[name] ?? 0
        if now.saturatingAdd(requested[name] ?? 0) > limit { exceeded.append(name) }
      }
      guard !exceeded.isEmpty else { continue }
      func pretty(_ values: (String) -> String) -> String {
        exceeded.map { "\($0)=\(values($0))" }.joined(separator: ",")
      }
      throw .forbidden(
        resource: "pods", name: pod.metadata.name,
        reason:
          "exceeded quota: \(quota.metadata.name), requested: \(pretty { ResourceQuotaUsage.format($0, requested[$0] ?? 0) }), used: \(pretty { ResourceQuotaUsage.format($0, used?[$0] ?? 0) }), limited: \(pretty { quota.hard[$0] ?? "0" })"
      )
    }
  }
}
