/// The pods of one `kubectl drain` and where each stands: still to be evicted (refused so
/// far), evicted and waiting to be gone, gone, or failed.
struct Drain: Sendable {
  /// A pod: namespace, name and the uid that must disappear.
  typealias Pod = (namespace: String, name: String, uid: String)

  /// Pods not evicted yet (to try, or to try again after a refusal), in the drain's order.
  private(set) var blocked: [Pod]
  /// Pods evicted whose deletion is not complete.
  private(set) var evicted: [Pod] = []
  /// Pods gone, in the order they went.
  private(set) var gone: [String] = []
  /// The errors of pods that will not be retried, in the order they happened.
  private(set) var failures: [String] = []

  init(pods: [Pod]) { blocked = pods }

  /// Every pod still on the node's list: refused, evicted but not gone.
  var pending: [String] { (blocked + evicted).map { "\($0.namespace)/\($0.name)" } }

  /// The pod's eviction (or deletion) was accepted: wait for it to be gone.
  mutating func accept(_ name: String) {
    guard let index = blocked.firstIndex(where: { $0.name == name }) else { return }
    evicted.append(blocked.remove(at: index))
  }

  /// The pod is gone.
  mutating func finish(_ name: String) {
    guard let index = evicted.firstIndex(where: { $0.name == name }) else { return }
    evicted.remove(at: index)
    gone.append(name)
  }

  /// The pod will not be retried.
  mutating func fail(_ name: String, _ error: String) {
    blocked.removeAll { $0.name == name }
    evicted.removeAll { $0.name == name }
    failures.append(error)
  }
}
