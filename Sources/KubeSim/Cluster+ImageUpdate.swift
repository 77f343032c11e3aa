/// Changing a running pod's container images, the one change to a pod's containers the API
/// server allows: the kubelet sees the container's definition change (`computePodActions`),
/// stops it as it would on deletion (servers within a second, a shell or `sleep` at the end of
/// the grace period), pulls the new image and starts a new container — RESTARTS goes up by one
/// whatever the restart policy. Until the new container runs, the status still shows the old one.
extension Cluster {
  /// Why an image change cannot be simulated for a pod, if it cannot.
  public func imageChangeUnsupported(_ pod: Pod, containers names: Set<String>) -> String? {
    guard let runtime = kubelet.runtimes[pod.metadata.uid], pod.metadata.deletionTimestamp == nil else {
      return "the pod has not started"
    }
    for (index, container) in pod.spec.containers.enumerated() where names.contains(container.name) {
      let plan = runtime.containers[index]
      guard plan.started <= now, !plan.ended, !plan.imageMissing, plan.configError == nil, plan.imageRestart == nil
      else { return "container \(container.name) is not running" }
      if pullFailure(of: container.image) != nil { return "its image is missing" }
    }
    return nil
  }

  /// Sets the images of the named containers (`name → image`) and lets the kubelet restart them.
  public mutating func updateContainerImages(_ name: String, namespace: String, images: [String: String])
    throws(APIError)
  {
    let key = Self.key(namespace, name)
    guard var pod = pods[key] else { throw .notFound(resource: "pods", name: name) }
    guard var runtime = kubelet.runtimes[pod.metadata.uid], let node = pod.spec.nodeName else { return }
    for (index, container) in pod.spec.containers.enumerated() {
      guard let image = images[container.name], image != container.image else { continue }
      var updated = container
      updated.image = image
      pod.spec.containers[index] = updated
      var plan = runtime.containers[index]
      // Stop the old container.
      let stopDelay = ContainerBehavior.stopDelay(of: container)
      let killed = stopDelay == nil
      let stoppedAt = now.adding(
        milliseconds: stopDelay ?? Int64(pod.spec.terminationGracePeriodSeconds).saturatingMultiply(1000))
      var events: [PodRuntime.PlannedEvent] = [
        .init(
          time: now, reason: "Killing", message: "Container \(container.name) definition changed, will be restarted")
      ]
      // Pull the new image unless the node has it.
      let quoted = Validation.quote(image)
      let cacheKey = node + "|" + image
      var pulled = stoppedAt
      if let readyAt = kubelet.imageReadyAt[cacheKey], readyAt <= stoppedAt {
        events.append(
          .init(time: stoppedAt, reason: "Pulled", message: "Container image \(quoted) already present on machine"))
      } else {
        pulled = stoppedAt.adding(milliseconds: KubeletTimings.firstPullMilliseconds)
        kubelet.imageReadyAt[cacheKey] = pulled
        let took = Kubelet.goDuration(pulled.milliseconds - stoppedAt.milliseconds)
        events.append(.init(time: stoppedAt, reason: "Pulling", message: "Pulling image \(quoted)"))
        events.append(
          .init(
            time: pulled, reason: "Pulled",
            message:
              "Successfully pulled image \(quoted) in \(took) (\(took) including waiting). Image size: \(ImageCatalog.size(of: image)) bytes."
          ))
      }
      let started = pulled.adding(milliseconds: KubeletTimings.startMilliseconds)
      events.append(.init(time: started, reason: "Created", message: "Created container: \(container.name)"))
      events.append(.init(time: started, reason: "Started", message: "Started container \(container.name)"))
      runtime.events += events
      plan.imageRestart = PodRuntime.ImageRestart(
        at: started, stopped: (killed ? 137 : 0, killed ? "Error" : "Completed", plan.runStart, stoppedAt),
        behavior: ContainerBehavior.of(updated), imageID: ImageCatalog.imageID(of: image), oldImage: container.image)
      runtime.containers[index] = plan
    }
    kubelet.runtimes[pod.metadata.uid] = runtime
    update(pod)
  }
}
