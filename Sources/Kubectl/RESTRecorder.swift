import KubeSim

/// The one place a command describes the HTTP requests it sends to the API server, for
/// `-v=6` and up: method, path and query, the request body, the answer's status and body.
/// Nothing is kept below `-v=6`, and the bodies (built by closures) are made only at `-v=8`
/// and up, so commands may describe every call without cost.
struct RESTRecorder {
  /// The verbosity the command runs at.
  var level = 0
  /// The calls described so far, in order.
  private(set) var calls: [RESTCall] = []
  /// Whether the command described its calls at all (commands that do not say so).
  private(set) var described = false

  /// Whether calls are kept.
  var isRecording: Bool { level >= 6 }

  /// Marks the command as one whose calls are described, even when it sends none.
  mutating func describe() { described = true }

  /// Notes one request: `verb` on `path` (query included), answered `status`. `caller` is the
  /// `file:line` of the code that called client-go's `Do` (where request.go's `logBody`
  /// attributes the bodies); the bodies are evaluated only at `-v=8` and up.
  mutating func record(
    _ verb: String, _ path: String, status: Int = 200, answer: RESTCall.Answer = .objects, caller: String,
    contentType: String? = nil, streamed: Bool = false, requestBody: @autoclosure () -> String = "",
    responseBody: @autoclosure () -> String? = ""
  ) {
    described = true
    guard isRecording else { return }
    var call = RESTCall(verb: verb, path: path, status: status, answer: answer)
    call.caller = caller
    call.requestContentType = contentType
    call.streamed = streamed
    if level >= 8 {
      call.requestBody = requestBody()
      call.responseBody = responseBody()
    }
    calls.append(call)
  }

  /// A GET of one object (cli-runtime `resource/helper.go:105`, `Helper.Get`): its JSON, or
  /// the API server's NotFound Status when it is missing.
  mutating func getObject(
    _ type: ResourceType, name: String, namespace: String, found: APIObject?, now: Timestamp,
    answer: RESTCall.Answer = .objects, caller: String = "helper.go:105"
  ) {
    guard isRecording else {
      described = true
      return
    }
    let path = RESTCall.path(type, namespace: namespace, name: name)
    if let found {
      record(
        "GET", path, answer: answer, caller: caller,
        responseBody: ServerJSON.body(ServerJSON.object(found.json(now: now))))
    } else {
      record(
        "GET", path, status: 404, answer: answer, caller: caller,
        responseBody: ServerJSON.body(ServerJSON.notFound(type, name: name)))
    }
  }

  /// A GET of a live object, answered with it (helper.go:105).
  mutating func getObject(_ object: APIObject, now: Timestamp, caller: String = "helper.go:105") {
    let meta = object.metadata
    guard isRecording else {
      described = true
      return
    }
    let path = RESTCall.path(object.type, namespace: meta.namespace ?? "", name: meta.name)
    record("GET", path, caller: caller, responseBody: ServerJSON.body(ServerJSON.object(object.json(now: now))))
  }

  /// Sets the answer of the last call, for a command that learns it after sending.
  mutating func answerLast(_ body: @autoclosure () -> String) {
    guard level >= 8, !calls.isEmpty else { return }
    calls[calls.count - 1].responseBody = body()
  }

  /// A line in the log where kubebook leaves out requests it does not describe.
  mutating func note(_ text: String) {
    guard isRecording else { return }
    var call = RESTCall(verb: "", path: "", status: 0)
    call.note = text
    calls.append(call)
  }
}
