import CFileSwap
import Course
import Foundation
import Site

/// Writes a built site atomically: files go into a staging directory beside the output, and
/// the staging directory takes the output's place in one atomic exchange only when every file
/// was written, so a failed or killed build leaves the previous site exactly as it was. Only an
/// output that ``OutputDirectory`` allows is ever replaced.
public final class SiteWriter: @unchecked Sendable {
  /// A failure to write the site (exit status 2).
  public struct WriteError: Error, CustomStringConvertible {
    public var description: String
  }

  private let output: String
  private let target: String
  private let staging: String
  /// Where the previous site waits during a swap by two renames.
  private let retired: String
  private let lock = NSLock()
  private var madeDirectories: Set<String> = [""]
  private var failure: WriteError?

  /// The prefix of the staging directories of builds into the directory named `name`; the
  /// process ID follows it.
  static func stagingPrefix(_ name: String) -> String {
    ".\(name).kubebook-"
  }

  /// Starts a build of the site at `output` in a fresh staging directory, after checking that
  /// `output` may be replaced (never one of `sources`, the course directories, nor what holds
  /// them) and removing staging directories that killed builds left behind.
  public init(output: String, protecting sources: [String]) throws(WriteError) {
    let directory = try OutputDirectory(output, protecting: sources)
    self.output = output
    target = directory.path
    let parent = CoursePath.directory(of: String(target.dropFirst()))
    let parentPath = "/" + parent
    let name = String(target[target.index(after: target.lastIndex(of: "/")!)...])
    Self.removeAbandonedStaging(in: parentPath, prefix: Self.stagingPrefix(name))
    let stagingBase = (parent.isEmpty ? "" : parentPath) + "/" + Self.stagingPrefix(name)
    staging = stagingBase + "new-\(getpid())"
    retired = stagingBase + "old-\(getpid())"
    do {
      try? FileManager.default.removeItem(atPath: staging)
      try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    } catch {
      throw WriteError(description: "\(output): error: cannot create \(staging): \(error.localizedDescription)")
    }
    guard FileBytes.write(OutputDirectory.markerText, to: staging + "/" + OutputDirectory.markerName) else {
      abandon()
      throw WriteError(description: "\(output): error: cannot write \(staging)/\(OutputDirectory.markerName)")
    }
  }

  /// Removes the staging directories in `parent` named `prefix` + `new-`/`old-` + a process ID
  /// whose process no longer runs, when they hold a site's marker or nothing (so only what a
  /// killed kubebook build left is removed).
  static func removeAbandonedStaging(in parent: String, prefix: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
    for name in names.sorted() where name.hasPrefix(prefix) {
      let rest = name.dropFirst(prefix.count)
      guard rest.hasPrefix("new-") || rest.hasPrefix("old-"), let pid = pid_t(rest.dropFirst(4)), pid > 0,
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      let path = parent + "/" + name
      guard FileBytes.kind(path) == .directory, OutputDirectory.isEmptyOrSite(path) else { continue }
      try? FileManager.default.removeItem(atPath: path)
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
          atPath: staging + "/" + directory, withIntermediateDirectories: true)
        madeDirectories.insert(directory)
      } catch {
        failure = failure ?? WriteError(description: "\(output)/\(directory): error: cannot create the directory")
      }
    }
    lock.unlock()
    if !FileBytes.write(file.contents, to: staging + "/" + file.path) { cannotWrite(file.path) }
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
    let stream = OrderedFileStream(path: staging + "/" + path, head: head, separator: separator)
    if stream == nil { cannotWrite(path) }
    return stream
  }

  /// Ends a file begun with ``stream(path:head:separator:)`` that has `count` pieces.
  public func finish(_ stream: OrderedFileStream?, path: String, count: Int, tail: [UInt8]) {
    if stream?.finish(count: count, tail: tail) != true { cannotWrite(path) }
  }

  /// Swaps the staging directory in for the output, or removes it and throws when any
  /// write failed. An existing output is exchanged with the staging directory in one atomic
  /// rename (Linux `RENAME_EXCHANGE`), then the old site is removed: at every instant there is
  /// a complete site at the output.
  public func commit() throws(WriteError) {
    if let failure {
      abandon()
      throw failure
    }
    let swapped: Bool
    if FileBytes.exists(target) {
      swapped = kubebook_rename_exchange(staging, target) == 0 || exchangeByTwoRenames()
    } else {
      swapped = kubebook_rename_noreplace(staging, target) == 0 || (errno == EINVAL && rename(staging, target) == 0)
    }
    guard swapped else {
      let reason = FileBytes.systemReason()
      abandon()
      throw WriteError(description: "\(output): error: cannot put the new site in place: \(reason)")
    }
    // After an exchange the staging path holds the previous site; after a plain rename, nothing.
    abandon()
  }

  /// The swap on a file system without `RENAME_EXCHANGE`: the output is renamed away, the
  /// staging directory renamed in, and the old one put back if that fails.
  private func exchangeByTwoRenames() -> Bool {
    guard errno == EINVAL || errno == ENOSYS else { return false }
    guard rename(target, retired) == 0 else { return false }
    guard rename(staging, target) == 0 else {
      let failed = errno
      _ = rename(retired, target)
      errno = failed
      return false
    }
    try? FileManager.default.removeItem(atPath: retired)
    return true
  }

  /// Removes the staging directory, leaving the output untouched.
  public func abandon() {
    try? FileManager.default.removeItem(atPath: staging)
  }

  /// Replaces the directory at `output` with `files`, when ``OutputDirectory`` allows it
  /// (never one of `sources`).
  static func write(_ files: [SiteFile], to output: String, protecting sources: [String]) throws(WriteError) {
    let writer = try SiteWriter(output: output, protecting: sources)
    for file in files { writer.write(file) }
    try writer.commit()
  }
}

extension SiteWriter {
  /// Applies an incremental rebuild to the site at `output` in place: each changed file is
  /// written beside its target and renamed over it (a reader sees the old file or the new
  /// one, never half of one), and removed files are deleted.
  static func apply(_ changes: SiteBuild.Changes, to output: String) throws(WriteError) {
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
        let reason = FileBytes.systemReason()
        try? manager.removeItem(atPath: temporary)
        throw WriteError(description: "\(path): error: cannot write the file: \(reason)")
      }
    }
    for removed in changes.removed {
      try? manager.removeItem(atPath: output + "/" + removed)
    }
  }
}

extension SiteWriter: SiteSink {}

extension OrderedFileStream: SitePieceStream {}
