import KubeSim

/// What kubectl knows about a Pod.
extension Pod: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Ready"), .init(name: "Status"), .init(name: "Restarts"),
    .init(name: "Age"), .init(name: "IP", wide: true), .init(name: "Node", wide: true),
    .init(name: "Nominated Node", wide: true), .init(name: "Readiness Gates", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    TablePrinters.podRow(self, now: now)
  }

  static var describer: Describer<Pod>? { Describer { DescribeCommand.describePod($0, cluster: $1) } }

  static var manifest: ManifestHandler<Pod>? {
    ManifestHandler(
      decode: { $0.decode($1) },
      create: { object, cluster throws(APIError) in try cluster.createPod(object) },
      update: { live, pod, _, context throws(KubectlError) in
        if live.metadata.annotations == pod.metadata.annotations && live.metadata.labels == pod.metadata.labels
          && live.spec.containers == pod.spec.containers
        {
          return "unchanged"
        }
        return try ApplyCommand.update(live, to: pod, context: &context)
      })
  }

  static var patchSchema: PatchSchema { .pod }

  static var deleter: Deleter<Pod>? {

    Deleter { name, namespace, options, cluster throws(APIError) in
      let grace = options.force ? 0 : options.gracePeriod
      let uid = try cluster.deletePod(name, namespace: namespace, gracePeriod: grace).metadata.uid
      // kubectl waits for that uid to be gone (a mirror pod comes back under the same name
      // with a new uid at once).
      return Deletion(
        verb: options.force && options.gracePeriod == 0 ? "force deleted" : "deleted",
        isGone: { $0.pod(name, namespace: namespace)?.metadata.uid != uid })
    }
  }
}
