import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// CustomResourceDefinitions are stored, not served: a kubeadm cluster has none; one can be
/// applied, listed (the apiextensions server's default NAME and CREATED AT columns), read back
/// and deleted; `ValidateCustomResourceDefinition`'s name rule is checked; naming or applying
/// the kind it defines is refused honestly.
@Suite struct CustomResourceDefinitionTests {
  static let files = VirtualDirectory(files: [
    "crd.yaml": """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: widgets.example.com
    spec:
      group: example.com
      names:
        kind: Widget
        plural: widgets
        singular: widget
        shortNames: ["wg"]
      scope: Namespaced
      versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema:
            type: object
    """,
    "widget.yaml": """
    apiVersion: example.com/v1
    kind: Widget
    metadata:
      name: w
    """,
    "bad.yaml": """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: gadgets
    spec:
      group: example.com
      names:
        kind: Gadget
        plural: gadgets
      scope: Namespaced
      versions:
      - name: v1
        served: true
        storage: true
    """,
  ])

  @Test func storedButNotServed() {
    var terminal = Terminal(files: Self.files)
    #expect(terminal.run("kubectl get crd").output == "No resources found\n")
    #expect(
      terminal.run("kubectl apply -f crd.yaml").output
        == "customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n")
    #expect(
      terminal.run("kubectl get crds").output == """
        NAME                  CREATED AT
        widgets.example.com   2025-03-03T09:00:00Z

        """)
    #expect(
      terminal.run("kubectl get crd widgets.example.com -o jsonpath={.spec.names.kind}/{.status.storedVersions}")
        .output == #"Widget/["v1"]"#)
    let refusal =
      "error: kubebook stores the CustomResourceDefinition \"widgets.example.com\" but does not serve its kind Widget\n"
    #expect(terminal.run("kubectl get widgets").output == refusal)
    #expect(terminal.run("kubectl get wg").output == refusal)
    #expect(terminal.run("kubectl apply -f widget.yaml").output == refusal)
    #expect(
      terminal.run("kubectl apply -f bad.yaml").output
        == "The CustomResourceDefinition \"gadgets\" is invalid: metadata.name: Invalid value: \"gadgets\": must be spec.names.plural+\".\"+spec.group\n"
    )
    #expect(
      terminal.run("kubectl delete crd widgets.example.com").output
        == "customresourcedefinition.apiextensions.k8s.io \"widgets.example.com\" deleted\n")
  }
}
