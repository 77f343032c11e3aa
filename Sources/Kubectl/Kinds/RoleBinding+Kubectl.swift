import KubeSim

/// What kubectl knows about a RoleBinding.
extension RoleBinding: KubectlResource {
  static var manifest: ManifestHandler<RoleBinding>? {
    bindingManifest(
      create: { binding, cluster throws(APIError) in try cluster.createRoleBinding(binding) },
      update: { binding, cluster throws(APIError) in try cluster.updateRoleBinding(binding) })
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
