import Course
import Testing

@testable import Site

/// The step-through player: every step in order with the cluster after it, in the HTML
/// itself (the script only hides and shows).
@Suite struct PlayerTests {
  func page(_ lesson: String) throws -> String { try OneLessonSite.page(lesson) }

  @Test func everyStepInOrderWithTheClusterAfterIt() throws {
    let html = try page(
      """
      # 一

      ```scenario
      $ kubectl get pods
      No resources found in default namespace.
      $ kubectl create deployment web --image=nginx --replicas=2
      deployment.apps/web created
      $ kubectl get deployments
      ...
      ```

      ```scenario
      $ kubectl get deployments
      ...
      ```

      ```scenario show=none
      $ kubectl get pods
      ...
      $ kubectl get deployments
      ...
      ```

      ```scenario hidden
      $ kubectl get pods
      ...
      $ kubectl get deployments
      ...
      ```

      """)
    let players = html.components(separatedBy: "<details class=\"player\"").dropFirst()
    #expect(players.count == 1, "only the first block: the others have one command, show=none or hidden")
    let player = try #require(players.first)
    #expect(player.hasPrefix(" data-steps=\"3\"><summary>逐步回放：3 条命令，每一步之后的集群</summary>"))
    #expect(player.contains("<input type=\"range\" class=\"player-slider\" min=\"1\" max=\"3\" value=\"1\""))
    // Step, state, step, state, … in the page's order.
    var order: [String] = []
    var rest = Substring(player)
    while let found = rest.range(of: "<div class=\"player-") {
      let tail = rest[found.upperBound...]
      let kind = tail.prefix { $0 != " " && $0 != "\"" }
      let step = tail.range(of: "data-step=\"").map { tail[$0.upperBound...].prefix { $0 != "\"" } } ?? ""
      if kind == "step" || kind == "state" { order.append("\(kind) \(step)") }
      rest = tail
    }
    #expect(order == ["step 1", "state 1", "step 2", "state 2", "step 3", "state 3"])
    // Before the Deployment the lesson's namespace is empty; after it, its pods are drawn;
    // a `get` changes nothing.
    #expect(player.contains("<div class=\"player-state\" data-step=\"1\"><p class=\"player-same\">课程的命名空间里还没有对象。</p>"))
    #expect(player.contains("<div class=\"player-state player-state-drawn\" data-step=\"2\">"))
    #expect(player.contains("<title id=\"player-1-2-map-title\">集群地图："))
    #expect(player.contains("<div class=\"player-state\" data-step=\"3\"><p class=\"player-same\">集群和上一步时一样。</p>"))
    // Each step's own terminal lines only.
    let second = try #require(player.range(of: "data-step=\"2\"><p class=\"player-label\">第 2 步</p>"))
    let afterSecond = player[second.upperBound...]
    let secondTerminal = afterSecond[..<(afterSecond.range(of: "</pre></div>")?.upperBound ?? afterSecond.endIndex)]
    #expect(secondTerminal.contains("deployment.apps/web created"))
    #expect(!secondTerminal.contains("No resources found"))
  }
}
