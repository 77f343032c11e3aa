import KubeSim

/// Records the writes a kubectl command makes, with the field manager kubectl sends
/// (`cmdutil.AddFieldManagerFlagVar`'s default per command in kubectl v0.32.4, or
/// `--field-manager`; a command without the flag sends none, so the API server names the
/// manager after the user agent's first word, `kubectl`), for `--show-managed-fields`.
/// Changes are taken before the controllers run (``CommandContext/settle()``), so what a
/// controller does in reaction is not the client's.
enum ClientWrites {
  /// kubectl's default field manager per command path, and the subresource it writes.
  private static let managers: [String: (manager: String, subresource: String?)] = [
    "apply": ("kubectl-client-side-apply", nil), "annotate": ("kubectl-annotate", nil),
    "autoscale": ("kubectl-autoscale", nil), "edit": ("kubectl-edit", nil), "expose": ("kubectl-expose", nil),
    "label": ("kubectl-label", nil), "patch": ("kubectl-patch", nil), "replace": ("kubectl-replace", nil),
    "rollout pause": ("kubectl-rollout", nil), "rollout restart": ("kubectl-rollout", nil),
    "rollout resume": ("kubectl-rollout", nil), "rollout undo": ("kubectl", nil), "run": ("kubectl-run", nil),
    "scale": ("kubectl", "scale"), "taint": ("kubectl-taint", nil),
  ]

  /// The field manager of the command at `path` (`create ...` and `set ...` share theirs),
  /// with `--field-manager` when given; nil for a command that writes nothing kubebook records.
  static func manager(path: String, arguments: [String]) -> (manager: String, subresource: String?)? {
    let words = path.split(separator: " ")
    var found = managers[path]
    if found == nil, words.first == "create" { found = ("kubectl-create", nil) }
    if found == nil, words.first == "set" { found = ("kubectl-set", nil) }
    guard var found else { return nil }
    for (index, argument) in arguments.enumerated() {
      if argument.hasPrefix("--field-manager=") {
        found.manager = String(argument.dropFirst("--field-manager=".count))
      } else if argument == "--field-manager", index + 1 < arguments.count {
        found.manager = arguments[index + 1]
      }
    }
    return found
  }

  /// Appends to `cluster.fieldWrites` every built-in object written since `mark` (a later
  /// resource version) whose fields other than its status changed, as `manager`'s write.
  static func record(
    since mark: Cluster, into cluster: inout Cluster, manager: String, subresource: String?
  ) {
    let since = mark.currentResourceVersion
    guard cluster.currentResourceVersion > since else { return }
    let now = cluster.now
    for kind in ServedKinds.all {
      for object in kind.list(in: cluster, namespace: nil) where object.metadata.resourceVersion > since {
        let uid = object.metadata.uid
        let after = ManagedFields.withoutStatus(object.json(now: now))
        let previous = kind.get(object.metadata.name, namespace: object.metadata.namespace ?? "", in: mark)
        let before = previous.flatMap {
          $0.metadata.uid == uid ? ManagedFields.withoutStatus($0.json(now: mark.now)) : nil
        }
        if let before, before == after { continue }
        let write = FieldWrite(manager: manager, subresource: subresource, time: now, before: before, after: after)
        cluster.fieldWrites[uid, default: []].append(write)
      }
    }
  }
}
