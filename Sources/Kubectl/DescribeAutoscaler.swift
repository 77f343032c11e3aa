import KubeSim

extension DescribeCommand {
  /// `describeHorizontalPodAutoscalerV2` for a CPU utilization target.
  static func describeAutoscaler(_ hpa: HorizontalPodAutoscaler, cluster: Cluster) -> String {
    var text = metadataLines(hpa.metadata)
    text += "CreationTimestamp:\t\(rfc1123(hpa.metadata.creationTimestamp))\n"
    text += "Reference:\t\(hpa.targetKind)/\(hpa.targetName)\n"
    text += "Metrics:\t( current / target )\n"
    let current =
      hpa.currentUtilization.map { utilization in
        "\(utilization)% (\(hpa.currentAverageMillicores ?? 0)m)"
      } ?? "<unknown>"
    text += "  resource cpu on pods  (as a percentage of request):\t\(current) / \(hpa.targetCPUUtilization)%\n"
    text += "Min replicas:\t\(hpa.minReplicas)\n"
    text += "Max replicas:\t\(hpa.maxReplicas)\n"
    if let behavior = hpa.behavior {
      text += "Behavior:\n"
      text += behaviorLines("Scale Up", behavior.scaleUp)
      text += behaviorLines("Scale Down", behavior.scaleDown)
    }
    text += "\(hpa.targetKind) pods:\t\(hpa.currentReplicas) current / \(hpa.desiredReplicas) desired\n"
    if !hpa.conditions.isEmpty {
      text += "Conditions:\n  Type\tStatus\tReason\tMessage\n  ----\t------\t------\t-------\n"
      for type in ["AbleToScale", "ScalingActive", "ScalingLimited"] {
        guard let condition = hpa.conditions.first(where: { $0.type == type }) else { continue }
        text += "  \(condition.type)\t\(condition.status)\t\(condition.reason)\t\(condition.message)\n"
      }
    }
    return text
  }

  /// `printDirectionBehavior`: one direction's window, select policy and policies.
  static func behaviorLines(_ direction: String, _ rules: HorizontalPodAutoscalerBehavior.Rules) -> String {
    var text = "  \(direction):\n"
    if let window = rules.stabilizationWindowSeconds {
      text += "    Stabilization Window: \(window) seconds\n"
    }
    if !rules.policies.isEmpty {
      text += "    Select Policy: \(rules.selectPolicy)\n    Policies:\n"
      for policy in rules.policies {
        text += "      - Type: \(policy.type)\tValue: \(policy.value)\tPeriod: \(policy.periodSeconds) seconds\n"
      }
    }
    return text
  }
}
