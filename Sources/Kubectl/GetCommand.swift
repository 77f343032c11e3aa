import KubeSim

/// `kubectl get`: tables, `-o wide|yaml|json|name`, `-l`, `--field-selector`, `--show-labels`,
/// `-n`, `-A`.
enum GetCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "selector", short: "l", takesValue: true),
    .init(name: "field-selector", short: nil, takesValue: true),
    .init(name: "show-labels", short: nil, takesValue: false),
    .init(name: "label-columns", short: "L", takesValue: true, repeatable: true),
    .init(name: "all-namespaces", short: "A", takesValue: false),
    .init(name: "watch", short: "w", takesValue: false),
    .init(name: "no-headers", short: nil, takesValue: false),
    .init(name: "ignore-not-found", short: nil, takesValue: false),
    .init(name: "sort-by", short: nil, takesValue: true),
  ]

  /// One group of objects of the same type to print as one table.
  struct Group {
    var type: ResourceType
    var objects: [APIObject]
  }

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "get", specs: flags).parse(arguments)
    let format = try OutputFormat.parse(parsed.value("output"), files: context.files)
    if parsed.flag("show-labels") && format != .table && format != .wide {
      throw .plain("--show-labels option cannot be used with \(parsed.value("output") ?? "") printer")
    }
    guard !parsed.positional.isEmpty else {
      throw KubectlError(
        text: """
          You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

          error: Required resource not specified.
          Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
          See 'kubectl get -h' for help and examples
          """)
    }
    var selector = LabelSelector.everything
    if let text = parsed.value("selector") {
      do { selector = try LabelSelector.parse(text) } catch {
        throw .plain("unable to parse requirement: \(error.message)")
      }
    }
    let allNamespaces = parsed.flag("all-namespaces")
    let namespace = context.namespace(parsed)
    let requests = try ResourceArguments.parse(parsed.positional, cluster: context.cluster)
    let fieldSelection = FieldSelection(parsed)
    if fieldSelection != nil { try ResourceArguments.refuseNames(parsed.positional) }
    if requests.count == 1, requests[0].type == .events, requests[0].names.isEmpty, format == .table {
      var fieldSelector = FieldSelector.everything
      if let fieldSelection {
        switch fieldSelection.selector(for: .events) {
        case .success(let selector): fieldSelector = selector
        case .failure(let error):
          output.line(error.text)
          context.failed = true
          return
        }
      }
      EventsTable.run(
        namespace: allNamespaces ? nil : namespace, now: context.cluster.now, cluster: context.cluster,
        fieldSelector: fieldSelector, output: &output)
      return
    }
    var groups: [Group] = []
    var errors: [String] = []
    // Types asked for as a list: the server answers each with a table, even an empty one.
    var listedTypes: Set<ResourceType> = []
    for request in requests {
      var objects: [APIObject] = []
      if request.names.isEmpty {
        var fieldSelector = FieldSelector.everything
        if let fieldSelection {
          switch fieldSelection.selector(for: request.type) {
          case .success(let converted): fieldSelector = converted
          case .failure(let error):
            errors.append(error.text)
            continue
          }
        }
        listedTypes.insert(request.type)
        objects = list(request.type, namespace: allNamespaces ? nil : namespace, cluster: context.cluster)
          .filter { selector.matches($0.metadata.labels) && fieldSelector.matches($0.selectableFields) }
      } else {
        for name in request.names {
          if let object = lookup(request.type, name: name, namespace: namespace, cluster: context.cluster) {
            objects.append(object)
          } else if !parsed.flag("ignore-not-found") {
            errors.append(
              KubectlError.api(.notFound(resource: request.type.qualifiedResource, name: name)).text)
          }
        }
      }
      if let index = groups.firstIndex(where: { $0.type == request.type }) {
        groups[index].objects += objects
      } else {
        groups.append(Group(type: request.type, objects: objects))
      }
    }
    if parsed.flag("watch") {
      if fieldSelection != nil { throw .plain("kubebook does not simulate \"kubectl get -w --field-selector\" yet") }
      guard groups.count == 1, format == .table || format == .wide else {
        if groups.count > 1 {
          throw .plain(
            "watch is only supported on individual resources and resource collections - more than 1 resource was found")
        }
        throw .plain("kubebook simulates \"kubectl get -w\" for table output only")
      }
      try Watch.run(
        group: groups[0], names: requests[0].names, namespace: allNamespaces ? nil : namespace, selector: selector,
        wide: format == .wide, allNamespaces: allNamespaces, showLabels: parsed.flag("show-labels"),
        context: &context, output: &output)
      return
    }
    // kubectl prefixes names with their kind when its answers span several kinds
    // (`multipleGVKsRequested`): every listed type counts, empty or not, so `get all` on a
    // namespace with only `service/kubernetes` still prints the prefix.
    let answeredTypes = listedTypes.union(groups.filter { !$0.objects.isEmpty }.map(\.type))
    let multipleTypes = answeredTypes.count > 1
    var everything = groups.flatMap(\.objects)
    let namedRequest = requests.contains { !$0.names.isEmpty }
    if let field = parsed.value("sort-by"), !field.isEmpty {
      let now = context.cluster.now
      if format == .table || format == .wide {
        for index in groups.indices where groups[index].objects.count > 1 {
          let order = try SortBy.order(groups[index].objects.map { $0.json(now: now) }, by: field, target: .table)
          groups[index].objects = order.map { groups[index].objects[$0] }
        }
      } else if !everything.isEmpty && !(namedRequest && everything.count == 1 && requests.count == 1) {
        everything = try SortBy.order(everything.map { $0.json(now: now) }, by: field, target: .list).map {
          everything[$0]
        }
      }
    }
    switch format {
    case .yaml, .json, .jsonPath:
      if let tableOnly = groups.first(where: { [.endpointSlices, .controllerRevisions].contains($0.type) }) {
        throw .plain(
          "kubebook shows \(tableOnly.type.kind)s as a table only; -o yaml and -o json are not simulated for them")
      }
      if !everything.isEmpty || !namedRequest {
        let value: JSONValue =
          everything.count == 1 && namedRequest && requests.count == 1 && requests[0].names.count == 1
          ? everything[0].json(now: context.cluster.now)
          : .object([
            ("apiVersion", .string("v1")), ("items", .array(everything.map { $0.json(now: context.cluster.now) })),
            ("kind", .string("List")), ("metadata", .object([("resourceVersion", .string(""))])),
          ])
        output.write(try format.printed(served: value))
      }
    case .customColumns(let columns):
      if !everything.isEmpty || !namedRequest {
        let objects = everything.map { $0.json(now: context.cluster.now) }
        output.write(try columns.print(objects, noHeaders: parsed.flag("no-headers")))
      }
    case .name:
      for object in everything { output.line(object.qualifiedName) }
    case .table, .wide:
      var printedSinceHeader = false
      for group in groups where !group.objects.isEmpty {
        if printedSinceHeader { output.line("") }
        output.write(
          table(
            group, now: context.cluster.now, wide: format == .wide, allNamespaces: allNamespaces,
            showLabels: parsed.flag("show-labels"), prefixNames: multipleTypes,
            headers: !parsed.flag("no-headers"),
            labelColumns: parsed.all("label-columns").flatMap { $0.split(separator: ",").map(String.init) }))
        printedSinceHeader = true
      }
    }
    if everything.isEmpty && errors.isEmpty && !namedRequest {
      let scoped = !allNamespaces && groups.allSatisfy(\.type.namespaced)
      output.line(scoped ? "No resources found in \(namespace) namespace." : "No resources found")
    }
    if !errors.isEmpty {
      for error in errors { output.line(error) }
      context.failed = true
    }
  }

  /// The header and cells of one group, with the client-side columns added.
  static func cells(
    _ group: Group, now: Timestamp, wide: Bool, allNamespaces: Bool, showLabels: Bool, prefixNames: Bool,
    labelColumns: [String] = []
  ) -> (header: [String], rows: [[String]]) {
    let columns = group.type.served?.columns ?? []
    let rows: [[String]] = group.objects.map { object in
      var row = object.row(now: now)
      if prefixNames { row[0] = object.qualifiedName }
      return row
    }
    var (header, cells) = Table(columns: columns, rows: rows).visible(wide: wide)
    if allNamespaces && group.type.namespaced {
      header.insert("NAMESPACE", at: 0)
      for index in cells.indices { cells[index].insert(group.objects[index].metadata.namespace ?? "", at: 0) }
    }
    // `-L key`: one column per key, headed by the key's last path segment in capitals.
    for key in labelColumns {
      header.append(String(key.split(separator: "/").last ?? Substring(key)).uppercased())
      for index in cells.indices { cells[index].append(group.objects[index].metadata.labels[key] ?? "") }
    }
    if showLabels {
      header.append("LABELS")
      for index in cells.indices {
        let labels = group.objects[index].metadata.labels
        cells[index].append(
          labels.isEmpty ? "<none>" : labels.map { "\($0)=\($1)" }.sorted().joined(separator: ","))
      }
    }
    return (header, cells)
  }

  /// The laid-out table of one group.
  static func table(
    _ group: Group, now: Timestamp, wide: Bool, allNamespaces: Bool, showLabels: Bool,
    prefixNames: Bool, headers: Bool, labelColumns: [String] = []
  ) -> String {
    let (header, cells) = cells(
      group, now: now, wide: wide, allNamespaces: allNamespaces, showLabels: showLabels, prefixNames: prefixNames,
      labelColumns: labelColumns)
    return TabWriter.get.format(headers ? [header] + cells : cells)
  }

  static func list(_ type: ResourceType, namespace: String?, cluster: Cluster) -> [APIObject] {
    APIObject.list(type, namespace: namespace, cluster: cluster)
  }

  static func lookup(_ type: ResourceType, name: String, namespace: String, cluster: Cluster) -> APIObject? {
    APIObject.lookup(type, name: name, namespace: namespace, cluster: cluster)
  }
}

/// The `TYPE[,TYPE] [NAME...]` or `TYPE/NAME ...` arguments of get, delete and friends.
enum ResourceArguments {
  /// One type and the names asked for (empty: all).
  struct Request {
    var type: ResourceType
    var names: [String]
  }

  /// Parses the arguments; a type only a stored CustomResourceDefinition of `cluster` defines
  /// is refused as not served.
  static func parse(_ arguments: [String], cluster: Cluster? = nil) throws(KubectlError) -> [Request] {
    guard let first = arguments.first else { return [] }
    if first.contains("/") {
      var requests: [Request] = []
      for argument in arguments {
        guard let slash = argument.firstIndex(of: "/") else {
          throw .plain(
            "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"
          )
        }
        let type = try resolve(String(argument[..<slash]), cluster: cluster)
        let name = String(argument[argument.index(after: slash)...])
        if let index = requests.firstIndex(where: { $0.type == type }) {
          requests[index].names.append(name)
        } else {
          requests.append(Request(type: type, names: [name]))
        }
      }
      return requests
    }
    var requests: [Request] = []
    for part in first.split(separator: ",") {
      if part == "all" {
        for type in ResourceType.allCategory where !requests.contains(where: { $0.type == type }) {
          requests.append(Request(type: type, names: Array(arguments.dropFirst())))
        }
        continue
      }
      let type = try resolve(String(part), cluster: cluster)
      if !requests.contains(where: { $0.type == type }) {
        requests.append(Request(type: type, names: Array(arguments.dropFirst())))
      }
    }
    return requests
  }

  /// The builder's refusal of names next to a selector (`visitBySelector`).
  static func refuseNames(_ arguments: [String]) throws(KubectlError) {
    if arguments.first?.contains("/") == true {
      throw .plain("selectors and the all flag cannot be used when passing resource/name arguments")
    }
    if arguments.count > 1 { throw .plain("name cannot be provided when a selector is specified") }
  }

  static func resolve(_ name: String, cluster: Cluster? = nil) throws(KubectlError) -> ResourceType {
    guard let type = ResourceType.resolve(name) else {
      if ResourceType.unsimulatedNames.contains(name.lowercased()) {
        throw .plain("kubebook does not simulate \"\(name)\" yet")
      }
      if let definition = cluster?.customResourceDefinition(named: name) {
        throw CustomResourceDefinition.notServed(definition)
      }
      throw .plain("the server doesn't have a resource type \"\(name)\"")
    }
    return type
  }
}
