import KubeSim

/// `-o custom-columns=HEADER:PATH,...` and `-o custom-columns-file=FILE` of `kubectl get`:
/// kubectl's `CustomColumnsPrinter` (`pkg/cmd/get/customcolumn.go`).
struct CustomColumns: Equatable, Sendable {
  /// One column: its header as written and its JSONPath (`{.metadata.name}`).
  struct Column: Equatable, Sendable {
    var header: String
    var fieldSpec: String
  }

  var columns: [Column]
  /// Whether `--no-headers` may hide the header (a spec; a file always prints it).
  var honoursNoHeaders: Bool

  /// `NewCustomColumnsPrinterFromSpec`: comma-separated `HEADER:PATH` pairs.
  static func fromSpec(_ spec: String) throws(KubectlError) -> CustomColumns {
    guard !spec.isEmpty else { throw .plain("custom-columns format specified but no custom columns given") }
    var columns: [Column] = []
    for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
      guard let colon = part.firstIndex(of: ":") else {
        throw .plain("unexpected custom-columns spec: \(part), expected <header>:<json-path-expr>")
      }
      let path = try relaxedJSONPath(String(part[part.index(after: colon)...]))
      columns.append(Column(header: String(part[..<colon]), fieldSpec: path))
    }
    return CustomColumns(columns: columns, honoursNoHeaders: true)
  }

  /// `NewCustomColumnsPrinterFromTemplate`: a line of headers and a line of paths.
  static func fromTemplate(_ text: String) throws(KubectlError) -> CustomColumns {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    let format = "Expected format is one line of space separated headers, one line of space separated column specs."
    guard !text.isEmpty, let headerLine = lines.first else {
      throw .plain("invalid template, missing header line. \(format)")
    }
    guard lines.count > 1, !(lines.count == 2 && lines[1].isEmpty) else {
      throw .plain("invalid template, missing spec line. \(format)")
    }
    let words = { (line: Substring) in
      line.split(whereSeparator: { " \t\n\r\u{0B}\u{0C}".contains($0) }).map(String.init)
    }
    let headers = words(headerLine)
    let specs = words(lines[1])
    guard headers.count == specs.count else {
      throw .plain("number of headers (\(headers.count)) and field specifications (\(specs.count)) don't match")
    }
    var columns: [Column] = []
    for (header, spec) in zip(headers, specs) {
      columns.append(Column(header: header, fieldSpec: try relaxedJSONPath(spec)))
    }
    return CustomColumns(columns: columns, honoursNoHeaders: false)
  }

  /// `RelaxedJSONPathExpression`: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`.
  static func relaxedJSONPath(_ expression: String) throws(KubectlError) -> String {
    guard let field = relaxedField(expression) else {
      throw .plain(
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
    }
    return field
  }

  /// The relaxed expression, or nil when it matches neither form of the regular expression
  /// `^\{\.?([^{}]+)\}$|^\.?([^{}]+)$`.
  static func relaxedField(_ expression: String) -> String? {
    if expression.isEmpty { return expression }
    var body = Substring(expression)
    if body.count >= 2 && body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
    guard !body.isEmpty, !body.contains("{"), !body.contains("}") else { return nil }
    if body.count > 1 && body.hasPrefix(".") { body = body.dropFirst() }
    return "{.\(body)}"
  }

  /// The table of `objects` (the items of a list, or one object); the header unless hidden.
  func print(_ objects: [JSONValue], noHeaders: Bool) throws(KubectlError) -> String {
    var rows: [[String]] = []
    if !(noHeaders && honoursNoHeaders) { rows.append(columns.map(\.header)) }
    var parsed: [[JSONPathNode]] = []
    for column in columns {
      // The printer parses its columns after writing the header, which its deferred flush still prints.
      do { parsed.append(try JSONPathParser.parse(column.fieldSpec)) } catch {
        throw KubectlError(text: TabWriter.get.format(rows) + "error: " + error.message)
      }
    }
    for object in objects {
      var row: [String] = []
      for nodes in parsed {
        var evaluator = JSONPathEvaluator(nodes: nodes, allowMissingKeys: true)
        let values: [[JSONValue]]
        do { values = try evaluator.findResults(object) } catch {
          throw KubectlError(text: TabWriter.get.format(rows) + "error: " + error.message)
        }
        let texts = values.flatMap { $0.map { Self.escapeTerminal(GoValueText.plain($0)) } }
        row.append(values.first?.isEmpty ?? true ? "<none>" : texts.joined(separator: ","))
      }
      rows.append(row)
    }
    return TabWriter.get.format(rows)
  }

  /// `printers.EscapeTerminal`: an escape character as `^[`, a carriage return as `\r`.
  static func escapeTerminal(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\u{1B}": result += "^["
      case "\r": result += "\\r"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
