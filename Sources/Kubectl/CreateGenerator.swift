import KubeSim

/// What the simple `kubectl create KIND NAME` generators share (`create serviceaccount`,
/// `create role`, ...): the NAME check, and the end of `Run()`: print the object built
/// client-side (`--dry-run=client`) or create it through the API and print its name.
enum CreateGenerator {
  /// The flags every generator has (`PrintFlags`, `--dry-run`, `--save-config`).
  static let commonFlags: [FlagParser.Spec] = [
    .init(name: "dry-run", short: nil, takesValue: true),
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "save-config", short: nil, takesValue: false),
  ]

  /// `NameFromCommandArgs`: exactly one positional NAME.
  static func name(_ parsed: FlagParser.Parsed, command: String) throws(KubectlError) -> String {
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl create \(command) -h' for help and examples"
      )
    }
    return parsed.positional[0]
  }

  /// How the generator prints, read where `Complete()` reads it (before `Validate()`): the
  /// `-o` format and whether this is a client-side dry run.
  struct Printing {
    var format: OutputFormat
    var dryRun: Bool
  }

  /// `GetDryRunStrategy` and `PrintFlags.ToPrinter()`.
  static func printing(_ parsed: FlagParser.Parsed, context: CommandContext) throws(KubectlError) -> Printing {
    let dryRun = try DryRun.parse(parsed.value("dry-run"))
    return Printing(
      format: try OutputFormat.parse(parsed.value("output"), printers: .generic, files: context.files), dryRun: dryRun)
  }

  /// Prints `object` (a dry run) or creates it with `create` and prints `qualified created`;
  /// an API refusal is printed after `failurePrefix` (`failed to create serviceaccount: `),
  /// or as the server's error when `failurePrefix` is nil.
  static func finish(
    _ object: JSONValue, qualified: String, printing: Printing, failurePrefix: String?, group: String,
    context: inout CommandContext, output: inout OutputBuffer,
    create: (inout Cluster) throws(APIError) -> Void
  ) throws(KubectlError) {
    let format = printing.format
    if printing.dryRun {
      switch format {
      case .yaml, .json, .jsonPath: output.write(try format.printed(typed: object))
      case .name: output.line(qualified)
      default: output.line("\(qualified) created (dry run)")
      }
      return
    }
    do {
      try create(&context.cluster)
    } catch {
      guard let failurePrefix else { throw .api(error) }
      throw .generator(failurePrefix, error, group: group)
    }
    try context.settle()
    output.line(format == .name ? qualified : "\(qualified) created")
  }
}
