import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// The three patch engines, through `kubectl patch --local -f FILE -o yaml`, against the real
/// kubectl v1.32 binary: strategic merge patch (cases after apimachinery's
/// `pkg/util/strategicpatch/patch_test.go`: merge keys, `$patch` directives, `$retainKeys`,
/// `$setElementOrder`, `$deleteFromPrimitiveList`, null deletion), JSON merge patch
/// (evanphx/json-patch `merge_test.go`) and JSON patch (its `patch_test.go`: every op, JSON
/// pointers with `~0`/`~1`, `-`, and their error texts).
@Suite struct PatchEngineTests {
  /// One patch of one manifest.
  struct Case: CustomStringConvertible, Sendable {
    var manifest: String
    var type: String
    var patch: String
    var description: String { "\(manifest) --type \(type) -p \(patch)" }

    init(_ manifest: String, _ type: String, _ patch: String) {
      self.manifest = manifest
      self.type = type
      self.patch = patch
    }
  }

  static let manifests: [String: String] = [
    "deploy.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      labels:
        app: web
        app.kubernetes.io/name: web
        tier: front
      finalizers: [a/one, b/two]
    spec:
      replicas: 2
      strategy:
        type: RollingUpdate
        rollingUpdate:
          maxSurge: 1
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          tolerations:
          - key: a
            operator: Exists
          containers:
          - name: nginx
            image: nginx:1.25
            args: [--one, --two]
            ports:
            - containerPort: 80
              name: http
            - containerPort: 9090
          - name: side
            image: busybox
          - name: log
            image: fluentd

    """,
    "pod.yaml": """
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
      annotations:
        a~b: tilde
    spec:
      volumes:
      - name: data
        configMap:
          name: cfg
      - name: cache
        emptyDir: {}
      containers:
      - name: app
        image: app:1
        env:
        - name: A
          value: "1"
        - name: B
          value: "2"
        volumeMounts:
        - name: data
          mountPath: /data
        - name: cache
          mountPath: /cache

    """,
    "pdb.yaml": """
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata:
      name: web
    spec:
      minAvailable: 1
      selector:
        matchLabels:
          app: web
          tier: front

    """,
    "node.yaml": """
    apiVersion: v1
    kind: Node
    metadata:
      name: n1
    spec:
      podCIDRs: [10.0.0.0/24]
      taints:
      - key: a
        effect: NoSchedule

    """,
    "job.yaml": """
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: j
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: c
            image: busybox
            env:
            - name: A
              value: "1"

    """,
    "svc.yaml": """
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
      - port: 80
        targetPort: 8080
        name: http
      - port: 443
        name: https

    """,
  ]

  static let strategicCases: [Case] = [
    Case("deploy.yaml", "strategic", #"{"spec":{"replicas":3}}"#),
    Case("deploy.yaml", "strategic", #"{"metadata":{"labels":{"env":"prod","tier":null}}}"#),
    Case(
      "deploy.yaml", "strategic",
      #"{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox:1.36"}]}}}}"#),
    Case(
      "deploy.yaml", "strategic", #"{"spec":{"template":{"spec":{"containers":[{"name":"new","image":"redis"}]}}}}"#),
    Case(
      "deploy.yaml", "strategic", #"{"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}}"#),
    Case(
      "deploy.yaml", "strategic",
      #"{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"x"},{"$patch":"replace"}]}}}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"selector":{"$patch":"replace","matchLabels":{"x":"y"}}}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"strategy":{"$patch":"delete"}}}"#),
    Case(
      "deploy.yaml", "strategic",
      #"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":443},{"containerPort":80,"name":"web"}]}]}}}}"#
    ),
    Case("deploy.yaml", "strategic", #"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{"maxSurge":2}}}}"#),
    Case(
      "deploy.yaml", "strategic",
      #"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"log"},{"name":"nginx"},{"name":"side"}]}}}}"#
    ),
    Case(
      "deploy.yaml", "strategic",
      #"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"nginx"}],"containers":[{"name":"nginx","image":"n:2"}]}}}}"#
    ),
    Case("deploy.yaml", "strategic", #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["a/one"]}}"#),
    Case("deploy.yaml", "strategic", #"{"metadata":{"finalizers":["c/three","a/one"]}}"#),
    Case(
      "deploy.yaml", "strategic", #"{"spec":{"template":{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}}}"#),
    Case(
      "deploy.yaml", "strategic",
      #"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","args":["--three"]}]}}}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"strategy":{"$patch":"foo"}}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"template":{"spec":{"containers":[{"$patch":"merge"}]}}}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}"#),
    Case(
      "deploy.yaml", "strategic",
      #"{"spec":{"template":{"spec":{"containers":[{"name":"n","image":"x","foo":null}]}}}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"paused":null,"extra":{"a":null,"b":1}}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"replicas":{"a":1}}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"replicas":3.0}}"#),
    Case("deploy.yaml", "strategic", #"{"spec":{"replicas":2}}"#),
    Case("deploy.yaml", "strategic", "spec: {replicas: 4, paused: true}"),
    Case("deploy.yaml", "strategic", "null"),
    Case("deploy.yaml", "strategic", "{"),
    Case("deploy.yaml", "strategic", #"{"spec":{"replicas":3}"#),
    Case("deploy.yaml", "strategic", "["),
    Case("deploy.yaml", "strategic", "a: b: c"),
    Case("deploy.yaml", "strategic", "[1]"),
    Case("deploy.yaml", "STRATEGIC", #"{"spec":{"replicas":5}}"#),
    Case(
      "pod.yaml", "strategic",
      #"{"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}"#),
    Case("pod.yaml", "strategic", #"{"spec":{"containers":[{"name":"app","env":[{"name":"A","$patch":"delete"}]}]}}"#),
    Case(
      "pod.yaml", "strategic",
      #"{"spec":{"containers":[{"name":"app","volumeMounts":[{"mountPath":"/data","readOnly":true}]}]}}"#),
    Case(
      "pod.yaml", "strategic",
      #"{"spec":{"volumes":[{"name":"data","$retainKeys":["name","emptyDir"],"emptyDir":{}}]}}"#),
    Case("pod.yaml", "strategic", #"{"spec":{"volumes":[{"name":"data","secret":{"secretName":"s"}}]}}"#),
    Case("svc.yaml", "strategic", #"{"spec":{"ports":[{"port":443,"targetPort":8443},{"port":8080,"name":"alt"}]}}"#),
    Case(
      "svc.yaml", "strategic", #"{"spec":{"ports":[{"port":80,"$patch":"delete"}],"selector":{"app":null,"v":"2"}}}"#),
  ]

  static let kindCases: [Case] = [
    Case("pdb.yaml", "strategic", #"{"spec":{"selector":{"matchLabels":{"app":"api"}}}}"#),
    Case("pdb.yaml", "merge", #"{"spec":{"selector":{"matchLabels":{"app":"api"}}}}"#),
    Case(
      "node.yaml", "strategic", #"{"spec":{"podCIDRs":["10.0.1.0/24"],"taints":[{"key":"b","effect":"NoExecute"}]}}"#),
    Case(
      "job.yaml", "strategic",
      #"{"spec":{"template":{"spec":{"containers":[{"name":"c","env":[{"name":"B","value":"2"}]}]}}}}"#),
  ]

  static let mergeCases: [Case] = [
    Case("deploy.yaml", "merge", #"{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"x"}]}}}}"#),
    Case("deploy.yaml", "merge", #"{"metadata":{"labels":{"tier":null,"new":"1"}},"spec":{"paused":true}}"#),
    Case("deploy.yaml", "merge", #"{"spec":{"extra":{"a":null,"b":{"c":null,"d":1}}}}"#),
    Case("deploy.yaml", "merge", #"{"spec":{"strategy":"Recreate"}}"#),
    Case("deploy.yaml", "merge", #"{"spec":{"replicas":2}}"#),
    Case("deploy.yaml", "merge", #""x""#),
    Case("deploy.yaml", "merge", "null"),
    Case("deploy.yaml", "merge", "[1]"),
    Case("deploy.yaml", "merge", #"{"spec":"#),
    Case("svc.yaml", "merge", #"{"spec":{"ports":[{"port":8080}]}}"#),
  ]

  static let jsonCases: [Case] = [
    Case("deploy.yaml", "json", #"[{"op":"replace","path":"/spec/replicas","value":7}]"#),
    Case(
      "deploy.yaml", "json",
      #"[{"op":"add","path":"/spec/template/spec/containers/0","value":{"name":"first","image":"a"}}]"#),
    Case(
      "deploy.yaml", "json",
      #"[{"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"last","image":"z"}}]"#),
    Case(
      "deploy.yaml", "json",
      #"[{"op":"add","path":"/spec/template/spec/containers/-1","value":{"name":"neg","image":"z"}}]"#),
    Case("deploy.yaml", "json", #"[{"op":"remove","path":"/metadata/labels/app.kubernetes.io~1name"}]"#),
    Case("pod.yaml", "json", #"[{"op":"replace","path":"/metadata/annotations/a~0b","value":"x"}]"#),
    Case("deploy.yaml", "json", #"[{"op":"move","from":"/metadata/labels/tier","path":"/metadata/labels/layer"}]"#),
    Case(
      "deploy.yaml", "json",
      #"[{"op":"copy","from":"/spec/template/spec/containers/0","path":"/spec/template/spec/containers/-"}]"#),
    Case(
      "deploy.yaml", "json",
      #"[{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":4}]"#),
    Case("deploy.yaml", "json", #"[{"op":"test","path":"/spec/replicas","value":5}]"#),
    Case("deploy.yaml", "json", #"[{"op":"test","path":"/spec/nope","value":null}]"#),
    Case("deploy.yaml", "json", #"[{"op":"remove","path":"/spec/nope"}]"#),
    Case("deploy.yaml", "json", #"[{"op":"remove","path":"/spec/template/spec/containers/1"}]"#),
    Case("deploy.yaml", "json", #"[{"op":"remove","path":"/spec/template/spec/containers/7"}]"#),
    Case("deploy.yaml", "json", #"[{"op":"replace","path":"/spec/template/spec/containers/9","value":1}]"#),
    Case("deploy.yaml", "json", #"[{"op":"replace","path":"/spec/foo","value":1}]"#),
    Case("deploy.yaml", "json", #"[{"op":"add","path":"/x/y","value":1}]"#),
    Case("deploy.yaml", "json", #"[{"op":"add","path":"/spec/template/spec/containers/x","value":1}]"#),
    Case("deploy.yaml", "json", #"[{"op":"add","path":"/spec/paused"}]"#),
    Case("deploy.yaml", "json", #"[{"op":"foo","path":"/a"}]"#),
    Case("deploy.yaml", "json", #"[{"path":"/a"}]"#),
    Case("deploy.yaml", "json", #"[{"op":"add","value":1}]"#),
    Case("deploy.yaml", "json", #"[{"op":"replace","value":1}]"#),
    Case("deploy.yaml", "json", #"[{"op":"move","from":"/spec/nope","path":"/spec/x"}]"#),
    Case("deploy.yaml", "json", #"[{"op":"copy","from":"/spec/nope","path":"/spec/x"}]"#),
    Case("deploy.yaml", "json", #"[{"op":"move","path":"/spec/x"}]"#),
    Case("deploy.yaml", "json", #"{"spec":1}"#),
    Case("deploy.yaml", "json", #"{"spec":}"#),
    Case("deploy.yaml", "json", #"{"spec" 1}"#),
    Case("deploy.yaml", "json", "x"),
    Case("deploy.yaml", "json", #"{"a":1 "b"}"#),
    Case("deploy.yaml", "json", "{} x"),
    Case("deploy.yaml", "json", "{a:1}"),
    Case("deploy.yaml", "json", #"{"a":[tru]}"#),
    Case("deploy.yaml", "json", #"{"a":[1 2]}"#),
    Case("deploy.yaml", "json", #"{"a":"\q"}"#),
    Case("deploy.yaml", "json", #"{"a":-}"#),
    Case("deploy.yaml", "json", #"{"a":1.}"#),
    Case("deploy.yaml", "json", #"{"a":1e}"#),
    Case("deploy.yaml", "json", "{\"a\":\"\u{1}\"}"),
    Case("deploy.yaml", "json", #"{"a":'x'}"#),
    Case("deploy.yaml", "json", "{\"a\":\"\t\"}"),
    Case("deploy.yaml", "json", "[1]"),
    Case("deploy.yaml", "json", "[]"),
    Case("deploy.yaml", "json", "[{op: replace, path: /spec/replicas, value: 6}]"),
    Case("deploy.yaml", "json", "[{op: replace, path: /spec/replicas, value: 6}"),
    Case("deploy.yaml", "strategic", "spec:\n  replicas: [1,\n"),
    Case("deploy.yaml", "strategic", "spec:\n  x: y: z\n"),
    Case("deploy.yaml", "strategic", #""x"#),
  ]

  static let commandCases: [[String]] = [
    ["--type", "foo", "-p", "{}"],
    ["-p", "{}", "--patch-file", "patch.yaml"],
    ["-o", "wide", "-p", "{}"],
    ["-o", "name", "-p", #"{"spec":{"replicas":3}}"#],
    ["-p", #"{"spec":{"replicas":3}}"#],
    ["-p", #"{"spec":{"replicas":2}}"#],
    ["--dry-run=client", "-p", #"{"spec":{"replicas":3}}"#],
    ["--dry-run=server", "-p", "{}"],
    ["-o", "json", "-p", #"{"spec":{"replicas":3}}"#],
    ["--patch-file", "patch.yaml"],
    ["--patch-file", "bad.yaml"],
    ["--patch-file", "missing.yaml"],
    [],
  ]

  static let patchFiles = [
    "patch.yaml": "spec:\n  replicas: 8\n", "bad.yaml": "spec: [\n",
    // An apiVersion of only a slash (a reviewer's trap: its group is empty, not missing).
    "slash.yaml": "apiVersion: \"/\"\nkind: Widget\nmetadata: {name: x}\n",
  ]

  /// Our kubectl and the real one, on the same files, print the same and exit alike.
  func expectSame(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    try RealKubectl.expectSameOutput(
      arguments, files: Self.manifests.merging(Self.patchFiles) { first, _ in first }, sourceLocation: sourceLocation)
  }

  /// An object of an unknown kind whose apiVersion is "/" is patched locally as kubectl does.
  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func slashOnlyAPIVersion() throws {
    try expectSame(["patch", "--local", "-f", "slash.yaml", "--type", "merge", "-p", "{}"])
    var cluster = Cluster()
    let setEnv = Kubectl.run(
      ["set", "env", "-f", "slash.yaml", "--local", "A=b"], cluster: &cluster,
      files: VirtualDirectory(files: Self.patchFiles))
    #expect(setEnv.exitCode == 1)
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: strategicCases)
  func strategicMergePatchMatchesRealKubectl(_ patch: Case) throws {
    try expectSame(["patch", "--local", "-f", patch.manifest, "--type", patch.type, "-p", patch.patch, "-o", "yaml"])
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: kindCases)
  func kindSchemasMatchRealKubectl(_ patch: Case) throws {
    try expectSame(["patch", "--local", "-f", patch.manifest, "--type", patch.type, "-p", patch.patch, "-o", "yaml"])
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: mergeCases)
  func mergePatchMatchesRealKubectl(_ patch: Case) throws {
    try expectSame(["patch", "--local", "-f", patch.manifest, "--type", patch.type, "-p", patch.patch, "-o", "yaml"])
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: jsonCases)
  func jsonPatchMatchesRealKubectl(_ patch: Case) throws {
    try expectSame(["patch", "--local", "-f", patch.manifest, "--type", patch.type, "-p", patch.patch, "-o", "yaml"])
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: commandCases)
  func commandFlagsMatchRealKubectl(_ flags: [String]) throws {
    try expectSame(["patch", "--local", "-f", "deploy.yaml"] + flags)
  }
}
