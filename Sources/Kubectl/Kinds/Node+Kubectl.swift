import KubeSim

/// What kubectl knows about a Node.
extension Node: KubectlResource {
  /// `pkg/apis/core/v1/conversion.go` (no `metadata.namespace`) and
  /// `pkg/registry/core/node/strategy.go` `NodeToSelectableFields` (`fmt.Sprint` of the bool).
  static var selectableFields: SelectableFields<Node> {
    .core([
      .init(label: "metadata.name", value: { $0.metadata.name }),
      .init(label: "spec.unschedulable", value: { $0.spec.unschedulable ? "true" : "false" }),
    ])
  }

  static let columns: [Table.Column] = [
    .objectName, .init(name: "Status", description: "The status of the node"),
    .init(name: "Roles", description: "The roles of the node"), .age,
    .init(name: "Version", description: "Kubelet Version reported by the node."),
    .init(name: "Internal-IP", wide: true, description: addressesDoc),
    .init(name: "External-IP", wide: true, description: addressesDoc),
    .init(
      name: "OS-Image", wide: true,
      description: "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."),
    .init(
      name: "Kernel-Version", wide: true,
      description: "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
    .init(
      name: "Container-Runtime", wide: true,
      description:
        "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2)."),
  ]

  /// `NodeStatus`'s doc of `addresses` (core/v1 `types_swagger_doc_generated.go`, v0.32.4), the
  /// description of both IP columns.
  static let addressesDoc =
    "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP)."

  /// One `kubectl get nodes` row (printNode).
  func row(now: Timestamp) -> [String] {
    let node = self
    var status: String
    switch node.status.ready {
    case .true: status = "Ready"
    case .false, .unknown: status = "NotReady"
    }
    if node.spec.unschedulable { status += ",SchedulingDisabled" }
    let roles = node.roles
    return [
      node.metadata.name, status, roles.isEmpty ? "<none>" : roles.joined(separator: ","),
      TablePrinters.age(node.metadata.creationTimestamp, now: now), node.status.kubeletVersion,
      node.status.internalIP, "<none>", node.status.osImage, node.status.kernelVersion,
      node.status.containerRuntimeVersion,
    ]
  }

  static var describer: Describer<Node>? { Describer { DescribeCommand.describeNode($0, cluster: $1) } }

  /// A manifest may change a node's labels, annotations, taints and `spec.unschedulable`
  /// (`kubectl patch node`, `apply`); it cannot create a node, which joins the cluster through
  /// its kubelet. Other changes leave the node as it is, and `patch` says so.
  static var manifest: ManifestHandler<Node>? {
    ManifestHandler(
      decode: { $0.decodeNode($1) },
      create: nil,
      update: { live, desired, _, context throws(KubectlError) in
        let name = live.metadata.name
        var changed = false
        if desired.metadata.labels != live.metadata.labels || desired.metadata.annotations != live.metadata.annotations
        {
          _ = context.cluster.updateObjectMetadata(
            kind: "Node", namespace: "", name: name, labels: desired.metadata.labels,
            annotations: desired.metadata.annotations)
          changed = true
        }
        // The node lifecycle's own taint follows spec.unschedulable; the others are the manifest's.
        let controlled = "node.kubernetes.io/unschedulable"
        let wanted = desired.spec.taints.filter { $0.key != controlled }
        let held = live.spec.taints.filter { $0.key != controlled }
        let sameTaints =
          wanted.count == held.count
          && zip(wanted, held).allSatisfy { $0.key == $1.key && $0.value == $1.value && $0.effect == $1.effect }
        do throws(APIError) {
          if !sameTaints {
            _ = try context.cluster.setTaints(name, wanted + live.spec.taints.filter { $0.key == controlled })
            changed = true
          }
          if desired.spec.unschedulable != live.spec.unschedulable {
            _ = try context.cluster.setUnschedulable(name, desired.spec.unschedulable)
            changed = true
          }
        } catch {
          throw .api(error)
        }
        return changed ? "configured" : "unchanged"
      })
  }

  static var deleter: Deleter<Node>? { nil }

  static var patchSchema: PatchSchema { .node }
}

/// How the API server reads a Node manifest: the parts kubebook lets a manifest change.
extension ManifestDecoder {
  /// Decodes a Node manifest (v1): metadata, `spec.unschedulable` and `spec.taints`.
  mutating func decodeNode(_ value: JSONValue) -> Node {
    let spec = value["spec"]
    var nodeSpec = NodeSpec(podCIDR: spec?["podCIDR"]?.stringValue ?? "")
    nodeSpec.unschedulable =
      spec?["unschedulable"].flatMap { if case .bool(let flag) = $0 { flag } else { nil } } ?? false
    for (index, item) in (spec?["taints"]?.arrayValue ?? []).enumerated() {
      let effectText = item["effect"]?.stringValue ?? ""
      guard let effect = TaintEffect(rawValue: effectText) else {
        refuse(
          "spec.taints[\(index)].effect",
          "Node \"\(value["metadata"]?["name"]?.stringValue ?? "")\" is invalid: spec.taints[\(index)].effect: Unsupported value: \(Validation.quote(effectText)): supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""
        )
        continue
      }
      nodeSpec.taints.append(
        Taint(key: item["key"]?.stringValue ?? "", value: item["value"]?.stringValue, effect: effect))
    }
    return Node(
      metadata: decodeMetadata(value["metadata"], path: "metadata"), spec: nodeSpec,
      status: NodeStatus(internalIP: "", cpuMillis: 0, memoryBytes: 0))
  }
}
