import FlyingSocks
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Serves a site directory on 127.0.0.1 for `kubebook serve`: GET and HEAD of files under
/// the directory only (a path that leaves it, through `..` or a symbolic link, is 404), HTML
/// with ``LiveReload``'s script, and the long poll that script waits on.
///
/// Clients cannot stop it: connections past ``PreviewLimits/connections`` are answered 503
/// and closed; one that sends nothing, or a request head too slowly, is closed after the
/// idle or header timeout; and when the process runs out of descriptors, waiting
/// connections are refused with a spare one while the server keeps listening.
///
/// FlyingFox's `HTTPServer` is not used for this: it stops listening (its `run()` throws) on
/// the first failed `accept`, such as EMFILE; it has no timeout for reading a request (its
/// `timeout` bounds the handler, and at 15 s cut the 25 s long poll short); and it sends the
/// body of a HEAD response. The sockets and the epoll loop are still FlyingSocks'.
public actor PreviewServer {
  /// The directory served, with symbolic links resolved.
  let root: String
  /// What clients may hold.
  let limits: PreviewLimits
  /// The listening socket, bound in the initializer.
  let listener: Socket
  /// The site's version and the long polls waiting on it.
  let signal = ReloadSignal()
  /// Where a problem the server survives is reported, one line each.
  let report: @Sendable (String) -> Void
  /// Connections accepted and not yet closed.
  private(set) var openConnections = 0
  /// When each kind of problem was last reported, so that a flood reports every 10 s at most.
  private var lastReported: [String: ContinuousClock.Instant] = [:]

  /// Binds 127.0.0.1:`port` (0: any free port) to serve `directory`; `report` gets a line
  /// for each problem the server survives (no descriptors left, too many connections).
  public init(
    directory: String, port: UInt16, limits: PreviewLimits = PreviewLimits(),
    report: @escaping @Sendable (String) -> Void = { _ in }
  ) throws {
    self.root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    self.limits = limits
    self.report = report
    let socket = try Socket(domain: AF_INET, type: .stream)
    do {
      try socket.setValue(true, for: .localAddressReuse)
      try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
      try socket.listen()
    } catch {
      try? socket.close()
      throw error
    }
    self.listener = socket
  }

  /// The port it listens on.
  public nonisolated var port: UInt16 {
    guard case .ip4(_, let port) = try? listener.sockname() else { return 0 }
    return port
  }

  /// Serves until the task is cancelled; `onListening` gets the port first.
  public func run(onListening: @escaping @Sendable (UInt16) -> Void) async throws {
    let pool = SocketPool<Poll>.make(maxEvents: 64)
    try await pool.prepare()
    let listening = try AsyncSocket(socket: listener, pool: pool)
    defer { try? listener.close() }
    onListening(port)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await pool.run() }
      group.addTask { await self.acceptConnections(on: listening) }
      try await group.next()
      group.cancelAll()
    }
  }

  /// Says the files changed: pages waiting reload.
  public func siteChanged() async {
    await signal.changed()
  }

  /// Accepts connections until cancelled, each served in a task of its own; past the limit
  /// a connection is answered 503 and closed, and a failed `accept` (no descriptors left)
  /// refuses what waits and tries again shortly, never ending the loop.
  func acceptConnections(on listening: AsyncSocket) async {
    var spare = Self.openSpare()
    await withDiscardingTaskGroup { group in
      while !Task.isCancelled {
        let connection: AsyncSocket
        do {
          connection = try await listening.accept()
        } catch {
          if Task.isCancelled { break }
          refuseWaiting(after: error, spare: &spare)
          try? await Task.sleep(for: .milliseconds(10))
          continue
        }
        guard openConnections < limits.connections else {
          warn("limit", "\(limits.connections) connections are open; refusing new ones (503) until some close")
          Self.refuse(connection.socket.file.rawValue)
          continue
        }
        openConnections += 1
        group.addTask { await self.serve(connection) }
      }
    }
    if spare >= 0 { close(spare) }
  }

  /// The C library's text for `code`, as a message ends ("too many open files").
  static func systemReason(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
  }

  /// After `accept` failed with `error`: when it is for want of descriptors, the spare one
  /// is given up to accept and refuse up to 64 waiting connections (so clients are not
  /// left hanging), then taken again.
  func refuseWaiting(after error: any Error, spare: inout Int32) {
    var reason = error.localizedDescription
    if case SocketError.failed(_, let code, _) = error {
      // That client gave up before it was accepted: nothing to refuse or report.
      if code == ECONNABORTED || code == EINTR || code == EPROTO { return }
      reason = Self.systemReason(code)
    }
    warn("accept", "cannot accept a connection: \(reason); refusing connections until descriptors are free")
    for _ in 0..<64 {
      if spare >= 0 { close(spare) }
      let accepted = accept(listener.file.rawValue, nil, nil)
      spare = Self.openSpare()
      guard accepted >= 0 else { break }
      Self.refuse(accepted)
    }
  }

  /// Reports `message` unless a problem of the same `kind` was reported in the last 10 s.
  func warn(_ kind: String, _ message: String) {
    let now = ContinuousClock.now
    if let last = lastReported[kind], now - last < .seconds(10) { return }
    lastReported[kind] = now
    report("127.0.0.1:\(port): warning: \(message)")
  }

  /// Serves one connection, then closes it.
  nonisolated func serve(_ socket: AsyncSocket) async {
    await PreviewConnection(socket: socket, limits: limits).serve { head in await self.respond(to: head) }
    try? socket.close()
    await connectionClosed()
  }

  /// Counts a connection as closed.
  func connectionClosed() {
    openConnections -= 1
  }

  /// The answer to `head`.
  nonisolated func respond(to head: RequestHead) async -> PreviewResponse {
    guard head.method == "GET" || head.method == "HEAD" else {
      var response = PreviewResponse.text(405, "Method Not Allowed", "405: only GET and HEAD\n")
      response.extraHeaders = [("Allow", "GET, HEAD")]
      return response
    }
    if head.path == LiveReload.waitPath {
      let current = await signal.version
      let since = head.query("since").flatMap { Int($0) } ?? current
      let version = await signal.wait(since: since, timeout: limits.longPoll)
      return .text(200, "OK", "\(version)")
    }
    let notFound = PreviewResponse.text(404, "Not Found", "404: no such file in the site\n")
    guard let relative = PreviewPath.relativeFile(for: head.target) else { return notFound }
    let bytes: [UInt8]
    do {
      guard let read = try read(relative) else { return notFound }
      bytes = read
    } catch {
      return .text(503, "Service Unavailable", "503: \(error.message)\n")
    }
    let type = PreviewPath.contentType(of: relative)
    let body = type.hasPrefix("text/html") ? LiveReload.inject(into: bytes, version: await signal.version) : bytes
    return PreviewResponse(status: 200, reason: "OK", contentType: type, body: body)
  }

  /// The bytes of `relative` under the root, or nil when it is missing, not a regular file,
  /// or resolves (through a symbolic link) to somewhere outside the root; throws when it is
  /// there but cannot be read now (e.g. no descriptor left).
  nonisolated func read(_ relative: String) throws(ReadFailure) -> [UInt8]? {
    let resolved = URL(fileURLWithPath: root + "/" + relative).resolvingSymlinksInPath().path
    guard resolved.hasPrefix(root + "/") else { return nil }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue
    else { return nil }
    guard let data = FileManager.default.contents(atPath: resolved) else {
      throw ReadFailure(message: "cannot read \(relative) now: \(Self.systemReason(errno))")
    }
    return [UInt8](data)
  }

  /// A file of the site that is there but could not be read.
  struct ReadFailure: Error {
    let message: String
  }

  /// A descriptor held in reserve for refusing connections when none is left; -1 when even
  /// it cannot be opened.
  static func openSpare() -> Int32 {
    open("/dev/null", O_RDONLY | O_CLOEXEC)
  }

  /// Answers 503 on the accepted `descriptor` without waiting (the socket buffer of a new
  /// connection takes it whole) and closes it.
  static func refuse(_ descriptor: Int32) {
    let bytes = PreviewResponse.text(503, "Service Unavailable", "503: the server is busy; try again\n")
      .encoded(withBody: true, close: true)
    _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
    close(descriptor)
  }
}
