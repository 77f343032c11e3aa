import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl logs -l SELECTOR` as kubectl v1.32's `logs.go` runs it: every matching pod's log
/// in turn, `--tail` 10 by default with a selector, `--prefix` adding `[pod/NAME/CONTAINER] `.
@Suite struct LogsSelectorTests {
  static func terminal() -> (Terminal, [String]) {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=2")
    _ = terminal.run("kubectl rollout status deployment/web")
    let pods = terminal.cluster.listPods(namespace: "default").filter { $0.metadata.labels["app"] == "web" }
      .map(\.metadata.name)
    return (terminal, pods)
  }

  @Test func everyPodInTurn() {
    var (terminal, pods) = Self.terminal()
    #expect(pods.count == 2)
    let each = pods.map { terminal.run("kubectl logs \($0) --tail=10").output }
    #expect(terminal.run("kubectl logs -l app=web").output == each.joined())
    let prefixed = zip(pods, each).map { pod, text in
      text.split(separator: "\n").map { "[pod/\(pod)/nginx] \($0)\n" }.joined()
    }
    #expect(terminal.run("kubectl logs -l app=web --prefix").output == prefixed.joined())
    let all = pods.map { terminal.run("kubectl logs \($0)").output }
    #expect(terminal.run("kubectl logs -l app=web --tail=-1").output == all.joined())
  }

  @Test func errorsAndEmptySelections() {
    var (terminal, pods) = Self.terminal()
    #expect(terminal.run("kubectl logs -l app=none").output == "No resources found in default namespace.\n")
    let both = terminal.run("kubectl logs \(pods[0]) -l app=web")
    #expect(both.exitCode == 1)
    #expect(
      both.output
        == "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n")
  }
}

/// `kubectl logs TYPE/NAME` reads the pod `podutils.ByLogging` puts first (kubectl
/// `pkg/util/podutils/podutils.go` v0.32.4): among ready running pods, the one ready longest.
@Suite struct LogsPodChoiceTests {
  @Test func readyLongestIsChosen() throws {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=3")
    _ = terminal.run("kubectl rollout status deployment/web")
    let readySince = terminal.run(
      #"kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.status.conditions[?(@.type=="Ready")].lastTransitionTime}{"\n"}{end}'"#
    ).output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(readySince.count == 3)
    // RFC 3339 times in one zone sort as text; ties fall to the older pod, as the rules go on.
    let earliest = try #require(readySince.min { $0[1] < $1[1] })
    let output = terminal.run("kubectl logs deploy/web").output
    #expect(output.hasPrefix("Found 3 pods, using pod/\(earliest[0])\n"))
  }
}
