import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl get|delete --field-selector` against the simulated v1.32 API server. The fields
/// each kind accepts are `pkg/apis/core/v1/conversion.go` and `pkg/apis/batch/v1/
/// conversion.go` (`AddFieldLabelConversionFunc`), or apimachinery's
/// `runtime.DefaultMetaV1FieldSelectorConversion` (`pkg/runtime/conversion.go`) for a kind
/// without one; values come from the registries' `ToSelectableFields`. Errors are
/// `fields.ParseSelector`'s or the conversion's, worded by cli-runtime's `EnhanceListError`
/// (`pkg/resource/helper.go`: `Unable to find %q that match label selector %q, field selector
/// %q: %v`); the ReplicaSet one is the real v1.34 output quoted in kubernetes/kubernetes#135136.
@Suite struct FieldSelectorCommandTests {
  /// Three `web` pods spread over the workers, and one pod that has finished.
  static func terminal() -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=3")
    _ = terminal.run("kubectl rollout status deployment/web")
    _ = terminal.run("kubectl run once --image=busybox:1.36 --restart=Never -- true")
    _ = terminal.run("sleep 20")
    return terminal
  }

  /// The names of the pods in `namespace` for which `keep` holds, in list order.
  static func podNames(_ terminal: Terminal, where keep: (Pod) -> Bool) -> [String] {
    terminal.cluster.listPods(namespace: "default").filter(keep).map(\.metadata.name)
  }

  /// The NAME column of a `kubectl get` table.
  static func names(_ output: String) -> [String] {
    output.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }
  }

  @Test func podsByPhase() {
    var terminal = Self.terminal()
    let running = Self.podNames(terminal) { $0.status.phase == .running }
    let succeeded = Self.podNames(terminal) { $0.status.phase == .succeeded }
    #expect(running.count == 3 && succeeded == ["once"])
    #expect(Self.names(terminal.run("kubectl get pods --field-selector status.phase=Running").output) == running)
    #expect(Self.names(terminal.run("kubectl get pods --field-selector=status.phase==Succeeded").output) == succeeded)
    #expect(
      Self.names(terminal.run("kubectl get pods --field-selector status.phase!=Running").output) == succeeded)
    #expect(
      terminal.run("kubectl get pods --field-selector status.phase=Failed").output
        == "No resources found in default namespace.\n")
  }

  @Test func podsByNodeAndName() throws {
    var terminal = Self.terminal()
    let web = Self.podNames(terminal) { $0.metadata.labels["app"] == "web" }
    let node = try #require(terminal.cluster.listPods(namespace: "default").first?.spec.nodeName)
    let onNode = Self.podNames(terminal) { $0.spec.nodeName == node }
    let offNode = Self.podNames(terminal) { $0.spec.nodeName != node }
    #expect(!onNode.isEmpty && !offNode.isEmpty)
    #expect(Self.names(terminal.run("kubectl get pods --field-selector spec.nodeName=\(node)").output) == onNode)
    #expect(Self.names(terminal.run("kubectl get pods --field-selector spec.nodeName!=\(node)").output) == offNode)
    // Pods' legacy `spec.host` is converted to `spec.nodeName`.
    #expect(Self.names(terminal.run("kubectl get pods --field-selector spec.host=\(node)").output) == onNode)
    #expect(
      terminal.run("kubectl get pods --field-selector metadata.name=\(web[1]) -o name").output == "pod/\(web[1])\n")
    // Several terms must all hold, whatever their order.
    let both = Self.podNames(terminal) { $0.spec.nodeName == node && $0.status.phase == .running }
    #expect(
      Self.names(terminal.run("kubectl get pods --field-selector status.phase=Running,spec.nodeName=\(node)").output)
        == both)
    #expect(
      Self.names(
        terminal.run("kubectl get pods --field-selector metadata.namespace=default,metadata.name!=\(web[0])").output)
        == Self.podNames(terminal) { $0.metadata.name != web[0] })
  }

  @Test func kindsWithMoreFields() {
    var terminal = Self.terminal()
    #expect(
      Self.names(terminal.run("kubectl get svc --field-selector spec.type=ClusterIP").output) == ["kubernetes"])
    #expect(Self.names(terminal.run("kubectl get nodes --field-selector spec.unschedulable=false").output).count == 3)
    _ = terminal.run("kubectl cordon worker-1")
    #expect(
      Self.names(terminal.run("kubectl get nodes --field-selector spec.unschedulable=true").output) == ["worker-1"])
    #expect(
      Self.names(terminal.run("kubectl get ns --field-selector status.phase=Active,metadata.name=default").output)
        == ["default"])
  }

  @Test func eventsByInvolvedObject() {
    var terminal = Self.terminal()
    let output = terminal.run("kubectl get events --field-selector involvedObject.name=web").output
    let lines = output.split(separator: "\n").dropFirst()
    #expect(!lines.isEmpty)
    #expect(lines.allSatisfy { $0.contains(" deployment/web ") })
    let warnings = terminal.run("kubectl get events --field-selector type=Warning")
    #expect(warnings.output == "No resources found in default namespace.\n")
    let pods = terminal.run("kubectl get events --field-selector involvedObject.kind=Pod,reason=Scheduled").output
    #expect(pods.split(separator: "\n").dropFirst().count == 4)
  }

  @Test func deleteBySelector() {
    var terminal = Self.terminal()
    let result = terminal.run("kubectl delete pods --field-selector status.phase=Succeeded")
    #expect(result.output == "pod \"once\" deleted\n")
    #expect(terminal.cluster.listPods(namespace: "default").count == 3)
  }

  @Test(
    arguments: [
      (
        "kubectl get pods --field-selector foo=bar",
        #"Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo"#
      ),
      (
        "kubectl get pods -l app=web --field-selector x",
        #"Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app=web", field selector "x": invalid selector: 'x'; can't understand 'x'"#
      ),
      (
        "kubectl get rs --field-selector status.replicas=0",
        #"Error from server (BadRequest): Unable to find "apps/v1, Resource=replicasets" that match label selector "", field selector "status.replicas=0": "status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace""#
      ),
      (
        "kubectl get jobs --field-selector status.succeeded=1",
        #"Error from server (BadRequest): Unable to find "batch/v1, Resource=jobs" that match label selector "", field selector "status.succeeded=1": field label "status.succeeded" not supported for batchv1.Job"#
      ),
      (
        "kubectl get nodes --field-selector metadata.namespace=",
        #"Error from server (BadRequest): Unable to find "/v1, Resource=nodes" that match label selector "", field selector "metadata.namespace=": field label not supported: metadata.namespace"#
      ),
      (
        "kubectl get events --field-selector involvedObject.name=web,bogus=1",
        #"Error from server (BadRequest): Unable to find "/v1, Resource=events" that match label selector "", field selector "involvedObject.name=web,bogus=1": field label not supported: bogus"#
      ),
      (
        #"kubectl get pods --field-selector 'k=\'"#,
        #"Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "k=\\": invalid field selector: invalid escape sequence: \"#
      ),
      ("kubectl get pods web --field-selector a=b", "error: name cannot be provided when a selector is specified"),
      ("kubectl delete pods web --field-selector a=b", "error: name cannot be provided when a selector is specified"),
      (
        "kubectl delete pods --all --field-selector a=b",
        "error: setting 'all' parameter but found a non empty selector. "
      ),
      ("kubectl delete pods --all -l a=b", "error: setting 'all' parameter but found a non empty selector. "),
      (
        "kubectl delete pods --field-selector bogus=1",
        #"Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "bogus=1": field label not supported: bogus"#
      ),
      (
        "kubectl get pod/web --field-selector a=b",
        "error: selectors and the all flag cannot be used when passing resource/name arguments"
      ),
    ] as [(String, String)])
  func errors(line: String, message: String) {
    var terminal = Terminal()
    let result = terminal.run(line)
    #expect(result.exitCode == 1)
    #expect(result.output == message + "\n")
  }
}
