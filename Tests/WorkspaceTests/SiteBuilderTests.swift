import Course
import Foundation
import Site
import TestSupport
import Testing

@testable import Workspace

/// `kubebook build`'s driver on disk: the site it writes (pages in parallel, the print page
/// and search index streamed in pieces) is byte for byte the site `kubebook serve` keeps in
/// memory, and each failure is told as what it is.
@Suite struct SiteBuilderTests {
  static let summary = "# 课程\n\n- [第一课](one.md)\n- [第二课](two.md)\n- [第三课](three.md)\n"
  static let lessons = [
    "one.md": """
    # 第一课

    ## 创建

    ```scenario
    $ kubectl create deployment web --image=nginx:1.27
    deployment.apps/web created
    ```

    ## 小结

    [去第二课](two.md)
    """,
    // No section to search: its pieces of the search index are empty.
    "two.md": "",
    "three.md": "# 第三课\n\n正文。\n\n[回到小结](one.md#小结)\n",
  ]

  /// A course directory holding `lessons` and SUMMARY.md, inside a fresh directory.
  func course(_ lessons: [String: String] = lessons) throws -> (root: URL, content: String) {
    let root = try CourseFixture.directory(
      lessons.merging(["SUMMARY.md": Self.summary]) { $1 }, prefix: "kubebook-tests")
    return (root, root.appendingPathComponent("content").path)
  }

  @Test func theSiteOnDiskIsTheSiteInMemory() throws {
    let (root, content) = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("site").path
    var warnings: [Diagnostic] = []
    let built = try SiteBuilder.build(content, into: output, options: SiteRenderer.Options()) { warnings.append($0) }
    #expect(built.results.count == 3)
    #expect(warnings.isEmpty)
    let inMemory = try SiteBuild(try CourseDirectory.load(content)).files
    var onDisk: [String: SiteFile] = [:]
    let enumerator = try #require(FileManager.default.enumerator(atPath: output))
    while let relative = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: output + "/" + relative, isDirectory: &isDirectory),
        !isDirectory.boolValue, relative != OutputDirectory.markerName
      else { continue }
      onDisk[relative] = SiteFile(path: relative, bytes: try FileBytes.read(output + "/" + relative))
    }
    #expect(onDisk.keys.sorted() == inMemory.keys.sorted())
    for (path, file) in inMemory { #expect(onDisk[path] == file, "\(path)") }
  }

  @Test func aMismatchIsAWarningAndTheSiteIsBuilt() throws {
    var lessons = Self.lessons
    lessons["one.md"] = lessons["one.md"]!.replacingOccurrences(of: "created", with: "made")
    let (root, content) = try course(lessons)
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("site").path
    var warnings: [Diagnostic] = []
    _ = try SiteBuilder.build(content, into: output, options: SiteRenderer.Options()) { warnings.append($0) }
    #expect(warnings.map(\.path) == [content + "/one.md"])
    #expect(warnings.allSatisfy { $0.severity == .warning })
    #expect(FileManager.default.fileExists(atPath: output + "/one.html"))
  }

  @Test func aBrokenLinkFailsBeforeAnythingIsWritten() throws {
    var lessons = Self.lessons
    lessons["three.md"] = "# 第三课\n\n[去第四课](four.md)\n"
    let (root, content) = try course(lessons)
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("site").path
    do {
      _ = try SiteBuilder.build(content, into: output, options: SiteRenderer.Options()) { _ in }
      Issue.record("the build succeeded")
    } catch {
      guard case .brokenLinks(let diagnostics) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(diagnostics.map(\.path) == [content + "/three.md"])
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["content"])
  }

  @Test func theCourseDirectoryIsNeverTheOutput() throws {
    let (root, content) = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    do {
      _ = try SiteBuilder.build(content, into: content, options: SiteRenderer.Options()) { _ in }
      Issue.record("the build succeeded")
    } catch {
      guard case .unwritable = error else {
        Issue.record("\(error)")
        return
      }
    }
    #expect(FileManager.default.fileExists(atPath: content + "/SUMMARY.md"))
  }
}
