import KubeSim

/// The client's kubeconfig, as kubeadm writes `admin.conf`: one cluster `kubernetes`, one user
/// `kubernetes-admin` and the context `kubernetes-admin@kubernetes` joining them. It lives in
/// the ``Terminal``, so `kubectl config set-context --current --namespace=NS` changes the
/// namespace of the commands typed after it. Credentials are not simulated: `view` prints
/// them as kubectl does without `--raw`, `DATA+OMITTED`.
public struct Kubeconfig: Sendable, Equatable {
  /// A named cluster entry: where its API server listens.
  struct ClusterEntry: Sendable, Equatable {
    var name: String
    var server: String
  }

  /// A named context: a cluster, a user and the default namespace (nil: `default`).
  struct Context: Sendable, Equatable {
    var name: String
    var cluster: String
    var user: String
    var namespace: String?
  }

  /// The clusters, sorted by name (kubectl writes the file's maps in name order).
  var clusters: [ClusterEntry]
  /// The users' names, sorted.
  var users: [String]
  /// The contexts, sorted by name.
  var contexts: [Context]
  /// The context commands use (`current-context`), empty when unset.
  var currentContext: String

  /// kubeadm's `admin.conf` for `cluster`: its API server is the control-plane node's address
  /// on port 6443 (`--apiserver-advertise-address`, `--apiserver-bind-port`).
  public init(cluster: Cluster) {
    let address = cluster.nodes["control-plane"]?.status.internalIP ?? "127.0.0.1"
    clusters = [ClusterEntry(name: "kubernetes", server: "https://\(address):6443")]
    users = ["kubernetes-admin"]
    contexts = [Context(name: "kubernetes-admin@kubernetes", cluster: "kubernetes", user: "kubernetes-admin")]
    currentContext = "kubernetes-admin@kubernetes"
  }

  /// The current context, if it exists.
  var current: Context? { contexts.first { $0.name == currentContext } }

  /// The namespace of the current context, when it names one.
  public var namespace: String? { current?.namespace.flatMap { $0.isEmpty ? nil : $0 } }

  /// The API server of the current context's cluster (`rest.Config.Host`).
  var server: String? {
    guard let current else { return nil }
    return clusters.first { $0.name == current.cluster }?.server
  }

  /// Adds or replaces a context, keeping the contexts in name order.
  mutating func store(_ context: Context) {
    contexts.removeAll { $0.name == context.name }
    contexts.append(context)
    contexts.sort { $0.name < $1.name }
  }

  /// The file as kubectl serialises it (`clientcmdapi/v1.Config`'s field order), reduced to
  /// the current context and what it uses when `minified` (`--minify`).
  func json(minified: Bool) -> JSONValue {
    var clusters = clusters
    var users = users
    var contexts = contexts
    if minified, let current {
      contexts = [current]
      clusters = clusters.filter { $0.name == current.cluster }
      users = users.filter { $0 == current.user }
    }
    let clusterValues: [JSONValue] = clusters.map { entry in
      .object([
        ("name", .string(entry.name)),
        (
          "cluster",
          .object([("server", .string(entry.server)), ("certificate-authority-data", .string(Self.omitted))])
        ),
      ])
    }
    let userValues: [JSONValue] = users.map { name in
      .object([
        ("name", .string(name)),
        (
          "user",
          .object([
            ("client-certificate-data", .string(Self.omitted)), ("client-key-data", .string(Self.omitted)),
          ])
        ),
      ])
    }
    let contextValues: [JSONValue] = contexts.map { context in
      var fields = JSONObjectBuilder()
      fields.set("cluster", .string(context.cluster))
      fields.set("user", .string(context.user))
      fields.set("namespace", context.namespace.flatMap { $0.isEmpty ? nil : JSONValue.string($0) })
      return .object([("name", .string(context.name)), ("context", fields.value)])
    }
    return .object([
      ("kind", .string("Config")), ("apiVersion", .string("v1")), ("preferences", .object([])),
      ("clusters", .array(clusterValues)), ("users", .array(userValues)), ("contexts", .array(contextValues)),
      ("current-context", .string(currentContext)),
    ])
  }

  /// What `kubectl config view` prints instead of certificate and key data without `--raw`.
  static let omitted = "DATA+OMITTED"
}
