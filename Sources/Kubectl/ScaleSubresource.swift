import KubeSim

/// The `scale` subresource of a Deployment, ReplicaSet, StatefulSet or ReplicationController
/// (`kubectl get deployment web --subresource=scale`): an `autoscaling/v1` Scale with the
/// object's metadata, `spec.replicas`, `status.replicas` and the selector as text.
enum ScaleSubresource {
  /// The server-side printer's columns for a Scale (`printScale` in `printers.go`).
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Desired"), .init(name: "Available"), .init(name: "Age"),
  ]

  /// The Scale of `object`, or nil when its kind has no scale subresource.
  static func json(of object: APIObject, now: Timestamp) -> JSONValue? {
    guard object.base is any ScalableResource else { return nil }
    let full = object.json(now: now)
    let meta = full["metadata"]?.objectValue ?? []
    // The Scale's metadata keeps the object's identity, not its labels or annotations.
    let kept = ["creationTimestamp", "name", "namespace", "resourceVersion", "uid"]
    var spec = JSONObjectBuilder()
    if let replicas = full["spec"]?["replicas"] { spec.set("replicas", replicas) }
    var status = JSONObjectBuilder()
    status.set("replicas", full["status"]?["replicas"] ?? .int(0))
    if let selector = selectorText(full["spec"]?["selector"]) { status.set("selector", .string(selector)) }
    return .object([
      ("apiVersion", .string("autoscaling/v1")), ("kind", .string("Scale")),
      ("metadata", .object(meta.filter { kept.contains($0.0) })), ("spec", spec.value), ("status", status.value),
    ])
  }

  /// The Scale's row: name, desired and available replicas, age.
  static func row(of scale: JSONValue, now: Timestamp, createdAt: Timestamp) -> [String] {
    [
      scale["metadata"]?["name"]?.stringValue ?? "", String(scale["spec"]?["replicas"]?.intValue ?? 0),
      String(scale["status"]?["replicas"]?.intValue ?? 0), TablePrinters.age(createdAt, now: now),
    ]
  }

  /// `status.selector`: a label selector as text (`metav1.FormatLabelSelector`), or a
  /// ReplicationController's plain map as `k=v,...`.
  static func selectorText(_ value: JSONValue?) -> String? {
    guard let members = value?.objectValue else { return nil }
    let structured = members.contains { $0.0 == "matchLabels" || $0.0 == "matchExpressions" }
    let labels = (structured ? value?["matchLabels"]?.objectValue : members) ?? []
    var spec = SelectorSpec(matchLabels: Dictionary(labels.map { ($0.0, $0.1.stringValue ?? "") }) { $1 })
    for expression in value?["matchExpressions"]?.arrayValue ?? [] where structured {
      spec.matchExpressions.append(
        .init(
          key: expression["key"]?.stringValue ?? "",
          op: APIField(expression["operator"]?.stringValue ?? ""),
          values: expression["values"]?.arrayValue?.compactMap(\.stringValue) ?? []))
    }
    return spec.formatted
  }
}
