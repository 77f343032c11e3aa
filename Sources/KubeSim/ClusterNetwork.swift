/// Where a TCP connection made from inside a pod ends up: cluster DNS gives the address, and
/// kube-proxy (iptables mode, as kind runs it) sends a Service's traffic to one of its ready
/// endpoints picked at random — here from a seeded stream, so a transcript is reproducible.
/// A Service without ready endpoints is rejected (kube-proxy installs a REJECT rule), and so
/// is a pod port nothing listens on.
public enum ClusterNetwork {
  /// What a connection attempt meets.
  public enum Outcome: Equatable, Sendable {
    /// A listening server in `pod` on `port`.
    case server(podKey: String, port: Int)
    /// `connect` fails with ECONNREFUSED; `ip` is the address the client dialled.
    case refused(ip: String)
    /// The name does not resolve.
    case unresolved
    /// Something kubebook does not model: a name outside the cluster, an address that is no
    /// Service or pod, or a container whose listening ports it does not know.
    case unknown(String)
  }

  /// Images kubebook knows to listen on a port, and the port.
  static let listeningPorts: [String: Int] = ["nginx": 80]

  /// Connects from a pod in `namespace` to `host:port`.
  public static func connect(_ cluster: inout Cluster, from namespace: String, host: String, port: Int) -> Outcome {
    let dns = ClusterDNS(cluster)
    let ip: String
    switch dns.resolve(host, from: namespace) {
    case .addresses(let addresses):
      guard let first = addresses.first else { return .unresolved }
      ip = first
    case .notFound:
      return .unresolved
    case .external(let name):
      return .unknown("kubebook has no network outside the cluster: it cannot reach \(name)")
    }
    let services = cluster.services.keys.sorted().compactMap { cluster.services[$0] }
    if let service = services.first(where: { $0.clusterIP == ip && !$0.isHeadless }) {
      guard let servicePort = service.ports.first(where: { $0.port == port }) else {
        return .unknown(
          "the Service \(service.metadata.name) has no port \(port); what happens to such packets depends on kube-proxy's mode, which kubebook does not simulate"
        )
      }
      let key = Cluster.key(service.metadata.namespace ?? "default", service.metadata.name)
      let candidates = (cluster.endpoints[key]?.subsets ?? []).flatMap { subset in
        subset.addresses.compactMap { address -> (Endpoints.Address, Int)? in
          let match = subset.ports.first { $0.name == servicePort.name } ?? subset.ports.first
          return match.map { (address, $0.port) }
        }
      }
      guard !candidates.isEmpty else { return .refused(ip: ip) }
      cluster.connectionCount += 1
      let pick = Int(
        ImageCatalog.fnv1a("\(cluster.config.seed):\(key):\(cluster.connectionCount)") % UInt64(candidates.count))
      let (address, targetPort) = candidates[pick]
      guard let podName = address.podName else { return .unknown("the endpoint \(address.ip) is not a pod") }
      return listener(
        cluster, podKey: Cluster.key(address.podNamespace ?? "default", podName), port: targetPort, ip: ip)
    }
    guard let pod = cluster.pods.values.first(where: { $0.status.podIP == ip }) else {
      return .unknown("kubebook models connections to Services and pods only, not to \(ip)")
    }
    return listener(cluster, podKey: Cluster.key(pod.metadata), port: port, ip: ip)
  }

  /// Connects straight to the pod behind `podKey` on `port` (`kubectl port-forward`).
  public static func connectToPod(_ cluster: Cluster, podKey: String, port: Int) -> Outcome {
    listener(cluster, podKey: podKey, port: port, ip: cluster.pods[podKey]?.status.podIP ?? "")
  }

  /// Whether the pod behind `podKey` accepts connections on `port`.
  static func listener(_ cluster: Cluster, podKey: String, port: Int, ip: String) -> Outcome {
    guard let pod = cluster.pods[podKey] else { return .refused(ip: ip) }
    var unknown: [String] = []
    for container in pod.spec.containers where cluster.isRunning(pod, container: container.name) {
      let base = ImageReference(container.image).baseName
      if let listening = listeningPorts[base], container.command.isEmpty, container.args.isEmpty {
        if listening == port { return .server(podKey: podKey, port: port) }
      } else if !ImageCatalog.shellImages.contains(base) {
        unknown.append(container.image)
      }
    }
    if let image = unknown.first {
      return .unknown("kubebook does not know which ports \(image) listens on")
    }
    return .refused(ip: ip)
  }
}
