/// What the ReplicaSet controller needs from the objects it manages: ReplicaSets and
/// ReplicationControllers run the same code.
protocol ReplicatedWorkload: Sendable {
  /// The Kind (`ReplicaSet`).
  static var kind: String { get }
  /// The apiVersion written into the pods' owner references.
  static var apiVersion: String { get }
  var metadata: ObjectMeta { get set }
  var replicas: Int { get }
  var labelSelector: LabelSelector { get }
  var template: PodTemplate { get }
  var minReadySeconds: Int { get }
  var status: ReplicaCounts { get set }
}

extension ReplicaSet: ReplicatedWorkload {
  static let kind = "ReplicaSet"
  static let apiVersion = "apps/v1"
  var labelSelector: LabelSelector { selector.selector }
}

extension ReplicationController: ReplicatedWorkload {
  static let kind = "ReplicationController"
  static let apiVersion = "v1"
  var labelSelector: LabelSelector { LabelSelector(matchLabels: selector) }
}
