/// The container model over time: a pod's files as its containers see them now, the
/// processes of their commands replayed on the virtual clock, and commands run inside a
/// container (`kubectl exec`, exec probes).
///
/// Nothing is stored but what `kubectl exec` wrote (``ContainerWrite``): the files at any
/// instant are rebuilt from the images, the kubelet's files, the volumes, the current run of
/// each container's command (from its start, interleaved in time order) and those writes.
extension Cluster {
  /// A pod's files and its containers' processes at the current instant.
  public struct PodState: Sendable {
    public var files: PodFiles
    /// The process of each container's current run, by container name, for commands
    /// kubebook's shell runs.
    public var processes: [String: ShellProcess]
  }

  /// What one command run inside a container did.
  public struct ExecResult: Sendable, Equatable {
    /// Standard output and error, in the order written.
    public var output: String
    public var exitCode: Int
  }

  /// The files of `pod` as they are now, and its containers' processes.
  public func podState(of pod: Pod) -> PodState {
    var files = baseFiles(of: pod)
    var processes: [(name: String, process: ShellProcess)] = []
    for container in pod.spec.containers {
      guard let run = currentRun(of: pod, container: container.name),
        let program = try? ShellProgram.of(container.command + container.args),
        !(container.command + container.args).isEmpty
      else { continue }
      let context = shellContext(of: pod, container: container)
      var process = ShellProcess(program, context: context, start: run.start)
      process.endTime = run.end
      processes.append((container.name, process))
    }
    let writes = containerWrites[pod.metadata.uid] ?? []
    var nextWrite = 0
    var rounds = 0
    // Each round runs the earliest process up to the next other event (at least one of its
    // instructions), or replays one write (at one instant, the processes first).
    let roundLimit = ShellProcess.stepsPerRun.saturatingMultiply(processes.count + 1).saturatingAdd(writes.count)
    while rounds < roundLimit {
      rounds += 1
      let writeTime = nextWrite < writes.count && writes[nextWrite].time <= now ? writes[nextWrite].time : nil
      let due = processes.indices.compactMap { index in
        processes[index].process.nextRun.flatMap { $0 <= now ? (index, $0) : nil }
      }
      if let (index, start) = due.min(by: { $0.1 < $1.1 }), writeTime.map({ start <= $0 }) ?? true {
        let later = due.filter { $0.0 != index }.map(\.1) + (writeTime.map { [$0] } ?? [])
        let deadline = ([now] + later.filter { $0 >= start }).min() ?? now
        processes[index].process.run(until: deadline, files: &files)
        continue
      }
      guard writeTime != nil else { break }
      let write = writes[nextWrite]
      nextWrite += 1
      for change in write.changes {
        let sameRun = currentRun(of: pod, container: change.container)?.start == write.runStart
        let inVolume = files.locate(change.operation.path, in: change.container).tree.hasPrefix("volume:")
        if sameRun || inVolume { files.apply(change) }
      }
    }
    var byName: [String: ShellProcess] = [:]
    for (name, process) in processes { byName[name] = process }
    return PodState(files: files, processes: byName)
  }

  /// Runs `words` (`COMMAND ARG...`, or `sh -c SCRIPT`) in `container` of `pod` now, as
  /// `kubectl exec` does; what it writes in the files stays (``ContainerWrite``). Throws the
  /// reason when kubebook's shell does not run the command.
  public mutating func execute(_ words: [String], in pod: Pod, container name: String) throws(ShellFailure)
    -> ExecResult
  {
    guard let container = pod.spec.containers.first(where: { $0.name == name }) else {
      throw .unsupported("commands in container \(name)")
    }
    var state = podState(of: pod)
    let context = shellContext(of: pod, container: container)
    let program: ShellProgram
    do {
      program = try ShellProgram.of(words)
    } catch {
      switch error {
      case .syntax(let syntax): return ExecResult(output: ShellTools.syntax(syntax, tools: context.tools), exitCode: 2)
      case .unsupported(let what): throw .unsupported("kubebook's container shell does not run \(what)")
      }
    }
    var process = ShellProcess(program, context: context, start: now)
    state.files.journal = []
    process.run(until: now, files: &state.files)
    if let stopped = process.stopped { throw .unsupported(stopped) }
    guard let exitCode = process.exitCode else {
      throw .unsupported(
        "\(words.joined(separator: " ")) here: it sleeps, and kubebook runs a kubectl exec command at one instant")
    }
    if let changes = state.files.journal, !changes.isEmpty, let run = currentRun(of: pod, container: name) {
      containerWrites[pod.metadata.uid, default: []].append(
        ContainerWrite(time: now, runStart: run.start, changes: changes))
    }
    return ExecResult(output: process.text(until: now), exitCode: exitCode)
  }

  /// `kubectl cp LOCAL POD:PATH`: writes `text` as the file `path` of `container` (into
  /// `path` when it is a directory, under `name`), as `tar -xmf -` does; kept like an exec's
  /// writes. Returns the failure, if any.
  public mutating func copyIn(_ text: String, name: String, to path: String, in pod: Pod, container: String)
    -> PodFiles.Failure?
  {
    var state = podState(of: pod)
    var target = ContainerPath.normalize(path)
    if state.files.node(target, in: container)?.isDirectory == true {
      target = ContainerPath.normalize(target + "/" + name)
    }
    state.files.journal = []
    if let failure = state.files.write(target, text, in: container) { return failure }
    if let changes = state.files.journal, let run = currentRun(of: pod, container: container) {
      containerWrites[pod.metadata.uid, default: []].append(
        ContainerWrite(time: now, runStart: run.start, changes: changes))
    }
    return nil
  }

  /// The exec probe hook: runs `command` in `container` of `pod` now and returns its exit
  /// status (a command kubebook's shell does not run counts as failing with 126, as a
  /// command the runtime cannot start does).
  public mutating func runs(_ command: [String], in pod: Pod, container: String) -> Int {
    (try? execute(command, in: pod, container: container).exitCode) ?? 126
  }

  /// The log of the run of `container` that started at `start`, as its process wrote it up
  /// to now (or to the run's end), or nil when kubebook's shell does not run its command.
  public func commandLog(of pod: Pod, container name: String, start: Timestamp) -> [String]? {
    guard let container = pod.spec.containers.first(where: { $0.name == name }),
      !(container.command + container.args).isEmpty,
      let program = try? ShellProgram.of(container.command + container.args)
    else { return nil }
    var process: ShellProcess
    if currentRun(of: pod, container: name)?.start == start, let current = podState(of: pod).processes[name] {
      process = current
    } else {
      // An earlier run, replayed alone on fresh files up to its end.
      var files = baseFiles(of: pod)
      process = ShellProcess(program, context: shellContext(of: pod, container: container), start: start)
      var end = now
      if case .terminated(_, _, let started, let finished)? = pod.status.containerStatuses.first(where: {
        $0.name == name
      })?.lastTerminated,
        started == start
      {
        end = finished
      }
      process.run(until: end, files: &files)
    }
    if let stopped = process.stopped, stopped.hasPrefix("kubebook's container shell does not run") { return nil }
    var text = process.text(until: now)
    if text.hasSuffix("\n") { text.removeLast() }
    return text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The start (and end, once it ended) of the current run of `container`.
  func currentRun(of pod: Pod, container name: String) -> (start: Timestamp, end: Timestamp?)? {
    guard let index = pod.spec.containers.firstIndex(where: { $0.name == name }),
      let runtime = kubelet.runtimes[pod.metadata.uid], index < runtime.containers.count
    else { return nil }
    let plan = runtime.containers[index]
    guard plan.runStart <= now, plan.configError == nil, !plan.imageMissing else { return nil }
    return (plan.runStart, plan.ended || (plan.runEnd.map { $0 <= now } ?? false) ? plan.runEnd : nil)
  }

  /// What a process in `container` knows: its tools, hostname and environment.
  func shellContext(of pod: Pod, container: Container) -> ShellContext {
    let image = ImageFiles.of(container.image)
    var environment = [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")]
    for (name, value) in self.environment(of: pod, container: container.name) {
      if let index = environment.firstIndex(where: { $0.0 == name }) {
        environment[index].1 = value
      } else {
        environment.append((name, value))
      }
    }
    if !environment.contains(where: { $0.0 == "HOME" }) { environment.append(("HOME", "/root")) }
    return ShellContext(
      container: container.name, hostname: pod.spec.hostname ?? pod.metadata.name, tools: image?.tools ?? .busybox,
      environment: environment, environmentIsComplete: image?.tools == .busybox,
      workingDirectory: ImageReference(container.image).baseName == "redis" && image != nil ? "/data" : "/")
  }

  /// The pod's files before any process ran: each container's image, the kubelet's
  /// `/etc/hostname`, `/etc/hosts` and `/etc/resolv.conf`, and the volumes.
  func baseFiles(of pod: Pod) -> PodFiles {
    var files = PodFiles()
    let namespace = pod.metadata.namespace ?? "default"
    let hostname = pod.spec.hostname ?? pod.metadata.name
    for volume in pod.spec.volumes {
      var tree: [String: FileNode] = ["/": .directory(listed: true)]
      switch volume.source {
      case .configMap(let name, _):
        for (key, value) in visibleData(key: "configmap/" + Self.key(namespace, name)) ?? [:] {
          tree["/" + key] = .file(value)
        }
      case .secret(let name, _):
        for (key, value) in visibleData(key: "secret/" + Self.key(namespace, name)) ?? [:] {
          tree["/" + key] = .file(Base64.decode(value) ?? "")
        }
      case .emptyDir, .hostPath, .persistentVolumeClaim:
        break
      }
      files.trees["volume:" + volume.name] = tree
    }
    for container in pod.spec.containers {
      let image = ImageFiles.of(container.image)
      var tree = image?.nodes ?? ["/": .directory(listed: false)]
      if tree["/etc"] == nil { tree["/etc"] = .directory(listed: false) }
      tree["/etc/hostname"] = .file(hostname + "\n")
      tree["/etc/hosts"] = .file(hostsFile(of: pod))
      tree["/etc/resolv.conf"] = .file(
        "search \(namespace).svc.\(ClusterDNS.zone) svc.\(ClusterDNS.zone) \(ClusterDNS.zone)\nnameserver \(ClusterDNS(self).serverIP)\noptions ndots:5\n"
      )
      var mounts: [PodFiles.Mount] = []
      for mount in container.volumeMounts {
        guard let volume = pod.spec.volumes.first(where: { $0.name == mount.name }) else { continue }
        let path = ContainerPath.normalize(mount.mountPath)
        var readOnly = mount.readOnly
        switch volume.source {
        case .configMap, .secret: readOnly = true
        case .persistentVolumeClaim(_, let claimReadOnly): readOnly = readOnly || claimReadOnly
        default: break
        }
        mounts.append(
          PodFiles.Mount(
            path: path, tree: "volume:" + mount.name, subPath: "/" + (mount.subPath ?? ""), readOnly: readOnly))
        // The runtime creates the mount point in the container's root.
        var parent = path
        while parent != "/" {
          if tree[parent] == nil { tree[parent] = .directory(listed: false) }
          parent = ContainerPath.parent(of: parent)
        }
        if mount.subPath == nil { tree[path] = .directory(listed: true) }
      }
      files.trees["container:" + container.name] = tree
      files.mounts[container.name] = mounts.sorted { $0.path.count > $1.path.count }
      files.tools[container.name] = .some(image?.tools)
    }
    return files
  }

  /// `/etc/hosts` as the kubelet writes it (`managedHostsFileContent`): the boilerplate, then
  /// the pod's IP and name (with its subdomain's FQDN first when it has one).
  func hostsFile(of pod: Pod) -> String {
    var text = """
      # Kubernetes-managed hosts file.
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      fe00::0\tip6-localnet
      fe00::0\tip6-mcastprefix
      fe00::1\tip6-allnodes
      fe00::2\tip6-allrouters

      """
    let hostname = pod.spec.hostname ?? pod.metadata.name
    if let ip = pod.status.podIP, !ip.isEmpty {
      if let subdomain = pod.spec.subdomain, !subdomain.isEmpty {
        let namespace = pod.metadata.namespace ?? "default"
        text += "\(ip)\t\(hostname).\(subdomain).\(namespace).svc.\(ClusterDNS.zone)\t\(hostname)\n"
      } else {
        text += "\(ip)\t\(hostname)\n"
      }
    }
    return text
  }
}

extension ContainerWrite.Operation {
  /// The path the change is about.
  var path: String {
    switch self {
    case .write(let path, _, _), .touch(let path), .makeDirectory(let path, _), .remove(let path, _): return path
    }
  }
}
