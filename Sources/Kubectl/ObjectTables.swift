import KubeSim

/// `kubectl get` tables as values: the header and cells that kubectl lays out as text, for a
/// reader that draws them otherwise (the site's state tables). The text printer and these
/// values come from the same cells, so a picture shows exactly what `kubectl get` prints.
public enum ObjectTables {
  /// The table `kubectl get RESOURCE` (with `-A` when `allNamespaces`, `-o wide` when `wide`)
  /// prints on `cluster` in the default namespace, as values: no rows when there is nothing to
  /// list, nil when kubectl knows no such resource.
  public static func get(_ resource: String, cluster: Cluster, allNamespaces: Bool, wide: Bool) -> (
    header: [String], rows: [[String]]
  )? {
    guard let type = ResourceType.resolve(resource) else { return nil }
    let objects = GetCommand.list(type, namespace: allNamespaces ? nil : "default", cluster: cluster)
    return GetCommand.cells(
      GetCommand.Group(type: type, objects: objects), now: cluster.now, wide: wide, allNamespaces: allNamespaces,
      showLabels: false, prefixNames: false)
  }
}
