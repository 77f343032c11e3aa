import KubeSim

/// `kubectl create secret tls NAME --cert=FILE --key=FILE`: a `kubernetes.io/tls` Secret
/// holding the two files as `tls.crt` and `tls.key`, after Go's `tls.X509KeyPair` accepted
/// them (``TLSKeyPair``), as kubectl v1.32's `create_secret_tls.go` builds it. The files are
/// the page's, like other `-f` files.
enum CreateTLSSecretCommand {
  static let command = "create secret tls"

  static let flags: [FlagParser.Spec] =
    [
      .init(name: "cert", short: nil, takesValue: true),
      .init(name: "key", short: nil, takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: command, specs: flags).parse(arguments)
    let name = try CreateGenerator.name(parsed, command: "secret tls")
    // `Complete`: the printer and dry-run strategy are read before `Validate`.
    _ = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    _ = try DryRun.parse(parsed.value("dry-run"))
    // `Validate`.
    let certificatePath = parsed.value("cert") ?? ""
    let keyPath = parsed.value("key") ?? ""
    if certificatePath.isEmpty || keyPath.isEmpty { throw .plain("key and cert must be specified") }
    // `createSecretTLS`: both files read (`readFile`'s message), then checked as a pair.
    let certificate = try read(certificatePath, context: context)
    let key = try read(keyPath, context: context)
    if let problem = TLSKeyPair.problem(certificate: certificate, key: key) { throw .plain(problem) }
    try CreateDockerRegistrySecretCommand.finish(
      name: name, type: "kubernetes.io/tls",
      data: ["tls.crt": Base64.encode(certificate), "tls.key": Base64.encode(key)], parsed: parsed,
      context: &context, output: &output)
  }

  /// `readFile`: the page's file, or `Cannot read file PATH, open PATH: no such file or directory`.
  static func read(_ path: String, context: CommandContext) throws(KubectlError) -> String {
    guard let text = context.files.contents(of: path) else {
      throw .plain("Cannot read file \(path), open \(path): no such file or directory")
    }
    return text
  }
}
