/// The defaults and admission changes the API server applies to a new pod.
enum PodDefaults {
  /// Fills in what a pod read back from a real API server always has.
  static func apply(to pod: inout Pod, names: inout NameGenerator) {
    // DefaultTolerationSeconds admission plugin.
    let toleratesEverything = pod.spec.tolerations.contains {
      ($0.key ?? "").isEmpty && $0.operator?.value == .exists && ($0.effect?.text ?? "").isEmpty
    }
    let toleratesNoExecute = pod.spec.tolerations.contains {
      ($0.key ?? "").isEmpty && $0.operator?.value == .exists && $0.effect?.value == .noExecute
    }
    for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
    where !toleratesEverything && !toleratesNoExecute && !pod.spec.tolerations.contains(where: { $0.key == key }) {
      pod.spec.tolerations.append(
        Toleration(key: key, operator: .known(.exists), effect: .known(.noExecute), tolerationSeconds: 300))
    }
    // ServiceAccount admission plugin: the projected token volume (mirror pods are exempt).
    if pod.spec.tokenVolumeName == nil && pod.metadata.annotations["kubernetes.io/config.mirror"] == nil {
      pod.spec.tokenVolumeName = "kube-api-access-" + names.randomString(length: 5)
    }
  }
}
