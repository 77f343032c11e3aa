import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl get -o custom-columns`: only `get` offers it, and `get` needs a server, so the
/// ground truth is kubectl's own table (`pkg/cmd/get/customcolumn_test.go`, ported with the
/// typed pods written as their JSON).
@Suite struct CustomColumnsTests {
  /// `TestMassageJSONPath`.
  @Test(
    arguments: [
      ("foo.bar", "{.foo.bar}"), ("{foo.bar}", "{.foo.bar}"), (".foo.bar", "{.foo.bar}"), ("{.foo.bar}", "{.foo.bar}"),
      ("", ""), ("{foo.bar", nil), ("foo.bar}", nil), ("{foo.bar}}", nil), ("{{foo.bar}", nil),
    ] as [(String, String?)])
  func relaxedJSONPath(input: String, expected: String?) {
    #expect(CustomColumns.relaxedField(input) == expected)
  }

  /// `TestNewColumnPrinterFromSpec`.
  @Test func fromSpec() throws {
    for bad in ["", "invalid", "invalid=foobar", "invalid,foobar:blah"] {
      #expect(throws: KubectlError.self) { try CustomColumns.fromSpec(bad) }
    }
    let columns = try CustomColumns.fromSpec("NAME:metadata.name,API_VERSION:apiVersion").columns
    #expect(
      columns == [
        .init(header: "NAME", fieldSpec: "{.metadata.name}"), .init(header: "API_VERSION", fieldSpec: "{.apiVersion}"),
      ])
    let noHeaders = try CustomColumns.fromSpec("API_VERSION:apiVersion").print(
      [.object([("apiVersion", .string("v1"))])], noHeaders: true)
    #expect(!noHeaders.contains("API_VERSION"))
  }

  /// `TestNewColumnPrinterFromTemplate`.
  @Test func fromTemplate() throws {
    for bad in ["", "invalid", "invalid=foobar", "invalid,foobar:blah"] {
      #expect(throws: KubectlError.self) { try CustomColumns.fromTemplate(bad) }
    }
    let expected: [CustomColumns.Column] = [
      .init(header: "NAME", fieldSpec: "{.metadata.name}"), .init(header: "API_VERSION", fieldSpec: "{.apiVersion}"),
    ]
    #expect(
      try CustomColumns.fromTemplate("NAME               API_VERSION\n{metadata.name}    {apiVersion}").columns
        == expected)
    #expect(
      try CustomColumns.fromTemplate(
        "NAME               \t\tAPI_VERSION\n\t\t\t\t\t\t\t{metadata.name}    {apiVersion}"
      )
      .columns == expected)
  }

  /// A pod's JSON with a name, an optional apiVersion and labels.
  static func pod(_ name: String, apiVersion: String? = nil, labels: [String: String] = [:]) -> JSONValue {
    var pairs: [(String, JSONValue)] = []
    if let apiVersion { pairs.append(("apiVersion", .string(apiVersion))) }
    pairs.append(("metadata", .object([("name", .string(name)), ("labels", .stringMap(labels))])))
    return .object(pairs)
  }

  /// `TestColumnPrint` and `TestIndividualPrintObjOnExistingTabWriter`.
  @Test func columnPrint() throws {
    let name = CustomColumns.Column(header: "NAME", fieldSpec: "{.metadata.name}")
    let version = CustomColumns.Column(header: "API_VERSION", fieldSpec: "{.apiVersion}")
    let missing = CustomColumns.Column(header: "NOT_FOUND", fieldSpec: "{.notFound}")
    /// The columns' table of `objects`, header included.
    func print(_ columns: [CustomColumns.Column], _ objects: [JSONValue]) throws -> String {
      try CustomColumns(columns: columns, honoursNoHeaders: true).print(objects, noHeaders: false)
    }
    #expect(try print([name], [Self.pod("foo")]) == "NAME\nfoo\n")
    #expect(try print([name], [Self.pod("foo"), Self.pod("bar")]) == "NAME\nfoo\nbar\n")
    #expect(try print([name, version], [Self.pod("foo", apiVersion: "baz")]) == "NAME   API_VERSION\nfoo    baz\n")
    #expect(
      try print([name, version, missing], [Self.pod("foo", apiVersion: "baz")])
        == "NAME   API_VERSION   NOT_FOUND\nfoo    baz           <none>\n")
    let labelled = [
      name, CustomColumns.Column(header: "LONG COLUMN NAME", fieldSpec: "{.metadata.labels.label1}"),
      CustomColumns.Column(header: "LABEL 2", fieldSpec: "{.metadata.labels.label2}"),
    ]
    #expect(
      try print(
        labelled,
        [
          Self.pod("foo", labels: ["label1": "foo", "label2": "foo"]),
          Self.pod("bar", labels: ["label1": "bar", "label2": "bar"]),
        ])
        == "NAME   LONG COLUMN NAME   LABEL 2\nfoo    foo                foo\nbar    bar                bar\n")
  }

  /// Values go through `printers.EscapeTerminal` (`pkg/printers/terminal.go`:
  /// `strings.NewReplacer("\x1b", "^[", "\r", "\\r")`) and `fmt.Sprint`.
  @Test func escapedValues() throws {
    let object: JSONValue = .object([
      ("metadata", .object([("name", .string("a\u{1B}[31mred\rb")), ("labels", .object([("x", .string("y"))]))]))
    ])
    let output = try CustomColumns.fromSpec("N:.metadata.name,L:.metadata.labels").print([object], noHeaders: true)
    #expect(output == "a^[[31mred\\rb   map[x:y]\n")
  }

  /// `TestSliceColumnPrint` (nil: an error).
  @Test(
    arguments: [
      ("CONTAINER:.spec.containers[0].name", "fake0"), ("CONTAINER:.spec.containers[3].name", "fake3"),
      ("CONTAINER:.spec.containers[5].name", nil), ("CONTAINER:.spec.containers[-1].name", "fake3"),
      ("CONTAINER:.spec.containers[-2].name", "fake2"), ("CONTAINER:.spec.containers[-4].name", "fake0"),
      ("CONTAINER:.spec.containers[-5].name", nil), ("CONTAINER:.spec.containers[0:0].name", "<none>"),
      ("CONTAINER:.spec.containers[0:3].name", "fake0,fake1,fake2"),
      ("CONTAINER:.spec.containers[1:].name", "fake1,fake2,fake3"), ("CONTAINER:.spec.containers[3:1].name", nil),
      ("CONTAINER:.spec.containers[0:-1].name", "fake0,fake1,fake2"), ("CONTAINER:.spec.containers[-1:].name", "fake3"),
      ("CONTAINER:.spec.containers[-4:].name", "fake0,fake1,fake2,fake3"),
      ("CONTAINER:.spec.containers[-3:-1].name", "fake1,fake2"), ("CONTAINER:.spec.containers[-2:-3].name", nil),
      ("CONTAINER:.spec.containers[4:4].name", "<none>"), ("CONTAINER:.spec.containers[-5:-5].name", "<none>"),
    ] as [(String, String?)])
  func sliceColumnPrint(spec: String, expected: String?) throws {
    let pod: JSONValue = .object([
      ("metadata", .object([("name", .string("fake-name")), ("namespace", .string("fake-namespace"))])),
      ("spec", .object([("containers", .array((0..<4).map { .object([("name", .string("fake\($0)"))]) }))])),
    ])
    let columns = try CustomColumns.fromSpec(spec)
    let output = try? columns.print([pod], noHeaders: false)
    #expect(output == expected.map { "CONTAINER\n\($0)\n" })
  }

  /// `get -o custom-columns` prints each requested path of every listed object, several
  /// values joined by commas, missing ones as `<none>`: the values agree with `-o jsonpath`
  /// for the same paths (checked against the real kubectl in ``GetJSONPathTests``).
  @Test func getCustomColumns() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.25 --replicas=2")
    _ = terminal.run("kubectl rollout status deployment/web")
    let names = terminal.run("kubectl get pods -o jsonpath='{.items[*].metadata.name}'").output
      .split(separator: " ")
    let output = terminal.run(
      "kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,X:.nope")
    #expect(
      output.output
        == TabWriter.get.format([["NAME", "IMAGE", "X"]] + names.map { [String($0), "nginx:1.25", "<none>"] }))
    #expect(
      terminal.run("kubectl get pods --no-headers -o custom-columns=NAME:.metadata.name").output
        == names.map { $0 + "\n" }.joined())
    #expect(
      terminal.run("kubectl get pods -o custom-columns=NAME").output
        == "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n")
  }

  /// `custom-columns-file` reads the two lines from the page's files and prints what the same
  /// columns as a spec print; `--no-headers` does not hide a file's header (the template
  /// printer is built with `NoHeaders: false`); a missing file gets customcolumn_flags.go's error.
  @Test func customColumnsFile() {
    var cluster = Cluster()
    _ = Kubectl.run(["run", "a", "--image=nginx"], cluster: &cluster, files: VirtualDirectory())
    let files = VirtualDirectory(files: ["cols.txt": "NAME   IMAGE\n{.metadata.name}   .spec.containers[0].image\n"])
    let fromFile = Kubectl.run(
      ["get", "pods", "--no-headers", "-o", "custom-columns-file=cols.txt"], cluster: &cluster, files: files)
    let fromSpec = Kubectl.run(
      ["get", "pods", "-o", "custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image"], cluster: &cluster,
      files: files)
    #expect(fromFile.output == fromSpec.output)
    #expect(fromFile.output.hasPrefix("NAME"))
    let missing = Kubectl.run(["get", "pods", "-o", "custom-columns-file=nope.txt"], cluster: &cluster, files: files)
    #expect(missing.output == "error: error reading template nope.txt, open nope.txt: no such file or directory\n")
  }
}
