import Testing

@testable import KubeSim

/// The Endpoints controller's rules (`docs/reference/controllers.md` §6.2): which pods are listed, ready or
/// not, how named target ports resolve, and when an address carries a hostname.
@Suite struct EndpointsControllerTests {
  func pod(
    _ name: String, ip: String?, ready: Bool, phase: PodPhase = .running, labels: [String: String] = ["app": "web"]
  )
    -> Pod
  {
    var container = Container(name: "web", image: "nginx")
    container.ports = [ContainerPort(name: "http", containerPort: 8080)]
    var pod = Pod(metadata: ObjectMeta(name: name, labels: labels), spec: PodSpec(containers: [container]))
    pod.status.podIP = ip
    pod.status.phase = phase
    pod.status.conditions = [
      PodCondition(type: "Ready", status: ConditionStatus(ready), lastTransitionTime: Timestamp(milliseconds: 0))
    ]
    return pod
  }

  func service(_ target: Service.Target, publishNotReady: Bool = false) -> Service {
    var service = Service(
      metadata: ObjectMeta(name: "web"), ports: [Service.Port(name: "http", port: 80, target: target)],
      selector: ["app": "web"])
    service.publishNotReadyAddresses = publishNotReady
    return service
  }

  @Test func readyPodsAreAddressesOthersAreNotReady() {
    let pods = [
      pod("b", ip: "10.244.2.7", ready: true),
      pod("a", ip: "10.244.1.9", ready: true),
      pod("c", ip: "10.244.1.10", ready: false),
      pod("d", ip: nil, ready: false),
      pod("e", ip: "10.244.3.3", ready: false, phase: .succeeded),
      pod("f", ip: "10.244.3.4", ready: true, labels: ["app": "other"]),
    ]
    let subsets = EndpointsController.subsets(for: service(.number(80)), pods: pods)
    #expect(subsets.count == 1)
    // Sorted as strings, as RepackSubsets sorts them.
    #expect(subsets[0].addresses.map(\.ip) == ["10.244.1.9", "10.244.2.7"])
    #expect(subsets[0].notReadyAddresses.map(\.ip) == ["10.244.1.10"])
    #expect(subsets[0].ports == [Endpoints.Port(name: "http", port: 80, protocol: .known(.tcp))])
  }

  @Test func namedTargetPortsResolveThroughContainerPorts() {
    let subsets = EndpointsController.subsets(
      for: service(.name("http")), pods: [pod("a", ip: "10.244.1.9", ready: true)])
    #expect(subsets[0].ports.map(\.port) == [8080])
    let none = EndpointsController.subsets(for: service(.name("grpc")), pods: [pod("a", ip: "10.244.1.9", ready: true)])
    #expect(none.isEmpty)
  }

  @Test func terminatingPodsLeaveUnlessNotReadyAddressesArePublished() {
    var leaving = pod("a", ip: "10.244.1.9", ready: true)
    leaving.metadata.deletionTimestamp = Timestamp(milliseconds: 30_000)
    #expect(EndpointsController.subsets(for: service(.number(80)), pods: [leaving]).isEmpty)
    let published = EndpointsController.subsets(
      for: service(.number(80), publishNotReady: true), pods: [leaving, pod("b", ip: "10.244.2.2", ready: false)])
    #expect(published[0].addresses.map(\.ip) == ["10.244.1.9", "10.244.2.2"])
  }

  @Test func hostnameOnlyWhenTheSubdomainNamesTheService() {
    var member = pod("web-0", ip: "10.244.1.9", ready: true)
    member.spec.hostname = "web-0"
    member.spec.subdomain = "web"
    var stranger = pod("x", ip: "10.244.1.8", ready: true)
    stranger.spec.hostname = "x"
    stranger.spec.subdomain = "other"
    let subsets = EndpointsController.subsets(for: service(.number(80)), pods: [member, stranger])
    #expect(subsets[0].addresses.map(\.hostname) == [nil, "web-0"])
  }
}
