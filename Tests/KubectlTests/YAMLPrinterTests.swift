import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// The YAML printer against ground truth: the real kubectl binary where it is installed
/// (`create configmap --dry-run=client -o yaml` prints through the same sigs.k8s.io/yaml
/// path as `get -o yaml`), and the captures in `docs/reference/kubectl-output.md` §11.
@Suite struct YAMLPrinterTests {
  /// Values that exercise go-yaml's quoting, folding and escaping rules.
  static let trickyValues: [String] = [
    "plain", "*/1 * * * *", "2025-03-03T09:00:00Z", "2025-03-03", "yes", "no", "on", "true", "null", "~",
    "- x", "a: b", "a:", "1:20", " lead", "trail ", "x #y", "x#y", "it's", "0x1F", "017", "08", "1e3",
    "3", "-1", ".5", "+1", "@foo", "`cmd`", "%x", "&anchor", "!tag", "|", ">", "[a]", "{a}", "a,b",
    "中文内容", "tab\there", "?", "? x", "-", "--- doc", "...", "\"quoted\"", "back\\slash", "",
    String(repeating: "word ", count: 30), String(repeating: "longword", count: 15) + " tail",
    String(repeating: "a  ", count: 40), String(repeating: "wo\trd ", count: 30),
    "line one\nline two\n", "no trailing newline\nend",
    "kubectl set image nginx=nginx:1.25 --local=true --filename=deploy.yaml --record=true --output=yaml",
  ]

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func matchesRealKubectlForConfigMapValues() throws {
    var arguments = ["create", "configmap", "t", "--dry-run=client", "-o", "yaml"]
    var data: [(String, JSONValue)] = []
    for (index, value) in Self.trickyValues.enumerated() {
      let key = "k\(String(format: "%02d", index))"
      arguments.append("--from-literal=\(key)=\(value)")
      data.append((key, .string(value)))
    }
    let real = try RealKubectl.run(arguments).output
    #expect(real.hasPrefix("apiVersion: v1\n"), "kubectl refused the arguments")
    let ours = YAMLPrinter.print(
      .object([
        ("apiVersion", .string("v1")), ("data", .object(data)), ("kind", .string("ConfigMap")),
        ("metadata", .object([("creationTimestamp", .null), ("name", .string("t"))])),
      ]))
    #expect(ours == real)
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func keysAreQuotedLikeValues() throws {
    let keys = [
      "n", "y", "yes", "on", "1", "a.b", "app.kubernetes.io_name", "-x", "_x", "a10", "a9", "a09", "b2c", "b10c", "0",
      "00", "A", "Z",
    ]
    var arguments = ["create", "configmap", "t", "--dry-run=client", "-o", "yaml"]
    for key in keys { arguments.append("--from-literal=\(key)=v") }
    let real = try RealKubectl.run(arguments).output
    #expect(real.hasPrefix("apiVersion: v1\n"), "kubectl refused the arguments")
    let ours = YAMLPrinter.print(
      .object([
        ("apiVersion", .string("v1")), ("data", .object(keys.map { ($0, .string("v")) })),
        ("kind", .string("ConfigMap")),
        ("metadata", .object([("creationTimestamp", .null), ("name", .string("t"))])),
      ]))
    #expect(ours == real)
  }

  /// `docs/reference/kubectl-output.md` §11, "run with --command".
  @Test func runDryRunMatchesCapture() {
    var cluster = Cluster()
    let result = Kubectl.run(
      ["run", "bb", "--image=busybox", "--dry-run=client", "-o", "yaml", "--command", "--", "sh", "-c", "echo hi"],
      cluster: &cluster, files: VirtualDirectory())
    #expect(
      result.output == """
        apiVersion: v1
        kind: Pod
        metadata:
          creationTimestamp: null
          labels:
            run: bb
          name: bb
        spec:
          containers:
          - command:
            - sh
            - -c
            - echo hi
            image: busybox
            name: bb
            resources: {}
          dnsPolicy: ClusterFirst
          restartPolicy: Always
        status: {}

        """)
  }

  /// `docs/reference/kubectl-output.md` §11, "run with args (no --command)" and "run with port and labels".
  @Test func runDryRunWithArgsPortsAndLabels() {
    var cluster = Cluster()
    let args = Kubectl.run(
      ["run", "bb", "--image=busybox", "--restart=Never", "--dry-run=client", "-o", "yaml", "--", "sleep", "3600"],
      cluster: &cluster, files: VirtualDirectory())
    #expect(
      args.output == """
        apiVersion: v1
        kind: Pod
        metadata:
          creationTimestamp: null
          labels:
            run: bb
          name: bb
        spec:
          containers:
          - args:
            - sleep
            - "3600"
            image: busybox
            name: bb
            resources: {}
          dnsPolicy: ClusterFirst
          restartPolicy: Never
        status: {}

        """)
    let ports = Kubectl.run(
      ["run", "nginx", "--image=nginx", "--port=80", "--labels=app=web,tier=fe", "--dry-run=client", "-o", "yaml"],
      cluster: &cluster, files: VirtualDirectory())
    #expect(
      ports.output == """
        apiVersion: v1
        kind: Pod
        metadata:
          creationTimestamp: null
          labels:
            app: web
            tier: fe
          name: nginx
        spec:
          containers:
          - image: nginx
            name: nginx
            ports:
            - containerPort: 80
            resources: {}
          dnsPolicy: ClusterFirst
          restartPolicy: Always
        status: {}

        """)
    let plain = Kubectl.run(
      ["run", "nginx", "--image=nginx", "--dry-run=client"], cluster: &cluster, files: VirtualDirectory())
    #expect(plain.output == "pod/nginx created (dry run)\n")
    #expect(cluster.listPods(namespace: "default").isEmpty)
  }
}
