/// What a process inside a running container sees: its environment, and the data of its
/// ConfigMap and Secret volumes as the kubelet has refreshed them (``Cluster/podState(of:)``).
extension Cluster {
  /// How long a changed ConfigMap or Secret takes to reach the files of pods that mount it
  /// (the kubelet refreshes them on its periodic sync, every minute by default).
  public static let mountRefreshMilliseconds: Int64 = 60_000

  /// Whether `container` of `pod` is running now.
  public func isRunning(_ pod: Pod, container: String) -> Bool {
    let statuses = pod.status.containerStatuses + pod.status.ephemeralContainerStatuses
    guard let status = statuses.first(where: { $0.name == container }) else { return false }
    if case .running = status.state { return true }
    return false
  }

  /// When the current run of `container` of `pod` ends by itself (its command finishes, or
  /// `sim pod crash` stops it), or nil when it runs until something stops it.
  public func runEnd(of pod: Pod, container name: String) -> Timestamp? {
    if let index = pod.spec.ephemeralContainers.firstIndex(where: { $0.container.name == name }) {
      guard let runtime = kubelet.runtimes[pod.metadata.uid], index < runtime.ephemeral.count else { return nil }
      return runtime.ephemeral[index].runEnd
    }
    guard let index = pod.spec.containers.firstIndex(where: { $0.name == name }),
      let runtime = kubelet.runtimes[pod.metadata.uid], index < runtime.containers.count
    else { return nil }
    return runtime.containers[index].runEnd
  }

  /// The environment of a running container, in the order it was assembled: its own
  /// variables (fixed when it started), `HOSTNAME`, and the variables of the Services that
  /// existed in its namespace when it started (`enableServiceLinks`).
  public func environment(of pod: Pod, container name: String) -> [(String, String)] {
    guard let index = pod.spec.containers.firstIndex(where: { $0.name == name }),
      let runtime = kubelet.runtimes[pod.metadata.uid], index < runtime.containers.count
    else { return [] }
    let plan = runtime.containers[index]
    var result: [(String, String)] = [("HOSTNAME", pod.spec.hostname ?? pod.metadata.name)]
    result += plan.environment
    let namespace = pod.metadata.namespace ?? "default"
    var services = Service.list(in: self, namespace: namespace).filter {
      $0.metadata.creationTimestamp <= plan.runStart
    }
    if namespace != "default", let api = self.services["default/kubernetes"] { services.append(api) }
    for service in services where !service.clusterIP.isEmpty && !service.isHeadless {
      result += Self.serviceLinks(service)
    }
    return result
  }

  /// The `<NAME>_SERVICE_HOST`-style variables of one Service (`envvars.FromServices`).
  static func serviceLinks(_ service: Service) -> [(String, String)] {
    guard let first = service.ports.first else { return [] }
    let prefix = service.metadata.name.uppercased().replacingDashes()
    var result: [(String, String)] = [
      (prefix + "_SERVICE_HOST", service.clusterIP), (prefix + "_SERVICE_PORT", String(first.port)),
    ]
    for port in service.ports {
      if let name = port.name, !name.isEmpty {
        result.append((prefix + "_SERVICE_PORT_" + name.uppercased().replacingDashes(), String(port.port)))
      }
    }
    let proto = first.protocol.text.lowercased()
    result.append((prefix + "_PORT", "\(proto)://\(service.clusterIP):\(first.port)"))
    for port in service.ports {
      let base = prefix + "_PORT_\(port.port)_\(port.protocol)"
      result.append((base, "\(port.protocol.text.lowercased())://\(service.clusterIP):\(port.port)"))
      result.append((base + "_PROTO", port.protocol.text.lowercased()))
      result.append((base + "_PORT", String(port.port)))
      result.append((base + "_ADDR", service.clusterIP))
    }
    return result
  }

  /// The data of a ConfigMap or Secret as mounted files show it now.
  func visibleData(key: String) -> [String: String]? {
    let objectKey = String(key.drop { $0 != "/" }.dropFirst())
    let current = key.hasPrefix("configmap/") ? configMaps[objectKey]?.data : secrets[objectKey]?.data
    if let change = configChanges[key], now.milliseconds - change.at.milliseconds < Self.mountRefreshMilliseconds {
      return change.previous
    }
    return current
  }
}

extension String {
  /// The string with `-` and `.` turned into `_`, as Service variable names need.
  func replacingDashes() -> String {
    String(map { $0 == "-" || $0 == "." ? "_" : $0 })
  }
}
