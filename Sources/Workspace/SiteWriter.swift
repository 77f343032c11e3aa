import Course
import Foundation
import Site

/// Writes a built site atomically: files go into a staging directory beside the output, and
/// the staging directory replaces the output with renames only when every file was written,
/// so a failed build leaves the previous site exactly as it was.
public final class SiteWriter: @unchecked Sendable {
  /// A failure to write the site (exit status 2).
  public struct WriteError: Error, CustomStringConvertible {
    public var description: String
  }

  private let output: String
  private let target: URL
  private let staging: URL
  private let stagingPath: String
  private let retired: URL
  private let lock = NSLock()
  private var madeDirectories: Set<String> = [""]
  private var failure: WriteError?

  /// Starts a build of the site at `output` in a fresh staging directory.
  public init(output: String) throws(WriteError) {
    self.output = output
    target = URL(fileURLWithPath: output).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let name = target.lastPathComponent
    let pid = ProcessInfo.processInfo.processIdentifier
    staging = parent.appendingPathComponent(".\(name).kubebook-new-\(pid)")
    retired = parent.appendingPathComponent(".\(name).kubebook-old-\(pid)")
    stagingPath = staging.path
    do {
      try? FileManager.default.removeItem(at: staging)
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw WriteError(description: "\(output): error: cannot create \(staging.path): \(error.localizedDescription)")
    }
  }

  /// Writes one file into the staging directory. Safe to call from several threads; the
  /// first failure is kept and reported by ``commit()``.
  public func write(_ file: SiteFile) {
    let directory = CoursePath.directory(of: file.path)
    lock.lock()
    let needsDirectory = !madeDirectories.contains(directory)
    if needsDirectory {
      do {
        try FileManager.default.createDirectory(
          atPath: stagingPath + "/" + directory, withIntermediateDirectories: true)
        madeDirectories.insert(directory)
      } catch {
        failure = failure ?? WriteError(description: "\(output)/\(directory): error: cannot create the directory")
      }
    }
    lock.unlock()
    if !FileBytes.write(file.contents, to: stagingPath + "/" + file.path) { cannotWrite(file.path) }
  }

  /// Keeps "cannot write" for `path` as the failure, unless there already is one.
  private func cannotWrite(_ path: String) {
    lock.lock()
    failure = failure ?? WriteError(description: "\(output)/\(path): error: cannot write the file")
    lock.unlock()
  }

  /// Starts a file of the site at the top of the output that is written in numbered pieces
  /// (``OrderedFileStream``): `head` first, then the pieces in order (with `separator`
  /// between non-empty ones), then the tail given to ``finish(_:path:count:tail:)``.
  public func stream(path: String, head: [UInt8], separator: [UInt8] = []) -> OrderedFileStream? {
    let stream = OrderedFileStream(path: stagingPath + "/" + path, head: head, separator: separator)
    if stream == nil { cannotWrite(path) }
    return stream
  }

  /// Ends a file begun with ``stream(path:head:separator:)`` that has `count` pieces.
  public func finish(_ stream: OrderedFileStream?, path: String, count: Int, tail: [UInt8]) {
    if stream?.finish(count: count, tail: tail) != true { cannotWrite(path) }
  }

  /// Swaps the staging directory in for the output, or removes it and throws when any
  /// write failed.
  public func commit() throws(WriteError) {
    let manager = FileManager.default
    if let failure {
      abandon()
      throw failure
    }
    do {
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
    } catch {
      abandon()
      throw WriteError(description: "\(output): error: \(error.localizedDescription)")
    }
  }

  /// Removes the staging directory, leaving the output untouched.
  public func abandon() {
    try? FileManager.default.removeItem(at: staging)
  }

  /// Replaces the directory at `output` with `files`.
  public static func write(_ files: [SiteFile], to output: String) throws(WriteError) {
    let writer = try SiteWriter(output: output)
    for file in files { writer.write(file) }
    try writer.commit()
  }
}

extension SiteWriter {
  /// Applies an incremental rebuild to the site at `output` in place: each changed file is
  /// written beside its target and renamed over it (a reader sees the old file or the new
  /// one, never half of one), and removed files are deleted.
  public static func apply(_ changes: SiteBuild.Changes, to output: String) throws(WriteError) {
    let manager = FileManager.default
    for file in changes.written {
      let path = output + "/" + file.path
      let directory = output + "/" + CoursePath.directory(of: file.path)
      let temporary = directory + "/.kubebook-\(ProcessInfo.processInfo.processIdentifier).tmp"
      do {
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw WriteError(description: "\(directory): error: cannot create the directory")
      }
      guard FileBytes.write(file.contents, to: temporary), rename(temporary, path) == 0 else {
        let reason = FileBytes.lastFailure()
        try? manager.removeItem(atPath: temporary)
        throw WriteError(description: "\(path): error: cannot write the file: \(reason)")
      }
    }
    for removed in changes.removed {
      try? manager.removeItem(atPath: output + "/" + removed)
    }
  }
}
