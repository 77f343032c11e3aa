import KubeSim

/// Tab completion for `kubectl` command lines typed into `kubebook shell`: the subcommands
/// the simulator serves, their flags, resource types, the names of objects that exist in the
/// cluster, namespaces after `-n` and the page's files after `-f`. Like kubectl's own
/// completion (`kubectl __complete`), it offers only words, never runs anything.
public enum KubectlCompletion {
  /// The subcommands the simulator carries out, alphabetically (``KubectlCommands``).
  public static let commands = words(following: [])

  /// Subcommands of the commands that have them (`rollout status`).
  static let subcommands: [String: [String]] = Dictionary(
    uniqueKeysWithValues: commands.map { ($0, words(following: [$0])) }.filter { !$0.1.isEmpty })

  /// The second-level subcommands (`create secret generic`, `create service nodeport`).
  static let nestedSubcommands: [String: [String]] = Dictionary(
    uniqueKeysWithValues: subcommands.flatMap { command, children in
      children.map { "\(command) \($0)" }
    }.map { ($0, words(following: $0.split(separator: " ").map(String.init))) }.filter { !$0.1.isEmpty })

  /// The words that follow `path` in the simulated command paths, alphabetically.
  static func words(following path: [String]) -> [String] {
    Set(
      KubectlCommands.runners.keys.compactMap { key -> String? in
        let words = key.split(separator: " ").map(String.init)
        return words.count > path.count && Array(words.prefix(path.count)) == path ? words[path.count] : nil
      }
    ).sorted()
  }

  /// The flags each command path accepts besides the global ones.
  static let flags: [String: [FlagParser.Spec]] = [
    "annotate": LabelCommand.flags, "apply": ApplyCommand.flags, "attach": AttachCommand.flags,
    "autoscale": AutoscaleCommand.flags, "cp": CopyCommand.flags, "debug": DebugCommand.flags,
    "port-forward": PortForwardCommand.flags,
    "create configmap": CreateConfigCommand.flags, "create cronjob": CreateCronJobCommand.flags,
    "create deployment": CreateDeploymentCommand.flags, "create ingress": CreateIngressCommand.flags,
    "create job": CreateJobCommand.flags, "create namespace": CreateNamespaceCommand.flags,
    "create secret generic": CreateConfigCommand.flags, "create service": CreateServiceCommand.flags,
    "create": ApplyCommand.flags, "delete": DeleteCommand.flags,
    "describe": [.init(name: "selector", short: "l", takesValue: true)], "diff": DiffCommand.flags,
    "drain": NodeCommands.drainFlags, "edit": EditCommand.flags, "replace": ReplaceCommand.flags,
    "exec": ExecCommand.flags, "expose": ExposeCommand.flags, "get": GetCommand.flags, "label": LabelCommand.flags,
    "logs": LogsCommand.flags, "rollout": RolloutCommand.flags, "run": RunCommand.flags,
    "scale": ScaleCommand.flags, "taint": TaintCommand.flags, "top": TopCommand.flags, "wait": WaitCommand.flags,
  ]

  /// The resource types whose objects a rollout command takes.
  static let rolloutTypes: [ResourceType] = [.daemonSets, .deployments, .statefulSets]

  /// The words that can stand where `partial` is being typed, after `kubectl` and `words`
  /// (the complete words typed before it), sorted and without duplicates. Names are offered
  /// from `-n`'s namespace, else `defaultNamespace` (the kubeconfig context's); the names of
  /// contexts, clusters and users from `kubeconfig`.
  public static func candidates(
    after words: [String], partial: String, cluster: Cluster, files: VirtualDirectory,
    defaultNamespace: String = "default", kubeconfig: Kubeconfig? = nil
  ) -> [String] {
    let line = Line(words)
    var offered: [String]
    if let flag = line.pendingFlag {
      offered = values(of: flag, line: line, cluster: cluster, files: files)
    } else if partial.hasPrefix("-") {
      offered = specs(for: line.path).filter { $0.name.count > 1 }.map { "--" + $0.name }
    } else {
      offered =
        kubeconfigNames(line: line, kubeconfig: kubeconfig)
        ?? positionals(line: line, partial: partial, cluster: cluster, defaultNamespace: defaultNamespace)
    }
    return Array(Set(offered.filter { $0.hasPrefix(partial) })).sorted()
  }

  /// What a command line says so far: its command path, positional words and flags.
  struct Line {
    var command: String?
    /// `create deployment`, `rollout status`: the command with its subcommands.
    var path = ""
    /// Positional words after the command path.
    var positional: [String] = []
    var namespace: String?
    /// A flag that takes a value and is the last word typed: its value is being completed.
    var pendingFlag: String?

    init(_ words: [String]) {
      var expectsValue: String?
      for word in words {
        if let flag = expectsValue {
          if flag == "namespace" { namespace = word }
          expectsValue = nil
          continue
        }
        if word.hasPrefix("-") && word.count > 1 {
          let name = Self.flagName(word, path: path.isEmpty ? command ?? "" : path)
          if word.hasPrefix("--"), word.contains("=") {
            if name == "namespace" { namespace = String(word.drop { $0 != "=" }.dropFirst()) }
            continue
          }
          if Self.takesValue(name, path: path.isEmpty ? command ?? "" : path) { expectsValue = name }
          continue
        }
        if command == nil {
          command = word
          path = word
        } else if positional.isEmpty, Self.isSubcommand(word, of: path) {
          path += " " + word
        } else {
          positional.append(word)
        }
      }
      pendingFlag = expectsValue
    }

    /// `namespace` for `-n`, `--namespace` and `--namespace=...`; a short flag is looked up
    /// in the command's own table (`-f` is `--filename` for `apply`, `--follow` for `logs`).
    static func flagName(_ word: String, path: String) -> String {
      if word.hasPrefix("--") { return String(word.dropFirst(2).prefix { $0 != "=" }) }
      let short = word.dropFirst().first
      return KubectlCompletion.specs(for: path).first { $0.short == short }?.name ?? String(word.dropFirst())
    }

    static func takesValue(_ name: String, path: String) -> Bool {
      KubectlCompletion.specs(for: path).first { $0.name == name }?.takesValue ?? false
    }

    static func isSubcommand(_ word: String, of path: String) -> Bool {
      (KubectlCompletion.subcommands[path] ?? KubectlCompletion.nestedSubcommands[path] ?? []).contains(word)
    }
  }

  /// The flags of the command path, or of its nearest parent that has a list, and the
  /// global ones.
  static func specs(for path: String) -> [FlagParser.Spec] {
    var key = path
    var own: [FlagParser.Spec] = []
    while !key.isEmpty {
      if let found = flags[key] {
        own = found
        break
      }
      key = String(key[..<(key.lastIndex(of: " ") ?? key.startIndex)])
    }
    return own + FlagParser.global + [.init(name: "help", short: "h", takesValue: false)]
  }

  /// Values for the flag being completed.
  static func values(of flag: String, line: Line, cluster: Cluster, files: VirtualDirectory) -> [String] {
    switch flag {
    case "namespace": return cluster.namespaces.keys.map { $0 }
    case "filename": return files.files.keys.map { $0 }
    case "output": return ["json", "name", "wide", "yaml"]
    default: return []
    }
  }

  /// Positional words: subcommands, resource types, `TYPE/NAME` and names.
  static func positionals(line: Line, partial: String, cluster: Cluster, defaultNamespace: String) -> [String] {
    guard line.command != nil else { return commands }
    if line.positional.isEmpty, let offered = subcommands[line.path] ?? nestedSubcommands[line.path] {
      return offered
    }
    let namespace = line.namespace ?? defaultNamespace
    switch line.path {
    case "get", "describe", "delete", "label", "annotate", "explain", "wait", "scale", "autoscale", "expose", "edit":
      let scalable: [ResourceType] = [.deployments, .replicaSets, .replicationControllers, .statefulSets]
      let types = line.path == "scale" || line.path == "autoscale" ? scalable : ResourceType.all
      if let slash = partial.firstIndex(of: "/") {
        guard let type = ResourceType.resolve(String(partial[..<slash])) else { return [] }
        return names(type, namespace: namespace, cluster: cluster).map { partial[...slash] + $0 }
      }
      guard let first = line.positional.first else {
        let plural = types.map(\.plural)
        return line.path == "get" ? plural + ["all"] : plural
      }
      guard line.path != "explain", !first.contains("/"), let type = ResourceType.resolve(first) else { return [] }
      return names(type, namespace: namespace, cluster: cluster)
    case "rollout status", "rollout history", "rollout undo", "rollout pause", "rollout resume", "rollout restart",
      "set image":
      guard line.positional.isEmpty else { return [] }
      if let slash = partial.firstIndex(of: "/") {
        guard let type = ResourceType.resolve(String(partial[..<slash])), rolloutTypes.contains(type) else {
          return []
        }
        return names(type, namespace: namespace, cluster: cluster).map { partial[...slash] + $0 }
      }
      return rolloutTypes.map { $0.singular + "/" }
    case "logs", "exec", "top pod":
      guard line.positional.isEmpty else { return [] }
      return names(.pods, namespace: namespace, cluster: cluster)
    case "cordon", "uncordon", "drain", "top node":
      guard line.positional.isEmpty else { return [] }
      return names(.nodes, namespace: namespace, cluster: cluster)
    case "taint":
      // `SpecifiedResourceTypeAndNameCompletionFunc(f, ["node"])`: the type, then node names.
      guard let first = line.positional.first else { return ["node"] }
      guard ResourceType.resolve(first) == .nodes else { return [] }
      return names(.nodes, namespace: namespace, cluster: cluster)
    default:
      return []
    }
  }

  /// The entry names kubectl's `config` subcommands complete as their first argument
  /// (`ContextCompletionFunc`, `ClusterCompletionFunc`, `UserCompletionFunc`), or nil for
  /// other commands.
  static func kubeconfigNames(line: Line, kubeconfig: Kubeconfig?) -> [String]? {
    let entries: [String]
    switch line.path {
    case "config use-context", "config delete-context", "config rename-context", "config set-context":
      entries = kubeconfig.map { Array($0.contexts.keys) } ?? []
    case "config delete-cluster": entries = kubeconfig.map { Array($0.clusters.keys) } ?? []
    case "config delete-user": entries = kubeconfig.map { Array($0.users.keys) } ?? []
    default: return nil
    }
    return line.positional.isEmpty ? entries : []
  }

  static func names(_ type: ResourceType, namespace: String, cluster: Cluster) -> [String] {
    APIObject.list(type, namespace: type.namespaced ? namespace : nil, cluster: cluster).map(\.metadata.name)
  }
}
