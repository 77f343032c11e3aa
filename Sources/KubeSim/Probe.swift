/// A container probe (readiness or liveness): how it checks and when.
public struct Probe: Sendable, Equatable {
  /// The check as written (`httpGet`, `tcpSocket`, `exec` or `grpc`), with the API server's
  /// defaults filled in.
  public var handler: [(String, JSONValue)]
  public var initialDelaySeconds = 0
  public var periodSeconds = 10
  public var timeoutSeconds = 1
  public var successThreshold = 1
  public var failureThreshold = 3

  public static func == (lhs: Probe, rhs: Probe) -> Bool {
    JSONValue.object(lhs.handler) == JSONValue.object(rhs.handler)
      && lhs.initialDelaySeconds == rhs.initialDelaySeconds && lhs.periodSeconds == rhs.periodSeconds
      && lhs.timeoutSeconds == rhs.timeoutSeconds && lhs.successThreshold == rhs.successThreshold
      && lhs.failureThreshold == rhs.failureThreshold
  }

  /// Creates a probe from its handler.
  public init(handler: [(String, JSONValue)]) {
    self.handler = handler
  }

  /// The probe as the API server serialises it.
  public var json: JSONValue {
    var pairs = handler
    pairs.append(("failureThreshold", .int(Int64(failureThreshold))))
    if initialDelaySeconds > 0 { pairs.append(("initialDelaySeconds", .int(Int64(initialDelaySeconds)))) }
    pairs.append(("periodSeconds", .int(Int64(periodSeconds))))
    pairs.append(("successThreshold", .int(Int64(successThreshold))))
    pairs.append(("timeoutSeconds", .int(Int64(timeoutSeconds))))
    return .object(pairs)
  }

  /// The probe as describe shows it: `http-get http://:80/ delay=5s timeout=1s period=10s
  /// #success=1 #failure=3`.
  public var describe: String {
    var check = "unknown"
    if let http = handler.first(where: { $0.0 == "httpGet" })?.1 {
      let port = http["port"].map { $0.intValue.map(String.init) ?? $0.stringValue ?? "" } ?? ""
      let scheme = (http["scheme"]?.stringValue ?? "HTTP").lowercased()
      check = "http-get \(scheme)://\(http["host"]?.stringValue ?? ""):\(port)\(http["path"]?.stringValue ?? "")"
    } else if let tcp = handler.first(where: { $0.0 == "tcpSocket" })?.1 {
      let port = tcp["port"].map { $0.intValue.map(String.init) ?? $0.stringValue ?? "" } ?? ""
      check = "tcp-socket \(tcp["host"]?.stringValue ?? ""):\(port)"
    } else if let exec = handler.first(where: { $0.0 == "exec" })?.1 {
      check = "exec [" + (exec["command"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " ") + "]"
    }
    return
      "\(check) delay=\(initialDelaySeconds)s timeout=\(timeoutSeconds)s period=\(periodSeconds)s #success=\(successThreshold) #failure=\(failureThreshold)"
  }
}
