import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl set env` and `kubectl set resources` against the simulated cluster: the edited
/// template goes through the kind's manifest handler, so a Deployment rolls out a new
/// ReplicaSet whose pods carry the change. The printed lines follow kubectl's `set_env.go`
/// and `set_resources.go` (the printer's `<kind>.<group>/<name>` and the operation, `env
/// updated` or `resource requirements updated`, as the real binary prints them in
/// ``SetEnvLocalTests``); the API errors follow the API server's update validation.
@Suite struct SetEnvCommandTests {
  static func started() -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.25 --replicas=2")
    _ = terminal.run("kubectl rollout status deployment/web")
    return terminal
  }

  static func pods(_ terminal: Terminal) -> [Pod] {
    Pod.list(in: terminal.cluster, namespace: "default").filter { $0.metadata.deletionTimestamp == nil }
  }

  @Test func setEnvStartsARollout() {
    var terminal = Self.started()
    let before = Set(ReplicaSet.list(in: terminal.cluster, namespace: "default").map(\.metadata.name))
    let result = terminal.run("kubectl set env deployment/web GREETING=hello MODE=fast")
    #expect(result.output == "deployment.apps/web env updated\n")
    #expect(result.exitCode == 0)
    _ = terminal.run("kubectl rollout status deployment/web")
    let after = ReplicaSet.list(in: terminal.cluster, namespace: "default")
    let new = after.filter { !before.contains($0.metadata.name) }
    #expect(new.count == 1)
    #expect(new.first?.replicas == 2)
    let pods = Self.pods(terminal)
    #expect(pods.count == 2)
    for pod in pods {
      #expect(pod.metadata.labels["pod-template-hash"] == new.first?.metadata.labels["pod-template-hash"])
      #expect(pod.spec.containers[0].env.map(\.name) == ["GREETING", "MODE"])
      #expect(pod.spec.containers[0].env.map(\.value) == ["hello", "fast"])
    }
    // Removing one and listing: `# <Kind> <name>, container <name>` then KEY=VALUE lines.
    #expect(terminal.run("kubectl set env deploy/web MODE-").output == "deployment.apps/web env updated\n")
    #expect(
      terminal.run("kubectl set env deployment/web --list").output
        == "# Deployment web, container nginx\nGREETING=hello\n")
    // The same value again changes nothing and prints nothing.
    let same = terminal.run("kubectl set env deployment/web GREETING=hello")
    #expect(same.output == "")
    #expect(same.exitCode == 0)
  }

  @Test func dryRunAndOutputLeaveTheClusterOrPrintIt() {
    var terminal = Self.started()
    let dryRun = terminal.run("kubectl set env deployment/web A=1 --dry-run=client")
    #expect(dryRun.output == "deployment.apps/web env updated (dry run)\n")
    #expect(Deployment.get("web", namespace: "default", in: terminal.cluster)?.template.spec.containers[0].env == [])
    let yaml = terminal.run("kubectl set env deployment/web A=1 -o yaml").output
    #expect(yaml.contains("      - env:\n        - name: A\n          value: \"1\"\n"))
    // The update's response: the new generation, the status the controllers have not yet
    // changed.
    #expect(yaml.contains("  generation: 2\n"))
    #expect(yaml.contains("  observedGeneration: 1\n"))
    #expect(yaml.hasPrefix("apiVersion: apps/v1\nkind: Deployment\n"))
  }

  @Test func fromConfigMapAndSecret() {
    var terminal = Self.started()
    _ = terminal.run("kubectl create configmap cfg --from-literal=log.level=debug")
    let result = terminal.run("kubectl set env deployment/web --from=configmap/cfg --prefix=APP_")
    #expect(result.output == "Warning: key log.level transferred to LOG_LEVEL\ndeployment.apps/web env updated\n")
    #expect(
      terminal.run("kubectl set env deployment/web --list").output
        == "# Deployment web, container nginx\n# APP_LOG_LEVEL from configmap cfg, key log.level\n")
    let missing = terminal.run("kubectl set env deployment/web --from=secret/nope")
    #expect(missing.output == "Error from server (NotFound): secrets \"nope\" not found\n")
    #expect(missing.exitCode == 1)
  }

  @Test func setResourcesStartsARollout() {
    var terminal = Self.started()
    let result = terminal.run("kubectl set resources deployment/web --limits=cpu=200m,memory=512Mi --requests=cpu=0.1")
    #expect(result.output == "deployment.apps/web resource requirements updated\n")
    _ = terminal.run("kubectl rollout status deployment/web")
    let pods = Self.pods(terminal)
    #expect(pods.count == 2)
    for pod in pods {
      #expect(pod.spec.containers[0].resources.limits == ["cpu": 200, "memory": 512 << 20])
      // The API server defaults a request to its limit where the request is missing.
      #expect(pod.spec.containers[0].resources.requests == ["cpu": 100, "memory": 512 << 20])
    }
    let invalid = terminal.run("kubectl set resources deployment/web --limits=cpu=abc")
    #expect(
      invalid.output
        == "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n")
    let container = terminal.run("kubectl set resources deployment/web --limits=cpu=1 -c nope")
    #expect(container.output == "error: unable to find container named nope\n")
    #expect(container.exitCode == 1)
  }

  @Test func otherKindsAndTheAPIServersRefusals() {
    var terminal = Self.started()
    _ = terminal.run("kubectl run p --image=nginx:1.25")
    _ = terminal.run("kubectl wait --for=condition=Ready pod/p")
    // `ValidatePodUpdate`: a pod's environment may not change; kubectl wraps the Status.
    let pod = terminal.run("kubectl set env pod/p A=1")
    #expect(pod.exitCode == 1)
    #expect(
      pod.output.hasPrefix(
        "error: failed to patch env update to pod template: Pod \"p\" is invalid: spec: Forbidden: pod updates may not change fields"
      ))
    // Listing a pod's environment is fine.
    #expect(terminal.run("kubectl set env pod/p --list").output == "# Pod p, container p\n")
    // A Job's template is immutable.
    _ = terminal.run("kubectl create job j --image=busybox -- sleep 5")
    let job = terminal.run("kubectl set env job/j A=1")
    #expect(job.exitCode == 1)
    #expect(job.output.hasPrefix("error: failed to patch env update to pod template: Job.batch \"j\" is invalid"))
    // Other kinds with templates take the change.
    _ = terminal.run("kubectl create cronjob c --image=busybox --schedule='*/5 * * * *'")
    #expect(terminal.run("kubectl set env cronjob/c A=1").output == "cronjob.batch/c env updated\n")
    #expect(
      CronJob.get("c", namespace: "default", in: terminal.cluster)?.jobTemplate.template.spec.containers[0].env.map(
        \.name) == ["A"])
    let notFound = terminal.run("kubectl set env deployment/nope A=1")
    #expect(notFound.output == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
    let service = terminal.run("kubectl set env service/kubernetes A=1")
    #expect(
      service.output
        == "error: service/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n")
  }

  @Test func allObjectsOfAType() {
    var terminal = Self.started()
    _ = terminal.run("kubectl create deployment api --image=nginx:1.25")
    let result = terminal.run("kubectl set env deployments --all ENV=prod")
    #expect(result.output == "deployment.apps/api env updated\ndeployment.apps/web env updated\n")
    let noName = terminal.run("kubectl set env deployments ENV=prod")
    #expect(noName.output == "error: resource(s) were provided, but no name was specified\n")
  }
}
