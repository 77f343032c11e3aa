import KubeSim

/// The whole course: its table of contents and its lessons in reading order.
public struct Course: Sendable {
  /// The table of contents.
  public var summary: Summary
  /// The lessons SUMMARY.md lists, in reading order (each once).
  public var lessons: [Lesson]
  /// Warnings found while assembling (lessons not listed in SUMMARY.md).
  public var warnings: [Diagnostic]

  /// The raw files of a course directory, as read from disk.
  public struct Sources: Sendable, Equatable {
    /// How diagnostics name the content directory (`content`).
    public var displayRoot: String
    /// SUMMARY.md's bytes, or nil when missing.
    public var summary: [UInt8]?
    /// Every `.md` file other than SUMMARY.md, by path relative to the directory.
    public var markdownFiles: [String: [UInt8]]
    /// Entries named like lessons that were not read, with the reason ("is a symbolic link,
    /// ..."), so a link to one is explained rather than reported missing.
    public var skipped: [String: String]
    /// The defaults of every fresh cluster (`kubebook.toml`'s `[cluster]`).
    public var cluster = ClusterConfig()

    /// Creates the sources.
    public init(
      displayRoot: String, summary: [UInt8]?, markdownFiles: [String: [UInt8]], skipped: [String: String] = [:]
    ) {
      self.displayRoot = displayRoot
      self.summary = summary
      self.markdownFiles = markdownFiles
      self.skipped = skipped
    }

    /// `displayRoot/path`.
    public func displayPath(_ path: String) -> String {
      displayRoot.isEmpty || displayRoot == "." ? path : displayRoot + "/" + path
    }
  }

  /// Checks the sources and parses every listed lesson.
  ///
  /// - Throws: ``CourseError`` with every problem found (missing SUMMARY.md or lessons,
  ///   invalid UTF-8, scenario syntax errors).
  public static func assemble(_ sources: Sources) throws(CourseError) -> Course {
    let summaryPath = sources.displayPath("SUMMARY.md")
    guard let summaryBytes = sources.summary else {
      let message = sources.skipped["SUMMARY.md"] ?? "missing: the course needs a SUMMARY.md listing its lessons"
      throw CourseError([Diagnostic(path: summaryPath, line: nil, message: message)])
    }
    let summaryText: String
    do { summaryText = try InvalidUTF8.decode(summaryBytes, path: summaryPath) } catch { throw CourseError([error]) }
    let summary = try Summary.parse(summaryText, displayPath: summaryPath)
    var diagnostics: [Diagnostic] = []
    var listed: Set<String> = []
    var toParse: [(path: String, bytes: [UInt8])] = []
    for (entry, _) in summary.flattened {
      guard let path = entry.path else { continue }
      guard let bytes = sources.markdownFiles[path] else {
        let why = sources.skipped[path] ?? "does not exist"
        diagnostics.append(
          Diagnostic(
            path: summaryPath, line: entry.line,
            message: "\"\(path)\" \(why) (linked as \"\(entry.title)\")"))
        continue
      }
      if listed.insert(path).inserted { toParse.append((path, bytes)) }
    }
    let parsed = toParse.parallelMap { item -> Result<Lesson, Diagnostic> in
      Result { () throws(Diagnostic) -> Lesson in
        try Lesson(path: item.path, displayPath: sources.displayPath(item.path), bytes: item.bytes)
      }
    }
    var lessons: [Lesson] = []
    for result in parsed {
      switch result {
      case .success(var lesson):
        diagnostics += lesson.diagnostics
        lesson.cluster = sources.cluster
        lessons.append(lesson)
      case .failure(let diagnostic):
        diagnostics.append(diagnostic)
      }
    }
    if !diagnostics.isEmpty { throw CourseError(diagnostics) }
    let warnings = sources.markdownFiles.keys.sorted().filter { !listed.contains($0) }.map {
      Diagnostic(
        path: sources.displayPath($0), line: nil, severity: .warning,
        message: "not listed in SUMMARY.md, so it is not part of the course")
    }
    return Course(summary: summary, lessons: lessons, warnings: warnings)
  }
}
