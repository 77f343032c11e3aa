import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Quantities written back as the real kubectl v1.32 writes them: `kubectl set resources
/// --local` decodes the file's quantities and parses the flag's with apimachinery's
/// `resource.Quantity`, then prints them canonically. The file holds the cases (`1G`
/// kept, `128974848` kept, an unquoted `129e6` that YAML reads as a number and so becomes
/// `129M`), the flag the rest.
@Suite struct QuantityRoundTripTests {
  static let pod = """
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: c
        image: nginx
        resources:
          requests: {memory: 1G, cpu: "0.5"}
          limits: {memory: "128974848", cpu: 1.5, ephemeral-storage: 129e6}

    """

  @Test(
    arguments: [
      "1G", "128974848", "129e6", "0.5", "1.5Gi", "0.0000000001", "1000E", "100.035k", "1.500", "-0.5Mi", "12E",
      "1e3", "0.5e-1", "1024Mi", "0.05Gi", ".000000000001Ki", "9Ei", "1Ki", "8Ki", "1.1E-9", "3.001n", "1e30Gi",
    ])
  func setResourcesLocal(quantity: String) throws {
    guard RealKubectl.path != nil else { return }
    try RealKubectl.expectSameOutput(
      [
        "set", "resources", "-f", "pod.yaml", "--local", "--limits=cpu=\(quantity)", "-o",
        "jsonpath={.spec.containers[0].resources}",
      ], files: ["pod.yaml": Self.pod])
  }
}
