import Foundation
import TestSupport
import Testing

/// `kubebook init`, `kubebook.toml` and `check --format github`, end to end.
extension CommandLineTests {
  @Test(arguments: ["en", "zh-CN"]) func initWritesACourseThatChecksAndBuilds(language: String) throws {
    let root = try TemporaryDirectory.create("kubebook-init")
    defer { try? FileManager.default.removeItem(at: root) }
    let made = try kubebook(["init", "course", "--language", language], in: root)
    #expect(made.status == 0, "\(made.stderr)")
    let course = root.appendingPathComponent("course")
    for file in ["kubebook.toml", "SUMMARY.md", "first-lesson.md", ".github/workflows/kubebook.yml"] {
      #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent(file).path), "\(file)")
    }
    let workflow = try String(
      contentsOf: course.appendingPathComponent(".github/workflows/kubebook.yml"), encoding: .utf8)
    #expect(workflow.contains("kubebook check . --format github --junit"))
    #expect(workflow.contains("kubebook build . -o"))
    let check = try kubebook(["check", "course", "--junit", "report.xml"], in: root)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.split(separator: "\n").last == "1 passed, 0 failed")
    let build = try kubebook(["build", "course", "-o", "site"], in: root)
    #expect(build.status == 0, "\(build.stderr)")
    let page = try String(contentsOf: root.appendingPathComponent("site/first-lesson.html"), encoding: .utf8)
    #expect(page.contains("<html lang=\"\(language)\">"))
    #expect(page.contains("<code>web.yaml</code>") || page.contains("web.yaml"))
  }

  @Test func initRefusesADirectoryThatIsNotEmpty() throws {
    let root = try TemporaryDirectory.create("kubebook-init")
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("mine\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
    let run = try kubebook(["init", "."], in: root)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == ".: error: the directory is not empty; kubebook init writes only into a new or empty directory\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.txt"])
    let language = try kubebook(["init", "new", "--language", "fr"], in: root)
    #expect(language.status == 2)
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("new").path))
  }

  @Test func anUnknownConfigKeyStopsEveryCommandWithItsLine() throws {
    var files = Self.passing
    files["kubebook.toml"] = "title = \"x\"\n\n[site]\ntitel = \"typo\"\n"
    let root = try course(files)
    defer { try? FileManager.default.removeItem(at: root) }
    for arguments in [["check"], ["build", "content", "-o", "site"]] {
      let run = try kubebook(arguments, in: root)
      #expect(run.status == 2)
      #expect(run.stderr == "content/kubebook.toml:4: error: unknown key 'titel' in [site]\n")
    }
  }

  @Test func theClusterSectionSetsEveryFreshCluster() throws {
    var files = [
      "SUMMARY.md": "# 课程\n\n- [Nodes](nodes.md)\n",
      "nodes.md":
        "# Nodes\n\n```scenario\n$ kubectl get nodes -o name\nnode/control-plane\nnode/worker-1\nnode/worker-2\nnode/worker-3\n```\n",
    ]
    files["kubebook.toml"] = "[cluster]\nworkers = 3\n"
    let root = try course(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["check"], in: root)
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test func checkFormatGitHubPrintsAnnotations() throws {
    let root = try course(Self.failing)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["check", "--format", "github"], in: root)
    #expect(run.status == 1)
    // actions/toolkit's escapeData: % → %25, CR → %0D, LF → %0A.
    #expect(
      run.stdout.contains(
        "::error file=content/pods.md,line=4::`kubectl run web --image=nginx` printed output that differs from the lesson%0A--- expected%0A+++ actual%0A-pod/wrong created%0A+pod/web created\n"
      ))
    #expect(run.stderr.contains("content/pods.md:4: error: "))
  }
}

extension CommandLineTests {
  @Test func checkFormatGitHubAnnotatesALessonThatDoesNotParse() throws {
    let root = try course([
      "SUMMARY.md": "# 课程\n\n- [Pod](pods.md)\n",
      "pods.md": "# Pod\n\n```scenario nodes=0\n$ kubectl get pods\n```\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try kubebook(["check", "--format", "github"], in: root)
    #expect(run.status == 2)
    #expect(run.stdout.hasPrefix("::error file=content/pods.md,line=3::nodes=0: expected a number of worker nodes"))
  }
}
