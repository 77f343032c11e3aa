import Testing

@testable import KubeSim

/// The virtual clock never traps: instants saturate, one command moves the clock at most
/// `maxAdvanceSeconds` (3660 days, documented in content/simulator.md), and never past
/// 9999-12-31T23:59:59Z, the last instant Go's `Time.MarshalJSON` writes (`time/time.go`:
/// "Time.MarshalJSON: year outside of range [0,9999]").
@Suite struct VirtualClockBoundsTests {
  @Test func timestampsSaturate() {
    let start = Timestamp(seconds: 1_740_992_400)
    #expect(start.adding(milliseconds: .max).milliseconds == .max)
    #expect(Timestamp(milliseconds: -5).adding(milliseconds: .min).milliseconds == .min)
    #expect(start.adding(seconds: .infinity).milliseconds == .max)
    #expect(Timestamp(milliseconds: -5).adding(seconds: -.infinity).milliseconds == .min)
    #expect(start.adding(seconds: .nan) == start)
    #expect(start.adding(wholeSeconds: .max).milliseconds == .max)
    #expect(Timestamp(milliseconds: -5).subtracting(wholeSeconds: .max).milliseconds == .min)
    #expect(start.subtracting(wholeSeconds: .max).milliseconds == start.milliseconds + Int64.min)
    #expect(Timestamp(seconds: .max).milliseconds == .max)
    #expect(Timestamp(milliseconds: .min).seconds == Int64.min / 1000 - 1)
    #expect(Timestamp(milliseconds: -1).seconds == -1)
    #expect(Timestamp.latest.rfc3339 == "9999-12-31T23:59:59Z")
  }

  @Test func oneCommandAdvancesAtMost3660Days() throws {
    var cluster = Cluster()
    let start = cluster.now
    for seconds in [9_223_372_036_854_775_807.0, 106_751_991_167 * 86400, .infinity, 3661 * 86400] {
      #expect(
        throws: APIError.limitExceeded("the simulator advances virtual time by at most 3660 days per command")
      ) { try cluster.sleep(seconds: seconds) }
      #expect(cluster.now == start, "a refused sleep lets no time pass")
    }
    try cluster.sleep(seconds: 3660 * 86400)
    #expect(cluster.now == start.adding(wholeSeconds: 3660 * 86400))
  }

  @Test func theClockStopsAtTheLastInstantTheAPIServerCanWrite() throws {
    var config = ClusterConfig(workers: 1)
    config.start = Timestamp.latest.adding(wholeSeconds: -10 * 86400)
    var cluster = Cluster(config: config)
    try cluster.sleep(seconds: 5 * 86400)
    #expect(
      throws: APIError.limitExceeded(
        "the simulator's virtual clock stops at 9999-12-31T23:59:59Z, the last instant the API server can write")
    ) { try cluster.sleep(seconds: 6 * 86400) }
    try cluster.sleep(seconds: 5 * 86400)
    #expect(cluster.now == .latest)
  }

  /// `sleep infinity` is the usual keep-alive command: the container runs until stopped.
  @Test(arguments: [["sleep", "infinity"], ["sleep", "inf"], ["sleep", "INFINITY"], ["sleep", "1e400"]])
  func sleepForeverRunsForever(command: [String]) {
    var container = Container(name: "c", image: "busybox")
    container.command = command
    #expect(ContainerBehavior.of(container).exitsAfter == nil)
  }

  @Test func longSleepsInContainersDoNotTrap() {
    var container = Container(name: "c", image: "busybox")
    container.command = ["sleep", "9223372036854775807"]
    #expect(ContainerBehavior.of(container).exitsAfter == .max)
    container.command = ["sh", "-c", "sleep 9223372036854775807; sleep 9223372036854775807; exit 3"]
    #expect(ContainerBehavior.of(container) == ContainerBehavior(exitsAfter: .max, exitCode: 3))
    container.command = ["sleep", "1.5m"]
    #expect(ContainerBehavior.of(container).exitsAfter == 90_000)
  }

  @Test func saturatingHelpers() {
    #expect(Int64.max.saturatingAdd(1) == .max)
    #expect(Int64.min.saturatingAdd(-1) == .min)
    #expect(Int64.min.saturatingSubtract(1) == .min)
    #expect(Int64.max.saturatingSubtract(-1) == .max)
    #expect(Int64.max.saturatingMultiply(2) == .max)
    #expect(Int64.max.saturatingMultiply(-2) == .min)
    #expect(Int64.clamping(1e300) == .max)
    #expect(Int64.clamping(-1e300) == .min)
    #expect(Int64.clamping(.nan) == nil)
    #expect(Int64.clamping(-2.5) == -2)
  }
}
