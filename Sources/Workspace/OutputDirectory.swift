import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where a site may be written. A build replaces its output directory whole, so kubebook
/// writes only into a directory that does not exist yet, is empty, or carries the marker file
/// of an earlier kubebook build — never into `/`, the current directory, the course directory,
/// or a directory that contains one of them.
public struct OutputDirectory: Sendable {
  /// The file at the top of every site kubebook writes: a later build replaces only a
  /// directory that has it (or an empty one).
  public static let markerName = ".kubebook-site"

  /// What the marker file says to a person who opens it.
  static let markerText = Array(
    "This directory was written by kubebook. `kubebook build` and `kubebook serve` replace it whole.\n".utf8)

  /// The path as the user gave it, for messages.
  public let display: String
  /// The absolute path, with symbolic links resolved in the part of it that exists.
  public let path: String

  /// Checks that a site may be written at `output`, whose build reads the course at each of
  /// `sources` (none of them may be replaced).
  public init(_ output: String, protecting sources: [String]) throws(SiteWriter.WriteError) {
    display = output
    guard !output.isEmpty else {
      throw SiteWriter.WriteError(description: "error: the output directory is an empty string")
    }
    guard let resolved = Self.resolve(output) else {
      throw SiteWriter.WriteError(
        description: "\(output): error: cannot resolve the path (a `..` below a directory that does not exist?)")
    }
    path = resolved
    if resolved == "/" {
      throw refusal("it is the root directory")
    }
    if let current = Self.resolve("."), Self.path(resolved, contains: current) {
      throw refusal(resolved == current ? "it is the current directory" : "it contains the current directory")
    }
    for source in sources {
      guard let protected = Self.resolve(source), Self.path(resolved, contains: protected) else { continue }
      throw refusal(resolved == protected ? "it is the course directory" : "it contains the course directory \(source)")
    }
    switch FileBytes.kind(resolved) {
    case .directory:
      guard Self.isEmptyOrSite(resolved) else {
        throw refusal(
          "it is not empty and was not written by kubebook (it has no \(Self.markerName) file); "
            + "remove it or choose a new directory")
      }
    case .file, .symbolicLink, .other:
      guard !FileBytes.exists(resolved) else {
        throw SiteWriter.WriteError(description: "\(output): error: exists and is not a directory")
      }
    }
  }

  /// The error for a directory kubebook will not replace, saying why.
  func refusal(_ reason: String) -> SiteWriter.WriteError {
    SiteWriter.WriteError(
      description:
        "\(display): error: refusing to write the site here: \(reason) (a build replaces its output directory whole)"
    )
  }

  /// Whether the directory at `path` is empty or holds a site kubebook wrote (its marker is a
  /// regular file).
  static func isEmptyOrSite(_ path: String) -> Bool {
    if FileBytes.kind(path + "/" + markerName) == .file { return true }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
    return names.isEmpty
  }

  /// Whether `ancestor` is `path` or a directory above it.
  static func path(_ ancestor: String, contains path: String) -> Bool {
    ancestor == path || ancestor == "/" || path.hasPrefix(ancestor + "/")
  }

  /// The absolute form of `path`: the longest part of it that exists with its symbolic links
  /// resolved, then the rest as given; nil when a `..` follows a part that does not exist.
  static func resolve(_ path: String) -> String? {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var existing = absolute.split(separator: "/").map(String.init)
    var missing: [String] = []
    while true {
      if let real = realpath("/" + existing.joined(separator: "/"), nil) {
        defer { free(real) }
        var result = String(cString: real)
        for component in missing.reversed() where component != "." {
          if component == ".." { return nil }
          result += result.hasSuffix("/") ? component : "/" + component
        }
        return result
      }
      guard let last = existing.popLast() else { return nil }
      missing.append(last)
    }
  }
}
