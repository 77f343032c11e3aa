import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl create secret docker-registry` against the real kubectl v1.32: the
/// `.dockerconfigjson` Go's `json.Marshal` writes (HTML-escaped, empty fields left out), the
/// file sources and `Validate`'s errors.
@Suite struct DockerRegistrySecretTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create secret docker-registry regcred --docker-username=u --docker-password=p --dry-run=client -o yaml",
      "create secret docker-registry regcred --docker-server=registry.example.com:5000 --docker-username=jane --docker-password='s3<&>cret' --docker-email=jane@example.com --dry-run=client -o json",
      "create secret docker-registry regcred --docker-username='名字' --docker-password='pass word' --docker-server=r.io -n shop --dry-run=client -o yaml",
      "create secret docker-registry regcred --docker-username=u --docker-password=p --dry-run=client -o name",
      "create secret docker-registry regcred --docker-username=u --docker-password=p --dry-run=client",
      "create secret docker-registry regcred --docker-username=u --dry-run=client -o yaml",
      "create secret docker-registry regcred --docker-username=u --docker-password=p --docker-server= --dry-run=client",
      "create secret docker-registry --docker-username=u --docker-password=p --dry-run=client",
      "create secret docker-registry a b --dry-run=client",
    ])
  func matchesTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func fromFileMatchesTheRealBinary() throws {
    let files = ["config.json": #"{"auths":{"r.io":{"auth":"dTpw"}}}"#, "other.json": "{}"]
    for arguments in [
      ["create", "secret", "docker-registry", "regcred", "--from-file=config.json", "--dry-run=client", "-o", "yaml"],
      [
        "create", "secret", "docker-registry", "regcred", "--from-file=.dockerconfigjson=config.json",
        "--from-file=extra=other.json", "--dry-run=client", "-o", "json",
      ],
      ["create", "secret", "docker-registry", "regcred", "--from-file=missing.json", "--dry-run=client"],
    ] {
      try RealKubectl.expectSameOutput(arguments, files: files)
    }
  }

  @Test func createdSecretIsServed() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl create secret docker-registry regcred --docker-username=u --docker-password=p").output
        == "secret/regcred created\n")
    #expect(
      terminal.run("kubectl get secret regcred").output.hasPrefix(
        "NAME      TYPE                             DATA   AGE\nregcred   kubernetes.io/dockerconfigjson   1      "))
  }
}

/// A missing `--from-file` source, in kubectl's words.
@Suite struct FromFileSourceTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      ["create", "secret", "generic", "s", "--from-file=missing.json", "--dry-run=client"],
      ["create", "configmap", "c", "--from-file=k=dir/missing.json", "--dry-run=client"],
    ])
  func missingFileMatchesTheRealBinary(arguments: [String]) throws {
    try RealKubectl.expectSameOutput(arguments, files: [:])
  }
}
