import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A TCP connection to 127.0.0.1 that sends bytes exactly as given and reads responses by
/// hand, so that tests see what the server really sends (a body after HEAD, a missing
/// Content-Length). Every wait is bounded by a timeout. Blocking: call it through
/// ``RawConnection/offThePool(_:)`` from async tests.
final class RawConnection: @unchecked Sendable {
  /// The socket.
  let descriptor: Int32
  /// Bytes received and not yet taken by ``response(toHead:timeout:)``.
  private var received: [UInt8] = []
  /// Whether the server closed its side.
  private(set) var closedByServer = false

  /// A response as read off the wire.
  struct Response {
    let status: Int
    /// Header values by lowercased name.
    let headers: [String: String]
    let body: [UInt8]
  }

  /// Connects to 127.0.0.1:`port`.
  init(port: UInt16) throws {
    descriptor = Loopback.connect(port: port)
    guard descriptor >= 0 else { throw Failure(message: "cannot connect to port \(port): \(errno)") }
  }

  deinit {
    close(descriptor)
  }

  /// Sends `text` as it is.
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  /// Reads what arrives within `timeout` into ``received``; false when nothing came.
  @discardableResult
  func receive(timeout: Duration) -> Bool {
    guard !closedByServer else { return false }
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
    guard poll(&poller, 1, milliseconds) == 1 else { return false }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    if count <= 0 {
      closedByServer = true
      return false
    }
    received += buffer[0..<count]
    return true
  }

  /// Whether the server closes the connection within `timeout` (any bytes it sends first
  /// are kept).
  func closes(within timeout: Duration) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !closedByServer && ContinuousClock.now < deadline {
      receive(timeout: min(deadline - ContinuousClock.now, .milliseconds(100)))
    }
    return closedByServer
  }

  /// The next response, read within `timeout`: its head, then as many body bytes as its
  /// Content-Length says, unless `toHead` (the answer to HEAD has none). Bytes after it stay
  /// for the next call. Nil when no whole response came.
  func response(toHead: Bool = false, timeout: Duration = .seconds(30)) -> Response? {
    let deadline = ContinuousClock.now + timeout
    let separator = Array("\r\n\r\n".utf8)
    while true {
      if let end = received.indices.dropLast(3).first(where: { received[$0..<$0 + 4].elementsEqual(separator) }) {
        let lines = String(decoding: received[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
          guard let colon = line.firstIndex(of: ":") else { continue }
          headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = toHead ? 0 : Int(headers["content-length"] ?? "") ?? 0
        let bodyStart = end + 4
        if received.count - bodyStart >= length {
          let body = Array(received[bodyStart..<bodyStart + length])
          received.removeSubrange(..<(bodyStart + length))
          return Response(status: status, headers: headers, body: body)
        }
      }
      guard ContinuousClock.now < deadline, !closedByServer else { return nil }
      receive(timeout: min(deadline - ContinuousClock.now, .milliseconds(100)))
    }
  }

  /// The bytes received and not taken by a response.
  var leftover: [UInt8] { received }

  /// A failure to connect.
  struct Failure: Error {
    let message: String
  }

  /// Runs blocking `work` on a thread of its own, so that it does not hold up a thread the
  /// server's tasks need.
  static func offThePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try work() }) }.start()
    }
  }
}
