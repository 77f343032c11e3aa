/// Paths inside the course: relative, `/`-separated, never leaving the content directory.
public enum CoursePath {
  /// `path` with `.` segments and repeated slashes removed, or nil when it is absolute,
  /// empty, or climbs out with `..`.
  public static func normalize(_ path: String) -> String? {
    if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") || path.contains("\0") {
      return nil
    }
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

  /// The directory part of `path` (empty for a top-level file).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// `relative` resolved against directory `base`, normalised, or nil if it leaves the course.
  public static func resolve(_ relative: String, against base: String) -> String? {
    normalize(base.isEmpty ? relative : base + "/" + relative)
  }
}
