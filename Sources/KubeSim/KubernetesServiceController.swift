/// The API server's own loop that publishes it as `default/kubernetes`
/// (`pkg/controlplane/controller/kubernetesservice/controller.go`): every `EndpointInterval`
/// (10 s, `wait.NonSlidingUntil` from the server's start) `UpdateKubernetesService` creates
/// the Service when it is missing (`CreateOrUpdateMasterServiceIfNeeded`: the same labels,
/// port and cluster IP, a new uid) and the endpoint reconciler restores its Endpoints.
/// A deleted `kubernetes` Service is back at the next tick.
struct KubernetesServiceController: ControlLoop {
  /// When the API server started: the ticks fall on this instant plus whole intervals.
  var startedAt: Timestamp?
  /// The tick that will find the Service missing, while it is.
  var dueAt: Timestamp?

  /// `DefaultEndpointReconcilerInterval`.
  static let intervalMilliseconds: Int64 = 10_000
  static let key = "default/kubernetes"
  static let clusterIP = "10.96.0.1"

  /// Publishes the Service and its Endpoints at the server's start.
  static func start(_ cluster: inout Cluster) {
    cluster.kubernetesServiceController.startedAt = cluster.now
    publish(&cluster, stream: "")
  }

  static func reconcile(_ cluster: inout Cluster) {
    guard let start = cluster.kubernetesServiceController.startedAt else { return }
    guard cluster.services[key] == nil else {
      cluster.kubernetesServiceController.dueAt = nil
      return
    }
    // The tick at the instant the Service went missing ran before the delete: the next one
    // restores it.
    guard let due = cluster.kubernetesServiceController.dueAt, due <= cluster.now else {
      if cluster.kubernetesServiceController.dueAt == nil {
        let elapsed = cluster.now.milliseconds.saturatingSubtract(start.milliseconds)
        let next = cluster.now.adding(milliseconds: intervalMilliseconds - elapsed % intervalMilliseconds)
        cluster.kubernetesServiceController.dueAt = next
        cluster.wake(at: next)
      }
      return
    }
    if cluster.services.values.contains(where: { $0.clusterIP == clusterIP }) {
      // The address is taken: the create fails and is tried at the next tick.
      let next = due.adding(milliseconds: intervalMilliseconds)
      cluster.kubernetesServiceController.dueAt = next
      cluster.wake(at: next)
      return
    }
    cluster.kubernetesServiceController.dueAt = nil
    publish(&cluster, stream: ":" + cluster.now.rfc3339)
  }

  /// Creates the Service (and the Endpoints when missing), their uids drawn from `stream`.
  static func publish(_ cluster: inout Cluster, stream: String) {
    var service = Service(
      metadata: ObjectMeta(
        name: "kubernetes", namespace: "default", labels: ["component": "apiserver", "provider": "kubernetes"]),
      clusterIP: clusterIP, ports: [Service.Port(name: "https", port: 443, targetPort: 6443)])
    service.metadata.creationTimestamp = cluster.now
    cluster.stampAside(&service.metadata, stream: "service" + stream)
    cluster.services[key] = service
    cluster.endpointsController.dirty.insert("default")
    guard cluster.endpoints[key] == nil else { return }
    // The endpoint reconciler keeps the API server's own address.
    var metadata = ObjectMeta(
      name: "kubernetes", namespace: "default", labels: ["endpointslice.kubernetes.io/skip-mirror": "true"])
    metadata.creationTimestamp = cluster.now
    cluster.stampAside(&metadata, stream: "endpoints" + stream)
    cluster.endpoints[key] = Endpoints(
      metadata: metadata,
      subsets: [
        Endpoints.Subset(
          addresses: [Endpoints.Address(ip: cluster.nodes["control-plane"]?.status.internalIP ?? "")],
          ports: [Endpoints.Port(name: "https", port: 6443, protocol: .known(.tcp))])
      ])
  }
}
