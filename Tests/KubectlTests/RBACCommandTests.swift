import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Roles, ClusterRoles and their bindings: the generators against the real kubectl where it
/// runs offline (bindings, URL-only and aggregated ClusterRoles, every flag error); the
/// resource-resolving `create role` from `create_role.go` (`generateResourcePolicyRules`);
/// tables from printers.go (`printRoleBinding`; no printer for roles, so the default
/// convertor's NAME and CREATED AT); describers from kubectl v0.32 `describe.go`; and
/// `auth can-i` from `cani.go` over the RBAC authorizer's rules
/// (`pkg/apis/rbac/v1/evaluation_helpers.go`, `pkg/registry/rbac/validation/rule.go`).
@Suite struct RBACCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create rolebinding rb --role=r --user=bob --group=devs --serviceaccount=default:sa --dry-run=client -o yaml",
      "create clusterrolebinding crb --clusterrole=view --user=a,b --user=c --dry-run=client -o yaml",
      "create clusterrolebinding crb --clusterrole=x --dry-run=client -o json",
      "create rolebinding rb --user=x --dry-run=client -o yaml",
      "create rolebinding rb --role=r --clusterrole=c --dry-run=client -o yaml",
      "create rolebinding rb --role=r --serviceaccount=bad --dry-run=client -o yaml",
      "create rolebinding rb --clusterrole=view --serviceaccount=a:b:c --dry-run=client",
      "create rolebinding rb -n dev --clusterrole=view --group=g --serviceaccount=a:b --dry-run=client -o json",
      "create rolebinding rb --clusterrole=view --serviceaccount=:b --dry-run=client",
      "create rolebinding rb --clusterrole=view --dry-run=client -o name",
      "create clusterrolebinding crb --clusterrole=view --dry-run=client",
      "create rolebinding --clusterrole=view --dry-run=client",
      "create clusterrole c --verb=get --non-resource-url=/logs --dry-run=client -o yaml",
      "create clusterrole c --aggregation-rule=a=b --dry-run=client -o yaml",
      "create clusterrole c --dry-run=client", "create clusterrole c --verb=get --dry-run=client",
      "create clusterrole c --verb=put --non-resource-url=/a --dry-run=client -o yaml",
      "create clusterrole c --verb=list --non-resource-url=/a --dry-run=client -o yaml",
      "create clusterrole c --verb=get --non-resource-url=a --dry-run=client",
      "create clusterrole c --verb=get --non-resource-url=/a*/b --dry-run=client",
      "create clusterrole c --verb=get,get,* --non-resource-url=/a,/a,/b/* --dry-run=client -o json",
      "create clusterrole c --aggregation-rule=a=b --verb=get --dry-run=client",
      "create clusterrole c --aggregation-rule=a=b,c=d -o json --dry-run=client",
      "create clusterrole c --aggregation-rule=a=b --aggregation-rule=c=d -o yaml --dry-run=client",
      "create clusterrole c --verb=get --non-resource-url=* --dry-run=client -o name",
      "create role r --dry-run=client", "create role r --verb=get --dry-run=client",
      "create role r --verb=frob --dry-run=client", "create role a b --verb=get --dry-run=client",
      "auth can-i get", "auth can-i --list get", "auth can-i --list -A", "auth can-i --list -q",
      "auth can-i get /logs --subresource=x", "auth can-i get pods --as-group=x",
      "create clusterrole c --verb=get --non-resource-url= --dry-run=client",
      "create clusterrole c --aggregation-rule== --dry-run=client -o yaml",
      "create rolebinding r --role=x --serviceaccount=: --dry-run=client",
    ])
  func matchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  /// `create role` resolves each `--resource` through discovery (the real binary needs a
  /// server for that): short names and singulars become plurals, `rs.apps` names its group,
  /// a subresource follows its resource, and `generateResourcePolicyRules` makes one rule per
  /// group in group order, resources in the order given, each rule with every verb and name.
  @Test func createRoleResolvesResources() {
    var terminal = Terminal()
    #expect(
      terminal.run(
        "kubectl create role r --verb=get,list,get --resource=pod,deploy,rs.apps,pods/log,Services --resource-name=a --resource-name=a --dry-run=client -o yaml"
      ).output == """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          creationTimestamp: null
          name: r
        rules:
        - apiGroups:
          - ""
          resourceNames:
          - a
          resources:
          - pods
          - pods/log
          - services
          verbs:
          - get
          - list
        - apiGroups:
          - apps
          resourceNames:
          - a
          resources:
          - deployments
          - replicasets
          verbs:
          - get
          - list

        """)
    // `validateResource`: a special verb must name one of its resources; an unknown resource
    // is the mapper's `NoResourceMatchError`.
    #expect(
      terminal.run("kubectl create role r --verb=bind --resource=pods --dry-run=client").output
        == "error: can not perform 'bind' on 'pods' in group ''\n")
    #expect(
      terminal.run("kubectl create role r --verb=get --resource=foo --dry-run=client").output
        == "error: no matches for /, Resource=foo\n")
    #expect(
      terminal.run("kubectl create role r --verb=get --resource=.apps --dry-run=client").output
        == "error: resource must be specified if apiGroup/subresource specified\n")
    // `--resource=*` replaces every resource before it (`Complete()`), in the core group.
    #expect(
      terminal.run("kubectl create role r --verb=get --resource=leases,* --dry-run=client -o yaml").output == """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          creationTimestamp: null
          name: r
        rules:
        - apiGroups:
          - ""
          resources:
          - '*'
          verbs:
          - get

        """)
    // A resource the simulator does not serve still resolves through discovery.
    #expect(
      terminal.run("kubectl create role r --verb=* --resource=leases -n dev --dry-run=client -o json").output == """
        {
            "kind": "Role",
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "metadata": {
                "name": "r",
                "namespace": "dev",
                "creationTimestamp": null
            },
            "rules": [
                {
                    "verbs": [
                        "*"
                    ],
                    "apiGroups": [
                        "coordination.k8s.io"
                    ],
                    "resources": [
                        "leases"
                    ]
                }
            ]
        }

        """)
  }

  @Test func tablesAndDescriptions() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create role pod-reader --verb=get,list --verb=watch --resource=pods,pods/log")
    _ = terminal.run(
      "kubectl create rolebinding read-pods --role=pod-reader --user=jane --group=devs --group=ops --serviceaccount=default:bot"
    )
    _ = terminal.run("sleep 65")
    #expect(
      terminal.run("kubectl get roles").output == """
        NAME         CREATED AT
        pod-reader   2025-03-03T09:00:00Z

        """)
    #expect(
      terminal.run("kubectl get rolebindings -o wide").output == """
        NAME        ROLE              AGE   USERS   GROUPS      SERVICEACCOUNTS
        read-pods   Role/pod-reader   65s   jane    devs, ops   default/bot

        """)
    // BreakdownRule then CompactRules: one row per resource, verbs in the rule's order.
    #expect(
      terminal.run("kubectl describe role pod-reader").output == """
        Name:         pod-reader
        Labels:       <none>
        Annotations:  <none>
        PolicyRule:
          Resources  Non-Resource URLs  Resource Names  Verbs
          ---------  -----------------  --------------  -----
          pods/log   []                 []              [get list watch]
          pods       []                 []              [get list watch]

        """)
    #expect(
      terminal.run("kubectl describe rolebinding read-pods").output == """
        Name:         read-pods
        Labels:       <none>
        Annotations:  <none>
        Role:
          Kind:  Role
          Name:  pod-reader
        Subjects:
          Kind            Name  Namespace
          ----            ----  ---------
          User            jane  
          Group           devs  
          Group           ops   
          ServiceAccount  bot   default

        """)
    // create_role.go returns the server's error as is; create_rolebinding.go wraps it.
    #expect(
      terminal.run("kubectl create role pod-reader --verb=get --resource=pods").output
        == "Error from server (AlreadyExists): roles.rbac.authorization.k8s.io \"pod-reader\" already exists\n")
    #expect(
      terminal.run("kubectl create rolebinding read-pods --role=pod-reader --user=x").output
        == "error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io \"read-pods\" already exists\n")
  }

  /// The bootstrap ClusterRoles: `cluster-admin`'s two rules and `view`'s aggregation of
  /// `system:aggregate-to-view` (the clusterrole-aggregation controller).
  @Test func bootstrapRoles() throws {
    let cluster = Cluster()
    let admin = try #require(cluster.clusterRoles["cluster-admin"])
    #expect(
      admin.rules == [
        PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), PolicyRule(verbs: ["*"], nonResourceURLs: ["*"]),
      ])
    #expect(cluster.clusterRoles["view"]?.rules == cluster.clusterRoles["system:aggregate-to-view"]?.rules)
    // `edit` carries the aggregate-to-admin label, so `admin` holds edit's rules too.
    let adminRules = try #require(cluster.clusterRoles["admin"]?.rules)
    #expect(cluster.clusterRoles["edit"]?.rules.allSatisfy(adminRules.contains) == true)
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl get clusterrolebindings cluster-admin kubeadm:cluster-admins -o wide").output == """
        NAME                     ROLE                        AGE   USERS   GROUPS                   SERVICEACCOUNTS
        cluster-admin            ClusterRole/cluster-admin   10m           system:masters           
        kubeadm:cluster-admins   ClusterRole/cluster-admin   10m           kubeadm:cluster-admins   

        """)
  }

  /// `auth can-i`: `yes`, or `no` with exit status 1 (`os.Exit(1)` in `NewCmdCanI`); the
  /// admin is allowed everything through the `kubeadm:cluster-admins` binding; an impersonated
  /// ServiceAccount gets what its bindings grant in the namespace asked about.
  @Test func canI() {
    var terminal = Terminal()
    let admin = terminal.run("kubectl auth can-i '*' '*'")
    #expect(admin.output == "yes\n" && admin.exitCode == 0)
    _ = terminal.run("kubectl create sa bot")
    _ = terminal.run("kubectl create rolebinding bot-view --clusterrole=view --serviceaccount=default:bot")
    let sa = "--as=system:serviceaccount:default:bot"
    #expect(terminal.run("kubectl auth can-i list pods \(sa)").output == "yes\n")
    #expect(terminal.run("kubectl auth can-i get deployments.apps/web \(sa)").output == "yes\n")
    #expect(terminal.run("kubectl auth can-i get deployments --subresource=scale \(sa)").output == "yes\n")
    let denied = terminal.run("kubectl auth can-i create pods \(sa)")
    #expect(denied.output == "no\n" && denied.exitCode == 1)
    // A RoleBinding grants only in its own namespace; view does not read secrets.
    #expect(terminal.run("kubectl auth can-i list pods -n kube-system \(sa)").output == "no\n")
    #expect(terminal.run("kubectl auth can-i get secrets \(sa)").output == "no\n")
    // Every authenticated user may read the discovery and health URLs.
    #expect(terminal.run("kubectl auth can-i get /healthz \(sa)").output == "yes\n")
    #expect(terminal.run("kubectl auth can-i -q list pods \(sa)").output == "")
    // cani.go's warnings: a cluster-scoped resource asked about in a namespace, an unknown
    // resource, an unknown verb.
    #expect(
      terminal.run("kubectl auth can-i list nodes \(sa)").output
        == "Warning: resource 'nodes' is not namespace scoped\nno\n")
    #expect(
      terminal.run("kubectl auth can-i frob foos --as=jane").output
        == "Warning: the server doesn't have a resource type 'foos'\nWarning: verb 'frob' is not a known verb\nno\n")
    // A binding to a missing role: RBAC's reason names it (`RBAC: ` + the lister's NotFound).
    _ = terminal.run("kubectl create rolebinding dangling --role=nope --user=jane")
    #expect(
      terminal.run("kubectl auth can-i get pods --as=jane").output
        == "no - RBAC: role.rbac.authorization.k8s.io \"nope\" not found\n")
  }

  /// `RuleAllows` and `appliesTo`, case by case (evaluation_helpers.go, rule.go).
  @Test func authorizerRules() {
    let rule = PolicyRule(verbs: ["get"], apiGroups: ["apps"], resources: ["deployments", "*/scale"])
    #expect(rule.allows(AccessRequest(verb: "get", group: "apps", resource: "deployments", namespace: "ns")))
    #expect(!rule.allows(AccessRequest(verb: "list", group: "apps", resource: "deployments", namespace: "ns")))
    #expect(!rule.allows(AccessRequest(verb: "get", group: "", resource: "deployments", namespace: "ns")))
    // `*/scale` matches any resource's scale subresource, and only that.
    #expect(
      rule.allows(
        AccessRequest(verb: "get", group: "apps", resource: "statefulsets", subresource: "scale", namespace: "")))
    #expect(
      !rule.allows(
        AccessRequest(verb: "get", group: "apps", resource: "deployments", subresource: "status", namespace: "")))
    let named = PolicyRule(verbs: ["*"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["app"])
    #expect(named.allows(AccessRequest(verb: "update", group: "", resource: "configmaps", namespace: "n", name: "app")))
    #expect(!named.allows(AccessRequest(verb: "list", group: "", resource: "configmaps", namespace: "n")))
    let urls = PolicyRule(verbs: ["get"], nonResourceURLs: ["/logs/*", "/healthz"])
    #expect(urls.allows(AccessRequest(verb: "get", path: "/logs/kubelet.log")))
    #expect(!urls.allows(AccessRequest(verb: "get", path: "/healthz/etcd")))
    // A RoleBinding's ServiceAccount subject without a namespace means the binding's own.
    let subject = RBACSubject(kind: "ServiceAccount", name: "bot")
    let bot = UserInfo.impersonated("system:serviceaccount:dev:bot", groups: [])
    #expect(subject.applies(to: bot, bindingNamespace: "dev"))
    #expect(!subject.applies(to: bot, bindingNamespace: ""))
    #expect(bot.groups == ["system:serviceaccounts", "system:serviceaccounts:dev", "system:authenticated"])
  }

  /// `ValidatePolicyRule` and `ValidateRoleBinding` (`pkg/apis/rbac/validation`).
  @Test func validation() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "role.yaml": """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: bad
        rules:
        - resources: ["pods"]
        - verbs: ["get"]
          nonResourceURLs: ["/logs"]
        """,
        "binding.yaml": """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: bad
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: r
        subjects:
        - kind: ServiceAccount
          name: bot
        """,
      ]))
    #expect(
      terminal.run("kubectl apply -f role.yaml").output
        == "The Role \"bad\" is invalid: \n* rules[0].verbs: Required value: verbs must contain at least one value\n* rules[0].apiGroups: Required value: resource rules must supply at least one api group\n* rules[1].nonResourceURLs: Invalid value: []string{\"/logs\"}: namespaced rules cannot apply to non-resource URLs\n"
    )
    #expect(
      terminal.run("kubectl apply -f binding.yaml").output
        == "The ClusterRoleBinding \"bad\" is invalid: \n* roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"\n* subjects[0].namespace: Required value\n"
    )
  }
}
