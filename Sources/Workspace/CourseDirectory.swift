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
    let relatives = markdownFiles(in: root)
    let rootPath = root.path
    let contents = relatives.parallelMap { FileBytes.read(rootPath + "/" + $0) }
    for (relative, bytes) in zip(relatives, contents) {
      guard let bytes else {
        throw ReadError(description: "\(display(path, relative)): error: cannot read the file")
      }
      if relative == "SUMMARY.md" {
        summary = bytes
      } else {
        files[relative] = bytes
      }
    }
    return Course.Sources(displayRoot: trimmed(path), summary: summary, markdownFiles: files)
  }

  /// Reads one lesson file given on the command line.
  public static func loadLesson(_ path: String) throws(ReadError) -> Lesson {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ReadError(description: "\(path): error: no such file")
    }
    do {
      let name = URL(fileURLWithPath: path).lastPathComponent
      return try Lesson(path: name, displayPath: path, bytes: Array(data))
    } catch {
      throw ReadError(description: error.description)
    }
  }

  /// Relative paths of the `.md` files under `root`, sorted, skipping hidden entries and
  /// symbolic links.
  static func markdownFiles(in root: URL) -> [String] {
    var result: [String] = []
    var pending: [String] = [""]
    let manager = FileManager.default
    let rootPath = root.path
    while let directory = pending.popLast() {
      let path = directory.isEmpty ? rootPath : rootPath + "/" + directory
      guard let names = try? manager.contentsOfDirectory(atPath: path) else { continue }
      for name in names.sorted() where !name.hasPrefix(".") {
        let relative = directory.isEmpty ? name : directory + "/" + name
        switch FileBytes.kind(rootPath + "/" + relative) {
        case .directory: pending.append(relative)
        case .file where name.hasSuffix(".md"): result.append(relative)
        default: break
        }
      }
    }
    return result.sorted()
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
