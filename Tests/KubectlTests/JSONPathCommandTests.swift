import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `-o jsonpath` and friends in the commands that print an object they built
/// (`--dry-run=client`), against the real kubectl: these objects reach the printer as typed
/// Go structs, marshalled to JSON and back, so their numbers are floats (`1e+06`). (`run`
/// asks the server for its API groups even with `--dry-run=client`, so it has no offline
/// ground truth; it goes through the same printer.)
@Suite struct JSONPathCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create deployment web --image=nginx --replicas=3 --dry-run=client -o jsonpath='{.spec.template.spec.containers[*].image}'",
      "create deployment web --image=nginx --image=busybox --dry-run=client -o jsonpath='{range .spec.template.spec.containers[*]}{.name}{\"\\n\"}{end}'",
      "create deployment web --image=nginx --replicas=1000000 --dry-run=client -o jsonpath='{.spec.replicas}'",
      "create deployment web --image=nginx --replicas=123456 --dry-run=client -o jsonpath='{.spec}'",
      "create deployment web --image=nginx --dry-run=client -o jsonpath-as-json='{.metadata.labels}{.spec.replicas}'",
      "create deployment web --image=nginx --dry-run=client -o jsonpath='{.spec.replicas[0]}'",
      "create deployment web --image=nginx --dry-run=client -o jsonpath='{.metadata.name'",
      "create deployment web --image=nginx --dry-run=client -o jsonpath",
      "create deployment web --image=nginx --dry-run=client -o jsonpath=",
      "create deployment web --image=nginx --dry-run=client -o jsonpath=.metadata.name",
      "create deployment web --image=nginx --dry-run=client -o jsonpath-file=/nonexistent/template",
      "create deployment web --image=nginx --dry-run=client -o wide",
      "create deployment web --image=nginx --dry-run=client -o bogus",
      "create job j --image=busybox --dry-run=client -o jsonpath='{.spec.template.spec.restartPolicy}'",
      "create cronjob c --image=busybox --schedule='*/5 * * * *' --dry-run=client -o jsonpath='{.spec.schedule} {.spec.jobTemplate.spec.template.spec.containers[0].image}'",
      "create configmap c --from-literal=a=1 --from-literal=b=2 --dry-run=client -o jsonpath='{.data.a}-{.data.b}'",
      "create secret generic s --from-literal=a=1 --dry-run=client -o jsonpath='{.data.a} {.type}'",
      "create namespace dev --dry-run=client -o jsonpath='{.kind}/{.metadata.name}'",
      "create service clusterip s --tcp=80:8080 --dry-run=client -o jsonpath='{.spec.ports[0].port} {.spec.ports[0].targetPort}'",
      "create ingress i --rule=foo.com/bar=svc1:8080 --dry-run=client -o jsonpath='{.spec.rules[0].http.paths[0].backend.service.port.number}'",
      "create pdb p --selector=app=web --min-available=1 --dry-run=client -o jsonpath='{.spec.minAvailable} {.spec.selector}'",
    ])
  func dryRunJSONPathMatchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  /// `jsonpath-file` reads the template from the page's files.
  @Test func jsonPathFile() {
    var cluster = Cluster()
    let files = VirtualDirectory(files: ["t.jsonpath": "{.metadata.name}:{.spec.replicas}"])
    let result = Kubectl.run(
      [
        "create", "deployment", "web", "--image=nginx", "--replicas=2", "--dry-run=client", "-o",
        "jsonpath-file=t.jsonpath",
      ], cluster: &cluster, files: files)
    // The same template inline, which the real kubectl checks above, prints the same.
    var inline = Cluster()
    let expected = Kubectl.run(
      [
        "create", "deployment", "web", "--image=nginx", "--replicas=2", "--dry-run=client", "-o",
        "jsonpath={.metadata.name}:{.spec.replicas}",
      ], cluster: &inline, files: VirtualDirectory())
    #expect(result.output == expected.output)
    #expect(result.output == "web:2")
  }
}
