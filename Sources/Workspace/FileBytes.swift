#if canImport(Glibc)
  import Glibc
#endif

/// Plain POSIX file writes: no temporary file and no fsync per file, since the whole site
/// is swapped in atomically by ``SiteWriter`` anyway.
enum FileBytes {
  /// Why a file could not be read, as a message ends: "no such file", "is a directory".
  struct ReadFailure: Error {
    var reason: String
  }

  /// The whole contents of the regular file at `path` (a symbolic link is followed). Anything
  /// else — a directory, a FIFO, a device such as `/dev/zero` — is refused before a byte is
  /// read, so it can neither block nor fill memory. The buffer is sized from the file's length,
  /// so a course of many small files reads each in one call without a scratch buffer.
  static func read(_ path: String) throws(ReadFailure) -> [UInt8] {
    // O_NONBLOCK: opening a FIFO does not wait for a writer.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw ReadFailure(reason: errno == ENOENT ? "no such file" : systemReason()) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw ReadFailure(reason: systemReason()) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw ReadFailure(reason: "is a directory, not a file")
    default: throw ReadFailure(reason: "is not a regular file (a FIFO, socket or device)")
    }
    var bytes: [UInt8] = []
    // One byte more than the length: a file that grew since `fstat` is still read to its end.
    var capacity = Int(info.st_size) + 1
    while true {
      var failed = false
      let start = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: capacity - start))
      let count = bytes.withUnsafeMutableBytes { buffer in
        var filled = start
        while filled < buffer.count {
          let result = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
          if result < 0 {
            if errno == EINTR { continue }
            failed = true
            break
          }
          if result == 0 { break }
          filled += result
        }
        return filled
      }
      if failed { throw ReadFailure(reason: systemReason()) }
      if count < capacity {
        bytes.removeSubrange(count...)
        return bytes
      }
      capacity *= 2
    }
  }

  /// The C library's text for the current `errno`, as a message ends ("permission denied").
  static func systemReason() -> String {
    let text = String(cString: strerror(errno))
    return text.prefix(1).lowercased() + text.dropFirst()
  }

  /// The names in the directory at `path`, without `.` and `..`; nil when it cannot be
  /// listed (``systemReason()`` says why).
  static func names(in path: String) -> [String]? {
    guard let directory = opendir(path) else { return nil }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The kind of entry at `path`, without following a symbolic link.
  static func kind(_ path: String) -> EntryKind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .other }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    default: return .other
    }
  }

  /// Whether `path` is a directory, or a symbolic link to one.
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  /// Whether anything (a dangling symbolic link too) is at `path`.
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// What a directory entry is.
  enum EntryKind {
    case file, directory, symbolicLink, other

    /// Why an entry of this kind named like a lesson is not read as one (nil for a file).
    var whyNotALesson: String? {
      switch self {
      case .file: return nil
      case .directory: return "is a directory, not a file"
      case .symbolicLink: return "is a symbolic link, and kubebook follows none (so nothing outside the course is read)"
      case .other: return "is not a regular file (a FIFO, socket or device)"
      }
    }
  }

  /// Creates (or truncates) the file at `path` and writes `bytes`; false on any failure.
  static func write(_ bytes: [UInt8], to path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return writeAll(bytes, to: descriptor)
  }

  /// Creates the file at `path`, which must not exist yet (`O_EXCL`: nothing is ever
  /// overwritten, a symbolic link there included), and writes `bytes`; false on any failure.
  static func create(_ bytes: [UInt8], at path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return writeAll(bytes, to: descriptor)
  }

  /// Writes every byte of `bytes` to `descriptor`, retrying short and interrupted writes.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }
}
