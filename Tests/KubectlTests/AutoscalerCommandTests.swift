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

  /// A terminal with `web` (1 replica) rolled out, its pods requesting `cpu` unless nil.
  static func rolledOut(cpu: String?) -> Terminal {
    var terminal = Terminal()
    var manifest = Self.deployment(replicas: 1, cpu: cpu ?? "1")
    if cpu == nil { manifest = manifest.replacing("\n        resources:\n          requests: {cpu: 1}", with: "") }
    terminal.files.files["web.yaml"] = manifest
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    return terminal
  }

  /// Without a behavior, one sync moves 1 replica to at most `max(2 × 1, 4)` = 4, with
  /// `ScalingLimited=True ScaleUpLimit` since maxReplicas (10) is above that limit
  /// (`convertDesiredReplicasWithRules`); 20× the target would otherwise ask for 20.
  @Test func legacyScaleUpIsRateLimited() throws {
    var terminal = Self.rolledOut(cpu: "100m")
    _ = terminal.run("kubectl autoscale deployment web --min=1 --max=10 --cpu-percent=50")
    _ = terminal.run("sim load deployment/web cpu=1000m")
    _ = terminal.run("sleep 15")
    #expect(terminal.cluster.deployments["default/web"]?.replicas == 4)
    let limited = try #require(
      terminal.cluster.autoscalers["default/web"]?.conditions.first { $0.type == "ScalingLimited" })
    #expect(limited.status == .true)
    #expect(limited.reason == "ScaleUpLimit")
    #expect(limited.message == "the desired replica count is increasing faster than the maximum scale rate")
  }

  static let behaviorManifest = """
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: web}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
      maxReplicas: 10
      metrics:
      - type: Resource
        resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
      behavior:
        scaleUp:
          policies:
          - {type: Pods, value: 1, periodSeconds: 60}
        scaleDown:
          stabilizationWindowSeconds: 30
    """

  /// `spec.behavior`: the unset fields filled from `defaults.go` in `-o yaml`, kubectl's
  /// `printDirectionBehavior` in describe, and the scale-up policy of one pod a minute
  /// (`calculateScaleUpLimitWithScalingRules`).
  @Test func behaviorLimitsTheRate() throws {
    var terminal = Self.rolledOut(cpu: "100m")
    terminal.files.files["hpa.yaml"] = Self.behaviorManifest
    #expect(terminal.run("kubectl apply -f hpa.yaml").output == "horizontalpodautoscaler.autoscaling/web created\n")
    let yaml = terminal.run("kubectl get hpa web -o yaml").output
    #expect(
      yaml.contains(
        """
          behavior:
            scaleDown:
              policies:
              - periodSeconds: 15
                type: Percent
                value: 100
              selectPolicy: Max
              stabilizationWindowSeconds: 30
            scaleUp:
              policies:
              - periodSeconds: 60
                type: Pods
                value: 1
              selectPolicy: Max
              stabilizationWindowSeconds: 0
          maxReplicas: 10

        """))
    _ = terminal.run("sim load deployment/web cpu=1000m")
    _ = terminal.run("sleep 15")
    #expect(terminal.cluster.deployments["default/web"]?.replicas == 2)
    _ = terminal.run("sleep 45")
    #expect(terminal.cluster.deployments["default/web"]?.replicas == 2)
    _ = terminal.run("sleep 15")
    #expect(terminal.cluster.deployments["default/web"]?.replicas == 3)
    let describe = terminal.run("kubectl describe hpa web").output
    #expect(
      describe.contains(
        """
        Behavior:
          Scale Up:
            Stabilization Window: 0 seconds
            Select Policy: Max
            Policies:
              - Type: Pods  Value: 1  Period: 60 seconds
          Scale Down:
            Stabilization Window: 30 seconds
            Select Policy: Max
            Policies:

        """))
    #expect(describe.contains("  ScalingLimited  True    ScaleUpLimit "))
  }

  /// The API server's validation of a behavior (`validateScalingRules`, `validateScalingPolicy`).
  @Test func behaviorIsValidated() {
    var terminal = Self.rolledOut(cpu: "100m")
    terminal.files.files["hpa.yaml"] = Self.behaviorManifest.replacing(
      "type: Pods, value: 1", with: "type: Nodes, value: 0")
    let result = terminal.run("kubectl apply -f hpa.yaml")
    #expect(result.exitCode == 1)
    #expect(
      result.output.contains(
        "spec.behavior.scaleUp.policies[0].type: Unsupported value: \"Nodes\": supported values: \"Percent\", \"Pods\"")
    )
    #expect(
      result.output.contains("spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero"))
  }

  /// Pods without a CPU request: every sync records `getUnableComputeReplicaCountCondition`'s
  /// Warning and `reconcileAutoscaler`'s `FailedComputeMetricsReplicas`, folded by the event
  /// recorder into one event each with a count (texts of horizontal.go and replica_calculator.go's
  /// `calculatePodRequests`).
  @Test func missingRequestsWarnEverySync() throws {
    var terminal = Self.rolledOut(cpu: nil)
    _ = terminal.run("kubectl autoscale deployment web --max=10 --cpu-percent=50")
    _ = terminal.run("sleep 46")
    let pod = try #require(terminal.cluster.pods.values.first { $0.metadata.name.hasPrefix("web-") })
    let missing = "missing request for cpu in container web of Pod \(pod.metadata.name)"
    let warnings = terminal.cluster.events.filter { $0.involvedKind == "HorizontalPodAutoscaler" }
    #expect(warnings.map(\.reason) == ["FailedGetResourceMetric", "FailedComputeMetricsReplicas"])
    #expect(warnings.map(\.type) == [.warning, .warning])
    #expect(warnings.map(\.count) == [3, 3])
    #expect(warnings.first?.message == "failed to get cpu utilization: " + missing)
    #expect(
      warnings.last?.message
        == "invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: "
        + missing)
    #expect(
      terminal.run("kubectl describe hpa web").output.contains(
        "Warning  FailedGetResourceMetric       1s (x3 over 31s)"))
  }
}
