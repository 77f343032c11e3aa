import KubeSim

/// `kubectl explain FIELD` for the fields the course uses, with the text a real v1.32 API
/// server returns.
enum ExplainCommand {
  static func run(_ arguments: [String], output: inout OutputBuffer) throws(KubectlError) {
    let parsed = try FlagParser(command: "explain", specs: [.init(name: "recursive", short: nil, takesValue: false)])
      .parse(arguments)
    guard let path = parsed.positional.first else {
      throw KubectlError(
        text:
          "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples"
      )
    }
    var parts = path.split(separator: ".").map(String.init)
    guard let first = parts.first else { throw .plain("invalid field path \"\(path)\"") }
    guard
      let type = ResourceType.resolve(first) ?? (ResourceType.unsimulatedNames.contains(first.lowercased()) ? nil : nil)
    else {
      throw .plain("the server doesn't have a resource type \"\(first)\"")
    }
    parts[0] = type.singular
    let key = parts.joined(separator: ".")
    guard let text = KubectlExplainTexts.texts[key] else {
      throw .plain("kubebook has no explain text for \"\(path)\" yet")
    }
    output.line(text)
  }
}
