/// An event's severity (`type`); the raw values are the API strings.
public enum EventType: String, APIStringEnum {
  /// Things going as they should.
  case normal = "Normal"
  /// Something that may need attention.
  case warning = "Warning"
}
