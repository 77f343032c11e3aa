import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// The commands about the cluster and the client (issue 16, item 4): `version`,
/// `api-resources`, `api-versions`, `cluster-info` and `config`. What kubectl computes on its
/// own is checked against the real binary (offline; `config` on a kubeadm-shaped kubeconfig
/// file); what needs a server is checked against kubectl's source and
/// docs/reference/kubectl-output.md.
@Suite struct ClusterClientCommandTests {
  /// Runs `lines` in one terminal and returns each output.
  private func outputs(_ lines: [String]) -> [String] {
    var terminal = Terminal()
    return lines.map { terminal.run($0).output }
  }

  // MARK: version

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "version --client", "version --client -o json", "version --client -o yaml", "version --client --output=json",
      "version -o wide", "version --short", "version --client -o name",
    ])
  func clientVersionMatchesTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func serverVersionIsTheNodesVersion() throws {
    var cluster = Cluster()
    let kubelet = try #require(cluster.nodes["control-plane"]).status.kubeletVersion
    let client = try RealKubectl.run(["version", "--client"]).output
    let ours = Kubectl.run(["version"], cluster: &cluster, files: VirtualDirectory())
    #expect(ours.output == client + "Server Version: \(kubelet)\n")
    #expect(ours.exitCode == 0)
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func serverVersionDocumentIsV1320s() throws {
    var cluster = Cluster()
    let ours = Kubectl.run(["version", "-o", "json"], cluster: &cluster, files: VirtualDirectory()).output
    // The client part is the real binary's; the server part is what a v1.32.0 API server
    // returns from /version (kubernetes-the-hard-way's capture of the v1.32.0 release build).
    let client = try RealKubectl.run(["version", "--client", "-o", "json"]).output
    let server = """
        "serverVersion": {
          "major": "1",
          "minor": "32",
          "gitVersion": "v1.32.0",
          "gitCommit": "70d3cc986aa8221cd1dfb1121852688902d3bf53",
          "gitTreeState": "clean",
          "buildDate": "2024-12-11T17:59:15Z",
          "goVersion": "go1.23.3",
          "compiler": "gc",
          "platform": "linux/amd64"
        }
      """
    let expected = client.replacingOccurrences(
      of: "\"kustomizeVersion\": \"v5.5.0\"\n}", with: "\"kustomizeVersion\": \"v5.5.0\",\n\(server)\n}")
    #expect(ours == expected)
  }

  // MARK: api-resources, api-versions

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "api-resources --sort-by=foo", "api-resources -o yaml", "api-resources extra", "api-resources --namespaced=maybe",
      "api-versions extra", "api-resources --bogus",
    ])
  func apiResourcesErrorsMatchTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  /// One row of the table in docs/reference/kubectl-output.md §5 (from the API server's
  /// `ShortNames()`/`Categories()` and `kubectl api-resources` listings).
  private struct ReferenceRow {
    var plural: String
    var shortNames: String
    var group: String
    var namespaced: Bool
    var inAll: Bool
  }

  /// The §5 table of docs/reference/kubectl-output.md.
  private func referenceRows() throws -> [ReferenceRow] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let text = try String(contentsOf: root.appendingPathComponent("docs/reference/kubectl-output.md"), encoding: .utf8)
    let section = try #require(text.components(separatedBy: "## 5. Resource type names").dropFirst().first)
    return section.components(separatedBy: "\n").prefix { !$0.hasPrefix("## 6") }.compactMap { line in
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cells.count == 8, !cells[1].contains("/"), cells[1] != "Resource (plural)", !cells[1].hasPrefix("---")
      else { return nil }
      let shortNames = cells[3].replacingOccurrences(of: "`", with: "").replacingOccurrences(of: " ", with: "")
      let group = cells[4].replacingOccurrences(of: "`", with: "").components(separatedBy: " ")[0]
      return ReferenceRow(
        plural: cells[1], shortNames: shortNames == "—" ? "" : shortNames,
        group: group.hasPrefix("core") ? "" : group, namespaced: cells[5] == "yes", inAll: cells[6] == "yes")
    }
  }

  @Test func apiResourcesRowsAgreeWithTheReference() throws {
    let reference = try referenceRows()
    #expect(reference.count > 20)
    let wide = outputs(["kubectl api-resources -o wide"])[0]
    var lines = wide.components(separatedBy: "\n")
    #expect(lines.removeLast() == "")
    // The header of `printContextHeaders` (kubectl/pkg/cmd/apiresources/apiresources.go).
    #expect(
      lines.removeFirst().split(separator: " ").map(String.init) == [
        "NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", "VERBS", "CATEGORIES",
      ])
    var served: Set<String> = []
    for line in lines {
      let name = String(line.prefix { $0 != " " })
      let apiVersion = try #require(line.split(separator: " ").first { $0.hasPrefix("v1") || $0.contains("/v") })
      let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
      if name == "events" && group == "events.k8s.io" { continue }
      served.insert(name)
      // The reference's table (§5) covers the kinds courses use; others are not checked here.
      guard let row = reference.first(where: { $0.plural == name }) else { continue }
      #expect(group == row.group, "\(name)")
      #expect(line.contains("   \(row.namespaced ? "true" : "false")   "), "\(name)")
      if !row.shortNames.isEmpty { #expect(line.contains("   \(row.shortNames)   "), "\(name)") }
      #expect(line.hasSuffix("watch   all") == row.inAll, "\(name)")
    }
    // Every resource of the reference's table is served in discovery (simulated or not).
    #expect(Set(reference.map(\.plural)).subtracting(served).isEmpty)
  }

  @Test func apiResourcesAreSortedAsKubectlSortsThem() {
    // sortableResource: by group, then name; `--sort-by=name|kind` sorts by that, then name.
    let entries = APIResourcesCommand.entries(in: Cluster())
    let byGroup = entries.map { [$0.type.group, $0.type.plural] }
    let printed = outputs(["kubectl api-resources --no-headers"])[0].split(separator: "\n").map {
      String($0.prefix { $0 != " " })
    }
    #expect(printed == byGroup.sorted { $0.lexicographicallyPrecedes($1) }.map { $0[1] })
    let kinds = outputs(["kubectl api-resources --sort-by=kind -o name"])[0].split(separator: "\n")
    // By Kind: APIService first, VolumeAttachment last.
    #expect(
      kinds.first == "apiservices.apiregistration.k8s.io" && kinds.last == "volumeattachments.storage.k8s.io")
    #expect(kinds.contains("deployments.apps") && kinds.contains("events.events.k8s.io"))
  }

  /// A resource a kubeadm cluster serves but kubebook does not simulate is listed by
  /// discovery, and naming it is an honest "not simulated", never "no such type".
  @Test func unsimulatedResourcesAreListedButRefusedHonestly() {
    let names = outputs(["kubectl api-resources -o name"])[0].split(separator: "\n").map(String.init)
    for name in ["bindings", "networkpolicies.networking.k8s.io", "certificatesigningrequests.certificates.k8s.io"] {
      #expect(names.contains(name))
    }
    #expect(outputs(["kubectl get csr"])[0] == "error: kubebook does not simulate \"csr\" yet\n")
    #expect(
      outputs(["kubectl get networkpolicies.networking.k8s.io"])[0]
        == "error: kubebook does not simulate \"networkpolicies.networking.k8s.io\" yet\n")
  }

  @Test func apiResourcesFilters() {
    let results = outputs([
      "kubectl api-resources --namespaced=false -o name", "kubectl api-resources --api-group=apps -o name",
      "kubectl api-resources --api-group= --namespaced=false --no-headers",
    ])
    #expect(
      results[0].hasPrefix(
        "componentstatuses\nnamespaces\nnodes\npersistentvolumes\nmutatingwebhookconfigurations.admissionregistration.k8s.io\n"
      ))
    #expect(
      results[1]
        == "controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n")
    // printers.GetNewTabWriter: minwidth 6, padding 3, so `ns` and `v1` take 6 columns.
    #expect(
      results[2]
        == "componentstatuses   cs    v1    false   ComponentStatus\nnamespaces          ns    v1    false   Namespace\nnodes               no    v1    false   Node\npersistentvolumes   pv    v1    false   PersistentVolume\n"
    )
  }

  @Test func hpaIsListedInItsPreferredVersion() {
    // autoscaling serves v1 and v2; discovery prefers v2 (kube-aware version order).
    #expect(HorizontalPodAutoscaler.resource.preferredVersion == "v2")
    #expect(outputs(["kubectl api-resources --api-group=autoscaling --no-headers"])[0].contains(" autoscaling/v2 "))
    let versions = outputs(["kubectl api-versions"])[0].split(separator: "\n").map(String.init)
    // sort.Strings of every served group/version.
    #expect(versions == versions.sorted())
    #expect(versions.contains("autoscaling/v1") && versions.contains("autoscaling/v2") && versions.last == "v1")
  }

  // MARK: cluster-info

  @Test func clusterInfoLinksTheAPIServerAndCoreDNS() {
    var terminal = Terminal()
    let address = terminal.cluster.nodes["control-plane"]?.status.internalIP ?? ""
    // clusterinfo.go: the rest.Config host, then each kube-system Service labelled
    // kubernetes.io/cluster-service=true under its kubernetes.io/name, through the proxy path
    // <host>/api/v1/namespaces/<ns>/services/<name>:<first port name>/proxy.
    #expect(
      terminal.run("kubectl cluster-info").output == """
        Kubernetes control plane is running at https://\(address):6443
        CoreDNS is running at https://\(address):6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy

        To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.

        """)
    #expect(address == "172.18.0.2")
    #expect(
      terminal.run("kubectl cluster-info -n default").output == """
        Kubernetes control plane is running at https://\(address):6443

        To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.

        """)
  }

  // MARK: config

  /// Runs `commands` in our terminal and in the real kubectl, expecting the same from each.
  private func expectSameSequence(_ commands: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    try KubeconfigSequence.expectSame(commands, sourceLocation: sourceLocation)
  }

  private static let canRunRealConfig = KubeconfigSequence.canRun

  @Test(.enabled(if: canRunRealConfig, "needs the real kubectl binary and unshare"))
  func configReadsMatchTheRealBinary() throws {
    try expectSameSequence([
      "config view", "config view -o json", "config view -o yaml", "config view --minify", "config view -o wide",
      "config view extra", "config current-context", "config get-contexts", "config get-contexts -o name",
      "config get-contexts --no-headers", "config get-contexts kubernetes-admin@kubernetes", "config get-contexts nope",
      "config get-contexts a b", "config get-contexts -o wide", "config get-clusters", "config get-users",
      "config bogus", "config",
      // The Quick Reference's queries of the kubeconfig.
      "config view -o jsonpath='{.users[?(@.name == \"e2e\")].user.password}'",
      "config view -o jsonpath='{.users[].name}'", "config view -o jsonpath='{.users[*].name}'",
      "config view -o jsonpath='{.users[0].user}'", "config view -o jsonpath='{.clusters[0].cluster}'",
      "config view --minify -o jsonpath='{.contexts[0].context.namespace}'", "config view -o jsonpath='{.kind}'",
      "config view -o jsonpath-as-json='{.contexts[*].name}'", "config view -o jsonpath='{.x.y}'",
      "config view -o custom-columns=A:.kind", "config view -o go-template='{{range .users}}{{.name}}{{end}}'",
      "config view --template='{{.kind}}'",
    ])
  }

  @Test(.enabled(if: canRunRealConfig, "needs the real kubectl binary and unshare"))
  func configChangesMatchTheRealBinary() throws {
    try expectSameSequence([
      "config use-context nope", "config use-context", "config use-context a b",
      "config use-context kubernetes-admin@kubernetes", "config set-context --current --namespace=shop",
      "config get-contexts", "config view --minify", "config view --minify -o json",
      "config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev", "config get-contexts",
      "config view", "config use dev", "config current-context", "config get-contexts",
      "config set-context --current --namespace=", "config get-contexts", "config set-context",
      "config set-context a --current", "config set-context a b", "config set-context bare", "config view",
      "config get-contexts",
    ])
  }

  @Test func setContextNamespaceIsTheDefaultForLaterCommands() {
    var terminal = Terminal()
    #expect(terminal.run("kubectl get deployments").output == "No resources found in default namespace.\n")
    #expect(
      terminal.run("kubectl config set-context --current --namespace=kube-system").output
        == "Context \"kubernetes-admin@kubernetes\" modified.\n")
    #expect(terminal.run("kubectl get deployments -o name").output == "deployment.apps/coredns\n")
    #expect(terminal.run("kubectl create deployment web --image=nginx").exitCode == 0)
    #expect(terminal.run("kubectl get deployment web -n kube-system -o name").output == "deployment.apps/web\n")
    #expect(terminal.run("kubectl get deployment web -n default").exitCode == 1)
    // -n still wins over the context's namespace.
    #expect(terminal.run("kubectl get deployments -n default").output == "No resources found in default namespace.\n")
    #expect(terminal.run("kubectl config view --minify").output.contains("    namespace: kube-system\n"))
    // A generator writes the namespace only when -n names it (create_deployment.go sets it
    // when EnforceNamespace, which clientcmd's Namespace() reports for the flag alone).
    #expect(
      !terminal.run("kubectl create deployment web --image=nginx --dry-run=client -o yaml").output.contains(
        "namespace:"))
    // Another terminal (page) starts from kubeadm's context again.
    #expect(Terminal().kubeconfig.namespace == nil)
  }

  @Test func completionFollowsTheContextNamespace() {
    var terminal = Terminal()
    _ = terminal.run("kubectl config set-context --current --namespace=kube-system")
    let names = KubectlCompletion.candidates(
      after: ["get", "deployments"], partial: "", cluster: terminal.cluster, files: terminal.files,
      defaultNamespace: terminal.kubeconfig.namespace ?? "default")
    #expect(names == ["coredns"])
    let subcommands = KubectlCompletion.candidates(
      after: ["config"], partial: "", cluster: terminal.cluster, files: terminal.files)
    #expect(subcommands.contains("set-context") && subcommands.contains("view"))
  }

  // MARK: issue 16, item 7

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "exec -it app bash", "exec app ls",
      "create deployment web --image=nginx -n shop --dry-run=client -o yaml",
      "create deployment web --image=nginx -n shop --dry-run=client -o json",
      "create job j --image=busybox -n shop --dry-run=client -o yaml",
      "create cronjob cj --image=busybox --schedule='*/1 * * * *' -n shop --dry-run=client -o yaml",
      "create configmap c --from-literal=a=b -n shop --dry-run=client -o yaml",
      "create configmap c --from-literal=a=b -n shop --dry-run=client -o json",
      "create secret generic s --from-literal=a=b -n shop --dry-run=client -o yaml",
      "create service clusterip s --tcp=80:80 -n shop --dry-run=client -o yaml",
      "create service nodeport s --tcp=80:80 --namespace=shop --dry-run=client -o json",
      "create ingress i --rule=foo.com/bar=svc:80 -n shop --dry-run=client -o yaml",
      "create pdb p --selector=app=x --min-available=1 -n shop --dry-run=client -o yaml",
      "create namespace n -n shop --dry-run=client -o yaml",
      "create deployment web --image=nginx --dry-run=client -o wide",
      "create deployment web --image=nginx -o wide", "create deployment web --image=nginx --dry-run=client -o bogus",
      "create job j --image=busybox --dry-run=client -o wide",
      "create cronjob cj --image=busybox --schedule='*/1 * * * *' --dry-run=client -o wide",
      "create configmap c --from-literal=a=b --dry-run=client -o wide",
      "create secret generic s --from-literal=a=b --dry-run=client -o wide",
      "create service clusterip s --tcp=80:80 --dry-run=client -o wide",
      "create ingress i --rule=foo.com/bar=svc:80 --dry-run=client -o wide",
      "create pdb p --selector=app=x --min-available=1 --dry-run=client -o wide",
      "create namespace n --dry-run=client -o wide",
    ])
  func generatorsMatchTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func rolloutStatusNamesACoreKindWithoutAPeriod() {
    var terminal = Terminal()
    terminal.files = VirtualDirectory(files: [
      "rc.yaml": """
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: x
      spec:
        replicas: 1
        selector:
          app: x
        template:
          metadata:
            labels:
              app: x
          spec:
            containers:
            - name: c
              image: nginx

      """
    ])
    #expect(terminal.run("kubectl apply -f rc.yaml").exitCode == 0)
    // polymorphichelpers.StatusViewerFor: "no status viewer has been implemented for %v" of a
    // schema.GroupKind, whose String() is the Kind alone in the core group.
    #expect(
      terminal.run("kubectl rollout status rc/x").output
        == "error: no status viewer has been implemented for ReplicationController\n")
  }
}
