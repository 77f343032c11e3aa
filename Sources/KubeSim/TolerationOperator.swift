/// How a toleration matches a taint's value (`tolerations[].operator`); the raw values are the
/// API strings.
public enum TolerationOperator: String, APIStringEnum {
  /// Any value of the key (and, with no key, any taint).
  case exists = "Exists"
  /// The value must equal the taint's.
  case equal = "Equal"
}
