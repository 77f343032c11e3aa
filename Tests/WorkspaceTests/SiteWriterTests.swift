import Course
import Foundation
import Site
import TestSupport
import Testing

@testable import Workspace

@Suite struct SiteWriterTests {
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
    let root = try TemporaryDirectory.create("kubebook-tests")
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("site").path
    try SiteWriter.write(
      [SiteFile(path: "index.html", text: "one"), SiteFile(path: "a/b.html", text: "b")], to: output, protecting: [])
    let marker = [OutputDirectory.markerName: Data(OutputDirectory.markerText)]
    #expect(
      try snapshot(URL(fileURLWithPath: output))
        == marker.merging(["index.html": Data("one".utf8), "a/b.html": Data("b".utf8)]) { $1 })
    try SiteWriter.write([SiteFile(path: "index.html", text: "two")], to: output, protecting: [])
    #expect(try snapshot(URL(fileURLWithPath: output)) == marker.merging(["index.html": Data("two".utf8)]) { $1 })
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"], "no temporary directories left")
  }

  @Test func aFailedWriteLeavesThePreviousSiteUntouched() throws {
    let root = try TemporaryDirectory.create("kubebook-tests")
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("site").path
    try SiteWriter.write([SiteFile(path: "index.html", text: "good")], to: output, protecting: [])
    let before = try snapshot(URL(fileURLWithPath: output))
    // "x" as a file and then as a directory: the second file cannot be written.
    #expect(throws: SiteWriter.WriteError.self) {
      try SiteWriter.write(
        [SiteFile(path: "x", text: "file"), SiteFile(path: "x/y.html", text: "clash")], to: output, protecting: [])
    }
    #expect(try snapshot(URL(fileURLWithPath: output)) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"])
  }
}

@Suite struct CourseDirectoryTests {
  @Test func symbolicLinksAreNotFollowed() throws {
    let root = try TemporaryDirectory.create("kubebook-course")
    let outside = try TemporaryDirectory.create("kubebook-outside")
    defer {
      try? FileManager.default.removeItem(at: root)
      try? FileManager.default.removeItem(at: outside)
    }
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

@Suite struct OutputDirectoryTests {
  @Test func aSymbolicLinkToASiteIsFollowedAndKept() throws {
    let root = try TemporaryDirectory.create("kubebook-output")
    defer { try? FileManager.default.removeItem(at: root) }
    let real = root.appendingPathComponent("real").path
    let link = root.appendingPathComponent("link").path
    try SiteWriter.write([SiteFile(path: "index.html", text: "one")], to: real, protecting: [])
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    try SiteWriter.write([SiteFile(path: "index.html", text: "two")], to: link, protecting: [])
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
    #expect(FileManager.default.contents(atPath: real + "/index.html") == Data("two".utf8))
  }

  @Test func theCourseAndWhatHoldsItAreRefused() throws {
    let root = try TemporaryDirectory.create("kubebook-output")
    defer { try? FileManager.default.removeItem(at: root) }
    let content = root.appendingPathComponent("course/content")
    try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
    for output in [content.path, root.appendingPathComponent("course").path, content.path + "/../.", "/"] {
      #expect(throws: SiteWriter.WriteError.self, "\(output)") {
        try SiteWriter.write([], to: output, protecting: [content.path])
      }
    }
    #expect(throws: SiteWriter.WriteError.self) { try SiteWriter.write([], to: "", protecting: []) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: content.path) == [])
  }

  /// A build killed before it swapped its staging directory in leaves it behind; the next
  /// build removes it, but not one whose process still runs, nor one kubebook did not make.
  @Test func stagingDirectoriesOfKilledBuildsAreRemoved() throws {
    let root = try TemporaryDirectory.create("kubebook-output")
    defer { try? FileManager.default.removeItem(at: root) }
    // pid_t's largest value is above every Linux pid_max, so no process has it.
    let dead = root.appendingPathComponent(".site.kubebook-new-2147483646")
    let deadOld = root.appendingPathComponent(".site.kubebook-old-2147483645")
    let alive = root.appendingPathComponent(".site.kubebook-new-\(getppid())")
    let foreign = root.appendingPathComponent(".site.kubebook-new-2147483644")
    for directory in [dead, deadOld, alive, foreign] {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
    for directory in [dead, deadOld, alive] {
      try Data("x".utf8).write(to: directory.appendingPathComponent(".kubebook-site"))
    }
    try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
    try SiteWriter.write(
      [SiteFile(path: "index.html", text: "one")], to: root.appendingPathComponent("site").path, protecting: [])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        == [
          alive.lastPathComponent, foreign.lastPathComponent, "site",
        ].sorted())
  }
}

@Suite struct UnreadableLessonTests {
  /// A FIFO would block a plain read and `/dev/zero` would never end: both are refused
  /// before a byte is read, and a directory is named as one.
  @Test func onlyRegularFilesAreReadAsLessons() throws {
    let root = try TemporaryDirectory.create("kubebook-unreadable")
    defer { try? FileManager.default.removeItem(at: root) }
    let fifo = root.appendingPathComponent("fifo.md").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let cases = [
      (fifo, "is not a regular file (a FIFO, socket or device)"),
      ("/dev/zero", "is not a regular file (a FIFO, socket or device)"),
      (root.path, "is a directory, not a file"),
      (root.appendingPathComponent("none.md").path, "no such file"),
    ]
    for (path, reason) in cases {
      let error = #expect(throws: CourseDirectory.ReadError.self) { try CourseDirectory.loadLesson(path) }
      #expect(error?.description == "\(path): error: cannot read the lesson: \(reason)")
    }
  }

  /// SUMMARY.md linking a lesson that is a symbolic link says so, rather than "does not exist".
  @Test func aSymbolicLinkListedInTheSummaryIsNamedAsOne() throws {
    let root = try TemporaryDirectory.create("kubebook-unreadable")
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("- [A](a.md)\n- [B](b.md)\n".utf8).write(to: root.appendingPathComponent("SUMMARY.md"))
    try Data("# a\n".utf8).write(to: root.appendingPathComponent("a.md"))
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
    let sources = try CourseDirectory.load(root.path)
    let error = #expect(throws: CourseError.self) { try Course.assemble(sources) }
    #expect(
      error?.diagnostics.map(\.description) == [
        "\(root.path)/SUMMARY.md:2: error: \"b.md\" is a symbolic link, and kubebook follows none (so nothing outside the course is read) (linked as \"B\")"
      ])
  }

  /// Blessing a lesson reached through a symbolic link rewrites its target and keeps the link
  /// and the file's permissions.
  @Test func replacingALessonKeepsItsLinkAndMode() throws {
    let root = try TemporaryDirectory.create("kubebook-unreadable")
    defer { try? FileManager.default.removeItem(at: root) }
    let real = root.appendingPathComponent("real.md").path
    let link = root.appendingPathComponent("link.md").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: real))
    #expect(chmod(real, 0o600) == 0)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.md")
    try LessonFile.replace(link, with: "new")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.md")
    #expect(FileManager.default.contents(atPath: real) == Data("new".utf8))
    var info = stat()
    #expect(stat(real, &info) == 0 && info.st_mode & 0o777 == 0o600)
    let error = #expect(throws: LessonFile.WriteFailure.self) { try LessonFile.replace(root.path, with: "x") }
    #expect(error?.description == "is a directory, not a file")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["link.md", "real.md"])
  }
}
