import KubeSim

/// The `sim` commands of the scenario contract: what only a simulator can do.
enum SimCommand {
  static let usage =
    "sim: usage: sim node fail|recover NODE, sim node add NAME [cpu=4] [memory=8Gi], sim pod crash POD, sim image missing IMAGE, sim load KIND/NAME cpu=..."

  static func run(_ arguments: [String], cluster: inout Cluster) -> CommandResult {
    do {
      return CommandResult(output: try perform(arguments, cluster: &cluster) + "\n")
    } catch let error as SimError {
      return CommandResult(output: "sim: " + error.message + "\n", exitCode: 1)
    } catch {
      return CommandResult(output: "sim: \(error)\n", exitCode: 1)
    }
  }

  struct SimError: Error {
    var message: String
  }

  /// Runs simulator calls, turning an API error into a `sim` error.
  static func api(_ body: () throws(APIError) -> Void) throws(SimError) {
    do { try body() } catch { throw SimError(message: error.message) }
  }

  static func perform(_ arguments: [String], cluster: inout Cluster) throws -> String {
    guard arguments.count >= 2 else { throw SimError(message: "missing arguments\n" + usage) }
    switch (arguments[0], arguments[1]) {
    case ("node", "fail"), ("node", "recover"):
      guard arguments.count == 3 else { throw SimError(message: "usage: sim node \(arguments[1]) NODE") }
      let name = arguments[2]
      guard cluster.nodes[name] != nil else { throw SimError(message: "node \"\(name)\" not found") }
      if arguments[1] == "fail" {
        try api { () throws(APIError) in
          try cluster.failNode(name)
          try cluster.settle()
        }
        return "node/\(name) stopped reporting (its kubelet is unreachable)"
      }
      try api { () throws(APIError) in
        try cluster.recoverNode(name)
        try cluster.settle()
      }
      return "node/\(name) reports again"
    case ("node", "add"):
      guard arguments.count >= 3 else { throw SimError(message: "usage: sim node add NAME [cpu=4] [memory=8Gi]") }
      var cpu = 4000
      var memory: Int64 = 8 * 1024 * 1024 * 1024
      for option in arguments.dropFirst(3) {
        let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw SimError(message: "expected key=value, got \"\(option)\"") }
        switch parts[0] {
        case "cpu": cpu = Int(try capacity(parts[1], resource: "cpu"))
        case "memory": memory = try capacity(parts[1], resource: "memory")
        default:
          throw SimError(message: "unknown option \"\(parts[0])\" (cpu= or memory=)")
        }
      }
      try api { () throws(APIError) in
        try cluster.addWorker(arguments[2], cpuMillis: cpu, memoryBytes: memory)
        try cluster.settle()
      }
      return "node/\(arguments[2]) joined the cluster"
    case ("pod", "crash"):
      guard arguments.count >= 3 else { throw SimError(message: "usage: sim pod crash POD [-n NAMESPACE]") }
      let name = arguments[2]
      var namespace = "default"
      if arguments.count >= 5, arguments[3] == "-n" || arguments[3] == "--namespace" { namespace = arguments[4] }
      guard cluster.pod(name, namespace: namespace) != nil else {
        throw SimError(message: "pod \"\(name)\" not found in namespace \"\(namespace)\"")
      }
      try api { () throws(APIError) in
        try cluster.crashPod(name, namespace: namespace)
        try cluster.settle()
      }
      return "pod/\(name): its container exited with an error (exit code 1)"
    case ("image", "missing"):
      guard arguments.count == 3 else { throw SimError(message: "usage: sim image missing IMAGE") }
      cluster.markImageMissing(arguments[2])
      return "image \(arguments[2]) can no longer be pulled (the registry says: not found)"
    case ("load", _):
      guard arguments.count == 3, let slash = arguments[1].firstIndex(of: "/"), arguments[2].hasPrefix("cpu=") else {
        throw SimError(message: "usage: sim load KIND/NAME cpu=PERCENT% (of the pods' requests) or cpu=MILLICORES")
      }
      let kindName = String(arguments[1][..<slash]).lowercased()
      let name = String(arguments[1][arguments[1].index(after: slash)...])
      let kinds = [
        "deployment": "Deployment", "deploy": "Deployment", "statefulset": "StatefulSet", "sts": "StatefulSet",
        "replicaset": "ReplicaSet", "rs": "ReplicaSet",
      ]
      guard let kind = kinds[kindName] else {
        throw SimError(message: "sim load works on deployments, statefulsets and replicasets")
      }
      let key = "default/" + name
      let exists =
        kind == Deployment.resource.kind
        ? cluster.deployments[key] != nil
        : kind == StatefulSet.resource.kind ? cluster.statefulSets[key] != nil : cluster.replicaSets[key] != nil
      guard exists else { throw SimError(message: "\(kindName) \"\(name)\" not found in namespace \"default\"") }
      let value = String(arguments[2].dropFirst(4))
      if value.hasSuffix("%") {
        guard let percent = Int(value.dropLast()), percent >= 0 else {
          throw SimError(message: "invalid cpu \"\(value)\": a percentage is a whole number from 0")
        }
        cluster.setLoad(kind: kind, name: name, namespace: "default", percent: percent, millicores: nil)
      } else {
        let millicores = Int(try capacity(value, resource: "cpu"))
        cluster.setLoad(kind: kind, name: name, namespace: "default", percent: nil, millicores: millicores)
      }
      let total = cluster.loads.last?.millicores ?? 0
      return "\(kindName)/\(name) now receives a steady CPU demand of \(total)m, shared by its ready pods"
    case ("pod", _), ("image", _):
      throw SimError(message: "\"sim \(arguments[0]) \(arguments[1])\" is not simulated yet")
    default:
      throw SimError(message: "unknown command \"\(arguments.prefix(2).joined(separator: " "))\"\n" + usage)
    }
  }
}

extension SimCommand {
  /// A non-negative amount of `resource` (millicores of CPU, bytes of memory) from a
  /// quantity, with apimachinery's error for text that is no quantity
  /// (`quantities must match the regular expression ...`).
  static func capacity(_ text: String, resource: String) throws(SimError) -> Int64 {
    let amount: Int64
    do { amount = try ResourceRequirements.amount(resource, text) } catch {
      throw SimError(message: "invalid \(resource) \"\(text)\": \(error.message)")
    }
    // The API server's ValidateNonnegativeQuantity (pkg/apis/core/validation/validation.go).
    guard amount >= 0 else {
      throw SimError(message: "invalid \(resource) \"\(text)\": must be greater than or equal to 0")
    }
    return amount
  }
}
