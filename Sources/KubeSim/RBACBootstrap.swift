/// The RBAC objects a kubeadm cluster starts with: what the API server's bootstrap policy
/// creates (`plugin/pkg/auth/authorizer/rbac/bootstrappolicy`) and the binding kubeadm adds for
/// its admin user.
///
/// Kept: `cluster-admin`, the aggregated `admin`, `edit` and `view` and the three
/// `system:aggregate-to-*` roles they aggregate, and what every authenticated user is granted
/// (`system:basic-user`, `system:discovery`, `system:public-info-viewer`, with their
/// bindings), with their rules as the bootstrap policy's
/// testdata (`testdata/cluster-roles.yaml`, the stored copy at commit 025f2834, whose exact
/// release is not known: its `view` reads EndpointSlices and its `edit` writes Leases, which
/// may postdate v1.32) lists them; the `cluster-admin` binding of `system:masters`; kubeadm's
/// `kubeadm:cluster-admins` binding. Omitted: the other `system:*` ClusterRoles (the
/// controllers', the nodes', the service-account issuer discovery, ...) and their bindings, and the Roles and
/// RoleBindings in kube-system and kube-public; no captured listing of a cluster exists in the
/// reference to copy them from.
enum RBACBootstrap {
  /// The rules of the `ReadWrite` and `Read` verb sets, as the policy's builder sorts them.
  static let read = ["get", "list", "watch"]
  static let write = ["create", "delete", "deletecollection", "patch", "update"]
  static let readWrite = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

  /// The seeded ClusterRoles, by name order. The aggregated ones get their rules from
  /// ``Cluster/aggregateClusterRoles()``.
  static let clusterRoles: [ClusterRole] = [
    role("admin", aggregates: "admin"),
    role(
      "cluster-admin",
      rules: [
        PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), PolicyRule(verbs: ["*"], nonResourceURLs: ["*"]),
      ]),
    role("edit", aggregates: "edit", labels: ["rbac.authorization.k8s.io/aggregate-to-admin": "true"]),
    role(
      "system:aggregate-to-admin",
      rules: [
        PolicyRule(verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["localsubjectaccessreviews"]),
        PolicyRule(verbs: readWrite, apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings", "roles"]),
      ], labels: ["rbac.authorization.k8s.io/aggregate-to-admin": "true"]),
    role(
      "system:aggregate-to-edit",
      rules: [
        PolicyRule(
          verbs: read, apiGroups: [""],
          resources: ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"]),
        PolicyRule(verbs: ["impersonate"], apiGroups: [""], resources: ["serviceaccounts"]),
        PolicyRule(
          verbs: write, apiGroups: [""],
          resources: ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"]),
        PolicyRule(verbs: ["create"], apiGroups: [""], resources: ["pods/eviction"]),
        PolicyRule(
          verbs: write, apiGroups: [""],
          resources: [
            "configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
            "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy",
          ]),
        PolicyRule(verbs: ["create"], apiGroups: [""], resources: ["serviceaccounts/token"]),
        PolicyRule(
          verbs: write, apiGroups: ["apps"],
          resources: [
            "daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets",
            "replicasets/scale", "statefulsets", "statefulsets/scale",
          ]),
        PolicyRule(verbs: write, apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"]),
        PolicyRule(verbs: write, apiGroups: ["batch"], resources: ["cronjobs", "jobs"]),
        PolicyRule(
          verbs: write, apiGroups: ["extensions"],
          resources: [
            "daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses", "networkpolicies",
            "replicasets", "replicasets/scale", "replicationcontrollers/scale",
          ]),
        PolicyRule(verbs: write, apiGroups: ["policy"], resources: ["poddisruptionbudgets"]),
        PolicyRule(verbs: write, apiGroups: ["networking.k8s.io"], resources: ["ingresses", "networkpolicies"]),
        PolicyRule(verbs: readWrite, apiGroups: ["coordination.k8s.io"], resources: ["leases"]),
      ], labels: ["rbac.authorization.k8s.io/aggregate-to-edit": "true"]),
    role(
      "system:aggregate-to-view",
      rules: [
        PolicyRule(
          verbs: read, apiGroups: [""],
          resources: [
            "configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods",
            "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services",
            "services/status",
          ]),
        PolicyRule(
          verbs: read, apiGroups: [""],
          resources: [
            "bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
            "replicationcontrollers/status", "resourcequotas", "resourcequotas/status",
          ]),
        PolicyRule(verbs: read, apiGroups: [""], resources: ["namespaces"]),
        PolicyRule(verbs: read, apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"]),
        PolicyRule(
          verbs: read, apiGroups: ["apps"],
          resources: [
            "controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale",
            "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets",
            "statefulsets/scale", "statefulsets/status",
          ]),
        PolicyRule(
          verbs: read, apiGroups: ["autoscaling"],
          resources: ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
        PolicyRule(
          verbs: read, apiGroups: ["batch"], resources: ["cronjobs", "cronjobs/status", "jobs", "jobs/status"]),
        PolicyRule(
          verbs: read, apiGroups: ["extensions"],
          resources: [
            "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses",
            "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale", "replicasets/status",
            "replicationcontrollers/scale",
          ]),
        PolicyRule(
          verbs: read, apiGroups: ["policy"], resources: ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
        PolicyRule(
          verbs: read, apiGroups: ["networking.k8s.io"],
          resources: ["ingresses", "ingresses/status", "networkpolicies"]
        ),
      ], labels: ["rbac.authorization.k8s.io/aggregate-to-view": "true"]),
    role(
      "system:basic-user",
      rules: [
        PolicyRule(
          verbs: ["create"], apiGroups: ["authorization.k8s.io"],
          resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
        PolicyRule(verbs: ["create"], apiGroups: ["authentication.k8s.io"], resources: ["selfsubjectreviews"]),
      ]),
    role(
      "system:discovery",
      rules: [
        PolicyRule(
          verbs: ["get"],
          nonResourceURLs: [
            "/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz",
            "/version", "/version/",
          ])
      ]),
    role(
      "system:public-info-viewer",
      rules: [
        PolicyRule(verbs: ["get"], nonResourceURLs: ["/healthz", "/livez", "/readyz", "/version", "/version/"])
      ]),
    role("view", aggregates: "view", labels: ["rbac.authorization.k8s.io/aggregate-to-edit": "true"]),
  ]

  /// The seeded ClusterRoleBindings: the bootstrap policy's `cluster-admin` (group
  /// `system:masters`) and kubeadm's `kubeadm:cluster-admins` (kubeadm v1.29 and later).
  static let clusterRoleBindings: [ClusterRoleBinding] = [
    ClusterRoleBinding(
      metadata: bootstrapMeta("cluster-admin"), subjects: [RBACSubject(kind: "Group", name: "system:masters")],
      roleRef: RoleRef(kind: "ClusterRole", name: "cluster-admin")),
    ClusterRoleBinding(
      metadata: bootstrapMeta("system:basic-user"),
      subjects: [RBACSubject(kind: "Group", name: "system:authenticated")],
      roleRef: RoleRef(kind: "ClusterRole", name: "system:basic-user")),
    ClusterRoleBinding(
      metadata: bootstrapMeta("system:discovery"), subjects: [RBACSubject(kind: "Group", name: "system:authenticated")],
      roleRef: RoleRef(kind: "ClusterRole", name: "system:discovery")),
    ClusterRoleBinding(
      metadata: bootstrapMeta("system:public-info-viewer"),
      subjects: [
        RBACSubject(kind: "Group", name: "system:authenticated"),
        RBACSubject(kind: "Group", name: "system:unauthenticated"),
      ], roleRef: RoleRef(kind: "ClusterRole", name: "system:public-info-viewer")),
    ClusterRoleBinding(
      metadata: ObjectMeta(name: "kubeadm:cluster-admins"),
      subjects: [RBACSubject(kind: "Group", name: "kubeadm:cluster-admins")],
      roleRef: RoleRef(kind: "ClusterRole", name: "cluster-admin")),
  ]

  /// A bootstrap ClusterRole: the policy's label and auto-update annotation, rules or an
  /// aggregation selector on `rbac.authorization.k8s.io/aggregate-to-NAME`.
  static func role(
    _ name: String, rules: [PolicyRule] = [], aggregates: String? = nil, labels: [String: String] = [:]
  ) -> ClusterRole {
    var metadata = bootstrapMeta(name)
    metadata.labels.merge(labels) { $1 }
    return ClusterRole(
      metadata: metadata, rules: rules,
      aggregationSelectors: aggregates.map { [["rbac.authorization.k8s.io/aggregate-to-\($0)": "true"]] })
  }

  /// The metadata the bootstrap policy gives its objects.
  static func bootstrapMeta(_ name: String) -> ObjectMeta {
    var metadata = ObjectMeta(name: name, labels: ["kubernetes.io/bootstrapping": "rbac-defaults"])
    metadata.annotations = ["rbac.authorization.kubernetes.io/autoupdate": "true"]
    return metadata
  }

  /// Stores the seeded objects at `created` (within ``APIServerBootstrap/seed(_:created:)``).
  static func store(_ cluster: inout Cluster, created: Timestamp) {
    for var role in clusterRoles {
      role.metadata.creationTimestamp = created
      cluster.stampAside(&role.metadata, stream: "clusterrole")
      cluster.clusterRoles[role.metadata.name] = role
    }
    for var binding in clusterRoleBindings {
      binding.metadata.creationTimestamp = created
      cluster.stampAside(&binding.metadata, stream: "clusterrolebinding")
      cluster.clusterRoleBindings[binding.metadata.name] = binding
    }
    cluster.aggregateClusterRoles()
  }
}
