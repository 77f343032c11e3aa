/// Cluster DNS as CoreDNS's `kubernetes` plugin answers it in a kubeadm cluster (zone
/// `cluster.local`, `pods insecure`), seen from a pod with the kubelet's resolv.conf
/// (`search <ns>.svc.cluster.local svc.cluster.local cluster.local`, `options ndots:5`).
///
/// - A `<service>.<ns>.svc.cluster.local`: the ClusterIP, or for a headless Service the ready
///   addresses of its Endpoints.
/// - A `<host>.<service>.<ns>.svc.cluster.local`: one endpoint of a headless Service, named by
///   its hostname (a StatefulSet pod's `web-0`) or by its IP with dashes (`10-244-1-5`).
/// - A `<a-b-c-d>.<ns>.pod.cluster.local`: that IP.
/// - PTR of a ClusterIP: the Service's name; of an endpoint IP: the endpoint's name under the
///   first Service (by namespace and name) that lists it.
public struct ClusterDNS {
  /// The cluster domain.
  public static let zone = "cluster.local"
  /// Top-level domains that mark a name as one for the upstream resolvers, which kubebook does
  /// not have (it has no network outside the cluster).
  static let externalTopLevelDomains: Set<String> = [
    "com", "org", "net", "io", "dev", "app", "ai", "cn", "edu", "gov", "co", "uk", "de", "jp", "me", "info",
  ]

  /// What a name resolves to.
  public enum Answer: Equatable, Sendable {
    case addresses([String])
    case notFound
    /// A name outside the cluster (or an ExternalName Service's target).
    case external(String)
  }

  let cluster: Cluster

  /// DNS as seen from `cluster`'s pods.
  public init(_ cluster: Cluster) {
    self.cluster = cluster
  }

  /// The cluster DNS server's address (the `kube-dns` Service).
  public var serverIP: String {
    cluster.services["kube-system/kube-dns"]?.clusterIP ?? "10.96.0.10"
  }

  /// Resolves `name` as the C library does in a pod of `namespace`: with fewer than five dots,
  /// through the search list first; then as an absolute name.
  public func resolve(_ name: String, from namespace: String) -> Answer {
    if Self.isIPv4(name) { return .addresses([name]) }
    if name.hasSuffix(".") { return lookup(String(name.dropLast())) }
    let search = ["\(namespace).svc.\(Self.zone)", "svc.\(Self.zone)", Self.zone]
    let candidates =
      name.filter { $0 == "." }.count < 5
      ? search.map { name + "." + $0 } + [name] : [name] + search.map { name + "." + $0 }
    for candidate in candidates {
      let answer = lookup(candidate)
      if answer != .notFound { return answer }
    }
    return .notFound
  }

  /// Looks up one absolute name (without the trailing dot).
  public func lookup(_ name: String) -> Answer {
    let lowered = name.lowercased()
    guard lowered.hasSuffix("." + Self.zone) else {
      let topLevel = lowered.split(separator: ".").last.map(String.init) ?? ""
      return Self.externalTopLevelDomains.contains(topLevel) ? .external(name) : .notFound
    }
    let labels = lowered.dropLast(Self.zone.count + 1).split(separator: ".", omittingEmptySubsequences: false).map(
      String.init)
    if labels.count == 3, labels[2] == "svc" {
      return service(labels[0], namespace: labels[1])
    }
    if labels.count == 4, labels[3] == "svc" {
      return endpoint(labels[0], service: labels[1], namespace: labels[2])
    }
    if labels.count == 3, labels[2] == "pod", cluster.namespaces[labels[1]] != nil {
      let ip = String(labels[0].map { $0 == "-" ? "." : $0 })
      return Self.isIPv4(ip) ? .addresses([ip]) : .notFound
    }
    return .notFound
  }

  func service(_ name: String, namespace: String) -> Answer {
    guard let service = cluster.services[Cluster.key(namespace, name)] else { return .notFound }
    if service.type.value == .externalName { return .external(service.externalName ?? "") }
    guard service.isHeadless else { return .addresses([service.clusterIP]) }
    let addresses = readyAddresses(namespace: namespace, service: name).map(\.ip)
    return addresses.isEmpty ? .notFound : .addresses(addresses)
  }

  func endpoint(_ host: String, service: String, namespace: String) -> Answer {
    guard let owner = cluster.services[Cluster.key(namespace, service)], owner.isHeadless else { return .notFound }
    let matches = readyAddresses(namespace: namespace, service: service).filter {
      Self.endpointName($0) == host
    }
    return matches.isEmpty ? .notFound : .addresses(matches.map(\.ip))
  }

  func readyAddresses(namespace: String, service: String) -> [Endpoints.Address] {
    cluster.endpoints[Cluster.key(namespace, service)]?.subsets.flatMap(\.addresses) ?? []
  }

  /// An endpoint's DNS label: its hostname, or its IP with dashes.
  static func endpointName(_ address: Endpoints.Address) -> String {
    address.hostname ?? String(address.ip.map { $0 == "." ? "-" : $0 })
  }

  /// The PTR answer for `ip`, if any.
  public func reverse(_ ip: String) -> String? {
    let services = cluster.services.keys.sorted().compactMap { cluster.services[$0] }
    if let service = services.first(where: { $0.clusterIP == ip }) {
      return "\(service.metadata.name).\(service.metadata.namespace ?? "default").svc.\(Self.zone)"
    }
    for key in cluster.endpoints.keys.sorted() {
      guard let endpoints = cluster.endpoints[key],
        let address = endpoints.subsets.flatMap(\.addresses).first(where: { $0.ip == ip })
      else { continue }
      let namespace = endpoints.metadata.namespace ?? "default"
      return "\(Self.endpointName(address)).\(endpoints.metadata.name).\(namespace).svc.\(Self.zone)"
    }
    return nil
  }

  /// Whether `text` is a dotted-quad IPv4 address.
  public static func isIPv4(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { part in part.count <= 3 && Int(part).map { $0 <= 255 } ?? false }
  }
}
