import KubeSim

/// The headers kube-apiserver v1.32 answers kubectl with, as client-go's `-v=8` prints them
/// (in key order: kubebook's choice, the real order follows a Go map):
/// - `Audit-Id`: the request's audit id (`filters.WithAuditInit`), a UUID per request;
/// - `Cache-Control: no-cache, private` (`filters.WithCacheControl`);
/// - `Content-Length` when the body fits in the HTTP/2 server's first write buffer
///   (`net/http` `handlerChunkWriteSize`, 4 KiB), which a bigger answer is streamed past;
/// - `Content-Type`: `application/json`, `text/plain` for a log;
/// - `Date`: `http.TimeFormat` on the virtual clock;
/// - `X-Kubernetes-Pf-Flowschema-Uid` and `X-Kubernetes-Pf-Prioritylevel-Uid`: the uids of the
///   `exempt` FlowSchema and PriorityLevelConfiguration that API Priority and Fairness
///   classifies an admin's request under (`filters.WithPriorityAndFairness`).
/// The UUIDs come from the cluster's seed, so they are the same on every run.
enum ResponseHeaders {
  /// The largest body the HTTP/2 server still sends with a `Content-Length`.
  static let bufferedBodyLimit = 4096

  /// The headers of the answer to `call`, the `index`th request of the command, sent at `date`.
  static func headers(for call: RESTCall, index: Int, date: Timestamp, seed: UInt64) -> [(String, String)] {
    var audit = NameGenerator(
      seed: seed ^ ImageCatalog.fnv1a("audit-id:\(date.milliseconds):\(index):\(call.verb) \(call.path)"))
    var headers = [("Audit-Id", audit.uuid()), ("Cache-Control", "no-cache, private")]
    if let length = call.responseBody?.utf8.count, length <= bufferedBodyLimit, !call.streamed {
      headers.append(("Content-Length", String(length)))
    }
    headers.append(("Content-Type", call.answer == .text ? "text/plain" : "application/json"))
    headers.append(("Date", httpDate(date)))
    var flowSchema = NameGenerator(seed: seed ^ ImageCatalog.fnv1a("flowschema:exempt"))
    var priorityLevel = NameGenerator(seed: seed ^ ImageCatalog.fnv1a("prioritylevelconfiguration:exempt"))
    headers.append(("X-Kubernetes-Pf-Flowschema-Uid", flowSchema.uuid()))
    headers.append(("X-Kubernetes-Pf-Prioritylevel-Uid", priorityLevel.uuid()))
    return headers
  }

  /// Go's `http.TimeFormat` (`Mon, 02 Jan 2006 15:04:05 GMT`).
  static func httpDate(_ time: Timestamp) -> String {
    let parts = time.civil
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    return "\(days[parts.weekday]), \(two(parts.day)) \(months[parts.month - 1]) \(parts.year) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) GMT"
  }
}

/// Go's `strconv` functions kubectl's log output needs.
enum GoQuote {
  /// `strconv.Quote`: double quotes, `"` and `\` escaped, `\a \b \f \n \r \t \v`, other
  /// control characters as `\xNN` (`\u00NN` above 0x7f), printable characters as they are.
  static func quote(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\u{07}": output += "\\a"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{0B}": output += "\\v"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          output += "\\x" + (hex.count < 2 ? "0" + hex : hex)
        } else if scalar.value >= 0x80 && scalar.value < 0xA0 {
          output += "\\u00" + String(scalar.value, radix: 16)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }
}
