extension Cluster {
  /// The Priority admission plugin (`plugin/pkg/admission/priority/admission.go`): a pod
  /// naming a class gets its value and preemption policy, or is refused when the class does
  /// not exist; a pod naming none gets the global default class, if there is one.
  mutating func admitPriority(_ pod: inout Pod) throws(APIError) {
    let chosen: PriorityClass?
    if let name = pod.spec.priorityClassName {
      guard let found = priorityClasses[name] else {
        // The system classes exist from the start; a pod created before them keeps their value.
        if PriorityClass.systemClasses.contains(where: { $0.metadata.name == name }) { return }
        throw .forbidden(
          resource: "pods", name: pod.metadata.name, reason: "no PriorityClass with name \(name) was found")
      }
      chosen = found
    } else {
      chosen = priorityClasses.values.first { $0.globalDefault }
      pod.spec.priorityClassName = chosen?.metadata.name
    }
    guard let chosen else { return }
    pod.spec.priority = Int64(chosen.value)
    pod.spec.preemptionPolicy = chosen.preemptionPolicy
  }
}
