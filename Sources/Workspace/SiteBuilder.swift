import Course
import Site

/// A site built from a course directory from start to end, for `kubebook build`: the course
/// is read (load), assembled (parse), its links checked, every lesson run and drawn by
/// ``SiteDriver`` on all cores with its page written as it comes, and the site swapped in
/// atomically (write). Reading and writing happen here; everything between is pure.
public enum SiteBuilder {
  /// Why a build failed; the output directory is as it was.
  public enum Failure: Error {
    /// The course could not be read or does not assemble (exit status 2).
    case unloadable(CourseLoader.Failure)
    /// A link names a lesson or heading that does not exist (exit status 1).
    case brokenLinks([Diagnostic])
    /// The site could not be written (exit status 2).
    case unwritable(String)
  }

  /// What a finished build made.
  public struct Built: Sendable {
    /// What made the site, kept so that a command may exit without freeing it.
    let driver: SiteDriver
    /// The course the site was made of.
    public var course: Course { driver.course }
    /// Each lesson's scenario results, in lesson order.
    public let results: [LessonResult]
  }

  /// Builds the course in `content` into the directory `output`, which is replaced only when
  /// every file was written (never one of the course directories, `content` included).
  /// `warn` hears the course's warnings once it is assembled and the scenarios that differ
  /// from their lessons once every lesson ran, before the site is swapped in.
  public static func build(
    _ content: String, into output: String, options: SiteRenderer.Options, warn: (Diagnostic) -> Void
  ) throws(Failure) -> Built {
    var options = options
    do {
      options.config = try ConfigFile.load(content)
      options.theme = try ThemeDirectory.load(content, config: options.config)
    } catch { throw .unloadable(.unreadable(error.description)) }
    let course: Course
    do { course = try CourseLoader.course(content, warn: warn) } catch { throw .unloadable(error) }
    let driver: SiteDriver
    do { driver = try SiteDriver(linked: course, options: options) } catch { throw .brokenLinks(error.diagnostics) }
    let writer: SiteWriter
    do { writer = try SiteWriter(output: output, protecting: [content]) } catch {
      throw .unwritable(error.description)
    }
    let results = driver.write(into: writer) { $0.result }
    for warning in SiteDriver.warnings(results) { warn(warning) }
    do { try writer.commit() } catch { throw .unwritable(error.description) }
    return Built(driver: driver, results: results)
  }
}
