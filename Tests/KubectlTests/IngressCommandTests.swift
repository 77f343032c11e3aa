import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Ingresses: `create ingress` against the real kubectl, and the table of
/// `docs/reference/kubectl-output.md` §3.19 (no controller, so no ADDRESS).
@Suite struct IngressCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create ingress my-ing --rule=foo.com/bar=svc1:8080 --dry-run=client -o yaml",
      "create ingress my-ing --rule=foo.com/bar*=svc1:http,tls=my-cert --rule=bar.com/=svc2:80 --class=nginx --dry-run=client -o json",
      "create ingress x --rule=/=svc:80 --default-backend=def:80 --dry-run=client -o yaml",
      "create ingress y --rule=a.com/x=s:80 --rule=a.com/y*=t:81 --dry-run=client -o yaml",
      "create ingress z --rule=a.com/x=s:80,tls --dry-run=client -o yaml",
      "create ingress my-ing --rule=foo.com/bar=svc1:8080 --dry-run=client",
    ])
  func createIngressMatchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func table() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create ingress my-ing --rule=foo.com/bar=svc1:80 --class=nginx")
    _ = terminal.run(
      "kubectl create ingress tls-ing --rule=a.com/=s:80,tls=c --rule=b.com/=s:80 --rule=c.com/=s:80 --rule=d.com/=s:80"
    )
    #expect(
      terminal.run("kubectl get ingress").output == """
        NAME      CLASS    HOSTS                           ADDRESS   PORTS     AGE
        my-ing    nginx    foo.com                                   80        0s
        tls-ing   <none>   a.com,b.com,c.com + 1 more...             80, 443   0s

        """)
  }
}
