import KubeSim

/// `kubectl cp SRC DEST`: kubectl v1.32's argument checks and errors (`cp.go`: the
/// `[[namespace/]pod:]file/path` format, one local and one remote side, a local source that
/// must exist among the page's files, the pod), then an honest refusal: kubectl copies by
/// running `tar` inside the container, and kubebook models no container filesystem.
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
    guard context.cluster.pod(podName, namespace: namespace) != nil else {
      throw .api(.notFound(resource: "pods", name: podName))
    }
    throw .plain(
      "kubebook does not simulate kubectl cp: kubectl copies by running tar inside the container, and the simulated containers have no filesystem (kubectl exec POD -- cat FILE shows the files of ConfigMap and Secret volumes)"
    )
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
