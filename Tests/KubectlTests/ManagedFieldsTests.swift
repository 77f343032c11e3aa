import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `--show-managed-fields`: `metadata.managedFields` as a v1.32 API server records them.
/// Expected entries come from real clusters' answers and from the code that computes them:
/// structured-merge-diff's `typed/compare.go`, `typed/typed.go` (`Compare`: a new map, struct
/// or list item is itself "added"), `merge/update.go` (`Updater.Update`: a write takes the
/// fields it changes from every other manager), `fieldpath/serialize.go` (`.`, `f:`, `k:`),
/// and k8s.io/apimachinery v0.32.4 `pkg/util/managedfields/internal` (`stripmeta.go`,
/// `managedfields.go` `sortEncodedManagedFields`).
@Suite struct ManagedFieldsTests {
  /// The managedFields of the object `get` prints for `target` after `lines`, parsed.
  private func entries(after lines: [String], get target: String, files: VirtualDirectory = VirtualDirectory())
    throws -> [JSONValue]
  {
    var cluster = SimulatedKubectl.cluster(after: lines, files: files)
    let result = SimulatedKubectl.run("kubectl get \(target) -o json --show-managed-fields", cluster: &cluster)
    #expect(result.exitCode == 0, "\(result.output)")
    let object = try #require(try ManifestReader.documents(result.output, source: "get").first)
    return object["metadata"]?["managedFields"]?.arrayValue ?? []
  }

  /// `kubectl create configmap redis-conf --from-file=redis.conf` on a real cluster answers
  /// with one kubectl-create Update entry owning `data` (a new map: `.`) and its key (a dump
  /// from a real cluster quoted in a public Kubernetes notes repository).
  @Test func createConfigMapFromFile() throws {
    let files = VirtualDirectory(files: ["redis.conf": "bind 0.0.0.0\n"])
    var cluster = SimulatedKubectl.cluster(after: ["kubectl create cm redis-conf --from-file=redis.conf"], files: files)
    let result = SimulatedKubectl.run("kubectl get cm redis-conf -o yaml --show-managed-fields", cluster: &cluster)
    let created = try #require(cluster.configMaps["default/redis-conf"]?.metadata.creationTimestamp.rfc3339)
    #expect(
      result.output.contains(
        """
          managedFields:
          - apiVersion: v1
            fieldsType: FieldsV1
            fieldsV1:
              f:data:
                .: {}
                f:redis.conf: {}
            manager: kubectl-create
            operation: Update
            time: "\(created)"
          name: redis-conf

        """), "\(result.output)")
  }

  /// `kubectl create secret generic basic-auth --from-file=auth` (a real cluster's answer,
  /// quoted in a public Longhorn setup note): `data` with `.`, and `type`, which the
  /// generator sets, as a leaf.
  @Test func createSecretFromFile() throws {
    let files = VirtualDirectory(files: ["auth": "gdha:x\n"])
    let list = try entries(
      after: ["kubectl create secret generic basic-auth --from-file=auth"], get: "secret basic-auth", files: files)
    #expect(list.count == 1)
    #expect(list.first?["manager"] == .string("kubectl-create"))
    #expect(list.first?["operation"] == .string("Update"))
    #expect(
      list.first?["fieldsV1"]
        == .object([("f:data", .object([(".", .object([])), ("f:auth", .object([]))])), ("f:type", .object([]))]))
  }

  /// The JSON and YAML printers drop managedFields unless asked (cli-runtime v0.32
  /// `genericclioptions/json_yaml_flags.go`: `OmitManagedFieldsPrinter` only there), so
  /// jsonpath sees them always.
  @Test func onlyJSONAndYAMLOmitThem() {
    var cluster = SimulatedKubectl.cluster(after: ["kubectl create cm c --from-literal=a=b"])
    let yaml = SimulatedKubectl.run("kubectl get cm c -o yaml", cluster: &cluster)
    #expect(!yaml.output.contains("managedFields"))
    let path = SimulatedKubectl.run(
      "kubectl get cm c -o jsonpath={.metadata.managedFields[*].manager}", cluster: &cluster)
    #expect(path.output == "kubectl-create")
  }

  /// `kubectl scale` sends no field manager (scale.go has no `--field-manager`), so the API
  /// server names it after the user agent, `kubectl`, on the `scale` subresource; its write
  /// takes `spec.replicas` from kubectl-create (`Updater.Update`).
  @Test func scaleTakesReplicasFromCreate() throws {
    let list = try entries(
      after: ["kubectl create deployment web --image=nginx", "kubectl scale deployment web --replicas=3"],
      get: "deployment web")
    let scale = try #require(list.first { $0["manager"] == .string("kubectl") })
    #expect(scale["subresource"] == .string("scale"))
    #expect(scale["fieldsV1"] == .object([("f:spec", .object([("f:replicas", .object([]))]))]))
    let create = try #require(list.first { $0["manager"] == .string("kubectl-create") })
    #expect(create["fieldsV1"]?["f:spec"]?["f:replicas"] == nil)
    #expect(create["fieldsV1"]?["f:spec"]?["f:revisionHistoryLimit"] != nil)
  }

  /// A create's owned fields come from a comparison with Go's zero object (create.go calls
  /// `UpdateNoErrors(liveObj, obj, ...)` with `liveObj` from `scope.Creater.New`): `containers`
  /// is `null` there, so only its item is "added" (`.`), while `labels` (omitempty) and
  /// `rollingUpdate` (a pointer) are added maps. `selector` is atomic (`LabelSelector` is
  /// `+structType=atomic`), so it is a leaf.
  @Test func createComparesWithTheZeroObject() throws {
    let list = try entries(after: ["kubectl create deployment web --image=nginx"], get: "deployment web")
    let create = try #require(list.first { $0["manager"] == .string("kubectl-create") })
    let spec = try #require(create["fieldsV1"]?["f:spec"])
    #expect(spec["f:selector"] == .object([]))
    #expect(spec["f:strategy"]?["."] == nil)
    #expect(spec["f:strategy"]?["f:rollingUpdate"]?["."] == .object([]))
    let containers = try #require(spec["f:template"]?["f:spec"]?["f:containers"])
    #expect(containers["."] == nil)
    #expect(containers[#"k:{"name":"nginx"}"#]?["."] == .object([]))
    #expect(create["fieldsV1"]?["f:metadata"]?["f:labels"]?["."] == .object([]))
  }

  /// The fields admission adds after the field manager ran (create.go: `UpdateNoErrors`
  /// before `mutatingAdmission.Admit`) belong to no manager: the token volume, the service
  /// account, the priority.
  @Test func admissionFieldsAreNotOwned() throws {
    let list = try entries(after: ["kubectl run web --image=nginx"], get: "pod web")
    let run = try #require(list.first { $0["manager"] == .string("kubectl-run") })
    let spec = try #require(run["fieldsV1"]?["f:spec"])
    #expect(spec["f:volumes"] == nil)
    #expect(spec["f:serviceAccountName"] == nil)
    #expect(spec["f:priority"] == nil)
    #expect(spec["f:nodeName"] == nil)
    #expect(spec["f:dnsPolicy"] != nil)
  }

  /// Entries are sorted by operation, time in seconds, then manager
  /// (`sortEncodedManagedFields`): in the same second kube-controller-manager's status write
  /// comes before kubectl-create's, and kubectl-label's after both.
  @Test func entriesInTheServersOrder() throws {
    let list = try entries(
      after: ["kubectl create deployment web --image=nginx", "kubectl label deployment web tier=front"],
      get: "deployment web")
    #expect(
      list.compactMap { $0["manager"]?.stringValue } == ["kube-controller-manager", "kubectl-create", "kubectl-label"])
    #expect(list.first?["subresource"] == .string("status"))
    let label = try #require(list.last)
    #expect(label["fieldsV1"] == .object([("f:metadata", .object([("f:labels", .object([("f:tier", .object([]))]))]))]))
  }

  /// A manager whose every field another write took is dropped (`Updater.update`: "if
  /// managers[manager].Set().Empty() { delete(managers, manager) }").
  @Test func managerLeftWithNothingIsDropped() throws {
    let list = try entries(
      after: [
        "kubectl create deployment web --image=nginx", "kubectl label deployment web tier=front",
        "kubectl label deployment web tier=back --overwrite --field-manager=other",
      ],
      get: "deployment web")
    #expect(
      list.compactMap { $0["manager"]?.stringValue } == ["kube-controller-manager", "kubectl-create", "other"])
  }

  /// `--field-manager` names the manager (cmdutil `AddFieldManagerFlagVar`).
  @Test func fieldManagerFlag() throws {
    let list = try entries(
      after: ["kubectl create deployment web --image=nginx", "kubectl label deployment web x=y --field-manager=me"],
      get: "deployment web")
    #expect(list.compactMap { $0["manager"]?.stringValue } == ["kube-controller-manager", "kubectl-create", "me"])
  }
}
