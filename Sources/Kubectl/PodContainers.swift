import KubeSim

/// A pod's containers as kubectl's `podcmd` looks them up: the regular ones, then the
/// ephemeral ones (`kubectl debug`).
extension Pod {
  /// The container called `name` (`FindContainerByName`), regular or ephemeral.
  func container(named name: String) -> Container? {
    spec.containers.first { $0.name == name } ?? spec.ephemeralContainers.first { $0.container.name == name }?.container
  }

  /// The status of the container called `name`, regular or ephemeral.
  func containerStatus(named name: String) -> ContainerStatus? {
    status.containerStatuses.first { $0.name == name }
      ?? status.ephemeralContainerStatuses.first { $0.name == name }
  }

  /// Whether kubectl notes which container it picked by default: more than one container,
  /// or any ephemeral one.
  var defaultsAmongSeveral: Bool { spec.containers.count > 1 || !spec.ephemeralContainers.isEmpty }

  /// `podcmd.AllContainerNames`: `web, debugger-x2b4k (ephem)`.
  var allContainerNames: String {
    (spec.containers.map(\.name) + spec.ephemeralContainers.map { $0.container.name + " (ephem)" })
      .joined(separator: ", ")
  }
}
