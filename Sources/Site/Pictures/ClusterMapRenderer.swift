import BookConfig

/// The cluster map after a scenario, as inline SVG that needs no script: each node a box,
/// each pod a chip inside the node it runs on (or in a box of pods not yet scheduled),
/// coloured by the workload it belongs to — lighter for older revisions — and outlined by
/// its state. Every chip has a `<title>` with the pod's name, status and node.
enum ClusterMapRenderer {
  /// The most chips drawn in one node; the rest are counted in a `+N` chip.
  static let chipsPerNode = 40

  static let width = 760
  static let gap = 10
  static let chipHeight = 36
  static let headerHeight = 28

  /// Hues for workloads, in the order their names sort.
  static let hues = [212, 28, 140, 275, 350, 180, 48, 95]

  static func render(_ state: ClusterState, id: String, strings: SiteStrings) -> String {
    guard !state.pods.isEmpty else { return "" }
    var boxes = state.nodes.map { node in
      (name: node.name, status: node.status, pods: state.pods.filter { $0.node == node.name })
    }
    let nodeNames = Set(state.nodes.map(\.name))
    let unscheduled = state.pods.filter { pod in pod.node.map { !nodeNames.contains($0) } ?? true }
    if !unscheduled.isEmpty { boxes.append((name: strings[.mapUnscheduled], status: "", pods: unscheduled)) }
    let colours = palette(state.pods, strings: strings)
    let boxWidth = (width - gap * (boxes.count + 1)) / max(1, boxes.count)
    let perRow = max(1, (boxWidth - 10) / 112)
    let chipWidth = (boxWidth - 10 - 6 * (perRow - 1)) / perRow
    let rows = boxes.map { (min($0.pods.count, chipsPerNode + 1) + perRow - 1) / perRow }.max() ?? 0
    let boxHeight = headerHeight + max(1, rows) * (chipHeight + 6) + 6
    let legend = colours.keys.sorted()
    let height = gap + boxHeight + 16 + legend.count * 20 + gap
    let summary = strings.format(.mapSummary, ["nodes": "\(state.nodes.count)", "pods": "\(state.pods.count)"])
    var svg =
      "<figure class=\"cluster-map\"><svg role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(width) \(height)\" "
    svg +=
      "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"\(id)-title\">\(HTML.escape(summary))</title>"
    for (index, box) in boxes.enumerated() {
      let x = gap + index * (boxWidth + gap)
      let notReady = !box.status.isEmpty && box.status != "Ready" && !box.status.hasPrefix("Ready,")
      svg +=
        "<g><rect class=\"map-node\(notReady ? " map-node-down" : "")\" x=\"\(x)\" y=\"\(gap)\" width=\"\(boxWidth)\" height=\"\(boxHeight)\" rx=\"8\"/>"
      svg += "<text class=\"map-node-name\" x=\"\(x + 8)\" y=\"\(gap + 18)\">" + HTML.escape(box.name)
      if !box.status.isEmpty { svg += " <tspan class=\"map-node-status\">" + HTML.escape(box.status) + "</tspan>" }
      svg += "</text>"
      for (slot, pod) in box.pods.prefix(chipsPerNode).enumerated() {
        let chipX = x + 5 + (slot % perRow) * (chipWidth + 6)
        let chipY = gap + headerHeight + (slot / perRow) * (chipHeight + 6)
        svg += chip(
          pod, x: chipX, y: chipY, width: chipWidth, colour: colours[colourKey(pod, strings: strings)] ?? (212, 0),
          strings: strings)
      }
      if box.pods.count > chipsPerNode {
        let slot = chipsPerNode
        let chipX = x + 5 + (slot % perRow) * (chipWidth + 6)
        let chipY = gap + headerHeight + (slot / perRow) * (chipHeight + 6)
        svg +=
          "<text class=\"map-more\" x=\"\(chipX + 6)\" y=\"\(chipY + 22)\">+\(box.pods.count - chipsPerNode)</text>"
      }
      svg += "</g>"
    }
    var y = gap + boxHeight + 16
    for key in legend {
      let (hue, age) = colours[key] ?? (212, 0)
      svg += "<rect x=\"\(gap)\" y=\"\(y)\" width=\"14\" height=\"14\" rx=\"3\" fill=\"\(fill(hue: hue, age: age))\"/>"
      svg += "<text class=\"map-legend\" x=\"\(gap + 20)\" y=\"\(y + 12)\">" + HTML.escape(key) + "</text>"
      y += 20
    }
    return svg + "</svg></figure>"
  }

  /// What a chip's colour stands for: the workload, and its revision when it has one.
  static func colourKey(_ pod: ClusterState.PodPlacement, strings: SiteStrings) -> String {
    pod.revision.isEmpty
      ? pod.workload : strings.format(.mapRevision, ["workload": pod.workload, "revision": pod.revision])
  }

  /// A hue per workload and, within it, an age per revision (0 = newest): revisions that
  /// are numbers sort as numbers, hashes as text.
  static func palette(_ pods: [ClusterState.PodPlacement], strings: SiteStrings) -> [String: (hue: Int, age: Int)] {
    let workloads = Array(Set(pods.map(\.workload))).sorted()
    var result: [String: (hue: Int, age: Int)] = [:]
    for (index, workload) in workloads.enumerated() {
      let revisions = Array(Set(pods.filter { $0.workload == workload }.map(\.revision))).sorted {
        if let a = Int($0), let b = Int($1) { return a > b }
        return $0 > $1
      }
      for (age, revision) in revisions.enumerated() {
        let pod = ClusterState.PodPlacement(
          namespace: "", name: "", node: nil, status: "", ready: "", workload: workload, revision: revision)
        result[colourKey(pod, strings: strings)] = (hues[index % hues.count], min(age, 2))
      }
    }
    return result
  }

  static func fill(hue: Int, age: Int) -> String {
    "hsl(\(hue), \([62, 50, 40][age])%, \([40, 62, 78][age])%)"
  }

  static func chip(
    _ pod: ClusterState.PodPlacement, x: Int, y: Int, width: Int, colour: (hue: Int, age: Int), strings: SiteStrings
  ) -> String {
    let tone = StateTablesRenderer.tone(of: pod.status)
    // 11px monospace is about 6.7px a character: keep the end of the name, where the
    // random suffix that tells pods apart is.
    let fits = max(4, (width - 12) * 10 / 67)
    let label = pod.name.count > fits ? "…" + pod.name.suffix(fits - 1) : Substring(pod.name)
    let textClass = colour.age == 0 ? "map-chip-text" : "map-chip-text map-chip-text-dark"
    var svg = "<g class=\"map-pod map-pod-\(tone)\"><title>"
    svg +=
      HTML.escape(
        strings.format(
          .mapPodTitle,
          ["pod": pod.name, "status": pod.status, "ready": pod.ready, "node": pod.node ?? strings[.mapUnscheduled]]))
      + "</title>"
    svg +=
      "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(chipHeight)\" rx=\"6\" fill=\"\(fill(hue: colour.hue, age: colour.age))\"/>"
    svg += "<text class=\"\(textClass)\" x=\"\(x + 6)\" y=\"\(y + 15)\">" + HTML.escape(String(label)) + "</text>"
    svg +=
      "<text class=\"\(textClass) map-chip-status\" x=\"\(x + 6)\" y=\"\(y + 30)\">" + HTML.escape(pod.status)
      + "</text>"
    return svg + "</g>"
  }
}
