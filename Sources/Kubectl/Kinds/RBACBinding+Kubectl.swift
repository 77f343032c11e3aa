import KubeSim

/// What kubectl does alike for RoleBindings and ClusterRoleBindings: their printers'
/// columns and row, their describer, and how a manifest becomes one.
extension RBACBinding {
  /// `roleBindingsColumnDefinitions` (printers.go; a ClusterRoleBinding's are the same): Role
  /// is `Kind/name`; the subjects only wide.
  static var columns: [Table.Column] {
    [
      .init(name: "Name"), .init(name: "Role"), .init(name: "Age"), .init(name: "Users", wide: true),
      .init(name: "Groups", wide: true), .init(name: "ServiceAccounts", wide: true),
    ]
  }

  /// `printRoleBinding` and `printClusterRoleBinding`.
  func row(now: Timestamp) -> [String] {
    [metadata.name, "\(roleRef.kind)/\(roleRef.name)", TablePrinters.age(metadata.creationTimestamp, now: now)]
      + RBACRuleTable.subjectCells(subjects)
  }

  /// `RoleBindingDescriber` and `ClusterRoleBindingDescriber`: no namespace line, no events.
  static var describer: Describer<Self>? {
    Describer(
      describe: { binding, _ in
        RBACRuleTable.describeBinding(binding.metadata, roleRef: binding.roleRef, subjects: binding.subjects)
      }, showsEvents: false)
  }

  /// A binding read from a manifest, created with `create` and updated with `update`: its
  /// subjects, role reference, labels and annotations are the manifest's.
  static func bindingManifest(
    create: @escaping (Self, inout Cluster) throws(APIError) -> Void,
    update: @escaping (Self, inout Cluster) throws(APIError) -> Void
  ) -> ManifestHandler<Self> {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(manifest, path: "", known: ["apiVersion", "kind", "metadata", "subjects", "roleRef"])
        return Self(
          metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"),
          subjects: decoder.decodeSubjects(manifest["subjects"]), roleRef: decoder.decodeRoleRef(manifest["roleRef"]))
      },
      create: create,
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.subjects = desired.subjects
        merged.roleRef = desired.roleRef
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try update(merged, &context.cluster)
        }
      })
  }
}
