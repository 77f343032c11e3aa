import KubeSim

/// What kubectl knows about a Role.
extension Role: KubectlResource {
  /// printers.go registers no printer for Roles: the API server's default table convertor
  /// prints NAME and CREATED AT (RFC 3339).
  static let columns: [Table.Column] = [.init(name: "Name"), .init(name: "Created At")]

  func row(now: Timestamp) -> [String] { [metadata.name, metadata.creationTimestamp.rfc3339] }

  /// `RoleDescriber` (kubectl `describe.go`): no namespace line and no events.
  static var describer: Describer<Role>? {
    Describer(describe: { role, _ in RBACRuleTable.describe(role.metadata, rules: role.rules) }, showsEvents: false)
  }

  static var manifest: ManifestHandler<Role>? {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(manifest, path: "", known: ["apiVersion", "kind", "metadata", "rules"])
        return Role(
          metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"),
          rules: decoder.decodeRules(manifest["rules"]))
      },
      create: { role, cluster throws(APIError) in try cluster.createRole(role) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.rules = desired.rules
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateRole(merged)
        }
      })
  }

  static var deleter: Deleter<Role>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteRole(name, namespace: namespace)
      return Deletion()
    }
  }
}

/// How the API server reads RBAC rules.
extension ManifestDecoder {
  /// Decodes `rules` (a list of `PolicyRule`s).
  mutating func decodeRules(_ value: JSONValue?) -> [PolicyRule] {
    (value?.arrayValue ?? []).enumerated().map { index, item in
      let path = "rules[\(index)]"
      check(item, path: path, known: ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"])
      return PolicyRule(
        verbs: strictStringList(item["verbs"], field: "PolicyRule.\(path).verbs"),
        apiGroups: strictStringList(item["apiGroups"], field: "PolicyRule.\(path).apiGroups"),
        resources: strictStringList(item["resources"], field: "PolicyRule.\(path).resources"),
        resourceNames: strictStringList(item["resourceNames"], field: "PolicyRule.\(path).resourceNames"),
        nonResourceURLs: strictStringList(item["nonResourceURLs"], field: "PolicyRule.\(path).nonResourceURLs"))
    }
  }
}
