import KubeSim
import Testing

@testable import Kubectl

/// `kubectl describe` for ConfigMaps, Secrets, Ingresses, Jobs, CronJobs and DaemonSets.
/// Expected texts: the v1.31+ ConfigMap layout from kubernetes/kubectl#1559 (merged as
/// kubernetes/kubernetes#123597), the Secret output of the "Managing Secrets using kubectl"
/// task page, and the Ingress example of the Ingress concept page; the rest from describe.go.
@Suite struct DescribeMoreKindsTests {
  @Test func configMapWithABlankLineAfterEachValue() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create configmap sample --from-literal=sample1=value1 --from-literal=sample2=value2")
    #expect(
      terminal.run("kubectl describe configmap sample").output == """
        Name:         sample
        Namespace:    default
        Labels:       <none>
        Annotations:  <none>

        Data
        ====
        sample1:
        ----
        value1

        sample2:
        ----
        value2


        BinaryData
        ====

        Events:  <none>

        """)
  }

  @Test func secretShowsSizesNotValues() {
    var terminal = Terminal()
    _ = terminal.run(
      #"kubectl create secret generic db-user-pass --from-literal=username=admin --from-literal=password='S!B\*d$zDsb='"#
    )
    #expect(
      terminal.run("kubectl describe secret db-user-pass").output == """
        Name:         db-user-pass
        Namespace:    default
        Labels:       <none>
        Annotations:  <none>

        Type:  Opaque

        Data
        ====
        password:  12 bytes
        username:  5 bytes

        """)
  }

  @Test func ingressRulesWithEndpointsAndMissingServices() throws {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment service1 --image=nginx:1.27")
    _ = terminal.run("kubectl expose deployment service1 --port=4200 --target-port=80")
    _ = terminal.run(
      "kubectl create ingress test --class=nginx --rule=foo.bar.com/foo=service1:4200 --rule=foo.bar.com/bar=service2:8080"
    )
    _ = terminal.run("sleep 30")
    let ip = try #require(terminal.cluster.listPods(namespace: "default").first?.status.podIP)
    #expect(
      terminal.run("kubectl describe ingress test").output == """
        Name:             test
        Labels:           <none>
        Namespace:        default
        Address:          
        Ingress Class:    nginx
        Default backend:  <default>
        Rules:
          Host         Path  Backends
          ----         ----  --------
          foo.bar.com  
                       /foo   service1:4200 (\(ip):80)
                       /bar   service2:8080 (<error: services "service2" not found>)
        Annotations:   <none>
        Events:        <none>

        """)
  }

  @Test func jobAfterItCompleted() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create job pi --image=busybox:1.36 -- echo 3.14")
    _ = terminal.run("sleep 60")
    let text = terminal.run("kubectl describe job pi").output
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "Name:             pi")
    #expect(lines.contains("Completions:      1"))
    #expect(lines.contains("Completion Mode:  NonIndexed"))
    #expect(lines.contains("Suspend:          false"))
    #expect(lines.contains("Backoff Limit:    6"))
    #expect(lines.contains("Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed"))
    #expect(lines.contains { $0.hasPrefix("Duration:         ") })
    #expect(lines.contains { $0.hasSuffix("job-controller  Job completed") })
  }

  @Test func cronJobTemplateAndSchedule() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create cronjob tick --image=busybox:1.36 --schedule='*/5 * * * *' -- date")
    let lines = terminal.run("kubectl describe cronjob tick").output.split(separator: "\n").map(String.init)
    #expect(
      Array(lines.prefix(13)) == [
        "Name:                          tick", "Namespace:                     default",
        "Labels:                        <none>", "Annotations:                   <none>",
        "Schedule:                      */5 * * * *", "Concurrency Policy:            Allow",
        "Suspend:                       False", "Successful Job History Limit:  3",
        "Failed Job History Limit:      1", "Starting Deadline Seconds:     <unset>",
        "Selector:                      <unset>", "Parallelism:                   <unset>",
        "Completions:                   <unset>",
      ])
    #expect(lines.contains("Last Schedule Time:  <unset>"))
    #expect(lines.contains("Active Jobs:         <none>"))
  }

  /// The node counts are written with a space, not a tab, so they are not aligned.
  @Test func daemonSetCountsAndTolerations() {
    var terminal = Terminal()
    let lines = terminal.run("kubectl describe ds kube-proxy -n kube-system").output.split(separator: "\n").map(
      String.init)
    #expect(lines.contains("Desired Number of Nodes Scheduled: 3"))
    #expect(lines.contains("Number of Nodes Misscheduled: 0"))
    #expect(lines.contains("Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed"))
    #expect(lines.contains { $0.hasPrefix("  Tolerations:") && $0.hasSuffix("op=Exists") })
    #expect(lines.contains { $0.hasPrefix("  Priority Class Name:") && $0.hasSuffix("system-node-critical") })
  }

  /// `describeStatefulSet` with `describeVolumeClaimTemplates` (access modes printed as a Go
  /// slice, the storage class empty when the template names none).
  @Test func statefulSetWithClaimTemplates() {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = StatefulSetCommandTests.manifest(replicas: 2)
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status sts/web")
    let text = terminal.run("kubectl describe statefulset web").output
    #expect(
      text.contains(
        "Replicas:           2 desired | 2 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\n"))
    #expect(text.contains("Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n"))
    #expect(
      text.contains(
        "Volume Claims:\n  Name:          www\n  StorageClass:  \n  Labels:        <none>\n  Annotations:   <none>\n  Capacity:      1Gi\n  Access Modes:  [ReadWriteOnce]\n"
      ))
    #expect(text.contains("statefulset-controller  create Pod web-1 in StatefulSet web successful"))
  }
}
