import Foundation
import TestSupport
import Testing

@testable import Preview

/// The preview server end to end on 127.0.0.1 with raw sockets: clients past the connection
/// limit are refused and idle ones closed while the server keeps answering, a slow request
/// head is cut off, HEAD carries no body, and long polls are answered by ``PreviewServer/
/// siteChanged()`` or their timeout.
@Suite(.serialized) struct PreviewServerTests {
  static let page = "<html><body><p>页面</p></body></html>\n"
  /// Where the servers under test run.
  static let executor = ThreadTaskExecutor(label: "preview-server-tests")

  /// Runs `body` against a server with `limits` serving a directory with ``page`` as
  /// `pods.html`, then stops it.
  func withServer(
    _ limits: PreviewLimits, _ body: @Sendable (PreviewServer, UInt16) async throws -> Void
  ) async throws {
    let directory = try TemporaryDirectory.create("preview")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(Self.page.utf8).write(to: directory.appendingPathComponent("pods.html"))
    let server = try PreviewServer(directory: directory.path, port: 0, limits: limits)
    // On threads of its own: other suites' synchronous tests may hold the cooperative pool.
    let running = Task(executorPreference: Self.executor) { try await server.run { _ in } }
    defer { running.cancel() }
    try await body(server, server.port)
  }

  /// `GET target` on a new connection; its response.
  static func get(_ target: String, port: UInt16) throws -> RawConnection.Response? {
    let connection = try RawConnection(port: port)
    connection.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    return connection.response()
  }

  @Test func refusesPastTheLimitClosesIdleConnectionsAndKeepsAnswering() async throws {
    var limits = PreviewLimits()
    limits.connections = 40
    limits.idleTimeout = .seconds(3)
    try await withServer(limits) { _, port in
      try await RawConnection.offThePool {
        let started = ContinuousClock.now
        let idle = try (0..<300).map { _ in try RawConnection(port: port) }
        // Each connection past the 40th is answered 503 and closed at once. (The deadlines
        // are long because other tests may hold every thread the server's tasks run on.)
        let refused = { idle.filter { $0.closedByServer && $0.leftover.starts(with: Array("HTTP/1.1 503".utf8)) } }
        Self.poll(idle, until: started + .seconds(60)) { refused().count >= 260 }
        #expect(refused().count == 260)
        Self.poll(idle, until: .now) { false }
        let held = idle.count { !$0.closedByServer }
        let busy = try Self.get("/pods.html", port: port)?.status
        if ContinuousClock.now - started < .seconds(2.5) {
          // Both seen before the idle timeout: the 40 others are held, and so is the limit.
          #expect(held == 40)
          #expect(busy == 503)
        }
        // The 40 accepted ones are closed after the idle timeout, without a word.
        var firstIdleClose: ContinuousClock.Instant?
        Self.poll(idle, until: started + .seconds(60)) {
          if firstIdleClose == nil && idle.count(where: \.closedByServer) > 260 { firstIdleClose = .now }
          return idle.allSatisfy(\.closedByServer)
        }
        let closed = idle.count { $0.closedByServer }
        let closedWithoutAWord = idle.count { $0.closedByServer && $0.leftover.isEmpty }
        #expect(closed == 300)
        #expect(closedWithoutAWord == 40)
        #expect(firstIdleClose.map { $0 - started >= .seconds(3) } == true)
        #expect(try Self.get("/pods.html", port: port)?.status == 200)
      }
    }
  }

  /// Reads what `connections` have received, at least twice (a response, then the close)
  /// and then every 10 ms until `done` or `deadline`.
  static func poll(_ connections: [RawConnection], until deadline: ContinuousClock.Instant, _ done: () -> Bool) {
    var passes = 0
    repeat {
      for connection in connections where !connection.closedByServer { connection.receive(timeout: .zero) }
      passes += 1
      usleep(10_000)
    } while passes < 2 || (!done() && ContinuousClock.now < deadline)
  }

  @Test func aRequestHeadTooSlowIsAnswered408() async throws {
    var limits = PreviewLimits()
    limits.headerTimeout = .seconds(1)
    limits.idleTimeout = .seconds(30)
    try await withServer(limits) { _, port in
      try await RawConnection.offThePool {
        // One byte every 200 ms keeps the connection from being idle, not the head in time.
        let connection = try RawConnection(port: port)
        let started = ContinuousClock.now
        for byte in "GET /pods.html HTTP/1.1\r\nHost: 127.0.0.1\r\n".map(String.init) {
          connection.send(byte)
          if connection.closes(within: .milliseconds(200)) { break }
        }
        #expect(connection.closes(within: .seconds(30)))
        #expect(connection.response(timeout: .zero)?.status == 408)
        // After the header timeout, and well before the idle one.
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .seconds(1) && elapsed < .seconds(20))
      }
    }
  }

  @Test func headHasTheHeadersOfGetAndNoBody() async throws {
    try await withServer(PreviewLimits()) { _, port in
      try await RawConnection.offThePool {
        for target in ["/pods.html", "/missing.html"] {
          // HEAD then GET on one connection: a body after HEAD would be read as the second
          // response's status line.
          let connection = try RawConnection(port: port)
          connection.send(
            "HEAD \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          )
          let head = try #require(connection.response(toHead: true))
          let get = try #require(connection.response())
          #expect(head.status == get.status)
          #expect(head.headers["content-length"] == String(get.body.count))
          #expect(head.headers["content-type"] == get.headers["content-type"])
          #expect(connection.closes(within: .seconds(30)))
          #expect(connection.leftover.isEmpty)
        }
        let page = try #require(try Self.get("/pods.html", port: port))
        #expect(String(decoding: page.body, as: UTF8.self).contains(LiveReload.waitPath))
        // Alone, with the connection closing after it: the head and then nothing.
        let alone = try RawConnection(port: port)
        alone.send("HEAD /pods.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(alone.response(toHead: true)?.headers["content-length"] == String(page.body.count))
        #expect(alone.closes(within: .seconds(30)))
        #expect(alone.leftover.isEmpty)
      }
    }
  }

  @Test func aLongPollIsAnsweredWhenTheSiteChanges() async throws {
    var limits = PreviewLimits()
    limits.longPoll = .seconds(60)
    try await withServer(limits) { server, port in
      let waiters = try await RawConnection.offThePool {
        try (0..<5).map { _ in
          let connection = try RawConnection(port: port)
          connection.send("GET \(LiveReload.waitPath)?since=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
          return connection
        }
      }
      var waiting = 0
      for _ in 0..<1500 where waiting < 5 {
        try await Task.sleep(for: .milliseconds(20))
        waiting = await server.signal.waiting
      }
      #expect(waiting == 5)
      let unanswered = try await RawConnection.offThePool { waiters.allSatisfy { !$0.receive(timeout: .zero) } }
      #expect(unanswered)
      let changed = ContinuousClock.now
      await server.siteChanged()
      let answers = try await RawConnection.offThePool { waiters.map { $0.response(timeout: .seconds(30)) } }
      #expect(ContinuousClock.now - changed < .seconds(30))
      #expect(answers.map { $0.map { String(decoding: $0.body, as: UTF8.self) } } == Array(repeating: "2", count: 5))
      #expect(await server.signal.waiting == 0)
      // A page that already missed a change is answered at once.
      let late = try await RawConnection.offThePool { try Self.get("\(LiveReload.waitPath)?since=1", port: port) }
      #expect(late.map { String(decoding: $0.body, as: UTF8.self) } == "2")
    }
  }

  @Test func aLongPollWithoutChangeIsAnsweredAfterItsTimeout() async throws {
    var limits = PreviewLimits()
    limits.longPoll = .seconds(1)
    try await withServer(limits) { _, port in
      try await RawConnection.offThePool {
        let started = ContinuousClock.now
        let answer = try Self.get("\(LiveReload.waitPath)?since=1", port: port)
        let elapsed = ContinuousClock.now - started
        #expect(answer?.status == 200)
        #expect(answer.map { String(decoding: $0.body, as: UTF8.self) } == "1")
        #expect(elapsed >= .seconds(1) && elapsed < .seconds(20))
      }
    }
  }

  @Test(arguments: [
    ("POST /pods.html HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", 405),
    ("GET /pods.html HTTP/2.0\r\nHost: x\r\n\r\n", 400),
    ("GET /pods.html HTTP/1.1\r\nHost : x\r\n\r\n", 400),
    ("GET /pods.html HTTP/1.1\r\nX: \(String(repeating: "a", count: 20000))\r\n\r\n", 431),
  ])
  func badRequestsAreAnsweredAndClosed(request: String, status: Int) async throws {
    try await withServer(PreviewLimits()) { _, port in
      try await RawConnection.offThePool {
        let connection = try RawConnection(port: port)
        connection.send(request)
        #expect(connection.response()?.status == status)
        #expect(connection.closes(within: .seconds(30)))
      }
    }
  }
}
