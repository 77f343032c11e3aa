import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// The Quick Reference's `kubectl patch node NAME -p '{"spec":{"unschedulable":true}}'` and
/// `kubectl patch deployment NAME --subresource=scale --type=merge -p '{"spec":{"replicas":2}}'`.
@Suite struct PatchNodeAndScaleTests {
  @Test func patchingANodeCordonsLabelsAndTaintsIt() {
    var terminal = Terminal()
    #expect(
      terminal.run(#"kubectl patch node worker-1 -p '{"spec":{"unschedulable":true}}'"#).output
        == "node/worker-1 patched\n")
    // The node lifecycle controller's taint comes with spec.unschedulable, as with cordon.
    #expect(
      terminal.run("kubectl get node worker-1 -o jsonpath={.spec.taints[*].key}").output
        == "node.kubernetes.io/unschedulable")
    #expect(
      terminal.run(#"kubectl patch node worker-1 -p '{"spec":{"unschedulable":true}}'"#).output
        == "node/worker-1 patched (no change)\n")
    _ = terminal.run(#"kubectl patch node worker-1 --type=merge -p '{"metadata":{"labels":{"disk":"ssd"}}}'"#)
    #expect(terminal.run("kubectl get nodes -l disk=ssd -o name").output == "node/worker-1\n")
    _ = terminal.run(#"kubectl patch node worker-1 -p '{"spec":{"unschedulable":false}}'"#)
    #expect(terminal.run("kubectl get node worker-1 -o jsonpath={.spec.taints}").output == "")
    // What kubebook does not let a manifest change is said, not faked.
    let refused = terminal.run(#"kubectl patch node worker-1 -p '{"spec":{"podCIDR":"10.9.0.0/24"}}'"#)
    #expect(refused.exitCode == 1)
    #expect(refused.output.contains("kubebook does not simulate this patch of Node"))
  }

  @Test func creatingANodeFromAManifestIsRefused() {
    var terminal = Terminal(
      files: VirtualDirectory(files: ["node.yaml": "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-3\n"]))
    let result = terminal.run("kubectl apply -f node.yaml")
    #expect(result.exitCode == 1)
    #expect(result.output.contains("kubebook does not simulate creating Node objects"))
  }

  @Test func scaleSubresourcePatch() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment nginx-deployment --image=nginx:1.27 --replicas=3")
    #expect(
      terminal.run(
        #"kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'"#
      ).output == "deployment.apps/nginx-deployment patched\n")
    #expect(terminal.run("kubectl get deployment nginx-deployment -o jsonpath={.spec.replicas}").output == "2")
    let yaml = terminal.run(
      #"kubectl patch deployment nginx-deployment --subresource=scale --type=merge -p '{"spec":{"replicas":4}}' -o yaml"#
    ).output
    #expect(yaml.hasPrefix("apiVersion: autoscaling/v1\nkind: Scale\n"))
    #expect(yaml.contains("spec:\n  replicas: 4\n"))
    _ = terminal.run("kubectl run p --image=nginx:1.27")
    #expect(
      terminal.run(#"kubectl patch pod p --subresource=scale --type=merge -p '{"spec":{"replicas":2}}'"#).output
        == "Error from server (NotFound): the server could not find the requested resource\n")
  }
}
