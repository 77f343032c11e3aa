import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Replaces a text file kubebook was asked to write in place — a lesson for `check --bless`,
/// a JUnit report — atomically: the new bytes go to a temporary file beside it that is renamed
/// over it, so a reader sees the old file or the new one, never half of one. A symbolic link is
/// followed (the link stays, its target is replaced) and the file keeps its permissions.
public enum LessonFile {
  /// A failure to write (exit status 2), as a message ends: "is a directory", "permission denied".
  public struct WriteFailure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Replaces the file at `path` with `text`.
  public static func replace(_ path: String, with text: String) throws(WriteFailure) {
    var target = path
    if let real = realpath(path, nil) {
      target = String(cString: real)
      free(real)
    }
    var mode: mode_t = 0o644
    var info = stat()
    if stat(target, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw WriteFailure(
          description: info.st_mode & S_IFMT == S_IFDIR ? "is a directory, not a file" : "is not a regular file")
      }
      mode = info.st_mode & 0o7777
    }
    let temporary = target + ".kubebook-\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw WriteFailure(description: FileBytes.systemReason()) }
    let written = FileBytes.writeAll(Array(text.utf8), to: descriptor) && fchmod(descriptor, mode) == 0
    let reason = written ? "" : FileBytes.systemReason()
    close(descriptor)
    guard written, rename(temporary, target) == 0 else {
      let failure = written ? FileBytes.systemReason() : reason
      unlink(temporary)
      throw WriteFailure(description: failure)
    }
  }
}
