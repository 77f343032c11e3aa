import KubeSim

/// What kubectl knows about a PriorityClass.
extension PriorityClass: KubectlResource {
  /// `priorityClassColumnDefinitions` (printers.go, v1.32): PreemptionPolicy has priority 0 and
  /// the server always prints wide, so it is always shown.
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Value"), .init(name: "Global-Default"), .init(name: "Age"),
    .init(name: "PreemptionPolicy"),
  ]

  /// `printPriorityClass`.
  func row(now: Timestamp) -> [String] {
    [
      metadata.name, String(value), globalDefault ? "true" : "false",
      TablePrinters.age(metadata.creationTimestamp, now: now), preemptionPolicy,
    ]
  }

  /// `describePriorityClass` (kubectl v0.32 `describe.go`): annotations as one
  /// `labels.FormatLabels` line.
  static var describer: Describer<PriorityClass>? {
    Describer { priorityClass, _ in
      let annotations = priorityClass.metadata.annotations
      return "Name:\t\(priorityClass.metadata.name)\nValue:\t\(priorityClass.value)\n"
        + "GlobalDefault:\t\(priorityClass.globalDefault)\nPreemptionPolicy:\t\(priorityClass.preemptionPolicy)\n"
        + "Description:\t\(priorityClass.description)\n"
        + "Annotations:\t\(annotations.isEmpty ? "<none>" : annotations.keys.sorted().map { "\($0)=\(annotations[$0] ?? "")" }.joined(separator: ","))\n"
    }
  }

  static var manifest: ManifestHandler<PriorityClass>? {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(
          manifest, path: "",
          known: ["apiVersion", "kind", "metadata", "value", "globalDefault", "description", "preemptionPolicy"])
        var priorityClass = PriorityClass(
          metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"),
          value: decoder.int32Field(manifest["value"], "PriorityClass.value") ?? 0)
        priorityClass.globalDefault =
          decoder.boolField(manifest["globalDefault"], "PriorityClass.globalDefault") ?? false
        priorityClass.description = manifest["description"]?.stringValue ?? ""
        priorityClass.preemptionPolicy = manifest["preemptionPolicy"]?.stringValue ?? "PreemptLowerPriority"
        return priorityClass
      },
      create: { priorityClass, cluster throws(APIError) in try cluster.createPriorityClass(priorityClass) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.value = desired.value
        merged.globalDefault = desired.globalDefault
        merged.description = desired.description
        merged.preemptionPolicy = desired.preemptionPolicy
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updatePriorityClass(merged)
        }
      })
  }

  static var deleter: Deleter<PriorityClass>? {
    Deleter { name, _, _, cluster throws(APIError) in
      try cluster.deletePriorityClass(name)
      return Deletion()
    }
  }
}
