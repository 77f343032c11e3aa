/// A Lease (coordination.k8s.io/v1): here, the heartbeat each node's kubelet keeps in
/// `kube-node-lease`, held by the node, 40 s long, renewed every 10 s. The store keeps each
/// lease's identity; its `renewTime` is read from the clock and the node's kubelet
/// (``Node/leaseRenewTime(now:)``) when listed, so time passing costs nothing.
///
/// Not simulated: the leader-election leases in kube-system (`kube-controller-manager`,
/// `kube-scheduler`, the API servers' identity leases); a lease's resource version stays the
/// one it was created with, where a real kubelet's renewals bump it every 10 s; leases cannot
/// be created or edited through the API.
public struct Lease: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var holderIdentity: String
  public var leaseDurationSeconds = 40
  /// The last renewal; nil until listed.
  public var renewTime: Timestamp?
  /// The node that owns the lease, as the kubelet's owner reference names it.
  public var ownerNode: (name: String, uid: String)

  /// Creates a node's lease.
  public init(node: Node) {
    self.metadata = ObjectMeta(name: node.metadata.name, namespace: Self.nodeLeaseNamespace)
    self.holderIdentity = node.metadata.name
    self.ownerNode = (node.metadata.name, node.metadata.uid)
  }

  /// Where node leases live.
  public static let nodeLeaseNamespace = "kube-node-lease"

  public static func == (a: Lease, b: Lease) -> Bool {
    a.metadata == b.metadata && a.holderIdentity == b.holderIdentity
      && a.leaseDurationSeconds == b.leaseDurationSeconds && a.renewTime == b.renewTime
      && a.ownerNode == b.ownerNode
  }

  /// The lease as `kubectl get lease -o yaml` shows it: the kubelet's owner reference has no
  /// `controller` or `blockOwnerDeletion`; `renewTime` is a MicroTime.
  public var json: JSONValue {
    var meta = metadata.json.objectValue ?? []
    let owner: JSONValue = .array([
      .object([
        ("apiVersion", .string("v1")), ("kind", .string("Node")), ("name", .string(ownerNode.name)),
        ("uid", .string(ownerNode.uid)),
      ])
    ])
    meta.insert(("ownerReferences", owner), at: meta.firstIndex { $0.0 == "resourceVersion" } ?? meta.count)
    var spec = JSONObjectBuilder()
    spec.set("holderIdentity", .string(holderIdentity))
    spec.set("leaseDurationSeconds", .int(Int64(leaseDurationSeconds)))
    spec.set("renewTime", renewTime.map { .string(Self.microTime($0)) })
    return .object([
      ("apiVersion", .string("coordination.k8s.io/v1")), ("kind", .string("Lease")), ("metadata", .object(meta)),
      ("spec", spec.value),
    ])
  }

  /// `metav1.MicroTime` in JSON: RFC 3339 with six fractional digits.
  static func microTime(_ time: Timestamp) -> String {
    let millis = ((time.milliseconds % 1000) + 1000) % 1000
    let fraction = String(millis)
    return String(time.rfc3339.dropLast()) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
      + "000Z"
  }
}

extension Lease: APIResource {
  public static let resource = ResourceType(
    plural: "leases", singular: "lease", kind: "Lease", group: "coordination.k8s.io", shortNames: [],
    namespaced: true)

  public func json(now: Timestamp) -> JSONValue { json }

  /// The stored leases in key order, each renewed as its node's kubelet last renewed it.
  public static func list(in cluster: Cluster, namespace: String?) -> [Lease] {
    cluster.leases.keys.sorted().compactMap { key in
      guard let lease = cluster.leases[key] else { return nil }
      if let namespace, lease.metadata.namespace != namespace { return nil }
      return renewed(lease, in: cluster)
    }
  }

  /// The lease called `name` in `namespace`, renewed.
  public static func get(_ name: String, namespace: String, in cluster: Cluster) -> Lease? {
    cluster.leases[Cluster.key(namespace, name)].map { renewed($0, in: cluster) }
  }

  /// `lease` with its node's last renewal.
  static func renewed(_ lease: Lease, in cluster: Cluster) -> Lease {
    var lease = lease
    lease.renewTime = cluster.nodes[lease.ownerNode.name]?.leaseRenewTime(now: cluster.now)
    return lease
  }
}

extension Cluster {
  /// The kubelet's lease for a node that has just registered.
  mutating func addNodeLease(for node: Node) {
    var lease = Lease(node: node)
    lease.metadata.creationTimestamp = node.metadata.creationTimestamp
    stampAside(&lease.metadata, stream: "lease")
    leases[Self.key(lease.metadata)] = lease
  }
}
