import KubeSim

/// What kubectl knows about a ClusterRole.
extension ClusterRole: KubectlResource {
  /// No printer in printers.go: the default table convertor's NAME and CREATED AT.
  static let columns: [Table.Column] = [.init(name: "Name"), .init(name: "Created At")]

  func row(now: Timestamp) -> [String] { [metadata.name, metadata.creationTimestamp.rfc3339] }

  /// `ClusterRoleDescriber`: as a Role's.
  static var describer: Describer<ClusterRole>? {
    Describer(
      describe: { role, _ in RBACRuleTable.describe(role.metadata, rules: role.rules) }, showsEvents: false)
  }

  static var manifest: ManifestHandler<ClusterRole>? {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(manifest, path: "", known: ["apiVersion", "kind", "metadata", "rules", "aggregationRule"])
        var role = ClusterRole(
          metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"),
          rules: decoder.decodeRules(manifest["rules"]))
        if let rule = manifest["aggregationRule"] {
          role.aggregationSelectors = (rule["clusterRoleSelectors"]?.arrayValue ?? []).map { selector in
            decoder.strictStringMap(
              selector["matchLabels"], field: "LabelSelector.aggregationRule.clusterRoleSelectors.matchLabels",
              type: "string")
          }
        }
        return role
      },
      create: { role, cluster throws(APIError) in try cluster.createClusterRole(role) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.rules = desired.aggregationSelectors == nil ? desired.rules : live.rules
        merged.aggregationSelectors = desired.aggregationSelectors
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateClusterRole(merged)
        }
      })
  }

  static var deleter: Deleter<ClusterRole>? {
    Deleter { name, _, _, cluster throws(APIError) in
      try cluster.deleteClusterRole(name)
      return Deletion()
    }
  }
}
