import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl describe` against the layouts in `docs/reference/kubectl-output.md` §6.2, §6.3 and §6.5, with
/// only the values that depend on the run (hash, times, names, ids) substituted.
@Suite struct DescribeTests {
  func rolledOut() -> Cluster {
    SimulatedKubectl.cluster(after: [
      "kubectl create deployment nginx --image=nginx:1.14.2 --replicas=3 --port=80",
      "kubectl rollout status deployment/nginx",
    ])
  }

  func describe(_ line: String, _ cluster: inout Cluster) -> String {
    SimulatedKubectl.run(line, cluster: &cluster).output
  }

  @Test func deploymentMatchesTheReferenceLayout() {
    var cluster = rolledOut()
    let set = cluster.listReplicaSets(namespace: "default")[0].metadata.name
    let created = DescribeCommand.rfc1123(cluster.deployments["default/nginx"]!.metadata.creationTimestamp)
    let age = HumanDuration.format(
      milliseconds: cluster.now.milliseconds
        - cluster.deployments["default/nginx"]!.metadata.creationTimestamp.milliseconds)
    #expect(
      describe("kubectl describe deployment nginx", &cluster) == """
        Name:                   nginx
        Namespace:              default
        CreationTimestamp:      \(created)
        Labels:                 app=nginx
        Annotations:            deployment.kubernetes.io/revision: 1
        Selector:               app=nginx
        Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
        StrategyType:           RollingUpdate
        MinReadySeconds:        0
        RollingUpdateStrategy:  25% max unavailable, 25% max surge
        Pod Template:
          Labels:  app=nginx
          Containers:
           nginx:
            Image:         nginx:1.14.2
            Port:          80/TCP
            Host Port:     0/TCP
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Conditions:
          Type           Status  Reason
          ----           ------  ------
          Available      True    MinimumReplicasAvailable
          Progressing    True    NewReplicaSetAvailable
        OldReplicaSets:  <none>
        NewReplicaSet:   \(set) (3/3 replicas created)
        Events:
          Type    Reason             Age   From                   Message
          ----    ------             ----  ----                   -------
          Normal  ScalingReplicaSet  \(age)    deployment-controller  Scaled up replica set \(set) from 0 to 3

        """)
  }

  @Test func replicaSetMatchesTheReferenceLayout() {
    var cluster = rolledOut()
    let set = cluster.listReplicaSets(namespace: "default")[0]
    let name = set.metadata.name
    let hash = set.metadata.labels["pod-template-hash"]!
    let output = describe("kubectl describe rs \(name)", &cluster)
    let expectedHead = """
      Name:           \(name)
      Namespace:      default
      Selector:       app=nginx,pod-template-hash=\(hash)
      Labels:         app=nginx
                      pod-template-hash=\(hash)
      Annotations:    deployment.kubernetes.io/desired-replicas: 3
                      deployment.kubernetes.io/max-replicas: 4
                      deployment.kubernetes.io/revision: 1
      Controlled By:  Deployment/nginx
      Replicas:       3 current / 3 desired
      Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed
      Pod Template:
        Labels:  app=nginx
                 pod-template-hash=\(hash)
        Containers:
         nginx:
          Image:         nginx:1.14.2
          Port:          80/TCP
          Host Port:     0/TCP
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type    Reason            Age   From                   Message
        ----    ------            ----  ----                   -------

      """
    #expect(output.hasPrefix(expectedHead))
    let eventLines = output.dropFirst(expectedHead.count).split(separator: "\n")
    #expect(eventLines.count == 3)
    #expect(
      eventLines.allSatisfy {
        $0.hasPrefix("  Normal  SuccessfulCreate  ") && $0.contains("replicaset-controller  Created pod: \(name)-")
      })
  }

  @Test func podMatchesTheReferenceLayout() {
    var cluster = rolledOut()
    let pod = cluster.listPods(namespace: "default")[0]
    let output = describe("kubectl describe pod \(pod.metadata.name)", &cluster)
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "Name:             \(pod.metadata.name)")
    #expect(lines[1] == "Namespace:        default")
    #expect(lines[2] == "Priority:         0")
    #expect(lines[3] == "Service Account:  default")
    #expect(lines[4] == "Node:             \(pod.spec.nodeName!)/\(pod.status.hostIP!)")
    #expect(lines.contains("IPs:"))
    #expect(lines.contains("  IP:           \(pod.status.podIP!)"))
    #expect(lines.contains("Controlled By:  ReplicaSet/\(pod.metadata.controller!.name)"))
    #expect(lines.contains("    State:          Running"))
    #expect(lines.contains("    Restart Count:  0"))
    #expect(lines.contains("  Type                        Status"))
    #expect(lines.contains("  PodReadyToStartContainers   True "))
    #expect(
      lines.contains(
        "    Type:                    Projected (a volume that contains injected data from multiple sources)"))
    #expect(lines.contains("QoS Class:                   BestEffort"))
    #expect(lines.contains("Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s"))
    #expect(lines.contains("                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s"))
    #expect(
      lines.contains("  Type    Reason     Age   From               Message")
        || lines.contains { $0.hasPrefix("  Type    Reason     Age") })
  }

  @Test func prefixMatchAndSeparators() {
    var cluster = rolledOut()
    let output = describe("kubectl describe pod nginx", &cluster)
    #expect(output.components(separatedBy: "\nName:").count == 3)
    #expect(output.contains("\n\n\nName:"), "two empty lines between objects")
    #expect(
      describe("kubectl describe deployment nothere", &cluster)
        == "Error from server (NotFound): deployments.apps \"nothere\" not found\n")
  }

  @Test func noEventsAlignsWithTheBlockAbove() {
    var cluster = Cluster()
    var d = Deployment(
      metadata: ObjectMeta(name: "x", namespace: "default", labels: ["app": "x"]),
      selector: SelectorSpec(matchLabels: ["app": "x"]),
      template: PodTemplate(labels: ["app": "x"], spec: PodSpec(containers: [Container(name: "x", image: "x")])))
    d.replicas = 0
    _ = try? cluster.createDeployment(d)
    let text = DescribeCommand.describe(cluster.deployments["default/x"]!, cluster: cluster)
    // With no ReplicaSet lines, `Events:` joins the block that starts at `    Image:`
    // (widest label `    Environment:`), as the tabwriter's block rule says.
    #expect(text.hasSuffix("  Tolerations:     <none>\nEvents:            <none>\n"))
  }
}
