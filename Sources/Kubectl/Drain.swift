import KubeSim

/// The pods of one `kubectl drain` and where each stands: still to be evicted (refused so
/// far), evicted and waiting to be gone, gone, or failed; and the drain's deadlines.
struct Drain: Sendable {
  /// One pod of the drain: the uid that must disappear.
  struct Entry: Sendable {
    var namespace: String
    var name: String
    var uid: String

    init(_ namespace: String, _ name: String, _ uid: String) {
      self.namespace = namespace
      self.name = name
      self.uid = uid
    }

    /// `namespace/name`: pods of two namespaces may share a name.
    var key: String { namespace + "/" + name }
  }

  /// Pods not evicted yet (to try, or to try again after a refusal), in the drain's order.
  private(set) var blocked: [Entry]
  /// Pods evicted whose deletion is not complete.
  private(set) var evicted: [Entry] = []
  /// The errors of pods that will not be retried, in the order they happened.
  private(set) var failures: [String] = []
  /// `--timeout` in milliseconds: 0 waits for ever, a negative one has already expired.
  let timeoutMilliseconds: Int64
  /// `--disable-eviction`: pods are deleted, not evicted.
  let deleting: Bool
  /// When the global timeout expires (nil: never).
  let deadline: Timestamp?
  /// Where the simulation stops at the latest: the deadline, or the simulator's bound when
  /// that comes first (a real drain without `--timeout` goes on for ever).
  let stop: Timestamp

  init(pods: [Entry], start: Timestamp, timeoutMilliseconds: Int64, boundMilliseconds: Int64, deleting: Bool) {
    blocked = pods
    self.timeoutMilliseconds = timeoutMilliseconds
    self.deleting = deleting
    deadline =
      timeoutMilliseconds > 0
      ? start.adding(milliseconds: timeoutMilliseconds) : timeoutMilliseconds < 0 ? start : nil
    stop = start.adding(
      milliseconds: timeoutMilliseconds > 0 ? min(timeoutMilliseconds, boundMilliseconds) : boundMilliseconds)
  }

  /// Whether every pod is gone or failed.
  var isDone: Bool { blocked.isEmpty && evicted.isEmpty }

  /// Every pod still on the node's list: refused, or evicted but not gone.
  var pending: [String] { (blocked + evicted).map(\.key) }

  /// Whether the global timeout has expired at `time`.
  func timedOut(at time: Timestamp) -> Bool { deadline.map { time >= $0 } ?? false }

  /// The pod's eviction (or deletion) was accepted: wait for it to be gone.
  mutating func accept(_ entry: Entry) {
    guard let index = blocked.firstIndex(where: { $0.key == entry.key }) else { return }
    evicted.append(blocked.remove(at: index))
  }

  /// The pod was gone before its eviction: nothing more to do or print.
  mutating func drop(_ entry: Entry) {
    blocked.removeAll { $0.key == entry.key }
  }

  /// The pod is gone.
  mutating func finish(_ entry: Entry) {
    evicted.removeAll { $0.key == entry.key }
  }

  /// The pod will not be retried.
  mutating func fail(_ entry: Entry, _ error: String) {
    blocked.removeAll { $0.key == entry.key }
    evicted.removeAll { $0.key == entry.key }
    failures.append(error)
  }
}
