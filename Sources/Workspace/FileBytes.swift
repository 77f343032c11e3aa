#if canImport(Glibc)
  import Glibc
#endif

/// Plain POSIX file writes: no temporary file and no fsync per file, since the whole site
/// is swapped in atomically by ``SiteWriter`` anyway.
enum FileBytes {
  /// The whole contents of the regular file at `path`, or nil when it cannot be read. The
  /// buffer is sized from the file's length, so a course of many small files reads each in
  /// one call without a scratch buffer.
  static func read(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
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
      if failed { return nil }
      if count < capacity {
        bytes.removeSubrange(count...)
        return bytes
      }
      capacity *= 2
    }
  }

  /// The names in the directory at `path`, without `.` and `..`; nil when it cannot be
  /// listed (``lastFailure()`` says why).
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

  /// Why the last call on this thread failed, as the C library says it (`errno`).
  static func lastFailure() -> String {
    String(cString: strerror(errno))
  }

  /// The kind of entry at `path`, without following a symbolic link.
  static func kind(_ path: String) -> EntryKind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .other }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// What a directory entry is.
  enum EntryKind {
    case file, directory, other
  }

  /// Creates (or truncates) the file at `path` and writes `bytes`; false on any failure.
  static func write(_ bytes: [UInt8], to path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
