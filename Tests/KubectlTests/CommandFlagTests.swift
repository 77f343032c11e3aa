import KubeSim
import Testing

@testable import Kubectl

/// Flags that change what a command does, each against its kubectl source: `expose --selector`
/// and `--labels` (`generate.ParseLabels`: "unexpected label spec", "unexpected empty label
/// key"), `label --list` (the labels after the changes, applied locally), `rollout status
/// --watch=false` (the status once), and `logs --timestamps`, which is refused rather than
/// ignored; and `set image`, which changes the image and nothing else.
@Suite struct CommandFlagTests {
  @Test func exposeSelectorAndLabels() throws {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    #expect(
      terminal.run("kubectl expose deployment web --port=80 --selector=tier=front --labels=team=a").output
        == "service/web exposed\n")
    let service = try #require(terminal.cluster.services["default/web"])
    #expect(service.selector == ["tier": "front"])
    #expect(service.metadata.labels == ["team": "a"])
    #expect(
      terminal.run("kubectl expose deployment web --port=80 --name=x --selector=oops").output
        == "error: unexpected label spec: oops\n")
    #expect(
      terminal.run("kubectl expose deployment web --port=80 --name=x --labels==v").output
        == "error: unexpected empty label key\n")
  }

  @Test func labelList() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27 --labels=app=web,tier=front")
    #expect(terminal.run("kubectl label pod web --list").output == "app=web\ntier=front\n")
    // The change shows in the list but is not made.
    #expect(terminal.run("kubectl label pod web env=dev --list").output == "app=web\nenv=dev\ntier=front\n")
    #expect(terminal.cluster.pod("web", namespace: "default")?.metadata.labels["env"] == nil)
  }

  @Test func rolloutStatusWithoutWatching() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=3")
    let now = terminal.cluster.now
    let once = terminal.run("kubectl rollout status deployment/web --watch=false")
    #expect(
      once.output == "Waiting for deployment \"web\" rollout to finish: 0 of 3 updated replicas are available...\n")
    #expect(once.exitCode == 0)
    #expect(terminal.cluster.now == now)
  }

  @Test func timestampsAreRefused() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    _ = terminal.run("sleep 10")
    let result = terminal.run("kubectl logs web --timestamps")
    #expect(result.exitCode == 1)
    #expect(result.output.contains("does not simulate --timestamps"))
  }

  /// `set image` changes only `image` (set_image.go's `UpdatePodSpecForObject`); the pull
  /// policy the API server defaulted at creation stays (`Always` for an untagged image).
  @Test func setImageKeepsThePullPolicy() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx")
    _ = terminal.run("kubectl set image deployment/web nginx=nginx:1.27")
    let container = terminal.cluster.deployments["default/web"]?.template.spec.containers.first
    #expect(container?.image == "nginx:1.27")
    #expect(terminal.run("kubectl get deployment web -o yaml").output.contains("imagePullPolicy: Always"))
  }
}
