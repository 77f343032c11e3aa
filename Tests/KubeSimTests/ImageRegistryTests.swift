import Testing

@testable import KubeSim

/// Which pulls fail, and with which CRI error. The wording is containerd 1.7's: the resolver's
/// `failed to resolve reference "REF": pull access denied, repository does not exist or may
/// require authorization: server message: insufficient_scope: authorization failed` for a
/// Docker Hub repository that does not exist, and `REF: not found` for a missing tag,
/// wrapped by the CRI plugin in `failed to pull and unpack image "REF"`.
@Suite struct ImageRegistryTests {
  @Test(arguments: [
    ("ngnix:1.27", ImageRegistry.PullFailure.accessDenied),
    ("docker.io/library/ngnix", .accessDenied),
    ("nginx:1.99", .notFound),
    ("nginx:9.9-alpine", .notFound),
    ("busybox:1.99", .notFound),
    ("registry.k8s.io/no-such-image:1.0", .notFound),
    ("registry.k8s.io/no-such-namespace/image:1.0", .notFound),
  ])
  func failingPulls(image: String, failure: ImageRegistry.PullFailure) {
    #expect(ImageRegistry.failure(pulling: image) == failure)
  }

  /// Tags of the course, the Kubernetes documentation's examples, and everything the
  /// simulator cannot know about.
  @Test(arguments: [
    "nginx", "nginx:1.14.2", "nginx:1.7.9", "nginx:1.27", "nginx:1.27.3-alpine", "nginx:1.29.9", "nginx:stable-alpine",
    "busybox:1.28", "busybox:1.36", "busybox", "httpd:2.4", "redis:7", "alpine:3.19", "ubuntu:22.04", "mysql:5.7",
    "postgres:16", "docker.io/library/nginx:latest", "nginx@sha256:0123", "registry.k8s.io/pause:3.10",
    "registry.k8s.io/e2e-test-images/agnhost:2.40", "registry.k8s.io/coredns/coredns:v1.11.3",
    "k8s.gcr.io/echoserver:1.4", "registry.k8s.io/hpa-example", "gcr.io/google-samples/hello-app:1.0",
    "quay.io/prometheus/prometheus", "bitnami/redis:7.2", "myregistry.example.com:5000/team/app:9.9",
    "hello-world",
  ])
  func pullsThatSucceed(image: String) {
    #expect(ImageRegistry.failure(pulling: image) == nil)
  }

  @Test func versionsAreComparedByReleaseLine() {
    #expect(ImageRegistry.leadingVersion(of: "1.27.3-alpine") == [1, 27, 3])
    #expect(ImageRegistry.leadingVersion(of: "stable") == nil)
    #expect(ImageRegistry.leadingVersion(of: "99999999999999999999") == nil)
    #expect(!ImageRegistry.isNewer([1, 29, 7], than: [1, 29]))
    #expect(ImageRegistry.isNewer([1, 30], than: [1, 29]))
    #expect(!ImageRegistry.isNewer([1], than: [1, 29]))
  }

  @Test func errorsAreContainerds() {
    #expect(
      ImageRegistry.pullError(.accessDenied, image: "ngnix:1.27")
        == "rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/ngnix:1.27\": failed to resolve reference \"docker.io/library/ngnix:1.27\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
    )
    #expect(
      ImageRegistry.pullError(.notFound, image: "nginx:1.99")
        == "rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:1.99\": failed to resolve reference \"docker.io/library/nginx:1.99\": docker.io/library/nginx:1.99: not found"
    )
  }

  /// The kubelet meets the failure without `sim image missing`.
  @Test func aTypoFailsToPull() throws {
    var cluster = Cluster()
    let container = Container(name: "typo", image: "ngnix:1.27")
    try cluster.createPod(
      Pod(metadata: ObjectMeta(name: "typo", namespace: "default"), spec: PodSpec(containers: [container])))
    try cluster.advance(seconds: 3)
    let pod = try #require(cluster.pods["default/typo"])
    guard case .waiting(let reason, _) = pod.status.containerStatuses.first?.state else {
      Issue.record("the container is not waiting")
      return
    }
    #expect(reason == "ErrImagePull" || reason == "ImagePullBackOff")
  }
}
