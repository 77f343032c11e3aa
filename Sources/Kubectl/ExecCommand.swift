import KubeSim

/// `kubectl exec POD [-c CONTAINER] -- COMMAND [ARG...]` for the commands whose output does
/// not depend on the image: `printenv NAME...` (and `env` in BusyBox and Alpine), `cat FILE...` and `ls DIR` on ConfigMap and
/// Secret volumes, `hostname` and `echo`; BusyBox 1.28's `nslookup NAME` against cluster
/// DNS; and BusyBox's `wget -qO- URL` through Services to pods. Anything else is an honest
/// "not simulated".
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
    case "env" where words.isEmpty, "printenv" where words.isEmpty:
      let image = pod.spec.containers.first { $0.name == containerName }?.image ?? ""
      for (name, value) in try fullEnvironment(pod, container: containerName, image: image, cluster: context.cluster) {
        output.line("\(name)=\(value)")
      }
    case "printenv":
      let environment = context.cluster.environment(of: pod, container: containerName)
      for word in words {
        if let value = environment.last(where: { $0.0 == word })?.1 {
          output.line(value)
        } else {
          exitCode = 1
        }
      }
    case "cat":
      let files = context.cluster.mountedFiles(of: pod, container: containerName)
      for path in words {
        guard let content = files[path] else {
          if isMountedDirectory(path, files: files) {
            output.line("cat: \(path): Is a directory")
            exitCode = 1
            continue
          }
          throw notSimulated("cat \(path) (kubebook knows only the files of ConfigMap and Secret volumes)")
        }
        output.write(content)
      }
    case "ls":
      let files = context.cluster.mountedFiles(of: pod, container: containerName)
      guard words.count == 1, let directory = words.first, isMountedDirectory(directory, files: files) else {
        throw notSimulated("ls \(words.joined(separator: " ")) (kubebook lists only ConfigMap and Secret volumes)")
      }
      let prefix = directory.hasSuffix("/") ? directory : directory + "/"
      for path in files.keys.filter({ $0.hasPrefix(prefix) }).sorted() {
        output.line(String(path.dropFirst(prefix.count)))
      }
    case "nslookup":
      let image = pod.spec.containers.first { $0.name == containerName }?.image ?? ""
      exitCode = try nslookup(words, image: image, pod: pod, cluster: context.cluster, output: &output)
    case "wget":
      let image = pod.spec.containers.first { $0.name == containerName }?.image ?? ""
      exitCode = try BusyBoxWget.run(words, pod: pod, image: image, cluster: &context.cluster, output: &output)
    case "hostname":
      output.line(pod.spec.hostname ?? pod.metadata.name)
    case "echo":
      output.line(words.joined(separator: " "))
    default:
      throw notSimulated(([program] + words).joined(separator: " "))
    }
    if exitCode != 0 {
      output.line("command terminated with exit code \(exitCode)")
      context.failed = true
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

  /// The whole environment of a process in a BusyBox or Alpine container, in the order the
  /// runtime builds it: the image's `PATH`, `HOSTNAME`, the kubelet's variables (the
  /// container's own, then the Services' — the kubelet assembles those in Go map order, so a
  /// real cluster shuffles them), and `HOME`, which runc adds last. Other images bring
  /// variables of their own (nginx: `NGINX_VERSION`, …) that kubebook does not know.
  static func fullEnvironment(_ pod: Pod, container: String, image: String, cluster: Cluster) throws(KubectlError)
    -> [(String, String)]
  {
    guard ["busybox", "alpine"].contains(ImageReference(image).baseName) else {
      throw .plain(
        "kubebook knows the full environment of busybox and alpine containers only (\(image) adds variables of its own); try printenv NAME"
      )
    }
    var environment = [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")]
    for (name, value) in cluster.environment(of: pod, container: container) {
      if let index = environment.firstIndex(where: { $0.0 == name }) {
        environment[index].1 = value
      } else {
        environment.append((name, value))
      }
    }
    if !environment.contains(where: { $0.0 == "HOME" }) { environment.append(("HOME", "/root")) }
    return environment
  }

  static func isMountedDirectory(_ path: String, files: [String: String]) -> Bool {
    let prefix = path.hasSuffix("/") ? path : path + "/"
    return files.keys.contains { $0.hasPrefix(prefix) }
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
