import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl config set-cluster|set-credentials|set|unset|delete-*|rename-context` and
/// `view --raw|--flatten`, each sequence checked command by command against the real kubectl
/// v1.32 on a kubeconfig file (``KubeconfigSequence``).
@Suite struct ConfigEditTests {
  @Test(.enabled(if: KubeconfigSequence.canRun, "needs the real kubectl binary and unshare"))
  func quickReferenceEditsMatchTheRealBinary() throws {
    try KubeconfigSequence.expectSame([
      "config set-cluster my-cluster-name", "config set-cluster my-cluster-name --proxy-url=my-proxy-url",
      "config set-credentials kubeuser/foo.kubernetes.com --username=kubeuser --password=kubepassword",
      "config set-context gce --user=cluster-admin --namespace=foo", "config view", "config view -o json",
      "config unset users.foo", "config get-users", "config view --raw -o jsonpath='{.clusters[*].cluster.server}'",
      "config view --raw -o jsonpath='{.users[?(@.name==\"kubeuser/foo.kubernetes.com\")].user.password}'",
      "config use-context gce", "config view --minify", "config view --raw --minify",
      "config set-credentials cluster-admin --token=abc", "config view --minify", "config view --minify --raw",
      "config view --minify --flatten", "config view --minify -o jsonpath='{.users[0].user.token}'",
      "config view --minify --raw -o json", "config view --minify --context=nope",
      "config view --minify --context=kubernetes-admin@kubernetes", "config current-context",
    ])
  }

  @Test(.enabled(if: KubeconfigSequence.canRun, "needs the real kubectl binary and unshare"))
  func setClusterMatchesTheRealBinary() throws {
    try KubeconfigSequence.expectSame(
      [
        "config set-cluster c1 --server=https://1.2.3.4 --certificate-authority=/etc/ca.crt --tls-server-name=foo --proxy-url=http://p",
        "config view -o jsonpath='{.clusters[?(@.name==\"c1\")].cluster}'",
        // A new server clears the TLS server name; insecure mode clears the CA.
        "config set-cluster c1 --server=https://5.6.7.8", "config set-cluster c1 --insecure-skip-tls-verify",
        "config view -o json", "config set-cluster c1 --insecure-skip-tls-verify=false",
        "config set-cluster c1 --certificate-authority=$DIR/pki/ca.crt",
        "config set-cluster c2 --insecure-skip-tls-verify --certificate-authority=/x",
        "config set-cluster c3 --embed-certs", "config set-cluster c3 --embed-certs --certificate-authority=/nope",
        "config set-cluster c3 --embed-certs --certificate-authority=ca.pem",
        "config set-cluster c4 --certificate-authority=ca.pem", "config set-cluster c5 --certificate-authority=",
        "config set-cluster", "config set-cluster a b", "config set-cluster ''",
        // (Not `config get-clusters`: kubectl lists several clusters in Go's random map order.)
        "config view",
        "config view --raw --minify -o jsonpath='{.clusters[0].cluster.server}'",
      ], files: ["ca.pem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"])
  }

  @Test(.enabled(if: KubeconfigSequence.canRun, "needs the real kubectl binary and unshare"))
  func setCredentialsMatchesTheRealBinary() throws {
    try KubeconfigSequence.expectSame(
      [
        "config set-credentials e --exec-command=aws --exec-arg=eks,get-token --exec-arg=--cluster-name --exec-env=A=b --exec-api-version=client.authentication.k8s.io/v1",
        "config set-credentials e --exec-env=C=d", "config set-credentials e --exec-env=A- --exec-env=C=e",
        "config set-credentials e --exec-command=gcloud",
        "config set-credentials b1 --exec-command=x --exec-api-version=client.authentication.k8s.io/v1beta1",
        "config set-credentials b1 --exec-interactive-mode=Never --exec-provide-cluster-info",
        "config set-credentials b1 --exec-interactive-mode=x",
        "config set-credentials f --exec-command=aws --exec-env=A-",
        "config set-credentials x --exec-command=$DIR/bin/login",
        "config set-credentials p --auth-provider=oidc --auth-provider-arg=client-id=foo,secret=x",
        "config set-credentials p --auth-provider-arg=secret-", "config set-credentials p --auth-provider=gcp",
        "config set-credentials p --auth-provider-arg==x --auth-provider-arg=y",
        "config set-credentials q --exec-env==x",
        "config set-credentials t --token=abc", "config set-credentials t --username=u",
        "config set-credentials t --token=x --username=y", "config set-credentials t --password=p",
        "config set-credentials t --token=t2",
        "config set-credentials c --client-certificate=/etc/kubernetes/pki/a.crt --client-key=/k.key",
        "config set-credentials c --client-certificate=a.crt", "config set-credentials c --client-key=$DIR/keys/c.key",
        "config set-credentials c --embed-certs --client-certificate=/nope.crt",
        "config set-credentials c --embed-certs",
        "config set-credentials d --embed-certs --client-certificate=d.crt --client-key=d.key",
        "config set-credentials", "config set-credentials a b", "config set-credentials ''",
        "config set-credentials kubernetes-admin --client-key=/etc/kubernetes/pki/admin.key", "config view",
        "config view -o json", "config get-users", "config set-context --current --user=t",
        // The context's cluster is kubeadm's; its users are not.
        "config view --minify --raw -o jsonpath='{.users}'",
        "config view --minify -o jsonpath='{.users[0].user.token}'",
        "config view -o jsonpath='{.users[?(@.name==\"e\")].user.exec}'",
        "config view -o go-template='{{range .users}}{{.name}} {{end}}'",
        "config set-context --current --user=d", "config view --minify --raw -o jsonpath='{.users[0].user}'",
        "config view --minify --flatten -o go-template='{{range .users}}{{.name}}: {{index .user \"client-key-data\"}}{{end}}'",
      ], files: ["d.crt": "CERT\n", "d.key": "KEY\n"])
  }

  @Test(.enabled(if: KubeconfigSequence.canRun, "needs the real kubectl binary and unshare"))
  func setAndUnsetMatchTheRealBinary() throws {
    try KubeconfigSequence.expectSame([
      "config set clusters.my-cluster.server https://1.2.3.4",
      "config set clusters.my-cluster.certificate-authority-data Y2VydF9kYXRhX2hlcmUK",
      "config set contexts.my-context.cluster my-cluster",
      "config set users.cluster-admin.client-key-data cert_data_here --set-raw-bytes=true",
      "config set users.cluster-admin.client-certificate-data YW",
      "config set users.cluster-admin.client-certificate-data YW=",
      "config set users.cluster-admin.client-certificate-data 'YWJj!'", "config set users.cluster-admin.token secret",
      "config set users.cluster-admin.act-as me", "config set users.cluster-admin.act-as-groups x",
      "config unset users.cluster-admin.act-as-groups", "config set users.cluster-admin.act-as-user-extra x",
      "config set users.cluster-admin.act-as-user-extra.k x", "config set users.cluster-admin.exec.command x",
      "config unset users.cluster-admin.exec", "config set contexts.10.0.0.1.namespace x",
      "config set contexts.10.0.0.1.bogus x", "config set foo bar", "config set preferences.bogus x",
      "config set preferences x", "config set preferences.colors maybe", "config set preferences.colors true",
      "config set preferences.extensions x", "config set clusters x", "config set clusters.kubernetes x",
      "config set clusters.kubernetes.insecure-skip-tls-verify maybe",
      "config set clusters.kubernetes.insecure-skip-tls-verify T",
      "config set clusters.kubernetes.disable-compression 1", "config set clusters.kubernetes.- x",
      "config set kind Foo", "config set current-context.x y", "config set current-context my-context",
      "config set clusters.kubernetes.server", "config set clusters.kubernetes.server ''", "config set '' x",
      "config set", "config view", "config view --raw --minify", "config view --raw --minify -o json", "config unset",
      "config unset ''", "config unset a b", "config unset users.nope.username", "config unset users.nope",
      "config unset foo", "config unset preferences", "config unset clusters.my-cluster.certificate-authority-data",
      "config unset contexts.my-context.cluster", "config unset current-context", "config current-context",
      "config view --minify", "config unset contexts.10.0.0.1", "config unset users", "config view",
      "config get-users", "config get-contexts",
    ])
  }

  @Test(.enabled(if: KubeconfigSequence.canRun, "needs the real kubectl binary and unshare"))
  func deleteAndRenameMatchTheRealBinary() throws {
    try KubeconfigSequence.expectSame([
      "config delete-cluster", "config delete-cluster a b", "config delete-cluster nope",
      "config delete-cluster kubernetes", "config get-clusters", "config view", "config view --minify",
      "config delete-user", "config delete-user nope", "config delete-user kubernetes-admin", "config view --minify",
      "config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev", "config rename-context",
      "config rename-context a", "config rename-context a b", "config rename-context dev ''",
      "config rename-context dev kubernetes-admin@kubernetes",
      "config rename-context kubernetes-admin@kubernetes admin", "config current-context", "config get-contexts",
      "config rename-context dev prod", "config delete-context", "config delete-context nope",
      "config delete-context prod",
      // Deleting the current context warns on standard error first.
      "config delete-context admin", "config get-contexts", "config view", "config view -o json",
      "config current-context", "config use-context admin", "config view --raw",
    ])
  }

  @Test(.enabled(if: KubeconfigSequence.canRun, "needs the real kubectl binary and unshare"))
  func flagEdgesMatchTheRealBinary() throws {
    try KubeconfigSequence.expectSame([
      "config set-credentials u --embed-certs=maybe",
      "config set-cluster c --server",
      "config set --set-raw-bytes=maybe a b",
      "config delete-context --foo x",
      "config unset --bogus",
      "config rename-context -h",
      "config set-cluster c --insecure-skip-tls-verify false",
      "config set users.x.client-key-data YWJj --set-raw-bytes=false",
      "config set-credentials x --exec-arg=a --exec-command=b",
      "config set-credentials y --exec-arg=a",
      "config set-credentials y --auth-provider-arg=a=b",
      "config view -o jsonpath='{.users}'",
      "config set-credentials z --password=",
      "config set-credentials z --username=a --password=",
      "config set-credentials z --token=",
      "config set-credentials z --token=",
      "config view -o json",
      "config set users.z.username.foo bar",
      "config set users.10.0.0.1.a b",
      "config set 'users.a..username' b",
      "config get-users",
      "config set-context --current --namespace=x --cluster=c",
      "config set-context x --current",
      "config view --minify", "config view --show-managed-fields -o json", "config view --merge=false",
      "config view --merge=maybe",
      "config view --merge --minify -o jsonpath={.kind}",
    ])
  }

  /// With kubeadm's data replaced, `--raw` and `--flatten` print the whole file as kubectl does.
  @Test(.enabled(if: KubeconfigSequence.canRun, "needs the real kubectl binary and unshare"))
  func rawViewOfReplacedCredentialsMatchesTheRealBinary() throws {
    try KubeconfigSequence.expectSame(
      [
        "config set clusters.kubernetes.certificate-authority-data Q0EK",
        "config set-credentials kubernetes-admin --client-certificate=admin.crt --client-key=$DIR/admin.key",
        "config view --raw", "config view --flatten", "config view --flatten -o json", "config view --raw -o json",
        "config set-cluster kubernetes --certificate-authority=$DIR/ca.crt", "config view --flatten",
        "config set-cluster kubernetes --certificate-authority=/missing/ca.crt", "config view --flatten",
        "config set clusters.kubernetes.certificate-authority-data Q0EK", "config view --flatten",
      ], files: ["admin.crt": "CERT\n", "admin.key": "KEY\n", "ca.crt": "CA\n"])
  }

  /// kubeadm's own certificates and key, from the seeded PKI, printed in kubectl's layout.
  @Test(.enabled(if: KubeconfigSequence.canRun, "needs the real kubectl binary and unshare"))
  func rawViewOfKubeadmsDataMatchesTheRealBinary() throws {
    try KubeconfigSequence.expectSame([
      "config view --raw", "config view --flatten", "config view --minify --raw", "config view --raw -o json",
      "config view --minify --flatten -o yaml", "config view --raw -o jsonpath={.users[0].user.client-key-data}",
      "config view", "config view -o jsonpath={.users[0].user.client-key-data}",
    ])
  }

  @Test func editsLastForTheTerminal() {
    var terminal = Terminal()
    #expect(terminal.run("kubectl config set-cluster other --server=https://10.0.0.9:6443").exitCode == 0)
    #expect(terminal.run("kubectl config set-context other --cluster=other --user=kubernetes-admin").exitCode == 0)
    #expect(terminal.run("kubectl config use-context other").exitCode == 0)
    #expect(terminal.kubeconfig.server == "https://10.0.0.9:6443")
    #expect(terminal.run("kubectl config delete-context other").output.hasPrefix("warning: this removed"))
    #expect(terminal.kubeconfig.server == nil)
    #expect(Terminal().kubeconfig.server != nil)
  }

  @Test func setOfAnExtensionOrExecIsRefusedNotCrashed() {
    var terminal = Terminal()
    for command in [
      "kubectl config set extensions.foo bar", "kubectl config set contexts.c.extensions.a x",
      "kubectl config set users.u.exec x", "kubectl config set users.u.auth-provider x",
    ] {
      let result = terminal.run(command)
      #expect(result.exitCode == 1, "\(command)")
      #expect(result.output.hasPrefix("error: kubebook does not simulate"), "\(command)")
    }
  }

  @Test func propertyPathsKeepDottedMapKeys() throws {
    #expect(try KubeconfigProperty("clusters.10.0.0.1.server").steps == ["clusters", "10.0.0.1", "server"])
    #expect(try KubeconfigProperty("users.a.b").steps == ["users", "a.b"])
    #expect(try KubeconfigProperty("contexts.server.cluster").steps == ["contexts", "server", "cluster"])
  }
}

/// Completion of kubeconfig entry names, as kubectl's `config` subcommands offer them.
@Suite struct ConfigCompletionTests {
  @Test func configSubcommandsCompleteEntryNames() {
    var terminal = Terminal()
    _ = terminal.run("kubectl config set-context dev --cluster=kubernetes")
    _ = terminal.run("kubectl config set-credentials alice --token=t")
    /// The candidates after `kubectl` and `words`.
    func offered(_ words: [String], _ partial: String = "") -> [String] {
      KubectlCompletion.candidates(
        after: words, partial: partial, cluster: terminal.cluster, files: terminal.files,
        kubeconfig: terminal.kubeconfig)
    }
    #expect(offered(["config", "use-context"]) == ["dev", "kubernetes-admin@kubernetes"])
    #expect(offered(["config", "delete-context"], "d") == ["dev"])
    #expect(offered(["config", "rename-context", "dev"]) == [])
    #expect(offered(["config", "delete-cluster"]) == ["kubernetes"])
    #expect(offered(["config", "delete-user"]) == ["alice", "kubernetes-admin"])
    #expect(offered(["config"]).contains("rename-context"))
  }
}
