import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `kubebook serve` against clients that misbehave: more connections than the process has
/// descriptors, and HEAD requests.
extension ServeTests {
  /// With 48 descriptors and `--max-connections 500`, the server holds only what its
  /// descriptors leave room for and answers the rest 503: it never runs out of descriptors
  /// (libdispatch ends a process that cannot open its `/proc` files: 3 runs in 40 died so
  /// before), keeps reading the course and rebuilds once the clients let go.
  @Test func keepsServingWhenClientsAskForMoreThanItsDescriptors() throws {
    let root = try cli.course(["SUMMARY.md": "# 课程\n\n- [Pod](pods.md)\n", "pods.md": Self.lesson])
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try Server(in: root, extraArguments: ["--max-connections", "500"], fileLimit: 48)
    defer { server.stop() }
    var idle = (0..<200).map { _ in server.connectIdle() }
    defer { idle.filter { $0 >= 0 }.forEach { close($0) } }
    #expect(idle.allSatisfy { $0 >= 0 })
    let deadline = Date().addingTimeInterval(20)
    while !server.logText().contains("refusing new ones (503)") && Date() < deadline {
      usleep(50_000)
    }
    // Two more seconds of the watch loop reading the course with every slot taken.
    usleep(2_000_000)
    let log = server.logText()
    #expect(
      log.contains("warning: --max-connections 500 is more than the descriptor limit (ulimit -n) leaves room for"))
    #expect(log.contains("connections are open; refusing new ones (503) until some close"))
    #expect(!log.lowercased().contains("too many open files"), "\(log)")
    #expect(!log.contains("SUMMARY.md"))
    #expect(server.isRunning)
    // Once the clients let go, the server answers again and still rebuilds a saved lesson.
    idle.filter { $0 >= 0 }.forEach { close($0) }
    idle = []
    var status = 0
    while status != 200 && Date() < deadline {
      status = (try? server.get("/pods.html").status) ?? 0
      if status != 200 { usleep(50_000) }
    }
    #expect(status == 200)
    try Data((Self.lesson + "又一段。\n").utf8).write(
      to: root.appendingPathComponent("content/pods.md"), options: .atomic)
    #expect(try server.get("/__kubebook/wait?since=1").body == "2")
    #expect(server.isRunning)
  }

  @Test func headAnswersWithTheLengthOfGetAndNoBody() throws {
    let root = try cli.course(["SUMMARY.md": "# 课程\n\n- [Pod](pods.md)\n", "pods.md": Self.lesson])
    defer { try? FileManager.default.removeItem(at: root) }
    let server = try Server(in: root)
    defer { server.stop() }
    for target in ["/pods.html", "/", "/missing.html"] {
      let get = try server.request("GET", target)
      let head = try server.request("HEAD", target)
      #expect(head.status == get.status, "\(target)")
      #expect(get.contentLength == get.body.utf8.count, "\(target)")
      #expect(head.contentLength == get.contentLength, "\(target)")
      #expect(head.body.isEmpty, "\(target)")
    }
  }
}
