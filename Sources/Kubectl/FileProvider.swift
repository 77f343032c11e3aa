/// The files a command may read: a page's virtual working directory, never the real disk.
public protocol FileProvider: Sendable {
  /// The contents of the file at `path` (relative to the working directory), or nil when
  /// there is no such file or the path leaves the directory.
  func contents(of path: String) -> String?
  /// The names of the files and directories directly inside the directory at `path`, in any
  /// order, or nil when `path` is not a directory.
  func entries(of path: String) -> [String]?
}

/// A working directory held in memory.
public struct VirtualDirectory: FileProvider, Sendable, Equatable {
  /// File contents by normalised relative path.
  public var files: [String: String]

  /// Creates a directory holding `files`.
  public init(files: [String: String] = [:]) {
    self.files = files
  }

  public func contents(of path: String) -> String? {
    guard let normalized = Self.normalize(path) else { return nil }
    return files[normalized]
  }

  public func entries(of path: String) -> [String]? {
    let prefix: String
    if path == "." || path == "./" {
      prefix = ""
    } else {
      guard let normalized = Self.normalize(path) else { return nil }
      prefix = normalized + "/"
    }
    var names: Set<String> = []
    for file in files.keys where file.hasPrefix(prefix) {
      if let name = file.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
    }
    return names.isEmpty ? nil : Array(names)
  }

  /// `path` without `.` segments and duplicate slashes, or nil when it is absolute or
  /// climbs out of the directory with `..`.
  public static func normalize(_ path: String) -> String? {
    if path.hasPrefix("/") || path.hasPrefix("~") { return nil }
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        if parts.isEmpty { return nil }
        parts.removeLast()
        continue
      }
      parts.append(part)
    }
    return parts.isEmpty ? nil : parts.joined(separator: "/")
  }
}

/// A page's files in front of another directory's: a path the page does not hold is looked up
/// behind it (`kubebook shell` reads the directory it runs in this way; a page never does).
public struct LayeredFiles: FileProvider {
  /// The files looked at first.
  public var front: VirtualDirectory
  /// Where a path `front` does not hold is looked up.
  public var back: any FileProvider

  /// `front` in front of `back`.
  public init(front: VirtualDirectory, back: any FileProvider) {
    self.front = front
    self.back = back
  }

  public func contents(of path: String) -> String? {
    front.contents(of: path) ?? back.contents(of: path)
  }

  public func entries(of path: String) -> [String]? {
    let inFront = front.entries(of: path)
    let behind = back.entries(of: path)
    guard inFront != nil || behind != nil else { return nil }
    return Array(Set((inFront ?? []) + (behind ?? []))).sorted()
  }
}
