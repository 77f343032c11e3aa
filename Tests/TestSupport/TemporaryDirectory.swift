import Foundation

/// Fresh directories under the system's temporary directory, one a test.
public enum TemporaryDirectory {
  /// The URL of a new, not yet created directory named `prefix-UUID`.
  public static func url(_ prefix: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  }

  /// A new, empty directory named `prefix-UUID`.
  public static func create(_ prefix: String) throws -> URL {
    let url = url(prefix)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
