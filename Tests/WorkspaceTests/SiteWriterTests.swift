import Foundation
import Site
import Testing

@testable import Workspace

@Suite struct SiteWriterTests {
  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kubebook-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func snapshot(_ directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)!
    while let relative = enumerator.nextObject() as? String {
      let url = directory.appendingPathComponent(relative)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        result[relative] = try Data(contentsOf: url)
      }
    }
    return result
  }

  @Test func writesAndReplacesTheWholeSite() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("site").path
    try SiteWriter.write(
      [SiteFile(path: "index.html", text: "one"), SiteFile(path: "a/b.html", text: "b")], to: output)
    #expect(try snapshot(URL(fileURLWithPath: output)) == ["index.html": Data("one".utf8), "a/b.html": Data("b".utf8)])
    try SiteWriter.write([SiteFile(path: "index.html", text: "two")], to: output)
    #expect(try snapshot(URL(fileURLWithPath: output)) == ["index.html": Data("two".utf8)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"], "no temporary directories left")
  }

  @Test func aFailedWriteLeavesThePreviousSiteUntouched() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("site").path
    try SiteWriter.write([SiteFile(path: "index.html", text: "good")], to: output)
    let before = try snapshot(URL(fileURLWithPath: output))
    // "x" as a file and then as a directory: the second file cannot be written.
    #expect(throws: SiteWriter.WriteError.self) {
      try SiteWriter.write([SiteFile(path: "x", text: "file"), SiteFile(path: "x/y.html", text: "clash")], to: output)
    }
    #expect(try snapshot(URL(fileURLWithPath: output)) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"])
  }
}

@Suite struct CourseDirectoryTests {
  @Test func symbolicLinksAreNotFollowed() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kubebook-course-\(UUID().uuidString)")
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("kubebook-outside-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: root)
      try? FileManager.default.removeItem(at: outside)
    }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.md"))
    try Data("- [a](a.md)\n".utf8).write(to: root.appendingPathComponent("SUMMARY.md"))
    try Data("# a\n".utf8).write(to: root.appendingPathComponent("a.md"))
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent("linked.md"), withDestinationURL: outside.appendingPathComponent("secret.md"))
    try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("dir"), withDestinationURL: outside)
    let sources = try CourseDirectory.load(root.path)
    #expect(Array(sources.markdownFiles.keys) == ["a.md"])
  }

  @Test func missingDirectoryIsAnError() {
    #expect(throws: CourseDirectory.ReadError.self) { try CourseDirectory.load("/nonexistent/kubebook") }
  }
}
