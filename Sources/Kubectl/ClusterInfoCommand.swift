import KubeSim

/// `kubectl cluster-info` (`kubectl/pkg/cmd/clusterinfo`): the API server of the current
/// context, then every Service labelled `kubernetes.io/cluster-service=true` in `kube-system`
/// (or `-n`), linked through the API server's service proxy.
enum ClusterInfoCommand {
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "cluster-info", specs: []).parse(arguments)
    // kubectl reads no arguments here (extra ones are ignored); `dump` is a subcommand.
    if parsed.positional.first == "dump" {
      throw .plain("kubebook does not simulate \"kubectl cluster-info dump\" yet")
    }
    let host = context.kubeconfig.server ?? ""
    let namespace = parsed.value("namespace") ?? "kube-system"
    output.line("Kubernetes control plane is running at \(host)")
    let services = context.cluster.services.filter {
      $0.value.metadata.namespace == namespace && $0.value.metadata.labels["kubernetes.io/cluster-service"] == "true"
    }
    for (_, service) in services.sorted(by: { $0.key < $1.key }) {
      var name = service.metadata.name
      if let port = service.ports.first {
        // kubectl guesses https from the port's name or number (utilnet.JoinSchemeNamePort).
        let scheme = port.name == "https" || port.port == 443 ? "https" : ""
        let portName = port.name ?? ""
        if !scheme.isEmpty {
          name = "\(scheme):\(name):\(portName)"
        } else if !portName.isEmpty {
          name = "\(name):\(portName)"
        }
      }
      let link = "\(host)/api/v1/namespaces/\(namespace)/services/\(name)/proxy"
      let title =
        service.metadata.labels["kubernetes.io/name"].flatMap { $0.isEmpty ? nil : $0 } ?? service.metadata.name
      output.line("\(title) is running at \(link)")
    }
    output.line("")
    output.line("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.")
  }
}
