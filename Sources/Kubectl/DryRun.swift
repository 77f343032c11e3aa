import KubeSim

/// The `--dry-run` flag (`cmdutil.GetDryRunStrategy`).
enum DryRun {
  /// What `--dry-run` asks for.
  enum Mode: Equatable {
    /// No dry run: the request is stored.
    case none
    /// kubectl builds the object and prints it without sending it.
    case client
    /// The API server admits, defaults and validates the request and stores nothing.
    case server

    /// What kubectl appends to the operation it prints (`PrintFlagsWithDryRunStrategy`).
    var suffix: String {
      switch self {
      case .none: return ""
      case .client: return " (dry run)"
      case .server: return " (server dry run)"
      }
    }
  }

  /// The mode a `--dry-run` value names.
  static func mode(_ value: String?) throws(KubectlError) -> Mode {
    switch value {
    case nil, "none": return .none
    case "client", "true": return .client
    case "server": return .server
    case let other?:
      throw .plain("Invalid dry-run value (\(other)). Must be \"none\", \"server\", or \"client\".")
    }
  }

  /// Whether the value asks for a client-side dry run, for a command kubebook runs only for
  /// real or client-side.
  static func parse(_ value: String?) throws(KubectlError) -> Bool {
    switch try mode(value) {
    case .none: return false
    case .client: return true
    case .server:
      // A server dry run goes through admission and defaulting and prints the result; kubebook
      // does not model that path for this command, and must not create the object instead.
      throw .plain("kubebook simulates --dry-run=client; --dry-run=server is not simulated for this command yet")
    }
  }
}

/// How a command that wrote through the API ends, dry run or not.
extension CommandContext {
  /// Ends a command that wrote through the API: a server dry run puts back the cluster as it
  /// was before (`saved`), so nothing is stored and no controller acts; otherwise the
  /// controllers settle.
  mutating func finish(_ dryRun: DryRun.Mode, restoring saved: Cluster) throws(KubectlError) {
    if dryRun == .server {
      cluster = saved
    } else {
      try settle()
    }
  }

  /// The end of a command that created the `Kind` object `name` through the API: for
  /// `-o yaml|json|jsonpath`, the object as the server answered (a server dry run's with no
  /// resourceVersion); then the controllers settle, or a server dry run puts back `saved`;
  /// for the other formats, the object's name and `operation` with the dry run's suffix.
  mutating func finishCreate<Kind: KubectlResource>(
    _: Kind.Type, name: String, namespace: String, operation: String = "created", format: OutputFormat,
    dryRun: DryRun.Mode, saved: Cluster, output: inout OutputBuffer
  ) throws(KubectlError) {
    let qualified = Kind.resource.qualifiedKind + "/" + name
    switch format {
    case .yaml, .json, .jsonPath, .goTemplate:
      if var object = ApplyCommand.liveJSON(of: Kind.self, name, namespace: namespace, in: cluster) {
        if dryRun == .server { object = ApplyCommand.asDryRunAnswer(object, live: nil) }
        output.write(try format.printed(served: served(object, format: format)))
      }
      try finish(dryRun, restoring: saved)
    case .name:
      try finish(dryRun, restoring: saved)
      output.line(qualified)
    default:
      try finish(dryRun, restoring: saved)
      output.line(qualified + " " + operation + dryRun.suffix)
    }
  }
}
