import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl explain`: the captured v1.32 output in ``KubectlExplainTexts`` (a real cluster,
/// the course owner's notes), the text functions of kubectl's `pkg/explain/v2/funcs.go`, and
/// field paths, errors and `--recursive` laid out by `pkg/explain/v2/templates/plaintext.tmpl`
/// over the Go API types (k8s.io/api v0.32.4).
@Suite struct ExplainCommandTests {
  func run(_ line: String) -> CommandResult {
    var cluster = Cluster()
    return SimulatedKubectl.run(line, cluster: &cluster)
  }

  /// The generated schema and the template reproduce the captured texts byte for byte.
  @Test(arguments: KubectlExplainTexts.texts.keys.sorted())
  func capturedTextIsReproduced(path: String) throws {
    let expected = try #require(KubectlExplainTexts.texts[path])
    let result = run("kubectl explain \(path)")
    #expect(result.exitCode == 0)
    #expect(result.output == expected + "\n")
  }

  /// `go-wordwrap` v1.0.1 `WrapString`, cases from its `wordwrap_test.go`.
  @Test(arguments: [
    ("foo", 4, "foo"),
    ("foobarbaz", 4, "foobarbaz"),
    ("foo bar baz", 4, "foo\nbar\nbaz"),
    ("foo\nb ar\nbaz", 4, "foo\nb ar\nbaz"),
    ("foo       \nb ar\nbaz", 4, "foo\nb ar\nbaz"),
  ])
  func wrapMatchesGoWordWrap(input: String, limit: Int, expected: String) {
    #expect(ExplainText.wrap(input, limit: limit) == expected)
  }

  /// kubectl's `term_writer_test.go` properties: no line longer than the limit, no word broken.
  @Test(arguments: [10, 80, 120, 5000])
  func wrapKeepsLinesWithinTheLimit(limit: Int) {
    let input = Array(repeating: "Kube", count: 70).joined(separator: " ")
    let wrapped = ExplainText.wrap(input, limit: limit)
    #expect(wrapped.count >= input.count)
    for line in wrapped.split(separator: "\n") { #expect(line.count <= limit) }
    for word in wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }) { #expect(word == "Kube") }
  }

  /// funcs.go `indent`: the pad before the text and after every newline.
  @Test func indentPadsEveryLine() {
    #expect(ExplainText.indent("a\nb", by: 4) == "    a\n    b")
    #expect(ExplainText.indent("a\n", by: 2) == "  a\n  ")
    #expect(ExplainText.indent("", by: 3) == "   ")
  }

  /// Tabs land on 8-column stops, as in the captured field lines (`  type  <string>`).
  @Test func tabsExpandToEightColumnStops() {
    #expect(ExplainText.expandingTabs("  type\t<string>") == "  type  <string>")
    #expect(
      ExplainText.expandingTabs("  rollingUpdate\t<R>\n  maxSurge\t<I>") == "  rollingUpdate <R>\n  maxSurge      <I>")
  }

  /// A path through a list (`containers`) reaches the element type's fields; `port` has no
  /// `omitempty` and no `+optional` in core/v1 types.go, so it is required.
  @Test func fieldPathThroughAListResolves() {
    let result = run("kubectl explain pods.spec.containers.livenessProbe.httpGet")
    #expect(result.exitCode == 0)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(Array(lines.prefix(4)) == ["KIND:       Pod", "VERSION:    v1", "", "FIELD: httpGet <HTTPGetAction>"])
    #expect(lines.contains("    HTTPGet specifies an HTTP GET request to perform."))
    #expect(lines.contains("    HTTPGetAction describes an action based on HTTP Get requests."))
    #expect(lines.contains("  port  <IntOrString> -required-"))
    #expect(lines.contains("  httpHeaders   <[]HTTPHeader>"))
  }

  /// The Go comment's `\\` reaches the schema as one backslash: openapi-gen writes the text
  /// into a Go string literal without escaping backslashes (types_swagger_doc_generated.go,
  /// made the same way, reads `HKEY_LOCAL_MACHINE\\SYSTEM` in Go source).
  @Test func goEscapesInCommentsAreRead() {
    let output = run("kubectl explain pods.spec.setHostnameAsFQDN").output
    #expect(output.contains(#"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters"#))
    #expect(!output.contains(#"\\"#))
  }

  /// Enum values come from every constant of the `+enum` type, however it is written:
  /// `PathTypeExact = PathType("Exact")` (networking/v1) and `AddressTypeIPv4 =
  /// AddressType(v1.IPv4Protocol)` with `IPv4Protocol IPFamily = "IPv4"` (discovery/v1, core/v1).
  @Test func enumValuesFromConvertedConstants() {
    let path = run("kubectl explain ingress.spec.rules.http.paths.pathType").output
    #expect(path.contains("FIELD: pathType <string>\nENUM:\n    Exact\n    ImplementationSpecific\n    Prefix\n\n"))
    let address = run("kubectl explain endpointslices.addressType").output
    #expect(address.contains("FIELD: addressType <string>\nENUM:\n    FQDN\n    IPv4\n    IPv6\n\n"))
    #expect(address.contains("\n     - `\"IPv4\"` represents an IPv4 Address.\n"))
  }

  /// The template's error names the path's last element, whichever element is missing.
  @Test func unknownFieldNamesTheLastPathElement() {
    #expect(run("kubectl explain pods.spec.bogus").output == "error: field \"bogus\" does not exist\n")
    let nested = run("kubectl explain pods.spec.bogus.deeper")
    #expect(nested.exitCode == 1)
    #expect(nested.output == "error: field \"deeper\" does not exist\n")
  }

  /// Argument errors, as the real kubectl v1.32.4 binary prints them (offline; they come
  /// before any server request).
  @Test func argumentErrors() {
    let none = run("kubectl explain")
    #expect(none.exitCode == 1)
    #expect(
      none.output
        == "error: You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n"
    )
    let two = run("kubectl explain a b")
    #expect(two.exitCode == 1)
    #expect(two.output == "error: We accept only this format: explain RESOURCE\n")
  }

  @Test func unknownTypeAndVersion() {
    #expect(run("kubectl explain bogus").output == "error: the server doesn't have a resource type \"bogus\"\n")
    #expect(
      run("kubectl explain deployments --api-version=apps/v2").output
        == "error: couldn't find resource for \"apps/v2, Resource=deployments\"\n")
    let matching = run("kubectl explain deploy.spec.strategy --api-version=apps/v1")
    #expect(matching.output == (KubectlExplainTexts.texts["deployment.spec.strategy"] ?? "") + "\n")
  }

  /// `PLURAL.GROUP` names the resource when the path starts with it; a trailing `.` is
  /// dropped (`SplitAndParseResourceRequestWithMatchingPrefix`, `jsonPathParse`).
  @Test func groupQualifiedResourceAndTrailingDot() {
    let expected = (KubectlExplainTexts.texts["deployment.spec.strategy"] ?? "") + "\n"
    #expect(run("kubectl explain deployments.apps.spec.strategy").output == expected)
    #expect(run("kubectl explain deployment.spec.strategy.").output == expected)
    #expect(run("kubectl explain deployment.apps.spec").output == "error: field \"spec\" does not exist\n")
  }

  /// `--api-version` picks another served version: autoscaling/v1's HPA has
  /// `targetCPUUtilizationPercentage` (k8s.io/api autoscaling/v1 types.go), v2's does not.
  @Test func apiVersionSelectsTheSchema() {
    let v1 = run("kubectl explain hpa.spec --api-version=autoscaling/v1")
    #expect(v1.output.hasPrefix("GROUP:      autoscaling\nKIND:       HorizontalPodAutoscaler\nVERSION:    v1\n"))
    #expect(v1.output.contains("\n  targetCPUUtilizationPercentage\t<integer>\n".replacingTabs))
    let v2 = run("kubectl explain hpa.spec")
    #expect(v2.output.contains("VERSION:    v2\n"))
    #expect(!v2.output.contains("targetCPUUtilizationPercentage"))
  }

  /// Every version of every served kind has a schema, but CustomResourceDefinition's (its
  /// types are in k8s.io/apiextensions-apiserver, which the generator does not read), and
  /// explain says so for that one.
  @Test func everyServedVersionHasASchema() {
    for kind in ServedKinds.all where kind.resource.kind != "CustomResourceDefinition" {
      let type = kind.resource
      for version in type.versions {
        #expect(
          ExplainSchema.served.kinds.contains {
            $0.kind == type.kind && $0.group == type.group && $0.version == version
          },
          "\(type.kind) \(version)")
      }
    }
  }

  /// `--recursive` lists nested fields without descriptions, two columns deeper per level;
  /// the names and types are those of the captured non-recursive texts.
  @Test func recursiveListsNestedFields() {
    let result = run("kubectl explain deployment.spec.strategy --recursive")
    let fields = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .drop { $0 != "FIELDS:" }
    #expect(
      Array(fields) == [
        "FIELDS:", "  rollingUpdate <RollingUpdateDeployment>", "    maxSurge    <IntOrString>",
        "    maxUnavailable      <IntOrString>", "  type  <string>", "  enum: Recreate, RollingUpdate", "",
      ])
  }

  /// Every kind the simulator serves has a schema, under its own group and version.
  @Test func everyServedKindIsExplained() {
    for kind in ServedKinds.all {
      let type = kind.resource
      let result = run("kubectl explain \(type.plural)")
      #expect(result.exitCode == 0, "\(type.plural)")
      let header = (type.group.isEmpty ? "" : "GROUP:      \(type.group)\n") + "KIND:       \(type.kind)\n"
      #expect(result.output.hasPrefix(header), "\(type.plural)")
      #expect(result.output.contains("VERSION:    \(type.preferredVersion)\n"), "\(type.plural)")
      #expect(result.output.contains("  metadata\t".replacingTabs), "\(type.plural)")
    }
  }
}

extension String {
  /// The string as the explain output shows it (tabs on 8-column stops).
  fileprivate var replacingTabs: String { ExplainText.expandingTabs(self) }
}
