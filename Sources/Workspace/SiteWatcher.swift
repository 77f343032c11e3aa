import Course
import Site

/// A site on disk kept in step with its course directory, for `kubebook serve`: built once
/// to disk, then on each ``update()`` the course is read again, what changed is rebuilt
/// (``SiteBuild``) and written in place (``SiteWriter/apply(_:to:)``). Reading, building and
/// writing happen here; the caller only loops, prints and tells the server.
public struct SiteWatcher: Sendable {
  /// Why the first build failed; nothing was written.
  public enum Failure: Error {
    /// The course does not assemble or a link is broken (exit status 1).
    case broken([Diagnostic])
    /// The course could not be read or the site could not be written (exit status 2).
    case unusable(String)
  }

  /// What one ``update()`` did, with how long its steps took.
  public struct Update: Sendable {
    /// What happened to the site.
    public enum Outcome: Sendable {
      /// The course reads as it did: nothing was built.
      case unchanged
      /// The course could not be read (e.g. no descriptor left); the site is unchanged.
      case unreadable(String)
      /// The course does not build; the site is unchanged.
      case broken([Diagnostic])
      /// The course was rebuilt and these changes (maybe none) written.
      case rebuilt(SiteBuild.Changes)
      /// The rebuild could not be written; the next update builds and writes it again.
      case unwritten(String)
    }

    /// What happened to the site.
    public var outcome: Outcome
    /// How long reading the course took.
    public var reading: Duration
    /// When building began (after reading), when the course changed.
    public var started: ContinuousClock.Instant?
    /// How long building took, when the course changed and built.
    public var building: Duration?
  }

  /// The course directory.
  public let content: String
  /// The site's directory.
  public let output: String
  /// The site as last written.
  public private(set) var build: SiteBuild

  /// Builds the course in `content` and writes the whole site into `output` (never one of
  /// the course directories, `content` included).
  public init(content: String, output: String, options: SiteRenderer.Options) throws(Failure) {
    self.content = content
    self.output = output
    var options = options
    do {
      options.config = try ConfigFile.load(content)
      options.theme = try ThemeDirectory.load(content, config: options.config)
      build = try SiteBuild(try CourseDirectory.load(content), options: options)
      try SiteWriter.write(build.files.values.sorted { $0.path < $1.path }, to: output, protecting: [content])
    } catch let error as CourseError {
      throw .broken(error.diagnostics)
    } catch {
      throw .unusable("\(error)")
    }
  }

  /// Reads the course again and, when it changed, rebuilds what changed and writes it to
  /// the site. On a course that does not build the site stays as it was; on a write that
  /// fails the site is taken as not updated, so that the next update writes it again.
  public mutating func update() -> Update {
    let reading = ContinuousClock.now
    let loaded = Result { () throws(CourseDirectory.ReadError) in try CourseDirectory.load(content) }
    var update = Update(outcome: .unchanged, reading: ContinuousClock.now - reading)
    let sources: Course.Sources
    switch loaded {
    case .success(let read): sources = read
    case .failure(let error):
      update.outcome = .unreadable(error.description)
      return update
    }
    guard sources != build.sources else { return update }
    let started = ContinuousClock.now
    update.started = started
    let previous = build
    let changes: SiteBuild.Changes
    do { changes = try build.update(sources) } catch {
      update.outcome = .broken(error.diagnostics)
      return update
    }
    update.building = ContinuousClock.now - started
    do { try SiteWriter.apply(changes, to: output) } catch {
      build = previous
      update.outcome = .unwritten("\(error)")
      return update
    }
    update.outcome = .rebuilt(changes)
    return update
  }
}
