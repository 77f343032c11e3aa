import FlyingSocks
import Foundation

/// One accepted connection of the preview server: reads each request head within the idle
/// and header timeouts, has it answered, and writes the answer within the send timeout,
/// until the client closes, a timeout passes, a request asks to close or sends a body, or a
/// request is malformed (answered 400, 408 or 431, then closed). The owner closes the socket.
struct PreviewConnection {
  let socket: AsyncSocket
  let limits: PreviewLimits

  /// Why no request could be read.
  enum ReadFailure: Error {
    /// A request began but its head did not arrive within the header timeout.
    case headTimedOut
    /// The head grew past ``PreviewLimits/headBytes``.
    case headTooLarge
    /// The head is not an HTTP/1.x request head.
    case malformed
  }

  /// A deadline passed before the work it bounded finished.
  struct TimedOut: Error {}

  /// Serves requests one after another (a pipelined request waits for the one before it),
  /// answering each with `respond`.
  func serve(_ respond: @Sendable (RequestHead) async -> PreviewResponse) async {
    var pending: [UInt8] = []
    while !Task.isCancelled {
      let head: RequestHead
      do {
        guard let next = try await readHead(&pending) else { return }
        head = next
      } catch ReadFailure.headTimedOut {
        _ = await send(.text(408, "Request Timeout", "408: the request did not arrive in time\n"), withBody: true)
        return
      } catch ReadFailure.headTooLarge {
        _ = await send(
          .text(431, "Request Header Fields Too Large", "431: the request head is too long\n"), withBody: true)
        return
      } catch ReadFailure.malformed {
        _ = await send(.text(400, "Bad Request", "400: not an HTTP/1.1 request\n"), withBody: true)
        return
      } catch {
        return
      }
      let response = await respond(head)
      // A body the server does not read would be taken for the next request: close instead.
      let keepOpen = head.keepAlive && !head.hasBody
      guard await send(response, withBody: head.method != "HEAD", close: !keepOpen), keepOpen else { return }
    }
  }

  /// The next request head, taken out of `pending` (bytes read but not yet used) or read
  /// into it; nil when the client closes or the idle timeout passes before a request begins.
  func readHead(_ pending: inout [UInt8]) async throws -> RequestHead? {
    let idleDeadline = ContinuousClock.now + limits.idleTimeout
    var headDeadline: ContinuousClock.Instant?
    var searched = 0
    while true {
      // Empty lines before a request line are ignored (RFC 9112 §2.2).
      if let start = pending.firstIndex(where: { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }), start > 0 {
        pending.removeSubrange(..<start)
        searched = 0
      } else if pending.allSatisfy({ $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) {
        pending.removeAll()
        searched = 0
      }
      if !pending.isEmpty && headDeadline == nil { headDeadline = .now + limits.headerTimeout }
      if let end = Self.endOfHead(in: pending, from: searched) {
        guard end <= limits.headBytes else { throw ReadFailure.headTooLarge }
        let head = RequestHead(pending[..<end])
        pending.removeSubrange(..<end)
        guard let head else { throw ReadFailure.malformed }
        return head
      }
      guard pending.count <= limits.headBytes else { throw ReadFailure.headTooLarge }
      searched = max(0, pending.count - 3)
      let deadline = headDeadline ?? idleDeadline
      do {
        pending += try await Self.within(deadline) { [socket] in try await socket.read(atMost: 4096) }
      } catch is TimedOut {
        if headDeadline == nil { return nil }
        throw ReadFailure.headTimedOut
      } catch SocketError.disconnected {
        return nil
      }
    }
  }

  /// Writes `response` (its body too unless `withBody` is false) within the send timeout;
  /// false when the client is gone or too slow.
  func send(_ response: PreviewResponse, withBody: Bool, close: Bool = true) async -> Bool {
    let bytes = Data(response.encoded(withBody: withBody, close: close))
    do {
      try await Self.within(.now + limits.sendTimeout) { [socket] in try await socket.write(bytes) }
      return true
    } catch {
      return false
    }
  }

  /// The index just past the blank line that ends a head in `bytes` (`\r\n\r\n`, or `\n\n`
  /// from a lenient client), looking from `start` on; nil when it has not arrived yet.
  static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
    let newline = UInt8(ascii: "\n")
    var index = start
    while let found = bytes[index...].firstIndex(of: newline) {
      if found + 1 < bytes.count && bytes[found + 1] == newline { return found + 2 }
      if found + 2 < bytes.count && bytes[found + 1] == UInt8(ascii: "\r") && bytes[found + 2] == newline {
        return found + 3
      }
      index = found + 1
    }
    return nil
  }

  /// What `work` returns, unless `deadline` comes first: then `work` is cancelled and
  /// ``TimedOut`` thrown.
  static func within<Value: Sendable>(
    _ deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () async throws -> Value
  ) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
      group.addTask { try await work() }
      group.addTask {
        try await Task.sleep(until: deadline, clock: .continuous)
        return nil
      }
      defer { group.cancelAll() }
      guard let first = try await group.next(), let value = first else { throw TimedOut() }
      return value
    }
  }
}
