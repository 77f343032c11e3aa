/// The Endpoints controller (`docs/reference/controllers.md` §6.2): for every Service with a selector, the
/// addresses of the pods it selects. A pod is listed when it has an IP, has not finished, and
/// is not terminating (unless the Service publishes not-ready addresses); ready pods go to
/// `addresses`, the others to `notReadyAddresses`. Addresses are sorted by IP, as
/// `RepackSubsets` sorts them.
///
/// The value holds the controller's own state (``Cluster/endpointsController``); its steps are
/// static and take the whole cluster, whose store they read and write.
struct EndpointsController: ControlLoop {
  /// Namespaces whose pods or Services changed since the controller last looked.
  var dirty: Set<String> = []

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.endpointsController.dirty.isEmpty else { return }
    let namespaces = cluster.endpointsController.dirty.sorted()
    cluster.endpointsController.dirty = []
    for namespace in namespaces {
      let services = Service.list(in: cluster, namespace: namespace).filter {
        !$0.selector.isEmpty && $0.type.value != .externalName
      }
      guard !services.isEmpty else { continue }
      let pods = cluster.listPods(namespace: namespace)
      for service in services {
        let subsets = subsets(for: service, pods: pods)
        let key = Cluster.key(service.metadata)
        if var existing = cluster.endpoints[key] {
          guard existing.subsets != subsets else { continue }
          existing.subsets = subsets
          existing.metadata.annotations[triggerTimeKey] = cluster.now.rfc3339
          existing.metadata.resourceVersion = cluster.nextResourceVersion()
          cluster.endpoints[key] = existing
        } else {
          var labels = service.metadata.labels
          if service.isHeadless { labels["service.kubernetes.io/headless"] = "" }
          var meta = ObjectMeta(name: service.metadata.name, namespace: namespace, labels: labels)
          meta.creationTimestamp = cluster.now
          if !subsets.isEmpty { meta.annotations[triggerTimeKey] = cluster.now.rfc3339 }
          cluster.stampAside(&meta, stream: "endpoints:" + cluster.now.rfc3339)
          cluster.endpoints[key] = Endpoints(metadata: meta, subsets: subsets)
        }
      }
    }
  }

  static let triggerTimeKey = "endpoints.kubernetes.io/last-change-trigger-time"

  /// `ShouldPodBeInEndpoints`: not finished, has an IP, and not terminating unless
  /// not-ready addresses are published.
  static func shouldInclude(_ pod: Pod, publishNotReady: Bool) -> Bool {
    if pod.status.phase.isTerminal { return false }
    guard let ip = pod.status.podIP, !ip.isEmpty else { return false }
    return publishNotReady || pod.metadata.deletionTimestamp == nil
  }

  /// The subsets of `service` given the pods of its namespace.
  static func subsets(for service: Service, pods: [Pod]) -> [Endpoints.Subset] {
    let selector = LabelSelector(matchLabels: service.selector)
    var byPorts: [(ports: [Endpoints.Port], subset: Endpoints.Subset)] = []
    for pod in pods where selector.matches(pod.metadata.labels) {
      guard shouldInclude(pod, publishNotReady: service.publishNotReadyAddresses), let ip = pod.status.podIP else {
        continue
      }
      let ports = service.ports.compactMap { servicePort -> Endpoints.Port? in
        guard let number = resolve(servicePort.targetPort, in: pod) else { return nil }
        return Endpoints.Port(name: servicePort.name, port: number, protocol: servicePort.protocol)
      }
      if ports.isEmpty && !service.ports.isEmpty { continue }
      var address = Endpoints.Address(
        ip: ip, nodeName: pod.spec.nodeName, podName: pod.metadata.name, podNamespace: pod.metadata.namespace,
        podUID: pod.metadata.uid)
      if let hostname = pod.spec.hostname, pod.spec.subdomain == service.metadata.name {
        address.hostname = hostname
      }
      let ready = pod.isReady || service.publishNotReadyAddresses
      let index: Int
      if let found = byPorts.firstIndex(where: { $0.ports == ports }) {
        index = found
      } else {
        byPorts.append((ports, Endpoints.Subset(ports: ports)))
        index = byPorts.count - 1
      }
      if ready {
        byPorts[index].subset.addresses.append(address)
      } else {
        byPorts[index].subset.notReadyAddresses.append(address)
      }
    }
    return byPorts.map { entry in
      var subset = entry.subset
      subset.addresses.sort { $0.ip.utf8.lexicographicallyPrecedes($1.ip.utf8) }
      subset.notReadyAddresses.sort { $0.ip.utf8.lexicographicallyPrecedes($1.ip.utf8) }
      return subset
    }
  }

  /// The container port a target names: the number itself, or the port of that name.
  static func resolve(_ target: Service.Target, in pod: Pod) -> Int? {
    switch target {
    case .number(let number): return number
    case .name(let name):
      for container in pod.spec.containers {
        if let port = container.ports.first(where: { $0.name == name }) { return port.containerPort }
      }
      return nil
    }
  }
}
