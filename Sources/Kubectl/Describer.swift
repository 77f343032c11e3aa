import KubeSim

/// One kind's `kubectl describe`: the text before the Events section, laid out by a tab writer.
struct Describer<Kind> {
  /// The description's lines (tab-separated cells) for `object` on `cluster`.
  var describe: (_ object: Kind, _ cluster: Cluster) -> String
  /// Whether the Events section follows (a Secret's description has none).
  var showsEvents = true
}
