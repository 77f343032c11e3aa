import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl set subject` (`set_subject.go`): files with `--local` against the real kubectl
/// v1.32; on the cluster, the binding's new subject is authorized (`auth can-i --as`).
@Suite struct SetSubjectTests {
  static let files = [
    "rb.yaml": """
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata:
      name: readers
      namespace: default
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: ClusterRole
      name: view
    subjects:
    - apiGroup: rbac.authorization.k8s.io
      kind: User
      name: jane
    """,
    "crb.yaml": """
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata:
      name: all-readers
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: ClusterRole
      name: view
    """,
    "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
  ]

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "set subject --local -f rb.yaml --user=bob -o yaml", "set subject --local -f rb.yaml --user=jane",
      "set subject --local -f rb.yaml --user=bob --group=dev --serviceaccount=ns:robot",
      "set subject --local -f rb.yaml --user=zed --user=amy --group=b --group=a -o yaml",
      "set subject --local -f rb.yaml", "set subject --local -f rb.yaml --serviceaccount=robot",
      "set subject --local -f rb.yaml --serviceaccount=:robot -o yaml",
      "set subject --local -f crb.yaml --serviceaccount=:robot", "set subject --local -f crb.yaml --group=ops -o yaml",
      "set subject --local -f rb.yaml --user=bob --dry-run=client", "set subject --local -f cm.yaml --user=bob",
    ])
  func matchesTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(try ShellWords.split(command), files: Self.files)
  }

  @Test func addedSubjectIsAuthorized() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create rolebinding readers --clusterrole=view --user=jane")
    #expect(terminal.run("kubectl auth can-i list pods --as=bob").output == "no\n")
    #expect(
      terminal.run("kubectl set subject rolebinding readers --user=bob").output
        == "rolebinding.rbac.authorization.k8s.io/readers subjects updated\n")
    #expect(terminal.run("kubectl auth can-i list pods --as=bob").output == "yes\n")
    #expect(terminal.run("kubectl set subject rolebinding readers --user=bob").output == "")
  }
}
