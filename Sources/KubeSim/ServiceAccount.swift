/// A ServiceAccount (v1): an identity for processes in pods. Every namespace gets a `default`
/// one as soon as it exists, as kube-controller-manager's serviceaccounts-controller creates it
/// (``Cluster/addDefaultServiceAccount(in:)``).
///
/// A real kubeadm cluster also holds, in kube-system, the accounts of the controllers
/// (`deployment-controller`, `replicaset-controller`, …) and of the addons (`coredns`,
/// `kube-proxy`); no captured listing of them exists in the reference, so the simulator keeps
/// to `default` and does not check that a pod's `serviceAccountName` exists.
public struct ServiceAccount: Sendable, Equatable {
  public var metadata: ObjectMeta
  /// `secrets`: the names of the secrets pods of this account may mount (none on a modern
  /// cluster, where tokens are projected).
  public var secrets: [String] = []
  /// `imagePullSecrets`: the names of secrets pods of this account pull images with.
  public var imagePullSecrets: [String] = []
  /// `automountServiceAccountToken`, nil when not set.
  public var automountServiceAccountToken: Bool?

  /// Creates a ServiceAccount.
  public init(metadata: ObjectMeta) {
    self.metadata = metadata
  }

  /// The account as `kubectl get sa -o yaml` shows it (`apiVersion`, `automountServiceAccountToken`,
  /// `imagePullSecrets`, `kind`, `metadata`, `secrets`).
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("apiVersion", .string("v1"))
    object.set("automountServiceAccountToken", automountServiceAccountToken.map(JSONValue.bool))
    if !imagePullSecrets.isEmpty {
      object.set("imagePullSecrets", .array(imagePullSecrets.map { .object([("name", .string($0))]) }))
    }
    object.set("kind", .string("ServiceAccount"))
    object.set("metadata", metadata.json)
    if !secrets.isEmpty { object.set("secrets", .array(secrets.map { .object([("name", .string($0))]) })) }
    return object.value
  }
}

extension ServiceAccount: StoredResource {
  public static let resource = ResourceType(
    plural: "serviceaccounts", singular: "serviceaccount", kind: "ServiceAccount", group: "", shortNames: ["sa"],
    namespaced: true)
  public static var store: KeyPath<Cluster, [String: ServiceAccount]> { \.serviceAccounts }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Cluster {
  /// The serviceaccounts-controller's work for a new namespace: its `default` account.
  mutating func addDefaultServiceAccount(in namespace: String) {
    let key = Self.key(namespace, "default")
    guard serviceAccounts[key] == nil else { return }
    var meta = ObjectMeta(name: "default", namespace: namespace)
    meta.creationTimestamp = now
    stampAside(&meta, stream: "serviceaccount")
    serviceAccounts[key] = ServiceAccount(metadata: meta)
  }

  /// Admits a new ServiceAccount (`kubectl create serviceaccount`, `apply -f`).
  @discardableResult
  public mutating func createServiceAccount(_ account: ServiceAccount) throws(APIError) -> ServiceAccount {
    try requireStoreRoom(serviceAccounts.count, kind: "ServiceAccounts")
    return try admitNew(account, causes: [], generation: false)
  }

  /// Replaces a ServiceAccount (apply).
  public mutating func updateServiceAccount(_ account: ServiceAccount) throws(APIError) {
    try replace(account, causes: []) { _, _ in true }
  }

  /// Deletes a ServiceAccount. The controller puts `default` back at once, as the real one does.
  public mutating func deleteServiceAccount(_ name: String, namespace: String) throws(APIError) {
    try remove(ServiceAccount.self, name, namespace: namespace)
    if name == "default", let space = namespaces[namespace], space.metadata.deletionTimestamp == nil {
      addDefaultServiceAccount(in: namespace)
    }
  }

  /// Refuses a create once a kind holds as many objects as the simulator keeps.
  func requireStoreRoom(_ count: Int, kind: String) throws(APIError) {
    if count >= config.limits.maxServices {
      throw .limitExceeded("kubebook simulates at most \(config.limits.maxServices) \(kind)")
    }
  }
}
