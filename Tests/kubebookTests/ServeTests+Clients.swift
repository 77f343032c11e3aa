import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `kubebook serve` against clients that misbehave: more connections than the process has
/// descriptors, and HEAD requests.
extension ServeTests {
  @Test func keepsServingWhenClientsTakeEveryDescriptor() throws {
    let root = try cli.course(["SUMMARY.md": "# 课程\n\n- [Pod](pods.md)\n", "pods.md": Self.lesson])
    defer { try? FileManager.default.removeItem(at: root) }
    // 48 descriptors and a connection limit far above them: `accept` runs out (EMFILE), and
    // so does the watch loop reading the course.
    let server = try Server(in: root, extraArguments: ["--max-connections", "500"], fileLimit: 48)
    defer { server.stop() }
    var idle = (0..<200).map { _ in server.connectIdle() }
    defer { idle.filter { $0 >= 0 }.forEach { close($0) } }
    #expect(idle.allSatisfy { $0 >= 0 })
    let deadline = Date().addingTimeInterval(20)
    while !server.logText().contains("cannot list the directory: too many open files") && Date() < deadline {
      usleep(50_000)
    }
    let log = server.logText()
    #expect(log.contains("warning: cannot accept a connection: Too many open files"))
    #expect(log.contains("content: error: cannot list the directory: too many open files"))
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
