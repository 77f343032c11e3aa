import KubeSim

/// `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT...`: finds the pod and its
/// ports as kubectl v1.32 does (`portforward.go`: a Service's ports translated to its pods'
/// target ports, named container ports, kubectl's errors) and prints client-go's
/// `Forwarding from 127.0.0.1:8080 -> 80` lines for each listen address.
///
/// In lessons and builds the forward does not listen: the command ends after those lines,
/// where a real kubectl keeps forwarding until Ctrl-C. In `kubebook shell` on a terminal a
/// ``PortForwarder`` listens on 127.0.0.1 (not on ::1, whose line kubectl still prints) and
/// each connection gets what the pod would answer (``PortForwardResponder``).
enum PortForwardCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "address", short: nil, takesValue: true, repeatable: true),
    .init(name: "pod-running-timeout", short: nil, takesValue: true, isDuration: true),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "port-forward", specs: flags).parse(arguments)
    let words = parsed.positional + parsed.afterDash
    guard words.count >= 2 else {
      throw KubectlError(
        text:
          "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples"
      )
    }
    if let timeout = parsed.duration("pod-running-timeout"), timeout <= 0 {
      throw KubectlError(
        text:
          "error: --pod-running-timeout must be higher than zero\nSee 'kubectl port-forward -h' for help and examples")
    }
    let namespace = context.namespace(parsed)
    let target = words[0]
    let requested = Array(words.dropFirst())
    let pod = try ExecCommand.resolvePod(target, namespace: namespace, cluster: context.cluster)
    let ports: [String]
    if let service = try service(named: target, namespace: namespace, cluster: context.cluster) {
      try checkUDP(requested, udpOnly: udpOnly(service.ports.map { ($0.port, $0.protocol) })) {
        name throws(KubectlError) in
        try servicePort(named: name, in: service)
      }
      ports = try translate(requested, service: service, pod: pod)
    } else {
      let containerPorts = pod.spec.containers.flatMap(\.ports)
      try checkUDP(requested, udpOnly: udpOnly(containerPorts.map { ($0.containerPort, $0.protocol) })) {
        name throws(KubectlError) in try containerPort(named: name, in: pod)
      }
      ports = try convertNamedPorts(requested, pod: pod)
    }
    if pod.status.phase != .running {
      throw .plain(
        "unable to forward port because pod is not running. Current status=\(pod.status.phase.rawValue)")
    }
    let addresses = try listenAddresses(parsed.all("address").flatMap { $0.split(separator: ",").map(String.init) })
    let forwards = try parsePorts(ports)
    var header = ""
    for forward in forwards {
      for address in addresses {
        let host = address.contains(":") ? "[\(address)]" : address
        header += "Forwarding from \(host):\(forward.local) -> \(forward.remote)\n"
      }
    }
    guard let forwarder = context.portForwarder else {
      output.write(header)
      return
    }
    if let other = addresses.first(where: { $0 != "127.0.0.1" && $0 != "::1" }) {
      throw .plain("kubebook listens on 127.0.0.1 only, not on \(other)")
    }
    let responder = PortForwardResponder(
      cluster: context.cluster, podKey: Cluster.key(pod.metadata.namespace ?? namespace, pod.metadata.name),
      localPorts: Dictionary(
        forwards.map { (Int($0.remote), UInt16($0.local)) }, uniquingKeysWith: { first, _ in first }))
    let session = PortForwardSession(
      header: header, ports: forwards.map { (UInt16($0.local), Int($0.remote)) },
      answer: { remote, request in responder.answer(remote: remote, request: request) })
    let end = forwarder.forward(session)
    output.write(end.output)
    if end.status != 0 { context.failed = true }
  }

  /// The Service `target` names (`svc/NAME`, `service/NAME`), or nil for other kinds.
  static func service(named target: String, namespace: String, cluster: Cluster) throws(KubectlError) -> Service? {
    guard let slash = target.firstIndex(of: "/") else { return nil }
    let type = try ResourceArguments.resolve(String(target[..<slash]))
    guard type == Service.resource else { return nil }
    return cluster.services[Cluster.key(namespace, String(target[target.index(after: slash)...]))]
  }

  /// `splitPort`: `LOCAL:REMOTE`, or one port for both.
  static func split(_ port: String) -> (local: String, remote: String) {
    let parts = port.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    return parts.count == 2 ? (parts[0], parts[1]) : (parts[0], parts[0])
  }

  /// The ports only UDP serves (UDP minus TCP): kubectl cannot forward those.
  static func udpOnly(_ ports: [(Int, APIField<PortProtocol>)]) -> Set<Int> {
    let udp = Set(ports.filter { $0.1 == .known(.udp) }.map(\.0))
    let tcp = Set(ports.filter { $0.1 == .known(.tcp) }.map(\.0))
    return udp.subtracting(tcp)
  }

  /// `checkUDPPorts`: a remote port (by number, or by name through `lookup`) that only UDP
  /// serves is refused.
  static func checkUDP(
    _ ports: [String], udpOnly: Set<Int>, lookup: (String) throws(KubectlError) -> Int
  ) throws(KubectlError) {
    for port in ports {
      let remote = split(port).remote
      let number: Int
      if case .success(let value) = GoStrconv.atoi(remote) { number = value } else { number = try lookup(remote) }
      if udpOnly.contains(number) { throw .plain("UDP protocol is not supported for \(remote)") }
    }
  }

  /// `LookupServicePortNumberByName`.
  static func servicePort(named name: String, in service: Service) throws(KubectlError) -> Int {
    // An unnamed port's name is "" in Go, so `8080:` finds it.
    guard let port = service.ports.first(where: { ($0.name ?? "") == name }) else {
      throw .plain("Service '\(service.metadata.name)' does not have a named port '\(name)'")
    }
    return port.port
  }

  /// `LookupContainerPortNumberByName`.
  static func containerPort(named name: String, in pod: Pod) throws(KubectlError) -> Int {
    guard let port = pod.spec.containers.flatMap(\.ports).first(where: { ($0.name ?? "") == name }) else {
      throw .plain("Pod '\(pod.metadata.name)' does not have a named port '\(name)'")
    }
    return port.containerPort
  }

  /// `translateServicePortToTargetPort`: each Service port becomes the pod's target port.
  static func translate(_ ports: [String], service: Service, pod: Pod) throws(KubectlError) -> [String] {
    var translated: [String] = []
    for port in ports {
      var (local, remote) = split(port)
      let number: Int
      if case .success(let value) = GoStrconv.atoi(remote) {
        number = value
      } else {
        number = try servicePort(named: remote, in: service)
        if local == remote { local = String(number) }
      }
      // `LookupContainerPortNumberByServicePort`.
      guard let servicePort = service.ports.first(where: { $0.port == number }) else {
        throw .plain("Service \(service.metadata.name) does not have a service port \(number)")
      }
      var target = number
      if !service.isHeadless {
        switch servicePort.targetPort {
        case .number(let value): target = value == 0 ? servicePort.port : value
        case .name(let name): target = try containerPort(named: name, in: pod)
        }
      }
      remote = String(target)
      translated.append(local != remote ? "\(local):\(remote)" : remote)
    }
    return translated
  }

  /// `convertPodNamedPortToNumber`: named container ports become numbers.
  static func convertNamedPorts(_ ports: [String], pod: Pod) throws(KubectlError) -> [String] {
    var converted: [String] = []
    for port in ports {
      let (local, remote) = split(port)
      if remote.isEmpty { throw .plain("remote port cannot be empty") }
      var number = remote
      if case .failure = GoStrconv.atoi(remote) { number = String(try containerPort(named: remote, in: pod)) }
      converted.append(local != remote ? "\(local):\(number)" : number)
    }
    return converted
  }

  /// client-go's `parseAddresses`: `localhost` is 127.0.0.1 and ::1; each address once, in
  /// string order.
  static func listenAddresses(_ given: [String]) throws(KubectlError) -> [String] {
    var addresses = Set<String>()
    for address in given.isEmpty ? ["localhost"] : given {
      if address == "localhost" {
        addresses.formUnion(["127.0.0.1", "::1"])
      } else if ClusterDNS.isIPv4(address) || isIPv6(address) {
        addresses.insert(address)
      } else {
        throw .plain("\(address) is not a valid IP")
      }
    }
    return addresses.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  /// Whether `text` is an IPv6 address: up to eight groups of 1–4 hex digits, one `::` at most.
  static func isIPv6(_ text: String) -> Bool {
    guard text.contains(":"), text.components(separatedBy: "::").count <= 2 else { return false }
    let groups = text.split(separator: ":", omittingEmptySubsequences: false)
    guard groups.count <= 8 else { return false }
    let nonEmpty = groups.filter { !$0.isEmpty }
    if !text.contains("::") && nonEmpty.count != 8 { return false }
    return nonEmpty.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }
  }

  /// One forwarded port.
  struct Forward {
    var local: UInt64
    var remote: UInt64
  }

  /// client-go's `parsePorts`, with its errors. A local port of 0 asks the system for a free
  /// port, which kubebook, having no listener, cannot choose.
  static func parsePorts(_ ports: [String]) throws(KubectlError) -> [Forward] {
    var forwards: [Forward] = []
    for port in ports {
      let parts = port.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      guard parts.count <= 2 else { throw .plain("invalid port format '\(port)'") }
      let localText = parts.count == 2 ? (parts[0].isEmpty ? "0" : parts[0]) : parts[0]
      let remoteText = parts.count == 2 ? parts[1] : parts[0]
      let local: UInt64
      switch GoStrconv.parseUint(localText, bits: 16) {
      case .success(let value): local = value
      case .failure(let error): throw .plain("error parsing local port '\(localText)': \(error.message)")
      }
      let remote: UInt64
      switch GoStrconv.parseUint(remoteText, bits: 16) {
      case .success(let value): remote = value
      case .failure(let error): throw .plain("error parsing remote port '\(remoteText)': \(error.message)")
      }
      if remote == 0 { throw .plain("remote port must be > 0") }
      if local == 0 {
        throw .plain(
          "kubebook does not simulate a random local port (the system picks a free one); name the local port, as in 8080:\(remote)"
        )
      }
      forwards.append(Forward(local: local, remote: remote))
    }
    return forwards
  }
}
