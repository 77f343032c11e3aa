/// Ephemeral containers (`kubectl debug`): added to a pod through its `ephemeralcontainers`
/// subresource, run once by the kubelet, never restarted.
extension Cluster {
  /// Adds `ephemeral` to the pod `name` (the subresource's patch): its name must be new in the
  /// pod, and a target must name one of the pod's containers.
  @discardableResult
  public mutating func addEphemeralContainer(_ ephemeral: EphemeralContainer, toPod name: String, namespace: String)
    throws(APIError) -> Pod
  {
    let key = Self.key(namespace, name)
    guard var pod = pods[key] else { throw .notFound(resource: "pods", name: name) }
    let index = pod.spec.ephemeralContainers.count
    let taken = pod.spec.containers.map(\.name) + pod.spec.ephemeralContainers.map(\.container.name)
    if taken.contains(ephemeral.container.name) {
      throw .invalid(
        kind: "Pod", name: name,
        causes: [
          FieldError(
            field: "spec.ephemeralContainers[\(index)].name", type: "Duplicate value",
            value: Validation.quote(ephemeral.container.name))
        ])
    }
    if let target = ephemeral.targetContainerName, !pod.spec.containers.contains(where: { $0.name == target }) {
      throw .invalid(
        kind: "Pod", name: name,
        causes: [
          FieldError(
            field: "spec.ephemeralContainers[\(index)].targetContainerName", type: "Not found",
            value: Validation.quote(target))
        ])
    }
    pod.spec.ephemeralContainers.append(ephemeral)
    pod.status.ephemeralContainerStatuses.append(
      ContainerStatus(
        name: ephemeral.container.name, image: ephemeral.container.image,
        state: .waiting(reason: "ContainerCreating", message: nil)))
    update(pod)
    kubelet.pending.insert(key)
    return pods[key] ?? pod
  }

  /// A random string of `length` from the API's name alphabet, from a stream seeded by the
  /// cluster's seed, `stream` and the store's current version: deterministic, and it leaves
  /// the names the cluster generates as they were (for the suffixes kubectl makes up itself).
  public func clientRandomString(stream: String, length: Int) -> String {
    var generator = NameGenerator(seed: config.seed ^ ImageCatalog.fnv1a("\(stream)#\(lastResourceVersion)"))
    return generator.randomString(length: length)
  }
}
