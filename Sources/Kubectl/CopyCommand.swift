import KubeSim

/// `kubectl cp SRC DEST`: kubectl v1.32's argument checks and errors (`cp.go`: the
/// `[[namespace/]pod:]file/path` format, one local and one remote side, a local source that
/// must exist among the page's files, the pod), then one file copied between the page's
/// virtual working directory and the container's files (``Cluster/podState(of:)``). The local
/// side is always virtual, in lessons and in `kubebook shell` alike: a copied-out file joins
/// the page's files (later commands can `apply -f` it), never the disk. kubectl copies by
/// running `tar` in the container, so tar's note on a leading `/` shows (BusyBox's or GNU's
/// text; kubectl routes tar's standard error to its output). Directories are refused.
enum CopyCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "container", short: "c", takesValue: true),
    .init(name: "no-preserve", short: nil, takesValue: false),
    .init(name: "retries", short: nil, takesValue: true, integerBits: 64),
  ]

  /// One side of the copy (`fileSpec`).
  struct FileSpec {
    var namespace: String?
    var pod: String?
    var file: String
  }

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "cp", specs: flags).parse(arguments)
    let words = parsed.positional + parsed.afterDash
    guard words.count == 2 else { throw .plain("source and destination are required") }
    let source = try fileSpec(words[0])
    let destination = try fileSpec(words[1])
    if source.pod != nil && destination.pod != nil {
      throw .plain("one of src or dest must be a local file specification")
    }
    if source.file.isEmpty || destination.file.isEmpty { throw .plain("filepath can not be empty") }
    let remote: FileSpec
    if source.pod != nil {
      remote = source
    } else if destination.pod != nil {
      remote = destination
      if context.files.contents(of: source.file) == nil {
        throw .plain("\(source.file) doesn't exist in local filesystem")
      }
    } else {
      throw .plain("one of src or dest must be a remote file specification")
    }
    let namespace = remote.namespace ?? context.namespace(parsed)
    let podName = remote.pod ?? ""
    guard let pod = context.cluster.pod(podName, namespace: namespace) else {
      throw .api(.notFound(resource: "pods", name: podName))
    }
    let containerName = parsed.value("container") ?? pod.spec.containers.first?.name ?? ""
    guard pod.spec.containers.contains(where: { $0.name == containerName }) else {
      throw .plain("container \(containerName) not found in pod \(pod.metadata.name)")
    }
    guard context.cluster.isRunning(pod, container: containerName) else {
      throw .plain("unable to upgrade connection: container not found (\"\(containerName)\")")
    }
    let tools = context.cluster.podState(of: pod).files.tools(of: containerName) ?? .busybox
    if source.pod == nil {
      let text = context.files.contents(of: source.file) ?? ""
      let name = ContainerPath.base(of: ContainerPath.normalize(source.file))
      if let failure = context.cluster.copyIn(text, name: name, to: remote.file, in: pod, container: containerName) {
        throw .plain("kubebook cannot copy to \(remote.file) in the container: \(failure.rawValue)")
      }
      return
    }
    let path = ContainerPath.normalize(remote.file)
    let leading =
      tools == .busybox ? "tar: removing leading '/' from member names" : "tar: Removing leading `/' from member names"
    switch context.cluster.podState(of: pod).files.node(path, in: containerName) {
    case .file(let text)?:
      if remote.file.hasPrefix("/") { output.line(leading) }
      var destination = destination.file
      if context.files.entries(of: destination) != nil { destination += "/" + ContainerPath.base(of: path) }
      guard let relative = VirtualDirectory.normalize(destination) else {
        throw .plain("kubebook copies only into the page's working directory, not to \(destination)")
      }
      context.copiedFiles[relative] = text
    case nil:
      if remote.file.hasPrefix("/") { output.line(leading) }
      if tools == .busybox {
        output.line("tar: \(remote.file): No such file or directory")
        output.line("tar: error exit delayed from previous errors")
      } else {
        output.line("tar: \(remote.file): Cannot stat: No such file or directory")
        output.line("tar: Exiting with failure status due to previous errors")
      }
      let code = tools == .busybox ? 1 : 2
      output.line("command terminated with exit code \(code)")
      context.failed = true
      if code != 1 { context.exitCode = Int32(code) }
    case .directory?:
      throw .plain("kubebook's kubectl cp copies single files; \(remote.file) is a directory in the container")
    case .opaque?:
      throw .plain("kubebook knows that the image has \(remote.file), not its content, so it cannot copy it")
    }
  }

  /// `extractFileSpec`: `FILE`, `POD:FILE` or `NAMESPACE/POD:FILE`, one trailing slash
  /// dropped from the file.
  static func fileSpec(_ argument: String) throws(KubectlError) -> FileSpec {
    let formatError = KubectlError.plain("filespec must match the canonical format: [[namespace/]pod:]file/path")
    guard let colon = argument.firstIndex(of: ":") else { return FileSpec(file: stripTrailingSlash(argument)) }
    if colon == argument.startIndex { throw formatError }
    let pieces = argument[..<colon].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    // Windows separators become `/` (`newRemotePath`).
    let file = String(
      stripTrailingSlash(String(argument[argument.index(after: colon)...])).map { $0 == "\\" ? "/" : $0 })
    switch pieces.count {
    case 1: return FileSpec(pod: pieces[0], file: file)
    case 2: return FileSpec(namespace: pieces[0], pod: pieces[1], file: file)
    default: throw formatError
    }
  }

  /// `stripTrailingSlash`: one trailing `/` removed, except from `/` itself.
  static func stripTrailingSlash(_ file: String) -> String {
    file != "/" && file.hasSuffix("/") ? String(file.dropLast()) : file
  }
}
