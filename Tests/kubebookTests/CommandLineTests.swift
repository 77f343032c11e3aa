import Foundation
import TestSupport
import Testing

/// The `kubebook` binary end to end: exit statuses, diagnostics, atomic builds.
@Suite struct CommandLineTests {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static var binary: URL {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    while directory.path != "/" {
      let candidate = directory.appendingPathComponent("kubebook")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return candidate
      }
      directory = directory.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/kubebook")
  }

  /// Runs kubebook in `directory`, killing it after 60 s so a hang fails the test.
  func kubebook(_ arguments: [String], in directory: URL, stdin: String? = nil) throws -> Run {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
      input.fileHandleForWriting.write(Data(stdin.utf8))
      try input.fileHandleForWriting.close()
    }
    let deadline = Date().addingTimeInterval(60)
    let outData = ReadBuffer(out.fileHandleForReading)
    let errData = ReadBuffer(err.fileHandleForReading)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning {
      process.terminate()
      Issue.record("kubebook \(arguments) did not finish within 60 s")
    }
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: outData.text(), stderr: errData.text())
  }

  /// Reads a pipe in the background so a full pipe cannot block the child.
  final class ReadBuffer: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      Thread.detachNewThread { [self] in
        let all = handle.readDataToEndOfFile()
        lock.lock()
        data = all
        lock.unlock()
        done.signal()
      }
    }

    func text() -> String {
      done.wait()
      lock.lock()
      defer { lock.unlock() }
      return String(decoding: data, as: UTF8.self)
    }
  }

  func course(_ files: [String: String]) throws -> URL {
    try CourseFixture.directory(files, prefix: "kubebook-cli")
  }

  static let passing = [
    "SUMMARY.md": "# 课程\n\n- [Pod](pods.md)\n",
    "pods.md": "# Pod\n\n```scenario\n$ kubectl get pods\nNo resources found in default namespace.\n```\n",
  ]

  static let failing = [
    "SUMMARY.md": "# 课程\n\n- [Pod](pods.md)\n",
    "pods.md": "# Pod\n\n```scenario\n$ kubectl run web --image=nginx\npod/wrong created\n```\n",
  ]

  @Test func helpForEveryCommand() throws {
    let directory = FileManager.default.temporaryDirectory
    let help = try kubebook(["--help"], in: directory)
    #expect(help.status == 0)
    for command in ["build", "check", "run"] {
      #expect(help.stdout.contains(command))
      let sub = try kubebook([command, "--help"], in: directory)
      #expect(sub.status == 0)
      #expect(sub.stdout.contains("USAGE: kubebook \(command)"))
    }
  }

  @Test func usageErrorsExitWithTwo() throws {
    let run = try kubebook(["check", "--no-such-flag"], in: FileManager.default.temporaryDirectory)
    #expect(run.status == 2)
    #expect(run.stderr.contains("--no-such-flag"))
  }

  @Test func checkPassing() throws {
    let root = try course(Self.passing)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["check"], in: root)
    #expect(run.status == 0)
    #expect(run.stdout.split(separator: "\n").last == "1 passed, 0 failed")
  }

  @Test func checkFailingReportsFileLineAndDiff() throws {
    let root = try course(Self.failing)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["check", "--junit", "report.xml"], in: root)
    #expect(run.status == 1)
    #expect(run.stdout.split(separator: "\n").last == "0 passed, 1 failed")
    #expect(
      run.stderr.contains(
        "content/pods.md:4: error: `kubectl run web --image=nginx` printed output that differs from the lesson\n--- expected\n+++ actual\n-pod/wrong created\n+pod/web created"
      ))
    #expect(!run.stderr.contains("\u{1B}["), "no colour when piped or NO_COLOR is set")
    let report = try String(contentsOf: root.appendingPathComponent("report.xml"), encoding: .utf8)
    #expect(report.contains("failures=\"1\""))
  }

  @Test func blessRewritesTheLessonSoCheckPasses() throws {
    let root = try course(Self.failing)
    defer { try? FileManager.default.removeItem(at: root) }
    let bless = try kubebook(["check", "--bless"], in: root)
    #expect(bless.status == 0)
    #expect(bless.stdout.split(separator: "\n").last == "1 passed, 0 failed")
    let lesson = try String(contentsOf: root.appendingPathComponent("content/pods.md"), encoding: .utf8)
    #expect(lesson == "# Pod\n\n```scenario\n$ kubectl run web --image=nginx\npod/web created\n```\n")
    #expect(try kubebook(["check", "content/pods.md"], in: root).status == 0)
  }

  @Test func blessRefusesOutputALessonCannotHoldAndLeavesTheFileAlone() throws {
    // `describe` prints the ConfigMap value with its carriage return, which no Markdown
    // line can hold.
    let lesson =
      "# Pod\n\n```scenario\n$ kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
      + "  name: c\ndata:\n  v: \"50%\\r100%\"\nEOF\n$ kubectl describe cm c\n```\n"
    let root = try course(["SUMMARY.md": "# 课程\n\n- [Pod](pods.md)\n", "pods.md": lesson])
    defer { try? FileManager.default.removeItem(at: root) }
    let bless = try kubebook(["check", "--bless"], in: root)
    #expect(bless.status == 1)
    #expect(
      bless.stderr.contains(
        "content/pods.md:3: error: cannot bless this scenario: line 10 of the output of `kubectl describe cm c` holds a carriage return, which a lesson line cannot hold; the file is left unchanged"
      ))
    #expect(bless.stdout.hasPrefix("blessed 0 lesson file(s)\n"))
    let after = try String(contentsOf: root.appendingPathComponent("content/pods.md"), encoding: .utf8)
    #expect(after == lesson, "the file is untouched")
  }

  @Test func missingLessonInSummary() throws {
    let root = try course(["SUMMARY.md": "# 课程\n\n- [Pod](pods.md)\n- [Gone](gone.md)\n", "pods.md": "# Pod\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    for command in [["check"], ["build"]] {
      let run = try kubebook(command, in: root)
      #expect(run.status == 2)
      #expect(run.stderr.contains("content/SUMMARY.md:4: error: \"gone.md\" does not exist"))
    }
  }

  @Test func invalidUTF8LessonIsNamed() throws {
    let root = try course(["SUMMARY.md": "- [Pod](pods.md)\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    try Data([0x23, 0x20, 0xC3, 0x28, 0x0A]).write(to: root.appendingPathComponent("content/pods.md"))
    let run = try kubebook(["check"], in: root)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains("content/pods.md:1: error: not valid UTF-8 text: byte 0xC3 at column 3 (byte offset 2)"))
  }

  @Test func unterminatedHeredocIsAnErrorAtItsLine() throws {
    var files = Self.passing
    files["pods.md"] = "# Pod\n\n```scenario\n$ kubectl apply -f - <<EOF\nkind: Pod\n```\n"
    let root = try course(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["check"], in: root)
    #expect(run.status == 2)
    #expect(run.stderr.contains("content/pods.md:4: error: unterminated heredoc"))
  }

  @Test func fileBlockLeavingThePageIsAnErrorAtTheFence() throws {
    var files = Self.passing
    files["pods.md"] = "# Pod\n\n```yaml file=../x.yaml\nkind: Pod\n```\n"
    let root = try course(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["build"], in: root)
    #expect(run.status == 2)
    #expect(run.stderr.contains("content/pods.md:3: error: file=../x.yaml leaves the page's directory"))
  }

  @Test func applyOutsideTheCourseIsRefusedAndReadsNothing() throws {
    var files = Self.passing
    files["pods.md"] =
      "# Pod\n\n```scenario\n$ kubectl apply -f ../../../../../../etc/hostname\n? 1\nerror: kubebook reads files only inside the working directory, so it does not read \"../../../../../../etc/hostname\" (an absolute path, or one that leaves the directory with ..)\n```\n"
    let root = try course(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["check"], in: root)
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test func buildWritesTheSiteAndAFailedBuildKeepsIt() throws {
    let root = try course(Self.passing)
    defer { try? FileManager.default.removeItem(at: root) }
    let first = try kubebook(["build"], in: root)
    #expect(first.status == 0, "\(first.stderr)")
    let index = root.appendingPathComponent("site/index.html")
    let page = root.appendingPathComponent("site/pods.html")
    let before = try Data(contentsOf: page)
    #expect(FileManager.default.fileExists(atPath: index.path))
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/assets/kubebook.css").path))
    // Break the course: the build fails and the old site stays exactly as it was.
    try Data("- [Pod](pods.md)\n- [Gone](gone.md)\n".utf8).write(to: root.appendingPathComponent("content/SUMMARY.md"))
    let broken = try kubebook(["build"], in: root)
    #expect(broken.status == 2)
    #expect(try Data(contentsOf: page) == before)
  }

  /// A link to a heading that does not exist fails the build with file:line, exit 1, and
  /// the site already there stays.
  @Test func brokenLinkFailsTheBuild() throws {
    let root = try course(Self.passing)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try kubebook(["build"], in: root).status == 0)
    let page = root.appendingPathComponent("site/pods.html")
    let before = try Data(contentsOf: page)
    let lesson = root.appendingPathComponent("content/pods.md")
    var text = try String(contentsOf: lesson, encoding: .utf8)
    text += "\n[别处](#no-such-heading)\n"
    try Data(text.utf8).write(to: lesson)
    let broken = try kubebook(["build"], in: root)
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("content/pods.md:"))
    #expect(broken.stderr.contains(": error: broken link \"#no-such-heading\""))
    #expect(try Data(contentsOf: page) == before)
  }

  /// Input that used to overflow the stack (20,000 nested `>`, 50,000 nested list items) or
  /// take a gigabyte (five million `[`) is an error at its line, exit 2, and no crash.
  @Test func pathologicalMarkdownIsAnErrorNotACrash() throws {
    let cases = [
      (String(repeating: ">", count: 20_000) + " x\n", "Markdown nested more than 100 levels deep"),
      (String(repeating: "- ", count: 50_000) + "x\n", "Markdown nested more than 100 levels deep"),
      (String(repeating: "[", count: 5_000_000) + "\n", "more than 200000 Markdown markup characters"),
    ]
    for (body, message) in cases {
      let root = try course(["SUMMARY.md": "# 课程\n\n- [A](a.md)\n", "a.md": "# A\n\n" + body])
      defer { try? FileManager.default.removeItem(at: root) }
      let build = try kubebook(["build"], in: root)
      #expect(build.status == 2)
      #expect(build.stderr.hasPrefix("content/a.md:3: error: " + message), "\(build.stderr.prefix(300))")
    }
  }

  /// `kubebook shell` with piped input prints what `kubebook run` prints for a lesson with
  /// the same commands; `--from` starts where a block leaves the cluster; a missing block and
  /// a heredoc cut short are errors (exit 2).
  @Test func shellScriptMatchesRun() throws {
    let commands = "kubectl create deployment web --image=nginx:1.27\nsleep 20\nkubectl get pods\nkubectl nope\n"
    let lesson =
      "# Shell\n\n```scenario\n" + commands.split(separator: "\n").map { "$ " + $0 }.joined(separator: "\n")
      + "\n```\n"
    let root = try course(["SUMMARY.md": "# 课程\n\n- [Shell](shell.md)\n", "shell.md": lesson])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["run", "content/shell.md"], in: root)
    let shell = try kubebook(["shell"], in: root, stdin: commands)
    #expect(shell.status == 0)
    #expect(shell.stdout == run.stdout)
    let from = try kubebook(["shell", "--from", "content/shell.md#1"], in: root, stdin: "kubectl get deploy\n")
    #expect(from.stdout.contains("web    1/1     1            1           20s"))
    let missing = try kubebook(["shell", "--from", "content/shell.md#3"], in: root, stdin: "")
    #expect(missing.status == 2)
    #expect(missing.stderr == "content/shell.md: error: the lesson has 1 scenario block; there is no block #3\n")
    let cut = try kubebook(["shell"], in: root, stdin: "kubectl apply -f - <<EOF\nkind: Pod\n")
    #expect(cut.status == 2)
    #expect(cut.stderr == "kubebook shell: error: here-document ended by end of input (wanted \"EOF\")\n")
  }

  @Test func twoBuildsAreByteIdentical() throws {
    var files = Self.passing
    files["pods.md"] =
      "# Pod\n\n```scenario\n$ kubectl run a --image=nginx\n$ sleep 20\n$ kubectl get pods -o yaml\n```\n"
    let root = try course(files)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try kubebook(["build", "content", "-o", "one"], in: root).status == 0)
    #expect(try kubebook(["build", "content", "-o", "two"], in: root).status == 0)
    for name in ["index.html", "pods.html", "toc.js", "assets/kubebook.css", "assets/kubebook.js"] {
      let one = try Data(contentsOf: root.appendingPathComponent("one/\(name)"))
      let two = try Data(contentsOf: root.appendingPathComponent("two/\(name)"))
      #expect(one == two, "\(name)")
    }
  }

  @Test func runPrintsTheTranscript() throws {
    let root = try course(Self.failing)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["run", "content/pods.md"], in: root)
    #expect(run.status == 0)
    #expect(run.stdout == "```scenario\n$ kubectl run web --image=nginx\npod/web created\n```\n")
  }
}
