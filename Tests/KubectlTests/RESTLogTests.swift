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
    // At -v=9 the real (failed) request has no statistics or response headers: compare the
    // lines both have (curl, then the timing line).
    let ourLines = Array(ours.dropFirst()).filter {
      level < 9 || $0.contains("round_trippers.go:473") || $0.contains("round_trippers.go:560")
    }
    let ourShape = Self.shape(ourLines)
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
    #expect(other.contains("kubebook: -v=6 lists the REST calls of some commands only"))
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

  /// The body lines of one line list: `file:line] "Request Body"` / `"Response Body"`.
  static func bodies(_ lines: [Substring]) -> [Substring] {
    lines.filter { $0.contains("\"Request Body\"") || $0.contains("\"Response Body\"") }
  }

  /// `-v=8` (client-go v0.32.4 `transport/round_trippers.go:75-80`, `DebugWrappers`: URL,
  /// request headers, response status and headers), with request.go's `logBody` around it
  /// (`rest/request.go:1270-1271` before the request, `:1341` after it, both attributed to the
  /// caller of `Do`: cli-runtime `resource/helper.go:113` for a list).
  @Test func levelEightOrder() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    let lines = terminal.run("kubectl get pods -v=8").output.split(separator: "\n")
    let tags = lines.prefix(while: { $0.hasPrefix("I") }).map { Self.body($0).prefix { $0 != "]" } }
    #expect(
      Array(tags)
        == [
          "loader.go:402", "helper.go:113", "round_trippers.go:470", "round_trippers.go:476",
          "round_trippers.go:480", "round_trippers.go:480", "round_trippers.go:581", "round_trippers.go:584",
        ] + Array(repeating: "round_trippers.go:587", count: 7) + ["helper.go:113"])
    // A GET has no body: `logBody` logs `string(nil)`, which klog quotes (`body=""`).
    #expect(lines[1].hasSuffix("] \"Request Body\" body=\"\""))
    // The headers kube-apiserver sets (see ResponseHeaders), the date on http.TimeFormat.
    let headers = lines.filter { $0.contains("round_trippers.go:587]") }.map {
      String(Self.body($0).drop { $0 != "]" }.dropFirst(6).prefix { $0 != ":" })
    }
    #expect(
      headers == [
        "Audit-Id", "Cache-Control", "Content-Length", "Content-Type", "Date", "X-Kubernetes-Pf-Flowschema-Uid",
        "X-Kubernetes-Pf-Prioritylevel-Uid",
      ])
    #expect(lines.contains { $0.hasSuffix("]     Cache-Control: no-cache, private") })
    #expect(lines.contains { $0.hasSuffix("]     Date: Mon, 03 Mar 2025 09:00:00 GMT") })
  }

  /// request.go `truncateBody` (v0.32.4 rest/request.go:1401-1417): 1024 bytes at -v=8, 10240
  /// at -v=9, whole from -v=10, then ` [truncated N chars]`; klog (`internal/serialize`
  /// `writeStringValue`) quotes a one-line value and writes one with line breaks as `<`, tab-led
  /// lines and ` >`.
  @Test func bodiesAreTruncatedAndFormattedAsKlogDoes() {
    let body = String(repeating: "a", count: 2000) + "\n"
    #expect(
      RESTLog.bodyMessage("Response Body", body, level: 8)
        == "\"Response Body\" body=\"" + String(repeating: "a", count: 1024) + " [truncated 977 chars]\"")
    #expect(RESTLog.bodyMessage("Response Body", body, level: 9) == "\"Response Body\" body=<\n\t" + body + " >")
    #expect(RESTLog.bodyMessage("Request Body", "{\"a\":1}", level: 8) == #""Request Body" body="{\"a\":1}""#)
    #expect(RESTLog.truncated(String(repeating: "b", count: 20000), level: 10).count == 20000)
    #expect(RESTLog.truncated(String(repeating: "b", count: 20000), level: 9).hasSuffix(" [truncated 9760 chars]"))
  }

  /// The Table a list of pods answers with: apiserver `handlers/response.go` `asTable`, the
  /// printers' pod columns (`pkg/printers/internalversion/printers.go` `podColumnDefinitions`,
  /// docs from `types_swagger_doc_generated.go` v0.32.4) and rows of PartialObjectMetadata; a
  /// missing object answers apimachinery's NotFound Status.
  @Test func tableAndStatusBodies() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    let output = terminal.run("kubectl get pods -v=10").output
    let table = output.split(separator: "\n").first { $0.hasPrefix("\t{\"kind\":\"Table\"") } ?? ""
    #expect(
      table.hasPrefix("\t{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"resourceVersion\":"))
    #expect(
      table.contains(
        "{\"name\":\"Ready\",\"type\":\"string\",\"format\":\"\",\"description\":\"The aggregate readiness state of this pod for accepting traffic.\",\"priority\":0}"
      ))
    #expect(table.contains("\"priority\":1}],\"rows\":[{\"cells\":[\"web\","))
    #expect(
      table.contains(
        "\"object\":{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"name\":\"web\",\"namespace\":\"default\",\"uid\":"
      ))
    let missing = terminal.run("kubectl get deployment nope -o yaml -v=8").output
    #expect(
      missing.contains(
        "\t{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"deployments.apps \\\"nope\\\" not found\",\"reason\":\"NotFound\",\"details\":{\"name\":\"nope\",\"group\":\"apps\",\"kind\":\"deployments\"},\"code\":404}\n"
      ))
  }

  /// `kubectl scale` without a precondition: the builder's GET, then the scale client's merge
  /// PATCH (kubectl `pkg/scale/scale.go:140-160`, client-go `scale/client.go:222-232`).
  @Test func scaleSendsAMergePatchOfTheScale() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    let lines = terminal.run("kubectl scale deployment web --replicas=3 -v=8").output.split(separator: "\n")
    #expect(
      lines.contains { $0.hasSuffix("client.go:232] \"Request Body\" body=\"{\\\"spec\\\":{\\\"replicas\\\":3}}\"") })
    #expect(
      lines.contains {
        $0.hasSuffix(
          "round_trippers.go:470] PATCH https://172.18.0.2:6443/apis/apps/v1/namespaces/default/deployments/web/scale")
      })
    #expect(lines.contains { $0.hasSuffix("]     Content-Type: application/merge-patch+json") })
    #expect(lines.last == "deployment.apps/web scaled")
  }

  /// `kubectl label`: the builder's GET (`Latest()`, cli-runtime helper.go:105), then a merge
  /// PATCH of the changed keys (kubectl pkg/cmd/label/label.go:335 `CreateMergePatch`, :351
  /// `helper.Patch`, helper.go:269) with the field manager label.go registers (:164,
  /// `kubectl-label`); a removed key is `null`.
  @Test func labelPatchesTheChangedKeys() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27 --labels=app=web,tier=x")
    let lines = terminal.run("kubectl label pod web tier- env=prod -v=8").output.split(separator: "\n")
    let calls = lines.filter { $0.contains("round_trippers.go:470]") }.map { Self.body($0) }
    #expect(
      calls == [
        "round_trippers.go:470] GET https://172.18.0.2:6443/api/v1/namespaces/default/pods/web",
        "round_trippers.go:470] PATCH https://172.18.0.2:6443/api/v1/namespaces/default/pods/web?fieldManager=kubectl-label",
      ])
    #expect(
      lines.contains {
        $0.hasSuffix(
          #"helper.go:269] "Request Body" body="{\"metadata\":{\"labels\":{\"env\":\"prod\",\"tier\":null}}}""#)
      })
  }

  /// `kubectl delete`: no GET first (delete.go `RequireObject(false)`), the DELETE with the
  /// options kubectl builds (delete.go:393-397; real `-v=10` logs of older kubectl show the
  /// same `{"propagationPolicy":"Background"}`), answered for a Deployment by the generic store's
  /// Success Status; then `--wait`'s dynamic GET (kubectl pkg/cmd/wait/delete.go:45, client-go
  /// dynamic/simple.go:247), NotFound.
  @Test func deleteSendsDeleteOptionsThenWaits() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    let output = terminal.run("kubectl delete deployment web -v=8").output
    let lines = output.split(separator: "\n")
    // The unstructured client's codec encodes the options with `json.NewEncoder` (cli-runtime
    // resource/scheme.go:57-60, apimachinery unstructured/helpers.go:399): a newline ends the
    // body, so klog writes it on lines of its own.
    let start = lines.firstIndex { $0.hasSuffix(#"helper.go:202] "Request Body" body=<"#) }
    #expect(start.map { Array(lines[($0 + 1)...($0 + 2)]) } == ["\t{\"propagationPolicy\":\"Background\"}", " >"])
    #expect(lines.contains { $0.hasSuffix("]     Content-Type: application/json") })
    #expect(
      output.contains(
        "\t{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Success\",\"details\":{\"name\":\"web\",\"group\":\"apps\",\"kind\":\"deployments\",\"uid\":"
      ))
    #expect(lines.contains { $0.hasSuffix("simple.go:247] \"Request Body\" body=\"\"") })
    #expect(lines.contains { $0.hasSuffix("round_trippers.go:581] Response Status: 404 Not Found in 5 milliseconds") })
    #expect(lines.last == "deployment.apps \"web\" deleted")
  }

  /// `create -f`: one POST with the field manager create.go registers (:131, `kubectl-create`)
  /// and the validation directive's default (kubectl cmd/util/helpers.go
  /// `GetValidationDirective`: Strict), the unstructured object encoded by `json.NewEncoder`
  /// (keys sorted, a newline), answered 201. `apply` of a new object: `info.Get()` (apply.go:682,
  /// helper.go:105) answers 404, then `helper.Create` (apply.go:701) with
  /// `kubectl-client-side-apply` (apply.go:1088).
  @Test func createPostsAndApplyGetsFirst() {
    var terminal = Terminal()
    let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n"
    let created = terminal.run("kubectl create -f - -v=8", stdin: manifest).output.split(separator: "\n")
    let start = created.firstIndex { $0.hasSuffix(#"helper.go:246] "Request Body" body=<"#) }
    #expect(
      start.map { String(created[$0 + 1]) }
        == "\t"
        + #"{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"cfg","namespace":"default"}}"#
    )
    #expect(
      created.contains {
        $0.hasSuffix(
          "round_trippers.go:470] POST https://172.18.0.2:6443/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict"
        )
      })
    #expect(created.contains { $0.hasSuffix("round_trippers.go:581] Response Status: 201 Created in 5 milliseconds") })
    let applied = terminal.run(
      "kubectl apply -f - -v=6", stdin: manifest.replacingOccurrences(of: "cfg", with: "other")
    )
    .output.split(separator: "\n").map { Self.body($0) }
    #expect(
      applied.dropFirst().prefix(2)
        == [
          "round_trippers.go:560] GET https://172.18.0.2:6443/api/v1/namespaces/default/configmaps/other 404 Not Found in 5 milliseconds",
          "round_trippers.go:560] POST https://172.18.0.2:6443/api/v1/namespaces/default/configmaps?fieldManager=kubectl-client-side-apply&fieldValidation=Strict 201 Created in 5 milliseconds",
        ])
  }

  /// `logs POD`: the builder's GET, then the log stream (`GetLogs(...).Stream` at kubectl
  /// pkg/cmd/logs/logs.go:469, where request.go's `Stream` logs the request body; no response
  /// body for a stream) with `PodLogOptions` as query parameters.
  @Test func logsStreamsTheContainersLog() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    _ = terminal.run("sleep 10")
    let lines = terminal.run("kubectl logs web --tail=2 -v=8").output.split(separator: "\n")
    #expect(lines.contains { $0.hasSuffix(#"logs.go:469] "Request Body" body="""#) })
    #expect(
      lines.contains {
        $0.hasSuffix(
          "round_trippers.go:470] GET https://172.18.0.2:6443/api/v1/namespaces/default/pods/web/log?container=web&tailLines=2"
        )
      })
    #expect(!lines.contains { $0.contains("logs.go:469] \"Response Body\"") })
  }

  /// A finished pod's row carries printers.go's `podSuccessConditions` between its cells and
  /// its object (`metav1.TableRow` field order).
  @Test func finishedPodRowsCarryConditions() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run once --image=busybox:1.36 --restart=Never -- echo hi")
    _ = terminal.run("sleep 20")
    let output = terminal.run("kubectl get pods -v=10").output
    #expect(
      output.contains(
        #"],"conditions":[{"type":"Completed","status":"True","reason":"Succeeded","message":"The pod has completed successfully."}],"object":{"kind":"PartialObjectMetadata""#
      ))
  }

  /// A node list's Table, against the real API server's answer that kubernetes/kubernetes#126999
  /// quotes (`kubectl get -v=9 nodes` on a v1.32 development server): the last column
  /// definitions, then the rows' cells with `<none>` escaped as Go's encoder escapes it, then the
  /// object as PartialObjectMetadata whose metadata starts with name and uid.
  @Test func nodeTableHasTheServersShape() {
    var terminal = Terminal()
    let output = terminal.run("kubectl get nodes -v=10").output
    #expect(
      output.contains(
        #"{"name":"Kernel-Version","type":"string","format":"","description":"Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).","priority":1},{"name":"Container-Runtime","type":"string","format":"","description":"ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).","priority":1}],"rows":[{"cells":["control-plane","Ready","control-plane","#
      ))
    #expect(
      output.contains(#""\u003cnone\u003e","Debian GNU/Linux 12 (bookworm)""#)
        && output.contains(
          #"],"object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{"name":"control-plane","uid":""#
        ))
  }
}
