import KubeSim

/// `kubectl cluster-info dump` (kubectl v0.32.4 `pkg/cmd/clusterinfo/clusterinfo_dump.go`,
/// `Run`): the nodes, then for each namespace (`kube-system` and the current one; those
/// `--namespaces` lists; every namespace with `-A`) its events, replication controllers,
/// services, daemon sets, deployments, replica sets and pods as typed lists in `-o json`
/// (the default) or `-o yaml`, then each pod's container logs between `==== START logs for
/// container C of pod NS/POD ====` and `==== END logs ... ====`. A container that has not
/// started answers the logs request with a 400 whose JSON body `DoRaw` does not read
/// (`newUnstructuredResponseError`), so kubectl prints `Request log error:` and apimachinery's
/// generic BadRequest text. `--output-directory` writes files, which a page cannot hold: it is
/// refused.
enum ClusterInfoDumpCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "all-namespaces", short: "A", takesValue: false),
    .init(name: "allow-missing-template-keys", short: nil, takesValue: false),
    .init(name: "namespaces", short: nil, takesValue: true, repeatable: true),
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "output-directory", short: nil, takesValue: true),
    .init(name: "pod-running-timeout", short: nil, takesValue: true, isDuration: true),
    .init(name: "show-managed-fields", short: nil, takesValue: false),
    .init(name: "template", short: nil, takesValue: true),
  ]

  /// The kinds dumped per namespace, in `Run`'s order.
  static let namespacedTypes: [ResourceType] = [
    .replicationControllers, .services, .daemonSets, .deployments, .replicaSets, .pods,
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "cluster-info dump", specs: flags).parse(arguments)
    if let directory = parsed.value("output-directory"), !directory.isEmpty, directory != "-" {
      throw .plain(
        "kubebook does not simulate \"kubectl cluster-info dump --output-directory\" yet: a page has no directory to write into"
      )
    }
    let yaml: Bool
    switch parsed.value("output") ?? "json" {
    case "json": yaml = false
    case "yaml": yaml = true
    case let other:
      throw .plain("kubebook simulates only -o json and -o yaml for \"kubectl cluster-info dump\", not \(other)")
    }
    let cluster = context.cluster
    let now = cluster.now
    func print(_ type: ResourceType, _ items: [JSONValue]) {
      let list = ServerJSON.list(type, items: items, resourceVersion: cluster.currentResourceVersion)
      output.write(yaml ? YAMLPrinter.print(list) : JSONPrinter.print(list, sortKeys: false))
    }
    func objects(_ type: ResourceType, _ namespace: String?) -> [APIObject] {
      APIObject.list(type, namespace: namespace, cluster: cluster)
    }
    print(.nodes, objects(.nodes, nil).map { $0.json(now: now) })
    var namespaces: [String]
    if parsed.flag("all-namespaces") {
      namespaces = objects(.namespaces, nil).map(\.metadata.name)
    } else {
      namespaces = parsed.all("namespaces").flatMap { $0.split(separator: ",").map(String.init) }
      if namespaces.isEmpty { namespaces = ["kube-system", context.defaultNamespace] }
    }
    for namespace in namespaces {
      // The store lists events in key order: by name.
      let events = cluster.events.filter { $0.namespace == namespace }.map { EventDocument.json($0, cluster: cluster) }
      print(
        .events,
        events.sorted {
          ($0["metadata"]?["name"]?.stringValue ?? "") < ($1["metadata"]?["name"]?.stringValue ?? "")
        })
      for type in namespacedTypes { print(type, objects(type, namespace).map { $0.json(now: now) }) }
      for pod in objects(.pods, namespace).compactMap({ $0.base as? Pod }) {
        for container in pod.spec.containers {
          let frame = "logs for container \(container.name) of pod \(namespace)/\(pod.metadata.name) ===="
          output.line("==== START " + frame)
          do {
            try LogsCommand.printLogs(
              .init(pod: pod, container: container.name),
              options: .init(container: container.name, previous: false), prefix: false, context: context,
              output: &output)
          } catch {
            if error.text.hasPrefix("Error from server (BadRequest)") {
              output.line(
                "Request log error: the server rejected our request for an unknown reason (get pods \(pod.metadata.name))"
              )
            } else {
              output.line(error.text)
            }
          }
          output.line("==== END " + frame)
        }
      }
    }
  }
}
