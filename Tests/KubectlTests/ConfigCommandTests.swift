import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// ConfigMaps and Secrets: the generators against the real kubectl binary, the tables of
/// `docs/reference/kubectl-output.md` §3.15–3.16, how pods consume them (env fixed at start, files that
/// follow updates), the kubelet's CreateContainerConfigError, and `kubectl exec`.
@Suite struct ConfigCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create configmap my-cm --from-literal=key1=value1 --from-literal=key2=value2 --dry-run=client -o yaml",
      "create configmap app --from-literal=replicas=3 --from-literal=debug=true --from-literal=empty= --dry-run=client -o yaml",
      "create configmap my-cm --from-literal=key1=value1 --dry-run=client -o json",
      "create configmap my-cm --from-literal=key1=value1 --dry-run=client",
      "create configmap e --dry-run=client -o yaml",
      "create configmap my-cm --from-literal=key1 --dry-run=client",
      "create configmap my-cm --from-literal=k=a --from-literal=k=b --dry-run=client",
      "create configmap c --from-literal=bad!key=1 --dry-run=client -o yaml",
      "create secret generic my-secret --from-literal=username=admin --from-literal=password=s3cr3t --dry-run=client -o yaml",
      "create secret generic s --from-literal=a=b --type=Opaque --dry-run=client -o json",
      "create secret generic s --from-literal=a=b --from-literal=a=c --dry-run=client",
      "create secret generic c --from-literal=bad!key=1 --dry-run=client",
      "create secret generic my-secret --from-literal=username=admin --dry-run=client",
    ])
  func generatorsMatchRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func base64AsSecretsStoreIt() {
    // The §11 capture: admin → YWRtaW4=, s3cr3t → czNjcjN0, b → Yg==.
    #expect(Base64.encode("admin") == "YWRtaW4=")
    #expect(Base64.encode("s3cr3t") == "czNjcjN0")
    #expect(Base64.encode("b") == "Yg==")
    for text in ["", "a", "ab", "abc", "宿舍", "line\nbreak"] {
      #expect(Base64.decode(Base64.encode(text)) == text)
      #expect(Base64.encode(text) == Data(text.utf8).base64EncodedString())
    }
  }

  @Test func everyNamespaceHasTheRootCA() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl get cm").output.hasPrefix("NAME               DATA   AGE\nkube-root-ca.crt   1      10m\n"))
    _ = terminal.run("kubectl create configmap my-cm --from-literal=key1=value1 --from-literal=key2=value2")
    _ = terminal.run("kubectl create secret generic my-secret --from-literal=username=admin --from-literal=password=x")
    #expect(
      terminal.run("kubectl get cm").output
        == "NAME               DATA   AGE\nkube-root-ca.crt   1      10m\nmy-cm              2      0s\n")
    #expect(
      terminal.run("kubectl get secrets").output == "NAME        TYPE     DATA   AGE\nmy-secret   Opaque   2      0s\n")
  }

  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: app
        image: nginx:1.27
        env:
        - name: GREETING
          valueFrom:
            configMapKeyRef: {name: app-config, key: greeting}
        - name: PASSWORD
          valueFrom:
            secretKeyRef: {name: db, key: password}
        volumeMounts:
        - {name: config, mountPath: /etc/app, readOnly: true}
      volumes:
      - name: config
        configMap: {name: app-config}
    """

  /// A missing Secret keeps the container in CreateContainerConfigError; the kubelet retries
  /// every 10 s, recording both events again, and starts it once the Secret exists.
  @Test func missingSecretBlocksTheContainerUntilItExists() {
    var terminal = Terminal(files: VirtualDirectory(files: ["app.yaml": Self.pod]))
    _ = terminal.run("kubectl create configmap app-config --from-literal=greeting=hello")
    _ = terminal.run("kubectl apply -f app.yaml")
    _ = terminal.run("sleep 30")
    let pods = terminal.run("kubectl get pods").output
    #expect(pods.contains("app    0/1     CreateContainerConfigError   0          30s"))
    let events = terminal.run("kubectl describe pod app").output
    #expect(events.contains("Error: secret \"db\" not found"))
    #expect(events.contains("Warning  Failed     4s (x3 over 24s)  kubelet            Error: secret \"db\" not found"))
    _ = terminal.run("kubectl create secret generic db --from-literal=password=s3cr3t")
    _ = terminal.run("sleep 15")
    #expect(terminal.run("kubectl get pods").output.contains("app    1/1     Running   0          45s"))
    #expect(terminal.run("kubectl exec app -- printenv GREETING PASSWORD HOSTNAME").output == "hello\ns3cr3t\napp\n")
  }

  /// Variables are fixed when the container starts; mounted files follow the ConfigMap after
  /// the kubelet's next sync.
  @Test func environmentIsFixedButMountedFilesFollow() {
    var terminal = Terminal(files: VirtualDirectory(files: ["app.yaml": Self.pod]))
    _ = terminal.run("kubectl create configmap app-config --from-literal=greeting=hello")
    _ = terminal.run("kubectl create secret generic db --from-literal=password=s3cr3t")
    _ = terminal.run("kubectl apply -f app.yaml")
    _ = terminal.run("sleep 20")
    #expect(terminal.run("kubectl exec app -- ls /etc/app").output == "greeting\n")
    terminal.files.files["cm.yaml"] = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-config}
      data: {greeting: bonjour}
      """
    // `create` left no last-applied annotation: apply.go warns before patching (v0.32.4 line 734).
    #expect(
      terminal.run("kubectl apply -f cm.yaml").output.hasSuffix(
        "The missing annotation will be patched automatically.\nconfigmap/app-config configured\n"))
    #expect(terminal.run("kubectl exec app -- cat /etc/app/greeting").output == "hello")
    _ = terminal.run("sleep 60")
    #expect(terminal.run("kubectl exec app -- cat /etc/app/greeting").output == "bonjour")
    #expect(terminal.run("kubectl exec app -- printenv GREETING").output == "hello\n")
  }

  @Test func execErrors() {
    var terminal = Terminal()
    // Captured from the real kubectl binary: the pre-1.31 syntax is refused before any request.
    #expect(
      terminal.run("kubectl exec -it my-pod bash").output
        == "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"
    )
    #expect(terminal.run("kubectl exec").output == "error: pod, type/name or --filename must be specified\n")
    #expect(terminal.run("kubectl exec nope -- ls").output == "Error from server (NotFound): pods \"nope\" not found\n")
    _ = terminal.run("kubectl run web --image=nginx")
    #expect(
      terminal.run("kubectl exec web -- hostname").output
        == "error: unable to upgrade connection: container not found (\"web\")\n")
    _ = terminal.run("sleep 10")
    #expect(terminal.run("kubectl exec web -- hostname").output == "web\n")
    let missing = terminal.run("kubectl exec web -- printenv NOPE")
    #expect(missing.output == "command terminated with exit code 1\n")
    #expect(missing.exitCode == 1)
  }
}

/// `kubectl logs --previous`: the run before the last restart, or the kubelet's error when
/// there was none (`previous terminated container %q in pod %q not found`).
@Suite struct PreviousLogsTests {
  @Test func previousRunOrError() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx")
    _ = terminal.run("sleep 10")
    #expect(
      terminal.run("kubectl logs web --previous").output
        == "Error from server (BadRequest): previous terminated container \"web\" in pod \"web\" not found\n")
    _ = terminal.run("sim pod crash web")
    _ = terminal.run("sleep 5")
    let previous = terminal.run("kubectl logs web --previous").output
    let current = terminal.run("kubectl logs web").output
    #expect(previous.hasPrefix("/docker-entrypoint.sh"))
    #expect(previous != current, "the two runs started at different times")
  }
}
