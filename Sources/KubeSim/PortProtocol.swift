/// A port's transport protocol (`ports[].protocol`); the raw values are the API strings, declared
/// in the order validation lists them.
public enum PortProtocol: String, APIStringEnum, CaseIterable {
  case sctp = "SCTP"
  case tcp = "TCP"
  case udp = "UDP"
}
