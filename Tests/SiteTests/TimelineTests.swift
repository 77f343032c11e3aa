import Course
import Testing

@testable import Site

/// The rollout timeline: drawn for commands that wait, from what the ReplicaSets did.
@Suite struct TimelineTests {
  func page(_ lesson: String) throws -> String { try OneLessonSite.page(lesson) }

  @Test func rolloutStatusGetsATimelineOfItsReplicaSet() throws {
    let html = try page(
      """
      # 一

      ```scenario
      $ kubectl create deployment web --image=nginx:1.26 --replicas=3
      deployment.apps/web created
      $ kubectl rollout status deployment/web
      ...
      deployment "web" successfully rolled out
      ```

      ```scenario show=none
      $ kubectl rollout status deployment/web
      deployment "web" successfully rolled out
      ```

      """)
    let figures = html.components(separatedBy: "<figure class=\"timeline\">").dropFirst()
    #expect(figures.count == 1, "one timeline: the first block's wait; not the create, not show=none")
    let first = try #require(figures.first)
    let figure = String(first[..<(first.range(of: "</figure>")?.lowerBound ?? first.endIndex)])
    #expect(figure.contains("<title id=\"timeline-1-2-title\">时间线：kubectl rollout status deployment/web 期间"))
    // One ReplicaSet: a dashed and a solid line, titled with its name and revision.
    #expect(figure.components(separatedBy: "<polyline").count - 1 == 2)
    #expect(figure.contains("（版本 1）</title></polyline>"))
    // Ready pods go from 0 (the axis, y = 162) to 3 (the top, y = 12) and end at the right edge.
    let ready = try #require(figure.range(of: "<polyline class=\"timeline-ready\""))
    let points = figure[ready.upperBound...].drop { $0 != "p" }.dropFirst("points=\"".count).prefix { $0 != "\"" }
    #expect(points.hasPrefix("44,162 "))
    #expect(points.hasSuffix(",12 744,12"))
    // The Deployment controller's event is marked.
    #expect(figure.contains("ScalingReplicaSet: Scaled up replica set web-"))
    #expect(figure.contains(" from 0 to 3"))
  }

  @Test func axisTicksAreRound() {
    #expect(AxisTicks.seconds(upTo: 8) == [0, 1, 2, 3, 4, 5, 6, 7, 8])
    #expect(AxisTicks.seconds(upTo: 9) == [0, 2, 4, 6, 8])
    #expect(AxisTicks.seconds(upTo: 95) == [0, 15, 30, 45, 60, 75, 90])
    #expect(AxisTicks.counts(upTo: 3) == [0, 1, 2, 3])
    #expect(AxisTicks.counts(upTo: 10) == [0, 2, 4, 6, 8, 10])
    #expect(AxisTicks.counts(upTo: 48) == [0, 10, 20, 30, 40])
    #expect(AxisTicks.counts(upTo: 1200) == [0, 500, 1000])
    #expect(AxisTicks.label(seconds: 45) == "45s")
    #expect(AxisTicks.label(seconds: 150) == "2m30s")
    #expect(AxisTicks.label(seconds: 3900) == "1h5m")
    #expect(AxisTicks.label(seconds: 172_800) == "2d")
  }
}
