import Course
import Foundation
import Site
import TestSupport
import Testing

@testable import Workspace

/// `kubebook serve`'s driver on disk: the first build writes the whole site, an edited
/// lesson rewrites only the files it changes, and a course that does not build leaves the
/// site as it was.
@Suite struct SiteWatcherTests {
  static let summary = "# 课程\n\n- [第一课](one.md)\n- [第二课](two.md)\n- [第三课](three.md)\n"
  static let lessons = [
    "one.md": """
    # 第一课

    ## 创建

    ```scenario
    $ kubectl create deployment web --image=nginx:1.27
    deployment.apps/web created
    ```
    """,
    "two.md": "# 第二课\n\n正文。\n",
    "three.md": "# 第三课\n\n正文。\n\n[回到第一课](one.md#创建)\n",
  ]

  /// A course directory holding the lessons and SUMMARY.md inside a fresh directory, and
  /// where its site goes.
  func course() throws -> (root: URL, content: String, output: String) {
    let root = try CourseFixture.directory(
      Self.lessons.merging(["SUMMARY.md": Self.summary]) { $1 }, prefix: "kubebook-tests")
    return (root, root.appendingPathComponent("content").path, root.appendingPathComponent("site").path)
  }

  /// Each file of the site at `output` (its marker left out): its bytes and its inode, which
  /// a file written again (beside its target, then renamed over it) does not keep.
  func snapshot(_ output: String) throws -> [String: (bytes: [UInt8], inode: Int)] {
    var files: [String: (bytes: [UInt8], inode: Int)] = [:]
    let enumerator = try #require(FileManager.default.enumerator(atPath: output))
    while let relative = enumerator.nextObject() as? String {
      let path = output + "/" + relative
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      guard attributes[.type] as? FileAttributeType == .typeRegular, relative != OutputDirectory.markerName
      else { continue }
      let inode = try #require(attributes[.systemFileNumber] as? Int)
      files[relative] = (try FileBytes.read(path), inode)
    }
    return files
  }

  @Test func theFirstBuildWritesTheWholeSite() throws {
    let (root, content, output) = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    var watcher = try SiteWatcher(content: content, output: output, options: SiteRenderer.Options())
    let inMemory = try SiteBuild(try CourseDirectory.load(content)).files
    let onDisk = try snapshot(output)
    #expect(onDisk.keys.sorted() == inMemory.keys.sorted())
    for (path, file) in inMemory { #expect(onDisk[path]?.bytes == file.contents, "\(path)") }
    guard case .unchanged = watcher.update().outcome else {
      Issue.record("a course read as it was is built again")
      return
    }
  }

  @Test func anEditedLessonRewritesOnlyItsFiles() throws {
    let (root, content, output) = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    var watcher = try SiteWatcher(content: content, output: output, options: SiteRenderer.Options())
    let before = try snapshot(output)
    try Data("# 第三课\n\n改过的正文。\n\n[回到第一课](one.md#创建)\n".utf8)
      .write(to: URL(fileURLWithPath: content + "/three.md"))
    let update = watcher.update()
    guard case .rebuilt(let changes) = update.outcome else {
      Issue.record("\(update.outcome)")
      return
    }
    #expect(update.building != nil)
    // The lesson's own page, and the two pages made of every lesson's text.
    let expected = ["print.html", "search-index.js", "three.html"]
    #expect(changes.written.map(\.path) == expected)
    #expect(changes.removed.isEmpty)
    let after = try snapshot(output)
    #expect(after.keys.sorted() == before.keys.sorted())
    let rewritten = after.keys.filter { after[$0]?.inode != before[$0]?.inode }.sorted()
    #expect(rewritten == expected)
    let page = String(decoding: try #require(after["three.html"]).bytes, as: UTF8.self)
    #expect(page.contains("改过的正文。"))
    for path in before.keys where !expected.contains(path) {
      #expect(after[path]?.bytes == before[path]?.bytes, "\(path)")
    }
  }

  @Test func aBrokenLessonLeavesTheSiteAsItWas() throws {
    let (root, content, output) = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    var watcher = try SiteWatcher(content: content, output: output, options: SiteRenderer.Options())
    let before = try snapshot(output)
    let lesson = URL(fileURLWithPath: content + "/three.md")
    try Data("# 第三课\n\n[去第四课](four.md)\n".utf8).write(to: lesson)
    let update = watcher.update()
    guard case .broken(let diagnostics) = update.outcome else {
      Issue.record("\(update.outcome)")
      return
    }
    #expect(diagnostics.map(\.path) == [content + "/three.md"])
    #expect(diagnostics.allSatisfy { $0.severity == .error })
    let after = try snapshot(output)
    #expect(after.keys.sorted() == before.keys.sorted())
    for (path, file) in before {
      #expect(after[path]?.bytes == file.bytes && after[path]?.inode == file.inode, "\(path)")
    }
    // Fixed again, the course is the one the site was built from: nothing is built.
    try Data(Self.lessons["three.md"]!.utf8).write(to: lesson)
    guard case .unchanged = watcher.update().outcome else {
      Issue.record("the course the site was built from is built again")
      return
    }
  }

  @Test func aCourseThatDoesNotBuildWritesNothing() throws {
    let (root, content, output) = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("# 第三课\n\n[去第四课](four.md)\n".utf8).write(to: URL(fileURLWithPath: content + "/three.md"))
    do {
      _ = try SiteWatcher(content: content, output: output, options: SiteRenderer.Options())
      Issue.record("the build succeeded")
    } catch {
      guard case .broken(let diagnostics) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(diagnostics.map(\.path) == [content + "/three.md"])
    }
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
