import KubeSim

/// One HTTP request kubectl sends to the API server, as `-v=6` and up show it.
struct RESTCall {
  /// What the client asks the server to answer with: a server-side table (`kubectl get`'s
  /// printers), the objects themselves, or text (a container's log).
  enum Answer {
    case table
    case objects
    case text
  }

  var verb: String
  /// The path and query (`/api/v1/namespaces/default/pods?limit=500`).
  var path: String
  var status: Int
  var answer: Answer = .objects
  /// The `file:line` request.go's `logBody` attributes the bodies to: the caller of the
  /// request's `Do` (`helper.go:113` for a resource builder's list).
  var caller = "helper.go:105"
  /// The request's `Content-Type` (a POST's, PUT's or PATCH's), nil for none.
  var requestContentType: String?
  /// The bodies, kept at `-v=8` and up only.
  var requestBody = ""
  /// nil where kubebook cannot build the server's answer (a Table without the printers'
  /// column docs); the log says so in its place.
  var responseBody: String? = ""
  /// Set on a stand-in for requests kubebook does not describe: the log prints it instead.
  var note: String?
  /// A watch or a stream: client-go hands the body on unread, so no `Response Body` line.
  var streamed = false

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

/// kubectl's log of its REST calls at `-v=6` to `-v=10` (client-go v0.32
/// `transport/round_trippers.go`, `debuggingRoundTripper`; `tools/clientcmd/loader.go`), in
/// klog's format: `I` + month, day, time with microseconds, the process id and the source
/// line. kubebook's process id is a fixed 12345, the time is the virtual clock's, each call
/// takes a fixed 5 ms (at `-v=9`: the first opens the connection, the others reuse it), and
/// the request and response headers are printed in key order (client-go ranges over Go maps,
/// so the real order varies from run to run). Discovery is taken from kubectl's cache, as
/// after a session's first command. `-v=8` and up add the bodies (`rest/request.go`
/// `logBody`) and the API server's response headers (``ResponseHeaders``).
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

  /// The log lines for `calls` at `level`, starting at virtual instant `now`, for a cluster
  /// made with `seed` (the response headers' UUIDs).
  static func lines(_ calls: [RESTCall], server: String, level: Int, now: Timestamp, seed: UInt64 = 1) -> String {
    guard level >= 6 else { return "" }
    var clock = Clock(now: now)
    var text = clock.line("loader.go:402", "Config loaded from file:  /root/.kube/config")
    for (index, call) in calls.enumerated() {
      if let note = call.note {
        text += note + "\n"
        continue
      }
      let url = server + call.path
      var requestHeaders = [("Accept", accept(call.answer))]
      if let type = call.requestContentType { requestHeaders.append(("Content-Type", type)) }
      requestHeaders.append(("User-Agent", userAgent))
      let timing = "\(call.verb) \(url) \(call.statusText) in \(milliseconds) milliseconds"
      if level >= 8 { text += clock.line(call.caller, bodyMessage("Request Body", call.requestBody, level: level)) }
      if level >= 9 {
        // `toCurl`: the headers after a double space, each `-H "Key: value"`.
        let headers = requestHeaders.map { " -H \"\($0.0): \($0.1)\"" }.joined()
        text += clock.line("round_trippers.go:473", "curl -v -X\(call.verb) \(headers) '\(url)'")
        if index == 0 { text += clock.line("round_trippers.go:517", "HTTP Trace: Dial to tcp:\(host(server)) succeed") }
        text += clock.line("round_trippers.go:560", timing)
        text += clock.line(
          "round_trippers.go:577",
          "HTTP Statistics: "
            + (index == 0
              ? "DNSLookup 0 ms Dial 0 ms TLSHandshake 1 ms ServerProcessing 3 ms Duration \(milliseconds) ms"
              : "GetConnection 0 ms ServerProcessing 4 ms Duration \(milliseconds) ms"))
      } else if level >= 7 {
        text += clock.line("round_trippers.go:470", "\(call.verb) \(url)")
        text += clock.line("round_trippers.go:476", "Request Headers:")
        for (key, value) in requestHeaders { text += clock.line("round_trippers.go:480", "    \(key): \(value)") }
        text += clock.line(
          "round_trippers.go:581", "Response Status: \(call.statusText) in \(milliseconds) milliseconds")
      } else {
        text += clock.line("round_trippers.go:560", timing)
      }
      if level >= 8 {
        text += clock.line("round_trippers.go:584", "Response Headers:")
        let date = clock.now.adding(milliseconds: Int64(milliseconds))
        for (key, value) in ResponseHeaders.headers(for: call, index: index, date: date, seed: seed) {
          text += clock.line("round_trippers.go:587", "    \(key): \(value)")
        }
        if call.streamed {
        } else if let body = call.responseBody {
          text += clock.line(call.caller, bodyMessage("Response Body", body, level: level))
        } else {
          text +=
            "kubebook: the body of this answer (a Table of \(call.path.split(separator: "?")[0])) is not simulated\n"
        }
      }
      clock.now = clock.now.adding(milliseconds: Int64(milliseconds))
      clock.microseconds = 0
    }
    return text
  }

  /// `host:port` of the server URL.
  static func host(_ server: String) -> String {
    String(server.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first ?? "")
  }

  /// request.go's `logBody`: `loggerV.Info(prefix, "body", truncateBody(...))` in klog's text
  /// format — the message quoted, then `body=` and the value (klog `internal/serialize`
  /// `writeStringValue`): quoted with `strconv.Quote` on one line, or, when it holds a line
  /// break (a whole response body ends with the encoder's newline), `<`, each line after a
  /// tab, and ` >` on a line of its own.
  static func bodyMessage(_ prefix: String, _ body: String, level: Int) -> String {
    let value = truncated(body, level: level)
    guard value.contains("\n") else { return "\"\(prefix)\" body=\(GoQuote.quote(value))" }
    var text = "\"\(prefix)\" body=<\n"
    var lines = value.split(separator: "\n", omittingEmptySubsequences: false)
    let endsWithBreak = lines.last == ""
    if endsWithBreak { lines.removeLast() }
    text += lines.map { "\t" + $0 }.joined(separator: "\n")
    return text + "\n >"
  }

  /// request.go's `truncateBody`: at most 1024 bytes at `-v=8`, 10240 at `-v=9`, whole from
  /// `-v=10`, then ` [truncated N chars]`.
  static func truncated(_ body: String, level: Int) -> String {
    guard level < 10 else { return body }
    let limit = level >= 9 ? 10240 : 1024
    let bytes = Array(body.utf8)
    guard bytes.count > limit else { return body }
    return String(decoding: bytes[..<limit], as: UTF8.self) + " [truncated \(bytes.count - limit) chars]"
  }

  /// The `Accept` header for an answer.
  static func accept(_ answer: RESTCall.Answer) -> String {
    switch answer {
    case .table:
      return
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"
    case .objects: return "application/json"
    case .text: return "application/json, */*"
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
