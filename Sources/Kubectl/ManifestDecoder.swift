import KubeSim

/// Turns decoded manifests into API objects, collecting unknown fields as the API server's
/// strict field validation does. This file holds what several kinds share (metadata, pod
/// specs, templates, selectors, Go's number and string rules); each kind's own reader lives
/// with the kind, under `Kinds/`.
struct ManifestDecoder {
  /// Paths of fields the server would not recognise (`spec.containers[0].imagee`).
  private(set) var unknownFields: [String] = []
  /// The values the API server's decoder would refuse, by JSON path, with their error texts.
  private var refusals: [(path: String, message: String)] = []

  /// The error the API server's decoder reports: Go's `encoding/json` keeps the first it
  /// meets, and kubectl sends the object with its keys sorted, so that is the refusal first
  /// in that order.
  var decodingError: String? {
    refusals.min { Self.precedes($0.path, $1.path) }?.message
  }

  /// Records that the value at `path` (`spec.containers[0].resources.limits.memory`) is refused.
  mutating func refuse(_ path: String, _ message: String) {
    refusals.append((path, message))
  }

  /// Whether JSON path `a` comes before `b` in a document with sorted keys: key by key,
  /// list indices by number.
  static func precedes(_ a: String, _ b: String) -> Bool {
    let separators: Set<Character> = [".", "[", "]"]
    let left = a.split(whereSeparator: separators.contains)
    let right = b.split(whereSeparator: separators.contains)
    for (x, y) in zip(left, right) where x != y {
      if let first = Int(x), let second = Int(y) { return first < second }
      return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
    }
    return left.count < right.count
  }

  /// Decodes a pod spec found at `path`.
  mutating func decodePodSpec(_ specValue: JSONValue, path: String) -> PodSpec {
    check(
      specValue, path: path,
      known: [
        "containers", "restartPolicy", "dnsPolicy", "nodeName", "nodeSelector",
        "terminationGracePeriodSeconds", "serviceAccountName", "serviceAccount", "tolerations",
        "volumes", "initContainers", "hostname", "subdomain", "affinity", "securityContext",
        "enableServiceLinks", "schedulerName", "priority", "preemptionPolicy",
        "automountServiceAccountToken", "hostNetwork", "topologySpreadConstraints", "priorityClassName",
      ])
    let containers = (specValue["containers"]?.arrayValue ?? []).enumerated().map {
      decodeContainer($1, path: "\(path).containers[\($0)]")
    }
    var spec = PodSpec(containers: containers)
    if let policy = specValue["restartPolicy"]?.stringValue { spec.restartPolicy = APIField(policy) }
    if let policy = specValue["dnsPolicy"]?.stringValue { spec.dnsPolicy = APIField(policy) }
    if let node = specValue["nodeName"]?.stringValue, !node.isEmpty { spec.nodeName = node }
    if let seconds = specValue["terminationGracePeriodSeconds"]?.intValue {
      spec.terminationGracePeriodSeconds = Int(seconds)
    }
    spec.nodeSelector = strictStringMap(
      specValue["nodeSelector"], field: "PodSpec.\(path).nodeSelector", type: "string")
    if let account = specValue["serviceAccountName"]?.stringValue { spec.serviceAccountName = account }
    spec.volumes = (specValue["volumes"]?.arrayValue ?? []).enumerated().map { index, item in
      decodeVolume(item, path: "\(path).volumes[\(index)]")
    }
    readServiceAccountToken(specValue, into: &spec)
    spec.hostname = specValue["hostname"]?.stringValue
    spec.subdomain = specValue["subdomain"]?.stringValue
    spec.tolerations = (specValue["tolerations"]?.arrayValue ?? []).map { item in
      Toleration(
        key: item["key"]?.stringValue, operator: item["operator"]?.stringValue.map { APIField($0) },
        value: item["value"]?.stringValue, effect: item["effect"]?.stringValue.map { APIField($0) },
        tolerationSeconds: item["tolerationSeconds"]?.intValue.map { Int($0) })
    }
    spec.affinity = decodeAffinity(specValue["affinity"], path: path + ".affinity")
    spec.topologySpreadConstraints = decodeTopologySpread(
      specValue["topologySpreadConstraints"], path: path + ".topologySpreadConstraints")
    if let name = specValue["priorityClassName"]?.stringValue, !name.isEmpty { spec.priorityClassName = name }
    return spec
  }

  /// The inverse of the pod's JSON (`Pod+JSON.swift`): the projected `kube-api-access-*`
  /// volume admission added, and its mounts, are the pod's `tokenVolumeName`, not volumes of
  /// its own (a live pod's JSON read back, as `kubectl patch` reads it, keeps its token).
  private func readServiceAccountToken(_ specValue: JSONValue, into spec: inout PodSpec) {
    let tokenVolume = (specValue["volumes"]?.arrayValue ?? []).first { volume in
      (volume["name"]?.stringValue?.hasPrefix("kube-api-access-") ?? false) && volume["projected"] != nil
    }
    guard let name = tokenVolume?["name"]?.stringValue else { return }
    spec.tokenVolumeName = name
    spec.volumes.removeAll { $0.name == name }
    for index in spec.containers.indices {
      spec.containers[index].volumeMounts.removeAll { $0.name == name && $0.mountPath == PodSpec.tokenMountPath }
    }
  }

  /// Decodes `resources:`; requests default to the limits, as the API server defaults them.
  mutating func decodeResources(_ value: JSONValue?, path: String) -> ResourceRequirements {
    var resources = ResourceRequirements()
    guard let value else { return resources }
    check(value, path: path, known: ["requests", "limits", "claims"])
    for (section, limit) in [("requests", false), ("limits", true)] {
      for (name, quantity) in value[section]?.objectValue ?? [] {
        do throws(Quantity.ParseError) {
          try resources.set(name, text: quantityText(quantity), limit: limit)
        } catch {
          refuse("\(path).\(section).\(name)", error.message)
        }
      }
    }
    resources.defaultRequestsToLimits()
    return resources
  }

  /// Decodes a probe, filling in the API server's defaults.
  mutating func decodeProbe(_ value: JSONValue?, path: String) -> Probe? {
    guard let value, let pairs = value.objectValue else { return nil }
    check(
      value, path: path,
      known: [
        "httpGet", "tcpSocket", "exec", "grpc", "initialDelaySeconds", "periodSeconds", "timeoutSeconds",
        "successThreshold", "failureThreshold", "terminationGracePeriodSeconds",
      ])
    var handler: [(String, JSONValue)] = []
    for (key, item) in pairs where ["httpGet", "tcpSocket", "exec", "grpc"].contains(key) {
      if key == "httpGet", case .object(var fields) = item {
        if !fields.contains(where: { $0.0 == "path" }) { fields.append(("path", .string("/"))) }
        if !fields.contains(where: { $0.0 == "scheme" }) { fields.append(("scheme", .string("HTTP"))) }
        handler.append((key, .object(fields)))
      } else {
        handler.append((key, item))
      }
    }
    var probe = Probe(handler: handler)
    for (key, target) in [
      ("initialDelaySeconds", \Probe.initialDelaySeconds), ("periodSeconds", \Probe.periodSeconds),
      ("timeoutSeconds", \Probe.timeoutSeconds), ("successThreshold", \Probe.successThreshold),
      ("failureThreshold", \Probe.failureThreshold),
    ] {
      if let number = int32Field(value[key], "Probe.\(path).\(key)") { probe[keyPath: target] = number }
    }
    return probe
  }

  /// Decodes a pod template found at `path`.
  mutating func decodeTemplate(_ value: JSONValue?, path: String) -> PodTemplate {
    let value = value ?? .object([])
    check(value, path: path, known: ["metadata", "spec"])
    let metadata = decodeMetadata(value["metadata"], path: path + ".metadata")
    return PodTemplate(
      labels: metadata.labels, annotations: metadata.annotations,
      spec: decodePodSpec(value["spec"] ?? .object([]), path: path + ".spec"))
  }

  /// Decodes a `metav1.LabelSelector`.
  mutating func decodeSelector(_ value: JSONValue?, path: String) -> SelectorSpec {
    let value = value ?? .object([])
    check(value, path: path, known: ["matchLabels", "matchExpressions"])
    let expressions = (value["matchExpressions"]?.arrayValue ?? []).map { item in
      SelectorSpec.Expression(
        key: item["key"]?.stringValue ?? "", op: APIField(item["operator"]?.stringValue ?? ""),
        values: (item["values"]?.arrayValue ?? []).compactMap(\.stringValue))
    }
    return SelectorSpec(
      matchLabels: strictStringMap(value["matchLabels"], field: "LabelSelector.\(path).matchLabels", type: "string"),
      matchExpressions: expressions)
  }

  /// Decodes an int-or-percent value (`1`, `"25%"`) at `field` (struct and JSON path, as
  /// ``int32Field(_:_:)`` takes it): `IntOrString` reads a number into an int32.
  mutating func decodeIntOrPercent(_ value: JSONValue?, _ field: String, default fallback: IntOrPercent)
    -> IntOrPercent
  {
    guard let value else { return fallback }
    if case .string(let text) = value {
      if text.hasSuffix("%"), let percent = Int(text.dropLast()) { return .percent(percent) }
      if let number = Int(text) { return .int(number) }
      return fallback
    }
    return int32Field(value, field).map(IntOrPercent.int) ?? fallback
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
      labels: strictStringMap(value["labels"], field: "ObjectMeta.\(path).labels", type: "string"))
    meta.annotations = strictStringMap(value["annotations"], field: "ObjectMeta.\(path).annotations", type: "string")
    return meta
  }

  mutating func decodeContainer(_ value: JSONValue, path: String) -> Container {
    check(
      value, path: path,
      known: [
        "name", "image", "command", "args", "ports", "imagePullPolicy", "env", "envFrom",
        "resources", "volumeMounts", "readinessProbe", "livenessProbe", "startupProbe",
        "workingDir", "securityContext", "lifecycle", "terminationMessagePath",
        "terminationMessagePolicy", "stdin", "stdinOnce", "tty",
      ])
    var container = Container(
      name: value["name"]?.stringValue ?? "", image: value["image"]?.stringValue ?? "",
      imagePullPolicy: value["imagePullPolicy"]?.stringValue.map { APIField($0) })
    container.resources = decodeResources(value["resources"], path: path + ".resources")
    container.readinessProbe = decodeProbe(value["readinessProbe"], path: path + ".readinessProbe")
    container.livenessProbe = decodeProbe(value["livenessProbe"], path: path + ".livenessProbe")
    container.startupProbe = decodeProbe(value["startupProbe"], path: path + ".startupProbe")
    container.env = (value["env"]?.arrayValue ?? []).enumerated().map { index, item in
      decodeEnvVar(item, path: "\(path).env[\(index)]")
    }
    container.envFrom = (value["envFrom"]?.arrayValue ?? []).enumerated().compactMap { index, item in
      check(item, path: "\(path).envFrom[\(index)]", known: ["configMapRef", "secretRef", "prefix"])
      let prefix = item["prefix"]?.stringValue
      for (field, kind) in [("configMapRef", "ConfigMap"), ("secretRef", "Secret")] {
        if let reference = item[field] {
          return EnvFromSource(
            kind: kind, name: reference["name"]?.stringValue ?? "", prefix: prefix,
            optional: boolField(reference["optional"], "\(kind)EnvSource.\(path).envFrom[\(index)].\(field).optional"))
        }
      }
      return nil
    }
    container.volumeMounts = (value["volumeMounts"]?.arrayValue ?? []).enumerated().map { index, item in
      check(
        item, path: "\(path).volumeMounts[\(index)]",
        known: ["name", "mountPath", "readOnly", "subPath", "subPathExpr", "mountPropagation", "recursiveReadOnly"])
      return VolumeMount(
        name: item["name"]?.stringValue ?? "", mountPath: item["mountPath"]?.stringValue ?? "",
        readOnly: boolField(item["readOnly"], "VolumeMount.\(path).volumeMounts[\(index)].readOnly") ?? false,
        subPath: item["subPath"]?.stringValue)
    }
    container.stdin = boolField(value["stdin"], "Container.\(path).stdin") ?? false
    container.stdinOnce = boolField(value["stdinOnce"], "Container.\(path).stdinOnce") ?? false
    container.tty = boolField(value["tty"], "Container.\(path).tty") ?? false
    container.command = strictStringList(value["command"], field: "Container.\(path).command")
    container.args = strictStringList(value["args"], field: "Container.\(path).args")
    container.ports = (value["ports"]?.arrayValue ?? []).enumerated().compactMap { index, port in
      check(port, path: "\(path).ports[\(index)]", known: ["containerPort", "name", "protocol", "hostPort", "hostIP"])
      guard let number = int32Field(port["containerPort"], "ContainerPort.\(path).ports[\(index)].containerPort")
      else { return nil }
      return ContainerPort(
        name: port["name"]?.stringValue, containerPort: number,
        protocol: port["protocol"]?.stringValue.map { APIField($0) } ?? .known(.tcp))
    }
    return container
  }

  /// Decodes one `env` entry.
  mutating func decodeEnvVar(_ item: JSONValue, path: String) -> EnvVar {
    check(item, path: path, known: ["name", "value", "valueFrom"])
    var variable = EnvVar(name: item["name"]?.stringValue ?? "", value: item["value"]?.stringValue)
    if let other = item["value"], other.stringValue == nil, other != .null {
      refuse(
        path + ".value",
        "json: cannot unmarshal \(other.typeName) into Go struct field EnvVar.\(Self.goPath(path)).value of type string"
      )
    }
    guard let from = item["valueFrom"] else { return variable }
    check(from, path: path + ".valueFrom", known: ["configMapKeyRef", "secretKeyRef", "fieldRef", "resourceFieldRef"])
    if let reference = from["configMapKeyRef"] {
      variable.source = .configMapKey(
        name: reference["name"]?.stringValue ?? "", key: reference["key"]?.stringValue ?? "",
        optional: boolField(reference["optional"], "ConfigMapKeySelector.\(path).valueFrom.configMapKeyRef.optional"))
    } else if let reference = from["secretKeyRef"] {
      variable.source = .secretKey(
        name: reference["name"]?.stringValue ?? "", key: reference["key"]?.stringValue ?? "",
        optional: boolField(reference["optional"], "SecretKeySelector.\(path).valueFrom.secretKeyRef.optional"))
    } else if let reference = from["fieldRef"] {
      variable.source = .field(path: reference["fieldPath"]?.stringValue ?? "")
    }
    return variable
  }

  /// Decodes one entry of `volumes`.
  mutating func decodeVolume(_ item: JSONValue, path: String) -> Volume {
    check(
      item, path: path,
      known: [
        "name", "configMap", "secret", "emptyDir", "hostPath", "persistentVolumeClaim", "projected", "nfs", "csi",
      ])
    let name = item["name"]?.stringValue ?? ""
    if let source = item["configMap"] {
      return Volume(
        name: name,
        source: .configMap(
          name: source["name"]?.stringValue ?? "",
          optional: boolField(source["optional"], "ConfigMapVolumeSource.\(path).configMap.optional")))
    }
    if let source = item["secret"] {
      return Volume(
        name: name,
        source: .secret(
          name: source["secretName"]?.stringValue ?? "",
          optional: boolField(source["optional"], "SecretVolumeSource.\(path).secret.optional")))
    }
    if let source = item["hostPath"] {
      return Volume(
        name: name, source: .hostPath(path: source["path"]?.stringValue ?? "", type: source["type"]?.stringValue ?? ""))
    }
    if let source = item["persistentVolumeClaim"] {
      return Volume(
        name: name,
        source: .persistentVolumeClaim(
          claimName: source["claimName"]?.stringValue ?? "",
          readOnly: boolField(
            source["readOnly"], "PersistentVolumeClaimVolumeSource.\(path).persistentVolumeClaim.readOnly") ?? false))
    }
    return Volume(name: name, source: .emptyDir)
  }

  /// A map of strings decoded as Go's `encoding/json` decodes one into a struct field: any
  /// value but a string (or null) is refused with its error, `json: cannot unmarshal number
  /// into Go struct field ConfigMap.data of type string` (``decodingError``).
  mutating func strictStringMap(_ value: JSONValue?, field: String, type: String) -> [String: String] {
    var map: [String: String] = [:]
    for (key, item) in value?.objectValue ?? [] {
      switch item {
      case .string(let text): map[key] = text
      case .null: map[key] = ""
      default:
        let jsonPath = field.drop { $0 != "." }.dropFirst() + ".\(key)"
        refuse(
          String(jsonPath), "json: cannot unmarshal \(item.typeName) into Go struct field \(field) of type \(type)")
      }
    }
    return map
  }

  /// A list of strings (`command`, `args`) decoded as `encoding/json` decodes a `[]string`
  /// field: an element that is not a string is refused with `json: cannot unmarshal number
  /// into Go struct field Container.spec.containers.command of type string`, a value that is
  /// not a list with `... of type []string`.
  mutating func strictStringList(_ value: JSONValue?, field: String) -> [String] {
    let jsonPath = String(field.drop { $0 != "." }.dropFirst())
    let goField = Self.goPath(field)
    switch value {
    case nil, .null?: return []
    case .array(let items)?:
      var strings: [String] = []
      for (index, item) in items.enumerated() {
        if case .string(let text) = item {
          strings.append(text)
        } else {
          refuse(
            "\(jsonPath)[\(index)]",
            "json: cannot unmarshal \(item.typeName) into Go struct field \(goField) of type string")
        }
      }
      return strings
    case let other?:
      refuse(jsonPath, "json: cannot unmarshal \(other.typeName) into Go struct field \(goField) of type []string")
      return []
    }
  }

  /// A JSON path as Go's decoder names a field: without list indices
  /// (`spec.containers[0].env` is `spec.containers.env`).
  static func goPath(_ path: String) -> String {
    path.replacing(#/\[[0-9]+\]/#, with: "")
  }

  /// An `int32` field as Go's `encoding/json` decodes one: nil when absent or null; a
  /// number that is not a whole `int32` (`4294967296`, `1e+20`, `1.5`) or a value of another
  /// type is refused with its error, `json: cannot unmarshal number 4294967296 into Go struct
  /// field DeploymentSpec.spec.replicas of type int32` (``decodingError``). `field` is the
  /// struct type and the JSON path without list indices, as Go names it.
  mutating func int32Field(_ value: JSONValue?, _ field: String) -> Int? {
    let refused: String
    switch value {
    case nil, .null?: return nil
    case .int(let number)?:
      if let exact = Int32(exactly: number) { return Int(exact) }
      refused = "number \(number)"
    case .double(let number)?:
      // The JSON text kubectl sends is encoding/json's; Go's ParseInt reads it or refuses it.
      let text = GoFormat.jsonFloat(number)
      if let whole = Int64(text), let exact = Int32(exactly: whole) { return Int(exact) }
      refused = "number \(text)"
    case let other?:
      refused = other.typeName
    }
    let goField = Self.goPath(field)
    refuse(
      String(field.drop { $0 != "." }.dropFirst()),
      "json: cannot unmarshal \(refused) into Go struct field \(goField) of type int32")
    return nil
  }

  /// A `bool` field as `encoding/json` decodes one: nil when absent or null; any other type
  /// is refused with `json: cannot unmarshal string into Go struct field
  /// Container.spec.containers.stdin of type bool`. `field` is named as for ``int32Field(_:_:)``.
  mutating func boolField(_ value: JSONValue?, _ field: String) -> Bool? {
    switch value {
    case nil, .null?: return nil
    case .bool(let flag)?: return flag
    case let other?:
      refuse(
        String(field.drop { $0 != "." }.dropFirst()),
        "json: cannot unmarshal \(other.typeName) into Go struct field \(Self.goPath(field)) of type bool")
      return nil
    }
  }

  /// The text `Quantity.UnmarshalJSON` parses for a manifest value: a string's contents, a
  /// number's JSON text, anything else as its JSON literal (which no quantity matches, so it
  /// is refused with the parse error); nil for null, which leaves the quantity zero.
  func quantityText(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): return text
    case .int(let number): return String(number)
    case .double(let number): return GoFormat.jsonFloat(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "0"
    case .array: return "["
    case .object: return "{"
    }
  }

  /// A quantity field (`spec.resources.requests.storage`) read as the API server reads it:
  /// its canonical text, or nil after recording apimachinery's parse error at `path`.
  mutating func decodeQuantity(_ value: JSONValue?, path: String) -> String? {
    guard let value else { return nil }
    do throws(Quantity.ParseError) {
      return try Quantity.canonicalJSON(quantityText(value))
    } catch {
      refuse(path, error.message)
      return nil
    }
  }

  /// A `ResourceList` (`spec.hard`, a limit range's `max`) at `path`: each entry's canonical
  /// text (``decodeQuantity(_:path:)``); entries that do not parse are refused.
  mutating func quantityMap(_ value: JSONValue?, path: String) -> [String: String] {
    var map: [String: String] = [:]
    for (name, item) in value?.objectValue ?? [] {
      if let text = decodeQuantity(item, path: "\(path).\(name)") { map[name] = text }
    }
    return map
  }

  mutating func check(_ value: JSONValue, path: String, known: Set<String>) {
    for (key, _) in value.objectValue ?? [] where !known.contains(key) {
      unknownFields.append(path.isEmpty ? key : path + "." + key)
    }
  }
}
