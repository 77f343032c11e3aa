import KubeSim

extension DescribeCommand {
  /// `describeService` (`staging/src/k8s.io/kubectl/pkg/describe/describe.go`, v1.32): the
  /// Endpoints line of each port comes from the Service's EndpointSlices.
  static func describeService(_ service: Service, cluster: Cluster) -> String {
    var text = metadataLines(service.metadata)
    text += "Selector:\t\(TablePrinters.formatLabels(service.selector))\n"
    text += "Type:\t\(service.type)\n"
    let hasIP = service.type.value != .externalName
    if hasIP { text += "IP Family Policy:\tSingleStack\n" }
    text += "IP Families:\t\(hasIP ? "IPv4" : "<none>")\n"
    text += "IP:\t\(service.clusterIP)\n"
    text += "IPs:\t\(hasIP ? service.clusterIP : "<none>")\n"
    if let externalName = service.externalName { text += "External Name:\t\(externalName)\n" }
    let endpoints = cluster.endpoints[(service.metadata.namespace ?? "default") + "/" + service.metadata.name]
    let slices = service.selector.isEmpty && endpoints == nil ? nil : endpoints
    for port in service.ports {
      let name = port.name ?? "<unset>"
      text += "Port:\t\(name)\t\(port.port)/\(port.protocol)\n"
      text += "TargetPort:\t\(port.targetPort)/\(port.protocol)\n"
      if let nodePort = port.nodePort { text += "NodePort:\t\(name)\t\(nodePort)/\(port.protocol)\n" }
      text += "Endpoints:\t\(formatEndpointSlices(slices, portName: port.name ?? ""))\n"
    }
    text += "Session Affinity:\tNone\n"
    if service.hasNodePorts { text += "External Traffic Policy:\tCluster\n" }
    if hasIP { text += "Internal Traffic Policy:\tCluster\n" }
    return text
  }

  /// `formatEndpointSlices` for one port: up to three ready `ip:port` entries; the
  /// ` + N more...` count includes endpoints that are not ready. `<none>` when there are no
  /// slices (a Service without a selector), empty when none is ready.
  static func formatEndpointSlices(_ endpoints: Endpoints?, portName: String) -> String {
    guard let endpoints else { return "<none>" }
    var list: [String] = []
    var more = false
    var count = 0
    for subset in endpoints.subsets {
      let all =
        (subset.addresses.map { ($0, true) } + subset.notReadyAddresses.map { ($0, false) })
        .sorted { $0.0.ip.utf8.lexicographicallyPrecedes($1.0.ip.utf8) }
      for port in subset.ports where (port.name ?? "") == portName {
        for (address, ready) in all {
          if list.count == 3 { more = true }
          if !more && ready { list.append("\(address.ip):\(port.port)") }
          count += 1
        }
      }
    }
    let text = list.joined(separator: ",")
    return more ? text + " + \(count - 3) more..." : text
  }
}
