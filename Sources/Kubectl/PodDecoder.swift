import KubeSim

/// Turns a decoded `kind: Pod` manifest into a ``Pod``, collecting unknown fields as the
/// API server's strict field validation does.
struct PodDecoder {
  /// Paths of fields the server would not recognise (`spec.containers[0].imagee`).
  private(set) var unknownFields: [String] = []

  /// Decodes `value`.
  mutating func decode(_ value: JSONValue) -> Pod {
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let specValue = value["spec"] ?? .object([])
    check(
      specValue, path: "spec",
      known: [
        "containers", "restartPolicy", "dnsPolicy", "nodeName", "nodeSelector",
        "terminationGracePeriodSeconds", "serviceAccountName", "serviceAccount", "tolerations",
        "volumes", "initContainers", "hostname", "subdomain", "affinity", "securityContext",
        "enableServiceLinks", "schedulerName", "priority", "preemptionPolicy",
        "automountServiceAccountToken", "hostNetwork",
      ])
    let containers = (specValue["containers"]?.arrayValue ?? []).enumerated().map {
      decodeContainer($1, path: "spec.containers[\($0)]")
    }
    var spec = PodSpec(containers: containers)
    if let policy = specValue["restartPolicy"]?.stringValue { spec.restartPolicy = policy }
    if let policy = specValue["dnsPolicy"]?.stringValue { spec.dnsPolicy = policy }
    if let node = specValue["nodeName"]?.stringValue, !node.isEmpty { spec.nodeName = node }
    if let seconds = specValue["terminationGracePeriodSeconds"]?.intValue {
      spec.terminationGracePeriodSeconds = Int(seconds)
    }
    spec.nodeSelector = stringMap(specValue["nodeSelector"])
    if let account = specValue["serviceAccountName"]?.stringValue { spec.serviceAccountName = account }
    spec.tolerations = (specValue["tolerations"]?.arrayValue ?? []).map { item in
      Toleration(
        key: item["key"]?.stringValue, operator: item["operator"]?.stringValue,
        value: item["value"]?.stringValue, effect: item["effect"]?.stringValue,
        tolerationSeconds: item["tolerationSeconds"]?.intValue.map { Int($0) })
    }
    return Pod(metadata: metadata, spec: spec)
  }

  mutating func decodeMetadata(_ value: JSONValue?, path: String) -> ObjectMeta {
    let value = value ?? .object([])
    check(
      value, path: path,
      known: [
        "name", "namespace", "labels", "annotations", "generateName", "creationTimestamp", "uid",
        "resourceVersion", "ownerReferences", "finalizers", "generation",
      ])
    var meta = ObjectMeta(
      name: value["name"]?.stringValue ?? "", namespace: value["namespace"]?.stringValue,
      labels: stringMap(value["labels"]))
    meta.annotations = stringMap(value["annotations"])
    return meta
  }

  mutating func decodeContainer(_ value: JSONValue, path: String) -> Container {
    check(
      value, path: path,
      known: [
        "name", "image", "command", "args", "ports", "imagePullPolicy", "env", "envFrom",
        "resources", "volumeMounts", "readinessProbe", "livenessProbe", "startupProbe",
        "workingDir", "securityContext", "lifecycle", "terminationMessagePath",
        "terminationMessagePolicy", "stdin", "tty",
      ])
    var container = Container(
      name: value["name"]?.stringValue ?? "", image: value["image"]?.stringValue ?? "",
      imagePullPolicy: value["imagePullPolicy"]?.stringValue)
    container.command = (value["command"]?.arrayValue ?? []).compactMap(\.stringValue)
    container.args = (value["args"]?.arrayValue ?? []).compactMap(\.stringValue)
    container.ports = (value["ports"]?.arrayValue ?? []).enumerated().compactMap { index, port in
      check(port, path: "\(path).ports[\(index)]", known: ["containerPort", "name", "protocol", "hostPort", "hostIP"])
      guard let number = port["containerPort"]?.intValue else { return nil }
      return ContainerPort(
        name: port["name"]?.stringValue, containerPort: Int(number),
        protocol: port["protocol"]?.stringValue ?? "TCP")
    }
    return container
  }

  private func stringMap(_ value: JSONValue?) -> [String: String] {
    var map: [String: String] = [:]
    for (key, item) in value?.objectValue ?? [] {
      switch item {
      case .string(let text): map[key] = text
      case .int(let number): map[key] = String(number)
      case .bool(let flag): map[key] = flag ? "true" : "false"
      default: break
      }
    }
    return map
  }

  private mutating func check(_ value: JSONValue, path: String, known: Set<String>) {
    for (key, _) in value.objectValue ?? [] where !known.contains(key) {
      unknownFields.append(path.isEmpty ? key : path + "." + key)
    }
  }
}
