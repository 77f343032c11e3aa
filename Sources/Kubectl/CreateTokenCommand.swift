import ClusterPKI
import KubeSim

/// `kubectl create token SERVICE_ACCOUNT [--duration=D] [--audience=A]... [--bound-object-kind=K
/// --bound-object-name=N [--bound-object-uid=U]]`: kubectl v1.32's `create_token.go` checks,
/// then the TokenRequest kube-apiserver answers (`pkg/registry/core/serviceaccount/storage/
/// token.go`): the claims of `pkg/serviceaccount/claims.go` as go-jose serialises them (keys in
/// order), signed ES256 with the cluster's seeded service-account key (``ClusterPKI``), its
/// times from the simulated clock. kubeadm's API server issues them as
/// `https://kubernetes.default.svc.cluster.local` for that audience.
enum CreateTokenCommand {
  static let command = "create token"

  static let flags: [FlagParser.Spec] = [
    .init(name: "audience", short: nil, takesValue: true, repeatable: true),
    .init(name: "duration", short: nil, takesValue: true, isDuration: true),
    .init(name: "bound-object-kind", short: nil, takesValue: true),
    .init(name: "bound-object-name", short: nil, takesValue: true),
    .init(name: "bound-object-uid", short: nil, takesValue: true),
  ]

  /// kubeadm's `--service-account-issuer`, which is also the API server's default audience.
  static let issuer = "https://kubernetes.default.svc.cluster.local"

  /// `boundObjectKindToAPIVersions`'s kinds, as `sets.StringKeySet(...).List()` orders them.
  static let boundKinds = ["Node", "Pod", "Secret"]

  /// TokenRequest's default lifetime (`SetDefaults_TokenRequestSpec`: one hour).
  static let defaultSeconds: Int64 = 3600

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: command, specs: flags).parse(arguments)
    let name = try CreateGenerator.name(parsed, command: "token")
    let namespace = context.namespace(parsed)
    // `Validate`, in its order.
    let milliseconds = parsed.duration("duration") ?? 0
    if milliseconds < 0 { throw .plain("--duration must be greater than or equal to 0") }
    if milliseconds % 1000 != 0 { throw .plain("--duration cannot be expressed in units less than seconds") }
    let audiences = parsed.all("audience")
    if audiences.contains("") { throw .plain("--audience must not be an empty string") }
    let kind = parsed.value("bound-object-kind") ?? ""
    let boundName = parsed.value("bound-object-name") ?? ""
    let boundUID = parsed.value("bound-object-uid") ?? ""
    if kind.isEmpty {
      if !boundName.isEmpty { throw .plain("--bound-object-name can only be set if --bound-object-kind is provided") }
      if !boundUID.isEmpty { throw .plain("--bound-object-uid can only be set if --bound-object-kind is provided") }
    } else {
      if !boundKinds.contains(kind) {
        throw .plain("supported --bound-object-kind values are \(boundKinds.joined(separator: ", "))")
      }
      if boundName.isEmpty { throw .plain("--bound-object-name is required if --bound-object-kind is provided") }
    }
    let seconds = milliseconds > 0 ? milliseconds / 1000 : defaultSeconds
    // The API server: validation, then the service account, then the bound object.
    if seconds < 600 || seconds > 1 << 32 {
      let detail =
        seconds < 600
        ? "may not specify a duration less than 10 minutes" : "may not specify a duration larger than 2^32 seconds"
      throw .generator(
        "failed to create token: ",
        .invalid(
          kind: "TokenRequest", name: "",
          causes: [
            FieldError(field: "spec.expirationSeconds", type: "Invalid value", value: String(seconds), detail: detail)
          ]), group: "authentication.k8s.io")
    }
    let cluster = context.cluster
    guard let account = cluster.serviceAccounts[Cluster.key(namespace, name)] else {
      throw .generator("failed to create token: ", .notFound(resource: "serviceaccounts", name: name), group: "")
    }
    let bound = try boundClaims(
      kind: kind, name: boundName, uid: boundUID, namespace: namespace, account: name, cluster: cluster)
    let now = cluster.now.seconds
    let pki = ClusterPKI(cluster: cluster)
    // The token's id (`jti`, a random UUID in kube-apiserver) from the seed, the instant and
    // the account.
    var jti = NameGenerator(
      seed: cluster.config.seed
        ^ ImageCatalog.fnv1a("token:\(namespace)/\(name):\(now):\(cluster.currentResourceVersion)"))
    var identity = bound
    identity.append(("namespace", quote(namespace)))
    identity.append(
      ("serviceaccount", object([("name", quote(name)), ("uid", quote(account.metadata.uid))])))
    identity.sort { $0.0 < $1.0 }
    let claims = object([
      ("aud", "[" + (audiences.isEmpty ? [issuer] : audiences).map(quote).joined(separator: ",") + "]"),
      ("exp", String(now.addingReportingOverflow(seconds).partialValue)), ("iat", String(now)),
      ("iss", quote(issuer)), ("jti", quote(jti.uuid())), ("kubernetes.io", object(identity)), ("nbf", String(now)),
      ("sub", quote("system:serviceaccount:\(namespace):\(name)")),
    ])
    let header = object([("alg", quote("ES256")), ("kid", quote(pki.serviceAccountKeyID))])
    // Not a terminal (a lesson's output is captured): kubectl prints the token without a newline.
    output.write(pki.signedToken(header: header, claims: claims))
  }

  /// The `pod`, `secret` or `node` claims of a bound token (a pod's node too, as
  /// ServiceAccountTokenPodNodeInfo adds it), after token.go's lookups and checks.
  static func boundClaims(
    kind: String, name: String, uid: String, namespace: String, account: String, cluster: Cluster
  ) throws(KubectlError) -> [(String, String)] {
    var claims: [(String, String)] = []
    let objectUID: String
    switch kind {
    case "Pod":
      guard let pod = cluster.pods[Cluster.key(namespace, name)] else {
        throw .generator("failed to create token: ", .notFound(resource: "pods", name: name), group: "")
      }
      if pod.spec.serviceAccountName != account {
        throw .plain(
          "failed to create token: cannot bind token for serviceaccount \(quote(account)) to pod running with different serviceaccount name."
        )
      }
      objectUID = pod.metadata.uid
      claims.append(("pod", reference(name, objectUID)))
      if let nodeName = pod.spec.nodeName, let node = cluster.nodes[nodeName] {
        claims.append(("node", reference(nodeName, node.metadata.uid)))
      }
    case "Secret":
      guard let secret = cluster.secrets[Cluster.key(namespace, name)] else {
        throw .generator("failed to create token: ", .notFound(resource: "secrets", name: name), group: "")
      }
      objectUID = secret.metadata.uid
      claims.append(("secret", reference(name, objectUID)))
    case "Node":
      guard let node = cluster.nodes[name] else {
        throw .generator("failed to create token: ", .notFound(resource: "nodes", name: name), group: "")
      }
      objectUID = node.metadata.uid
      claims.append(("node", reference(name, objectUID)))
    default:
      return []
    }
    if !uid.isEmpty && uid != objectUID {
      throw .plain(
        "failed to create token: Operation cannot be fulfilled on \(kind) \(quote(name)): the UID in the bound object reference (\(uid)) does not match the UID in record. The object might have been deleted and then recreated"
      )
    }
    return claims
  }

  /// A `{"name":…,"uid":…}` reference.
  static func reference(_ name: String, _ uid: String) -> String {
    object([("name", quote(name)), ("uid", quote(uid))])
  }

  /// A JSON object of already-encoded values, in the given order.
  static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  /// A JSON string as Go's `json.Marshal` writes it.
  static func quote(_ text: String) -> String { JSONPrinter.quote(text) }
}
