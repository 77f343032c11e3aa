/// A StatefulSet: pods with stable names (`<set>-<ordinal>`), stable DNS names through a
/// headless Service, and a PersistentVolumeClaim each that outlives them (`docs/reference/controllers.md` §3).
public struct StatefulSet: Sendable, Equatable {
  /// One `volumeClaimTemplates` entry.
  public struct ClaimTemplate: Sendable, Equatable {
    public var name: String
    public var labels: [String: String]
    public var storageClassName: String?
    public var accessModes: [String]
    public var request: String

    /// Creates a claim template.
    public init(
      name: String, labels: [String: String] = [:], storageClassName: String? = nil, accessModes: [String],
      request: String
    ) {
      self.name = name
      self.labels = labels
      self.storageClassName = storageClassName
      self.accessModes = accessModes
      self.request = request
    }
  }

  /// What the StatefulSet controller last wrote into `status`.
  public struct Status: Sendable, Equatable {
    public var replicas = 0
    public var readyReplicas = 0
    public var availableReplicas = 0
    public var currentReplicas = 0
    public var updatedReplicas = 0
    public var currentRevision = ""
    public var updateRevision = ""
    public var observedGeneration = 0

    /// Creates empty counts.
    public init() {}
  }

  public var metadata: ObjectMeta
  public var replicas = 1
  public var selector: SelectorSpec
  public var template: PodTemplate
  public var serviceName: String
  /// `OrderedReady` or `Parallel`.
  public var podManagementPolicy = APIField<PodManagementPolicy>.known(.orderedReady)
  /// `RollingUpdate` or `OnDelete`.
  public var updateStrategy = APIField<UpdateStrategyType>.known(.rollingUpdate)
  /// Whether `updateStrategy.rollingUpdate` is present: API defaulting adds `{partition: 0}`
  /// when `updateStrategy.type` is left out, but not to `{type: RollingUpdate}` alone.
  public var hasRollingUpdate = true
  public var partition = 0
  /// `persistentVolumeClaimRetentionPolicy`: what becomes of the claims when the set is
  /// deleted and when it is scaled down (`Retain` or `Delete`).
  public var claimsWhenDeleted = APIField<ClaimRetentionPolicy>.known(.retain)
  public var claimsWhenScaled = APIField<ClaimRetentionPolicy>.known(.retain)
  public var minReadySeconds = 0
  public var revisionHistoryLimit = 10
  public var claimTemplates: [ClaimTemplate] = []
  public var status = Status()

  /// Creates a StatefulSet.
  public init(metadata: ObjectMeta, selector: SelectorSpec, template: PodTemplate, serviceName: String) {
    self.metadata = metadata
    self.selector = selector
    self.template = template
    self.serviceName = serviceName
  }

  /// The StatefulSet as `kubectl get sts -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    if minReadySeconds > 0 { spec.set("minReadySeconds", .int(Int64(minReadySeconds))) }
    spec.set(
      "persistentVolumeClaimRetentionPolicy",
      .object([("whenDeleted", .string(claimsWhenDeleted.text)), ("whenScaled", .string(claimsWhenScaled.text))]))
    spec.set("podManagementPolicy", .string(podManagementPolicy.text))
    spec.set("replicas", .int(Int64(replicas)))
    spec.set("revisionHistoryLimit", .int(Int64(revisionHistoryLimit)))
    spec.set("selector", selector.json)
    spec.set("serviceName", .string(serviceName))
    spec.set("template", template.json)
    if updateStrategy.value == .rollingUpdate && hasRollingUpdate {
      spec.set(
        "updateStrategy",
        .object([
          ("rollingUpdate", .object([("partition", .int(Int64(partition)))])), ("type", .string(updateStrategy.text)),
        ]))
    } else {
      spec.set("updateStrategy", .object([("type", .string(updateStrategy.text))]))
    }
    if !claimTemplates.isEmpty {
      spec.set(
        "volumeClaimTemplates",
        .array(
          claimTemplates.map { template in
            var metadata = JSONObjectBuilder()
            metadata.set("creationTimestamp", .null)
            if !template.labels.isEmpty { metadata.set("labels", .stringMap(template.labels)) }
            metadata.set("name", .string(template.name))
            var claimSpec = JSONObjectBuilder()
            claimSpec.set("accessModes", .array(template.accessModes.map(JSONValue.string)))
            claimSpec.set("resources", .object([("requests", .object([("storage", .string(template.request))]))]))
            claimSpec.set("storageClassName", template.storageClassName.map(JSONValue.string))
            claimSpec.set("volumeMode", .string("Filesystem"))
            return .object([
              ("apiVersion", .string("v1")), ("kind", .string("PersistentVolumeClaim")),
              ("metadata", metadata.value), ("spec", claimSpec.value),
              ("status", .object([("phase", .string("Pending"))])),
            ])
          }))
    }
    var statusObject = JSONObjectBuilder()
    if status.availableReplicas > 0 { statusObject.set("availableReplicas", .int(Int64(status.availableReplicas))) }
    statusObject.set("collisionCount", .int(0))
    if status.currentReplicas > 0 { statusObject.set("currentReplicas", .int(Int64(status.currentReplicas))) }
    statusObject.set("currentRevision", .string(status.currentRevision))
    statusObject.set("observedGeneration", .int(Int64(status.observedGeneration)))
    if status.readyReplicas > 0 { statusObject.set("readyReplicas", .int(Int64(status.readyReplicas))) }
    statusObject.set("replicas", .int(Int64(status.replicas)))
    statusObject.set("updateRevision", .string(status.updateRevision))
    if status.updatedReplicas > 0 { statusObject.set("updatedReplicas", .int(Int64(status.updatedReplicas))) }
    return .object([
      ("apiVersion", .string("apps/v1")), ("kind", .string("StatefulSet")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", statusObject.value),
    ])
  }
}

extension StatefulSet: StoredResource {
  public static let resource = ResourceType(
    plural: "statefulsets", singular: "statefulset", kind: "StatefulSet", group: "apps", shortNames: ["sts"],
    namespaced: true)
  public static var store: KeyPath<Cluster, [String: StatefulSet]> { \.statefulSets }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension StatefulSet: ScalableResource {
  public static func writeScale(_ object: StatefulSet, in cluster: inout Cluster) throws(APIError) {
    try cluster.updateStatefulSet(object)
  }
}

extension StatefulSet: PodTemplated {
  public static func writeTemplate(_ object: StatefulSet, in cluster: inout Cluster) throws(APIError) {
    try cluster.updateStatefulSet(object)
  }
}
