import KubeSim

/// What a pod answers on a forwarded port, from the cluster as it was when the forward began:
/// nginx's welcome page on `/` (and `/index.html`), its 404 page elsewhere (the page
/// ``BusyBoxWget`` fetches inside the cluster), and where nothing listens kubectl's log line
/// for containerd's refusal (as kubectl v1.31 prints it in kubernetes/kubectl#1169:
/// `portforward.go`'s `HandleError` through klog, the pod's sandbox and network namespace).
struct PortForwardResponder: Sendable {
  /// The cluster when the forward began (virtual time does not move while it runs).
  let cluster: Cluster
  /// The pod's `namespace/name`.
  let podKey: String
  /// The local port of each remote port (for the log line).
  let localPorts: [Int: UInt16]

  /// The answer to one connection on `remote` whose request head is `request`.
  func answer(remote: Int, request: String) -> PortForwardAnswer {
    switch ClusterNetwork.connectToPod(cluster, podKey: podKey, port: remote) {
    case .server:
      guard let pod = cluster.pods[podKey],
        let nginx = pod.spec.containers.first(where: { ImageReference($0.image).baseName == "nginx" }),
        BusyBoxWget.knowsWelcomePage(nginx.image)
      else { return .response(Self.response(status: "502 Bad Gateway", body: "kubebook does not know this page\n")) }
      let target = request.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
      let path = String(target.prefix { $0 != "?" })
      guard path == "/" || path == "/index.html" else {
        return .response(Self.response(status: "404 Not Found", body: Self.notFoundPage))
      }
      return .response(Self.response(status: "200 OK", body: BusyBoxWget.nginxWelcomePage))
    case .refused, .unresolved, .unknown:
      return .refused(log: refusalLog(remote: remote))
    }
  }

  /// nginx's 404 page (`ngx_http_error_404_page` with `server_tokens off`'s tail: kubebook does
  /// not know the image's exact version).
  static let notFoundPage = """
    <html>
    <head><title>404 Not Found</title></head>
    <body>
    <center><h1>404 Not Found</h1></center>
    <hr><center>nginx</center>
    </body>
    </html>

    """

  /// An HTTP/1.1 response that closes the connection.
  static func response(status: String, body: String) -> [UInt8] {
    let head =
      "HTTP/1.1 \(status)\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
    return Array((head + body).utf8)
  }

  /// klog's `E…` line for a refused connection, at the cluster's instant; the sandbox id and
  /// network namespace come from the pod's uid.
  func refusalLog(remote: Int) -> String {
    let uid = cluster.pods[podKey]?.metadata.uid ?? ""
    var generator = NameGenerator(seed: ImageCatalog.fnv1a("sandbox:" + uid))
    let sandbox = (0..<4).map { _ in generator.uuid().replacingOccurrences(of: "-", with: "") }.joined().prefix(64)
    let namespace = "cni-" + generator.uuid()
    let time = cluster.now.civil
    /// Two digits.
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let micros = Int(cluster.now.milliseconds % 1000) * 1000
    let fraction = String(repeating: "0", count: 6 - String(micros).count) + String(micros)
    let local = localPorts[remote].map(String.init) ?? String(remote)
    return
      "E\(two(time.month))\(two(time.day)) \(two(time.hour)):\(two(time.minute)):\(two(time.second)).\(fraction)   12345 portforward.go:424] \"Unhandled Error\" err=\"an error occurred forwarding \(local) -> \(remote): error forwarding port \(remote) to pod \(sandbox), uid : failed to execute portforward in network namespace \\\"/var/run/netns/\(namespace)\\\": failed to connect to localhost:\(remote) inside namespace \\\"\(sandbox)\\\", IPv4: dial tcp4 127.0.0.1:\(remote): connect: connection refused IPv6 dial tcp6: address localhost: no suitable address found \"\n"
  }
}
