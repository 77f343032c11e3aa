/// A DaemonSet: one pod from its template on every eligible node (`docs/reference/controllers.md` §4.1),
/// replaced node by node when the template changes (RollingUpdate) or only when deleted
/// (OnDelete).
public struct DaemonSet: Sendable, Equatable {
  /// What the DaemonSet controller last wrote into `status`.
  public struct Status: Sendable, Equatable {
    public var desiredNumberScheduled = 0
    public var currentNumberScheduled = 0
    public var numberMisscheduled = 0
    public var numberReady = 0
    public var updatedNumberScheduled = 0
    public var numberAvailable = 0
    public var observedGeneration = 0

    /// Creates zero counts.
    public init() {}
  }

  public var metadata: ObjectMeta
  public var selector: SelectorSpec
  public var template: PodTemplate
  public var minReadySeconds = 0
  public var revisionHistoryLimit = 10
  /// `spec.updateStrategy.type`: `RollingUpdate` (the default) or `OnDelete`.
  public var updateStrategy = APIField<UpdateStrategyType>.known(.rollingUpdate)
  /// `spec.updateStrategy.rollingUpdate`, defaulted as apps/v1 does.
  public var maxUnavailable = IntOrPercent.int(1)
  public var maxSurge = IntOrPercent.int(0)
  public var status = Status()

  /// Creates a DaemonSet.
  public init(metadata: ObjectMeta, selector: SelectorSpec, template: PodTemplate) {
    self.metadata = metadata
    self.selector = selector
    self.template = template
  }

  /// The tolerations the controller adds to every pod it makes (`AddOrUpdateDaemonPodTolerations`),
  /// all with operator Exists.
  static func addedTolerations(hostNetwork: Bool) -> [Toleration] {
    var tolerations = [
      Toleration(key: "node.kubernetes.io/not-ready", operator: .known(.exists), effect: .known(.noExecute)),
      Toleration(key: "node.kubernetes.io/unreachable", operator: .known(.exists), effect: .known(.noExecute)),
      Toleration(key: "node.kubernetes.io/disk-pressure", operator: .known(.exists), effect: .known(.noSchedule)),
      Toleration(key: "node.kubernetes.io/memory-pressure", operator: .known(.exists), effect: .known(.noSchedule)),
      Toleration(key: "node.kubernetes.io/pid-pressure", operator: .known(.exists), effect: .known(.noSchedule)),
      Toleration(key: "node.kubernetes.io/unschedulable", operator: .known(.exists), effect: .known(.noSchedule)),
    ]
    if hostNetwork {
      tolerations.append(
        Toleration(
          key: "node.kubernetes.io/network-unavailable", operator: .known(.exists), effect: .known(.noSchedule)))
    }
    return tolerations
  }
}

extension DaemonSet: StoredResource {
  public static let resource = ResourceType(
    plural: "daemonsets", singular: "daemonset", kind: "DaemonSet", group: "apps", shortNames: ["ds"], namespaced: true)
  public static var store: KeyPath<Cluster, [String: DaemonSet]> { \.daemonSets }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension DaemonSet: PodTemplated {
  public static func writeTemplate(_ object: DaemonSet, in cluster: inout Cluster) throws(APIError) {
    try cluster.updateDaemonSet(object)
  }
}
