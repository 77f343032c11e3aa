import KubeSim

/// `kubectl debug` as kubectl v1.32's `debug.go` runs it with the default (`legacy`) profile:
/// an ephemeral container added to a pod (`--target` names the container whose processes it
/// joins), a copy of the pod with a debug container (`--copy-to`), or a pod on a node
/// (`node/NAME`: `node-debugger-NODE-xxxxx`, the node's root at `/host`, its namespaces);
/// with `-i` or `--attach` it waits for the container and attaches (``AttachSession``).
///
/// The names kubectl makes up (`debugger-xxxxx`) come from a seeded stream. Profiles other
/// than `legacy` change container security contexts, which kubebook does not model, so they
/// are refused, as is `--custom`.
enum DebugCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "arguments-only", short: nil, takesValue: false),
    .init(name: "attach", short: nil, takesValue: false),
    .init(name: "container", short: "c", takesValue: true),
    .init(name: "copy-to", short: nil, takesValue: true),
    .init(name: "replace", short: nil, takesValue: false),
    .init(name: "env", short: nil, takesValue: true, repeatable: true),
    .init(name: "image", short: nil, takesValue: true),
    .init(name: "keep-labels", short: nil, takesValue: false),
    .init(name: "keep-annotations", short: nil, takesValue: false),
    .init(name: "keep-liveness", short: nil, takesValue: false),
    .init(name: "keep-readiness", short: nil, takesValue: false),
    .init(name: "keep-startup", short: nil, takesValue: false),
    .init(name: "keep-init-containers", short: nil, takesValue: false),
    .init(name: "set-image", short: nil, takesValue: true, repeatable: true),
    .init(name: "image-pull-policy", short: nil, takesValue: true),
    .init(name: "stdin", short: "i", takesValue: false),
    .init(name: "quiet", short: "q", takesValue: false),
    .init(name: "same-node", short: nil, takesValue: false),
    .init(name: "share-processes", short: nil, takesValue: false),
    .init(name: "target", short: nil, takesValue: true),
    .init(name: "tty", short: "t", takesValue: false),
    .init(name: "profile", short: nil, takesValue: true),
    .init(name: "custom", short: nil, takesValue: true),
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
  ]

  /// What the command line asks for, read as `Complete` reads it.
  struct Options {
    var targets: [String]
    var arguments: [String]
    var argumentsOnly: Bool
    var image: String
    var container: String
    var copyTo: String
    var setImages: [(String, String)]
    var environment: [EnvVar]
    var pullPolicy: String
    var interactive: Bool
    var tty: Bool
    var quiet: Bool
    var attach: Bool
    var target: String
  }

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "debug", specs: flags).parse(arguments)
    let options = try complete(parsed)
    try validate(options, parsed: parsed, output: &output)
    if !parsed.all("filename").isEmpty {
      throw .plain("kubebook does not simulate \"kubectl debug -f\" yet; name the pod or node")
    }
    let namespace = context.namespace(parsed)
    for target in options.targets {
      let (pod, container) = try visit(
        target, options: options, parsed: parsed, namespace: namespace, context: &context, output: &output)
      if options.attach {
        try attach(to: container, of: pod, options: options, context: &context, output: &output)
      }
    }
  }

  /// `Complete`: the targets and the command after `--`, `--attach`'s default, `--env`, the
  /// profile's name.
  static func complete(_ parsed: FlagParser.Parsed) throws(KubectlError) -> Options {
    var environment: [EnvVar] = []
    for text in parsed.all("env") {
      for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let equals = pair.firstIndex(of: "=") else {
          throw .flag(
            "invalid argument \"\(text)\" for \"--env\" flag: \(pair) must be formatted as key=value", command: "debug")
        }
        environment.append(EnvVar(name: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...])))
      }
    }
    var setImages: [(String, String)] = []
    for text in parsed.all("set-image") {
      for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let equals = pair.firstIndex(of: "=") else {
          throw .flag(
            "invalid argument \"\(text)\" for \"--set-image\" flag: \(pair) must be formatted as key=value",
            command: "debug")
        }
        setImages.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
      }
    }
    // `NewProfileApplier`.
    let profile = parsed.value("profile") ?? "legacy"
    guard ["legacy", "general", "baseline", "netadmin", "restricted", "sysadmin"].contains(profile) else {
      throw .plain("unknown profile: \(profile)")
    }
    let interactive = parsed.flag("stdin")
    // `--env` is a map: kubectl adds the variables in Go's random map order; kubebook sorts them.
    environment.sort { $0.name < $1.name }
    return Options(
      targets: parsed.positional, arguments: parsed.afterDash, argumentsOnly: parsed.flag("arguments-only"),
      image: parsed.value("image") ?? "", container: parsed.value("container") ?? "",
      copyTo: parsed.value("copy-to") ?? "", setImages: setImages, environment: environment,
      pullPolicy: parsed.value("image-pull-policy") ?? "", interactive: interactive, tty: parsed.flag("tty"),
      quiet: parsed.flag("quiet"), attach: parsed.value("attach") != nil ? parsed.flag("attach") : interactive,
      target: parsed.value("target") ?? "")
  }

  /// `Validate`, in its order, with its notes (`Targeting container`, the legacy profile's
  /// deprecation).
  static func validate(_ options: Options, parsed: FlagParser.Parsed, output: inout OutputBuffer) throws(KubectlError) {
    if options.attach && parsed.value("attach") != nil && options.image.isEmpty && options.container.isEmpty {
      throw .plain("you must specify --container or create a new container using --image in order to attach.")
    }
    if !options.copyTo.isEmpty {
      if options.image.isEmpty && options.setImages.isEmpty && options.arguments.isEmpty {
        throw .plain("you must specify --image, --set-image or command arguments.")
      }
      if !options.arguments.isEmpty && options.container.isEmpty && options.image.isEmpty {
        throw .plain("you must specify an existing container or a new image when specifying args.")
      }
    } else if parsed.flag("replace") {
      throw .plain("--replace may only be used with --copy-to.")
    } else if parsed.flag("same-node") {
      throw .plain("--same-node may only be used with --copy-to.")
    } else if !options.setImages.isEmpty {
      throw .plain("--set-image may only be used with --copy-to.")
    } else if options.image.isEmpty {
      throw .plain("you must specify --image when not using --copy-to.")
    }
    if !options.image.isEmpty && !isValidReference(options.image) {
      throw .plain("invalid image name \"\(options.image)\": invalid reference format")
    }
    if options.targets.isEmpty && parsed.all("filename").isEmpty {
      throw .plain("NAME or filename is required for debug")
    }
    if !["Always", "IfNotPresent", "Never", ""].contains(options.pullPolicy) {
      throw .plain("invalid image pull policy: \(options.pullPolicy)")
    }
    for (name, image) in options.setImages where !isValidReference(image) {
      throw .plain("invalid image name \"\(image)\" for container \"\(name)\": invalid reference format")
    }
    if !options.target.isEmpty {
      if !options.copyTo.isEmpty {
        throw .plain("--target is incompatible with --copy-to. Use --share-processes instead.")
      }
      if !options.quiet {
        output.line(
          "Targeting container \"\(options.target)\". If you don't see processes from this container it may be because the container runtime doesn't support this feature."
        )
      }
    }
    if options.tty && !options.interactive { throw .plain("-i/--stdin is required for containers with -t/--tty=true") }
    let profile = parsed.value("profile") ?? "legacy"
    if profile != "legacy" {
      throw .plain(
        "kubebook simulates kubectl debug with the legacy profile only: --profile=\(profile) changes container security contexts, which kubebook does not model"
      )
    }
    if parsed.value("custom") != nil {
      throw .plain("kubebook does not simulate --custom profiles (container security contexts are not modelled)")
    }
    output.line(
      "--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example \"--profile=general\"."
    )
  }

  /// Whether `image` has the shape of `reference.ReferenceRegexp`, approximately: path
  /// components of lower-case letters, digits and separators, an optional `:tag` of word
  /// characters, dots and dashes (at most 128), an optional `@digest`.
  static func isValidReference(_ image: String) -> Bool {
    var rest = Substring(image)
    if let at = rest.firstIndex(of: "@") {
      let digest = rest[rest.index(after: at)...]
      guard digest.contains(":"), !digest.hasPrefix(":"), !digest.hasSuffix(":") else { return false }
      rest = rest[..<at]
    }
    if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
      let tag = rest[rest.index(after: colon)...]
      guard let first = tag.first, first.isLetter || first.isNumber || first == "_", tag.count <= 128,
        tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
      else { return false }
      rest = rest[..<colon]
    }
    let components = rest.split(separator: "/", omittingEmptySubsequences: false)
    return !rest.isEmpty
      && components.enumerated().allSatisfy { index, component in
        guard let first = component.first, let last = component.last, first.isASCII, last.isASCII,
          first.isLetter || first.isNumber, last.isLetter || last.isNumber
        else { return false }
        // The first component may be a registry host (with a port and upper-case letters).
        if index == 0 && components.count > 1 && (component.contains(".") || component.contains(":")) {
          return component.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) }
        }
        return component.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0)) }
      }
  }

  /// One target (`Run`'s visitor): a node, or a pod to debug by an ephemeral container or a
  /// copy. Returns the pod and the container to attach to.
  static func visit(
    _ target: String, options: Options, parsed: FlagParser.Parsed, namespace: String, context: inout CommandContext,
    output: inout OutputBuffer
  ) throws(KubectlError) -> (Pod, String) {
    var type = Pod.resource
    var name = target
    if let slash = target.firstIndex(of: "/") {
      type = try ResourceArguments.resolve(String(target[..<slash]))
      name = String(target[target.index(after: slash)...])
    }
    if type == Node.resource {
      guard let node = context.cluster.nodes[name] else { throw .api(.notFound(resource: "nodes", name: name)) }
      return try debugNode(node, options: options, namespace: namespace, context: &context, output: &output)
    }
    guard type == Pod.resource else {
      guard APIObject.lookup(type, name: name, namespace: namespace, cluster: context.cluster) != nil else {
        throw .api(.notFound(resource: type.qualifiedResource, name: name))
      }
      let group = type.group.isEmpty ? "" : type.group + "/"
      throw .plain("\"\(group)\(type.versions.first ?? "v1"), Kind=\(type.kind)\" not supported by debug")
    }
    guard let pod = context.cluster.pod(name, namespace: namespace) else {
      throw .api(.notFound(resource: "pods", name: name))
    }
    if !options.copyTo.isEmpty {
      return try debugByCopy(pod, options: options, parsed: parsed, context: &context, output: &output)
    }
    let containerName = debugContainerName(for: pod, options: options, context: context, output: &output)
    var container = Container(
      name: containerName, image: options.image,
      imagePullPolicy: options.pullPolicy.isEmpty ? nil : APIField(options.pullPolicy))
    container.env = options.environment
    container.stdin = options.interactive
    container.tty = options.tty
    if options.argumentsOnly { container.args = options.arguments } else { container.command = options.arguments }
    let ephemeral = EphemeralContainer(
      container: container, targetContainerName: options.target.isEmpty ? nil : options.target)
    let namespaceOfPod = pod.metadata.namespace ?? namespace
    let updated = try withAPI { () throws(APIError) in
      try context.cluster.addEphemeralContainer(ephemeral, toPod: pod.metadata.name, namespace: namespaceOfPod)
    }
    try context.settle()
    return (updated, containerName)
  }

  /// `computeDebugContainerName`: `-c`, or `debugger-` and five random characters, said
  /// unless quiet.
  static func debugContainerName(
    for pod: Pod, options: Options, context: CommandContext, output: inout OutputBuffer
  ) -> String {
    if !options.container.isEmpty { return options.container }
    var name = ""
    var attempt = 0
    while name.isEmpty || pod.container(named: name) != nil {
      attempt += 1
      name =
        "debugger-"
        + context.cluster.clientRandomString(stream: "debug:\(pod.metadata.uid):\(attempt)", length: 5)
    }
    if !options.quiet { output.line("Defaulting debug container name to \(name).") }
    return name
  }

  /// `visitNode`: a pod on the node with the node's root at `/host` and its namespaces.
  static func debugNode(
    _ node: Node, options: Options, namespace: String, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) -> (Pod, String) {
    let containerName = options.container.isEmpty ? "debugger" : options.container
    let suffix = context.cluster.clientRandomString(stream: "debug-node:\(node.metadata.name)", length: 5)
    let podName = "node-debugger-\(node.metadata.name)-\(suffix)"
    if !options.quiet {
      output.line("Creating debugging pod \(podName) with container \(containerName) on node \(node.metadata.name).")
    }
    var container = Container(
      name: containerName, image: options.image,
      imagePullPolicy: options.pullPolicy.isEmpty ? nil : APIField(options.pullPolicy))
    container.env = options.environment
    container.stdin = options.interactive
    container.tty = options.tty
    if options.argumentsOnly { container.args = options.arguments } else { container.command = options.arguments }
    // The legacy profile: the node's root file system at /host, its network, PID and IPC.
    container.volumeMounts = [VolumeMount(name: "host-root", mountPath: "/host")]
    var spec = PodSpec(containers: [container])
    spec.nodeName = node.metadata.name
    spec.restartPolicy = .known(.never)
    spec.tolerations = [Toleration(operator: .known(.exists))]
    spec.volumes = [Volume(name: "host-root", source: .hostPath(path: "/", type: ""))]
    spec.hostNetwork = true
    spec.hostPID = true
    spec.hostIPC = true
    let pod = Pod(metadata: ObjectMeta(name: podName, namespace: namespace), spec: spec)
    let created = try withAPI { () throws(APIError) in try context.cluster.createPod(pod) }
    try context.settle()
    return (context.cluster.pod(podName, namespace: namespace) ?? created, containerName)
  }

  /// `debugByCopy`: a new pod with the target's spec (no ephemeral containers, unscheduled
  /// unless `--same-node`, images from `--set-image`), the debug container changed or added,
  /// and without the target's labels (the legacy profile); `--replace` deletes the target.
  static func debugByCopy(
    _ pod: Pod, options: Options, parsed: FlagParser.Parsed, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) -> (Pod, String) {
    var spec = pod.spec
    spec.ephemeralContainers = []
    if !parsed.flag("same-node") { spec.nodeName = nil }
    let wildcard = options.setImages.last { $0.0 == "*" }?.1
    for index in spec.containers.indices {
      let name = spec.containers[index].name
      if let image = options.setImages.last(where: { $0.0 == name })?.1 ?? wildcard, !image.isEmpty {
        spec.containers[index].image = image
      }
    }
    var containerName = options.container
    var index = spec.containers.firstIndex { $0.name == containerName }
    if index == nil {
      if options.image.isEmpty {
        if !options.setImages.isEmpty {
          return try createCopy(pod, spec: spec, options: options, parsed: parsed, context: &context, container: "")
        }
        throw .plain("you must specify image when creating new container")
      }
      if containerName.isEmpty {
        var copy = pod
        copy.spec = spec
        containerName = debugContainerName(for: copy, options: options, context: context, output: &output)
      }
      spec.containers.append(Container(name: containerName, image: options.image))
      index = spec.containers.count - 1
    }
    if let index {
      if !options.arguments.isEmpty {
        if options.argumentsOnly {
          spec.containers[index].args = options.arguments
        } else {
          spec.containers[index].command = options.arguments
          spec.containers[index].args = []
        }
      }
      if !options.environment.isEmpty { spec.containers[index].env = options.environment }
      if !options.image.isEmpty { spec.containers[index].image = options.image }
      if !options.pullPolicy.isEmpty { spec.containers[index].imagePullPolicy = APIField(options.pullPolicy) }
      spec.containers[index].stdin = options.interactive
      spec.containers[index].tty = options.tty
    }
    return try createCopy(
      pod, spec: spec, options: options, parsed: parsed, context: &context, container: containerName)
  }

  /// Creates the copy named `--copy-to` and, with `--replace`, deletes the original at once.
  static func createCopy(
    _ pod: Pod, spec: PodSpec, options: Options, parsed: FlagParser.Parsed, context: inout CommandContext,
    container: String
  ) throws(KubectlError) -> (Pod, String) {
    let namespace = pod.metadata.namespace ?? "default"
    var metadata = ObjectMeta(name: options.copyTo, namespace: namespace)
    metadata.annotations = pod.metadata.annotations
    if parsed.flag("keep-labels") { metadata.labels = pod.metadata.labels }
    let copy = Pod(metadata: metadata, spec: spec)
    let created = try withAPI { () throws(APIError) in try context.cluster.createPod(copy) }
    if parsed.flag("replace") {
      _ = try withAPI { () throws(APIError) in
        try context.cluster.deletePod(pod.metadata.name, namespace: namespace, gracePeriod: 0)
      }
    }
    try context.settle()
    return (context.cluster.pod(options.copyTo, namespace: namespace) ?? created, container)
  }

  /// `handleAttachPod`: waits for the container to run or finish, then attaches, or prints
  /// its log when it has already finished.
  static func attach(
    to container: String, of pod: Pod, options: Options, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    guard !container.isEmpty else { return }
    let name = pod.metadata.name
    let namespace = pod.metadata.namespace ?? "default"
    func started(_ cluster: Cluster) -> Bool {
      guard let current = cluster.pod(name, namespace: namespace) else { return true }
      switch current.containerStatus(named: container)?.state {
      case .running?, .terminated?: return true
      default: return false
      }
    }
    try context.wait(seconds: Watch.boundSeconds, until: started)
    guard let current = context.cluster.pod(name, namespace: namespace) else {
      throw .api(.notFound(resource: "pods", name: ""))
    }
    guard started(context.cluster) else {
      throw .plain(
        "kubebook stopped waiting for container \(container) after \(Watch.boundSeconds / 60) minutes of virtual time (a real kubectl debug waits until Ctrl-C)"
      )
    }
    let session = AttachSession(
      stdin: options.interactive, tty: options.tty, quiet: options.quiet, containerName: container)
    if case .terminated? = current.containerStatus(named: container)?.state {
      try RunAttachment(
        pod: current, session: session, restartPolicy: .never, waitsForExit: false, timeoutMilliseconds: 0
      )
      .printLog(of: current, context: context, output: &output)
      return
    }
    do {
      try session.run(current, context: &context, output: &output)
    } catch {
      output.line(
        "warning: couldn't attach to pod/\(name), falling back to streaming logs: \(error.text.dropFirst("error: ".count))"
      )
      try RunAttachment(
        pod: current, session: session, restartPolicy: .never, waitsForExit: false, timeoutMilliseconds: 0
      )
      .printLog(of: current, context: context, output: &output)
    }
  }
}
