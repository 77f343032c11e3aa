import KubeSim

/// The `-o` formats kubebook prints.
enum OutputFormat: Equatable {
  case table
  case wide
  case yaml
  case json
  case name
  /// `jsonpath=`, `jsonpath-as-json=`, `jsonpath-file=`: the parsed template.
  case jsonPath(JSONPathTemplate)
  /// `custom-columns=`, `custom-columns-file=` (get only).
  case customColumns(CustomColumns)
  /// `go-template=`, `go-template-file=`, `template=`, `templatefile=` or `--template`.
  case goTemplate(GoTemplatePrinter)

  /// The flags of kubectl's template printers, for the commands whose `-o` offers them.
  static let templateFlags: [FlagParser.Spec] = [
    .init(name: "template", short: nil, takesValue: true),
    .init(name: "allow-missing-template-keys", short: nil, takesValue: false),
  ]

  /// The go-template formats and whether each names a file.
  private static let goTemplateFormats = [
    ("go-template", false), ("go-template-file", true), ("template", false), ("templatefile", true),
  ]

  /// Which printers a command offers: `get`'s, or the generic ones of the commands that
  /// print the object they send (create, run, expose, ...: no table, wide or custom columns).
  enum Printers {
    case get
    case generic

    /// The formats kubectl lists when it cannot match one.
    var allowed: String {
      switch self {
      case .get:
        return
          "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"
      case .generic:
        return
          "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
      }
    }
  }

  /// The error kubectl prints for an unknown `-o` value.
  static func unknown(_ value: String, printers: Printers = .get) -> KubectlError {
    .plain(
      "unable to match a printer suitable for the output format \"\(value)\", allowed formats are: \(printers.allowed)"
    )
  }

  /// Parses the `-o` value of a command that prints the objects it makes (`create -f`,
  /// `config view`): kubectl's `PrintFlags` there have no table printer, so `wide` and
  /// anything unknown are refused with the shorter list.
  static func parseWithoutTables(_ value: String?) throws(KubectlError) -> OutputFormat {
    try parse(value, printers: .generic)
  }

  /// ``parseWithoutTables(_:)`` of a command's output flags (`-o`, `--template`, ...).
  static func parseWithoutTables(_ flags: FlagParser.Parsed) throws(KubectlError) -> OutputFormat {
    try parse(flags, printers: .generic)
  }

  /// Parses the output flags of a command: `-o`, and `--template` and
  /// `--allow-missing-template-keys` when it declares ``templateFlags``.
  static func parse(_ flags: FlagParser.Parsed, printers: Printers = .get, files: (any FileProvider)? = nil)
    throws(KubectlError) -> OutputFormat
  {
    try parse(
      flags.value("output"), printers: printers, files: files, template: flags.value("template"),
      allowMissingKeys: flags.value("allow-missing-template-keys").map { $0 != "false" } ?? true)
  }

  /// Parses an `-o` value (nil means the default table); `files` supplies `jsonpath-file`
  /// and the go-template files; `template` is `--template`, which makes a missing `-o` mean
  /// `go-template` (kubectl's `PrintFlags.ToPrinter`).
  static func parse(
    _ value: String?, printers: Printers = .get, files: (any FileProvider)? = nil, template: String? = nil,
    allowMissingKeys: Bool = true
  ) throws(KubectlError) -> OutputFormat {
    var value = value
    if let template, !template.isEmpty {
      if value == nil || value == "" { value = "go-template" }
      if let format = value, ["jsonpath", "jsonpath-as-json", "jsonpath-file"].contains(format) {
        value = format + "=" + template
      }
    }
    if let requested = value,
      let printer = try goTemplate(requested, template: template, files: files, allowMissingKeys: allowMissingKeys)
    {
      return .goTemplate(printer)
    }
    switch value {
    case nil, "": return .table
    case "wide" where printers == .get: return .wide
    case "yaml": return .yaml
    case "json": return .json
    case "name": return .name
    case "jsonpath", "jsonpath-as-json", "jsonpath-file":
      throw .plain("template format specified but no template given")
    case let other?:
      for format in ["jsonpath", "jsonpath-as-json", "jsonpath-file"] where other.hasPrefix(format + "=") {
        var template = String(other.dropFirst(format.count + 1))
        guard !template.isEmpty else { throw .plain("template format specified but no template given") }
        if format == "jsonpath-file" {
          guard let text = files?.contents(of: template) else {
            throw .plain("error reading --template \(template), open \(template): no such file or directory")
          }
          template = text
        }
        return .jsonPath(
          try JSONPathTemplate(template, asJSON: format == "jsonpath-as-json", allowMissingKeys: allowMissingKeys))
      }
      if printers == .get {
        if other == "custom-columns" || other == "custom-columns-file" {
          throw .plain("custom-columns format specified but no custom columns given")
        }
        if other.hasPrefix("custom-columns=") {
          return .customColumns(try CustomColumns.fromSpec(String(other.dropFirst("custom-columns=".count))))
        }
        if other.hasPrefix("custom-columns-file=") {
          let path = String(other.dropFirst("custom-columns-file=".count))
          guard !path.isEmpty else { throw .plain("custom-columns format specified but no custom columns given") }
          guard let text = files?.contents(of: path) else {
            throw KubectlError(text: "error: error reading template \(path), open \(path): no such file or directory")
          }
          return .customColumns(try CustomColumns.fromTemplate(text))
        }
      }
      throw unknown(other, printers: printers)
    }
  }

  /// kubectl's `GoTemplatePrintFlags.ToPrinter`: the printer for a go-template format (with
  /// its template after `=`, or from `--template`), nil for another format.
  private static func goTemplate(
    _ requested: String, template: String?, files: (any FileProvider)?, allowMissingKeys: Bool
  ) throws(KubectlError) -> GoTemplatePrinter? {
    var format = requested
    var text = template ?? ""
    if text.isEmpty {
      for (name, _) in goTemplateFormats where requested.hasPrefix(name + "=") {
        text = String(requested.dropFirst(name.count + 1))
        format = name
        break
      }
    }
    guard let (_, isFile) = goTemplateFormats.first(where: { $0.0 == format }) else { return nil }
    guard !text.isEmpty else { throw .plain("template format specified but no template given") }
    if isFile {
      guard let contents = files?.contents(of: text) else {
        throw .plain("error reading --template \(text), open \(text): no such file or directory")
      }
      text = contents
    }
    return try GoTemplatePrinter(text, allowMissingKeys: allowMissingKeys)
  }

  /// The text of an object kubectl built itself (a `--dry-run=client` object) in a format
  /// that prints objects: YAML, JSON in the object's own key order, or a JSONPath template.
  func printed(typed object: JSONValue) throws(KubectlError) -> String {
    switch self {
    case .json: return JSONPrinter.print(object, sortKeys: false)
    case .jsonPath(let template): return try template.print(typed: object)
    case .goTemplate(let printer): return try printer.print(typed: object)
    default: return YAMLPrinter.print(object)
    }
  }

  /// The text of an object the server sent, in a format that prints objects.
  func printed(served object: JSONValue) throws(KubectlError) -> String {
    switch self {
    case .json: return JSONPrinter.print(object)
    case .jsonPath(let template): return try template.print(object)
    case .goTemplate(let printer): return try printer.print(served: object)
    default: return YAMLPrinter.print(object)
    }
  }
}
