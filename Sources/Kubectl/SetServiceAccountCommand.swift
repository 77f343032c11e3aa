import KubeSim

/// `kubectl set serviceaccount (-f FILE | TYPE NAME) SERVICE_ACCOUNT`: the pod template's (or
/// pod's) `serviceAccountName` (kubectl `pkg/cmd/set/set_serviceaccount.go`); every object is
/// printed, changed or not, as kubectl patches each one. kubectl decodes these objects into Go
/// structs, so its `-o json` follows their field order; kubebook's prints keys sorted, as for
/// the objects a server sends.
enum SetServiceAccountCommand {
  static let flags: [FlagParser.Spec] = PodSpecEditor.commonFlags.filter {
    !["containers", "selector"].contains($0.name)
  }

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "set serviceaccount", specs: flags).parse(arguments)
    let dryRun = try PodSpecEditor.dryRun(parsed)
    guard let account = parsed.positional.last else { throw .plain("serviceaccount is required") }
    let resources = Array(parsed.positional.dropLast())
    let local = parsed.flag("local")
    var editor = PodSpecEditor(
      command: "set serviceaccount", operation: "serviceaccount updated",
      storeFailure: "failed to patch ServiceAccountName ", local: local, dryRun: dryRun,
      format: try OutputFormat.parse(parsed, printers: .generic, files: context.files))
    editor.printsUnchanged = true
    let targets = try editor.targets(parsed, resources: local ? [] : resources, context: context)
    let result = try editor.run(targets, context: &context, output: &output) { object, path, _ in
      object = object.setting(.string(account), at: path + ["serviceAccountName"])
    }
    PodSpecEditor.report(result.failures, context: &context, output: &output)
  }
}
