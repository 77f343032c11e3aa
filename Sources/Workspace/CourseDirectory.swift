import Course
import Foundation

/// Reads a course directory from disk: SUMMARY.md and every `.md` file below it.
///
/// Symbolic links are skipped, so nothing outside the directory is ever read.
public enum CourseDirectory {
  /// A failure to read the course (exit status 2).
  public struct ReadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// The sources of the course in `path`, named in diagnostics as `path`.
  public static func load(_ path: String) throws(ReadError) -> Course.Sources {
    let root = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw ReadError(description: "\(path): error: no such directory")
    }
    var files: [String: [UInt8]] = [:]
    var summary: [UInt8]?
    let config = try ConfigFile.load(path)
    var (relatives, skipped) = try markdownFiles(in: root, named: path)
    // The theme's files are not lessons.
    let themePrefix = config.theme + "/"
    relatives.removeAll { $0.hasPrefix(themePrefix) }
    let rootPath = root.path
    let contents = relatives.parallelMap { relative in
      Result { () throws(FileBytes.ReadFailure) in try FileBytes.read(rootPath + "/" + relative) }
    }
    for (relative, content) in zip(relatives, contents) {
      let bytes: [UInt8]
      switch content {
      case .success(let read): bytes = read
      case .failure(let failure):
        throw ReadError(description: "\(display(path, relative)): error: cannot read the file: \(failure.reason)")
      }
      if relative == "SUMMARY.md" {
        summary = bytes
      } else {
        files[relative] = bytes
      }
    }
    var sources = Course.Sources(displayRoot: trimmed(path), summary: summary, markdownFiles: files, skipped: skipped)
    sources.cluster = config.cluster
    return sources
  }

  /// Reads one lesson file given on the command line (a symbolic link named there is followed).
  public static func loadLesson(_ path: String) throws(ReadError) -> Lesson {
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(path) } catch {
      throw ReadError(description: "\(path): error: cannot read the lesson: \(error.reason)")
    }
    do {
      let name = URL(fileURLWithPath: path).lastPathComponent
      return try Lesson(path: name, displayPath: path, bytes: bytes)
    } catch {
      throw ReadError(description: error.description)
    }
  }

  /// Relative paths of the `.md` files under `root`, sorted, skipping hidden entries and
  /// symbolic links, and the `.md` entries skipped for what they are, with the reason. A
  /// directory that cannot be listed (e.g. no descriptor left) is an error naming it under
  /// `display`, not a directory without lessons.
  static func markdownFiles(in root: URL, named display: String) throws(ReadError) -> (
    files: [String], skipped: [String: String]
  ) {
    var result: [String] = []
    var skipped: [String: String] = [:]
    var pending: [String] = [""]
    let rootPath = root.path
    while let directory = pending.popLast() {
      let path = directory.isEmpty ? rootPath : rootPath + "/" + directory
      guard let names = FileBytes.names(in: path) else {
        let shown = directory.isEmpty ? trimmed(display) : Self.display(display, directory)
        throw ReadError(description: "\(shown): error: cannot list the directory: \(FileBytes.systemReason())")
      }
      for name in names.sorted() where !name.hasPrefix(".") {
        let relative = directory.isEmpty ? name : directory + "/" + name
        let kind = FileBytes.kind(rootPath + "/" + relative)
        switch kind {
        case .directory: pending.append(relative)
        case .file where name.hasSuffix(".md"): result.append(relative)
        default: break
        }
        if name.hasSuffix(".md"), let reason = kind.whyNotALesson { skipped[relative] = reason }
      }
    }
    return (result.sorted(), skipped)
  }

  static func trimmed(_ path: String) -> String {
    var text = path
    while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
    return text
  }

  static func display(_ root: String, _ relative: String) -> String {
    trimmed(root) + "/" + relative
  }
}
