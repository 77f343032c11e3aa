import KubeSim

/// How kubectl lays out RBAC rules (`describe role`, `auth can-i --list`): each rule broken
/// down to one verb on one resource (`BreakdownRule`), the simple ones joined again per
/// resource (`CompactRules`), sorted by Go's `PolicyRule.String()` (`SortableRuleSlice`), one
/// row per rule (kubectl `pkg/util/rbac/rbac.go`, `describe.CombineResourceGroup`).
enum RBACRuleTable {
  /// The rows under `Resources  Non-Resource URLs  Resource Names  Verbs`.
  static func rows(_ rules: [PolicyRule]) -> [[String]] {
    compacted(rules.flatMap(breakdown)).map { rule in
      [combineResourceGroup(rule), goList(rule.nonResourceURLs), goList(rule.resourceNames), goList(rule.verbs)]
    }
  }

  /// `BreakdownRule`: one rule per group, resource, verb (and name), then per URL and verb.
  static func breakdown(_ rule: PolicyRule) -> [PolicyRule] {
    var rules: [PolicyRule] = []
    for group in rule.apiGroups {
      for resource in rule.resources {
        for verb in rule.verbs {
          if rule.resourceNames.isEmpty {
            rules.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource]))
          } else {
            for name in rule.resourceNames {
              rules.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name]))
            }
          }
        }
      }
    }
    for url in rule.nonResourceURLs {
      for verb in rule.verbs { rules.append(PolicyRule(verbs: [verb], nonResourceURLs: [url])) }
    }
    return rules
  }

  /// `CompactRules`, then `sort.Stable(SortableRuleSlice)`: rules on one group and resource
  /// (and at most one name) merge their verbs; the others stay apart. The merged rules'
  /// order before the sort (a Go map's) cannot matter: their strings differ.
  static func compacted(_ rules: [PolicyRule]) -> [PolicyRule] {
    var others: [PolicyRule] = []
    var simple: [PolicyRule] = []
    var index: [String: Int] = [:]
    for rule in rules {
      guard rule.nonResourceURLs.isEmpty, rule.resourceNames.count <= 1, rule.apiGroups.count == 1,
        rule.resources.count == 1
      else {
        others.append(rule)
        continue
      }
      let key = [rule.apiGroups[0], rule.resources[0], rule.resourceNames.isEmpty ? "-" : "+" + rule.resourceNames[0]]
        .joined(separator: "\u{0}")
      if let at = index[key] {
        for verb in rule.verbs where !simple[at].verbs.contains(verb) { simple[at].verbs.append(verb) }
      } else {
        index[key] = simple.count
        simple.append(rule)
      }
    }
    let all = others + simple
    return all.enumerated().sorted { a, b in
      let (left, right) = (goString(a.element), goString(b.element))
      return left != right ? Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)) : a.offset < b.offset
    }.map(\.element)
  }

  /// The generated `PolicyRule.String()` the sort compares.
  static func goString(_ rule: PolicyRule) -> String {
    "&PolicyRule{Verbs:\(goList(rule.verbs)),APIGroups:\(goList(rule.apiGroups)),Resources:\(goList(rule.resources)),"
      + "ResourceNames:\(goList(rule.resourceNames)),NonResourceURLs:\(goList(rule.nonResourceURLs)),}"
  }

  /// A `[]string` as `%v` prints it: `[a b]`.
  static func goList(_ items: [String]) -> String { "[" + items.joined(separator: " ") + "]" }

  /// `CombineResourceGroup`: the first resource, `.group` when the first group is not core,
  /// its subresource after.
  static func combineResourceGroup(_ rule: PolicyRule) -> String {
    guard let first = rule.resources.first else { return "" }
    let parts = first.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    var combined = String(parts[0])
    if let group = rule.apiGroups.first, !group.isEmpty { combined += "." + group }
    if parts.count == 2 { combined += "/" + parts[1] }
    return combined
  }

  /// `RoleDescriber`/`ClusterRoleDescriber`'s body: name, labels, annotations, the rule table.
  static func describe(_ metadata: ObjectMeta, rules: [PolicyRule]) -> String {
    var text = "Name:\t\(metadata.name)\n"
    text += DescribeCommand.multiline("Labels", DescribeCommand.labels(metadata.labels))
    text += DescribeCommand.multiline("Annotations", DescribeCommand.annotations(metadata.annotations))
    text += "PolicyRule:\n  Resources\tNon-Resource URLs\tResource Names\tVerbs\n"
    text += "  ---------\t-----------------\t--------------\t-----\n"
    for row in rows(rules) { text += "  " + row.joined(separator: "\t") + "\n" }
    return text
  }

  /// `RoleBindingDescriber`/`ClusterRoleBindingDescriber`'s body.
  static func describeBinding(_ metadata: ObjectMeta, roleRef: RoleRef, subjects: [RBACSubject]) -> String {
    var text = "Name:\t\(metadata.name)\n"
    text += DescribeCommand.multiline("Labels", DescribeCommand.labels(metadata.labels))
    text += DescribeCommand.multiline("Annotations", DescribeCommand.annotations(metadata.annotations))
    text += "Role:\n  Kind:\t\(roleRef.kind)\n  Name:\t\(roleRef.name)\n"
    text += "Subjects:\n  Kind\tName\tNamespace\n  ----\t----\t---------\n"
    for subject in subjects { text += "  \(subject.kind)\t\(subject.name)\t\(subject.namespace)\n" }
    return text
  }

  /// `SubjectsStrings` (`pkg/apis/rbac/helpers.go`) joined by `, `: the USERS, GROUPS and
  /// SERVICEACCOUNTS cells of a binding's wide row.
  static func subjectCells(_ subjects: [RBACSubject]) -> [String] {
    let users = subjects.filter { $0.kind == "User" }.map(\.name)
    let groups = subjects.filter { $0.kind == "Group" }.map(\.name)
    let accounts = subjects.filter { $0.kind == "ServiceAccount" }.map { "\($0.namespace)/\($0.name)" }
    return [users, groups, accounts].map { $0.joined(separator: ", ") }
  }
}
