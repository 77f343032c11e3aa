/// The annotations the Deployment controller reads and writes.
enum DeploymentAnnotations {
  static let revision = "deployment.kubernetes.io/revision"
  static let revisionHistory = "deployment.kubernetes.io/revision-history"
  static let desiredReplicas = "deployment.kubernetes.io/desired-replicas"
  static let maxReplicas = "deployment.kubernetes.io/max-replicas"
  static let rollbackTo = "deprecated.deployment.rollback.to"
  static let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"
  static let podTemplateHash = "pod-template-hash"

  /// Annotations never copied from a Deployment to its ReplicaSets.
  static let notCopied: Set<String> = [
    lastApplied, revision, revisionHistory, desiredReplicas, maxReplicas, rollbackTo,
  ]

  /// The revision number recorded on an object, 0 when absent.
  static func revision(of meta: ObjectMeta) -> Int {
    Int(meta.annotations[revision] ?? "") ?? 0
  }
}
