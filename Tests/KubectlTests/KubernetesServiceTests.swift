import KubeSim
import Testing

@testable import Kubectl

/// `kubectl delete svc kubernetes`: the API server's kubernetes-service loop
/// (`pkg/controlplane/controller/kubernetesservice/controller.go`, `Run`: `wait.NonSlidingUntil`
/// every `EndpointInterval`, 10 s by default, from the server's start) creates it again at its
/// next tick with the same labels, port and cluster IP (`CreateOrUpdateMasterServiceIfNeeded`)
/// and a new uid and creation time.
@Suite struct KubernetesServiceTests {
  static let fields =
    "kubectl get svc kubernetes -o jsonpath={.metadata.uid},{.metadata.creationTimestamp},{.spec.clusterIP}"

  @Test func deletedServiceComesBackAtTheNextTick() throws {
    var terminal = Terminal()
    let before = terminal.run(Self.fields).output.split(separator: ",")
    // The cluster's clock starts 600 s after the server did: on a tick, which ran first.
    _ = terminal.run("sleep 3")
    #expect(terminal.run("kubectl delete svc kubernetes").output == "service \"kubernetes\" deleted\n")
    #expect(terminal.run("kubectl get svc kubernetes").exitCode == 1)
    _ = terminal.run("sleep 6")
    #expect(terminal.run("kubectl get svc kubernetes").exitCode == 1)
    _ = terminal.run("sleep 1")
    let after = terminal.run(Self.fields).output.split(separator: ",")
    #expect(after.count == 3)
    #expect(after.first != before.first)
    #expect(after.dropFirst().first == "2025-03-03T09:00:10Z")
    #expect(after.last == "10.96.0.1")
    let service = try #require(terminal.cluster.services["default/kubernetes"])
    #expect(service.metadata.labels == ["component": "apiserver", "provider": "kubernetes"])
    #expect(terminal.run("kubectl get endpoints kubernetes").output.contains("kubernetes   172.18.0.2:6443"))
  }

  /// A delete at a tick's very instant waits for the next one.
  @Test func deleteOnATickWaitsAWholeInterval() {
    var terminal = Terminal()
    _ = terminal.run("kubectl delete svc kubernetes")
    _ = terminal.run("sleep 9")
    #expect(terminal.run("kubectl get svc kubernetes").exitCode == 1)
    _ = terminal.run("sleep 1")
    #expect(terminal.run("kubectl get svc kubernetes").exitCode == 0)
  }
}
