import KubeSim

/// `kubectl version [--client] [-o yaml|json]` (`kubectl/pkg/cmd/version`): the client's build
/// (the strings of the kubectl v1.32 binary the reference was captured with, §12 of
/// docs/reference/kubectl-output.md) and the simulated API server's `/version`.
enum VersionCommand {
  /// `version.Info` of the client: the installed reference binary's
  /// (`kubectl version --client -o json`).
  static let client: [(String, String)] = [
    ("major", "1"), ("minor", "32+"), ("gitVersion", "v1.32.4-dispatcher"),
    ("gitCommit", "4cb5f0764b8d5f425645c6f433394fede34a8a26"), ("gitTreeState", "clean"),
    ("buildDate", "2025-05-15T20:09:34Z"), ("goVersion", "go1.23.8"), ("compiler", "gc"), ("platform", "linux/amd64"),
  ]

  /// `version.Info` of a v1.32.0 API server, as `/version` returns it (the v1.32.0 release build).
  static let server: [(String, String)] = [
    ("major", "1"), ("minor", "32"), ("gitVersion", "v1.32.0"),
    ("gitCommit", "70d3cc986aa8221cd1dfb1121852688902d3bf53"), ("gitTreeState", "clean"),
    ("buildDate", "2024-12-11T17:59:15Z"), ("goVersion", "go1.23.3"), ("compiler", "gc"), ("platform", "linux/amd64"),
  ]

  /// The kustomize module kubectl v1.32 is built with.
  static let kustomizeVersion = "v5.5.0"

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(
      command: "version",
      specs: [
        .init(name: "client", short: nil, takesValue: false), .init(name: "output", short: "o", takesValue: true),
      ]
    ).parse(arguments)
    let format = parsed.value("output") ?? ""
    guard ["", "yaml", "json"].contains(format) else { throw .plain("--output must be 'yaml' or 'json'") }
    let withServer = !parsed.flag("client")
    let gitVersion = { (info: [(String, String)]) in info.first { $0.0 == "gitVersion" }?.1 ?? "" }
    switch format {
    case "":
      output.line("Client Version: \(gitVersion(client))")
      output.line("Kustomize Version: \(kustomizeVersion)")
      if withServer { output.line("Server Version: \(gitVersion(server))") }
    default:
      var document = JSONObjectBuilder()
      document.set("clientVersion", .object(client.map { ($0.0, JSONValue.string($0.1)) }))
      document.set("kustomizeVersion", .string(kustomizeVersion))
      if withServer { document.set("serverVersion", .object(server.map { ($0.0, JSONValue.string($0.1)) })) }
      // kubectl prints the marshalled document with Println: YAML, which ends in a newline,
      // gets a second one.
      if format == "json" {
        output.write(JSONPrinter.print(document.value, sortKeys: false, step: 2))
      } else {
        output.write(YAMLPrinter.print(document.value) + "\n")
      }
    }
  }
}
