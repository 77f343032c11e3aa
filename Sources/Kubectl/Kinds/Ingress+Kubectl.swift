import KubeSim

/// What kubectl knows about an Ingress.
extension Ingress: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Class"), .init(name: "Hosts"), .init(name: "Address"), .init(name: "Ports"),
    .init(name: "Age"),
  ]

  func row(now: Timestamp) -> [String] {
    // HOSTS: the first three rule hosts, then ` + N more...`; `*` when no rule names a host.
    let hosts = rules.compactMap(\.host).filter { !$0.isEmpty }
    var hostsCell = hosts.isEmpty ? "*" : hosts.prefix(3).joined(separator: ",")
    if hosts.count > 3 { hostsCell += " + \(rules.count - 3) more..." }
    return [
      metadata.name, className ?? "<none>", hostsCell, "", tls.isEmpty ? "80" : "80, 443",
      TablePrinters.age(metadata.creationTimestamp, now: now),
    ]
  }

  static var describer: Describer<Ingress>? { Describer { DescribeCommand.describeIngress($0, cluster: $1) } }

  static var manifest: ManifestHandler<Ingress>? {
    ManifestHandler(
      decode: { $0.decodeIngress($1) },
      create: { object, cluster throws(APIError) in try cluster.createIngress(object) },
      update: { _, _, _, _ in "unchanged" })
  }

  static var deleter: Deleter<Ingress>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteIngress(name, namespace: namespace)
      return Deletion()
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes an Ingress manifest (networking.k8s.io/v1).
  mutating func decodeIngress(_ value: JSONValue) -> Ingress {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let spec = value["spec"] ?? .object([])
    check(spec, path: "spec", known: ["ingressClassName", "rules", "tls", "defaultBackend"])
    func backend(_ value: JSONValue?) -> (String, Service.Target)? {
      guard let service = value?["service"] else { return nil }
      let port: Service.Target =
        service["port"]?["number"]?.intValue.map { .number(Int($0)) }
        ?? .name(service["port"]?["name"]?.stringValue ?? "")
      return (service["name"]?.stringValue ?? "", port)
    }
    let rules = (spec["rules"]?.arrayValue ?? []).map { rule in
      Ingress.Rule(
        host: rule["host"]?.stringValue,
        paths: (rule["http"]?["paths"]?.arrayValue ?? []).compactMap { path in
          guard let (service, port) = backend(path["backend"]) else { return nil }
          return Ingress.Path(
            path: path["path"]?.stringValue ?? "/", pathType: path["pathType"]?.stringValue ?? "ImplementationSpecific",
            service: service, port: port)
        })
    }
    var ingress = Ingress(
      metadata: decodeMetadata(value["metadata"], path: "metadata"), className: spec["ingressClassName"]?.stringValue,
      rules: rules)
    ingress.tls = (spec["tls"]?.arrayValue ?? []).map { entry in
      Ingress.TLS(
        hosts: (entry["hosts"]?.arrayValue ?? []).compactMap(\.stringValue),
        secretName: entry["secretName"]?.stringValue)
    }
    ingress.defaultBackend = backend(spec["defaultBackend"]).map { (service: $0.0, port: $0.1) }
    return ingress
  }
}
