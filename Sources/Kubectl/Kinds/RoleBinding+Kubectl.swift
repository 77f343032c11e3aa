import KubeSim

/// What kubectl knows about a RoleBinding.
extension RoleBinding: KubectlResource {
  /// `roleBindingsColumnDefinitions` (printers.go): Role is `Kind/name`; the subjects only wide.
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Role"), .init(name: "Age"), .init(name: "Users", wide: true),
    .init(name: "Groups", wide: true), .init(name: "ServiceAccounts", wide: true),
  ]

  /// `printRoleBinding`.
  func row(now: Timestamp) -> [String] {
    [metadata.name, "\(roleRef.kind)/\(roleRef.name)", TablePrinters.age(metadata.creationTimestamp, now: now)]
      + RBACRuleTable.subjectCells(subjects)
  }

  /// `RoleBindingDescriber`: no namespace line and no events.
  static var describer: Describer<RoleBinding>? {
    Describer(
      describe: { binding, _ in
        RBACRuleTable.describeBinding(binding.metadata, roleRef: binding.roleRef, subjects: binding.subjects)
      }, showsEvents: false)
  }

  static var manifest: ManifestHandler<RoleBinding>? {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(manifest, path: "", known: ["apiVersion", "kind", "metadata", "subjects", "roleRef"])
        return RoleBinding(
          metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"),
          subjects: decoder.decodeSubjects(manifest["subjects"]), roleRef: decoder.decodeRoleRef(manifest["roleRef"]))
      },
      create: { binding, cluster throws(APIError) in try cluster.createRoleBinding(binding) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.subjects = desired.subjects
        merged.roleRef = desired.roleRef
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateRoleBinding(merged)
        }
      })
  }

  static var deleter: Deleter<RoleBinding>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteRoleBinding(name, namespace: namespace)
      return Deletion()
    }
  }
}

/// How the API server reads a binding's subjects and role reference.
extension ManifestDecoder {
  /// Decodes `subjects`.
  mutating func decodeSubjects(_ value: JSONValue?) -> [RBACSubject] {
    (value?.arrayValue ?? []).enumerated().map { index, item in
      check(item, path: "subjects[\(index)]", known: ["kind", "name", "namespace", "apiGroup"])
      let kind = item["kind"]?.stringValue ?? ""
      return RBACSubject(
        kind: kind, name: item["name"]?.stringValue ?? "", namespace: item["namespace"]?.stringValue ?? "",
        apiGroup: item["apiGroup"]?.stringValue)
    }
  }

  /// Decodes `roleRef`.
  mutating func decodeRoleRef(_ value: JSONValue?) -> RoleRef {
    let value = value ?? .object([])
    check(value, path: "roleRef", known: ["kind", "name", "apiGroup"])
    var roleRef = RoleRef(kind: value["kind"]?.stringValue ?? "", name: value["name"]?.stringValue ?? "")
    roleRef.apiGroup = value["apiGroup"]?.stringValue ?? ""
    return roleRef
  }
}
