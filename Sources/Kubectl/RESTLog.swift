import KubeSim

/// One HTTP request kubectl sends to the API server, as `-v=6` and up show it.
struct RESTCall {
  /// What the client asks the server to answer with: a server-side table (`kubectl get`'s
  /// printers) or the objects themselves.
  enum Answer {
    case table
    case objects
  }

  var verb: String
  /// The path and query (`/api/v1/namespaces/default/pods?limit=500`).
  var path: String
  var status: Int
  var answer: Answer = .objects

  /// The HTTP status line's text (`200 OK`), as Go's `http.Response.Status` reads.
  var statusText: String {
    let reasons = [
      200: "OK", 201: "Created", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
      422: "Unprocessable Entity", 500: "Internal Server Error",
    ]
    return "\(status) \(reasons[status] ?? "")"
  }

  /// The path of a collection or object: `/api/v1/...` for the core group, `/apis/GROUP/VERSION/...`
  /// otherwise, with `namespaces/NS/` for a namespaced type asked in one namespace.
  static func path(_ type: ResourceType, namespace: String?, name: String? = nil) -> String {
    var path = type.group.isEmpty ? "/api/v1" : "/apis/\(type.group)/\(type.preferredVersion)"
    if type.namespaced, let namespace { path += "/namespaces/\(namespace)" }
    path += "/" + type.plural
    if let name { path += "/" + name }
    return path
  }

  /// A query string as Go's `url.Values.Encode` writes it: keys sorted, values escaped with
  /// `url.QueryEscape`.
  static func query(_ parameters: [(String, String)]) -> String {
    guard !parameters.isEmpty else { return "" }
    return "?"
      + parameters.sorted { $0.0 < $1.0 }.map { "\($0.0)=\(GoEscape.queryEscape($0.1))" }.joined(separator: "&")
  }
}

/// kubectl's log of its REST calls at `-v=6` and `-v=7` (client-go v0.32
/// `transport/round_trippers.go`, `debuggingRoundTripper`; `tools/clientcmd/loader.go`), in
/// klog's format: `I` + month, day, time with microseconds, the process id and the source
/// line. kubebook's process id is a fixed 12345, the time is the virtual clock's, each call
/// takes a fixed 5 ms, and the request headers are printed in key order (client-go ranges
/// over a Go map, so the real order varies from run to run). Discovery is taken from
/// kubectl's cache, as after a session's first command. `-v=8` and `-v=9` add connection
/// timings, response headers and bodies, which kubebook does not print; it says so.
enum RESTLog {
  /// The server's answer time kubebook reports for every call.
  static let milliseconds = 5
  /// The client's `User-Agent`, as client-go's `DefaultKubernetesUserAgent` builds it from the
  /// client's version (``VersionCommand/client``): the version up to its first `-`, the
  /// platform and the commit's first seven characters.
  static let userAgent: String = {
    let info = Dictionary(VersionCommand.client, uniquingKeysWith: { first, _ in first })
    let version = (info["gitVersion"] ?? "").prefix { $0 != "-" }
    return "kubectl/\(version) (\(info["platform"] ?? "")) kubernetes/\((info["gitCommit"] ?? "").prefix(7))"
  }()

  /// The verbosity `-v N`, `-v=N`, `--v=N` or `--v N` asks for (the last one given), or 0.
  static func verbosity(in arguments: [String]) -> Int {
    var level = 0
    var index = 0
    while index < arguments.count, arguments[index] != "--" {
      let word = arguments[index]
      index += 1
      guard word == "-v" || word == "--v" || word.hasPrefix("-v=") || word.hasPrefix("--v=") || word.hasPrefix("-v")
      else { continue }
      var value = word.drop { $0 == "-" }.dropFirst()
      if value.hasPrefix("=") { value = value.dropFirst() }
      if value.isEmpty, index < arguments.count {
        value = Substring(arguments[index])
        index += 1
      }
      if let parsed = Int(value), parsed >= 0, parsed < 100 { level = parsed }
    }
    return level
  }

  /// The log lines for `calls` at `level`, starting at virtual instant `now`.
  static func lines(_ calls: [RESTCall], server: String, level: Int, now: Timestamp) -> String {
    guard level >= 6 else { return "" }
    var clock = Clock(now: now)
    var text = clock.line("loader.go:402", "Config loaded from file:  /root/.kube/config")
    for call in calls {
      let url = server + call.path
      if level >= 9 {
        // `toCurl`: the headers after a double space, each `-H "Key: value"`.
        let headers = " -H \"Accept: \(accept(call.answer))\" -H \"User-Agent: \(userAgent)\""
        text += clock.line("round_trippers.go:473", "curl -v -X\(call.verb) \(headers) '\(url)'")
        text += clock.line(
          "round_trippers.go:560", "\(call.verb) \(url) \(call.statusText) in \(milliseconds) milliseconds")
      } else if level >= 7 {
        text += clock.line("round_trippers.go:470", "\(call.verb) \(url)")
        text += clock.line("round_trippers.go:476", "Request Headers:")
        text += clock.line("round_trippers.go:480", "    Accept: \(accept(call.answer))")
        text += clock.line("round_trippers.go:480", "    User-Agent: \(userAgent)")
        text += clock.line(
          "round_trippers.go:581", "Response Status: \(call.statusText) in \(milliseconds) milliseconds")
      } else {
        text += clock.line(
          "round_trippers.go:560", "\(call.verb) \(url) \(call.statusText) in \(milliseconds) milliseconds")
      }
    }
    if level >= 8 {
      text +=
        "kubebook: -v=\(level) would also print the response headers and bodies, which kubebook does not simulate\n"
    }
    return text
  }

  /// The `Accept` header for an answer.
  static func accept(_ answer: RESTCall.Answer) -> String {
    switch answer {
    case .table:
      return
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"
    case .objects: return "application/json"
    }
  }

  /// klog's header for each line, on a clock that moves a little between lines.
  struct Clock {
    var now: Timestamp
    var microseconds = 0

    /// `I1204 19:04:41.056772   12345 file:line] message` and a newline.
    mutating func line(_ source: String, _ message: String) -> String {
      let civil = now.civil
      let micro = min(Int(now.milliseconds % 1000) * 1000 + microseconds, 999_999)
      microseconds += 137
      func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
      let fraction = String(micro + 1_000_000).dropFirst()
      return
        "I\(two(civil.month))\(two(civil.day)) \(two(civil.hour)):\(two(civil.minute)):\(two(civil.second)).\(fraction)   12345 \(source)] \(message)\n"
    }
  }
}
