import KubeSim

/// `kubectl set SUBCOMMAND ...`: the subcommands kubebook simulates.
enum SetCommand {
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let rest = Array(arguments.dropFirst())
    switch arguments.first {
    case "image": try SetImageCommand.run(rest, context: &context, output: &output)
    case "env": try SetEnvCommand.run(rest, context: &context, output: &output)
    case "resources": try SetResourcesCommand.run(rest, context: &context, output: &output)
    default:
      throw .plain("kubebook simulates only \"kubectl set image\", \"kubectl set env\" and \"kubectl set resources\"")
    }
  }
}
