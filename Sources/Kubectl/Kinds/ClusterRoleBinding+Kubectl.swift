import KubeSim

/// What kubectl knows about a ClusterRoleBinding.
extension ClusterRoleBinding: KubectlResource {
  /// `clusterRoleBindingsColumnDefinitions` (printers.go): as a RoleBinding's.
  static let columns: [Table.Column] = RoleBinding.columns

  /// `printClusterRoleBinding`.
  func row(now: Timestamp) -> [String] {
    [metadata.name, "\(roleRef.kind)/\(roleRef.name)", TablePrinters.age(metadata.creationTimestamp, now: now)]
      + RBACRuleTable.subjectCells(subjects)
  }

  /// `ClusterRoleBindingDescriber`.
  static var describer: Describer<ClusterRoleBinding>? {
    Describer(
      describe: { binding, _ in
        RBACRuleTable.describeBinding(binding.metadata, roleRef: binding.roleRef, subjects: binding.subjects)
      }, showsEvents: false)
  }

  static var manifest: ManifestHandler<ClusterRoleBinding>? {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(manifest, path: "", known: ["apiVersion", "kind", "metadata", "subjects", "roleRef"])
        return ClusterRoleBinding(
          metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"),
          subjects: decoder.decodeSubjects(manifest["subjects"]), roleRef: decoder.decodeRoleRef(manifest["roleRef"]))
      },
      create: { binding, cluster throws(APIError) in try cluster.createClusterRoleBinding(binding) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.subjects = desired.subjects
        merged.roleRef = desired.roleRef
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateClusterRoleBinding(merged)
        }
      })
  }

  static var deleter: Deleter<ClusterRoleBinding>? {
    Deleter { name, _, _, cluster throws(APIError) in
      try cluster.deleteClusterRoleBinding(name)
      return Deletion()
    }
  }
}
