import BookConfig
import Course
import KubeSim

/// The rollout timeline of a command that waited (`rollout status`, `get -w`, `sleep`,
/// `wait`): the pods of each ReplicaSet over the command's virtual time, as inline SVG that
/// needs no script — a solid line for ready pods, a dashed one for the pods it has — with the
/// events of the workloads marked on the time axis (each mark's `<title>` says what happened).
enum TimelineRenderer {
  static let width = 760
  static let left = 44
  static let right = 16
  static let top = 12
  static let plotHeight = 150
  /// The event kinds marked on the axis: workloads and nodes, not every pod.
  static let markedKinds: Set<String> = Set(
    [
      Deployment.resource, ReplicaSet.resource, StatefulSet.resource, DaemonSet.resource, Job.resource,
      CronJob.resource, HorizontalPodAutoscaler.resource, Node.resource,
    ].map(\.kind))

  /// One ReplicaSet's line.
  struct Series {
    var label: String
    /// The Deployment (or the ReplicaSet itself) and its revision, for the colour.
    var workload: String
    var revision: String
    var hue = 0
    var age = 0
    /// One per sample.
    var points: [Point]
  }

  /// A ReplicaSet's pods from one instant on.
  struct Point {
    var time: Timestamp
    /// The pods it has.
    var current: Int
    var ready: Int
  }

  /// The timeline of `step`, or "" when no ReplicaSet of the lesson changed while it ran (or
  /// its result no longer holds the cluster).
  static func render(_ step: StepResult, id: String, strings: SiteStrings) -> String {
    guard let timeline = step.timeline, !timeline.samples.isEmpty, let cluster = step.clusterAfter else { return "" }
    let start = step.startedAt
    let end = max(cluster.now, timeline.samples.last?.time ?? start)
    guard end > start else { return "" }
    let series = lines(timeline, cluster: cluster, strings: strings)
    guard !series.isEmpty else { return "" }
    let span = Double(end.milliseconds - start.milliseconds) / 1000
    let plotWidth = width - left - right
    let most = max(1, series.flatMap { $0.points.map { max($0.current, $0.ready) } }.max() ?? 1)
    func x(_ time: Timestamp) -> Int {
      left + Int((Double(time.milliseconds - start.milliseconds) / 1000 / span * Double(plotWidth)).rounded())
    }
    func y(_ count: Int) -> Int { top + plotHeight - count * plotHeight / most }
    let legendTop = top + plotHeight + 40
    let height = legendTop + series.count * 20 + 8
    let summary = HTML.escape(
      strings.format(.timelineCaption, ["command": step.step.command, "span": AxisTicks.label(seconds: span)]))
    var svg =
      "<figure class=\"timeline\"><svg role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(width) \(height)\" "
      + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"\(id)-title\">\(summary)</title>"
    // Axes, grid and tick labels.
    svg +=
      "<line class=\"timeline-axis\" x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - right)\" y2=\"\(top + plotHeight)\"/>"
    for count in AxisTicks.counts(upTo: most) {
      svg +=
        "<line class=\"timeline-grid\" x1=\"\(left)\" y1=\"\(y(count))\" x2=\"\(width - right)\" y2=\"\(y(count))\"/>"
      svg +=
        "<text class=\"timeline-label\" x=\"\(left - 6)\" y=\"\(y(count) + 4)\" text-anchor=\"end\">\(count)</text>"
    }
    for seconds in AxisTicks.seconds(upTo: span) {
      let tickX = x(start.adding(milliseconds: Int64(seconds * 1000)))
      svg +=
        "<text class=\"timeline-label\" x=\"\(tickX)\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\">"
        + HTML.escape(AxisTicks.label(seconds: seconds)) + "</text>"
    }
    // One dashed and one solid step line per ReplicaSet.
    for line in series {
      let colour = ClusterMapRenderer.fill(hue: line.hue, age: line.age)
      let kinds: [(String, (Point) -> Int)] = [("timeline-current", \.current), ("timeline-ready", \.ready)]
      for (kind, value) in kinds {
        var points: [String] = []
        var previous: Int?
        for point in line.points {
          if let previous { points.append("\(x(point.time)),\(y(previous))") }
          points.append("\(x(point.time)),\(y(value(point)))")
          previous = value(point)
        }
        if let previous { points.append("\(x(end)),\(y(previous))") }
        svg +=
          "<polyline class=\"\(kind)\" stroke=\"\(colour)\" points=\"\(points.joined(separator: " "))\"><title>"
          + HTML.escape(line.label) + "</title></polyline>"
      }
    }
    // The events, grouped by instant, as marks under the axis.
    for (time, messages) in events(cluster, from: start, to: end) {
      let markX = x(time)
      svg +=
        "<g class=\"timeline-event\"><title>" + HTML.escape(messages.joined(separator: "\n")) + "</title>"
        + "<path d=\"M\(markX) \(top + plotHeight + 20) l-5 8 h10 z\"/></g>"
    }
    var legendY = legendTop
    for line in series {
      let colour = ClusterMapRenderer.fill(hue: line.hue, age: line.age)
      let last =
        line.points.last.map { strings.format(.timelineLegend, ["ready": "\($0.ready)", "current": "\($0.current)"]) }
        ?? ""
      svg +=
        "<line class=\"timeline-ready\" stroke=\"\(colour)\" x1=\"\(left)\" y1=\"\(legendY - 4)\" x2=\"\(left + 24)\" y2=\"\(legendY - 4)\"/>"
      svg +=
        "<text class=\"timeline-legend\" x=\"\(left + 32)\" y=\"\(legendY)\">"
        + HTML.escape(strings.format(.timelineSeries, ["name": line.label, "counts": last]))
        + "</text>"
      legendY += 20
    }
    svg += "</svg>"
    if timeline.isTruncated {
      svg +=
        "<figcaption>" + HTML.escape(strings.format(.timelineCut, ["count": "\(timeline.samples.count)"]))
        + "</figcaption>"
    }
    return svg + "</figure>\n"
  }

  /// The lines of the lesson's ReplicaSets that changed while the command ran, coloured as
  /// the cluster map colours their pods (a hue per Deployment, lighter for older revisions).
  static func lines(_ timeline: ReplicaTimeline, cluster: Cluster, strings: SiteStrings) -> [Series] {
    var keys: [String] = []
    for sample in timeline.samples {
      for count in sample.counts where !keys.contains(count.key) { keys.append(count.key) }
    }
    var series: [Series] = []
    for key in keys.sorted() {
      let namespace = String(key.prefix { $0 != "/" })
      guard ClusterState.isLessonNamespace(namespace) else { continue }
      let points = timeline.samples.map { sample in
        let count = sample.counts.first { $0.key == key }
        return Point(time: sample.time, current: count?.current ?? 0, ready: count?.ready ?? 0)
      }
      guard Set(points.map { "\($0.current)/\($0.ready)" }).count > 1 else { continue }
      let name = String(key.drop { $0 != "/" }.dropFirst())
      let owner = timeline.samples.lazy.compactMap { $0.counts.first { $0.key == key }?.owner }.first
      let revision = cluster.replicaSets[key]?.metadata.annotations["deployment.kubernetes.io/revision"] ?? ""
      series.append(
        Series(
          label: revision.isEmpty ? name : strings.format(.timelineRevision, ["name": name, "revision": revision]),
          workload: owner ?? name, revision: revision,
          points: points))
    }
    return coloured(series)
  }

  /// `series` with the cluster map's colours: a hue per workload in name order, an age per
  /// revision (0 = newest; numbers compared as numbers).
  static func coloured(_ series: [Series]) -> [Series] {
    let workloads = Array(Set(series.map(\.workload))).sorted()
    return series.map { line in
      var line = line
      line.hue = ClusterMapRenderer.hues[(workloads.firstIndex(of: line.workload) ?? 0) % ClusterMapRenderer.hues.count]
      let newer = Set(
        series.filter { $0.workload == line.workload && isNewer($0.revision, than: line.revision) }.map(\.revision))
      line.age = min(newer.count, 2)
      return line
    }
  }

  static func isNewer(_ revision: String, than other: String) -> Bool {
    if let a = Int(revision), let b = Int(other) { return a > b }
    return revision > other
  }

  /// The events of workloads and nodes (in the lesson's namespaces) from `start` to `end`,
  /// grouped by instant, each as `REASON: MESSAGE`.
  static func events(_ cluster: Cluster, from start: Timestamp, to end: Timestamp) -> [(Timestamp, [String])] {
    var byTime: [Timestamp: [String]] = [:]
    for event in cluster.events where markedKinds.contains(event.involvedKind) {
      guard event.involvedKind == "Node" || ClusterState.isLessonNamespace(event.namespace) else { continue }
      guard let time = [event.firstTimestamp, event.lastTimestamp].first(where: { $0 >= start && $0 <= end })
      else { continue }
      byTime[time, default: []].append("\(event.reason): \(event.message)")
    }
    return byTime.keys.sorted().map { ($0, byTime[$0]!) }
  }
}
