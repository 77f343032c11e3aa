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
    .init(name: "containers", takesValue: false),
    .init(name: "sort-by", takesValue: true),
    .init(name: "sum", takesValue: false),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    guard let resource = arguments.first, !resource.hasPrefix("-") else {
      throw .plain("kubebook simulates \"kubectl top pod\" and \"kubectl top node\"; say which")
    }
    let path = KubectlCommandTree.resolve(["top", resource]).path
    let parsed = try FlagParser(command: path == "top" ? "top" : path, specs: flags).parse(
      Array(arguments.dropFirst()))
    let sortBy = parsed.value("sort-by") ?? ""
    guard ["", "cpu", "memory"].contains(sortBy) else { throw .plain("--sort-by accepts only cpu or memory") }
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
      var measured = pods.compactMap { pod in ResourceUsage.pod(pod, cluster: context.cluster).map { (pod, $0) } }
      if measured.isEmpty {
        if !pods.isEmpty { throw .plain("metrics not available yet") }
        output.line(all ? "No resources found" : "No resources found in \(namespace) namespace.")
        return
      }
      // `PodMetricsSorter` through Go's `sort.Sort`: by CPU or memory, largest first, else by
      // namespace and name.
      let order = GoSort.sort(count: measured.count) { i, j in
        let (a, b) = (measured[i], measured[j])
        switch sortBy {
        case "cpu": return a.1.millicores > b.1.millicores
        case "memory": return a.1.bytes > b.1.bytes
        default:
          let (left, right) = (a.0.metadata.namespace ?? "", b.0.metadata.namespace ?? "")
          return all && left != right ? left < right : a.0.metadata.name < b.0.metadata.name
        }
      }
      measured = order.map { measured[$0] }
      let containers = parsed.flag("containers")
      if !parsed.flag("no-headers") {
        row((all ? ["NAMESPACE"] : []) + (containers ? ["POD"] : []) + ["NAME", "CPU(cores)", "MEMORY(bytes)"])
      }
      for (pod, usage) in measured {
        let prefix = all ? [pod.metadata.namespace ?? "default"] : []
        guard containers, var perContainer = ResourceUsage.containers(pod, cluster: context.cluster) else {
          row(prefix + [pod.metadata.name, "\(usage.millicores)m", "\(usage.bytes / (1024 * 1024))Mi"])
          continue
        }
        let containerOrder = GoSort.sort(count: perContainer.count) { i, j in
          switch sortBy {
          case "cpu": return perContainer[i].millicores > perContainer[j].millicores
          case "memory": return perContainer[i].bytes > perContainer[j].bytes
          default: return perContainer[i].name < perContainer[j].name
          }
        }
        perContainer = containerOrder.map { perContainer[$0] }
        for container in perContainer {
          row(
            prefix + [
              pod.metadata.name, container.name, "\(container.millicores)m", "\(container.bytes / (1024 * 1024))Mi",
            ])
        }
      }
      if parsed.flag("sum") {
        // `printPodResourcesSum`: underlines under the two usage columns, then the totals.
        let width = 3 + (all ? 1 : 0) + (containers ? 1 : 0)
        row(Array(repeating: "", count: width - 2) + ["________", "________"])
        let cpu = measured.reduce(0) { $0.saturatingAdd($1.1.millicores) }
        let memory = measured.reduce(Int64(0)) { $0.saturatingAdd($1.1.bytes) }
        row(Array(repeating: "", count: width - 3) + ["", "\(cpu)m", "\(memory / (1024 * 1024))Mi"])
      }
    case "node", "nodes", "no":
      var nodes = context.cluster.sortedNodes.filter { selector?.matches($0.metadata.labels) ?? true }
      if let name = parsed.positional.first {
        nodes = nodes.filter { $0.metadata.name == name }
        guard !nodes.isEmpty else {
          throw KubectlError(text: "Error from server (NotFound): nodemetrics.metrics.k8s.io \"\(name)\" not found")
        }
      }
      if !sortBy.isEmpty {
        // `NodeMetricsSorter`: largest first; nodes without metrics count as zero.
        let usage = nodes.map { ResourceUsage.node($0, cluster: context.cluster) }
        nodes = GoSort.sort(count: nodes.count) { i, j in
          sortBy == "cpu"
            ? (usage[i]?.millicores ?? 0) > (usage[j]?.millicores ?? 0)
            : (usage[i]?.bytes ?? 0) > (usage[j]?.bytes ?? 0)
        }.map { nodes[$0] }
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
