import KubeSim
import Testing

@testable import Kubectl

/// The HPA (`docs/reference/controllers.md` §5): the worked example of §5.3, the printer's TARGETS column
/// (`docs/reference/kubectl-output.md` §3.12), and replicas within [min, max] under changing load.
@Suite struct AutoscalerCommandTests {
  static func deployment(replicas: Int, cpu: String) -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: \(replicas)
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx
            resources:
              requests: {cpu: \(cpu)}
    """
  }

  /// §5.3: 4 ready pods requesting 500m, 1400m in use → 70 % of a 50 % target → 6 replicas.
  @Test func workedExample() throws {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = Self.deployment(replicas: 4, cpu: "500m")
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    #expect(
      terminal.run("kubectl autoscale deployment web --min=1 --max=10 --cpu-percent=50").output
        == "horizontalpodautoscaler.autoscaling/web autoscaled\n")
    #expect(
      terminal.run("kubectl get hpa").output.contains(
        "web    Deployment/web   cpu: <unknown>/50%   1         10        0"))
    _ = terminal.run("sim load deployment/web cpu=1400m")
    _ = terminal.run("sleep 15")
    #expect(terminal.cluster.deployments["default/web"]?.replicas == 6)
    let hpa = try #require(terminal.cluster.autoscalers["default/web"])
    #expect(hpa.currentUtilization == 70)
    #expect(
      terminal.run("kubectl describe hpa web").output.contains(
        "New size: 6; reason: cpu resource utilization (percentage of request) above target"))
  }

  /// Under any load the target stays within [min, max]; scale-downs wait out the 5-minute
  /// stabilization window.
  @Test(arguments: [[300, 5, 900, 0, 50], [1000, 1000, 10, 10, 200]])
  func replicasStayWithinBounds(loads: [Int]) throws {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = Self.deployment(replicas: 2, cpu: "100m")
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    _ = terminal.run("kubectl autoscale deployment web --min=2 --max=6 --cpu-percent=60")
    var lastHigh: Int64?
    for load in loads {
      _ = terminal.run("sim load deployment/web cpu=\(load)%")
      for _ in 0..<8 {
        _ = terminal.run("sleep 15")
        let replicas = try #require(terminal.cluster.deployments["default/web"]?.replicas)
        #expect((2...6).contains(replicas))
        if replicas > 2 { lastHigh = terminal.cluster.now.milliseconds }
      }
    }
    #expect(lastHigh != nil)
  }
}
