/// The kubelet's plan for one pod: when its sandbox is ready and when each container starts,
/// fixed when the pod lands on its node. A pod's status at any instant is a pure function of
/// its plan (``Kubelet/status(of:runtime:at:)``).
struct PodRuntime: Sendable {
  /// One container's milestones.
  struct ContainerPlan: Sendable {
    var pullStart: Timestamp
    var pullDone: Timestamp
    var started: Timestamp
    var containerID: String
    var imageID: String
  }

  /// An event the kubelet will record when its time comes.
  struct PlannedEvent: Sendable {
    var time: Timestamp
    var type = "Normal"
    var reason: String
    var message: String
  }

  var node: String
  var hostIP: String
  var bound: Timestamp
  var sandboxReady: Timestamp
  var podIP: String
  var containers: [ContainerPlan]
  var events: [PlannedEvent]
  var recordedEvents = 0

  /// The earliest milestone strictly after `now`.
  func nextMilestone(after now: Timestamp) -> Timestamp? {
    var candidates = [sandboxReady]
    candidates += containers.map(\.started)
    if recordedEvents < events.count { candidates.append(events[recordedEvents].time) }
    return candidates.filter { $0 > now }.min()
  }
}
