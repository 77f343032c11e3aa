import Foundation
import Testing

/// Every file in `directory` and below, with its bytes (symbolic links as their targets).
func fileTree(_ directory: URL) -> [String: Data] {
  var result: [String: Data] = [:]
  let enumerator = FileManager.default.enumerator(atPath: directory.path)!
  while let relative = enumerator.nextObject() as? String {
    let path = directory.appendingPathComponent(relative).path
    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
      result[relative] = Data(("-> " + target).utf8)
    } else if let data = FileManager.default.contents(atPath: path) {
      result[relative] = data
    }
  }
  return result
}

extension CommandLineTests {
  /// `build -o` and `serve -o` never replace the current directory, the course, a directory
  /// holding either, or an empty name: every file is still there afterwards (issue 14: these
  /// once moved the current directory away and deleted it).
  @Test(arguments: [".", "content", "..", "", "content/..", "./", "../b"])
  func outputThatWouldReplaceTheUsersFilesIsRefused(output: String) throws {
    let top = try course([:])
    defer { try? FileManager.default.removeItem(at: top) }
    // The course sits two levels down, so even a regression of `-o ..` stays inside `top`.
    let root = top.appendingPathComponent("a/b")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (path, text) in Self.passing {
      let url = root.appendingPathComponent("content/" + path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try Data("my notes\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
    try Data("sibling\n".utf8).write(to: top.appendingPathComponent("a/sibling.txt"))
    let before = fileTree(top)
    for arguments in [["build"], ["serve", "--port", "0"]] {
      let run = try kubebook(arguments + ["content", "-o", output], in: root)
      #expect(run.status == 2, "\(arguments) -o '\(output)': \(run.stdout) \(run.stderr)")
      #expect(run.stderr.lowercased().contains("error:"), "\(run.stderr)")
      #expect(!run.stdout.contains("built"))
      #expect(fileTree(top) == before, "\(arguments) -o '\(output)' changed the files")
    }
  }

  /// A directory that is not empty and that kubebook did not write is refused, with a message
  /// that says why; an empty one, and a site from an earlier build, are written.
  @Test func onlyAnEmptyDirectoryOrAnEarlierSiteIsReplaced() throws {
    let root = try course(Self.passing)
    defer { try? FileManager.default.removeItem(at: root) }
    let mine = root.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    try Data("keep\n".utf8).write(to: mine.appendingPathComponent("index.html"))
    let refused = try kubebook(["build", "content", "-o", "mine"], in: root)
    #expect(refused.status == 2)
    #expect(
      refused.stderr.contains(
        "mine: error: refusing to write the site here: it is not empty and was not written by kubebook (it has no .kubebook-site file)"
      ), "\(refused.stderr)")
    #expect(fileTree(mine) == ["index.html": Data("keep\n".utf8)])

    let file = try kubebook(["build", "content", "-o", "mine/index.html"], in: root)
    #expect(file.status == 2)
    #expect(file.stderr.contains("mine/index.html: error: exists and is not a directory"), "\(file.stderr)")

    let empty = root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    #expect(try kubebook(["build", "content", "-o", "empty"], in: root).status == 0)
    #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent(".kubebook-site").path))
    let again = try kubebook(["build", "content", "-o", "empty"], in: root)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent("pods.html").path))
  }
}
