import KubeSim

/// What kubectl knows about a ClusterRoleBinding.
extension ClusterRoleBinding: KubectlResource {
  static var manifest: ManifestHandler<ClusterRoleBinding>? {
    bindingManifest(
      create: { binding, cluster throws(APIError) in try cluster.createClusterRoleBinding(binding) },
      update: { binding, cluster throws(APIError) in try cluster.updateClusterRoleBinding(binding) })
  }

  static var deleter: Deleter<ClusterRoleBinding>? {
    Deleter { name, _, _, cluster throws(APIError) in
      try cluster.deleteClusterRoleBinding(name)
      return Deletion()
    }
  }
}
