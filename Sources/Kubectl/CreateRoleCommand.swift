import KubeSim

/// `kubectl create role NAME --verb=... --resource=...` and `kubectl create clusterrole` (which
/// adds `--non-resource-url` and `--aggregation-rule`), checked and built as kubectl's
/// `create_role.go` and `create_clusterrole.go` do: verbs and resources deduplicated, each
/// resource resolved through discovery (short names, singulars, group prefixes), one rule per
/// API group in group order.
enum CreateRoleCommand {
  /// `validResourceVerbs`: other verbs draw a warning.
  static let resourceVerbs = [
    "*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "deletecollection", "use", "bind",
    "escalate", "impersonate",
  ]
  /// `validNonResourceVerbs`: other verbs are refused on URLs.
  static let nonResourceVerbs = ["*", "get", "post", "put", "delete", "patch", "head", "options"]
  /// `specialVerbs`: verbs that only make sense on these `group/resource`s.
  static let specialVerbs: [String: [String]] = [
    "use": ["policy/podsecuritypolicies", "extensions/podsecuritypolicies"],
    "bind": ["rbac.authorization.k8s.io/roles", "rbac.authorization.k8s.io/clusterroles"],
    "escalate": ["rbac.authorization.k8s.io/roles", "rbac.authorization.k8s.io/clusterroles"],
    "impersonate": ["/users", "/serviceaccounts", "/groups", "authentication.k8s.io/userextras"],
  ]

  /// One `--resource` value: `resource[.group][/subresource]`.
  struct ResourceOption {
    var group = ""
    var resource = ""
    var subresource = ""
  }

  /// `kubectl create role`.
  static func role(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    try run(arguments, cluster: false, context: &context, output: &output)
  }

  /// `kubectl create clusterrole`.
  static func clusterRole(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    try run(arguments, cluster: true, context: &context, output: &output)
  }

  /// Runs `create role` (`cluster` false) or `create clusterrole`.
  static func run(
    _ arguments: [String], cluster clusterScoped: Bool, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let command = clusterScoped ? "clusterrole" : "role"
    var specs =
      CreateGenerator.commonFlags + [
        .init(name: "verb", short: nil, takesValue: true, repeatable: true),
        .init(name: "resource", short: nil, takesValue: true, repeatable: true),
        .init(name: "resource-name", short: nil, takesValue: true, repeatable: true),
      ]
    if clusterScoped {
      specs += [
        .init(name: "non-resource-url", short: nil, takesValue: true, repeatable: true),
        .init(name: "aggregation-rule", short: nil, takesValue: true, repeatable: true),
      ]
    }
    let parsed = try FlagParser(command: "create \(command)", specs: specs).parse(arguments)
    let urls = deduplicated(slice(parsed.all("non-resource-url")))
    let aggregation = try aggregationRule(parsed.all("aggregation-rule"))
    let name = try CreateGenerator.name(parsed, command: command)
    // `Complete()`: verbs (`*` alone wins), resources (`*` alone wins), names deduplicated.
    var verbs: [String] = []
    for verb in slice(parsed.all("verb")) {
      if verb == "*" {
        verbs = ["*"]
        break
      }
      if !verbs.contains(verb) { verbs.append(verb) }
    }
    var resources: [ResourceOption] = []
    for text in slice(parsed.all("resource")) {
      let sections = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
      var option = ResourceOption()
      if sections.count == 2 { option.subresource = String(sections[1]) }
      let parts = sections[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      if parts.count == 2 { option.group = String(parts[1]) }
      option.resource = String(parts[0])
      if option.resource == "*" && parts.count == 1 && sections.count == 1 {
        resources = [option]
        break
      }
      resources.append(option)
    }
    let resourceNames = deduplicated(parsed.all("resource-name"))
    let printing = try CreateGenerator.printing(parsed, context: context)
    // `Validate()`.
    guard !name.isEmpty else { throw .plain("name must be specified") }
    var warnings = ""
    if !aggregation.isEmpty {
      if !urls.isEmpty || !verbs.isEmpty || !resources.isEmpty || !resourceNames.isEmpty {
        throw .plain(
          "aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames")
      }
    } else {
      guard !verbs.isEmpty else { throw .plain("at least one verb must be specified") }
      if clusterScoped {
        if resources.isEmpty && urls.isEmpty { throw .plain("one of resource or nonResourceURL must be specified") }
      } else if resources.isEmpty {
        for verb in verbs where !resourceVerbs.contains(verb) {
          warnings += "Warning: '\(verb)' is not a standard resource verb\n"
        }
        output.write(warnings)
        throw .plain("at least one resource must be specified")
      }
      if !resources.isEmpty {
        for verb in verbs where !resourceVerbs.contains(verb) {
          warnings += "Warning: '\(verb)' is not a standard resource verb\n"
        }
        output.write(warnings)
        try validate(resources, verbs: verbs)
      }
      if !urls.isEmpty {
        for verb in verbs where !nonResourceVerbs.contains(verb) {
          throw .plain("invalid verb: '\(verb)' for nonResourceURL")
        }
        for url in urls where url != "*" {
          if !url.hasPrefix("/") { throw .plain("nonResourceURL should start with /") }
          if url.dropLast().contains("*") {
            throw .plain("nonResourceURL only supports wildcard matches when '*' is at the end")
          }
        }
      }
    }
    let rules =
      aggregation.isEmpty ? policyRules(verbs: verbs, resources: resources, names: resourceNames, urls: urls) : []
    let flagNamespace = clusterScoped ? nil : parsed.value("namespace")
    var object: [(String, JSONValue)] = [
      ("kind", .string(clusterScoped ? "ClusterRole" : "Role")),
      ("apiVersion", .string("rbac.authorization.k8s.io/v1")),
      ("metadata", DryRunObjects.metadata(name: name, namespace: flagNamespace).value),
      ("rules", rules.isEmpty && !aggregation.isEmpty ? .null : .array(rules.map(generatorJSON))),
    ]
    if !aggregation.isEmpty {
      object.append(
        (
          "aggregationRule",
          .object([("clusterRoleSelectors", .array([.object([("matchLabels", .stringMap(aggregation))])]))])
        )
      )
    }
    let qualified = (clusterScoped ? "clusterrole" : "role") + ".rbac.authorization.k8s.io/\(name)"
    let namespace = context.namespace(parsed)
    try CreateGenerator.finish(
      .object(object), qualified: qualified, printing: printing, failurePrefix: nil, group: "rbac.authorization.k8s.io",
      context: &context, output: &output
    ) { cluster throws(APIError) in
      if clusterScoped {
        try cluster.createClusterRole(
          ClusterRole(
            metadata: ObjectMeta(name: name), rules: rules,
            aggregationSelectors: aggregation.isEmpty ? nil : [aggregation]))
      } else {
        try cluster.createRole(Role(metadata: ObjectMeta(name: name, namespace: namespace), rules: rules))
      }
    }
  }

  /// `validateResource`: each resource must resolve (a `*` ends the check), and a special
  /// verb must name one of its resources.
  static func validate(_ resources: [ResourceOption], verbs: [String]) throws(KubectlError) {
    for option in resources {
      guard !option.resource.isEmpty else {
        throw .plain("resource must be specified if apiGroup/subresource specified")
      }
      if option.resource == "*" { return }
      let resolved = DiscoveryResources.resolve(option.resource, group: option.group)
      let (group, resource) = resolved.map { ($0.group, $0.plural) } ?? (option.group, option.resource)
      // A special verb on one of its own resources clears the lookup's error.
      var unresolved = resolved == nil
      for verb in verbs {
        guard let allowed = specialVerbs[verb] else { continue }
        if !allowed.contains(group + "/" + resource) {
          throw .plain("can not perform '\(verb)' on '\(resource)' in group '\(group)'")
        }
        unresolved = false
      }
      if unresolved {
        // `NoResourceMatchError` of the multi-group mapper, around the partial resource as given.
        throw .plain("no matches for \(option.group)/, Resource=\(option.resource)")
      }
    }
  }

  /// `generateResourcePolicyRules`: resources resolved and grouped by API group (groups in
  /// order), one rule each with the verbs and names; then one rule for the URLs.
  static func policyRules(verbs: [String], resources: [ResourceOption], names: [String], urls: [String]) -> [PolicyRule]
  {
    var byGroup: [String: [String]] = [:]
    for option in resources {
      let resolved = DiscoveryResources.resolve(option.resource, group: option.group)
      var resource = resolved?.plural ?? option.resource
      let group = resolved?.group ?? option.group
      if !option.subresource.isEmpty { resource += "/" + option.subresource }
      if !(byGroup[group] ?? []).contains(resource) { byGroup[group, default: []].append(resource) }
    }
    var rules = byGroup.keys.sorted().map { group in
      PolicyRule(verbs: verbs, apiGroups: [group], resources: byGroup[group] ?? [], resourceNames: names)
    }
    if !urls.isEmpty { rules.append(PolicyRule(verbs: verbs, nonResourceURLs: urls)) }
    return rules
  }

  /// A rule in Go's field order, as the generator sends it (`omitempty` lists dropped).
  static func generatorJSON(_ rule: PolicyRule) -> JSONValue {
    var object = JSONObjectBuilder()
    object.set("verbs", .array(rule.verbs.map(JSONValue.string)))
    if !rule.apiGroups.isEmpty { object.set("apiGroups", .array(rule.apiGroups.map(JSONValue.string))) }
    if !rule.resources.isEmpty { object.set("resources", .array(rule.resources.map(JSONValue.string))) }
    if !rule.resourceNames.isEmpty { object.set("resourceNames", .array(rule.resourceNames.map(JSONValue.string))) }
    if !rule.nonResourceURLs.isEmpty {
      object.set("nonResourceURLs", .array(rule.nonResourceURLs.map(JSONValue.string)))
    }
    return object.value
  }

  /// A `StringSlice` flag's values: every occurrence split at commas; an empty occurrence
  /// (`--verb=`) is an empty list, as pflag's `readAsCSV` reads it.
  static func slice(_ values: [String]) -> [String] {
    values.flatMap { value in
      value.isEmpty ? [] : value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  /// The values in first-seen order, each once.
  static func deduplicated(_ values: [String]) -> [String] {
    var seen: [String] = []
    for value in values where !seen.contains(value) { seen.append(value) }
    return seen
  }

  /// `--aggregation-rule` (`cliflag.MapStringString`): `key=value` pairs split at commas,
  /// later occurrences adding to earlier ones.
  static func aggregationRule(_ values: [String]) throws(KubectlError) -> [String: String] {
    var map: [String: String] = [:]
    for value in values {
      for pair in value.split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
          throw .flag(
            "invalid argument \"\(value)\" for \"--aggregation-rule\" flag: malformed pair, expect string=string",
            command: "create clusterrole")
        }
        map[String(parts[0]).trimmingSpaces()] = String(parts[1]).trimmingSpaces()
      }
    }
    return map
  }
}
