import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// kubectl apply on an object `kubectl create` made: apply.go (kubectl v0.32.4, lines 174 and
/// 730–735) prints `warningNoLastAppliedConfigAnnotation` with `Info.ObjectName()`
/// (`<resource>/<name>`, cli-runtime visitor.go:149) unless the dry run is client-side, then
/// patches the annotation in.
@Suite struct ApplyMissingAnnotationTests {
  static let manifest = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      mode: fast
    """
  static let warning =
    "Warning: resource configmaps/settings is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n"

  @Test func warnsOnceThenTheAnnotationIsThere() {
    var terminal = Terminal()
    terminal.files.files["settings.yaml"] = Self.manifest
    _ = terminal.run("kubectl create configmap settings --from-literal=mode=slow")
    #expect(
      terminal.run("kubectl apply -f settings.yaml --dry-run=client").output
        == "configmap/settings configured (dry run)\n")
    #expect(
      terminal.run("kubectl apply -f settings.yaml --dry-run=server").output
        == Self.warning + "configmap/settings configured (server dry run)\n")
    #expect(terminal.run("kubectl apply -f settings.yaml").output == Self.warning + "configmap/settings configured\n")
    #expect(terminal.run("kubectl apply -f settings.yaml").output == "configmap/settings unchanged\n")
  }

  @Test func namespacesCreatedImperativelyWarnToo() {
    var terminal = Terminal()
    terminal.files.files["ns.yaml"] = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
    _ = terminal.run("kubectl create namespace shop")
    #expect(
      terminal.run("kubectl apply -f ns.yaml").output.hasPrefix(
        "Warning: resource namespaces/shop is missing the kubectl.kubernetes.io/last-applied-configuration annotation"))
  }
}
