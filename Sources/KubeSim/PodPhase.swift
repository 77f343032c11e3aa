/// Where a pod is in its lifecycle (`status.phase`); the raw values are the API strings.
public enum PodPhase: String, APIStringEnum {
  case pending = "Pending"
  case running = "Running"
  case succeeded = "Succeeded"
  case failed = "Failed"
  case unknown = "Unknown"

  /// Whether every container has exited for good (`Succeeded` or `Failed`).
  public var isTerminal: Bool { self == .succeeded || self == .failed }
}
