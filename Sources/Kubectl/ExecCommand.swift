import KubeSim

/// `kubectl exec POD [-c CONTAINER] -- COMMAND [ARG...]`: the command runs in kubebook's
/// container shell (``Cluster/execute(_:in:container:)``) against the container's files (its
/// image's, the kubelet's, its volumes, and what was written since it started): `ls`, `cat`,
/// `echo`, `touch`, `rm`, `mkdir`, `env`, `printenv`, `hostname`, `date`, `test`, `sh -c
/// SCRIPT`, with BusyBox's or GNU coreutils' texts and exit codes. BusyBox 1.28's `nslookup
/// NAME` answers from cluster DNS, and BusyBox's `wget -qO- URL` through Services to pods.
/// Anything else is an honest "not simulated".
enum ExecCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "container", short: "c", takesValue: true),
    .init(name: "stdin", short: "i", takesValue: false),
    .init(name: "tty", short: "t", takesValue: false),
    .init(name: "quiet", short: "q", takesValue: false),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "exec", specs: flags).parse(arguments)
    guard let target = parsed.positional.first else {
      throw KubectlError(text: "error: pod, type/name or --filename must be specified")
    }
    if parsed.positional.count > 1 {
      throw KubectlError(
        text:
          "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples"
      )
    }
    guard let program = parsed.afterDash.first else {
      throw KubectlError(text: "error: you must specify at least one command for the container")
    }
    let namespace = context.namespace(parsed)
    let pod = try resolvePod(target, namespace: namespace, cluster: context.cluster)
    if pod.status.phase.isTerminal {
      throw .plain("cannot exec into a container in a completed pod; current phase is \(pod.status.phase.rawValue)")
    }
    var containerName = pod.spec.containers.first?.name ?? ""
    if let chosen = parsed.value("container") {
      guard pod.spec.containers.contains(where: { $0.name == chosen }) else {
        if pod.spec.ephemeralContainers.contains(where: { $0.container.name == chosen }) {
          throw .plain(
            "kubebook does not simulate kubectl exec in ephemeral containers yet (kubectl attach \(pod.metadata.name) -c \(chosen) -i -t attaches to one)"
          )
        }
        throw .plain("container \(chosen) not found in pod \(pod.metadata.name)")
      }
      containerName = chosen
    } else if pod.spec.containers.count > 1 {
      output.line(
        "Defaulted container \"\(containerName)\" out of: \(pod.spec.containers.map(\.name).joined(separator: ", "))")
    }
    guard context.cluster.isRunning(pod, container: containerName) else {
      throw .plain("unable to upgrade connection: container not found (\"\(containerName)\")")
    }
    let words = Array(parsed.afterDash.dropFirst())
    var exitCode = 0
    switch program {
    case "nslookup":
      let image = pod.spec.containers.first { $0.name == containerName }?.image ?? ""
      exitCode = try nslookup(words, image: image, pod: pod, cluster: context.cluster, output: &output)
    case "wget":
      let image = pod.spec.containers.first { $0.name == containerName }?.image ?? ""
      exitCode = try BusyBoxWget.run(words, pod: pod, image: image, cluster: &context.cluster, output: &output)
    case "tar":
      throw notSimulated(
        ([program] + words).joined(separator: " ") + " (kubebook makes no tar archives; kubectl cp copies single files)"
      )
    default:
      let result: Cluster.ExecResult
      do {
        result = try context.cluster.execute(parsed.afterDash, in: pod, container: containerName)
      } catch {
        if case .unsupported(let what) = error { throw .plain(what) }
        throw notSimulated(parsed.afterDash.joined(separator: " "))
      }
      output.write(result.output)
      exitCode = result.exitCode
    }
    if exitCode != 0 {
      output.line("command terminated with exit code \(exitCode)")
      context.failed = true
      if exitCode != 1 { context.exitCode = Int32(exitCode) }
    }
  }

  /// BusyBox 1.28's `nslookup NAME`, the image Kubernetes' DNS debugging guide uses (later
  /// BusyBox versions print differently and ignore the search list): the server and its PTR
  /// name, a blank line, then the name as typed and each address with its PTR name; or
  /// `can't resolve` on standard error and exit code 1.
  static func nslookup(_ words: [String], image: String, pod: Pod, cluster: Cluster, output: inout OutputBuffer)
    throws(KubectlError) -> Int
  {
    let reference = ImageReference(image)
    guard reference.baseName == "busybox", reference.tag == "1.28" else {
      throw .plain(
        "kubebook simulates nslookup only in busybox:1.28 (the image of Kubernetes' DNS debugging guide), not in \(image)"
      )
    }
    guard words.count == 1, let name = words.first, !name.hasPrefix("-") else {
      throw notSimulated("nslookup \(words.joined(separator: " ")) (kubebook simulates nslookup NAME)")
    }
    let dns = ClusterDNS(cluster)
    func addressLine(_ index: Int, _ ip: String) -> String {
      "Address \(index): \(ip)" + (dns.reverse(ip).map { " " + $0 } ?? "")
    }
    func padded(_ header: String) -> String { header + String(repeating: " ", count: max(0, 10 - header.count)) + " " }
    let answer = dns.resolve(name, from: pod.metadata.namespace ?? "default")
    if case .external(let target) = answer {
      throw .plain("kubebook has no network outside the cluster: it cannot look up \(target)")
    }
    output.line(padded("Server:") + dns.serverIP)
    output.line(addressLine(1, dns.serverIP))
    output.line("")
    switch answer {
    case .addresses(let ips):
      output.line(padded("Name:") + name)
      for (index, ip) in ips.enumerated() { output.line(addressLine(index + 1, ip)) }
      return 0
    case .notFound:
      output.line("nslookup: can't resolve '\(name)'")
      return 1
    case .external:
      return 1
    }
  }

  static func notSimulated(_ what: String) -> KubectlError {
    .plain("kubebook does not simulate running \"\(what)\" inside a container yet")
  }

  /// `POD`, `pod/POD` or `TYPE/NAME` (the first pod the workload's selector picks, as
  /// `attachablePodForObject` does, without a "Found N pods" line).
  static func resolvePod(_ target: String, namespace: String, cluster: Cluster) throws(KubectlError) -> Pod {
    guard let slash = target.firstIndex(of: "/") else {
      guard let pod = cluster.pod(target, namespace: namespace) else {
        throw .api(.notFound(resource: "pods", name: target))
      }
      return pod
    }
    let type = try ResourceArguments.resolve(String(target[..<slash]))
    let name = String(target[target.index(after: slash)...])
    guard let object = APIObject.lookup(type, name: name, namespace: namespace, cluster: cluster) else {
      throw .api(.notFound(resource: type.qualifiedResource, name: name))
    }
    if let pod = object.base as? Pod { return pod }
    guard let candidates = AttachablePod.candidates(for: object, namespace: namespace, cluster: cluster) else {
      // `fmt.Errorf("cannot attach to %T: %v", ...)`: every served kind's Go package is v1.
      throw .plain("cannot attach to *v1.\(type.kind): selector for *v1.\(type.kind) not implemented")
    }
    guard let pod = candidates.first else {
      throw .plain(
        "kubebook: \(type.singular) \"\(name)\" has no pod to run the command in (kubectl would wait up to --pod-running-timeout for one)"
      )
    }
    return pod
  }
}
