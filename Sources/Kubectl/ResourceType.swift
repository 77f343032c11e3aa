/// A kind of API object kubectl can name, with every spelling kubectl accepts for it.
public struct ResourceType: Sendable, Equatable, Hashable {
  /// The plural resource name (`pods`).
  public var plural: String
  /// The singular name (`pod`).
  public var singular: String
  /// The Kind (`Pod`).
  public var kind: String
  /// The API group, empty for the core group.
  public var group: String
  /// The short names served by discovery (`po`).
  public var shortNames: [String]
  /// Whether objects of this type live in a namespace.
  public var namespaced: Bool

  /// `<kind-lowercase>[.<group>]`: the prefix of `-o name` and success messages.
  public var qualifiedKind: String {
    group.isEmpty ? kind.lowercased() : kind.lowercased() + "." + group
  }

  /// `<plural>[.<group>]`: how server errors name the resource.
  public var qualifiedResource: String {
    group.isEmpty ? plural : plural + "." + group
  }

  public static let pods = ResourceType(
    plural: "pods", singular: "pod", kind: "Pod", group: "", shortNames: ["po"], namespaced: true)
  public static let nodes = ResourceType(
    plural: "nodes", singular: "node", kind: "Node", group: "", shortNames: ["no"], namespaced: false)
  public static let namespaces = ResourceType(
    plural: "namespaces", singular: "namespace", kind: "Namespace", group: "", shortNames: ["ns"],
    namespaced: false)

  public static let deployments = ResourceType(
    plural: "deployments", singular: "deployment", kind: "Deployment", group: "apps", shortNames: ["deploy"],
    namespaced: true)
  public static let replicaSets = ResourceType(
    plural: "replicasets", singular: "replicaset", kind: "ReplicaSet", group: "apps", shortNames: ["rs"],
    namespaced: true)
  public static let services = ResourceType(
    plural: "services", singular: "service", kind: "Service", group: "", shortNames: ["svc"], namespaced: true)
  public static let endpoints = ResourceType(
    plural: "endpoints", singular: "endpoints", kind: "Endpoints", group: "", shortNames: ["ep"], namespaced: true)
  public static let configMaps = ResourceType(
    plural: "configmaps", singular: "configmap", kind: "ConfigMap", group: "", shortNames: ["cm"], namespaced: true)
  public static let secrets = ResourceType(
    plural: "secrets", singular: "secret", kind: "Secret", group: "", shortNames: [], namespaced: true)
  public static let jobs = ResourceType(
    plural: "jobs", singular: "job", kind: "Job", group: "batch", shortNames: [], namespaced: true)
  public static let cronJobs = ResourceType(
    plural: "cronjobs", singular: "cronjob", kind: "CronJob", group: "batch", shortNames: ["cj"], namespaced: true)
  public static let statefulSets = ResourceType(
    plural: "statefulsets", singular: "statefulset", kind: "StatefulSet", group: "apps", shortNames: ["sts"],
    namespaced: true)
  public static let claims = ResourceType(
    plural: "persistentvolumeclaims", singular: "persistentvolumeclaim", kind: "PersistentVolumeClaim", group: "",
    shortNames: ["pvc"], namespaced: true)
  public static let volumes = ResourceType(
    plural: "persistentvolumes", singular: "persistentvolume", kind: "PersistentVolume", group: "",
    shortNames: ["pv"], namespaced: false)
  public static let storageClasses = ResourceType(
    plural: "storageclasses", singular: "storageclass", kind: "StorageClass", group: "storage.k8s.io",
    shortNames: ["sc"], namespaced: false)
  public static let autoscalers = ResourceType(
    plural: "horizontalpodautoscalers", singular: "horizontalpodautoscaler", kind: "HorizontalPodAutoscaler",
    group: "autoscaling", shortNames: ["hpa"], namespaced: true)
  public static let ingresses = ResourceType(
    plural: "ingresses", singular: "ingress", kind: "Ingress", group: "networking.k8s.io", shortNames: ["ing"],
    namespaced: true)
  public static let controllerRevisions = ResourceType(
    plural: "controllerrevisions", singular: "controllerrevision", kind: "ControllerRevision", group: "apps",
    shortNames: [], namespaced: true)
  public static let endpointSlices = ResourceType(
    plural: "endpointslices", singular: "endpointslice", kind: "EndpointSlice", group: "discovery.k8s.io",
    shortNames: [], namespaced: true)
  public static let daemonSets = ResourceType(
    plural: "daemonsets", singular: "daemonset", kind: "DaemonSet", group: "apps", shortNames: ["ds"],
    namespaced: true)
  public static let replicationControllers = ResourceType(
    plural: "replicationcontrollers", singular: "replicationcontroller", kind: "ReplicationController", group: "",
    shortNames: ["rc"], namespaced: true)

  public static let events = ResourceType(
    plural: "events", singular: "event", kind: "Event", group: "", shortNames: ["ev"], namespaced: true)

  /// Every type the simulator serves, in discovery order.
  public static let all: [ResourceType] = [
    pods, replicationControllers, services, endpoints, configMaps, secrets, nodes, namespaces, events, daemonSets,
    controllerRevisions, deployments, replicaSets, statefulSets, autoscalers, cronJobs, jobs, endpointSlices, ingresses,
    claims, volumes, storageClasses,
  ]

  /// The members of the `all` category the simulator serves, in the order `kubectl get all`
  /// prints them (core first, then apps).
  public static let allCategory: [ResourceType] = [
    pods, replicationControllers, services, daemonSets, deployments, replicaSets, statefulSets, autoscalers,
    cronJobs, jobs,
  ]

  /// Spellings of real Kubernetes types that the simulator does not serve yet: asking for
  /// them is an honest "not simulated" error, not a false "no such type".
  static let unsimulatedNames: Set<String> = [
    "ingressclasses", "ingressclass", "networkpolicies", "networkpolicy", "netpol",
  ]

  /// Resolves a type name as kubectl's RESTMapper does: plural, singular, short name or
  /// Kind, optionally group-qualified (`deployments.apps`), case-insensitively.
  public static func resolve(_ name: String) -> ResourceType? {
    let lower = name.lowercased()
    for type in all {
      var spellings = [type.plural, type.singular, type.kind.lowercased()] + type.shortNames
      if !type.group.isEmpty {
        spellings += [type.plural + "." + type.group, type.singular + "." + type.group]
      }
      if spellings.contains(lower) { return type }
    }
    return nil
  }
}
