import Foundation
import Kubectl
import Testing

@testable import kubebook

/// How `kubebook shell` finds and runs the editor for `kubectl edit`, as kubectl's
/// `editor.NewDefaultEditor([KUBE_EDITOR, EDITOR])` and `Editor.Launch` do.
@Suite struct ShellEditorTests {
  @Test func findsTheEditorAsKubectlDoes() {
    #expect(ShellEditor.command(environment: [:]) == (["vi"], false))
    #expect(ShellEditor.command(environment: ["EDITOR": "nano", "KUBE_EDITOR": ""]) == (["nano"], false))
    #expect(
      ShellEditor.command(environment: ["EDITOR": "nano", "KUBE_EDITOR": "code --wait"]) == (["code", "--wait"], false))
    #expect(
      ShellEditor.command(environment: ["EDITOR": "emacs -nw 'x'", "SHELL": "/bin/sh"])
        == (["/bin/sh", "-c", "emacs -nw 'x'"], true))
    #expect(ShellEditor.command(environment: ["EDITOR": "a \"b\""]) == (["/bin/bash", "-c", "a \"b\""], true))
  }

  @Test func runsTheEditorOnATemporaryFile() {
    let path = "/usr/bin:/bin"
    let edited = ShellEditor.edit("image: a\n", environment: ["EDITOR": "sed -i s/a$/b/", "PATH": path])
    #expect(edited == .success("image: b\n"))
    #expect(
      ShellEditor.edit("x\n", environment: ["EDITOR": "false", "PATH": path])
        == .failure(EditorFailure(message: "there was a problem with the editor \"false\"")))
    #expect(
      ShellEditor.edit("x\n", environment: ["EDITOR": "no-such-editor", "PATH": path])
        == .failure(EditorFailure(message: "unable to launch the editor \"no-such-editor\"")))
  }
}
