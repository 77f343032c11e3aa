import KubeSim

/// `kubectl auth can-i VERB TYPE[/NAME] | NONRESOURCEURL` and `kubectl auth can-i --list`
/// (`kubectl/pkg/cmd/auth/cani.go`), answered by the simulated API server's
/// SelfSubjectAccessReview and SelfSubjectRulesReview, which ask the RBAC authorizer
/// (``RBACAuthorizer``). The client is kubeadm's admin (``UserInfo/kubeadmAdmin``) unless `--as`
/// impersonates another user. `auth reconcile` and `auth whoami` are not simulated.
enum AuthCommand {
  /// `resourceVerbs`: other verbs draw a warning.
  static let resourceVerbs: Set<String> = [
    "get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use", "bind", "impersonate",
    "*", "approve", "sign", "escalate", "attest",
  ]
  /// `nonResourceURLVerbs`.
  static let nonResourceVerbs: Set<String> = ["get", "put", "post", "head", "options", "delete", "patch", "*"]

  static let flags: [FlagParser.Spec] = [
    .init(name: "all-namespaces", short: "A", takesValue: false),
    .init(name: "quiet", short: "q", takesValue: false),
    .init(name: "subresource", short: nil, takesValue: true),
    .init(name: "list", short: nil, takesValue: false),
    .init(name: "no-headers", short: nil, takesValue: false),
    .init(name: "as", short: nil, takesValue: true),
    .init(name: "as-group", short: nil, takesValue: true, repeatable: true),
  ]

  /// Dispatches `auth`'s subcommands.
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    guard arguments.first == "can-i" else {
      throw .plain(
        "kubebook simulates only \"kubectl auth can-i\"; \"kubectl auth \(arguments.first ?? "")\" is not simulated")
    }
    let parsed = try FlagParser(command: "auth can-i", specs: flags).parse(Array(arguments.dropFirst()))
    let list = parsed.flag("list")
    let quiet = parsed.flag("quiet")
    let allNamespaces = parsed.flag("all-namespaces")
    let subresource = parsed.value("subresource") ?? ""
    // `Complete()`.
    var verb = ""
    var url = ""
    var resource: ResourceType?
    var resourceText = ""
    var name = ""
    var warnings = ""
    if list {
      guard parsed.positional.isEmpty else { throw .plain("list option must be specified with no arguments") }
    } else {
      guard parsed.positional.count == 2 else {
        throw .plain(
          "you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples."
        )
      }
      verb = parsed.positional[0]
      let target = parsed.positional[1]
      if target.hasPrefix("/") {
        url = target
      } else {
        let tokens = target.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        resourceText = String(tokens[0])
        if tokens.count > 1 { name = String(tokens[1]) }
        (resource, warnings) = resolve(resourceText)
      }
    }
    // The client's impersonation settings are checked when the client is built, after the
    // arguments (and the warnings about them).
    let user: UserInfo
    if let name = parsed.value("as") {
      user = .impersonated(name, groups: parsed.all("as-group"))
    } else if !parsed.all("as-group").isEmpty {
      output.write(warnings)
      throw .plain("requesting uid, groups or user-extra for  without impersonating a user")
    } else {
      user = .kubeadmAdmin
    }
    let namespace = allNamespaces ? "" : context.namespace(parsed)
    // `Validate()`.
    if list {
      if quiet || allNamespaces || !subresource.isEmpty {
        throw .plain("list option can't be specified with neither quiet, all-namespaces nor subresource options")
      }
    } else {
      if !url.isEmpty {
        if !subresource.isEmpty { throw .plain("--subresource can not be used with NonResourceURL") }
        if !nonResourceVerbs.contains(verb) { warnings += "Warning: verb '\(verb)' is not a known verb\n" }
      } else if !resourceText.isEmpty && !allNamespaces {
        if let resource, !resource.namespaced {
          warnings +=
            resource.group.isEmpty
            ? "Warning: resource '\(resource.plural)' is not namespace scoped\n"
            : "Warning: resource '\(resource.plural)' is not namespace scoped in group '\(resource.group)'\n"
        }
        if !resourceVerbs.contains(verb) { warnings += "Warning: verb '\(verb)' is not a known verb\n" }
      }
      if parsed.flag("no-headers") {
        output.write(warnings)
        throw .plain("--no-headers cannot be set without --list specified")
      }
    }
    output.write(warnings)
    if list {
      printRules(
        for: user, namespace: namespace, headers: !parsed.flag("no-headers"), context: context, output: &output)
      return
    }
    let request =
      url.isEmpty
      ? AccessRequest(
        verb: verb, group: resource?.group ?? "", resource: resource?.plural ?? resourceText,
        subresource: subresource, namespace: namespace, name: name)
      : AccessRequest(verb: verb, path: url)
    let decision = RBACAuthorizer.authorize(user, request, in: context.cluster)
    if !quiet {
      output.line(decision.allowed ? "yes" : decision.reason.isEmpty ? "no" : "no - \(decision.reason)")
    }
    if !decision.allowed { context.failed = true }
  }

  /// `resourceFor`: `*` as is; else the resource (lowercased, `resource.group` or
  /// `resource.version.group`) through discovery, or, with a warning unless it is `users` or
  /// `groups`, the argument as given in the core group.
  static func resolve(_ argument: String) -> (ResourceType?, String) {
    if argument == "*" { return (nil, "") }
    let lower = argument.lowercased()
    let parts = lower.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    var found: ResourceType?
    if parts.count == 3 {
      found = DiscoveryResources.resolve(parts[0], group: parts[2]).flatMap {
        $0.versions.contains(parts[1]) ? $0 : nil
      }
    }
    let resource = parts[0]
    // `ParseGroupResource`: what follows the first dot is the group.
    let group =
      lower.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first.map(
        String.init) ?? ""
    if found == nil { found = DiscoveryResources.resolve(resource, group: group) }
    if found != nil { return (found, "") }
    if group.isEmpty && ["users", "groups"].contains(resource) { return (nil, "") }
    let warning =
      group.isEmpty
      ? "Warning: the server doesn't have a resource type '\(resource)'\n"
      : "Warning: the server doesn't have a resource type '\(resource)' in group '\(group)'\n"
    return (nil, warning)
  }

  /// `RunAccessList`: the rules the user has in `namespace` (resource rules, then URL rules),
  /// laid out as `printStatus` does.
  static func printRules(
    for user: UserInfo, namespace: String, headers: Bool, context: CommandContext, output: inout OutputBuffer
  ) {
    let rules = RBACAuthorizer.rulesFor(user, namespace: namespace, in: context.cluster).rules
    let resourceRules = rules.filter { !$0.resources.isEmpty }.map {
      PolicyRule(verbs: $0.verbs, apiGroups: $0.apiGroups, resources: $0.resources, resourceNames: $0.resourceNames)
    }
    let urlRules = rules.filter { !$0.nonResourceURLs.isEmpty }.map {
      PolicyRule(verbs: $0.verbs, nonResourceURLs: $0.nonResourceURLs)
    }
    var table: [[String]] = headers ? [["Resources", "Non-Resource URLs", "Resource Names", "Verbs"]] : []
    table += RBACRuleTable.rows(resourceRules + urlRules)
    output.write(TabWriter.get.format(table))
  }
}
