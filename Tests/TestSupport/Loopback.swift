#if canImport(Glibc)
  import Glibc
#endif

/// TCP connections to a server on this machine, for tests that speak to it byte by byte.
public enum Loopback {
  /// A socket connected to 127.0.0.1:`port`, or -1 with `errno` set when there was no
  /// socket or connecting failed. The caller closes it.
  public static func connect(port: UInt16) -> Int32 {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return -1 }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      let failure = errno
      close(descriptor)
      errno = failure
      return -1
    }
    return descriptor
  }
}
