import Foundation
import Kubectl
import Preview
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `kubectl port-forward` really listening, as `kubebook shell` does it (``LoopbackForwarding``
/// with the pod's answers): a client connects over loopback and gets nginx's welcome page on
/// `/`, its 404 elsewhere, and a port nothing listens on ends the forward with kubectl's
/// `error: lost connection to pod` (kubernetes/kubectl#1169 shows the v1.31 transcript).
@Suite(.serialized) struct PortForwardListenTests {
  /// A flag shared with the client thread.
  final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
  }

  /// Connects to `port` (retrying while the forward starts), sends `request` and returns
  /// everything the server sent before closing.
  static func fetch(port: UInt16, request: String) -> String {
    var descriptor: Int32 = -1
    for _ in 0..<200 {
      descriptor = Loopback.connect(port: port)
      if descriptor >= 0 { break }
      usleep(10_000)
    }
    guard descriptor >= 0 else { return "<no connection>" }
    defer { close(descriptor) }
    let bytes = Array(request.utf8)
    _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    for _ in 0..<1000 {
      let count = read(descriptor, &buffer, buffer.count)
      guard count > 0 else { break }
      received += buffer[0..<count]
    }
    return String(decoding: received, as: UTF8.self)
  }

  /// A forwarder listening for real until `done` is set.
  static func forwarder(done: Flag, handled: Flag) -> PortForwarder {
    PortForwarder { session in
      let remotes = Dictionary(session.ports.map { ($0.local, $0.remote) }, uniquingKeysWith: { first, _ in first })
      var log = ""
      let outcome = LoopbackForwarding.run(
        ports: session.ports.map(\.local), shouldStop: { done.isSet }, accepted: { _ in handled.set() },
        respond: { port, request in
          switch session.answer(remotes[port] ?? 0, request) {
          case .response(let bytes): return bytes
          case .refused(let line):
            log = line
            return nil
          }
        })
      switch outcome {
      case .stopped: return PortForwardEnd(output: "", status: 0)
      case .aborted: return PortForwardEnd(output: log + "error: lost connection to pod\n", status: 1)
      case .cannotListen(let port, let reason):
        return PortForwardEnd(output: "cannot listen \(port): \(reason)\n", status: 1)
      }
    }
  }

  /// A local port unlikely to be taken.
  static let port = UInt16(20_000 + Int(getpid()) % 20_000)

  @Test func servesThePodsPagesOverLoopback() throws {
    var terminal = Terminal()
    #expect(terminal.run("kubectl run web --image=nginx:1.27").exitCode == 0)
    _ = terminal.run("kubectl wait --for=condition=Ready pod/web")
    let done = Flag()
    let handled = Flag()
    terminal.portForwarder = Self.forwarder(done: done, handled: handled)
    let port = Self.port
    nonisolated(unsafe) var pages: [String] = []
    let client = Thread {
      pages.append(Self.fetch(port: port, request: "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"))
      pages.append(Self.fetch(port: port, request: "GET /missing HTTP/1.1\r\nHost: localhost\r\n\r\n"))
      done.set()
    }
    client.start()
    let result = terminal.run("kubectl port-forward pod/web \(port):80")
    while !done.isSet { usleep(10_000) }
    // kubectl catches SIGINT and returns cleanly (portforward.go's signal channel).
    #expect(result.exitCode == 0)
    #expect(handled.isSet)
    try #require(pages.count == 2)
    #expect(pages[0].hasPrefix("HTTP/1.1 200 OK\r\n"))
    #expect(pages[0].hasSuffix("<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n"))
    #expect(pages[1].hasPrefix("HTTP/1.1 404 Not Found\r\n"))
    #expect(pages[1].contains("<center><h1>404 Not Found</h1></center>"))
  }

  @Test func aPortNothingListensOnEndsTheForward() throws {
    var terminal = Terminal()
    #expect(terminal.run("kubectl run web --image=nginx:1.27").exitCode == 0)
    _ = terminal.run("kubectl wait --for=condition=Ready pod/web")
    let done = Flag()
    terminal.portForwarder = Self.forwarder(done: done, handled: Flag())
    let port = Self.port + 1
    nonisolated(unsafe) var answer = ""
    let client = Thread {
      answer = Self.fetch(port: port, request: "GET / HTTP/1.1\r\n\r\n")
    }
    client.start()
    let result = terminal.run("kubectl port-forward pod/web \(port):81")
    done.set()
    #expect(result.exitCode == 1)
    #expect(result.output.hasSuffix("\nerror: lost connection to pod\n"))
    #expect(
      result.output.contains(
        "portforward.go:424] \"Unhandled Error\" err=\"an error occurred forwarding \(port) -> 81: error forwarding port 81 to pod "
      ))
    #expect(result.output.contains("IPv4: dial tcp4 127.0.0.1:81: connect: connection refused"))
    while !client.isFinished { usleep(10_000) }
    #expect(answer.isEmpty)
  }

  /// Without a forwarder (lessons, builds), nothing listens: the lines, and the command ends.
  @Test func lessonsNeverListen() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    _ = terminal.run("kubectl wait --for=condition=Ready pod/web")
    #expect(
      terminal.run("kubectl port-forward pod/web 8080:80").output
        == "Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n")
  }
}
