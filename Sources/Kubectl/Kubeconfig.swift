import KubeSim

/// The client's kubeconfig, as kubeadm writes `admin.conf`: one cluster `kubernetes`, one user
/// `kubernetes-admin` and the context `kubernetes-admin@kubernetes` joining them. It lives in
/// the ``Terminal``, so `kubectl config set-context --current --namespace=NS` changes the
/// namespace of the commands typed after it, and every `kubectl config` edit lasts for the rest
/// of the page. The entries hold what `clientcmdapi.Config` holds (client-go's internal type,
/// which `kubectl config set` navigates); ``KubeconfigDocument`` prints them as `config view`
/// does. kubeadm's certificates and key are ``KubeconfigData/kubeadm(_:)``: `view` prints
/// them as `DATA+OMITTED`, `--raw` the seeded ``ClusterPKI``'s PEM files.
public struct Kubeconfig: Sendable, Equatable {
  /// A cluster entry (`clientcmdapi.Cluster`): where its API server listens and how to trust it.
  struct ClusterEntry: Sendable, Equatable {
    var server = ""
    var tlsServerName = ""
    var insecureSkipTLSVerify = false
    var certificateAuthority = ""
    var certificateAuthorityData: KubeconfigData?
    var proxyURL = ""
    var disableCompression = false
  }

  /// A user entry (`clientcmdapi.AuthInfo`): the credentials a context presents.
  struct UserEntry: Sendable, Equatable {
    var clientCertificate = ""
    var clientCertificateData: KubeconfigData?
    var clientKey = ""
    var clientKeyData: KubeconfigData?
    var token = ""
    var tokenFile = ""
    var impersonate = ""
    var impersonateUID = ""
    var impersonateGroups: [String] = []
    var username = ""
    var password = ""
    var authProvider: AuthProvider?
    var exec: ExecPlugin?
  }

  /// An auth provider (`clientcmdapi.AuthProviderConfig`); `config` is nil until set.
  struct AuthProvider: Sendable, Equatable {
    var name: String
    var config: [String: String]?
  }

  /// An exec credential plugin (`clientcmdapi.ExecConfig`). `args` and `env` stay nil until
  /// set: kubectl prints `args: null` and `env: null` for them.
  struct ExecPlugin: Sendable, Equatable {
    var command: String
    var args: [String]?
    var env: [EnvVar]?
    var apiVersion = ""
    var installHint = ""
    var provideClusterInfo = false
    var interactiveMode = ""
  }

  /// One environment variable of an exec plugin.
  struct EnvVar: Sendable, Equatable {
    var name: String
    var value: String
  }

  /// A context (`clientcmdapi.Context`): a cluster, a user and the default namespace (empty:
  /// `default`).
  struct ContextEntry: Sendable, Equatable {
    var cluster = ""
    var user = ""
    var namespace = ""
  }

  /// The clusters by name (printed in name order, as kubectl converts its maps).
  var clusters: [String: ClusterEntry]
  /// The users by name.
  var users: [String: UserEntry]
  /// The contexts by name.
  var contexts: [String: ContextEntry]
  /// The context commands use (`current-context`), empty when unset.
  var currentContext: String
  /// `preferences.colors`.
  var colors = false
  /// Where the file is: kubeadm's instructions copy `admin.conf` to `$HOME/.kube/config`,
  /// and `delete-*` and `rename-context` name it in their messages.
  public var path = "/root/.kube/config"
  /// The shell's working directory, against which kubectl makes `--certificate-authority`,
  /// `--client-certificate` and `--client-key` paths absolute; the page's files are in it.
  public var workingDirectory = "/root"

  /// kubeadm's `admin.conf` for `cluster`: its API server is the control-plane node's address
  /// on port 6443 (`--apiserver-advertise-address`, `--apiserver-bind-port`).
  public init(cluster: Cluster) {
    let address = cluster.nodes["control-plane"]?.status.internalIP ?? "127.0.0.1"
    clusters = [
      "kubernetes": ClusterEntry(server: "https://\(address):6443", certificateAuthorityData: .kubeadm(.caCertificate))
    ]
    users = [
      "kubernetes-admin": UserEntry(
        clientCertificateData: .kubeadm(.adminCertificate), clientKeyData: .kubeadm(.adminKey))
    ]
    contexts = ["kubernetes-admin@kubernetes": ContextEntry(cluster: "kubernetes", user: "kubernetes-admin")]
    currentContext = "kubernetes-admin@kubernetes"
  }

  /// The current context, if it exists.
  var current: ContextEntry? { contexts[currentContext] }

  /// The namespace of the current context, when it names one.
  public var namespace: String? { current.flatMap { $0.namespace.isEmpty ? nil : $0.namespace } }

  /// The API server of the current context's cluster (`rest.Config.Host`).
  public var server: String? {
    guard let current else { return nil }
    return clusters[current.cluster]?.server
  }

  /// `path` made absolute against the working directory, as Go's `filepath.Abs` does.
  func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return FilePath.clean(path) }
    return FilePath.clean(workingDirectory + "/" + path)
  }

  /// What `clientcmd.ModifyConfig` does to the file paths of a cluster `set-cluster` changed
  /// (`RelativizeClusterLocalPaths`): relative to the kubeconfig's directory when inside it.
  mutating func relativizeCluster(_ name: String) {
    guard var cluster = clusters[name] else { return }
    cluster.certificateAuthority = relativized(cluster.certificateAuthority)
    clusters[name] = cluster
  }

  /// `RelativizeAuthInfoLocalPaths` for a user `set-credentials` changed: its certificate,
  /// key and token files, and its exec plugin's command when that is a path.
  mutating func relativizeUser(_ name: String) {
    guard var user = users[name] else { return }
    user.clientCertificate = relativized(user.clientCertificate)
    user.clientKey = relativized(user.clientKey)
    user.tokenFile = relativized(user.tokenFile)
    if var exec = user.exec, exec.command.contains("/") {
      exec.command = relativized(exec.command)
      user.exec = exec
    }
    users[name] = user
  }

  /// `path` resolved against the kubeconfig's directory, then made relative to it unless
  /// that needs `../` (`ResolvePaths`, `RelativizePathWithNoBacksteps`).
  private func relativized(_ reference: String) -> String {
    guard !reference.isEmpty else { return reference }
    let base = FilePath.directory(path)
    let resolved = FilePath.clean(reference.hasPrefix("/") ? reference : base + "/" + reference)
    if resolved == base { return "." }
    let prefix = base == "/" ? "/" : base + "/"
    return resolved.hasPrefix(prefix) ? String(resolved.dropFirst(prefix.count)) : resolved
  }

  /// What clientcmd's loader does to every exec plugin when it reads the file back: one of
  /// `client.authentication.k8s.io/v1beta1` or `v1alpha1` without an interactive mode gets
  /// `IfAvailable` (`SetDefaults_ExecConfig`).
  mutating func applyDefaults() {
    for (name, var user) in users {
      guard var exec = user.exec, exec.interactiveMode.isEmpty,
        ["client.authentication.k8s.io/v1beta1", "client.authentication.k8s.io/v1alpha1"].contains(exec.apiVersion)
      else { continue }
      exec.interactiveMode = "IfAvailable"
      user.exec = exec
      users[name] = user
    }
  }
}

/// The bytes of a kubeconfig's `-data` field: given by a command, or kubeadm's certificate or
/// key, made only when `--raw` shows them (``ClusterPKI``).
enum KubeconfigData: Sendable, Equatable {
  /// kubeadm's generated certificate or key.
  case kubeadm(KubeadmFile)
  /// Bytes a command wrote.
  case bytes([UInt8])
}

/// Go's `path/filepath` for the absolute, slash-separated paths kubectl writes.
enum FilePath {
  /// `filepath.Clean`: no `.` or empty segments, `..` resolved, never above `/`.
  static func clean(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  /// `filepath.Dir` of an absolute path.
  static func directory(_ path: String) -> String {
    let cleaned = clean(path)
    guard let slash = cleaned.lastIndex(of: "/"), slash != cleaned.startIndex else { return "/" }
    return String(cleaned[..<slash])
  }
}
