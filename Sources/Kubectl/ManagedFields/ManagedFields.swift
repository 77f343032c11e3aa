import KubeSim

/// `metadata.managedFields` as a v1.32 API server would have recorded them, computed when
/// `--show-managed-fields` prints an object: the client writes kubebook kept (``FieldWrite``)
/// replayed through structured-merge-diff's `Updater.Update` (a manager owns what its write
/// added or changed; it takes those fields from every other manager, and a manager left with
/// nothing is dropped), plus the controllers' writes, which kubebook does not record one by
/// one: see `docs/reference/controllers.md` §14 for what is approximated.
enum ManagedFields {
  /// One manager's entry (a manager, operation and subresource: `BuildManagerIdentifier`).
  struct Entry {
    var manager: String
    var subresource: String?
    var apiVersion: String
    var fields: FieldSet
    /// RFC 3339 in seconds, which sorts as the time does.
    var time: String
  }

  /// The fields the API server's `stripMetaManager` never gives to a manager.
  private static let stripped: FieldSet = {
    var set = FieldSet()
    for path in [
      ["f:apiVersion"], ["f:kind"], ["f:metadata"], ["f:metadata", "f:name"], ["f:metadata", "f:namespace"],
      ["f:metadata", "f:creationTimestamp"], ["f:metadata", "f:selfLink"], ["f:metadata", "f:uid"],
      ["f:metadata", "f:generation"], ["f:metadata", "f:managedFields"], ["f:metadata", "f:resourceVersion"],
    ] {
      set.insert(path[...])
    }
    return set
  }()

  /// The entries of `object` (its JSON as printed) in the order the API server encodes them
  /// (`sortEncodedManagedFields`: operation, time in seconds, manager, apiVersion, subresource).
  static func entries(of object: JSONValue, cluster: Cluster) -> [Entry] {
    let uid = object["metadata"]?["uid"]?.stringValue ?? ""
    let apiVersion = object["apiVersion"]?.stringValue ?? "v1"
    let created = object["metadata"]?["creationTimestamp"]?.stringValue ?? cluster.now.rfc3339
    let writes = cluster.fieldWrites[uid] ?? []
    var entries: [Entry] = []
    let ownedByController = object["metadata"]?["ownerReferences"]?.arrayValue?.contains {
      $0["controller"]?.boolValue == true
    }
    if ownedByController == true && !writes.contains(where: { $0.before == nil }) {
      update(&entries, "kube-controller-manager", nil, apiVersion, nil, withoutStatus(object), created)
    }
    for write in writes {
      update(&entries, write.manager, write.subresource, apiVersion, write.before, write.after, write.time.rfc3339)
    }
    if let status = statusWrite(object, created: created) {
      update(
        &entries, status.manager, "status", apiVersion, status.before, status.after, status.time, resetStatus: false)
    }
    return entries.sorted {
      ($0.time, $0.manager, $0.subresource ?? "") < ($1.time, $1.manager, $1.subresource ?? "")
    }
  }

  /// `value` without `status` (the main resource's reset fields).
  static func withoutStatus(_ value: JSONValue) -> JSONValue {
    guard case .object(let pairs) = value else { return value }
    return .object(pairs.filter { $0.0 != "status" })
  }

  /// The zero object the API server compares a create with (`scope.Creater.New`, turned
  /// unstructured): fields Go serialises without `omitempty` are there, as `null` for nil
  /// slices and pointers and as `{}` for structs, so they are not "added" and get no `.`
  /// (k8s.io/api v1.32 json tags: `PodSpec.containers`, `LabelSelector` pointers,
  /// `ObjectMeta.creationTimestamp`, the `template` and `strategy`/`updateStrategy` structs).
  /// kubebook builds it from the spec it is given rather than per Go type.
  private static func zero(like value: JSONValue) -> JSONValue {
    let podSpec: JSONValue = .object([("containers", .null)])
    let objectMeta: JSONValue = .object([("creationTimestamp", .null)])
    var pairs: [(String, JSONValue)] = [("metadata", objectMeta)]
    if let given = value["spec"] {
      var spec: [(String, JSONValue)] = []
      if given["containers"] != nil { spec = podSpec.objectValue ?? [] }
      if given["template"] != nil {
        if given["selector"] != nil { spec.append(("selector", .null)) }
        spec.append(("template", .object([("metadata", objectMeta), ("spec", podSpec)])))
      }
      for name in ["strategy", "updateStrategy"] where given[name] != nil { spec.append((name, .object([]))) }
      pairs.append(("spec", .object(spec)))
    }
    pairs.append(("status", .object([])))
    return .object(pairs)
  }

  /// `Updater.Update` for one write, merged into the manager's earlier entry
  /// (`managedFieldsUpdater`: its time moves only when the write changed something).
  private static func update(
    _ entries: inout [Entry], _ manager: String, _ subresource: String?, _ apiVersion: String,
    _ before: JSONValue?, _ after: JSONValue, _ time: String, resetStatus: Bool = true
  ) {
    let old = before.map { resetStatus ? withoutStatus(beforeAdmission($0)) : $0 } ?? zero(like: after)
    let new = resetStatus ? withoutStatus(beforeAdmission(after)) : after
    let comparison = FieldComparison(old, new)
    let changed = comparison.added.union(comparison.modified).subtracting(stripped)
    for index in entries.indices {
      entries[index].fields = entries[index].fields.subtracting(changed).subtracting(comparison.removed)
    }
    if !changed.isEmpty {
      if let previous = entries.firstIndex(where: { $0.manager == manager && $0.subresource == subresource }) {
        entries[previous].fields = entries[previous].fields.union(changed)
        entries[previous].time = time
      } else {
        entries.append(
          Entry(manager: manager, subresource: subresource, apiVersion: apiVersion, fields: changed, time: time))
      }
    }
    entries.removeAll { $0.fields.isEmpty }
  }

  /// The status the controllers (the kubelet for a pod's, the scheduler for a pod it could
  /// not place) last wrote, and what they wrote it over, with the time: kubebook does not
  /// record those writes, so the time is the latest one the status itself shows, else the
  /// creation time. A pod's status starts as the registry's `PrepareForCreate` sets it
  /// (phase Pending, its QoS class) and, once bound, with the PodScheduled condition the
  /// binding sets (`setPodHostAndAnnotations`): no manager owns those.
  private static func statusWrite(_ object: JSONValue, created: String)
    -> (manager: String, before: JSONValue, after: JSONValue, time: String)?
  {
    guard case .object(let status)? = object["status"], !status.isEmpty else { return nil }
    let kind = object["kind"]?.stringValue ?? ""
    var manager = "kube-controller-manager"
    var initial: [(String, JSONValue)] = []
    if kind == "Pod" {
      let bound = object["spec"]?["nodeName"] != nil
      manager = bound ? "kubelet" : "kube-scheduler"
      initial.append(("phase", .string("Pending")))
      if let qosClass = object["status"]?["qosClass"] { initial.append(("qosClass", qosClass)) }
      let scheduled = object["status"]?["conditions"]?.arrayValue?.filter {
        $0["type"]?.stringValue == "PodScheduled"
      }
      if bound, let scheduled, !scheduled.isEmpty { initial.append(("conditions", .array(scheduled))) }
    }
    var owned: [(String, JSONValue)] = [("status", .object(status))]
    var before: [(String, JSONValue)] = [("metadata", .object([])), ("status", .object(initial))]
    // The deployment controller writes the revision annotation with UpdateStatus.
    let revisionKey = "deployment.kubernetes.io/revision"
    if kind == "Deployment", let revision = object["metadata"]?["annotations"]?[revisionKey] {
      owned.insert(("metadata", .object([("annotations", .object([(revisionKey, revision)]))])), at: 0)
    } else {
      before.removeFirst()
    }
    var latest = created
    collectTimes(.object(status), into: &latest, depth: 0)
    return (manager, .object(before), .object(owned), latest)
  }

  /// A pod without what admission adds after the field manager ran (the create handler
  /// calls `FieldManager.UpdateNoErrors` before mutating admission): the service account's
  /// token volume and mounts and its name (ServiceAccount), the priority and preemption
  /// policy (Priority), the not-ready and unreachable tolerations
  /// (DefaultTolerationSeconds), and the node the binding sets. No manager owns them.
  static func beforeAdmission(_ object: JSONValue) -> JSONValue {
    guard object["kind"]?.stringValue == "Pod", case .object(var pairs) = object,
      let index = pairs.firstIndex(where: { $0.0 == "spec" }), case .object(var spec) = pairs[index].1
    else { return object }
    let tokenMount = "/var/run/secrets/kubernetes.io/serviceaccount"
    let added: Set<String> = ["serviceAccount", "serviceAccountName", "priority", "preemptionPolicy", "nodeName"]
    spec.removeAll { added.contains($0.0) }
    spec = spec.compactMap { key, value in
      switch key {
      case "volumes":
        let kept = (value.arrayValue ?? []).filter {
          !($0["name"]?.stringValue ?? "").hasPrefix("kube-api-access-")
        }
        return kept.isEmpty ? nil : (key, .array(kept))
      case "tolerations":
        let defaults: Set<String> = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
        let kept = (value.arrayValue ?? []).filter { !defaults.contains($0["key"]?.stringValue ?? "") }
        return kept.isEmpty ? nil : (key, .array(kept))
      case "containers", "initContainers":
        let containers: [JSONValue] = (value.arrayValue ?? []).map { container in
          guard case .object(var fields) = container else { return container }
          fields = fields.compactMap { name, mounts in
            guard name == "volumeMounts" else { return (name, mounts) }
            let kept = (mounts.arrayValue ?? []).filter { $0["mountPath"]?.stringValue != tokenMount }
            return kept.isEmpty ? nil : (name, .array(kept))
          }
          return .object(fields)
        }
        return (key, .array(containers))
      default: return (key, value)
      }
    }
    pairs[index].1 = .object(spec)
    return .object(pairs)
  }

  /// The latest RFC 3339 time among the string values under `value`.
  private static func collectTimes(_ value: JSONValue, into latest: inout String, depth: Int) {
    guard depth < 16 else { return }
    switch value {
    case .string(let text):
      if isTime(text), text > latest { latest = text }
    case .array(let items): for item in items { collectTimes(item, into: &latest, depth: depth + 1) }
    case .object(let pairs): for (_, item) in pairs { collectTimes(item, into: &latest, depth: depth + 1) }
    default: break
    }
  }

  /// Whether `text` reads as an RFC 3339 time in seconds (`2024-01-01T00:00:00Z`).
  private static func isTime(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
      bytes[19] == UInt8(ascii: "Z")
    else { return false }
    return true
  }

  /// `object` with `metadata.managedFields` (kept in key order: the printers sort).
  static func adding(to object: JSONValue, cluster: Cluster) -> JSONValue {
    let entries = entries(of: object, cluster: cluster)
    guard case .object(var pairs) = object, let index = pairs.firstIndex(where: { $0.0 == "metadata" }),
      case .object(var metadata) = pairs[index].1, !entries.isEmpty
    else { return object }
    let list: [JSONValue] = entries.map { entry in
      var fields: [(String, JSONValue)] = [
        ("apiVersion", .string(entry.apiVersion)), ("fieldsType", .string("FieldsV1")),
        ("fieldsV1", entry.fields.json), ("manager", .string(entry.manager)), ("operation", .string("Update")),
      ]
      if let subresource = entry.subresource { fields.append(("subresource", .string(subresource))) }
      fields.append(("time", .string(entry.time)))
      return .object(fields)
    }
    let position = metadata.firstIndex { $0.0 > "managedFields" } ?? metadata.endIndex
    metadata.insert(("managedFields", .array(list)), at: position)
    pairs[index].1 = .object(metadata)
    return .object(pairs)
  }
}
