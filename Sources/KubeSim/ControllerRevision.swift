/// A ControllerRevision (`apps/v1`) as `kubectl get controllerrevisions` lists it: a template
/// a StatefulSet or DaemonSet has had, named `<owner>-<hash>`, numbered in the order the
/// templates were first used (a template used again is renumbered as the newest, as a
/// rollback does).
public struct ControllerRevision: Sendable, Equatable {
  /// One revision of an owner.
  public struct Entry: Sendable, Equatable {
    public var name: String
    public var number: Int
    public var created: Timestamp
  }

  public var metadata: ObjectMeta
  /// `statefulset.apps/web`.
  public var controller: String
  public var revision: Int

  /// Records that the owner's current template is `name`: a new revision, or an older one
  /// made the newest.
  static func record(_ name: String, in entries: inout [Entry], at now: Timestamp) {
    let next = (entries.map(\.number).max() ?? 0) + 1
    if let index = entries.firstIndex(where: { $0.name == name }) {
      if entries[index].number != next - 1 { entries[index].number = next }
      return
    }
    entries.append(Entry(name: name, number: next, created: now))
  }
}

extension Cluster {
  /// The ControllerRevisions of the StatefulSets and DaemonSets of `namespace` (or all), by
  /// namespace and name.
  public func listControllerRevisions(namespace: String?) -> [ControllerRevision] {
    var result: [ControllerRevision] = []
    func add(_ entries: [ControllerRevision.Entry], owner: ObjectMeta, kind: String) {
      for entry in entries {
        var metadata = ObjectMeta(name: entry.name, namespace: owner.namespace ?? "default")
        metadata.creationTimestamp = entry.created
        result.append(
          ControllerRevision(metadata: metadata, controller: kind + "/" + owner.name, revision: entry.number))
      }
    }
    for set in StatefulSet.list(in: self, namespace: namespace) {
      let entries = (statefulSetController.revisions[set.metadata.uid] ?? []).map {
        ControllerRevision.Entry(name: $0.name, number: $0.number, created: $0.created)
      }
      add(entries, owner: set.metadata, kind: "statefulset.apps")
    }
    for set in DaemonSet.list(in: self, namespace: namespace) {
      add(daemonSetController.revisions[set.metadata.uid] ?? [], owner: set.metadata, kind: "daemonset.apps")
    }
    return result.sorted {
      ($0.metadata.namespace ?? "", $0.metadata.name) < ($1.metadata.namespace ?? "", $1.metadata.name)
    }
  }
}

extension ControllerRevision: APIResource {
  /// Only the metadata: the rest is not simulated (`get` shows these as a table only).
  public func json(now: Timestamp) -> JSONValue { .object([("metadata", metadata.json)]) }

  public static func list(in cluster: Cluster, namespace: String?) -> [ControllerRevision] {
    cluster.listControllerRevisions(namespace: namespace)
  }

  public static func get(_ name: String, namespace: String, in cluster: Cluster) -> ControllerRevision? {
    cluster.listControllerRevisions(namespace: namespace).first { $0.metadata.name == name }
  }
  public static let resource = ResourceType(
    plural: "controllerrevisions", singular: "controllerrevision", kind: "ControllerRevision", group: "apps",
    shortNames: [], namespaced: true)
}
