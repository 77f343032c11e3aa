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
