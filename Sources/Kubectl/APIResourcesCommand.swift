import KubeSim

/// `kubectl api-resources` and `kubectl api-versions` (`kubectl/pkg/cmd/apiresources`): the
/// discovery documents of the simulated API server, listing every resource a kubeadm v1.32
/// cluster serves (``DiscoveryResources``), the ones kubebook does not simulate included.
enum APIResourcesCommand {
  /// One row of discovery: a resource in its group's preferred version.
  struct Entry {
    var type: ResourceType
    var version: String
    var verbs: [String]
    var categories: [String]

    /// `group/version`, or the version alone for the core group (the APIVERSION column).
    var groupVersion: String { type.group.isEmpty ? version : type.group + "/" + version }
  }

  /// What the API server lists, in discovery order: every served type, then events again in
  /// `events.k8s.io`, then the resources kubebook does not simulate, then those the
  /// CustomResourceDefinitions of `cluster` define, with the verbs and categories the
  /// apiextensions discovery controller serves (`customresource_discovery_controller.go`).
  static func entries(in cluster: Cluster) -> [Entry] {
    let served = (ResourceType.all + [ResourceType.eventsInEventsGroup]).map { type in
      // Namespaces cannot be deleted as a collection (`pkg/registry/core/namespace/storage`).
      var verbs = DiscoveryResources.allVerbs
      if type == .namespaces { verbs.removeAll { $0 == "deletecollection" } }
      return Entry(
        type: type, version: type.preferredVersion, verbs: verbs,
        categories: ResourceType.allCategory.contains(type) ? ["all"] : [])
    }
    let custom = cluster.customResourceDefinitions.keys.sorted().compactMap { cluster.customResourceDefinitions[$0] }
      .filter { !$0.servedType.versions.isEmpty }.map { definition in
        Entry(
          type: definition.servedType, version: definition.servedType.preferredVersion,
          verbs: ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"],
          categories: definition.names.categories)
      }
    return served
      + DiscoveryResources.unsimulated.map {
        Entry(type: $0.type, version: $0.type.preferredVersion, verbs: $0.verbs, categories: $0.categories)
      } + custom
  }

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(
      command: "api-resources",
      specs: [
        .init(name: "no-headers", short: nil, takesValue: false), .init(name: "output", short: "o", takesValue: true),
        .init(name: "api-group", short: nil, takesValue: true),
        .init(name: "namespaced", short: nil, takesValue: false),
        .init(name: "verbs", short: nil, takesValue: true, repeatable: true),
        .init(name: "categories", short: nil, takesValue: true, repeatable: true),
        .init(name: "sort-by", short: nil, takesValue: true), .init(name: "cached", short: nil, takesValue: false),
      ]
    ).parse(arguments)
    guard parsed.positional.isEmpty else {
      throw KubectlError(
        text:
          "error: unexpected arguments: [\(parsed.positional.joined(separator: " "))]\nSee 'kubectl api-resources -h' for help and examples"
      )
    }
    let format = parsed.value("output") ?? ""
    guard ["", "wide", "name"].contains(format) else { throw .plain("--output \(format) is not available") }
    let sortBy = parsed.value("sort-by") ?? ""
    guard ["", "name", "kind"].contains(sortBy) else { throw .plain("--sort-by accepts only name or kind") }
    var namespaced: Bool?
    if let text = parsed.value("namespaced") {
      // pflag reads a bool flag's value with strconv.ParseBool.
      switch text {
      case "1", "t", "T", "TRUE", "true", "True": namespaced = true
      case "0", "f", "F", "FALSE", "false", "False": namespaced = false
      default:
        throw .flag(
          "invalid argument \"\(text)\" for \"--namespaced\" flag: strconv.ParseBool: parsing \(Validation.quote(text)): invalid syntax",
          command: "api-resources")
      }
    }
    let verbs = parsed.all("verbs").flatMap { $0.split(separator: ",").map(String.init) }
    let categories = parsed.all("categories").flatMap { $0.split(separator: ",").map(String.init) }
    let group = parsed.value("api-group")
    var rows = entries(in: context.cluster).filter { entry in
      (group == nil || entry.type.group == group) && (namespaced == nil || entry.type.namespaced == namespaced)
        && verbs.allSatisfy(entry.verbs.contains) && categories.allSatisfy(entry.categories.contains)
    }
    // sort.Stable on the group (or the name or kind), then the name.
    let key: (Entry) -> String = {
      sortBy == "name" ? $0.type.plural : sortBy == "kind" ? $0.type.kind : $0.type.group
    }
    rows = stableSorted(rows) { a, b in key(a) != key(b) ? key(a) < key(b) : a.type.plural < b.type.plural }
    if format == "name" {
      output.write(rows.map { $0.type.qualifiedResource + "\n" }.joined())
      return
    }
    var table: [[String]] = []
    if !parsed.flag("no-headers") {
      table.append(
        ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"] + (format == "wide" ? ["VERBS", "CATEGORIES"] : []))
    }
    for entry in rows {
      var cells = [
        entry.type.plural, entry.type.shortNames.joined(separator: ","), entry.groupVersion,
        entry.type.namespaced ? "true" : "false", entry.type.kind,
      ]
      if format == "wide" {
        cells += [entry.verbs.joined(separator: ","), entry.categories.joined(separator: ",")]
      }
      table.append(cells)
    }
    output.write(TabWriter.get.format(table))
  }

  /// `kubectl api-versions`: every group/version the server offers, sorted as strings.
  static func versions(_ arguments: [String], cluster: Cluster, output: inout OutputBuffer) throws(KubectlError) {
    let parsed = try FlagParser(command: "api-versions", specs: []).parse(arguments)
    guard parsed.positional.isEmpty else {
      throw KubectlError(
        text:
          "error: unexpected arguments: [\(parsed.positional.joined(separator: " "))]\nSee 'kubectl api-versions -h' for help and examples"
      )
    }
    var groupVersions: Set<String> = []
    for type in DiscoveryResources.all + cluster.customResourceTypes {
      for version in type.versions { groupVersions.insert(type.group.isEmpty ? version : type.group + "/" + version) }
    }
    output.write(groupVersions.sorted().map { $0 + "\n" }.joined())
  }

  /// `elements` ordered by `less`, equal elements keeping their order (Go's `sort.Stable`).
  private static func stableSorted(_ elements: [Entry], by less: (Entry, Entry) -> Bool) -> [Entry] {
    elements.enumerated().sorted { a, b in
      less(a.element, b.element) || (!less(b.element, a.element) && a.offset < b.offset)
    }.map(\.element)
  }
}
