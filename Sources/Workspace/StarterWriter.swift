import Foundation

/// Writes `kubebook init`'s files into a new or empty directory, never replacing anything.
public enum StarterWriter {
  /// Why nothing (or not everything) was written; exit status 2.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Writes `files` (paths relative to `directory`) into `directory`, which must not exist
  /// or be empty; each file is created exclusively, so an existing one is never overwritten.
  public static func write(_ files: [(path: String, text: String)], into directory: String) throws(Failure) {
    let root = CourseDirectory.trimmed(directory)
    if FileBytes.exists(root) {
      guard FileBytes.isDirectory(root) else {
        throw Failure(description: "\(root): error: exists and is not a directory")
      }
      guard let names = FileBytes.names(in: root) else {
        throw Failure(description: "\(root): error: cannot list the directory: \(FileBytes.systemReason())")
      }
      guard names.isEmpty else {
        throw Failure(
          description:
            "\(root): error: the directory is not empty; kubebook init writes only into a new or empty directory")
      }
    }
    for file in files {
      let path = root + "/" + file.path
      let folder = (path as NSString).deletingLastPathComponent
      do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
        throw Failure(description: "\(folder): error: cannot create the directory: \(error.localizedDescription)")
      }
      guard FileBytes.create(Array(file.text.utf8), at: path) else {
        throw Failure(description: "\(path): error: cannot create the file: \(FileBytes.systemReason())")
      }
    }
  }
}
