import KubeSim

/// `kubectl get`: tables, `-o wide|yaml|json|name|jsonpath|custom-columns`, `-l`,
/// `--field-selector`, `--show-labels`, `--show-kind`, `--sort-by`, `--subresource`, `-w` and
/// `--watch-only` (with `--output-watch-events`), `-n`, `-A`.
enum GetCommand {
  static let flags: [FlagParser.Spec] =
    [
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
      .init(name: "show-kind", short: nil, takesValue: false),
      .init(name: "watch-only", short: nil, takesValue: false),
      .init(name: "output-watch-events", short: nil, takesValue: false),
      .init(name: "subresource", short: nil, takesValue: true),
      // Chunking changes how many requests list a collection, not what is printed.
      .init(name: "chunk-size", short: nil, takesValue: true, integerBits: 64),
      .init(name: "server-print", short: nil, takesValue: false),
      .init(name: "show-managed-fields", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  /// One group of objects of the same type to print as one table.
  struct Group {
    var type: ResourceType
    var objects: [APIObject]
  }

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "get", specs: flags).parse(arguments)
    let format = try OutputFormat.parse(parsed, files: context.files)
    if parsed.flag("show-labels") && format != .table && format != .wide {
      throw .plain("--show-labels option cannot be used with \(parsed.value("output") ?? "") printer")
    }
    let watching = parsed.flag("watch") || parsed.flag("watch-only")
    if parsed.flag("output-watch-events") && !watching {
      throw .plain("--output-watch-events option can only be used with --watch or --watch-only")
    }
    if parsed.values["server-print"] != nil && !parsed.flag("server-print") {
      throw .plain(
        "kubebook does not simulate --server-print=false (kubectl's client-side printer shows only NAME and AGE)")
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
    // The requests kubectl's resource builder sends, for `-v=6`: a list per type, a GET per name.
    let answer: RESTCall.Answer = [.table, .wide].contains(format) ? .table : .objects
    var listQuery: [(String, String)] = [("limit", "500")]
    if let text = parsed.value("field-selector"), !text.isEmpty { listQuery.append(("fieldSelector", text)) }
    if let text = parsed.value("selector"), !text.isEmpty { listQuery.append(("labelSelector", text)) }
    context.rest.describe()
    let now = context.cluster.now
    let resourceVersion = context.cluster.currentResourceVersion
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
        let listed = objects
        context.rest.record(
          "GET", RESTCall.path(request.type, namespace: allNamespaces ? nil : namespace) + RESTCall.query(listQuery),
          answer: answer, caller: "helper.go:113",
          responseBody: answer == .table
            ? TableBody.json(request.type, objects: listed, resourceVersion: resourceVersion, now: now).map(
              ServerJSON.body)
            : ServerJSON.body(
              ServerJSON.list(request.type, items: listed.map { $0.json(now: now) }, resourceVersion: resourceVersion)))
      } else {
        for name in request.names {
          let object = lookup(request.type, name: name, namespace: namespace, cluster: context.cluster)
          if answer == .table, let object {
            context.rest.record(
              "GET", RESTCall.path(request.type, namespace: namespace, name: name), answer: answer,
              caller: "helper.go:105",
              responseBody: TableBody.json(
                request.type, objects: [object], resourceVersion: object.metadata.resourceVersion, now: now
              ).map(ServerJSON.body))
          } else {
            context.rest.getObject(
              request.type, name: name, namespace: namespace, found: object, now: now, answer: answer)
          }
          if let object {
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
    if let subresource = parsed.value("subresource"), !subresource.isEmpty {
      guard requests.allSatisfy({ !$0.names.isEmpty }) else {
        throw .plain("subresource cannot be used when bulk resources are specified")
      }
      if subresource != "status" {
        try printScales(
          groups.flatMap(\.objects), subresource: subresource, format: format, headers: !parsed.flag("no-headers"),
          now: context.cluster.now, output: &output)
        for error in errors { output.line(error) }
        if !errors.isEmpty { context.failed = true }
        return
      }
    }
    if watching {
      if fieldSelection != nil { throw .plain("kubebook does not simulate \"kubectl get -w --field-selector\" yet") }
      guard groups.count == 1, format == .table || format == .wide else {
        if groups.count > 1 {
          throw .plain(
            "watch is only supported on individual resources and resource collections - more than 1 resource was found")
        }
        throw .plain("kubebook simulates \"kubectl get -w\" for table output only")
      }
      // The watch starts from the list's resourceVersion (a named object's: its own).
      var watchQuery = listQuery.filter { $0.0 != "limit" }
      if let name = requests[0].names.first { watchQuery.append(("fieldSelector", "metadata.name=\(name)")) }
      watchQuery += [("resourceVersion", String(context.cluster.currentResourceVersion)), ("watch", "true")]
      // The watch's events stream on: request.go's `watchInternal` logs the empty request
      // body for `Request.Watch` (request.go:736) and no response body.
      context.rest.record(
        "GET",
        RESTCall.path(groups[0].type, namespace: allNamespaces ? nil : namespace) + RESTCall.query(watchQuery),
        answer: answer, caller: "request.go:736", streamed: true)
      try Watch.run(
        group: groups[0], names: requests[0].names, namespace: allNamespaces ? nil : namespace, selector: selector,
        wide: format == .wide, allNamespaces: allNamespaces, showLabels: parsed.flag("show-labels"),
        listFirst: !parsed.flag("watch-only"), eventColumn: parsed.flag("output-watch-events"), context: &context,
        output: &output)
      return
    }
    // kubectl prefixes names with their kind when its answers span several kinds
    // (`multipleGVKsRequested`): every listed type counts, empty or not, so `get all` on a
    // namespace with only `service/kubernetes` still prints the prefix.
    let answeredTypes = listedTypes.union(groups.filter { !$0.objects.isEmpty }.map(\.type))
    let multipleTypes = answeredTypes.count > 1 || parsed.flag("show-kind")
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
    case .yaml, .json, .jsonPath, .goTemplate:
      if let tableOnly = groups.first(where: { [.endpointSlices, .controllerRevisions].contains($0.type) }) {
        throw .plain(
          "kubebook shows \(tableOnly.type.kind)s as a table only; -o yaml and -o json are not simulated for them")
      }
      if !everything.isEmpty || !namedRequest {
        // cli-runtime's JSON and YAML printers drop managedFields unless --show-managed-fields
        // (`json_yaml_flags.go`); jsonpath and go-template see them always.
        let managed = parsed.flag("show-managed-fields") || ![.yaml, .json].contains(format)
        let cluster = context.cluster
        let documents = everything.map {
          managed ? ManagedFields.adding(to: $0.json(now: cluster.now), cluster: cluster) : $0.json(now: cluster.now)
        }
        let value: JSONValue =
          everything.count == 1 && namedRequest && requests.count == 1 && requests[0].names.count == 1
          ? documents[0] : listDocument(documents)
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

  /// `--subresource=scale`: each object's Scale, as a table or as `-o yaml|json|name`. Any
  /// other subresource but `status`, or a kind without a scale, is not found.
  static func printScales(
    _ objects: [APIObject], subresource: String, format: OutputFormat, headers: Bool, now: Timestamp,
    output: inout OutputBuffer
  ) throws(KubectlError) {
    var scales: [(object: APIObject, scale: JSONValue)] = []
    for object in objects {
      guard subresource == "scale", let scale = ScaleSubresource.json(of: object, now: now) else {
        throw KubectlError(text: "Error from server (NotFound): the server could not find the requested resource")
      }
      scales.append((object, scale))
    }
    switch format {
    case .table, .wide:
      let rows = scales.map {
        ScaleSubresource.row(of: $0.scale, now: now, createdAt: $0.object.metadata.creationTimestamp)
      }
      guard !rows.isEmpty else { return }
      let (header, cells) = Table(columns: ScaleSubresource.columns, rows: rows).visible(wide: format == .wide)
      output.write(TabWriter.get.format(headers ? [header] + cells : cells))
    case .name:
      for (_, scale) in scales { output.line("scale.autoscaling/" + (scale["metadata"]?["name"]?.stringValue ?? "")) }
    case .customColumns(let columns):
      output.write(try columns.print(scales.map(\.scale), noHeaders: !headers))
    default:
      output.write(try format.printed(served: scales.count == 1 ? scales[0].scale : listDocument(scales.map(\.scale))))
    }
  }

  /// The `v1` List kubectl prints several objects in (`-o yaml|json|jsonpath|go-template`).
  static func listDocument(_ items: [JSONValue]) -> JSONValue {
    .object([
      ("apiVersion", .string("v1")), ("items", .array(items)), ("kind", .string("List")),
      ("metadata", .object([("resourceVersion", .string(""))])),
    ])
  }

  /// The header and cells of one group, with the client-side columns added.
  static func cells(
    _ group: Group, now: Timestamp, wide: Bool, allNamespaces: Bool, showLabels: Bool, prefixNames: Bool,
    labelColumns: [String] = []
  ) -> (header: [String], rows: [[String]]) {
    let columns = group.objects.first?.base.tableColumns ?? group.type.served?.columns ?? []
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
    /// The namespace a file gave its object (`-f`), instead of the command's.
    var namespace: String? = nil
  }

  /// Parses the arguments; with `cluster`, the kinds its CustomResourceDefinitions define
  /// resolve too.
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
        // The built-in members, then the defined kinds whose definitions join the category.
        let defined = (cluster?.customResourceDefinitions.keys.sorted() ?? []).compactMap {
          cluster?.customResourceDefinitions[$0]
        }.filter { $0.names.categories.contains("all") }.map(\.servedType)
        for type in ResourceType.allCategory + defined where !requests.contains(where: { $0.type == type }) {
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
    guard let type = ResourceType.resolve(name, in: cluster) else {
      if ResourceType.unsimulatedNames.contains(name.lowercased()) {
        throw .plain("kubebook does not simulate \"\(name)\" yet")
      }
      throw .plain("the server doesn't have a resource type \"\(name)\"")
    }
    return type
  }
}
