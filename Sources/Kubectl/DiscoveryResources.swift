import KubeSim

/// Every resource a kubeadm v1.32 cluster's discovery serves: the kinds kubebook simulates
/// (``ResourceType/all``) and the built-in ones it does not (``unsimulated``), which
/// `kubectl api-resources` lists and kubectl's RESTMapper resolves (`create role
/// --resource=leases`) but whose commands say they are not simulated.
///
/// The unsimulated list (names, short names, scope, verbs, categories) is written from
/// knowledge of v1.30–v1.32 kubeadm clusters; the reference holds no captured
/// `kubectl api-resources` output to check it against line by line. Beta APIs, off by default,
/// are not served.
enum DiscoveryResources {
  /// A resource kubebook does not simulate, with the verbs and categories discovery lists.
  struct Unsimulated {
    var type: ResourceType
    var verbs: [String]
    var categories: [String] = []
  }

  /// The full verb set of an ordinary resource, in discovery's (sorted) order.
  static let allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

  /// The built-in resources kubebook does not simulate: the known ones that no served kind
  /// has taken over.
  static let unsimulated: [Unsimulated] = builtIn.filter { entry in
    !ResourceType.all.contains { $0.qualifiedResource == entry.type.qualifiedResource }
  }

  /// Every spelling of an unsimulated resource kubectl accepts (plural, singular, Kind, short
  /// names, group-qualified), lowercased: naming one is an honest "not simulated".
  static let unsimulatedNames: Set<String> = Set(
    unsimulated.flatMap { entry in
      let type = entry.type
      var names = [type.plural, type.singular, type.kind.lowercased()] + type.shortNames
      if !type.group.isEmpty { names += [type.plural + "." + type.group, type.singular + "." + type.group] }
      return names
    })

  /// The built-in resources of a kubeadm v1.32 cluster besides events, pods and the other
  /// kinds kubebook has always served.
  private static let builtIn: [Unsimulated] = [
    core("bindings", "binding", "Binding", namespaced: true, verbs: ["create"]),
    core(
      "componentstatuses", "componentstatus", "ComponentStatus", short: ["cs"], namespaced: false,
      verbs: ["get", "list"]),
    core("limitranges", "limitrange", "LimitRange", short: ["limits"], namespaced: true),
    core("podtemplates", "podtemplate", "PodTemplate", namespaced: true),
    core("resourcequotas", "resourcequota", "ResourceQuota", short: ["quota"], namespaced: true),
    group(
      "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", "admissionregistration.k8s.io",
      categories: ["api-extensions"]),
    group(
      "validatingadmissionpolicies", "ValidatingAdmissionPolicy", "admissionregistration.k8s.io",
      categories: ["api-extensions"]),
    group(
      "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", "admissionregistration.k8s.io",
      categories: ["api-extensions"]),
    group(
      "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", "admissionregistration.k8s.io",
      categories: ["api-extensions"]),
    group(
      "customresourcedefinitions", "CustomResourceDefinition", "apiextensions.k8s.io", short: ["crd", "crds"],
      categories: ["api-extensions"]),
    group("apiservices", "APIService", "apiregistration.k8s.io", categories: ["api-extensions"]),
    group("selfsubjectreviews", "SelfSubjectReview", "authentication.k8s.io", verbs: ["create"]),
    group("tokenreviews", "TokenReview", "authentication.k8s.io", verbs: ["create"]),
    group(
      "localsubjectaccessreviews", "LocalSubjectAccessReview", "authorization.k8s.io", namespaced: true,
      verbs: ["create"]),
    group("selfsubjectaccessreviews", "SelfSubjectAccessReview", "authorization.k8s.io", verbs: ["create"]),
    group("selfsubjectrulesreviews", "SelfSubjectRulesReview", "authorization.k8s.io", verbs: ["create"]),
    group("subjectaccessreviews", "SubjectAccessReview", "authorization.k8s.io", verbs: ["create"]),
    group("certificatesigningrequests", "CertificateSigningRequest", "certificates.k8s.io", short: ["csr"]),
    group("leases", "Lease", "coordination.k8s.io", namespaced: true),
    group("flowschemas", "FlowSchema", "flowcontrol.apiserver.k8s.io"),
    group("prioritylevelconfigurations", "PriorityLevelConfiguration", "flowcontrol.apiserver.k8s.io"),
    group("ingressclasses", "IngressClass", "networking.k8s.io"),
    group("networkpolicies", "NetworkPolicy", "networking.k8s.io", short: ["netpol"], namespaced: true),
    group("runtimeclasses", "RuntimeClass", "node.k8s.io"),
    group("priorityclasses", "PriorityClass", "scheduling.k8s.io", short: ["pc"]),
    group("csidrivers", "CSIDriver", "storage.k8s.io"),
    group("csinodes", "CSINode", "storage.k8s.io"),
    group("csistoragecapacities", "CSIStorageCapacity", "storage.k8s.io", namespaced: true),
    group("volumeattachments", "VolumeAttachment", "storage.k8s.io"),
  ]

  /// Every served type: the simulated ones (events in both groups), then the others.
  static let all: [ResourceType] =
    ResourceType.all + [ResourceType.eventsInEventsGroup] + unsimulated.map(\.type)

  /// The unsimulated resource named `name` (plural, singular, short name or Kind), if any.
  static func unsimulatedType(_ name: String) -> ResourceType? {
    let lower = name.lowercased()
    return unsimulated.map(\.type).first { type in
      ([type.plural, type.singular, type.kind.lowercased()] + type.shortNames).contains(lower)
        || (!type.group.isEmpty && [type.plural + "." + type.group, type.singular + "." + type.group].contains(lower))
    }
  }

  /// `ResourceFor` of kubectl's RESTMapper (a shortcut expander over discovery): a short name
  /// expands to its resource; then plural or singular, case-insensitively, in `group` (an
  /// exact group first, else a group it prefixes, `storage` for `storage.k8s.io`), the first in
  /// discovery order when several groups serve it.
  static func resolve(_ resource: String, group: String) -> ResourceType? {
    let lower = resource.lowercased()
    let expanded = all.first { $0.shortNames.contains(lower) && (group.isEmpty || $0.group == group) }?.plural ?? lower
    let named = all.filter { $0.plural == expanded || $0.singular == expanded }
    if group.isEmpty { return named.first }
    return named.first { $0.group == group } ?? named.first { $0.group.hasPrefix(group) }
  }

  /// A core resource.
  private static func core(
    _ plural: String, _ singular: String, _ kind: String, short: [String] = [], namespaced: Bool,
    verbs: [String] = allVerbs
  ) -> Unsimulated {
    Unsimulated(
      type: ResourceType(
        plural: plural, singular: singular, kind: kind, group: "", shortNames: short, namespaced: namespaced),
      verbs: verbs)
  }

  /// A resource of a named group, v1; its singular is the Kind lowercased.
  private static func group(
    _ plural: String, _ kind: String, _ group: String, short: [String] = [], namespaced: Bool = false,
    verbs: [String] = allVerbs, categories: [String] = []
  ) -> Unsimulated {
    Unsimulated(
      type: ResourceType(
        plural: plural, singular: kind.lowercased(), kind: kind, group: group, shortNames: short,
        namespaced: namespaced),
      verbs: verbs, categories: categories)
  }
}
