extension Cluster {
  /// `sim node fail`: the node's kubelet stops reporting.
  public mutating func failNode(_ name: String) throws(APIError) {
    guard var node = nodes[name] else { throw .notFound(resource: "nodes", name: name) }
    node.status.reporting = false
    node.status.lastHeartbeat = now
    nodes[name] = node
    writeCount += 1
    wake(at: now.adding(milliseconds: NodeLifecycleController.gracePeriodMilliseconds))
  }

  /// `sim node recover`: the node's kubelet reports again.
  public mutating func recoverNode(_ name: String) throws(APIError) {
    guard var node = nodes[name] else { throw .notFound(resource: "nodes", name: name) }
    node.status.reporting = true
    node.status.lastHeartbeat = nil
    nodes[name] = node
    writeCount += 1
  }

  /// `sim node add`: a new worker joins.
  public mutating func addWorker(_ name: String, cpuMillis: Int, memoryBytes: Int64) throws(APIError) {
    if nodes[name] != nil { throw .alreadyExists(resource: "nodes", name: name) }
    guard Validation.isDNS1123Subdomain(name) else {
      throw .invalid(
        kind: "Node", name: name,
        causes: Validation.validateSubdomainName(name))
    }
    guard nodes.count < config.limits.maxNodes + 1 else {
      throw .limitExceeded("the simulated cluster holds at most \(config.limits.maxNodes) worker nodes")
    }
    addNode(name: name, controlPlane: false, created: now)
    nodes[name]?.status.cpuMillis = cpuMillis
    nodes[name]?.status.memoryBytes = memoryBytes
    unscheduledNeedRetry()
  }

  /// `kubectl cordon` / `uncordon`; returns whether anything changed.
  @discardableResult
  public mutating func setUnschedulable(_ name: String, _ unschedulable: Bool) throws(APIError) -> Bool {
    guard var node = nodes[name] else { throw .notFound(resource: "nodes", name: name) }
    guard node.spec.unschedulable != unschedulable else { return false }
    node.spec.unschedulable = unschedulable
    if unschedulable {
      node.spec.taints.append(Taint(key: "node.kubernetes.io/unschedulable", effect: .noSchedule, timeAdded: now))
    } else {
      node.spec.taints.removeAll { $0.key == "node.kubernetes.io/unschedulable" }
    }
    node.metadata.resourceVersion = nextResourceVersion()
    nodes[name] = node
    if !unschedulable { unscheduledNeedRetry() }
    return true
  }

  /// Replaces a node's taints (`kubectl taint`'s patch of `spec.taints`) and returns the
  /// stored node. Pods that failed to schedule try again when a taint went away (the
  /// scheduler's TaintToleration plugin requeues them on such a node update); the
  /// ``TaintEvictionController`` acts on the NoExecute ones in the next round.
  @discardableResult
  public mutating func setTaints(_ name: String, _ taints: [Taint]) throws(APIError) -> Node {
    guard var node = nodes[name] else { throw .notFound(resource: "nodes", name: name) }
    let removed = node.spec.taints.contains { old in
      !taints.contains { $0.key == old.key && $0.value == old.value && $0.effect == old.effect }
    }
    node.spec.taints = taints
    node.metadata.resourceVersion = nextResourceVersion()
    nodes[name] = node
    if removed { unscheduledNeedRetry() }
    return node
  }
}

extension Cluster {
  /// `sim image missing`: from now on pulls of `image` fail.
  public mutating func markImageMissing(_ image: String) {
    missingImages.insert(image)
    writeCount += 1
  }

  /// Why a pull of `image` fails now: `sim image missing`, or what the registries answer
  /// (``ImageRegistry``); nil when it succeeds.
  public func pullFailure(of image: String) -> ImageRegistry.PullFailure? {
    missingImages.contains(image) ? .notFound : ImageRegistry.failure(pulling: image)
  }

  /// `sim pod crash`: the pod's first running container exits with an error now.
  public mutating func crashPod(_ name: String, namespace: String) throws(APIError) {
    let key = Self.key(namespace, name)
    guard let pod = pods[key] else { throw .notFound(resource: "pods", name: name) }
    guard var runtime = kubelet.runtimes[pod.metadata.uid],
      let index = runtime.containers.firstIndex(where: { !$0.imageMissing && $0.runStart <= now && !$0.ended })
    else {
      throw .limitExceeded("pod \"\(name)\" has no running container to crash")
    }
    runtime.containers[index].runEnd = now
    runtime.containers[index].exit = (1, "Error")
    kubelet.runtimes[pod.metadata.uid] = runtime
    kubelet.pending.insert(key)
    writeCount += 1
  }
}

extension Cluster {
  /// The process of `container` of the pod ends now with exit code 0, as a shell does when its
  /// input ends (an attached session that closes, `kubectl run -i`); false when the container
  /// is not running.
  @discardableResult
  public mutating func endSession(_ name: String, namespace: String, container: String) -> Bool {
    let key = Self.key(namespace, name)
    if let pod = pods[key],
      let index = pod.spec.ephemeralContainers.firstIndex(where: { $0.container.name == container })
    {
      guard var runtime = kubelet.runtimes[pod.metadata.uid], index < runtime.ephemeral.count,
        runtime.ephemeral[index].started <= now, runtime.ephemeral[index].runEnd.map({ $0 > now }) ?? true
      else { return false }
      runtime.ephemeral[index].runEnd = now
      runtime.ephemeral[index].exit = (0, "Completed")
      kubelet.runtimes[pod.metadata.uid] = runtime
      kubelet.pending.insert(key)
      writeCount += 1
      return true
    }
    guard let pod = pods[key], let index = pod.spec.containers.firstIndex(where: { $0.name == container }),
      var runtime = kubelet.runtimes[pod.metadata.uid], index < runtime.containers.count,
      !runtime.containers[index].imageMissing, runtime.containers[index].runStart <= now,
      !runtime.containers[index].ended
    else { return false }
    if let end = runtime.containers[index].runEnd, end <= now { return false }
    runtime.containers[index].runEnd = now
    runtime.containers[index].exit = (0, "Completed")
    kubelet.runtimes[pod.metadata.uid] = runtime
    kubelet.pending.insert(key)
    writeCount += 1
    return true
  }
}
