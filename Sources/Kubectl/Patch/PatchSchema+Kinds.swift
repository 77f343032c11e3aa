/// The strategic-merge-patch schemas of the kinds kubebook serves, from the `patchStrategy`
/// and `patchMergeKey` tags of k8s.io/api v1.32.
extension PatchSchema {
  /// `ObjectMeta` (meta/v1): `finalizers` merge; `ownerReferences` merge by `uid`.
  static let objectMeta = PatchSchema(fields: [
    "finalizers": mergedScalars,
    "ownerReferences": mergeList(by: "uid"),
  ])

  /// `Container` (core/v1): `ports` by `containerPort`, `env` by `name`, `volumeMounts` by
  /// `mountPath`, `volumeDevices` by `devicePath`.
  static let container = PatchSchema(fields: [
    "ports": mergeList(by: "containerPort"),
    "env": mergeList(by: "name"),
    "volumeMounts": mergeList(by: "mountPath"),
    "volumeDevices": mergeList(by: "devicePath"),
  ])

  /// `PodSpec` (core/v1): containers, init and ephemeral containers, image pull secrets,
  /// scheduling gates by `name`; volumes and resource claims by `name` with `retainKeys`;
  /// host aliases by `ip`; topology spread constraints by `topologyKey`.
  static let podSpec = PatchSchema(fields: [
    "volumes": mergeList(by: "name", retainKeys: true),
    "initContainers": mergeList(by: "name", of: container),
    "containers": mergeList(by: "name", of: container),
    "ephemeralContainers": mergeList(by: "name", of: container),
    "imagePullSecrets": mergeList(by: "name"),
    "hostAliases": mergeList(by: "ip"),
    "topologySpreadConstraints": mergeList(by: "topologyKey"),
    "resourceClaims": mergeList(by: "name", retainKeys: true),
    "schedulingGates": mergeList(by: "name"),
  ])

  /// `PodTemplateSpec`.
  static let podTemplate = PatchSchema(fields: [
    "metadata": Field(schema: objectMeta), "spec": Field(schema: podSpec),
  ])

  /// Status conditions merge by `type` (`PodStatus`, `DeploymentStatus`, `NodeStatus`…).
  static let conditionsStatus = PatchSchema(fields: ["conditions": mergeList(by: "type")])

  /// Any object: its metadata and status conditions.
  static let resource = PatchSchema(fields: [
    "metadata": Field(schema: objectMeta), "status": Field(schema: conditionsStatus),
  ])

  /// A Pod: `PodSpec`, and `PodStatus` conditions by `type`.
  static let pod = resource.adding(["spec": Field(schema: podSpec)])

  /// A kind whose spec holds a pod `template` (ReplicaSet, StatefulSet, DaemonSet, Job,
  /// ReplicationController).
  static let podTemplateOwner = resource.adding([
    "spec": Field(schema: PatchSchema(fields: ["template": Field(schema: podTemplate)]))
  ])

  /// A Deployment: `DeploymentSpec.strategy` has `patchStrategy:"retainKeys"`.
  static let deployment = resource.adding([
    "spec": Field(
      schema: PatchSchema(fields: [
        "template": Field(schema: podTemplate), "strategy": Field(retainsKeys: true),
      ]))
  ])

  /// A CronJob: the pod template inside `spec.jobTemplate.spec`.
  static let cronJob = resource.adding([
    "spec": Field(schema: .nested(["jobTemplate": .nested(["spec": podTemplateOwner.field("spec").schema])]))
  ])

  /// A Service: `ServiceSpec.ports` by `port`.
  static let service = resource.adding([
    "spec": Field(schema: PatchSchema(fields: ["ports": mergeList(by: "port")]))
  ])

  /// A PodDisruptionBudget: `PodDisruptionBudgetSpec.selector` has `patchStrategy:"replace"`
  /// (policy/v1).
  static let podDisruptionBudget = resource.adding([
    "spec": Field(schema: PatchSchema(fields: ["selector": Field(replaces: true)]))
  ])

  /// A Node: `NodeSpec.podCIDRs` merges; `NodeStatus` conditions and addresses by `type`.
  static let node = resource.adding([
    "spec": Field(schema: PatchSchema(fields: ["podCIDRs": mergedScalars])),
    "status": Field(
      schema: PatchSchema(fields: ["conditions": mergeList(by: "type"), "addresses": mergeList(by: "type")])),
  ])
}
