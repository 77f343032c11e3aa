import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// The API server's validation and decoding errors as kubectl prints them. Expected texts
/// are composed from the Kubernetes v1.32 source: the messages of
/// `pkg/apis/core/validation/validation.go` and `pkg/apis/apps/validation/validation.go`
/// (`validateContainerPorts`, `ValidateVolumeMounts`, `validateHandler`,
/// `ValidateResourceRequirements`, `ValidateDeploymentStrategy`,
/// `ValidatePersistentVolumeClaimSpec`), apimachinery v0.32.4's (`IsValidPortName`,
/// `IsValidLabelValue`, `field.Error.ErrorBody`, `quantity.go`'s `ErrFormatWrong`), and
/// kubectl's `checkErr` layout (`TestCheckInvalidErr` in `pkg/cmd/util/helpers_test.go`).
@Suite struct APIValidationTests {
  func run(_ line: String, stdin: String, cluster: inout Cluster) -> CommandResult {
    SimulatedKubectl.run(line, stdin: stdin, cluster: &cluster, files: VirtualDirectory(files: [:]))
  }

  /// `TestCheckInvalidErr`: one cause on the heading's line; several under it, one per line
  /// after `* `, the heading ending in `: ` before its line break.
  @Test func invalidLayout() {
    let single = APIError.invalid(
      kind: "Invalid1", name: "invalidation",
      causes: [FieldError(field: "field", type: "Invalid value", value: "\"single\"", detail: "details")])
    #expect(
      KubectlError.api(single).text
        == "The Invalid1 \"invalidation\" is invalid: field: Invalid value: \"single\": details")
    let multiple = APIError.invalid(
      kind: "Invalid2", name: "invalidation",
      causes: [
        FieldError(field: "field1", type: "Invalid value", value: "\"multi1\"", detail: "details"),
        FieldError(field: "field2", type: "Invalid value", value: "\"multi2\"", detail: "details"),
      ])
    #expect(
      KubectlError.api(multiple).text
        == "The Invalid2 \"invalidation\" is invalid: \n* field1: Invalid value: \"multi1\": details\n* field2: Invalid value: \"multi2\": details"
    )
  }

  /// Every check the issue lists, on one Deployment, in the order upstream appends them:
  /// metadata, the template's pod spec (per container: ports, volume mounts, resources,
  /// probes), then the strategy.
  @Test func deploymentErrorsInUpstreamOrder() {
    var cluster = Cluster()
    let manifest = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels: {app: "a b"}
      spec:
        strategy:
          type: Recreate
          rollingUpdate: {maxSurge: 1}
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: web
              image: nginx
              ports: [{containerPort: 80, name: abcdefghijklmnopqrstuvwxyz1234}]
              resources:
                requests: {cpu: "2", memory: 1G}
                limits: {cpu: "1", memory: "128974848"}
              volumeMounts: [{name: x, mountPath: /x}]
              livenessProbe: {periodSeconds: 3}
      """
    let result = run("kubectl apply -f -", stdin: manifest, cluster: &cluster)
    #expect(result.exitCode == 1)
    #expect(
      result.output == """
        The Deployment "web" is invalid: 
        * metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
        * spec.template.spec.containers[0].ports[0].name: Invalid value: "abcdefghijklmnopqrstuvwxyz1234": must be no more than 15 characters
        * spec.template.spec.containers[0].volumeMounts[0].name: Not found: "x"
        * spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1
        * spec.template.spec.containers[0].resources.requests: Invalid value: "1G": must be less than or equal to memory limit of 128974848
        * spec.template.spec.containers[0].livenessProbe: Required value: must specify a handler type
        * spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'

        """)
    #expect(cluster.deployments["default/web"] == nil)
  }

  /// One error is printed on the heading's line.
  @Test func labelValueWithSpace() {
    var cluster = Cluster()
    let result = run(
      "kubectl apply -f -",
      stdin:
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {tier: \"a b\"}}\nspec: {containers: [{name: c, image: nginx}]}\n",
      cluster: &cluster)
    #expect(
      result.output
        == "The Pod \"p\" is invalid: metadata.labels: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n"
    )
  }

  /// `IsValidPortName`'s own table (`TestIsValidPortName`), and the messages of a bad name
  /// in the order the function appends them.
  @Test func portNames() {
    for good in ["telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3"] {
      #expect(Validation.portNameErrors(good).isEmpty, "\(good)")
    }
    for bad in [
      "longerthan15characters", "", String(repeating: "a", count: 16), "12345", "1-2-3-4", "-begin", "end-",
      "two--hyphens", "whois++",
    ] {
      #expect(!Validation.portNameErrors(bad).isEmpty, "\(bad)")
    }
    #expect(
      Validation.portNameErrors("-1--2-") == [
        "must contain at least one letter (a-z)", "must not contain consecutive hyphens",
        "must not begin or end with a hyphen",
      ])
  }

  /// Values of the wrong JSON type, refused by the decoder before validation, in
  /// `encoding/json`'s words (`UnmarshalTypeError`: the struct and its JSON path).
  @Test(
    arguments: [
      (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: \"three\", selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}\n",
        "Error from server (BadRequest): error when creating \"STDIN\": Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n"
      ),
      (
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx, ports: [{containerPort: \"80\"}]}]}\n",
        "Error from server (BadRequest): error when creating \"STDIN\": Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32\n"
      ),
      (
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx, stdin: \"yes\"}]}\n",
        "Error from server (BadRequest): error when creating \"STDIN\": Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Container.spec.containers.stdin of type bool\n"
      ),
      (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {paused: \"yes\", selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}\n",
        "Error from server (BadRequest): error when creating \"STDIN\": Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool\n"
      ),
      (
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {volumes: [{name: v, configMap: {name: x, optional: 1}}], containers: [{name: c, image: nginx}]}\n",
        "Error from server (BadRequest): error when creating \"STDIN\": Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ConfigMapVolumeSource.spec.volumes.configMap.optional of type bool\n"
      ),
      (
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx, resources: {limits: {memory: 64MB}}}]}\n",
        "Error from server (BadRequest): error when creating \"STDIN\": Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"
      ),
      (
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 64MB}}}\n",
        "Error from server (BadRequest): error when creating \"STDIN\": PersistentVolumeClaim in version \"v1\" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"
      ),
    ])
  func decodingErrors(manifest: String, expected: String) {
    var cluster = Cluster()
    let result = run("kubectl apply -f -", stdin: manifest, cluster: &cluster)
    #expect(result.output == expected)
    #expect(result.exitCode == 1)
  }

  /// `ValidatePersistentVolumeClaimSpec`: access modes first, then the storage request.
  @Test func claimWithoutSizeOrModes() {
    var cluster = Cluster()
    let result = run(
      "kubectl apply -f -", stdin: "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: {}\n",
      cluster: &cluster)
    #expect(
      result.output == """
        The PersistentVolumeClaim "c" is invalid: 
        * spec.accessModes: Required value: at least 1 access mode is required
        * spec.resources[storage]: Required value

        """)
    #expect(cluster.claims.isEmpty)
  }

  /// Quantities are stored as the API server writes them back: a canonical text is kept
  /// (`100M`, `128974848`, as `TestQuantityString` keeps `300M`), others canonicalised
  /// (`0.5` is `500m`, `1.5Gi` is `1536Mi`); a limit with no request is the request too
  /// (`SetDefaults_Pod`).
  @Test func quantitiesKeepTheirCanonicalText() {
    var cluster = Cluster()
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
        - name: c
          image: nginx
          resources:
            requests: {memory: 100M, cpu: 0.5}
            limits: {memory: "128974848", cpu: "1", ephemeral-storage: 1.5Gi}
      """
    #expect(run("kubectl apply -f -", stdin: manifest, cluster: &cluster).output == "pod/p created\n")
    #expect(
      SimulatedKubectl.run(
        "kubectl get pod p -o jsonpath={.spec.containers[0].resources}", cluster: &cluster
      ).output
        == #"{"limits":{"cpu":"1","ephemeral-storage":"1536Mi","memory":"128974848"},"requests":{"cpu":"500m","ephemeral-storage":"1536Mi","memory":"100M"}}"#
    )
    // describe prints each quantity's String() too.
    let described = SimulatedKubectl.run("kubectl describe pod p", cluster: &cluster).output
      .split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    #expect(described.contains("memory: 128974848"))
    #expect(described.contains("memory: 100M"))
    #expect(described.contains("ephemeral-storage: 1536Mi"))
  }

  /// An update validates the labels as a create does (`ValidateObjectMetaUpdate`), before the
  /// spec.
  @Test func labelsAreCheckedOnUpdate() {
    var cluster = Cluster()
    func manifest(_ tier: String) -> String {
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, labels: {tier: \"\(tier)\"}}\nspec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}}\n"
    }
    #expect(run("kubectl apply -f -", stdin: manifest("front"), cluster: &cluster).exitCode == 0)
    let result = run("kubectl apply -f -", stdin: manifest("-front"), cluster: &cluster)
    #expect(
      result.output
        == "The Deployment \"web\" is invalid: metadata.labels: Invalid value: \"-front\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n"
    )
    #expect(cluster.deployments["default/web"]?.metadata.labels["tier"] == "front")
  }

  /// A quota's `hard` is a `ResourceList`: numbers are quantities too (`Quantity.UnmarshalJSON`
  /// reads a JSON number's text), written back canonically.
  @Test func quotaQuantities() {
    var cluster = Cluster()
    let manifest =
      "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec: {hard: {pods: 10, cpu: 0.5, memory: 1G}}\n"
    #expect(run("kubectl apply -f -", stdin: manifest, cluster: &cluster).output == "resourcequota/q created\n")
    #expect(
      SimulatedKubectl.run("kubectl get quota q -o jsonpath={.spec.hard}", cluster: &cluster).output
        == #"{"cpu":"500m","memory":"1G","pods":"10"}"#)
  }

  /// The selector of a Deployment cannot change (the registry strategy's
  /// `ValidateImmutableField`, printed with Go's `%#v` of the new `metav1.LabelSelector`).
  @Test func selectorIsImmutable() {
    var cluster = Cluster()
    func manifest(_ app: String) -> String {
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {selector: {matchLabels: {app: \(app)}}, template: {metadata: {labels: {app: \(app)}}, spec: {containers: [{name: c, image: nginx}]}}}\n"
    }
    #expect(run("kubectl apply -f -", stdin: manifest("web"), cluster: &cluster).exitCode == 0)
    let result = run("kubectl apply -f -", stdin: manifest("web2"), cluster: &cluster)
    #expect(
      result.output
        == "The Deployment \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web2\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n"
    )
  }
}
