import KubeSim

/// BusyBox's `wget -qO- URL` inside a pod, over ``ClusterNetwork``: the body a known server
/// sends, `can't connect to remote host (IP): Connection refused` where nothing listens
/// (libbb `xconnect`), `bad address` for a name that does not resolve, and
/// `server returned error: HTTP/1.1 404 Not Found` for a path the server does not have.
/// Without `-q`, wget draws a progress bar with timings, which kubebook does not simulate.
enum BusyBoxWget {
  /// nginx's default page (`/usr/share/nginx/html/index.html`).
  static let nginxWelcomePage = ImageFiles.nginxWelcomePage

  /// The oldest nginx whose welcome page is ``nginxWelcomePage`` as far as kubebook knows.
  static let oldestKnownNginx = (1, 23)

  /// Runs `wget ARGS` in `pod`; returns the exit code.
  static func run(_ words: [String], pod: Pod, image: String, cluster: inout Cluster, output: inout OutputBuffer)
    throws(KubectlError) -> Int
  {
    guard ImageReference(image).baseName == "busybox" else {
      throw .plain("kubebook simulates wget only in busybox images, not in \(image)")
    }
    var quiet = false
    var toStdout = false
    var url: String?
    var index = 0
    while index < words.count {
      let word = words[index]
      switch word {
      case "-q": quiet = true
      case "-O-": toStdout = true
      case "-qO-", "-O-q": (quiet, toStdout) = (true, true)
      case "-O", "-qO":
        quiet = quiet || word == "-qO"
        index += 1
        toStdout = index < words.count && words[index] == "-"
      case "-T":
        index += 1
      default:
        if word.hasPrefix("-") { throw unsupported(words) }
        url = word
      }
      index += 1
    }
    guard quiet, toStdout, let url else { throw unsupported(words) }
    guard let (host, port, path) = parse(url) else { throw unsupported(words) }
    switch ClusterNetwork.connect(&cluster, from: pod.metadata.namespace ?? "default", host: host, port: port) {
    case .server(let podKey, _):
      guard let server = cluster.pods[podKey],
        let nginx = server.spec.containers.first(where: { ImageReference($0.image).baseName == "nginx" })
      else { throw .plain("kubebook does not know what the server at \(url) answers") }
      guard knowsWelcomePage(nginx.image) else {
        throw .plain(
          "kubebook knows the welcome page of nginx \(oldestKnownNginx.0).\(oldestKnownNginx.1) and later, not of \(nginx.image)"
        )
      }
      guard path == "/" || path == "/index.html" else {
        output.line("wget: server returned error: HTTP/1.1 404 Not Found")
        return 1
      }
      output.write(nginxWelcomePage)
      return 0
    case .refused(let ip):
      output.line("wget: can't connect to remote host (\(ip)): Connection refused")
      return 1
    case .unresolved:
      output.line("wget: bad address '\(host)'")
      return 1
    case .unknown(let why):
      throw .plain(why)
    }
  }

  static func unsupported(_ words: [String]) -> KubectlError {
    .plain(
      "kubebook simulates \"wget -qO- http://HOST[:PORT][/PATH]\"; \"wget \(words.joined(separator: " "))\" is not simulated"
    )
  }

  /// Host, port and path of an `http://` URL (the scheme may be left out, as wget allows).
  static func parse(_ url: String) -> (host: String, port: Int, path: String)? {
    var rest = Substring(url)
    if rest.hasPrefix("http://") { rest = rest.dropFirst(7) } else if rest.contains("://") { return nil }
    let authority = rest.prefix { $0 != "/" }
    let path = rest.dropFirst(authority.count)
    let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
    guard let host = parts.first, !host.isEmpty, parts.count <= 2 else { return nil }
    var port = 80
    if parts.count == 2 {
      guard let number = Int(parts[1]), (1...65535).contains(number) else { return nil }
      port = number
    }
    return (String(host), port, path.isEmpty ? "/" : String(path))
  }

  /// Whether `image` is an nginx at least ``oldestKnownNginx`` (or an untagged, latest one).
  static func knowsWelcomePage(_ image: String) -> Bool {
    guard let tag = ImageReference(image).tag, tag != "latest" else { return true }
    let numbers = tag.split(separator: "-").first?.split(separator: ".").compactMap { Int($0) } ?? []
    guard numbers.count >= 2 else { return tag == "stable" || tag == "mainline" || tag.hasPrefix("alpine") }
    return (numbers[0], numbers[1]) >= oldestKnownNginx
  }
}
