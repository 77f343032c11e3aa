#if canImport(Glibc)
  import Glibc
#endif

/// How much of the server's time and descriptors clients may hold. A client that goes past
/// a limit loses its connection (or is answered 503); the server itself keeps running.
public struct PreviewLimits: Sendable {
  /// Connections open at once; one more is answered 503 and closed.
  public var connections: Int
  /// How long a connection may stay open with no request begun: after it is accepted, and
  /// after each response.
  public var idleTimeout: Duration = .seconds(15)
  /// How long the head of a request (its request line and headers) may take to arrive once
  /// its first byte has.
  public var headerTimeout: Duration = .seconds(10)
  /// How long writing one response may take (a client that stops reading).
  public var sendTimeout: Duration = .seconds(30)
  /// How long a long poll on ``LiveReload/waitPath`` is held before it is answered with the
  /// same version.
  public var longPoll: Duration = .seconds(25)
  /// The longest request head, in bytes; a longer one is answered 431.
  public var headBytes = 16384

  /// The defaults, with `connections` at ``defaultConnections()``.
  public init() {
    connections = Self.defaultConnections()
  }

  /// 1,000 connections, or fewer when the process may open fewer descriptors than that and
  /// some to spare: a quarter of the descriptor limit (at most 64) stays free for reading
  /// the course and writing the site.
  public static func defaultConnections() -> Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1000 }
    let descriptors = Int(clamping: limit.rlim_cur)  // no limit (RLIM_INFINITY) clamps to Int.max
    return max(1, min(1000, descriptors - min(64, descriptors / 4)))
  }
}
