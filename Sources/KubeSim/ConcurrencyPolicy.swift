/// What a CronJob does when a run is due while the previous one is still active
/// (`spec.concurrencyPolicy`); the raw values are the API strings.
public enum ConcurrencyPolicy: String, APIStringEnum {
  /// Start the new run alongside.
  case allow = "Allow"
  /// Skip the new run.
  case forbid = "Forbid"
  /// Stop the active run and start the new one.
  case replace = "Replace"
}
