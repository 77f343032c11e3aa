import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `kubebook serve` end to end: it serves the built site on 127.0.0.1 with the reload
/// script, refuses paths outside the site, rebuilds a saved lesson and wakes waiting pages,
/// and keeps the site when an edit breaks the build.
@Suite(.serialized) struct ServeTests {
  let cli = CommandLineTests()

  /// A running `kubebook serve --port 0`, stopped by ``stop()``.
  final class Server {
    let pid: pid_t
    let log: URL
    private(set) var port: UInt16 = 0

    /// Starts `kubebook serve` on `directory`'s content with `extraArguments`; with
    /// `fileLimit`, under that limit of open descriptors (`ulimit -n`, through /bin/sh).
    init(in directory: URL, extraArguments: [String] = [], fileLimit: Int? = nil) throws {
      log = directory.appendingPathComponent("serve.log")
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
      SpawnActions.closeInherited(&actions)
      var arguments = [
        CommandLineTests.binary.path, "serve", directory.appendingPathComponent("content").path, "--port", "0", "-o",
        directory.appendingPathComponent("out").path,
      ]
      arguments += extraArguments
      if let fileLimit {
        arguments = ["/bin/sh", "-c", "ulimit -n \(fileLimit) && exec \"$0\" \"$@\""] + arguments
      }
      let argv = arguments.map { strdup($0) } + [nil]
      defer { argv.forEach { free($0) } }
      // The test runs on a Dispatch worker thread, which blocks SIGTERM; a spawned child
      // would inherit that mask and never stop, so it gets an empty one.
      var attributes = posix_spawnattr_t()
      posix_spawnattr_init(&attributes)
      defer { posix_spawnattr_destroy(&attributes) }
      var noSignals = sigset_t()
      sigemptyset(&noSignals)
      posix_spawnattr_setsigmask(&attributes, &noSignals)
      posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
      var child = pid_t()
      let spawned = posix_spawn(&child, arguments[0], &actions, &attributes, argv, environ)
      guard spawned == 0 else { throw ServeError(message: "cannot start kubebook serve: \(spawned)") }
      pid = child
      let deadline = Date().addingTimeInterval(60)
      while Date() < deadline {
        if let line = logText().split(separator: "\n").first(where: { $0.hasPrefix("serving ") }),
          let colon = line.range(of: "127.0.0.1:"), let port = UInt16(line[colon.upperBound...].prefix { $0.isNumber })
        {
          self.port = port
          return
        }
        usleep(20_000)
      }
      stop()
      throw ServeError(message: "kubebook serve did not start:\n" + logText())
    }

    func logText() -> String {
      (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    func stop() {
      kill(pid, SIGTERM)
      var status: Int32 = 0
      while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    /// Whether the server process is still running.
    var isRunning: Bool {
      var status: Int32 = 0
      return waitpid(pid, &status, WNOHANG) == 0
    }

    /// A connection to the server that sends nothing; -1 when connecting failed.
    func connectIdle() -> Int32 {
      Loopback.connect(port: port)
    }

    /// Sends `GET target` as it is (no client tidies the path) and returns the status code
    /// and body.
    func get(_ target: String) throws -> (status: Int, body: String) {
      let response = try request("GET", target)
      return (response.status, response.body)
    }

    /// Sends `METHOD target` with `Connection: close` and returns the status code, the
    /// Content-Length header and whatever follows the head until the server closes or
    /// Content-Length bytes came.
    func request(_ method: String, _ target: String) throws -> (status: Int, contentLength: Int?, body: String) {
      let socket = connectIdle()
      guard socket >= 0 else { throw ServeError(message: "cannot connect to port \(port)") }
      defer { close(socket) }
      var timeout = timeval(tv_sec: 30, tv_usec: 0)
      setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
      _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
      // Read until the body is as long as Content-Length says (the server may keep the
      // connection open), the server closes, or the timeout passes.
      var response: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 65536)
      let separator = Array("\r\n\r\n".utf8)
      while !Self.isComplete(response, separator: separator) {
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count <= 0 { break }
        response += buffer[0..<count]
      }
      let text = String(decoding: response, as: UTF8.self)
      let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
      let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
      let lengthLine = text.lowercased().components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
      let length = lengthLine.flatMap {
        Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
      }
      return (status, length, body)
    }

    /// Whether `response` holds its head and as many body bytes as its Content-Length.
    static func isComplete(_ response: [UInt8], separator: [UInt8]) -> Bool {
      guard response.count >= separator.count,
        let end = (0...(response.count - separator.count)).first(where: {
          response[$0..<$0 + separator.count].elementsEqual(separator)
        })
      else { return false }
      let head = String(decoding: response[..<end], as: UTF8.self).lowercased()
      guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
        let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
      else { return false }
      return response.count - end - separator.count >= length
    }
  }

  struct ServeError: Error {
    let message: String
  }

  static let lesson = """
    # Pod

    ```scenario
    $ kubectl run web --image=nginx
    pod/web created
    ```

    """

  @Test func servesRebuildsAndRefusesPathsOutside() throws {
    let root = try cli.course(["SUMMARY.md": "# 课程\n\n- [Pod](pods.md)\n", "pods.md": Self.lesson])
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
    let server = try Server(in: root)
    defer { server.stop() }
    let page = try server.get("/pods.html")
    #expect(page.status == 200)
    #expect(page.body.contains("/__kubebook/wait?since="))
    #expect(try server.get("/").status == 200)
    for outside in ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt", "/../content/SUMMARY.md"] {
      let response = try server.get(outside)
      #expect(response.status == 404, "\(outside)")
      #expect(!response.body.contains("secret"))
    }
    // A symbolic link inside the site that points out of it is not followed.
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("out/link.txt").path,
      withDestinationPath: root.appendingPathComponent("secret.txt").path)
    #expect(try server.get("/link.txt").status == 404)
    // Saving the lesson rebuilds its page; a waiting page hears of it.
    // Written atomically, as editors save: a half-written file would make a rebuild of its own.
    let edited = Self.lesson + "新加的一段。\n"
    try Data(edited.utf8).write(to: root.appendingPathComponent("content/pods.md"), options: .atomic)
    let wait = try server.get("/__kubebook/wait?since=1")
    #expect(wait.body == "2")
    #expect(try server.get("/pods.html").body.contains("新加的一段"))
    let onDisk = try String(contentsOf: root.appendingPathComponent("out/pods.html"), encoding: .utf8)
    #expect(onDisk.contains("新加的一段") && !onDisk.contains("__kubebook"))
    // A broken link is reported and the site stays as it was.
    try Data((edited + "\n[去别处](nowhere.md)\n").utf8).write(to: root.appendingPathComponent("content/pods.md"))
    let deadline = Date().addingTimeInterval(20)
    while !server.logText().contains("broken link") && Date() < deadline { usleep(50_000) }
    #expect(server.logText().contains("content/pods.md:9: error: broken link \"nowhere.md\""))
    #expect(try String(contentsOf: root.appendingPathComponent("out/pods.html"), encoding: .utf8) == onDisk)
  }
}
