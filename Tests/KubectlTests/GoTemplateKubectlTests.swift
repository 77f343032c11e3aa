import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Go templates run by the real kubectl on one object file and by our printer on the same
/// object. The real side is `kubectl label --local -f FILE nope- -o go-template=...`:
/// removing a label the object does not have changes nothing, so the template sees the
/// file's object as `get` gives it (unstructured), errors included with their debugging dump.
@Suite struct GoTemplateKubectlTests {
  static let fixture = """
    {"apiVersion": "v1", "kind": "ConfigMap",
     "metadata": {"name": "demo", "namespace": "default",
       "labels": {"app": "web", "tier": "front", "app.kubernetes.io/name": "webby"}, "annotations": {"note": "a.b"}},
     "data": {"secret": "aGVsbG8gd29ybGQ=", "bad": "a=b", "short": "YQ"},
     "spec": {"containers": [
       {"name": "nginx", "image": "nginx:1.25", "ports": [{"containerPort": 80}, {"containerPort": 443}]},
       {"name": "side", "image": "busybox", "ports": []}],
       "replicas": 3, "ratio": 1.5, "big": 1000000.0, "paused": false, "weights": [5, 1, 4, 2, 3],
       "nothing": null, "empty": {}, "list": [], "text": "a <b> & 'c' \\"d\\"", "unicode": "héllo"}}
    """

  static let templates: [String] = [
    // Fields, values and printing.
    "{{.metadata.name}}",
    "{{.kind}}/{{.metadata.name}} in {{.metadata.namespace}}",
    "{{.spec.replicas}} {{.spec.ratio}} {{.spec.big}} {{.spec.paused}}",
    "{{.metadata.labels}}",
    "{{.spec.weights}} {{.spec.empty}} {{.spec.list}}",
    "{{.spec.containers}}",
    "{{.spec.nothing}}|{{.missing}}|{{.missing.deeper}}",
    "{{.}}",
    "{{$}}",
    "{{.spec.text}} {{.spec.unicode}}",
    // Range over lists and maps.
    "{{range .spec.containers}}{{.name}}={{.image}}\n{{end}}",
    "{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}} {{end}}",
    "{{range $key, $value := .metadata.labels}}{{$key}}={{$value}};{{end}}",
    "{{range .metadata.labels}}{{.}},{{end}}",
    "{{range .spec.list}}x{{else}}empty{{end}}",
    "{{range .missing}}x{{else}}none{{end}}",
    "{{range .spec.containers}}{{range .ports}}{{.containerPort}} {{end}}{{end}}",
    "{{range $i, $w := .spec.weights}}{{if gt $w 2}}{{break}}{{end}}{{$i}}{{end}}",
    "{{range .spec.weights}}{{if eq . 1 2}}{{continue}}{{end}}{{.}}{{end}}",
    "{{range $c := .spec.containers}}{{$c.name}}{{end}}",
    // If, with, else if, variables.
    "{{if .spec.paused}}paused{{else}}running{{end}}",
    "{{if .missing}}yes{{else if .spec.replicas}}replicas{{else}}no{{end}}",
    "{{if and .spec.replicas (not .spec.paused)}}on{{end}}",
    "{{or .missing .spec.nothing \"fallback\"}} {{and 1 0 2}} {{or 0 \"\"}}",
    "{{with .metadata.labels}}{{.app}}{{end}}",
    "{{with .missing}}yes{{else}}no{{end}}",
    "{{with .missing}}a{{else with .metadata}}{{.name}}{{end}}",
    "{{$n := .metadata.name}}{{$n}} {{$n = \"other\"}}{{$n}}",
    "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}",
    "{{with $x := .spec.replicas}}{{$x}}{{end}}",
    // Functions.
    "{{len .spec.weights}} {{len .metadata.labels}} {{len .spec.unicode}}",
    "{{index .spec.weights 2}} {{index .metadata.labels \"app\"}} {{index .spec.containers 0 \"name\"}}",
    "{{index .metadata.labels \"app.kubernetes.io/name\"}} {{index .metadata.labels \"nope\"}}",
    "{{slice .spec.weights 1 3}} {{slice .spec.text 0 3}} {{slice .spec.weights 2}}",
    "{{print \"a\" 1 2 \"b\" .spec.replicas}}",
    "{{println .metadata.name 3}}",
    "{{printf \"%s has %d replicas\" .metadata.name .spec.replicas}}",
    "{{printf \"%v|%5s|%-6s|%05d|%x|%X|%o|%q\" .spec.ratio \"ab\" \"cd\" 42 255 255 8 .metadata.name}}",
    "{{printf \"%d\" .spec.ratio}} {{printf \"%s\" .spec.replicas}} {{printf \"%d\"}} {{printf \"%d\" 1 2}}",
    "{{printf \"%.2f|%e|%g|%8.3f|%+d|%t\" .spec.ratio .spec.big .spec.big 3.14159 5 true}}",
    "{{printf \"%v %d\" .spec.weights .metadata.labels}}",
    "{{printf \"%T %T %T %T\" .spec.replicas .spec.ratio .metadata .spec.weights}}",
    "{{.metadata.name | printf \"%q\"}} {{.spec.replicas | printf \"%03d\"}}",
    "{{html .spec.text}} {{js .spec.text}} {{urlquery .spec.text}}",
    "{{html .missing}}",
    "{{eq .metadata.name \"demo\"}} {{ne .spec.replicas 3}} {{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 .spec.ratio}}",
    "{{eq .spec.replicas 1 2 3}} {{eq .missing .spec.nothing}}",
    "{{.data.secret | base64decode}}",
    "{{base64decode .data.short}}",
    "{{exists . \"metadata\" \"labels\" \"app\"}} {{exists . \"spec\" \"nothing\"}} {{exists .spec.weights 9}}",
    "{{exists .spec.containers 0 \"ports\" 1}} {{exists . \"nope\"}}",
    "{{not .spec.paused}} {{not .spec.weights}}",
    "{{(index .spec.containers 1).name}}",
    "{{len (slice .spec.weights 1)}}",
    // Define, template, block.
    "{{define \"c\"}}[{{.name}}]{{end}}{{range .spec.containers}}{{template \"c\" .}}{{end}}",
    "{{define \"t\"}}{{.}}{{end}}{{template \"t\" .metadata.name}}{{template \"t\"}}",
    "{{block \"b\" .metadata}}{{.name}}{{end}}!",
    "{{define \"outer\"}}<{{template \"inner\" .}}>{{end}}{{define \"inner\"}}{{.kind}}{{end}}{{template \"outer\" .}}",
    // Whitespace and comments.
    "a  {{- .metadata.name -}}  b",
    "{{- /* a comment */ -}}  x  {{/* another */}}y",
    "line1\n  {{- range .spec.weights}}\n  {{.}}\n{{- end}}\n",
    "{{`raw \\n string`}} {{\"esc\\t\\x41\\u00e9\"}} {{'a'}} {{0x1F}} {{1e3}} {{-2}} {{nil | print}}",
    // Execution errors.
    "{{index .spec.weights 5}}",
    "{{index .spec.weights 9}}",
    "{{index .metadata \"name\" 0}}",
    "{{len .missing}}",
    "{{len .spec.replicas}}",
    "{{eq .spec.replicas \"3\"}}",
    "{{lt .spec.replicas 1.5}}",
    "{{lt .spec.paused true}}",
    "{{.spec.nothing.x}}",
    "{{.metadata.name.x}}",
    "{{range .spec.replicas}}{{end}}",
    "{{template \"nope\"}}",
    "{{.metadata.name 1}}",
    "{{base64decode .data.bad}}",
    "{{base64decode .spec.replicas}}",
    "{{slice .spec.weights 3 1}}",
    "{{call .metadata}}",
    "{{printf 3}}",
    "start {{.metadata.name}} {{index .spec.list 0}} end",
    "{{index .spec.weights -1}}",
    // Templates learners copy from docs and answers.
    "{{range $k, $v := .data}}{{$k}}: {{$v}}{{\"\n\"}}{{end}}",
    "{{if not (eq .metadata.name \"x\")}}not x{{end}} {{len .metadata.labels | printf \"%d labels\"}}",
    "{{ .metadata.name | printf \"%-20s\" }}|{{printf \"%5.1f%%\" .spec.ratio}}|{{printf \"%.2f\" 3}}",
    "{{range .spec.containers}}{{.name}}{{\":\\t\"}}{{range .ports}}{{.containerPort}}{{\",\"}}{{end}}{{\"\\n\"}}{{end}}",
    "{{printf \"%s %v %t\" true .spec.paused .spec.replicas}}",
    "{{range .spec.containers}}{{if .ports}}{{.name}} has ports{{else}}{{.name}} has none{{end}}; {{end}}",
    "{{with index .metadata.labels \"app\"}}app={{.}}{{end}}{{with index .metadata.labels \"zzz\"}}zzz={{.}}{{end}}",
    "{{range $i, $c := .spec.containers}}{{if $i}}, {{end}}{{$c.name}}{{end}}",
    // More printf verbs and flags.
    "{{printf \"%6.2f|%-8v|%+.1e|%g|%G|%E\" .spec.ratio .metadata.name .spec.big 0.00001 1e21 12345.678}}",
    "{{printf \"%c%c|%U|%#x|%#o|%b|%08.3f|% d\" 72 105 9731 255 8 5 -3.14159 42}}",
    "{{printf \"%s\" .spec.nothing}} {{printf \"%v\" .missing}} {{printf \"%d\" .missing}}",
    "{{printf \"%*d|%-*d|%.*f\" 5 42 4 7 2 3.14159}}",
    "{{printf \"%!\"}} {{printf \"%z\" 1}} {{printf \"%%\"}} {{printf \"%\"}}",
    "{{printf \"%q %x %X\" .spec.unicode .spec.unicode \"hi\"}}",
    "{{printf \"%#v\" .metadata.labels}} {{printf \"%#v\" .spec.weights}} {{printf \"%#v\" .spec.text}}",
    "{{printf \"%5t|%-7t|\" true false}}",
    "{{printf \"%.3s|%.0d|%.5d|%5.1f|%-5d|\" \"abcdef\" 0 42 2.25 -3}}",
    "{{printf \"%.1f %.1f %.2f %.0f %.0f\" 0.25 0.35 1.005 2.5 3.5}}",
    "{{printf \"%v %v %v %v\" 1e6 123456.0 1e-5 0.0001}}",
    "{{printf \"%d %s\" 3}} {{printf \"%s\" .spec.weights}}",
    "{{printf \"%x %X %b %x %x %b\" .spec.ratio .spec.ratio .spec.ratio 1.0 -0.1 0.0}} {{printf \"%x\" .spec.big}}",
    // More ranges, variables and chains.
    "{{range $k, $v := .spec}}{{$k}} {{end}}",
    "{{range $i, $e := .spec.empty}}x{{else}}empty map{{end}}",
    "{{with $c := index .spec.containers 0}}{{$c.image}} {{$.kind}}{{end}}",
    "{{range .spec.containers}}{{$.metadata.name}}/{{.name}} {{end}}",
    "{{(.metadata).name}} {{(index .spec.containers 0).ports}}",
    "{{index .spec.text 0}} {{index .spec.unicode 1}}",
    "{{slice .spec.weights 1 2 3}}",
    "{{eq .spec.replicas 3}} {{if eq .metadata.name \"x\" \"demo\"}}multi{{end}}",
    "{{.metadata.name | len}} {{\"abc\" | printf \"%s-%s\" \"x\"}} {{index . \"metadata\" | len}}",
    "{{\"a b&c\" | html | urlquery}}",
    "{{range .spec.weights}}{{break}}{{end}}done",
    "{{- \"a\" -}} \n\t {{- \"b\"}}",
    "{{ .metadata.name -}}\n\n{{- .kind }}",
    "{{-3}} {{- 3}}",
    "{{.metadata.name}}{{/* c */ -}}  z",
    "{{$}}{{$.kind}}",
    "{{$x := 1}}{{$x := 2}}{{$x}}",
    "{{$i := 0}}{{$e := 0}}{{range $i, $e = .spec.weights}}{{end}}{{$i}} {{$e}}",
    "{{$e := 0}}{{range $e = .spec.containers}}{{$e.name}}{{end}} {{$e.image}}",
    "{{range $i, $e = .spec.weights}}{{end}}",
    // More errors.
    "{{.spec.containers.name}}",
    "{{$x := .spec.containers}}{{$x.name}}",
    "{{slice .spec.text 1 2 3}}",
    "{{eq .spec.weights .spec.weights}}",
    "{{eq .metadata .spec.weights}}",
    "{{lt \"a\" 1}}",
    "{{eq 1 1.0}}",
    "{{1 | .metadata.name}}",
    "{{template \"x\" 1 2}}{{define \"x\"}}{{end}}",
    "{{\"a\" \"b\"}}",
    "{{nil}}",
    "{{range}}{{end}}",
    "{{with}}{{end}}",
    "{{if 1}}{{else if}}{{end}}",
    "{{:= 1}}",
    "{{.a.}}",
    "{{.x | nil}}",
    "{{1e400}}",
    "{{99999999999999999999}}",
    "{{index .spec.weights \"a\"}}",
    "{{index .metadata.labels 1}}",
    "{{index .missing 1}}",
    "{{slice .spec.replicas}}",
    "{{not}}",
    "{{range .spec.weights}}{{.}}{{end}}{{end}}",
    "{{if .x}}a{{else}}b{{else}}c{{end}}",
    "{{template .x}}",
    "{{define \"x\"}}",
    "{{block \"x\"}}{{end}}",
    "{{range $i, 3}}{{end}}",
    "{{$x = 1}}",
    "a\n{{.metadata.name}}\n{{len 3}}",
    "a\n{{\n.x\n}}\n{{.y",
    // Parse errors.
    "{{.metadata.name",
    "{{.metadata.name}",
    "{{if .x}}",
    "{{end}}",
    "{{else}}",
    "{{range .x}}{{else}}{{else}}{{end}}",
    "{{nofunc .x}}",
    "{{$undefined}}",
    "{{break}}",
    "{{.x | 3}}",
    "{{\"unterminated}}",
    "{{'ab'}}",
    "{{(.x}}",
    "{{.x)}}",
    "{{/* open",
    "{{3.x}}",
    "{{define \"a\"}}1{{end}}{{define \"a\"}}2{{end}}",
    "{{range $a, $b, $c := .x}}{{end}}",
    "{{.x @}}",
    "{{\n.metadata.name\n",
    "{{printf}}",
    "{{len}}",
    "{{eq 1}}",
  ]

  /// Templates run with `--allow-missing-template-keys=false`.
  static let strictTemplates: [String] = [
    "{{.metadata.name}}",
    "{{.missing}}",
    "{{.missing.deeper}}",
    "{{.metadata.labels.nope}}",
    "{{range .spec.containers}}{{.name}}{{.nope}}{{end}}",
    "{{template \"t\"}}{{define \"t\"}}{{.x}}{{end}}",
    "{{index .metadata.labels \"nope\"}}",
  ]

  /// The fixture in a temporary file.
  static func fixtureFile() throws -> URL {
    let directory = try TemporaryDirectory.create("gotemplate")
    let file = directory.appendingPathComponent("object.json")
    try fixture.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  /// What our printer makes of `template` on the fixture, as kubectl prints it.
  static func ours(_ template: String, allowMissingKeys: Bool = true) throws -> (output: String, failed: Bool) {
    let object = try ManifestReader.documents(fixture, source: "fixture")[0]
    do {
      let format = try OutputFormat.parse(
        "go-template=" + template, printers: .generic, allowMissingKeys: allowMissingKeys)
      guard case .goTemplate(let printer) = format else { return ("", true) }
      return (try printer.print(served: object), false)
    } catch let error as KubectlError {
      return (error.text + "\n", true)
    }
  }

  /// The real kubectl's output (errors included) and status for `arguments` on `file`.
  static func real(_ arguments: [String], file: URL) throws -> (output: String, status: Int32) {
    try RealKubectl.runCombined(["label", "--local", "-f", file.path, "nope-"] + arguments)
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: templates)
  func goTemplateMatchesRealKubectl(template: String) throws {
    let file = try Self.fixtureFile()
    let real = try Self.real(["-o", "go-template=" + template], file: file)
    let ours = try Self.ours(template)
    #expect(ours.output == real.output)
    #expect(ours.failed == (real.status != 0))
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: strictTemplates)
  func strictTemplateMatchesRealKubectl(template: String) throws {
    let file = try Self.fixtureFile()
    let real = try Self.real(
      ["-o", "go-template=" + template, "--allow-missing-template-keys=false"], file: file)
    let ours = try Self.ours(template, allowMissingKeys: false)
    #expect(ours.output == real.output)
    #expect(ours.failed == (real.status != 0))
  }
}
