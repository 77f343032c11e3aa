import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl get -v=6|7|9`: the REST calls in klog's format, as client-go v0.32's
/// `debuggingRoundTripper` logs them. The real binary, run offline, logs the same lines (file,
/// line and message shape) for its failed discovery request.
@Suite struct RESTLogTests {
  /// klog's header: level letter, date, time to the microsecond, the process id right-aligned
  /// in seven columns, then `file:line] `.
  nonisolated(unsafe) static let header = #/^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ (?<body>[a-z_.]+\.go:\d+\] .*)$/#

  /// The part of a klog line after the header's process id.
  static func body(_ line: Substring) -> Substring { line.firstMatch(of: header).map { $0.output.body } ?? "" }

  /// The `file:line]` tag and the first word of the message of each line.
  static func shape(_ lines: [Substring]) -> [String] {
    lines.map { line in
      let body = body(line)
      return body.split(separator: " ").prefix(2).joined(separator: " ")
    }
  }

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [6, 7, 9])
  func linesHaveTheRealShape(level: Int) throws {
    let real = try RealKubectl.runCombined(["get", "pods", "-v=\(level)"]).output.split(separator: "\n")
    var terminal = Terminal()
    let ours = terminal.run("kubectl get pods -v=\(level)").output.split(separator: "\n")
      .filter { $0.hasPrefix("I") }
    for line in real.prefix(2) + ours { #expect(line.firstMatch(of: Self.header) != nil, "\(line)") }
    #expect(ours.allSatisfy { $0.contains("   12345 ") })
    #expect(ours.first.map(Self.body) == "loader.go:402] Config loaded from file:  /root/.kube/config")
    #expect(real.first.map(Self.body) == "loader.go:402] Config loaded from file:  /dev/null")
    // The real request failed, so it has no status; its lines have the same tags and words.
    let realCall = real.dropFirst().filter { $0.contains("round_trippers.go") && !$0.contains("HTTP Trace") }
    let count = ours.count - 1
    // client-go ranges over the headers' Go map: their order varies between runs of kubectl.
    let ourShape = Self.shape(Array(ours.dropFirst()))
    let realShape = Self.shape(Array(realCall.prefix(level >= 9 ? 2 : count)))
    #expect(ourShape.sorted() == realShape.sorted())
    #expect(ourShape.first == realShape.first && ourShape.last == realShape.last)
  }

  @Test func urlsAsTheResourceBuilderSendsThem() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    let list = terminal.run("kubectl get deployments -v=6").output.split(separator: "\n")
    #expect(
      list.dropFirst().first.map(Self.body)
        == "round_trippers.go:560] GET https://172.18.0.2:6443/apis/apps/v1/namespaces/default/deployments?limit=500 200 OK in 5 milliseconds"
    )
    let selected = terminal.run("kubectl get pods -A -l app=web --field-selector=status.phase!=Failed -v=6").output
    #expect(
      selected.contains(
        "GET https://172.18.0.2:6443/api/v1/pods?fieldSelector=status.phase%21%3DFailed&labelSelector=app%3Dweb&limit=500 200 OK"
      ))
    let named = terminal.run("kubectl get nodes worker-1 nope -v=6").output
    #expect(named.contains("GET https://172.18.0.2:6443/api/v1/nodes/worker-1 200 OK in 5 milliseconds\n"))
    #expect(named.contains("GET https://172.18.0.2:6443/api/v1/nodes/nope 404 Not Found in 5 milliseconds\n"))
    let other = terminal.run("kubectl describe deployment web -v=6").output
    #expect(other.contains("kubebook: -v=6 lists the REST calls of kubectl get only"))
    #expect(!terminal.run("kubectl get pods -v=5").output.contains("round_trippers"))
  }

  /// Go's `url.QueryEscape` (`shouldEscape` in `net/url`, mode `encodeQueryComponent`).
  @Test(arguments: [
    ("app=web", "app%3Dweb"), ("a in (x,y)", "a+in+%28x%2Cy%29"), ("!tier", "%21tier"), ("a-b_c.d~e", "a-b_c.d~e"),
    ("k/v:1", "k%2Fv%3A1"), ("é", "%C3%A9"),
  ])
  func queryEscaping(text: String, escaped: String) {
    #expect(GoEscape.queryEscape(text) == escaped)
  }
}
