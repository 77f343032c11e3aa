import KubeSim

extension ResourceType {
  /// Short spellings of the served kinds' names for the commands that single some out
  /// (`scale` takes `.deployments`, ...); the names themselves live with each kind.
  static var pods: ResourceType { Pod.resource }
  static var nodes: ResourceType { Node.resource }
  static var namespaces: ResourceType { Namespace.resource }
  static var deployments: ResourceType { Deployment.resource }
  static var replicaSets: ResourceType { ReplicaSet.resource }
  static var services: ResourceType { Service.resource }
  static var endpoints: ResourceType { Endpoints.resource }
  static var configMaps: ResourceType { ConfigMap.resource }
  static var secrets: ResourceType { Secret.resource }
  static var jobs: ResourceType { Job.resource }
  static var cronJobs: ResourceType { CronJob.resource }
  static var statefulSets: ResourceType { StatefulSet.resource }
  static var claims: ResourceType { PersistentVolumeClaim.resource }
  static var volumes: ResourceType { PersistentVolume.resource }
  static var storageClasses: ResourceType { StorageClass.resource }
  static var autoscalers: ResourceType { HorizontalPodAutoscaler.resource }
  static var ingresses: ResourceType { Ingress.resource }
  static var controllerRevisions: ResourceType { ControllerRevision.resource }
  static var endpointSlices: ResourceType { EndpointSlice.resource }
  static var daemonSets: ResourceType { DaemonSet.resource }
  static var replicationControllers: ResourceType { ReplicationController.resource }

  /// Events: listed by `kubectl get events` through its own table (`EventsTable`), not served
  /// as objects otherwise.
  static let events = ResourceType(
    plural: "events", singular: "event", kind: "Event", group: "", shortNames: ["ev"], namespaced: true)

  /// Events as `events.k8s.io` serves them too (discovery lists both groups).
  static let eventsInEventsGroup = ResourceType(
    plural: "events", singular: "event", kind: "Event", group: "events.k8s.io", shortNames: ["ev"], namespaced: true)

  /// The version discovery prefers among ``versions``: GA before beta before alpha, then the
  /// higher number (apimachinery's `version.CompareKubeAwareVersionStrings`): `v2` over `v1`.
  var preferredVersion: String {
    versions.max { Self.kubeAwareRank($0).lexicographicallyPrecedes(Self.kubeAwareRank($1)) } ?? "v1"
  }

  /// The sort key of a `v<major>[alpha|beta<minor>]` version: stability, major, minor.
  private static func kubeAwareRank(_ version: String) -> [Int] {
    let body = version.dropFirst()
    let major = Int(body.prefix { $0.isASCII && $0.isNumber }) ?? 0
    let rest = body.drop { $0.isASCII && $0.isNumber }
    let stability = rest.hasPrefix("beta") ? 1 : rest.hasPrefix("alpha") ? 0 : 2
    let minor = Int(rest.drop { !($0.isASCII && $0.isNumber) }) ?? 0
    return [stability, major, minor]
  }

  /// Every type the simulator serves, in discovery order.
  static let all: [ResourceType] = {
    var types = ServedKinds.all.map { $0.resource }
    // Discovery lists events after namespaces in the core group.
    types.insert(events, at: (types.firstIndex(of: Namespace.resource) ?? types.count - 1) + 1)
    return types
  }()

  /// `Kind[.group]`, as Go prints a `schema.GroupKind` (`%v`): no dot for the core group.
  var groupKind: String { group.isEmpty ? kind : kind + "." + group }

  /// The kind served under these names (nil for events).
  var served: (any KubectlResource.Type)? { ServedKinds.kind(of: self) }

  /// The members of the `all` category the simulator serves, in the order `kubectl get all`
  /// prints them (core first, then apps).
  static let allCategory: [ResourceType] = [
    pods, replicationControllers, services, daemonSets, deployments, replicaSets, statefulSets, autoscalers,
    cronJobs, jobs,
  ]

  /// Spellings of real Kubernetes types that the simulator does not serve yet: asking for
  /// them is an honest "not simulated" error, not a false "no such type".
  static var unsimulatedNames: Set<String> { DiscoveryResources.unsimulatedNames }

  /// Resolves a type name as kubectl's RESTMapper does: plural, singular, short name or
  /// Kind, optionally group-qualified (`deployments.apps`) or version- and group-qualified
  /// (`deployments.v1.apps`, `schema.ParseResourceArg`), case-insensitively.
  static func resolve(_ name: String) -> ResourceType? {
    let lower = name.lowercased()
    return all.first { $0.spellings.contains(lower) }
  }

  /// Resolves a type name against discovery on `cluster`: the built-in kinds first, then
  /// those its CustomResourceDefinitions define.
  static func resolve(_ name: String, in cluster: Cluster?) -> ResourceType? {
    if let type = resolve(name) { return type }
    let lower = name.lowercased()
    return cluster?.customResourceTypes.first { $0.spellings.contains(lower) }
  }

  /// Every lowercased spelling kubectl's RESTMapper accepts for the type.
  var spellings: [String] {
    var spellings = [plural, singular, kind.lowercased()] + shortNames
    if !group.isEmpty {
      spellings += [plural + "." + group, singular + "." + group]
      // The shortcut expander replaces a short name whose group matches (`hpa.autoscaling`).
      spellings += shortNames.map { $0 + "." + group }
      for version in versions {
        spellings += ([plural, singular] + shortNames).map { $0 + "." + version + "." + group }
      }
    }
    return spellings
  }
}
