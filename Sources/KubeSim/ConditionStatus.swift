/// The status of a condition (`status.conditions[].status`); the raw values are the API strings.
public enum ConditionStatus: String, APIStringEnum {
  case `true` = "True"
  case `false` = "False"
  case unknown = "Unknown"

  /// `True` when the flag is set, `False` otherwise.
  public init(_ flag: Bool) { self = flag ? .true : .false }
}
