import KubeSim
import Testing

@testable import Kubectl

/// Tab completion of kubectl lines in `kubebook shell`: subcommands, flags from each
/// command's own flag table, resource types, `TYPE/NAME`, and the names of objects that
/// exist — which change as the cluster does.
@Suite struct KubectlCompletionTests {
  func complete(_ words: [String], _ partial: String, _ terminal: Terminal) -> [String] {
    KubectlCompletion.candidates(after: words, partial: partial, cluster: terminal.cluster, files: terminal.files)
  }

  @Test func commandsTypesAndNames() {
    var terminal = Terminal(files: VirtualDirectory(files: ["web.yaml": "", "db/pv.yaml": ""]))
    #expect(complete([], "ro", terminal) == ["rollout"])
    // As `kubectl __complete de` lists them.
    #expect(complete([], "de", terminal) == ["debug", "delete", "describe"])
    #expect(complete(["get"], "dep", terminal) == ["deployments"])
    #expect(complete(["get"], "al", terminal) == ["all"])
    #expect(complete(["describe"], "al", terminal) == [])
    #expect(complete(["get", "deployments"], "", terminal) == [])
    _ = terminal.run("kubectl create deployment web --image=nginx")
    _ = terminal.run("kubectl create deployment worker --image=busybox")
    #expect(complete(["get", "deployments"], "", terminal) == ["web", "worker"])
    #expect(complete(["get", "deploy"], "wo", terminal) == ["worker"])
    #expect(complete(["delete"], "deployment/w", terminal) == ["deployment/web", "deployment/worker"])
    #expect(complete(["get", "pods"], "web-", terminal).count == 1)
    #expect(
      complete(["scale"], "", terminal) == ["deployments", "replicasets", "replicationcontrollers", "statefulsets"])
    #expect(complete(["rollout"], "", terminal) == ["history", "pause", "restart", "resume", "status", "undo"])
    #expect(complete(["rollout", "status"], "", terminal) == ["daemonset/", "deployment/", "statefulset/"])
    #expect(complete(["rollout", "status"], "deployment/we", terminal) == ["deployment/web"])
    #expect(complete(["rollout", "status", "deployment/web"], "", terminal) == [])
    #expect(complete(["create"], "", terminal).contains("deployment"))
    #expect(
      complete(["create", "service"], "", terminal) == ["clusterip", "externalname", "loadbalancer", "nodeport"])
    #expect(complete(["cordon"], "", terminal) == ["control-plane", "worker-1", "worker-2"])
    #expect(complete(["apply", "-f"], "", terminal) == ["db/pv.yaml", "web.yaml"])
    #expect(complete([], "re", terminal) == ["replace"])
    #expect(complete(["edit"], "deployment/w", terminal) == ["deployment/web", "deployment/worker"])
    #expect(complete(["diff", "-f"], "w", terminal) == ["web.yaml"])
    // `-f` of `logs` is --follow, which takes no value: the pod's name comes next.
    #expect(complete(["logs", "-f"], "web-", terminal).count == 1)
    #expect(complete(["get", "pods", "-o"], "y", terminal) == ["yaml"])
  }

  @Test func namespacesAndFlags() {
    let terminal = Terminal()
    #expect(complete(["get", "pods", "-n"], "kube-", terminal) == ["kube-node-lease", "kube-public", "kube-system"])
    #expect(complete(["-n", "kube-system", "get", "pods"], "etcd", terminal) == ["etcd-control-plane"])
    #expect(
      complete(["get", "pods", "--namespace=kube-system"], "kube-sch", terminal) == [
        "kube-scheduler-control-plane"
      ])
    // What `kubectl __complete get pods --show` offers too.
    #expect(
      complete(["get", "pods"], "--show", terminal) == ["--show-kind", "--show-labels", "--show-managed-fields"])
    #expect(complete(["get"], "--all-n", terminal) == ["--all-namespaces"])
    #expect(complete(["rollout", "status"], "--ti", terminal) == ["--timeout"])
    // `create deployment`'s own flags, not `create`'s.
    #expect(complete(["create", "deployment", "web"], "--rep", terminal) == ["--replicas"])
    #expect(complete(["create", "deployment", "web"], "--na", terminal) == ["--namespace"])
    // The pod commands' own flags.
    #expect(complete(["debug", "web"], "--copy", terminal) == ["--copy-to"])
    #expect(complete(["port-forward", "svc/web"], "--addr", terminal) == ["--address"])
    #expect(complete(["logs", "web"], "--all-c", terminal) == ["--all-containers"])
    #expect(complete(["run", "x"], "--r", terminal) == ["--restart", "--rm"])
    // A value after a flag that takes one is not taken for a resource type.
    #expect(complete(["get", "-l", "app=web"], "nod", terminal) == ["nodes"])
  }
}
