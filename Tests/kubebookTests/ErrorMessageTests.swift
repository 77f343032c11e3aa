import Foundation
import Testing

extension CommandLineTests {
  /// `--junit` naming a directory says so (it once printed "NSCocoaErrorDomain error 512").
  @Test func junitReportIntoADirectoryNamesTheProblem() throws {
    let root = try course(Self.passing)
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("reports"), withIntermediateDirectories: true)
    let run = try kubebook(["check", "--junit", "reports"], in: root)
    #expect(run.status == 2)
    #expect(
      run.stderr == "reports: error: cannot write the JUnit report: is a directory, not a file\n", "\(run.stderr)")
  }

  /// Escape sequences written in a lesson reach standard error made visible, with NO_COLOR set
  /// (as `kubebook(_:in:)` runs it) and standard error not a terminal.
  @Test func controlBytesFromALessonAreNotPrintedRaw() throws {
    var files = Self.passing
    files["pods.md"] = "# Pod\n\n```scenario\n$ kubectl get pods\nNo\u{1B}]0;owned\u{07} resources\n```\n"
    let root = try course(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["check"], in: root)
    #expect(run.status == 1)
    #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\u{07}"))
    #expect(run.stderr.contains("-No^[]0;owned^G resources\n"), "\(run.stderr)")
  }
}
