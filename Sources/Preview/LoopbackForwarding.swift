import FlyingSocks
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The listening half of `kubectl port-forward` in `kubebook shell`: binds 127.0.0.1 on each
/// local port (FlyingSocks' sockets) and serves one connection at a time: its request head is
/// read (at most 16 KiB, 2 s), handed to `respond`, and the answer written before the
/// connection closes. Every wait is a `poll` of at most 50 ms, so `shouldStop` (Ctrl-C) is
/// seen at once.
public enum LoopbackForwarding {
  /// Why the forward ended.
  public enum Outcome: Equatable, Sendable {
    /// `shouldStop` said so.
    case stopped
    /// `respond` returned nil: the pod refused, the forward is over.
    case aborted
    /// A port could not be bound (in use, or not allowed): its number and the system's reason.
    case cannotListen(port: UInt16, reason: String)
  }

  /// Listens on `ports` until `shouldStop` or an aborted connection. `accepted` is told of
  /// each connection's local port before its request is read; `respond` gets the local port
  /// and the request head and returns the bytes to send, or nil to end the forward.
  public static func run(
    ports: [UInt16], shouldStop: () -> Bool, accepted: (UInt16) -> Void,
    respond: (_ port: UInt16, _ request: String) -> [UInt8]?
  ) -> Outcome {
    var listeners: [(port: UInt16, socket: Socket)] = []
    defer { for listener in listeners { try? listener.socket.close() } }
    for port in ports {
      do {
        let socket = try Socket(domain: AF_INET, type: .stream)
        do {
          try socket.setValue(true, for: .localAddressReuse)
          try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
          try socket.listen()
        } catch {
          try? socket.close()
          throw error
        }
        listeners.append((port, socket))
      } catch {
        var reason = "\(error)"
        if case SocketError.failed(_, let code, _) = error { reason = String(cString: strerror(code)).lowercased() }
        return .cannotListen(port: port, reason: reason)
      }
    }
    while !shouldStop() {
      var descriptors = listeners.map { pollfd(fd: $0.socket.file.rawValue, events: Int16(POLLIN), revents: 0) }
      guard poll(&descriptors, nfds_t(descriptors.count), 50) > 0 else { continue }
      for (index, descriptor) in descriptors.enumerated() where descriptor.revents & Int16(POLLIN) != 0 {
        let connection = accept(descriptor.fd, nil, nil)
        guard connection >= 0 else { continue }
        defer { close(connection) }
        let port = listeners[index].port
        accepted(port)
        let request = readHead(connection, shouldStop: shouldStop)
        guard let answer = respond(port, request) else { return .aborted }
        writeAll(answer, to: connection)
      }
    }
    return .stopped
  }

  /// The request head: bytes up to the blank line, at most 16 KiB or 2 s of waiting.
  static func readHead(_ connection: Int32, shouldStop: () -> Bool) -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    for _ in 0..<40 where bytes.count < 16384 && !shouldStop() {
      var descriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, 50) > 0 else { continue }
      let count = read(connection, &buffer, buffer.count)
      guard count > 0 else { break }
      bytes += buffer[0..<count]
      if bytes.count >= 4, bytes.suffix(4) == [13, 10, 13, 10] { break }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes `bytes` (a closed peer ends the write; SIGPIPE is not raised: MSG_NOSIGNAL).
  static func writeAll(_ bytes: [UInt8], to connection: Int32) {
    var offset = 0
    var attempts = 0
    while offset < bytes.count && attempts < 1000 {
      attempts += 1
      let written = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard written > 0 else { return }
      offset += written
    }
  }
}
