import KubeSim

/// Reads a pod spec's scheduling constraints: `affinity` and `topologySpreadConstraints`.
extension ManifestDecoder {
  /// Decodes `spec.affinity` found at `path`.
  mutating func decodeAffinity(_ value: JSONValue?, path: String) -> Affinity {
    var affinity = Affinity()
    guard let value else { return affinity }
    check(value, path: path, known: ["nodeAffinity", "podAffinity", "podAntiAffinity"])
    let required = "requiredDuringSchedulingIgnoredDuringExecution"
    let preferred = "preferredDuringSchedulingIgnoredDuringExecution"
    if let node = value["nodeAffinity"] {
      let nodePath = path + ".nodeAffinity"
      check(node, path: nodePath, known: [required, preferred])
      if let selector = node[required] {
        check(selector, path: "\(nodePath).\(required)", known: ["nodeSelectorTerms"])
        affinity.requiredNodeTerms = (selector["nodeSelectorTerms"]?.arrayValue ?? []).enumerated().map {
          decodeNodeSelectorTerm($1, path: "\(nodePath).\(required).nodeSelectorTerms[\($0)]")
        }
      }
      affinity.preferredNodeTerms = (node[preferred]?.arrayValue ?? []).enumerated().map { index, item in
        let itemPath = "\(nodePath).\(preferred)[\(index)]"
        check(item, path: itemPath, known: ["weight", "preference"])
        return PreferredSchedulingTerm(
          weight: int32Field(item["weight"], "PreferredSchedulingTerm.\(itemPath).weight") ?? 0,
          preference: decodeNodeSelectorTerm(item["preference"] ?? .object([]), path: itemPath + ".preference"))
      }
    }
    for (field, isAnti) in [("podAffinity", false), ("podAntiAffinity", true)] {
      guard let rules = value[field] else { continue }
      let rulesPath = "\(path).\(field)"
      check(rules, path: rulesPath, known: [required, preferred])
      let hard = (rules[required]?.arrayValue ?? []).enumerated().map {
        decodePodAffinityTerm($1, path: "\(rulesPath).\(required)[\($0)]")
      }
      let soft = (rules[preferred]?.arrayValue ?? []).enumerated().map { index, item in
        let itemPath = "\(rulesPath).\(preferred)[\(index)]"
        check(item, path: itemPath, known: ["weight", "podAffinityTerm"])
        return WeightedPodAffinityTerm(
          weight: int32Field(item["weight"], "WeightedPodAffinityTerm.\(itemPath).weight") ?? 0,
          term: decodePodAffinityTerm(item["podAffinityTerm"] ?? .object([]), path: itemPath + ".podAffinityTerm"))
      }
      if isAnti {
        affinity.requiredPodAntiAffinity = hard
        affinity.preferredPodAntiAffinity = soft
      } else {
        affinity.requiredPodAffinity = hard
        affinity.preferredPodAffinity = soft
      }
    }
    return affinity
  }

  /// Decodes one `nodeSelectorTerms` entry or a `preference`.
  private mutating func decodeNodeSelectorTerm(_ value: JSONValue, path: String) -> NodeSelectorTerm {
    check(value, path: path, known: ["matchExpressions", "matchFields"])
    return NodeSelectorTerm(
      matchExpressions: decodeNodeSelectorRequirements(value["matchExpressions"], path: path + ".matchExpressions"),
      matchFields: decodeNodeSelectorRequirements(value["matchFields"], path: path + ".matchFields"))
  }

  /// Decodes a list of `NodeSelectorRequirement`s.
  private mutating func decodeNodeSelectorRequirements(_ value: JSONValue?, path: String)
    -> [NodeSelectorRequirement]
  {
    (value?.arrayValue ?? []).enumerated().map { index, item in
      let itemPath = "\(path)[\(index)]"
      check(item, path: itemPath, known: ["key", "operator", "values"])
      return NodeSelectorRequirement(
        key: item["key"]?.stringValue ?? "", operator: item["operator"]?.stringValue ?? "",
        values: strictStringList(item["values"], field: "NodeSelectorRequirement.\(itemPath).values"))
    }
  }

  /// Decodes a `PodAffinityTerm`.
  private mutating func decodePodAffinityTerm(_ value: JSONValue, path: String) -> PodAffinityTerm {
    check(
      value, path: path,
      known: ["labelSelector", "namespaces", "namespaceSelector", "topologyKey", "matchLabelKeys", "mismatchLabelKeys"])
    var term = PodAffinityTerm(
      labelSelector: value["labelSelector"].map { decodeSelector($0, path: path + ".labelSelector") },
      topologyKey: value["topologyKey"]?.stringValue ?? "")
    term.namespaces = strictStringList(value["namespaces"], field: "PodAffinityTerm.\(path).namespaces")
    term.namespaceSelector = value["namespaceSelector"].map { decodeSelector($0, path: path + ".namespaceSelector") }
    return term
  }

  /// Decodes `spec.topologySpreadConstraints` found at `path`.
  mutating func decodeTopologySpread(_ value: JSONValue?, path: String) -> [TopologySpreadConstraint] {
    (value?.arrayValue ?? []).enumerated().map { index, item in
      let itemPath = "\(path)[\(index)]"
      check(
        item, path: itemPath,
        known: [
          "maxSkew", "topologyKey", "whenUnsatisfiable", "labelSelector", "minDomains", "nodeAffinityPolicy",
          "nodeTaintsPolicy", "matchLabelKeys",
        ])
      var constraint = TopologySpreadConstraint(
        maxSkew: int32Field(item["maxSkew"], "TopologySpreadConstraint.\(itemPath).maxSkew") ?? 0,
        topologyKey: item["topologyKey"]?.stringValue ?? "",
        whenUnsatisfiable: item["whenUnsatisfiable"]?.stringValue ?? "",
        labelSelector: item["labelSelector"].map { decodeSelector($0, path: itemPath + ".labelSelector") })
      constraint.minDomains = int32Field(item["minDomains"], "TopologySpreadConstraint.\(itemPath).minDomains")
      constraint.nodeAffinityPolicy = item["nodeAffinityPolicy"]?.stringValue
      constraint.nodeTaintsPolicy = item["nodeTaintsPolicy"]?.stringValue
      constraint.matchLabelKeys = strictStringList(
        item["matchLabelKeys"], field: "TopologySpreadConstraint.\(itemPath).matchLabelKeys")
      return constraint
    }
  }
}
