import KubeSim

/// `kubectl completion SHELL`: the shell completion script the real kubectl prints, captured
/// from the v1.32 binary (``KubectlCompletionScripts``). The script calls `kubectl __complete`,
/// which only the real binary answers; in `kubebook shell`, Tab completes on its own.
enum CompletionCommand {
  static func run(_ arguments: [String], output: inout OutputBuffer) throws(KubectlError) {
    let parsed = try FlagParser(command: "completion", specs: []).parse(arguments)
    let usage = "\nSee 'kubectl completion -h' for help and examples"
    guard let shell = parsed.positional.first else { throw .plain("Shell not specified." + usage) }
    guard parsed.positional.count == 1 else {
      throw .plain("Too many arguments. Expected only the shell type." + usage)
    }
    guard let script = KubectlCompletionScripts.scripts[shell] else {
      throw .plain("Unsupported shell type \(Validation.quote(shell))." + usage)
    }
    output.write(script + "\n")
  }
}
