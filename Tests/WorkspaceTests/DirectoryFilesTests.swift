import Foundation
import Kubectl
import TestSupport
import Testing

@testable import Workspace

/// The directory `kubebook shell` reads behind a page's files: read-only, and nothing outside
/// it, whether named absolutely, with `..` or through a symbolic link.
@Suite struct DirectoryFilesTests {
  @Test func readsInsideAndNothingOutside() throws {
    let root = try CourseFixture.directory(
      ["web.yaml": "kind: Pod\n", "dir/a.yaml": "kind: ConfigMap\n"], prefix: "kubebook-directory-files")
    defer { try? FileManager.default.removeItem(at: root) }
    let content = root.appendingPathComponent("content")
    let outside = root.appendingPathComponent("secret.txt")
    try "secret\n".write(to: outside, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: content.appendingPathComponent("link.yaml").path, withDestinationPath: outside.path)
    let files = try #require(DirectoryFiles(path: content.path))
    #expect(files.contents(of: "web.yaml") == "kind: Pod\n")
    #expect(files.contents(of: "./dir/a.yaml") == "kind: ConfigMap\n")
    #expect(files.contents(of: "../secret.txt") == nil)
    #expect(files.contents(of: outside.path) == nil)
    #expect(files.contents(of: "link.yaml") == nil)
    #expect(files.contents(of: "dir") == nil)
    #expect(files.entries(of: ".")?.contains("web.yaml") == true)
    #expect(files.entries(of: "dir") == ["a.yaml"])
    #expect(files.entries(of: "..") == nil)
  }

  @Test func thePagesFilesComeFirst() throws {
    let root = try CourseFixture.directory(["web.yaml": "from disk\n"], prefix: "kubebook-directory-files")
    defer { try? FileManager.default.removeItem(at: root) }
    let disk = try #require(DirectoryFiles(path: root.appendingPathComponent("content").path))
    let page = VirtualDirectory(files: ["web.yaml": "from the page\n", "page.yaml": "only on the page\n"])
    let layered = LayeredFiles(front: page, back: disk)
    #expect(layered.contents(of: "web.yaml") == "from the page\n")
    #expect(layered.contents(of: "page.yaml") == "only on the page\n")
    #expect(layered.entries(of: ".") == ["page.yaml", "web.yaml"])
  }
}
