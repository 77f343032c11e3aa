import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `-o go-template=...`, `-o template=...`, the template files and `--template` on the
/// commands that print objects, against the real kubectl offline (`--dry-run=client` and
/// files), errors and their debugging dump of the typed object included.
@Suite struct GoTemplateCommandTests {
  static let commands: [String] = [
    "create deployment web --image=nginx --replicas=3 --dry-run=client -o go-template='{{.metadata.name}} {{.spec.replicas}} {{printf \"%d\" .spec.replicas}}'",
    "create deployment web --image=nginx --dry-run=client --template='{{.kind}}'",
    "create deployment web --image=nginx --dry-run=client -o go-template --template='{{.kind}} {{.apiVersion}}'",
    "create deployment web --image=nginx --dry-run=client -o template='{{range .spec.template.spec.containers}}{{.name}}:{{.image}}{{end}}'",
    "create deployment web --image=nginx --dry-run=client -o go-template",
    "create deployment web --image=nginx --dry-run=client -o go-template=",
    "create deployment web --image=nginx --dry-run=client -o go-templates={{.kind}}",
    "create deployment web --image=nginx --dry-run=client -o go-template='{{.x}}' --allow-missing-template-keys=false",
    "create deployment web --image=nginx --dry-run=client -o go-template='{{.x}}' --allow-missing-template-keys=true",
    "create deployment web --image=nginx --dry-run=client -o go-template='{{.metadata.creationTimestamp}} {{index .spec.template.spec.containers 2}}'",
    "create deployment web --image=nginx --dry-run=client -o go-template='{{.kind'",
    "create deployment web --image=nginx --dry-run=client -o jsonpath --template='{.kind}'",
    "create deployment web --image=nginx --dry-run=client -o jsonpath='{.x}' --allow-missing-template-keys=false",
    "create deployment web --image=nginx --dry-run=client -o jsonpath='{.x}{.kind}' --allow-missing-template-keys",
    "create configmap x --from-literal=a=b --from-literal=c=d --dry-run=client -o go-template='{{range $k, $v := .data}}{{$k}}={{$v}};{{end}}'",
    "create secret generic s --from-literal=k=dmFs --dry-run=client -o go-template='{{.data.k | base64decode}}'",
    "create secret generic s --from-literal=k=v --dry-run=client -o go-template='{{.data.k}} {{base64decode .data.k}} {{.type}}'",
    "create deployment web --image=nginx --dry-run=client -o templatefile=/nonexistent/t.tmpl",
    "create job j --image=busybox --dry-run=client -o go-template='{{.spec.template.spec.restartPolicy}}'",
    "create namespace n --dry-run=client -o go-template='{{.metadata}} {{.spec}} {{.status}}'",
    "create service clusterip s --tcp=80:8080 --dry-run=client -o go-template='{{range .spec.ports}}{{.port}}->{{.targetPort}} {{.protocol}}{{end}}'",
    "create cronjob c --image=busybox --schedule='*/5 * * * *' --dry-run=client -o go-template='{{.spec.schedule}}'",
    "create ingress i --rule=example.com/=svc:80 --dry-run=client -o go-template='{{range .spec.rules}}{{.host}}{{end}}'",
    "create poddisruptionbudget p --selector=app=x --min-available=1 --dry-run=client -o go-template='{{.spec.minAvailable}}'",
  ]

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: commands)
  func commandMatchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
    """

  static let fileCommands: [[String]] = [
    ["patch", "--local", "-f", "pod.yaml", "-p", "{}", "-o", "go-template={{.metadata.name}} {{.spec.containers}}"],
    [
      "patch", "--local", "-f", "pod.yaml", "-p", "{\"metadata\":{\"labels\":{\"b\":\"c\"}}}", "-o",
      "go-template-file=pod.tmpl",
    ],
    ["patch", "--local", "-f", "pod.yaml", "-p", "{}", "-o", "templatefile=missing.tmpl"],
    ["patch", "--local", "-f", "pod.yaml", "-p", "{}", "--template={{.kind}} {{.metadata.labels}}"],
    [
      "patch", "--local", "-f", "pod.yaml", "-p", "{}", "-o", "go-template={{.spec.nope}}",
      "--allow-missing-template-keys=false",
    ],
    ["patch", "--local", "-f", "pod.yaml", "-p", "{}", "-o", "template={{index .spec.containers 0 | len}}"],
    [
      "set", "env", "--local", "-f", "pod.yaml", "A=1", "-o",
      "go-template={{range .spec.containers}}{{range .env}}{{.name}}={{.value}}{{end}}{{end}}",
    ],
    [
      "set", "resources", "--local", "-f", "pod.yaml", "--limits=cpu=200m", "-o",
      "go-template={{range .spec.containers}}{{.resources.limits.cpu}}{{end}}",
    ],
  ]

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: fileCommands)
  func fileCommandMatchesRealKubectl(arguments: [String]) throws {
    try RealKubectl.expectSameOutput(
      arguments,
      files: [
        "pod.yaml": Self.pod,
        "pod.tmpl": "{{/* a template file */ -}}\n{{.metadata.name}}: {{range .spec.containers}}{{.name}}{{end}}\n",
      ])
  }
}

/// `kubectl get -o go-template` on simulated objects: one named object is given to the
/// template as it is, several as a `List`. There is no offline ground truth for the server
/// side, so the real kubectl applies the same template to what our `get -o json` printed,
/// through `label --local -f FILE nope-`; a list goes inside a wrapper object under `podlist`
/// (label prints a List's items one by one) and the real template reads `.podlist` where
/// ours reads `.items`.
@Suite struct GetGoTemplateTests {
  /// A cluster with a deployment's pods running.
  static func terminal() -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.25 --replicas=2")
    _ = terminal.run("kubectl run solo --image=busybox --labels=app=solo,tier=batch")
    _ = terminal.run("kubectl rollout status deployment/web")
    return terminal
  }

  /// The real kubectl applying `template` to `json` (output with errors, and status).
  static func realOutput(_ json: String, template: String) throws -> (output: String, status: Int32) {
    let directory = try TemporaryDirectory.create("get-gotemplate")
    let file = directory.appendingPathComponent("objects.json")
    try json.write(to: file, atomically: true, encoding: .utf8)
    return try RealKubectl.runCombined(["label", "--local", "-f", file.path, "nope-", "-o", "go-template=" + template])
  }

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "{{.spec.replicas}} {{.status.readyReplicas}}/{{.status.replicas}}",
      "{{range .status.conditions}}{{.type}}={{.status}} {{end}}",
      "{{.metadata.labels}} {{.spec.template.spec.containers}}",
      "{{with .spec.strategy.rollingUpdate}}{{.maxSurge}} {{.maxUnavailable}}{{end}}",
      "{{.metadata.generation | printf \"%T %d\"}}",
    ])
  func namedObject(template: String) throws {
    var terminal = Self.terminal()
    let json = terminal.run("kubectl get deployment web -o json").output
    let real = try Self.realOutput(json, template: template)
    let ours = terminal.run("kubectl get deployment web -o go-template='\(template)'")
    #expect(real.status == 0)
    #expect(ours.output == real.output)
  }

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "{{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}",
      "{{range .items}}{{.metadata.name}}\t{{.status.phase}}\t{{.spec.nodeName}}\n{{end}}",
      "{{range .items}}{{if eq .metadata.labels.app \"web\"}}{{.metadata.name}} {{end}}{{end}}",
      "{{len .items}} {{(index .items 0).kind}}",
      "{{range $i, $p := .items}}{{$i}}:{{range $p.spec.containers}}{{.image}}{{end}} {{end}}",
    ])
  func list(template: String) throws {
    var terminal = Self.terminal()
    let json = terminal.run("kubectl get pods -o json").output
    let list = try #require(ManifestReader.documents(json, source: "get").first)
    let wrapper: JSONValue = .object([
      ("apiVersion", .string("v1")), ("kind", .string("ConfigMap")),
      ("metadata", .object([("name", .string("wrapper"))])), ("podlist", list["items"] ?? .null),
    ])
    let real = try Self.realOutput(
      JSONPrinter.print(wrapper), template: template.replacingOccurrences(of: ".items", with: ".podlist"))
    let ours = terminal.run("kubectl get pods -o go-template='\(template)'")
    #expect(real.status == 0)
    #expect(!real.output.isEmpty)
    #expect(ours.output == real.output)
  }
}
