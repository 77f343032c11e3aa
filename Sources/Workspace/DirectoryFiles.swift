import Kubectl

#if canImport(Glibc)
  import Glibc
#endif

/// The files of a real directory, read-only, as kubectl's `-f` reads them: what `kubebook
/// shell` reads behind a page's files, from the directory it runs in. A path that is absolute,
/// climbs out with `..` or resolves (through a symbolic link) outside the directory is not
/// there; a file over ``limit`` bytes, or not UTF-8, is not read.
public struct DirectoryFiles: FileProvider {
  /// The largest file read, in bytes.
  public static let limit = 8 << 20
  /// The directory's resolved absolute path.
  let root: String

  /// The directory at `path`, or nil when it cannot be resolved.
  public init?(path: String) {
    guard let resolved = Self.resolve(path) else { return nil }
    root = resolved
  }

  public func contents(of path: String) -> String? {
    guard let full = inside(path) else { return nil }
    var info = stat()
    guard stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= Self.limit,
      let bytes = try? FileBytes.read(full), bytes.count <= Self.limit
    else { return nil }
    return String(validating: bytes, as: UTF8.self)
  }

  public func entries(of path: String) -> [String]? {
    let full: String
    if path == "." || path == "./" {
      full = root
    } else {
      guard let inside = inside(path) else { return nil }
      full = inside
    }
    guard let directory = opendir(full) else { return nil }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// The resolved path of `path` under the root, or nil when it leaves the root.
  func inside(_ path: String) -> String? {
    guard let relative = VirtualDirectory.normalize(path), let resolved = Self.resolve(root + "/" + relative),
      resolved.hasPrefix(root == "/" ? "/" : root + "/")
    else { return nil }
    return resolved
  }

  /// `realpath(3)` of `path`, or nil when it does not exist.
  static func resolve(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }
}
