import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// LimitRanges: the API's defaulting of an item (`SetDefaults_LimitRangeItem`: `default` from
/// `max`, `defaultRequest` from `default`, then `min`); the LimitRanger admission
/// (`plugin/pkg/admission/limitranger/admission.go`): missing requests and limits filled,
/// noted in `kubernetes.io/limit-ranger` (`mergeContainerResources`), containers outside
/// `min`/`max` refused with `minConstraint`/`maxConstraint`'s texts; `describeLimitRange`; no
/// printer in printers.go, so NAME and CREATED AT.
@Suite struct LimitRangeCommandTests {
  static let files = VirtualDirectory(files: [
    "lr.yaml": """
    apiVersion: v1
    kind: LimitRange
    metadata:
      name: defaults
    spec:
      limits:
      - type: Container
        default:
          memory: 256Mi
        defaultRequest:
          cpu: 100m
        max:
          cpu: "1"
    """,
    "big.yaml": """
    apiVersion: v1
    kind: Pod
    metadata:
      name: big
    spec:
      containers:
      - name: app
        image: nginx
        resources:
          limits:
            cpu: "2"
    """,
  ])

  @Test func defaultsAreFilledAndNoted() {
    var terminal = Terminal(files: Self.files)
    #expect(terminal.run("kubectl apply -f lr.yaml").output == "limitrange/defaults created\n")
    // max cpu 1 becomes the default cpu limit; the default memory limit becomes the default
    // memory request.
    #expect(
      terminal.run("kubectl get limits defaults -o jsonpath={.spec.limits[0]}").output
        == #"{"default":{"cpu":"1","memory":"256Mi"},"defaultRequest":{"cpu":"100m","memory":"256Mi"},"max":{"cpu":"1"},"type":"Container"}"#
    )
    #expect(
      terminal.run("kubectl get limitranges").output == """
        NAME       CREATED AT
        defaults   2025-03-03T09:00:00Z

        """)
    #expect(
      terminal.run("kubectl describe limits defaults").output == """
        Name:       defaults
        Namespace:  default
        Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
        ----        --------  ---  ---  ---------------  -------------  -----------------------
        Container   cpu       -    1    100m             1              -
        Container   memory    -    -    256Mi            256Mi          -

        """)
    _ = terminal.run("kubectl run web --image=nginx")
    #expect(
      terminal.run("kubectl get pod web -o jsonpath={.metadata.annotations}").output
        == #"{"kubernetes.io/limit-ranger":"LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web"}"#
    )
    #expect(
      terminal.run("kubectl get pod web -o jsonpath={.spec.containers[0].resources}").output
        == #"{"limits":{"cpu":"1","memory":"256Mi"},"requests":{"cpu":"100m","memory":"256Mi"}}"#)
  }

  @Test func containersOutsideTheBoundsAreRefused() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f lr.yaml")
    #expect(
      terminal.run("kubectl apply -f big.yaml").output
        == "Error from server (Forbidden): error when creating \"big.yaml\": pods \"big\" is forbidden: maximum cpu usage per Container is 1, but limit is 2\n"
    )
  }
}
