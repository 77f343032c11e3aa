extension Cluster {
  /// The eviction subresource (`POST pods/NAME/eviction`,
  /// `pkg/registry/core/pod/storage/eviction.go`): deletes the pod gracefully, as `delete`
  /// would.
  ///
  /// - Throws: ``APIError/notFound(resource:name:)`` when there is no such pod.
  public mutating func evictPod(_ name: String, namespace: String, gracePeriod: Int? = nil) throws(APIError) {
    guard pods[Self.key(namespace, name)] != nil else { throw .notFound(resource: "pods", name: name) }
    _ = try deletePod(name, namespace: namespace, gracePeriod: gracePeriod)
  }
}
