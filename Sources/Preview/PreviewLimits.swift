import Foundation

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

  /// 1,000 connections, or fewer when the descriptors allow fewer (``descriptorBudget()``).
  public static func defaultConnections() -> Int {
    max(1, min(1000, descriptorBudget()))
  }

  /// How many connections the process can hold without ever running out of descriptors: its
  /// limit, less the descriptors open now and a reserve for reading the course (one per core
  /// at once), writing the site, refusing a connection past the limit, and the runtime's own
  /// — libdispatch ends the process when it cannot open a `/proc` file, so running out must
  /// never happen.
  public static func descriptorBudget() -> Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1000 }
    let descriptors = Int(clamping: limit.rlim_cur)  // no limit (RLIM_INFINITY) clamps to Int.max
    let reserve = 16 + 2 * ProcessInfo.processInfo.activeProcessorCount
    return descriptors.subtractingSaturated(openDescriptors() + reserve)
  }

  /// Raises the soft limit on descriptors to the hard one, as a server that holds many
  /// connections should (Go's runtime does the same at start); nothing when it cannot.
  public static func raiseDescriptorLimit() {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
  }

  /// The descriptors the process has open (the entries of `/proc/self/fd`, less the one
  /// that reads it); 16 when they cannot be counted.
  static func openDescriptors() -> Int {
    guard let directory = opendir("/proc/self/fd") else { return 16 }
    defer { closedir(directory) }
    var count = 0
    while let entry = readdir(directory) {
      let first = withUnsafeBytes(of: entry.pointee.d_name) { $0.first ?? 0 }
      if first != UInt8(ascii: ".") { count += 1 }
    }
    return max(0, count - 1)
  }
}

extension Int {
  /// `self - other`, or the smallest Int when that would overflow.
  fileprivate func subtractingSaturated(_ other: Int) -> Int {
    let (result, overflow) = subtractingReportingOverflow(other)
    return overflow ? .min : result
  }
}
