import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl edit` with a fake editor: the header and reasons from
/// `kubectl/pkg/cmd/util/editor/editoptions.go` (`editHeader.writeTo`, `addError`, the
/// "Edit cancelled" lines), the usage errors from the real binary.
@Suite struct EditCommandTests {
  /// A fake editor: answers each call with the next function of `answers` applied to the
  /// text it was given, and records the texts.
  final class FakeEditor: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [(String) -> Result<String, EditorFailure>]
    private(set) var seen: [String] = []

    init(_ answers: [(String) -> Result<String, EditorFailure>]) {
      self.answers = answers
    }

    var editor: TextEditor {
      TextEditor { text in
        self.lock.lock()
        defer { self.lock.unlock() }
        self.seen.append(text)
        guard !self.answers.isEmpty else { return .failure(EditorFailure(message: "no more answers")) }
        return self.answers.removeFirst()(text)
      }
    }
  }

  static let header = """
    # Please edit the object below. Lines beginning with a '#' will be ignored,
    # and an empty file will abort the edit. If an error occurs while saving this file will be
    # reopened with the relevant failures.
    #

    """

  static func rolledOut() -> Terminal {
    var terminal = Terminal(files: ReplaceCommandTests.files)
    _ = terminal.run("kubectl apply -f v1.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    return terminal
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func usageErrorsMatchRealKubectl() throws {
    try RealKubectl.expectSameOutput("edit")
    try RealKubectl.expectSameOutput("edit foo/bar/baz")
  }

  @Test func withoutATerminalSaysSo() {
    var terminal = Self.rolledOut()
    let result = terminal.run("kubectl edit deployment/web")
    #expect(result.exitCode == 1)
    #expect(result.output.contains("needs a terminal"))
  }

  @Test func unchangedFileCancels() {
    var terminal = Self.rolledOut()
    let fake = FakeEditor([{ .success($0) }])
    terminal.editor = fake.editor
    let yaml = terminal.run("kubectl get deployment web -o yaml").output
    let result = terminal.run("kubectl edit deployment/web")
    #expect(result.output == "Edit cancelled, no changes made.\n")
    #expect(result.exitCode == 0)
    #expect(fake.seen == [Self.header + yaml])
  }

  /// A custom object is edited as its unstructured JSON; a change its schema refuses reopens
  /// the editor with the server's cause.
  @Test func customObjectIsEdited() {
    var terminal = CustomResourceDefinitionTests.withCronTab()
    let fake = FakeEditor([
      { .success($0.replacingOccurrences(of: "image: my-awesome-cron-image", with: "image: v2\n  replicas: two")) },
      { .success($0.replacingOccurrences(of: "replicas: two", with: "replicas: 2")) },
    ])
    terminal.editor = fake.editor
    let result = terminal.run("kubectl edit ct my-new-cron-object")
    #expect(
      result.output == """
        error: crontabs.stable.example.com "my-new-cron-object" is invalid
        crontab.stable.example.com/my-new-cron-object edited

        """)
    #expect(fake.seen.count == 2)
    #expect(
      fake.seen.last?.contains(
        "# * spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"")
        == true)
    #expect(
      terminal.run("kubectl get ct my-new-cron-object -o jsonpath={.spec.image}/{.spec.replicas}").output == "v2/2")
  }

  @Test func savedChangeIsStored() {
    var terminal = Self.rolledOut()
    let fake = FakeEditor([{ .success($0.replacingOccurrences(of: "image: nginx:1.27", with: "image: nginx:1.28")) }])
    terminal.editor = fake.editor
    let result = terminal.run("kubectl edit deploy web")
    #expect(result.output == "deployment.apps/web edited\n")
    #expect(terminal.cluster.deployments["default/web"]?.template.spec.containers.first?.image == "nginx:1.28")
  }

  @Test func printsTheEditedObjectForOutputFormats() throws {
    var terminal = Self.rolledOut()
    terminal.editor = FakeEditor([{ .success($0.replacingOccurrences(of: "replicas: 3", with: "replicas: 4")) }]).editor
    let result = terminal.run("kubectl edit deployment/web -o json")
    let object = try #require(try ManifestReader.documents(result.output, source: "output").first)
    #expect(object["spec"]?["replicas"] == .int(4))
    terminal.editor = FakeEditor([{ .success($0.replacingOccurrences(of: "replicas: 4", with: "replicas: 5")) }]).editor
    #expect(terminal.run("kubectl edit deployment/web -o name").output == "deployment.apps/web\n")
    #expect(
      terminal.run("kubectl edit deployment/web --output-patch").output
        == "error: kubebook does not simulate kubectl edit --output-patch yet\n")
  }

  @Test func invalidObjectReopensWithTheCauses() {
    var terminal = Self.rolledOut()
    let fake = FakeEditor([
      { .success($0.replacingOccurrences(of: "replicas: 3", with: "replicas: -1")) },
      { .success($0.replacingOccurrences(of: "replicas: -1", with: "replicas: 2")) },
    ])
    terminal.editor = fake.editor
    let result = terminal.run("kubectl edit deployment web")
    #expect(result.output == "error: deployments.apps \"web\" is invalid\ndeployment.apps/web edited\n")
    #expect(terminal.cluster.deployments["default/web"]?.replicas == 2)
    #expect(fake.seen.count == 2)
    let reopened = fake.seen.last ?? ""
    #expect(
      reopened.hasPrefix(
        Self.header
          + "# deployments.apps \"web\" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n"
      ))
    // The reopened file keeps the user's text, without the old header.
    #expect(reopened.contains("replicas: -1") && reopened.components(separatedBy: "# Please edit").count == 2)
  }

  @Test func syntaxErrorReopensAndAnUnchangedRetryGivesUp() {
    var terminal = Self.rolledOut()
    let before = terminal.cluster.deployments["default/web"]
    let fake = FakeEditor([{ .success($0 + "  bad: [\n") }, { .success($0) }])
    terminal.editor = fake.editor
    let result = terminal.run("kubectl edit deployment/web")
    #expect(result.output == "error: Edit cancelled, no valid changes were saved.\n")
    #expect(result.exitCode == 1)
    #expect(fake.seen.count == 2)
    #expect(fake.seen.last?.hasPrefix(Self.header + "# The edited file had a syntax error: ") == true)
    #expect(terminal.cluster.deployments["default/web"] == before)
  }

  @Test func emptyFileAndEditorFailure() {
    var terminal = Self.rolledOut()
    terminal.editor = FakeEditor([{ _ in .success("# nothing\n\n") }]).editor
    #expect(terminal.run("kubectl edit deployment/web").output == "Edit cancelled, saved file was empty.\n")
    terminal.editor =
      FakeEditor([{ _ in .failure(EditorFailure(message: "there was a problem with the editor \"false\"")) }])
      .editor
    let failed = terminal.run("kubectl edit deployment/web")
    #expect(failed.output == "error: there was a problem with the editor \"false\"\n")
    #expect(failed.exitCode == 1)
    #expect(
      terminal.run("kubectl edit deployment/nope").output
        == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
  }
}
