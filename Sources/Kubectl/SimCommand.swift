import KubeSim

/// The `sim` commands of the scenario contract: what only a simulator can do.
enum SimCommand {
  static func run(_ arguments: [String], cluster: inout Cluster) -> CommandResult {
    let usage =
      "sim: usage: sim node fail|recover|add ..., sim pod crash POD, sim image missing IMAGE, sim load KIND/NAME cpu=..."
    guard let topic = arguments.first else {
      return CommandResult(output: usage + "\n", exitCode: 1)
    }
    switch topic {
    case "node", "pod", "image", "load":
      return CommandResult(
        output: "sim: \"sim \(arguments.prefix(2).joined(separator: " "))\" is not simulated yet\n", exitCode: 1)
    default:
      return CommandResult(output: "sim: unknown command \"\(topic)\"\n" + usage + "\n", exitCode: 1)
    }
  }
}
