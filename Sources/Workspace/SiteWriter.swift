import Course
import Foundation
import Site

/// Writes a built site atomically: into a temporary directory beside the output, then
/// swapped in with renames, so a failed build leaves the previous site exactly as it was.
public enum SiteWriter {
  /// A failure to write the site (exit status 2).
  public struct WriteError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Replaces the directory at `output` with `files`.
  public static func write(_ files: [SiteFile], to output: String) throws(WriteError) {
    let manager = FileManager.default
    let target = URL(fileURLWithPath: output).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let name = target.lastPathComponent
    let pid = ProcessInfo.processInfo.processIdentifier
    let staging = parent.appendingPathComponent(".\(name).kubebook-new-\(pid)")
    let retired = parent.appendingPathComponent(".\(name).kubebook-old-\(pid)")
    do {
      try? manager.removeItem(at: staging)
      try manager.createDirectory(at: staging, withIntermediateDirectories: true)
      var made: Set<String> = [""]
      for file in files {
        let directory = CoursePath.directory(of: file.path)
        if !made.contains(directory) {
          try manager.createDirectory(
            at: staging.appendingPathComponent(directory), withIntermediateDirectories: true)
          made.insert(directory)
        }
        let url = staging.appendingPathComponent(file.path)
        guard manager.createFile(atPath: url.path, contents: Data(file.contents)) else {
          throw WriteError(description: "\(output)/\(file.path): error: cannot write the file")
        }
      }
      if manager.fileExists(atPath: target.path) {
        try manager.moveItem(at: target, to: retired)
        do {
          try manager.moveItem(at: staging, to: target)
        } catch {
          try? manager.moveItem(at: retired, to: target)
          throw error
        }
        try? manager.removeItem(at: retired)
      } else {
        try manager.moveItem(at: staging, to: target)
      }
    } catch let error as WriteError {
      try? manager.removeItem(at: staging)
      throw error
    } catch {
      try? manager.removeItem(at: staging)
      throw WriteError(description: "\(output): error: \(error.localizedDescription)")
    }
  }
}
