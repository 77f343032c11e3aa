import KubeSim

/// What kubectl knows about a PodDisruptionBudget.
extension PodDisruptionBudget: KubectlResource {
  /// `podDisruptionBudgetColumnDefinitions` (printers.go): no wide-only columns.
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Min Available"), .init(name: "Max Unavailable"),
    .init(name: "Allowed Disruptions"), .init(name: "Age"),
  ]

  /// `printPodDisruptionBudget`: `N/A` for the bound that is not set.
  func row(now: Timestamp) -> [String] {
    [
      metadata.name, minAvailable?.text ?? "N/A", maxUnavailable?.text ?? "N/A", String(status.disruptionsAllowed),
      TablePrinters.age(metadata.creationTimestamp, now: now),
    ]
  }

  /// `describePodDisruptionBudgetV1` (kubectl `pkg/describe/describe.go`): no labels or
  /// annotations; only the bound that is set; the status four levels in.
  static var describer: Describer<PodDisruptionBudget>? {
    Describer { budget, _ in
      var text = "Name:\t\(budget.metadata.name)\nNamespace:\t\(budget.metadata.namespace ?? "default")\n"
      if let minAvailable = budget.minAvailable {
        text += "Min available:\t\(minAvailable.text)\n"
      } else if let maxUnavailable = budget.maxUnavailable {
        text += "Max unavailable:\t\(maxUnavailable.text)\n"
      }
      text += "Selector:\t\(budget.selector?.formatted ?? "<unset>")\n"
      text += "Status:\n"
      text += "    Allowed disruptions:\t\(budget.status.disruptionsAllowed)\n"
      text += "    Current:\t\(budget.status.currentHealthy)\n"
      text += "    Desired:\t\(budget.status.desiredHealthy)\n"
      text += "    Total:\t\(budget.status.expectedPods)\n"
      return text
    }
  }

  static var manifest: ManifestHandler<PodDisruptionBudget>? {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(manifest, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
        let spec = manifest["spec"] ?? .object([])
        decoder.check(
          spec, path: "spec", known: ["minAvailable", "maxUnavailable", "selector", "unhealthyPodEvictionPolicy"])
        func amount(_ field: String) -> PodDisruptionBudget.Amount? {
          if case .string(let text)? = spec[field] { return .string(text) }
          return decoder.int32Field(spec[field], "PodDisruptionBudgetSpec.spec.\(field)").map { .int($0) }
        }
        var budget = PodDisruptionBudget(
          metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"),
          minAvailable: amount("minAvailable"), maxUnavailable: amount("maxUnavailable"),
          selector: spec["selector"].map { decoder.decodeSelector($0, path: "spec.selector") })
        budget.unhealthyPodEvictionPolicy = spec["unhealthyPodEvictionPolicy"]?.stringValue
        return budget
      },
      create: { budget, cluster throws(APIError) in try cluster.createPodDisruptionBudget(budget) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.minAvailable = desired.minAvailable
        merged.maxUnavailable = desired.maxUnavailable
        merged.selector = desired.selector
        merged.unhealthyPodEvictionPolicy = desired.unhealthyPodEvictionPolicy
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updatePodDisruptionBudget(merged)
        }
      })
  }

  static var patchSchema: PatchSchema { .podDisruptionBudget }

  static var deleter: Deleter<PodDisruptionBudget>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deletePodDisruptionBudget(name, namespace: namespace)
      return Deletion()
    }
  }
}
