import BookConfig
import Course

/// Reads a course's `kubebook.toml` (beside SUMMARY.md); parsing is ``BookConfigParser``'s.
public enum ConfigFile {
  /// The file's name in the course directory.
  public static let name = "kubebook.toml"

  /// The configuration of the course in `directory`: ``BookConfig/init()`` when it has no
  /// `kubebook.toml`.
  ///
  /// - Throws: the file's problems, one `PATH:LINE: error: ...` line each.
  public static func load(_ directory: String) throws(CourseDirectory.ReadError) -> BookConfig {
    let path = CourseDirectory.trimmed(directory) + "/" + name
    guard FileBytes.exists(path) else { return BookConfig() }
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(path) } catch {
      throw CourseDirectory.ReadError(description: "\(path): error: cannot read the file: \(error.reason)")
    }
    do {
      let text = try InvalidUTF8.decode(bytes, path: path)
      return try BookConfigParser.parse(text, displayPath: path)
    } catch let diagnostic as Diagnostic {
      throw CourseDirectory.ReadError(description: diagnostic.description)
    } catch let error as CourseError {
      throw CourseDirectory.ReadError(description: error.diagnostics.map(\.description).joined(separator: "\n"))
    } catch {
      throw CourseDirectory.ReadError(description: "\(path): error: \(error)")
    }
  }
}
