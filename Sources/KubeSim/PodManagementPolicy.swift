/// How a StatefulSet creates and deletes its pods (`spec.podManagementPolicy`); the raw values
/// are the API strings.
public enum PodManagementPolicy: String, APIStringEnum {
  /// One at a time, in ordinal order, each waiting for the previous one to be Ready.
  case orderedReady = "OrderedReady"
  /// All at once.
  case parallel = "Parallel"
}
