/// One rule of a Role or ClusterRole (`rbac/v1 PolicyRule`): which verbs it allows on which
/// resources of which API groups (optionally only the named objects), or on which
/// non-resource URLs.
public struct PolicyRule: Sendable, Equatable {
  public var verbs: [String]
  public var apiGroups: [String] = []
  public var resources: [String] = []
  public var resourceNames: [String] = []
  public var nonResourceURLs: [String] = []

  /// Creates a rule.
  public init(
    verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [],
    nonResourceURLs: [String] = []
  ) {
    self.verbs = verbs
    self.apiGroups = apiGroups
    self.resources = resources
    self.resourceNames = resourceNames
    self.nonResourceURLs = nonResourceURLs
  }

  /// The rule as the API serialises it (keys sorted, empty lists omitted).
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    if !apiGroups.isEmpty { object.set("apiGroups", .array(apiGroups.map(JSONValue.string))) }
    if !nonResourceURLs.isEmpty { object.set("nonResourceURLs", .array(nonResourceURLs.map(JSONValue.string))) }
    if !resourceNames.isEmpty { object.set("resourceNames", .array(resourceNames.map(JSONValue.string))) }
    if !resources.isEmpty { object.set("resources", .array(resources.map(JSONValue.string))) }
    object.set("verbs", .array(verbs.map(JSONValue.string)))
    return object.value
  }

  /// `ValidatePolicyRule` (`pkg/apis/rbac/validation/validation.go`) for the rule at `path`.
  func validate(namespaced: Bool, path: String) -> [FieldError] {
    var causes: [FieldError] = []
    if verbs.isEmpty {
      causes.append(
        FieldError(
          field: path + ".verbs", type: "Required value", value: nil,
          detail: "verbs must contain at least one value"))
    }
    if !nonResourceURLs.isEmpty {
      let value = "[]string{" + nonResourceURLs.map(Validation.quote).joined(separator: ", ") + "}"
      if namespaced {
        causes.append(
          FieldError(
            field: path + ".nonResourceURLs", type: "Invalid value", value: value,
            detail: "namespaced rules cannot apply to non-resource URLs"))
      }
      if !apiGroups.isEmpty || !resources.isEmpty || !resourceNames.isEmpty {
        causes.append(
          FieldError(
            field: path + ".nonResourceURLs", type: "Invalid value", value: value,
            detail: "rules cannot apply to both regular resources and non-resource URLs"))
      }
      return causes
    }
    if apiGroups.isEmpty {
      causes.append(
        FieldError(
          field: path + ".apiGroups", type: "Required value", value: nil,
          detail: "resource rules must supply at least one api group"))
    }
    if resources.isEmpty {
      causes.append(
        FieldError(
          field: path + ".resources", type: "Required value", value: nil,
          detail: "resource rules must supply at least one resource"))
    }
    return causes
  }

  // MARK: - Matching (`pkg/apis/rbac/v1/evaluation_helpers.go`)

  /// `RuleAllows` for a resource request: verb, group, resource (with subresource) and name.
  public func allows(_ request: AccessRequest) -> Bool {
    guard let resource = request.resource else {
      return verbMatches(request.verb) && nonResourceURLMatches(request.path)
    }
    let combined = request.subresource.isEmpty ? resource : resource + "/" + request.subresource
    return verbMatches(request.verb) && (apiGroups.contains("*") || apiGroups.contains(request.group))
      && resourceMatches(combined, subresource: request.subresource)
      && (resourceNames.isEmpty || resourceNames.contains(request.name))
  }

  /// `VerbMatches`: the verb or `*`.
  func verbMatches(_ verb: String) -> Bool { verbs.contains("*") || verbs.contains(verb) }

  /// `ResourceMatches`: `*`, the combined `resource/subresource`, or `*/subresource`.
  func resourceMatches(_ combined: String, subresource: String) -> Bool {
    resources.contains { rule in
      rule == "*" || rule == combined || (!subresource.isEmpty && rule == "*/" + subresource)
    }
  }

  /// `NonResourceURLMatches`: `*`, the path, or a prefix ending in `*`.
  func nonResourceURLMatches(_ path: String) -> Bool {
    nonResourceURLs.contains { rule in
      rule == "*" || rule == path || (rule.hasSuffix("*") && path.hasPrefix(rule.dropLast()))
    }
  }
}
