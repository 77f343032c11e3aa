import KubeSim

/// A stored event as the API server serves it (`core/v1` `Event`, fields in the Go struct's
/// order, as a typed client prints them). kubebook keeps fewer facts than the API server:
/// the name is client-go's (`tools/record/event.go` `makeEvent`: the object's name, `.`, the
/// first time in nanoseconds as hex), the uid comes from the cluster's seed and that name,
/// the involved object's uid and apiVersion from the object as it is stored now (none when it
/// is gone), and the event's own `resourceVersion`, the involved object's `resourceVersion`
/// and `fieldPath` and the source's `host` are left out.
enum EventDocument {
  /// The event's JSON on the cluster `cluster`.
  static func json(_ event: Event, cluster: Cluster) -> JSONValue {
    let nanoseconds = event.firstTimestamp.milliseconds.multipliedReportingOverflow(by: 1_000_000)
    let name = event.involvedName + "." + String(UInt64(bitPattern: nanoseconds.partialValue), radix: 16)
    var generator = NameGenerator(seed: cluster.config.seed ^ ImageCatalog.fnv1a("event:\(event.namespace)/\(name)"))
    var involved: [(String, JSONValue)] = [("kind", .string(event.involvedKind))]
    // The kubelet reports about its node through a reference it builds itself, with the
    // node's name as uid and no apiVersion (`pkg/kubelet/kubelet.go`, `nodeRef`).
    let kubeletNode = event.involvedKind == "Node" && event.source == "kubelet"
    let type = kubeletNode ? nil : ResourceType.all.first { $0.kind == event.involvedKind }
    if type?.namespaced != false && !kubeletNode { involved.append(("namespace", .string(event.namespace))) }
    involved.append(("name", .string(event.involvedName)))
    if kubeletNode { involved.append(("uid", .string(event.involvedName))) }
    if let type,
      let object = APIObject.lookup(type, name: event.involvedName, namespace: event.namespace, cluster: cluster)
    {
      involved.append(("uid", .string(object.metadata.uid)))
    }
    if let type {
      involved.append(("apiVersion", .string(type.group.isEmpty ? "v1" : type.group + "/" + type.preferredVersion)))
    }
    return .object([
      (
        "metadata",
        .object([
          ("name", .string(name)), ("namespace", .string(event.namespace)), ("uid", .string(generator.uuid())),
          ("creationTimestamp", .string(event.firstTimestamp.rfc3339)),
        ])
      ),
      ("involvedObject", .object(involved)), ("reason", .string(event.reason)), ("message", .string(event.message)),
      ("source", .object([("component", .string(event.source))])),
      ("firstTimestamp", .string(event.firstTimestamp.rfc3339)),
      ("lastTimestamp", .string(event.lastTimestamp.rfc3339)), ("count", .int(Int64(event.count))),
      ("type", .string(event.type.rawValue)), ("eventTime", .null), ("reportingComponent", .string("")),
      ("reportingInstance", .string("")),
    ])
  }
}
