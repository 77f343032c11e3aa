import BookConfig
import Course
import Site

/// Reads a course's theme directory (`theme/` beside SUMMARY.md, or `[site] theme`):
/// `page.mustache` replaces the page template, `style.css` the stylesheet, and every other
/// file is copied into the site at the same path (`favicon.svg`, `fonts/…`). Hidden files
/// and symbolic links are skipped; a file that would replace a page kubebook writes is an
/// error.
public enum ThemeDirectory {
  /// The template file's name.
  public static let templateName = "page.mustache"
  /// The stylesheet's name.
  public static let stylesheetName = "style.css"

  /// The theme of the course in `directory` under `config`; the built-in theme when the
  /// directory does not exist.
  public static func load(_ directory: String, config: BookConfig) throws(CourseDirectory.ReadError) -> Theme {
    let root = CourseDirectory.trimmed(directory) + "/" + config.theme
    var theme = Theme()
    guard FileBytes.isDirectory(root) else { return theme }
    for relative in try files(in: root) {
      let path = root + "/" + relative
      let bytes: [UInt8]
      do { bytes = try FileBytes.read(path) } catch {
        throw CourseDirectory.ReadError(description: "\(path): error: cannot read the file: \(error.reason)")
      }
      switch relative {
      case templateName:
        do {
          let text = try InvalidUTF8.decode(bytes, path: path)
          theme.template = try PageTemplate(text)
        } catch let diagnostic as Diagnostic {
          throw CourseDirectory.ReadError(description: diagnostic.description)
        } catch {
          throw CourseDirectory.ReadError(
            description: "\(path): error: \((error as? PageTemplate.SyntaxError)?.message ?? "\(error)")")
        }
      case stylesheetName:
        theme.stylesheet = bytes
      default:
        if SiteRenderer.generatedPaths.contains(relative) {
          throw CourseDirectory.ReadError(
            description: "\(path): error: a theme may not replace \(relative), a file kubebook writes")
        }
        if relative.hasSuffix(".html") {
          throw CourseDirectory.ReadError(
            description: "\(path): error: a theme may not hold pages (.html); write a lesson instead")
        }
        theme.files.append(SiteFile(path: relative, bytes: bytes))
      }
    }
    return theme
  }

  /// The regular files below `root`, relative and sorted; hidden entries and symbolic links
  /// are skipped.
  static func files(in root: String) throws(CourseDirectory.ReadError) -> [String] {
    var result: [String] = []
    var pending = [""]
    while let directory = pending.popLast() {
      let path = directory.isEmpty ? root : root + "/" + directory
      guard let names = FileBytes.names(in: path) else {
        throw CourseDirectory.ReadError(
          description: "\(path): error: cannot list the directory: \(FileBytes.systemReason())")
      }
      for name in names.sorted() where !name.hasPrefix(".") {
        let relative = directory.isEmpty ? name : directory + "/" + name
        switch FileBytes.kind(root + "/" + relative) {
        case .directory: pending.append(relative)
        case .file: result.append(relative)
        default: break
        }
      }
    }
    return result.sorted()
  }
}
