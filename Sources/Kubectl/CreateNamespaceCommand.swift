import KubeSim

/// `kubectl create namespace NAME`: unlike the other generators it returns the server's error
/// as is (`Error from server (AlreadyExists): namespaces "dev" already exists`).
enum CreateNamespaceCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "create namespace", specs: flags).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl create namespace -h' for help and examples"
      )
    }
    let name = parsed.positional[0]
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let saved = context.cluster
    if dryRunMode == .client {
      let object: JSONValue = .object([
        ("kind", .string("Namespace")), ("apiVersion", .string("v1")),
        ("metadata", .object([("name", .string(name)), ("creationTimestamp", .null)])),
        ("spec", .object([])), ("status", .object([])),
      ])
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: object))
      case .name: output.line("namespace/\(name)")
      default: output.line("namespace/\(name) created (dry run)")
      }
      return
    }
    do {
      try context.cluster.createNamespace(name)
    } catch {
      throw .api(error)
    }
    try context.finishCreate(
      Namespace.self, name: name, namespace: "", format: format, dryRun: dryRunMode, saved: saved,
      output: &output)
  }
}
