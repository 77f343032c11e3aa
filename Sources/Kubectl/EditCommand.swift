import KubeSim

/// `kubectl edit TYPE/NAME` (`kubectl/pkg/cmd/util/editor/editoptions.go`): the object's YAML,
/// under kubectl's header comment, goes to the user's editor (``CommandContext/editor``); the
/// saved text, comments stripped, is stored as a patch of the object would store it. A file
/// that does not parse or an object the server refuses reopens the editor with the reasons in
/// the header; an unchanged or empty file cancels the edit.
enum EditCommand {
  /// The flags `kubectl edit` takes.
  static let flags: [FlagParser.Spec] = [
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "output-patch", short: nil, takesValue: false),
    .init(name: "windows-line-endings", short: nil, takesValue: false),
    .init(name: "save-config", short: nil, takesValue: false),
    .init(name: "validate", short: nil, takesValue: true),
    .init(name: "subresource", short: nil, takesValue: true),
  ]

  /// The most times the editor is reopened after an error before kubebook gives up.
  static let maxRounds = 50

  /// kubectl's header for the file (`editHeader.writeTo`, normal edit mode).
  static let header = """
    # Please edit the object below. Lines beginning with a '#' will be ignored,
    # and an empty file will abort the edit. If an error occurs while saving this file will be
    # reopened with the relevant failures.
    #

    """

  /// One reason the file is reopened: a head line and its items (`editReason`).
  struct Reason: Equatable {
    var head: String
    var other: [String] = []
  }

  /// Runs `kubectl edit` with `arguments` (after the command word).
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "edit", specs: flags).parse(arguments)
    if !parsed.all("filename").isEmpty {
      throw .plain("kubebook does not simulate kubectl edit -f yet; edit an object by TYPE/NAME")
    }
    guard !parsed.positional.isEmpty else {
      throw KubectlError(
        text: """
          error: You must provide one or more resources by argument or filename.
          Example resource specifications include:
             '-f rsrc.yaml'
             '--filename=rsrc.json'
             '<resource> <name>'
             '<resource>'
          """)
    }
    if parsed.positional.contains(where: { $0.filter { $0 == "/" }.count > 1 }) {
      throw .plain("arguments in resource/name form may not have more than one slash")
    }
    let requests = try ResourceArguments.parse(parsed.positional, cluster: context.cluster)
    let format = try OutputFormat.parseWithoutTables(parsed.value("output"))
    for flag in ["output-patch", "windows-line-endings", "save-config", "subresource"]
    where flag == "subresource" ? parsed.value(flag) != nil : parsed.flag(flag) {
      throw .plain("kubebook does not simulate kubectl edit --\(flag) yet")
    }
    guard let editor = context.editor else {
      throw .plain(
        "kubectl edit opens an editor, which needs a terminal: run it in `kubebook shell` on a terminal; lessons and piped input have none, so change objects there with kubectl patch, apply or replace"
      )
    }
    let targets = requests.flatMap { request in request.names.map { (request.type, $0) } }
    guard targets.count == 1, let (type, name) = targets.first else {
      throw .plain("kubebook edits one object at a time: name a single TYPE/NAME")
    }
    guard type.served != nil || CustomResources.defines(type, in: context.cluster) else {
      throw .plain("kubebook does not simulate editing \(type.plural) yet")
    }
    try edit(
      type, name: name, namespace: context.namespace(parsed), format: format, editor: editor, context: &context,
      output: &output)
  }

  /// Edits one object of `type` until it is stored, cancelled or refused.
  static func edit(
    _ type: ResourceType, name: String, namespace: String, format: OutputFormat, editor: TextEditor,
    context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let resourceName = type.qualifiedResource
    let objectNamespace = type.namespaced ? namespace : ""
    guard let live = APIObject.lookup(type, name: name, namespace: objectNamespace, cluster: context.cluster) else {
      throw .api(.notFound(resource: resourceName, name: name))
    }
    let original = YAMLPrinter.print(live.json(now: context.cluster.now))
    var reasons: [Reason] = []
    var previous: String?
    for _ in 0..<maxRounds {
      // After an error the file holds the user's last text, its old header dropped.
      let body = previous.map(manualStrip) ?? original
      let edited: String
      switch editor.edit(headerText(reasons) + body) {
      case .success(let text): edited = text
      case .failure(let failure): throw .plain(failure.message)
      }
      if let previous, stripComments(previous) == stripComments(edited) {
        throw .plain("Edit cancelled, no valid changes were saved.")
      }
      if stripComments(original) == stripComments(edited) {
        output.line("Edit cancelled, no changes made.")
        return
      }
      if !hasLines(edited) {
        output.line("Edit cancelled, saved file was empty.")
        return
      }
      previous = edited
      let value: JSONValue
      do {
        guard let document = try ManifestReader.documents(edited, source: "edited file").first else {
          output.line("Edit cancelled, saved file was empty.")
          return
        }
        value = document
      } catch {
        let message = error.text.replacingPrefix("error: ", with: "").replacingPrefix(
          "error parsing edited file: ", with: "")
        reasons = [Reason(head: "The edited file had a syntax error: " + message)]
        continue
      }
      let liveJSON = live.json(now: context.cluster.now)
      for field in ["apiVersion", "kind"] where !(value[field] ?? .null).sameJSON(as: liveJSON[field] ?? .null) {
        throw .plain("At least one of apiVersion, kind and name was changed")
      }
      if value["metadata"]?["name"]?.stringValue != name {
        throw .plain("At least one of apiVersion, kind and name was changed")
      }
      if value.sameJSON(as: liveJSON) {
        output.line(type.qualifiedKind + "/" + name + " skipped")
        return
      }
      do {
        try store(value, over: live.base, context: &context)
      } catch {
        guard case .invalid(_, _, let causes)? = error.cause else {
          throw .plain(
            "\(resourceName) \"\(name)\" could not be patched: \(error.text.replacingPrefix("error: ", with: ""))")
        }
        output.line("error: \(resourceName) \"\(name)\" is invalid")
        reasons = [Reason(head: "\(resourceName) \"\(name)\" was not valid", other: causes.map(\.message))]
        continue
      }
      switch format {
      case .table, .wide: output.line(type.qualifiedKind + "/" + name + " edited")
      case .name: output.line(type.qualifiedKind + "/" + name)
      default:
        let stored = APIObject.lookup(type, name: name, namespace: objectNamespace, cluster: context.cluster)
        output.write(
          try format.printed(
            served: context.served(stored?.json(now: context.cluster.now) ?? value, format: format)))
      }
      try context.settle()
      return
    }
    throw .plain("kubebook stops reopening the editor after \(maxRounds) rounds")
  }

  /// Stores the edited object as a patch of the live one: a custom object as its JSON, any
  /// other read as its kind's manifest and written through its update.
  static func store<Kind: KubectlResource>(_ value: JSONValue, over live: Kind, context: inout CommandContext)
    throws(KubectlError)
  {
    if let custom = live as? CustomResource {
      try CustomResources.update(custom.object, to: value, validation: .strict, context: &context)
      return
    }
    let type = Kind.resource
    guard let handler = Kind.manifest else {
      throw .plain("kubebook does not simulate editing \(type.kind) objects yet")
    }
    var decoder = ManifestDecoder()
    let desired = handler.decode(&decoder, value)
    if let reason = decoder.decodingError { throw .plain(reason) }
    if !decoder.unknownFields.isEmpty {
      throw .plain(
        "strict decoding error: " + decoder.unknownFields.map { "unknown field \"\($0)\"" }.joined(separator: ", "))
    }
    if try handler.update(live, desired, value, &context) == "unchanged" {
      throw .plain(
        "kubebook does not simulate this change of \(type.kind) \"\(live.metadata.name)\": the simulated object stays unchanged"
      )
    }
  }

  /// The header and the reasons for reopening (`editHeader.writeTo`).
  static func headerText(_ reasons: [Reason]) -> String {
    var text = header
    for reason in reasons {
      text += "# " + hashOnLineBreak(reason.head) + (reason.other.isEmpty ? "" : ":") + "\n"
      for item in reason.other { text += "# * " + hashOnLineBreak(item) + "\n" }
      text += "#\n"
    }
    return text
  }

  /// A message's line breaks followed by `# ` (unless the next line starts with `#`), so it
  /// stays a comment (`hashOnLineBreak`).
  static func hashOnLineBreak(_ text: String) -> String {
    var result = ""
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      if character == "\n", index + 1 < characters.count, characters[index + 1] != "#" {
        result += "\n# "
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The text without its comment lines (`cmdutil.ManualStrip`: a line that starts with `#`,
  /// after spaces, but not `#!`).
  static func manualStrip(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var kept: [Substring] = []
    for line in lines {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix("#") && !trimmed.hasPrefix("#!") { continue }
      kept.append(line)
    }
    return kept.joined(separator: "\n")
  }

  /// The text as kubectl compares it (`cmdutil.StripComments`): its first document as
  /// compact JSON with sorted keys, or the comment-stripped text when it does not parse.
  static func stripComments(_ text: String) -> String {
    if case .success(let value) = ManifestReader.firstDocument(text) { return CompactJSON.encode(value) }
    return manualStrip(text)
  }

  /// Whether the text has a line that is neither blank nor a comment (`hasLines`).
  static func hasLines(_ text: String) -> Bool {
    text.split(separator: "\n").contains { line in
      guard let first = line.first(where: { !" \t\r".contains($0) }) else { return false }
      return first != "#"
    }
  }
}
