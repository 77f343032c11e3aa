import KubeSim
import Kubectl

/// What the pictures after a scenario show, read from the cluster through kubectl's own table
/// printers so every cell is what `kubectl get` prints: the workloads' and Services' tables of the
/// namespaces the lesson uses, and each pod's node, status and owner for the map.
struct ClusterState: Sendable {
  /// One kind's table, e.g. `deployments`.
  struct Table: Sendable {
    var kind: String
    var table: KubectlTable
  }

  /// A pod as the map draws it.
  struct PodPlacement: Sendable, Equatable {
    var namespace: String
    var name: String
    /// The node it is bound to; nil while it waits for the scheduler.
    var node: String?
    /// kubectl's STATUS column (`Running`, `ContainerCreating`, `CrashLoopBackOff`, ...).
    var status: String
    /// kubectl's READY column (`1/1`).
    var ready: String
    /// The workload it belongs to (`deployment/web`), or `pod/NAME` for a bare pod.
    var workload: String
    /// Which version of the workload's template it runs (`2` for a Deployment's revision 2,
    /// a template hash otherwise); empty for a bare pod.
    var revision: String
  }

  /// A node as the map draws it.
  struct NodeBox: Sendable, Equatable {
    var name: String
    var status: String
  }

  var tables: [Table]
  var pods: [PodPlacement]
  var nodes: [NodeBox]

  /// The namespaces a course's objects live in: all but the system ones.
  static func isLessonNamespace(_ namespace: String) -> Bool {
    !["kube-system", "kube-public", "kube-node-lease"].contains(namespace)
  }

  /// The kinds the tables may show, in this order; each only when it has objects.
  static let kinds = [
    Deployment.resource, StatefulSet.resource, DaemonSet.resource, ReplicaSet.resource, Job.resource,
    CronJob.resource, Pod.resource, Service.resource, Endpoints.resource,
  ].map(\.plural)

  /// Reads `cluster` through kubectl's table printers, as values (``ObjectTables``): each
  /// kind's `kubectl get` table (`-A` when the lesson uses other namespaces than `default`,
  /// pods `-o wide`).
  static func capture(_ cluster: Cluster) -> ClusterState {
    let namespaces = Set(cluster.pods.values.map { $0.metadata.namespace ?? "default" })
      .union(cluster.services.values.map { $0.metadata.namespace ?? "default" })
      .union(cluster.deployments.values.map { $0.metadata.namespace ?? "default" })
      .filter(isLessonNamespace)
    let allNamespaces = namespaces.count > 1 || (namespaces.count == 1 && !namespaces.contains("default"))
    let hasOwnServices = cluster.services.values.contains {
      let namespace = $0.metadata.namespace ?? "default"
      return isLessonNamespace(namespace) && !(namespace == "default" && $0.metadata.name == "kubernetes")
    }
    var tables: [Table] = []
    for kind in kinds {
      if (kind == Service.resource.plural || kind == Endpoints.resource.plural) && !hasOwnServices { continue }
      guard
        let (header, rows) = ObjectTables.get(
          kind, cluster: cluster, allNamespaces: allNamespaces, wide: kind == Pod.resource.plural)
      else { continue }
      var table = KubectlTable(header: header, rows: rows)
      if allNamespaces, let column = table.column("NAMESPACE") {
        table.rows = table.rows.filter { isLessonNamespace($0[column]) }
      }
      if !table.rows.isEmpty { tables.append(Table(kind: kind, table: table)) }
    }
    return ClusterState(tables: tables, pods: placements(cluster, tables: tables), nodes: nodeBoxes(cluster))
  }

  /// Every node with its STATUS, as `kubectl get nodes` shows them.
  static func nodeBoxes(_ cluster: Cluster) -> [NodeBox] {
    guard
      let (header, rows) = ObjectTables.get(
        Node.resource.plural, cluster: cluster, allNamespaces: false, wide: false),
      let status = header.firstIndex(of: "STATUS")
    else { return [] }
    return rows.map { NodeBox(name: $0[0], status: $0[status]) }
  }

  /// The pods of the lesson's namespaces with the owner and revision the map colours by.
  static func placements(_ cluster: Cluster, tables: [Table]) -> [PodPlacement] {
    guard let pods = tables.first(where: { $0.kind == Pod.resource.plural })?.table else { return [] }
    let namespaceColumn = pods.column("NAMESPACE")
    let nameColumn = pods.column("NAME") ?? 0
    guard let status = pods.column("STATUS"), let ready = pods.column("READY"), let node = pods.column("NODE")
    else { return [] }
    return pods.rows.map { row in
      let namespace = namespaceColumn.map { row[$0] } ?? "default"
      let name = row[nameColumn]
      let (workload, revision) = owner(of: cluster.pods[Cluster.key(namespace, name)], in: cluster)
      return PodPlacement(
        namespace: namespace, name: name, node: row[node] == "<none>" ? nil : row[node], status: row[status],
        ready: row[ready], workload: workload ?? "pod/\(name)", revision: revision)
    }
  }

  /// The top workload a pod belongs to and its template's version.
  static func owner(of pod: Pod?, in cluster: Cluster) -> (String?, String) {
    guard let pod, let controller = pod.metadata.controller else { return (nil, "") }
    let namespace = pod.metadata.namespace ?? "default"
    let hash = pod.metadata.labels["pod-template-hash"] ?? pod.metadata.labels["controller-revision-hash"] ?? ""
    if controller.kind == ReplicaSet.resource.kind,
      let set = cluster.replicaSets[Cluster.key(namespace, controller.name)]
    {
      if let deployment = set.metadata.controller, deployment.kind == Deployment.resource.kind {
        let revision = set.metadata.annotations["deployment.kubernetes.io/revision"] ?? hash
        return ("deployment/\(deployment.name)", revision)
      }
    }
    return ("\(controller.kind.lowercased())/\(controller.name)", hash)
  }
}
