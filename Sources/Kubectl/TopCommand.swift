import KubeSim

/// `kubectl top pod|node` over the simulated Metrics API (``ResourceUsage``), printed as
/// `metricsutil/metrics_printer.go` does: every cell tab-terminated (so the last column is
/// padded too), CPU as `<n>m`, memory as `<n>Mi`, nodes with percentages of allocatable.
enum TopCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "namespace", short: "n", takesValue: true),
    .init(name: "all-namespaces", short: "A", takesValue: false),
    .init(name: "selector", short: "l", takesValue: true),
    .init(name: "no-headers", takesValue: false),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    guard let resource = arguments.first, !resource.hasPrefix("-") else {
      throw .plain("kubebook simulates \"kubectl top pod\" and \"kubectl top node\"; say which")
    }
    let parsed = try FlagParser(command: "top", specs: flags).parse(Array(arguments.dropFirst()))
    let writer = GoTabWriter(minWidth: 6, padding: 3)
    var text = ""
    func row(_ cells: [String]) { text += cells.map { $0 + "\t" }.joined() + "\n" }
    let selector = try parsed.value("selector").map { value throws(KubectlError) in
      do { return try LabelSelector.parse(value) } catch { throw .plain("unable to parse requirement: \(value)") }
    }
    switch resource {
    case "pod", "pods", "po":
      let all = parsed.flag("all-namespaces")
      let namespace = context.namespace(parsed)
      var pods = context.cluster.listPods(namespace: all ? nil : namespace).filter {
        selector?.matches($0.metadata.labels) ?? true
      }
      if let name = parsed.positional.first {
        pods = pods.filter { $0.metadata.name == name }
        guard !pods.isEmpty else {
          throw KubectlError(
            text: "Error from server (NotFound): podmetrics.metrics.k8s.io \"\(namespace)/\(name)\" not found")
        }
      }
      let measured = pods.compactMap { pod in ResourceUsage.pod(pod, cluster: context.cluster).map { (pod, $0) } }
      if measured.isEmpty {
        if !pods.isEmpty { throw .plain("metrics not available yet") }
        output.line(all ? "No resources found" : "No resources found in \(namespace) namespace.")
        return
      }
      if !parsed.flag("no-headers") { row((all ? ["NAMESPACE"] : []) + ["NAME", "CPU(cores)", "MEMORY(bytes)"]) }
      for (pod, usage) in measured {
        row(
          (all ? [pod.metadata.namespace ?? "default"] : []) + [
            pod.metadata.name, "\(usage.millicores)m", "\(usage.bytes / (1024 * 1024))Mi",
          ])
      }
    case "node", "nodes", "no":
      var nodes = context.cluster.sortedNodes.filter { selector?.matches($0.metadata.labels) ?? true }
      if let name = parsed.positional.first {
        nodes = nodes.filter { $0.metadata.name == name }
        guard !nodes.isEmpty else {
          throw KubectlError(text: "Error from server (NotFound): nodemetrics.metrics.k8s.io \"\(name)\" not found")
        }
      }
      if !parsed.flag("no-headers") { row(["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"]) }
      for node in nodes {
        guard let usage = ResourceUsage.node(node, cluster: context.cluster) else {
          row([node.metadata.name, "<unknown>", "<unknown>", "<unknown>", "<unknown>"])
          continue
        }
        let cpuPercent = usage.millicores.saturatingMultiply(100) / max(1, node.status.cpuMillis)
        let memoryPercent = usage.bytes.saturatingMultiply(100) / max(1, node.status.memoryBytes)
        row([
          node.metadata.name, "\(usage.millicores)m", "\(cpuPercent)%", "\(usage.bytes / (1024 * 1024))Mi",
          "\(memoryPercent)%",
        ])
      }
    default:
      throw .plain("kubebook simulates \"kubectl top pod\" and \"kubectl top node\", not \"kubectl top \(resource)\"")
    }
    output.write(writer.format(text))
  }
}
