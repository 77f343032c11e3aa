import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// A CustomResourceDefinition serves its kind: kubernetes.io's CronTab walk-through
/// ("Extend the Kubernetes API with CustomResourceDefinitions") through discovery, the generic
/// commands and the apiextensions server's validation, pruning and status. Server-side texts
/// are cited from k8s.io/apiextensions-apiserver v0.32.4 (kubernetes/kubernetes
/// `staging/src/k8s.io/apiextensions-apiserver`) and its neighbours; client-side ones are
/// compared with the real kubectl where it runs offline.
@Suite struct CustomResourceDefinitionTests {
  /// kubernetes.io's `resourcedefinition.yaml`.
  static let definition = """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: crontabs.stable.example.com
    spec:
      group: stable.example.com
      versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  properties:
                    cronSpec:
                      type: string
                    image:
                      type: string
                    replicas:
                      type: integer
      scope: Namespaced
      names:
        plural: crontabs
        singular: crontab
        kind: CronTab
        shortNames:
        - ct
    """

  /// kubernetes.io's `my-crontab.yaml`.
  static let crontab = """
    apiVersion: "stable.example.com/v1"
    kind: CronTab
    metadata:
      name: my-new-cron-object
    spec:
      cronSpec: "* * * * */5"
      image: my-awesome-cron-image
    """

  static let files = VirtualDirectory(files: [
    "resourcedefinition.yaml": definition,
    "my-crontab.yaml": crontab,
    // The page's "Additional printer columns" section, with a wide-only column added.
    "columns.yaml": definition.replacingOccurrences(
      of: "                  type: integer\n  scope:",
      with: """
                          type: integer
              additionalPrinterColumns:
              - name: Spec
                type: string
                description: The cron spec defining the interval a CronJob is run
                jsonPath: .spec.cronSpec
              - name: Replicas
                type: integer
                description: The number of jobs launched by the CronJob
                jsonPath: .spec.replicas
              - name: Image
                type: string
                priority: 1
                jsonPath: .spec.image
              - name: Age
                type: date
                jsonPath: .metadata.creationTimestamp
          scope:
        """),
    "replicas.yaml": crontab + "\n  replicas: 2\n",
    "unknown.yaml": crontab + "\n  replicas: 2\n  foo: bar\n",
    "two.yaml": crontab + "\n  replicas: two\n",
    "bad-name.yaml": definition.replacingOccurrences(
      of: "name: crontabs.stable.example.com", with: "name: crontab.stable.example.com"),
    "cluster.yaml": """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: gadgets.example.com
    spec:
      group: example.com
      scope: Cluster
      names:
        plural: gadgets
        singular: gadget
        kind: Gadget
        categories: ["all"]
      versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema:
            type: object
            x-kubernetes-preserve-unknown-fields: true
    """,
    "gadget.yaml": """
    apiVersion: example.com/v1
    kind: Gadget
    metadata:
      name: g1
      labels:
        tier: top
    color: blue
    """,
  ])

  /// A terminal on which the definition and the CronTab were created.
  static func withCronTab(_ definitionFile: String = "resourcedefinition.yaml") -> Terminal {
    var terminal = Terminal(files: files)
    _ = terminal.run("kubectl create -f \(definitionFile)")
    _ = terminal.run("kubectl create -f my-crontab.yaml")
    return terminal
  }

  @Test func createdObjectIsServedUnderEveryName() {
    var terminal = Terminal(files: Self.files)
    #expect(
      terminal.run("kubectl apply -f resourcedefinition.yaml").output
        == "customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n")
    #expect(terminal.run("kubectl get crontab").output == "No resources found in default namespace.\n")
    #expect(
      terminal.run("kubectl apply -f my-crontab.yaml").output
        == "crontab.stable.example.com/my-new-cron-object created\n")
    // The default columns when a version names none: Name, then Age
    // (`serveDefaultColumnsIfEmpty`, pkg/apiserver/customresource_handler.go).
    #expect(
      terminal.run("kubectl get crontab").output == """
        NAME                 AGE
        my-new-cron-object   0s

        """)
    for name in [
      "ct", "crontab", "crontabs", "CronTab", "crontabs.stable.example.com", "crontab.stable.example.com",
      "crontab.v1.stable.example.com", "crontabs.v1.stable.example.com", "ct.stable.example.com",
    ] {
      #expect(
        terminal.run("kubectl get \(name) my-new-cron-object -o name").output
          == "crontab.stable.example.com/my-new-cron-object\n", "\(name)")
    }
    #expect(
      terminal.run("kubectl get ct/my-new-cron-object -o jsonpath={.spec.cronSpec}").output == "* * * * */5")
    #expect(
      terminal.run("kubectl get ct -o custom-columns=NAME:.metadata.name,IMAGE:.spec.image,R:.spec.replicas").output
        == """
        NAME                 IMAGE                   R
        my-new-cron-object   my-awesome-cron-image   <none>

        """)
    #expect(
      terminal.run("kubectl get crontab nope").output
        == "Error from server (NotFound): crontabs.stable.example.com \"nope\" not found\n")
  }

  /// The server keeps a custom object as unstructured JSON, so `-o yaml` shows every map's
  /// keys in order; `generation` starts at 1.
  @Test func yamlIsTheStoredUnstructuredObject() {
    var terminal = Self.withCronTab()
    let yaml = terminal.run("kubectl get ct my-new-cron-object -o yaml").output
    let masked = yaml.split(separator: "\n").filter { !$0.hasPrefix("  resourceVersion:") && !$0.hasPrefix("  uid:") }
    #expect(
      masked.joined(separator: "\n") == """
        apiVersion: stable.example.com/v1
        kind: CronTab
        metadata:
          creationTimestamp: "2025-03-03T09:00:00Z"
          generation: 1
          name: my-new-cron-object
          namespace: default
        spec:
          cronSpec: '* * * * */5'
          image: my-awesome-cron-image
        """)
  }

  /// kubectl's generic describer (`genericDescriber.Describe`, `printUnstructuredContent`,
  /// `smartLabelFor`: kubectl/pkg/describe/describe.go lines 282-380 at v0.32.4).
  @Test func describeUsesTheGenericDescriber() {
    var terminal = Self.withCronTab()
    _ = terminal.run("kubectl label ct my-new-cron-object tier=web")
    let uid = terminal.run("kubectl get ct my-new-cron-object -o jsonpath={.metadata.uid}").output
    let version = terminal.run("kubectl get ct my-new-cron-object -o jsonpath={.metadata.resourceVersion}").output
    #expect(
      terminal.run("kubectl describe crontab my-new-cron-object").output == """
        Name:         my-new-cron-object
        Namespace:    default
        Labels:       tier=web
        Annotations:  <none>
        API Version:  stable.example.com/v1
        Kind:         CronTab
        Metadata:
          Creation Timestamp:  2025-03-03T09:00:00Z
          Generation:          1
          Resource Version:    \(version)
          UID:                 \(uid)
        Spec:
          Cron Spec:  * * * * */5
          Image:      my-awesome-cron-image
        Events:       <none>

        """)
  }

  @Test func smartLabels() {
    #expect(UnstructuredDescriber.smartLabel("cronSpec") == "Cron Spec")
    #expect(UnstructuredDescriber.smartLabel("apiVersion") == "API Version")
    #expect(UnstructuredDescriber.smartLabel("uid") == "UID")
    #expect(UnstructuredDescriber.smartLabel("HTTPServer") == "HTTP Server")
    #expect(UnstructuredDescriber.smartLabel("foo_bar") == "foo_bar")
    #expect(UnstructuredDescriber.smartLabel("image2") == "image2")
  }

  /// Discovery: the definition's names and the preferred version, and the verbs of the
  /// apiextensions discovery controller (`customresource_discovery_controller.go` line 141).
  @Test func discoveryListsTheDefinedKind() {
    var terminal = Self.withCronTab()
    #expect(
      terminal.run("kubectl api-resources --api-group=stable.example.com -o wide").output == """
        NAME       SHORTNAMES   APIVERSION              NAMESPACED   KIND      VERBS                                                        CATEGORIES
        crontabs   ct           stable.example.com/v1   true         CronTab   delete,deletecollection,get,list,patch,create,update,watch   

        """)
    let resources = terminal.run("kubectl api-resources -o name").output.split(separator: "\n")
    // sort.Stable by group, then name: "stable.example.com" sorts after "scheduling.k8s.io".
    let index = resources.firstIndex(of: "crontabs.stable.example.com")
    #expect(index.map { resources[$0 - 1] } == "priorityclasses.scheduling.k8s.io")
    #expect(index.map { resources[$0 + 1] } == "csidrivers.storage.k8s.io")
    let versions = terminal.run("kubectl api-versions").output.split(separator: "\n")
    #expect(versions.contains("stable.example.com/v1"))
    #expect(
      versions.firstIndex(of: "stable.example.com/v1") == versions.firstIndex(of: "scheduling.k8s.io/v1").map { $0 + 1 }
    )
  }

  /// `additionalPrinterColumns` (`tableconvertor.New`, `cellForJSONValue`): a priority above
  /// 0 is for `-o wide` only; a missing value leaves its cell empty.
  @Test func printerColumns() {
    var terminal = Self.withCronTab("columns.yaml")
    #expect(
      terminal.run("kubectl get ct").output == """
        NAME                 SPEC          REPLICAS   AGE
        my-new-cron-object   * * * * */5              0s

        """)
    _ = terminal.run("kubectl apply -f replicas.yaml")
    _ = terminal.run("sleep 90")
    #expect(
      terminal.run("kubectl get ct -o wide").output == """
        NAME                 SPEC          REPLICAS   IMAGE                   AGE
        my-new-cron-object   * * * * */5   2          my-awesome-cron-image   90s

        """)
  }

  /// Strict field validation (kubectl's default `--validate=strict`) refuses the fields the
  /// schema prunes (`schemaCoercingDecoder.Decode`, pkg/apiserver/customresource_handler.go
  /// line 1260); `--validate=false` stores the object pruned.
  @Test func unknownFieldsAreRefusedOrPruned() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl create -f resourcedefinition.yaml")
    let refused = terminal.run("kubectl create -f unknown.yaml")
    #expect(
      refused.output
        == "Error from server (BadRequest): error when creating \"unknown.yaml\": CronTab in version \"v1\" cannot be handled as a CronTab: strict decoding error: unknown field \"spec.foo\"\n"
    )
    #expect(refused.exitCode == 1)
    _ = terminal.run("kubectl create --validate=false -f unknown.yaml")
    #expect(
      terminal.run("kubectl get ct my-new-cron-object -o jsonpath={.spec}").output
        == #"{"cronSpec":"* * * * */5","image":"my-awesome-cron-image","replicas":2}"#)
    // Warn: the server prunes and warns; kubectl prints each warning as `Warning: TEXT`
    // (client-go rest/warnings.go), the text as the decoder words the field.
    #expect(
      terminal.run("kubectl replace --validate=warn -f unknown.yaml").output == """
        Warning: unknown field "spec.foo"
        crontab.stable.example.com/my-new-cron-object replaced

        """)
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func validateValuesMatchTheRealKubectl() throws {
    try RealKubectl.expectSameOutput(
      ["apply", "--validate=foo", "-f", "ct.yaml"], files: ["ct.yaml": Self.crontab])
    try RealKubectl.expectSameOutput(
      ["replace", "--validate=maybe", "-f", "ct.yaml"], files: ["ct.yaml": Self.crontab])
  }

  /// kube-openapi's type check, reported as a `field.TypeInvalid` (printed `Invalid value`)
  /// with the value's type (`kubeOpenAPIResultToFieldErrors`,
  /// pkg/apiserver/validation/validation.go line 213), in kubectl's Invalid layout.
  @Test func schemaTypesAreChecked() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl create -f resourcedefinition.yaml")
    let result = terminal.run("kubectl apply -f two.yaml")
    #expect(
      result.output
        == "The CronTab \"my-new-cron-object\" is invalid: spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"\n"
    )
    #expect(result.exitCode == 1)
    #expect(terminal.run("kubectl get ct").output == "No resources found in default namespace.\n")
  }

  /// Before its definition, a kind has no REST mapping (cli-runtime pkg/resource/mapper.go
  /// line 69; the `NoKindMatchError` text, apimachinery pkg/api/meta/errors.go line 116).
  @Test func objectBeforeItsDefinition() {
    var terminal = Terminal(files: Self.files)
    let result = terminal.run("kubectl create -f my-crontab.yaml")
    #expect(
      result.output == """
        error: resource mapping not found for name: "my-new-cron-object" namespace: "" from "my-crontab.yaml": no matches for kind "CronTab" in version "stable.example.com/v1"
        ensure CRDs are installed first

        """)
    #expect(result.exitCode == 1)
    #expect(
      terminal.run("kubectl get crontab").output == "error: the server doesn't have a resource type \"crontab\"\n")
  }

  /// `ValidateCustomResourceDefinition`'s name rule (pkg/apis/apiextensions/validation/validation.go line 79).
  @Test func definitionNameMustBePluralDotGroup() {
    var terminal = Terminal(files: Self.files)
    #expect(
      terminal.run("kubectl apply -f bad-name.yaml").output
        == "The CustomResourceDefinition \"crontab.stable.example.com\" is invalid: metadata.name: Invalid value: \"crontab.stable.example.com\": must be spec.names.plural+\".\"+spec.group\n"
    )
  }

  /// Every version needs a schema (validation.go line 372) with an object at its root
  /// (apiserver/schema/validation.go line 159).
  @Test func definitionSchemasAreRequired() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "no-schema.yaml": Self.definition.replacingOccurrences(of: " schema:\n", with: " noschema:\n"),
        "untyped.yaml": Self.definition.replacingOccurrences(
          of: "openAPIV3Schema:\n          type: object\n", with: "openAPIV3Schema:\n"),
      ]))
    #expect(
      terminal.run("kubectl create --validate=false -f no-schema.yaml").output
        == "The CustomResourceDefinition \"crontabs.stable.example.com\" is invalid: spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required\n"
    )
    #expect(
      terminal.run("kubectl create -f untyped.yaml").output
        == "The CustomResourceDefinition \"crontabs.stable.example.com\" is invalid: spec.versions[0].schema.openAPIV3Schema.type: Required value: must not be empty at the root\n"
    )
  }

  /// The status the naming controller (`NoConflicts`, "no conflicts found":
  /// pkg/controller/status/naming_controller.go lines 197-198) and the establishing
  /// controller (`InitialNamesAccepted`: pkg/controller/establish/establishing_controller.go
  /// lines 153-155) write.
  @Test func definitionStatus() {
    var terminal = Self.withCronTab()
    let template = "{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{\"\\n\"}{end}"
    #expect(
      terminal.run("kubectl get crd crontabs.stable.example.com -o jsonpath='\(template)'").output == """
        NamesAccepted=True NoConflicts: no conflicts found
        Established=True InitialNamesAccepted: the initial names have been accepted

        """)
    #expect(
      terminal.run(
        "kubectl get crd crontabs.stable.example.com -o jsonpath={.status.acceptedNames.listKind}/{.status.storedVersions}"
      ).output == #"CronTabList/["v1"]"#)
    // SetDefaults_CustomResourceDefinitionSpec (pkg/apis/apiextensions/v1/defaults.go lines 42-54).
    #expect(
      terminal.run(
        "kubectl get crd crontabs.stable.example.com -o jsonpath={.spec.conversion.strategy}/{.spec.names.listKind}"
      ).output == "None/CronTabList")
  }

  /// kubectl has no describer for definitions: its generic one (describe.go line 282).
  @Test func describeDefinition() {
    var terminal = Self.withCronTab()
    let text = terminal.run("kubectl describe crd crontabs").output
    #expect(text.hasPrefix("Name:         crontabs.stable.example.com\nNamespace:    \nLabels:       <none>\n"))
    #expect(text.contains("\nStatus:\n  Accepted Names:\n    Kind:       CronTab\n    List Kind:  CronTabList\n"))
    // "Events:" follows a line without a cell ("    v1"), so it starts a column block of its own.
    #expect(text.hasSuffix("  Stored Versions:\n    v1\nEvents:  <none>\n"))
  }

  /// Deleting the definition deletes its objects (the `customresourcecleanup` finalizer), and
  /// the kind leaves discovery.
  @Test func deletingTheDefinitionDeletesItsObjects() {
    var terminal = Self.withCronTab()
    #expect(
      terminal.run("kubectl delete crd crontabs.stable.example.com").output
        == "customresourcedefinition.apiextensions.k8s.io \"crontabs.stable.example.com\" deleted\n")
    #expect(terminal.run("kubectl get ct").output == "error: the server doesn't have a resource type \"ct\"\n")
    _ = terminal.run("kubectl create -f resourcedefinition.yaml")
    #expect(terminal.run("kubectl get ct").output == "No resources found in default namespace.\n")
  }

  /// The namespace controller empties a deleted namespace of custom objects too.
  @Test func deletedNamespaceTakesItsCustomObjects() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl create -f resourcedefinition.yaml")
    _ = terminal.run("kubectl create namespace team")
    _ = terminal.run("kubectl create -n team -f my-crontab.yaml")
    #expect(
      terminal.run("kubectl get ct -A").output == """
        NAMESPACE   NAME                 AGE
        team        my-new-cron-object   0s

        """)
    _ = terminal.run("kubectl delete namespace team")
    #expect(terminal.run("kubectl get ct -A").output == "No resources found\n")
  }

  @Test func deleteByNameAndFile() {
    var terminal = Self.withCronTab()
    #expect(
      terminal.run("kubectl delete -f my-crontab.yaml").output
        == "crontab.stable.example.com \"my-new-cron-object\" deleted\n")
    #expect(
      terminal.run("kubectl delete ct my-new-cron-object").output
        == "Error from server (NotFound): crontabs.stable.example.com \"my-new-cron-object\" not found\n")
  }

  /// Merge and JSON patches apply to the unstructured object; a strategic merge patch is
  /// refused: the custom resource handler accepts the JSON, merge and apply patch types only
  /// (`supportedTypes`, pkg/apiserver/customresource_handler.go lines 325-329;
  /// `NewUnsupportedMediaTypeError`, apiserver pkg/endpoints/handlers/negotiation/errors.go line 89).
  @Test func patches() {
    var terminal = Self.withCronTab()
    #expect(
      terminal.run(#"kubectl patch ct my-new-cron-object --type merge -p '{"spec":{"replicas":3}}'"#).output
        == "crontab.stable.example.com/my-new-cron-object patched\n")
    #expect(
      terminal.run(
        #"kubectl patch ct my-new-cron-object --type json -p '[{"op":"replace","path":"/spec/image","value":"v2"}]'"#
      ).output == "crontab.stable.example.com/my-new-cron-object patched\n")
    #expect(
      terminal.run(
        "kubectl get ct my-new-cron-object -o jsonpath={.spec.replicas}/{.spec.image}/{.metadata.generation}"
      )
      .output == "3/v2/3")
    // kubectl patch names no field validation, so the server warns (its default, Warn) and prunes.
    #expect(
      terminal.run(#"kubectl patch ct my-new-cron-object --type merge -p '{"spec":{"foo":1}}'"#).output == """
        Warning: unknown field "spec.foo"
        crontab.stable.example.com/my-new-cron-object patched

        """)
    let strategic = terminal.run(#"kubectl patch ct my-new-cron-object -p '{"spec":{"replicas":4}}'"#)
    #expect(
      strategic.output
        == "Error from server (UnsupportedMediaType): the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml\n"
    )
    #expect(strategic.exitCode == 1)
    #expect(
      terminal.run(#"kubectl patch ct my-new-cron-object --type merge -p '{"spec":{"replicas":"x"}}'"#).output
        == "The CronTab \"my-new-cron-object\" is invalid: spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"\n"
    )
  }

  /// Labels and annotations change the metadata only: the generation stays.
  @Test func labelAndAnnotate() {
    var terminal = Self.withCronTab()
    #expect(
      terminal.run("kubectl label ct my-new-cron-object tier=web").output
        == "crontab.stable.example.com/my-new-cron-object labeled\n")
    #expect(
      terminal.run("kubectl annotate crontabs/my-new-cron-object note=hi").output
        == "crontab.stable.example.com/my-new-cron-object annotated\n")
    #expect(
      terminal.run(
        "kubectl get ct -l tier=web -o jsonpath={.items[0].metadata.annotations.note}/{.items[0].metadata.generation}"
      )
      .output == "hi/1")
  }

  /// apply: a second apply of the same file is `unchanged`; a changed file is `configured` by
  /// a three-way merge patch, and a field the last apply set and this one drops goes.
  @Test func applyConfiguresThroughTheLastAppliedConfiguration() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f resourcedefinition.yaml")
    _ = terminal.run("kubectl apply -f replicas.yaml")
    #expect(
      terminal.run("kubectl apply -f replicas.yaml").output
        == "crontab.stable.example.com/my-new-cron-object unchanged\n")
    #expect(
      terminal.run("kubectl apply -f my-crontab.yaml").output
        == "crontab.stable.example.com/my-new-cron-object configured\n")
    #expect(terminal.run("kubectl get ct my-new-cron-object -o jsonpath={.spec.replicas}").output == "")
    #expect(
      terminal.run("kubectl replace -f replicas.yaml").output
        == "crontab.stable.example.com/my-new-cron-object replaced\n")
    #expect(terminal.run("kubectl get ct my-new-cron-object -o jsonpath={.spec.replicas}").output == "2")
  }

  /// `kubectl explain` from the published schema: TypeMeta's apiVersion and kind, metadata
  /// with PartialObjectMetadata's description (pkg/controller/openapi/builder/builder.go
  /// line 396), then the version's own properties.
  @Test func explainFromTheSchema() {
    var terminal = Self.withCronTab()
    let explained = terminal.run("kubectl explain crontab").output
    #expect(
      explained.hasPrefix(
        """
        GROUP:      stable.example.com
        KIND:       CronTab
        VERSION:    v1

        DESCRIPTION:
            <empty>
        FIELDS:
          apiVersion    <string>
        """))
    #expect(
      explained.hasSuffix(
        """
          metadata      <ObjectMeta>
            Standard object's metadata. More info:
            https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata

          spec  <Object>
            <no description>

        """))
    #expect(
      terminal.run("kubectl explain crontabs.stable.example.com.spec").output == """
        GROUP:      stable.example.com
        KIND:       CronTab
        VERSION:    v1

        FIELD: spec <Object>


        DESCRIPTION:
            <empty>
        FIELDS:
          cronSpec      <string>
            <no description>

          image <string>
            <no description>

          replicas      <integer>
            <no description>

        """)
  }

  /// The definition kind itself, from the Go types of k8s.io/apiextensions-apiserver v0.32.4
  /// (`pkg/apis/apiextensions/v1/types.go` lines 48-50), in kubectl's plaintext template.
  @Test func explainTheDefinitionKind() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl explain crd.spec.scope").output == """
        GROUP:      apiextensions.k8s.io
        KIND:       CustomResourceDefinition
        VERSION:    v1

        FIELD: scope <string>


        DESCRIPTION:
            scope indicates whether the defined custom resource is cluster- or
            namespace-scoped. Allowed values are `Cluster` and `Namespaced`.
            

        """)
  }

  /// A cluster-scoped kind that keeps unknown fields (`x-kubernetes-preserve-unknown-fields`)
  /// and joins the `all` category.
  @Test func clusterScopedKind() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f cluster.yaml")
    #expect(
      terminal.run("kubectl apply -f gadget.yaml").output == "gadget.example.com/g1 created\n")
    #expect(terminal.run("kubectl get gadget g1 -o jsonpath={.color}/{.metadata.namespace}").output == "blue/")
    #expect(
      terminal.run("kubectl api-resources --api-group=example.com").output == """
        NAME      SHORTNAMES   APIVERSION       NAMESPACED   KIND
        gadgets                example.com/v1   false        Gadget

        """)
    #expect(
      terminal.run("kubectl describe gadgets g1").output == """
        Name:         g1
        Namespace:    
        Labels:       tier=top
        Annotations:  <none>
        API Version:  example.com/v1
        Color:        blue
        Kind:         Gadget
        Metadata:
          Creation Timestamp:  2025-03-03T09:00:00Z
          Generation:          1
          Resource Version:    \(terminal.run("kubectl get gadget g1 -o jsonpath={.metadata.resourceVersion}").output)
          UID:                 \(terminal.run("kubectl get gadget g1 -o jsonpath={.metadata.uid}").output)
        Events:                <none>

        """)
    #expect(terminal.run("kubectl get all -o name").output.hasSuffix("gadget.example.com/g1\n"))
    #expect(
      terminal.run("kubectl delete gadget g1").output == "gadget.example.com \"g1\" deleted\n")
  }

  /// Client-side commands on a custom object's file need no server: the real kubectl's output.
  @Test func localCommandsMatchTheRealKubectl() throws {
    guard RealKubectl.path != nil else { return }
    let files = ["ct.yaml": Self.crontab]
    try RealKubectl.expectSameOutput(["label", "--local", "-f", "ct.yaml", "a=b", "-o", "yaml"], files: files)
    try RealKubectl.expectSameOutput(["annotate", "--local", "-f", "ct.yaml", "a=b", "-o", "name"], files: files)
    try RealKubectl.expectSameOutput(
      ["patch", "--local", "-f", "ct.yaml", "--type", "merge", "-p", #"{"spec":{"replicas":3}}"#, "-o", "json"],
      files: files)
    try RealKubectl.expectSameOutput(
      ["patch", "--local", "-f", "ct.yaml", "-p", #"{"spec":{"replicas":3}}"#], files: files)
  }
}
