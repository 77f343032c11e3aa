import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// kubectl's messages and exit statuses, with expected text from `docs/reference/kubectl-output.md`
/// §1.3, §8 and §9 (captured from kubectl v1.32 or read in its source).
@Suite struct KubectlMessageTests {
  func run(_ line: String, stdin: String? = nil, files: [String: String] = [:], cluster: inout Cluster)
    -> CommandResult
  {
    SimulatedKubectl.run(line, stdin: stdin, cluster: &cluster, files: VirtualDirectory(files: files))
  }

  @Test func getWithoutAType() {
    var cluster = Cluster()
    let result = run("kubectl get", cluster: &cluster)
    #expect(result.exitCode == 1)
    #expect(
      result.output == """
        You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

        error: Required resource not specified.
        Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
        See 'kubectl get -h' for help and examples

        """)
  }

  @Test func unknownOutputFormat() {
    var cluster = Cluster()
    let result = run("kubectl get pods -o foo", cluster: &cluster)
    #expect(result.exitCode == 1)
    #expect(
      result.output
        == "error: unable to match a printer suitable for the output format \"foo\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n"
    )
  }

  @Test func showLabelsWithYAML() {
    var cluster = Cluster()
    let result = run("kubectl get pods --show-labels -o yaml", cluster: &cluster)
    #expect(result.output == "error: --show-labels option cannot be used with yaml printer\n")
    #expect(result.exitCode == 1)
  }

  @Test func emptyNamespace() {
    var cluster = Cluster()
    let result = run("kubectl get pods", cluster: &cluster)
    #expect(result.output == "No resources found in default namespace.\n")
    #expect(result.exitCode == 0)
    #expect(
      run("kubectl get deployments -n kube-node-lease", cluster: &cluster).output
        == "No resources found in kube-node-lease namespace.\n")
  }

  @Test func notFound() {
    var cluster = Cluster()
    let result = run("kubectl get pod nginx", cluster: &cluster)
    #expect(result.output == "Error from server (NotFound): pods \"nginx\" not found\n")
    #expect(result.exitCode == 1)
  }

  @Test func unknownResourceType() {
    var cluster = Cluster()
    #expect(
      run("kubectl get foo", cluster: &cluster).output == "error: the server doesn't have a resource type \"foo\"\n")
  }

  @Test func deleteWithoutArguments() {
    var cluster = Cluster()
    let result = run("kubectl delete", cluster: &cluster)
    #expect(
      result.output == """
        error: You must provide one or more resources by argument or filename.
        Example resource specifications include:
           '-f rsrc.yaml'
           '--filename=rsrc.json'
           '<resource> <name>'
           '<resource>'

        """)
    #expect(result.exitCode == 1)
    #expect(
      run("kubectl delete pods", cluster: &cluster).output
        == "error: resource(s) were provided, but no name was specified\n")
  }

  /// Expected text captured from the real kubectl v1.32 binary (`kubectl gte 2>&1`, ...):
  /// cobra's own capitalised "Error:", suggestions in kubectl's registration order.
  @Test(arguments: [
    ("gte", "Error: unknown command \"gte\" for \"kubectl\"\n\nDid you mean this?\n\tget\n\n"),
    ("log", "Error: unknown command \"log\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n\tlogs\n\n"),
    (
      "e",
      "Error: unknown command \"e\" for \"kubectl\"\n\nDid you mean this?\n"
        + "\texpose\n\tset\n\texplain\n\tget\n\tedit\n\texec\n\tcp\n\tevents\n\n"
    ),
    ("o", "Error: unknown command \"o\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n\tcp\n\toptions\n\n"),
    ("zzzzzz", "Error: unknown command \"zzzzzz\" for \"kubectl\"\n"),
  ])
  func unknownCommandSuggestsTheClosestOnes(command: String, expected: String) {
    var cluster = Cluster()
    let result = run("kubectl \(command) pods", cluster: &cluster)
    #expect(result.output == expected)
    #expect(result.exitCode == 1)
  }

  @Test func unknownRolloutSubcommand() {
    var cluster = Cluster()
    let result = run("kubectl rollout statsu deployment/x", cluster: &cluster)
    #expect(result.output == "error: unknown command \"statsu\"\nSee 'kubectl rollout -h' for help and examples\n")
    #expect(result.exitCode == 1)
  }

  @Test func runCreatesAndRefusesDuplicates() {
    var cluster = Cluster()
    #expect(run("kubectl run nginx --image=nginx", cluster: &cluster).output == "pod/nginx created\n")
    let again = run("kubectl run nginx --image=nginx", cluster: &cluster)
    #expect(again.output == "Error from server (AlreadyExists): pods \"nginx\" already exists\n")
    #expect(again.exitCode == 1)
  }

  @Test func deletePrintsQuotedName() {
    var cluster = Cluster()
    _ = run("kubectl run nginx --image=nginx", cluster: &cluster)
    #expect(run("kubectl delete pod nginx", cluster: &cluster).output == "pod \"nginx\" deleted\n")
    #expect(cluster.listPods(namespace: "default").isEmpty)
  }

  @Test func forceDeleteWarns() {
    var cluster = Cluster()
    _ = run("kubectl run nginx --image=nginx", cluster: &cluster)
    let result = run("kubectl delete pod nginx --grace-period=0 --force", cluster: &cluster)
    #expect(
      result.output
        == "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod \"nginx\" force deleted\n"
    )
  }

  @Test func applyReportsCreatedUnchangedConfigured() {
    var cluster = Cluster()
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels:
          app: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.27

      """
    var files = ["pod.yaml": manifest]
    #expect(run("kubectl apply -f pod.yaml", files: files, cluster: &cluster).output == "pod/web created\n")
    #expect(run("kubectl apply -f pod.yaml", files: files, cluster: &cluster).output == "pod/web unchanged\n")
    files["pod.yaml"] = manifest.replacingOccurrences(of: "app: web", with: "app: shop")
    #expect(run("kubectl apply -f pod.yaml", files: files, cluster: &cluster).output == "pod/web configured\n")
    #expect(cluster.pod("web", namespace: "default")?.metadata.labels == ["app": "shop"])
  }

  /// The annotation's shape as real clusters show it (`kubectl get -o yaml` after `kubectl
  /// apply`): compact JSON, keys sorted, `annotations: {}` and the namespace filled in.
  @Test func applyRecordsLastAppliedConfiguration() {
    var cluster = Cluster()
    let manifest =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n"
    _ = run("kubectl apply -f -", stdin: manifest, cluster: &cluster)
    #expect(
      cluster.pod("web", namespace: "default")?.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]
        == "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"image\":\"nginx\",\"name\":\"nginx\"}]}}\n"
    )
  }

  @Test func createFromFileRefusesExistingObjects() {
    var cluster = Cluster()
    let files = [
      "pod.yaml":
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx\n"
    ]
    #expect(run("kubectl create -f pod.yaml", files: files, cluster: &cluster).output == "pod/web created\n")
    let again = run("kubectl create -f pod.yaml", files: files, cluster: &cluster)
    #expect(
      again.output
        == "Error from server (AlreadyExists): error when creating \"pod.yaml\": pods \"web\" already exists\n")
    #expect(again.exitCode == 1)
  }

  /// kubectl would read them; kubebook never reads outside the working directory, and says so.
  @Test func pathsOutsideTheWorkingDirectoryAreNotRead() {
    var cluster = Cluster()
    let result = run("kubectl apply -f ../../etc/passwd", cluster: &cluster)
    #expect(
      result.output
        == "error: kubebook reads files only inside the working directory, so it does not read \"../../etc/passwd\" (an absolute path, or one that leaves the directory with ..)\n"
    )
    #expect(result.exitCode == 1)
    #expect(run("kubectl apply -f /etc/passwd", cluster: &cluster).exitCode == 1)
  }

  @Test func missingTypeFieldsAreReportedByClientValidation() {
    var cluster = Cluster()
    let result = run("kubectl apply -f x.yaml", files: ["x.yaml": "metadata:\n  name: a\n"], cluster: &cluster)
    #expect(
      result.output
        == "error: error validating \"x.yaml\": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n"
    )
  }

  @Test func invalidNamesGetTheAPIServersMessage() {
    var cluster = Cluster()
    let manifest =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n"
    let result = run("kubectl apply -f pod.yaml", files: ["pod.yaml": manifest], cluster: &cluster)
    #expect(
      result.output
        == "The Pod \"Nginx\" is invalid: metadata.name: Invalid value: \"Nginx\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n"
    )
  }

  @Test func yamlAliasBombIsRefused() {
    var cluster = Cluster()
    var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    let names = "bcdefghi"
    var previous = "a"
    for name in names {
      bomb +=
        "\(name): &\(name) [*\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous)]\n"
      previous = String(name)
    }
    let result = run("kubectl apply -f bomb.yaml", files: ["bomb.yaml": bomb], cluster: &cluster)
    #expect(result.exitCode == 1)
    #expect(result.output.hasPrefix("error: "))
  }
}
