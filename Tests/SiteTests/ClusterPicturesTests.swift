import BookConfig
import Course
import KubeSim
import Kubectl
import Testing

@testable import Site

/// The pictures after a scenario: kubectl's tables cut into cells, rows marked when new or
/// changed, the cluster map's chips in their nodes, and which blocks get pictures.
@Suite struct ClusterPicturesTests {
  /// The columns of `kubectl get pods -o wide` in kubectl v1.32 (docs/reference/kubectl-output.md).
  static let podsWideHeader = [
    "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES",
  ]

  static let podsWide = [
    ["web-6dc5cd68db-gsz44", "1/1", "Running", "2 (5s ago)", "8s", "10.244.1.2", "worker-1", "<none>", "<none>"],
    ["web-6dc5cd68db-qv5mc", "0/1", "ContainerCreating", "0", "1s", "<none>", "<none>", "<none>", "<none>"],
  ]

  /// The state tables hold the cells kubectl's printer makes, with its header: what
  /// `kubectl get pods -o wide` prints, cut into cells (here on a seeded cluster whose pod is
  /// pending: no node, no IP).
  @Test func tablesAreKubectlsCellsAsValues() throws {
    var cluster = Cluster()
    _ = Kubectl.run(["run", "web", "--image=nginx"], cluster: &cluster, files: VirtualDirectory())
    let table = try #require(ObjectTables.get("pods", cluster: cluster, allNamespaces: false, wide: true))
    #expect(table.header == Self.podsWideHeader)
    #expect(table.rows.count == 1)
    let printed = Kubectl.run(["get", "pods", "-o", "wide"], cluster: &cluster, files: VirtualDirectory()).output
    let words = printed.split(separator: "\n").dropFirst().first?.split(separator: " ").map(String.init)
    #expect(words == table.rows.first?.flatMap { $0.split(separator: " ").map(String.init) })
    #expect(ObjectTables.get("no-such-kind", cluster: cluster, allNamespaces: false, wide: false) == nil)
  }

  func state(_ rows: [[String]], nodes: [String] = ["control-plane", "worker-1", "worker-2"]) -> ClusterState {
    let table = KubectlTable(header: Self.podsWideHeader, rows: rows)
    let placements = table.rows.map {
      ClusterState.PodPlacement(
        namespace: "default", name: $0[0], node: $0[6] == "<none>" ? nil : $0[6], status: $0[2], ready: $0[1],
        workload: "deployment/web", revision: "1")
    }
    return ClusterState(
      tables: [.init(kind: "pods", table: table)], pods: placements,
      nodes: nodes.map { .init(name: $0, status: "Ready") })
  }

  @Test func rowsNewOrChangedSinceTheBlockBeforeAreMarkedAgeAside() throws {
    let before = state(Self.podsWide)
    // Later: the first pod only aged; the second became ready; a third appeared.
    let after = state([
      ["web-6dc5cd68db-gsz44", "1/1", "Running", "2 (40s ago)", "43s", "10.244.1.2", "worker-1", "<none>", "<none>"],
      ["web-6dc5cd68db-qv5mc", "1/1", "Running", "0", "36s", "10.244.2.2", "worker-2", "<none>", "<none>"],
      ["web-6dc5cd68db-x7k2p", "0/1", "Pending", "0", "0s", "<none>", "<none>", "<none>", "<none>"],
    ])
    let html = StateTablesRenderer.render(after, previous: before, strings: .simplifiedChinese)
    #expect(html.contains("<tr><th scope=\"row\">web-6dc5cd68db-gsz44</th>"))
    #expect(html.contains("<tr class=\"changed\"><th scope=\"row\">web-6dc5cd68db-qv5mc <span class=\"row-mark\""))
    #expect(html.contains("<tr class=\"new\"><th scope=\"row\">web-6dc5cd68db-x7k2p <span class=\"row-mark\""))
    #expect(html.contains("<span class=\"status status-ok\">Running</span>"))
    #expect(html.contains("<span class=\"status status-wait\">Pending</span>"))
    #expect(html.contains("<td>&lt;none&gt;</td>"))
    #expect(!ScenarioPictures.changed(before, since: before))
    #expect(ScenarioPictures.changed(after, since: before))
  }

  @Test(arguments: [
    ("Running", "ok"), ("ContainerCreating", "wait"), ("Pending", "wait"), ("Init:0/1", "wait"),
    ("CrashLoopBackOff", "bad"), ("ImagePullBackOff", "bad"), ("ErrImagePull", "bad"), ("Error", "bad"),
    ("Init:CrashLoopBackOff", "bad"), ("Completed", "done"), ("Terminating", "done"),
  ])
  func statusTones(status: String, tone: String) {
    #expect(StateTablesRenderer.tone(of: status) == tone)
  }

  @Test func mapPutsEachPodInItsNodeAndUnscheduledOnesApart() throws {
    let svg = ClusterMapRenderer.render(state(Self.podsWide), id: "map-1", strings: .simplifiedChinese)
    #expect(svg.hasPrefix("<figure class=\"cluster-map\"><svg role=\"img\" aria-labelledby=\"map-1-title\""))
    #expect(svg.contains("<title id=\"map-1-title\">集群地图：3 个节点，2 个 Pod</title>"))
    #expect(svg.contains("<title>web-6dc5cd68db-gsz44：Running，READY 1/1，worker-1</title>"))
    #expect(svg.contains("<title>web-6dc5cd68db-qv5mc：ContainerCreating，READY 0/1，未调度</title>"))
    #expect(svg.contains(">未调度</text>"))
    // The running pod is drawn inside worker-1's box: its chip comes after that box's name.
    let worker1 = try #require(svg.range(of: ">worker-1 <tspan"))
    let worker2 = try #require(svg.range(of: ">worker-2 <tspan"))
    let chip = try #require(svg.range(of: "<title>web-6dc5cd68db-gsz44"))
    #expect(worker1.upperBound < chip.lowerBound && chip.lowerBound < worker2.lowerBound)
    #expect(svg.contains("class=\"map-pod map-pod-wait\""))
    #expect(
      ClusterMapRenderer.render(ClusterState(tables: [], pods: [], nodes: []), id: "x", strings: .simplifiedChinese)
        == "")
  }

  @Test func mapColoursRevisionsOfOneWorkloadAlikeButLighterWhenOlder() {
    func pod(_ workload: String, _ revision: String) -> ClusterState.PodPlacement {
      .init(
        namespace: "default", name: "p", node: nil, status: "Running", ready: "1/1", workload: workload,
        revision: revision)
    }
    let palette = ClusterMapRenderer.palette(
      [
        pod("deployment/web", "2"), pod("deployment/web", "10"), pod("deployment/api", "1"),
      ], strings: .simplifiedChinese)
    let newest = palette["deployment/web 版本 10"]
    let older = palette["deployment/web 版本 2"]
    #expect(newest?.hue == older?.hue)
    #expect(newest?.age == 0 && older?.age == 1)
    #expect(palette["deployment/api 版本 1"]?.hue != newest?.hue)
  }

  @Test func aCrowdedNodeIsCutAtTheBound() throws {
    let rows = (0..<(ClusterMapRenderer.chipsPerNode + 5)).map {
      ["p-\($0)", "1/1", "Running", "0", "1s", "<none>", "worker-1", "<none>", "<none>"]
    }
    let svg = ClusterMapRenderer.render(state(rows), id: "m", strings: .simplifiedChinese)
    #expect(svg.components(separatedBy: "<g class=\"map-pod").count - 1 == ClusterMapRenderer.chipsPerNode)
    #expect(svg.contains(">+5</text>"))
  }

  /// A block that creates a Deployment gets its pictures folded under a summary; one that
  /// changes nothing gets none; `show=` opens them or turns them off.
  @Test func whichBlocksGetPictures() throws {
    let lesson = """
      # 一

      ```scenario
      $ kubectl create deployment web --image=nginx:1.27 --replicas=2
      deployment.apps/web created
      $ sleep 20
      ```

      ```scenario
      $ kubectl get deployments
      NAME   READY   UP-TO-DATE   AVAILABLE   AGE
      web    2/2     2            2           20s
      ```

      ```scenario show=map
      $ kubectl scale deployment web --replicas=3
      deployment.apps/web scaled
      ```

      ```scenario show=none
      $ kubectl scale deployment web --replicas=1
      deployment.apps/web scaled
      ```

      """
    let page = try OneLessonSite.page(lesson)
    #expect(page.components(separatedBy: "<details class=\"cluster-state\">").count - 1 == 1)
    #expect(page.components(separatedBy: "<div class=\"cluster-state\">").count - 1 == 1)
    #expect(page.contains("<caption><code>kubectl get deployments</code></caption>"))
    #expect(page.contains("<title id=\"map-1-title\">集群地图：3 个节点，2 个 Pod</title>"))
    #expect(page.contains("<title id=\"map-3-title\">集群地图：3 个节点，3 个 Pod</title>"))
    #expect(!page.contains("map-2-title") && !page.contains("map-4-title"))
    // show=map: the map alone, no tables.
    let third = try #require(page.range(of: "<div class=\"cluster-state\">"))
    #expect(!page[third.lowerBound...].prefix(400).contains("<table"))
  }
}
