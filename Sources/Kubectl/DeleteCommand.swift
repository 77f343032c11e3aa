import KubeSim

/// `kubectl delete`: by name, `TYPE/NAME`, `-f`, `-l` or `--all`; then waits (in virtual
/// time) until the objects are gone, as `--wait=true` does.
enum DeleteCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
    .init(name: "selector", short: "l", takesValue: true),
    .init(name: "all", short: nil, takesValue: false),
    .init(name: "grace-period", short: nil, takesValue: true, integerBits: 64),
    .init(name: "now", short: nil, takesValue: false),
    .init(name: "force", short: nil, takesValue: false),
    .init(name: "wait", short: nil, takesValue: false),
    .init(name: "cascade", short: nil, takesValue: true),
    .init(name: "ignore-not-found", short: nil, takesValue: false),
    .init(name: "output", short: "o", takesValue: true),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "delete", specs: flags).parse(arguments)
    let namespace = context.namespace(parsed)
    var targets: [(type: ResourceType, name: String, namespace: String)] = []
    var errors: [String] = []
    let paths = parsed.all("filename")
    if !paths.isEmpty {
      for path in paths {
        let text = try context.read(path)
        for value in try ManifestReader.documents(text, source: path) {
          try ApplyCommand.validateTypeFields(value, source: path)
          guard let type = ResourceType.all.first(where: { $0.kind == value["kind"]?.stringValue }) else {
            throw .plain("kubebook does not simulate deleting \(value["kind"]?.stringValue ?? "") objects yet")
          }
          let name = value["metadata"]?["name"]?.stringValue ?? ""
          targets.append((type, name, value["metadata"]?["namespace"]?.stringValue ?? namespace))
        }
      }
    } else {
      guard !parsed.positional.isEmpty else {
        throw KubectlError(
          text: """
            error: You must provide one or more resources by argument or filename.
            Example resource specifications include:
               '-f rsrc.yaml'
               '--filename=rsrc.json'
               '<resource> <name>'
               '<resource>'
            """)
      }
      let requests = try ResourceArguments.parse(parsed.positional)
      for request in requests {
        if request.names.isEmpty {
          guard parsed.flag("all") || parsed.value("selector") != nil else {
            throw .plain("resource(s) were provided, but no name was specified")
          }
          var selector = LabelSelector.everything
          if let text = parsed.value("selector") {
            do { selector = try LabelSelector.parse(text) } catch {
              throw .plain("unable to parse requirement: \(error.message)")
            }
          }
          for object in GetCommand.list(request.type, namespace: namespace, cluster: context.cluster)
          where selector.matches(object.metadata.labels) {
            targets.append((request.type, object.metadata.name, namespace))
          }
        } else {
          for name in request.names { targets.append((request.type, name, namespace)) }
        }
      }
      if targets.isEmpty {
        output.line("No resources found")
        return
      }
    }
    let force = parsed.flag("force")
    var grace: Int? = parsed.flag("now") ? 1 : nil
    if let text = parsed.value("grace-period") {
      // An IntVar: strconv.ParseInt(text, 0, 64).
      switch GoStrconv.parseInt(text, base: 0) {
      case .success(let seconds): grace = Int(seconds)
      case .failure(let error):
        throw .flag("invalid argument \"\(text)\" for \"--grace-period\" flag: \(error.message)", command: "delete")
      }
    }
    if force && grace == 0 {
      output.line(
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely."
      )
    }
    var propagation = Cluster.Propagation.background
    switch parsed.value("cascade") {
    case nil, "background", "true": propagation = .background
    case "foreground": propagation = .foreground
    case "orphan", "false": propagation = .orphan
    case let other?:
      throw .plain("invalid cascade value (\(other)). Must be \"background\", \"foreground\", or \"orphan\".")
    }
    // Pods being deleted, by namespace, name and uid: kubectl waits for that uid to be gone
    // (a mirror pod comes back under the same name with a new uid at once).
    var deleted: [(String, String, String)] = []
    var deletedWorkloads: [(ResourceType, String)] = []
    var deletedNamespaces: [String] = []
    // Claims wait for the pods that use them (the pvc-protection finalizer); kubectl waits too.
    var deletedClaims: [String] = []
    for target in targets {
      if [.deployments, .replicaSets, .replicationControllers, .daemonSets].contains(target.type) {
        let key = target.namespace + "/" + target.name
        if context.cluster.deleteWorkload(
          kind: target.type.kind, name: target.name, namespace: target.namespace, propagation: propagation)
        {
          output.line(
            parsed.value("output") == "name"
              ? target.type.qualifiedKind + "/" + target.name
              : "\(target.type.qualifiedKind) \"\(target.name)\" deleted")
          deletedWorkloads.append((target.type, key))
        } else if !parsed.flag("ignore-not-found") {
          errors.append(KubectlError.api(.notFound(resource: target.type.qualifiedResource, name: target.name)).text)
        }
        continue
      }
      if target.type == .volumes {
        do {
          try context.cluster.deleteVolume(target.name)
          output.line(
            parsed.value("output") == "name"
              ? "persistentvolume/\(target.name)" : "persistentvolume \"\(target.name)\" deleted")
        } catch {
          if case .notFound = error, parsed.flag("ignore-not-found") { continue }
          errors.append(KubectlError.api(error).text)
        }
        continue
      }
      if target.type == .namespaces {
        do {
          try context.cluster.deleteNamespace(target.name)
          output.line(
            parsed.value("output") == "name" ? "namespace/\(target.name)" : "namespace \"\(target.name)\" deleted")
          deletedNamespaces.append(target.name)
        } catch {
          if case .notFound = error, parsed.flag("ignore-not-found") { continue }
          errors.append(KubectlError.api(error).text)
        }
        continue
      }
      if [.services, .configMaps, .secrets, .jobs, .cronJobs, .statefulSets, .claims, .autoscalers, .ingresses]
        .contains(target.type)
      {
        do {
          switch target.type {
          case .ingresses:
            try context.cluster.deleteIngress(target.name, namespace: target.namespace)
          case .autoscalers:
            try context.cluster.deleteAutoscaler(target.name, namespace: target.namespace)
          case .statefulSets:
            try context.cluster.deleteStatefulSet(target.name, namespace: target.namespace, propagation: propagation)
          case .claims:
            try context.cluster.deleteClaim(target.name, namespace: target.namespace)
            deletedClaims.append(target.namespace + "/" + target.name)
          case .cronJobs:
            try context.cluster.deleteCronJob(target.name, namespace: target.namespace, propagation: propagation)
          case .jobs:
            try context.cluster.deleteJob(target.name, namespace: target.namespace, propagation: propagation)
          case .services: try context.cluster.deleteService(target.name, namespace: target.namespace)
          case .configMaps: try context.cluster.deleteConfigMap(target.name, namespace: target.namespace)
          case .secrets: try context.cluster.deleteSecret(target.name, namespace: target.namespace)
          default:
            // A type in the list above without its own case: never delete something else.
            errors.append(KubectlError.plain("kubebook does not simulate deleting \(target.type.plural) yet").text)
            continue
          }
          let kind = target.type.qualifiedKind
          output.line(
            parsed.value("output") == "name" ? "\(kind)/\(target.name)" : "\(kind) \"\(target.name)\" deleted")
        } catch {
          if case .notFound = error, parsed.flag("ignore-not-found") { continue }
          errors.append(KubectlError.api(error).text)
        }
        continue
      }
      guard target.type == .pods else {
        throw .plain("kubebook does not simulate deleting \(target.type.plural) yet")
      }
      do {
        let pod = try context.cluster.deletePod(
          target.name, namespace: target.namespace, gracePeriod: force ? 0 : grace)
        let word = force && grace == 0 ? "force deleted" : "deleted"
        output.line(parsed.value("output") == "name" ? "pod/\(target.name)" : "pod \"\(target.name)\" \(word)")
        deleted.append((target.namespace, target.name, pod.metadata.uid))
      } catch {
        if case .notFound = error, parsed.flag("ignore-not-found") { continue }
        errors.append(KubectlError.api(error).text)
      }
    }
    if parsed.value("wait") != "false"
      && (!deleted.isEmpty || !deletedWorkloads.isEmpty || !deletedNamespaces.isEmpty || !deletedClaims.isEmpty)
    {
      let maxGrace = 3600
      try context.wait(seconds: Int64(maxGrace)) { cluster in
        deleted.allSatisfy { cluster.pod($0.1, namespace: $0.0)?.metadata.uid != $0.2 }
          && deletedNamespaces.allSatisfy { cluster.namespaces[$0] == nil }
          && deletedClaims.allSatisfy { cluster.claims[$0] == nil }
          && deletedWorkloads.allSatisfy { type, key in
            switch type {
            case .deployments: return cluster.deployments[key] == nil
            case .replicaSets: return cluster.replicaSets[key] == nil
            case .daemonSets: return cluster.daemonSets[key] == nil
            case .replicationControllers: return cluster.replicationControllers[key] == nil
            default: return true
            }
          }
      }
    } else {
      try context.settle()
    }
    if !errors.isEmpty {
      for error in errors { output.line(error) }
      context.failed = true
    }
  }
}
