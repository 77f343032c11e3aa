import KubeSim

/// A kind whose objects carry a pod spec that `kubectl set env` and `kubectl set resources`
/// edit (kubectl's `polymorphichelpers.updatePodSpecForObject`): where the spec sits in the
/// object's JSON, and the fields its Go type writes even when empty, which a manifest read
/// into that type and printed again gains (`--local`, `--dry-run=client`).
protocol PodSpecHolder: KubectlResource {
  /// The keys leading from the object to its pod spec (`spec.template.spec`).
  static var podSpecPath: [String] { get }
  /// The fields the Go type always writes, each added with its value where the manifest has
  /// none: `creationTimestamp: null` in every metadata, empty structs, zero counts.
  static var typedFields: [(path: [String], value: JSONValue)] { get }
}

extension PodSpecHolder {
  /// The `typedFields` of a kind with a pod template at `spec.template` and `extra` fields.
  static func templateFields(_ extra: [(path: [String], value: JSONValue)]) -> [(path: [String], value: JSONValue)] {
    [
      (["metadata", "creationTimestamp"], .null), (["spec", "template", "metadata", "creationTimestamp"], .null),
    ] + extra
  }
}
