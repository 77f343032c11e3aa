/// kubectl v1.32's `explain` plaintext template (`pkg/explain/v2/templates/plaintext.tmpl`)
/// over ``ExplainSchema``: the GROUP/KIND/VERSION header, then the `output`, `fieldList`,
/// `fieldDetail`, `description`, `typeGuess` and `extractEnum` templates.
struct ExplainRenderer {
  var schema: ExplainSchema

  /// How deep `--recursive` goes at most (the template stops only at cycles).
  static let maximumDepth = 64

  /// The template's output for `kind` and the field path, or the template's error.
  func render(kind: ExplainSchema.Kind, fieldPath: [String], recursive: Bool) throws(KubectlError) -> String {
    var text = ""
    if !kind.group.isEmpty { text += "GROUP:      \(kind.group)\n" }
    text += "KIND:       \(kind.kind)\nVERSION:    \(kind.version)\n\n"
    guard schema.definitions[kind.definition] != nil else {
      // The template prints the GVK map with Go's %v.
      throw .plain("GVK map[group:\(kind.group) kind:\(kind.kind) version:\(kind.version)] not found in OpenAPI schema")
    }
    let body = output(
      description: nil, type: .reference(kind.definition), fieldPath: fieldPath[...], recursive: recursive)
    guard !body.isEmpty else {
      // The template names the path's last element, whichever element was missing.
      throw .plain("field \"\(fieldPath.last ?? "")\" does not exist")
    }
    return text + body + "\n"
  }

  /// The `output` template: follows the field path, then prints the description and the
  /// field list; empty when a field does not exist.
  func output(description: String?, type: ExplainSchema.FieldType, fieldPath: ArraySlice<String>, recursive: Bool)
    -> String
  {
    guard let name = fieldPath.first else {
      let text = self.description(own: description, type: type)
      var result =
        "DESCRIPTION:\n" + ExplainText.indent(ExplainText.wrap(text.isEmpty ? "<empty>" : text, limit: 76), by: 4)
      result += "\n"
      let fields = fieldList(type, level: 1, history: [], recursive: recursive)
      if !fields.isEmpty { result += "FIELDS:\n" + fields }
      return result
    }
    guard let field = schema.objectDefinition(of: type)?.definition.fields.first(where: { $0.name == name }) else {
      return ""
    }
    var result = ""
    if fieldPath.count == 1 {
      result += "FIELD: \(name) <\(typeGuess(field.type))>\n" + longEnum(field.enumValues) + "\n\n"
    }
    let rest = output(
      description: field.description, type: field.type, fieldPath: fieldPath.dropFirst(), recursive: recursive)
    return rest.isEmpty ? "" : result + rest
  }

  /// The `description` template: the schema's own description, then the description of the
  /// definition it refers to (through `allOf`, `items` and `additionalProperties`), each
  /// followed by a newline.
  func description(own: String?, type: ExplainSchema.FieldType) -> String {
    var text = ""
    if let own, !own.isEmpty { text += own + "\n" }
    if let referenced = schema.objectDefinition(of: type), !referenced.definition.description.isEmpty {
      text += referenced.definition.description + "\n"
    }
    return text
  }

  /// The `fieldList` template: each field of the definition `type` leads to, sorted by name
  /// (Go templates range over maps in key order); nested under each field with `--recursive`.
  func fieldList(_ type: ExplainSchema.FieldType, level: Int, history: Set<String>, recursive: Bool) -> String {
    guard level <= Self.maximumDepth, let (key, definition) = schema.objectDefinition(of: type),
      !history.contains(key)
    else { return "" }
    var result = ""
    for field in definition.fields.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
      result += fieldDetail(field, level: level, short: recursive)
      if recursive {
        result += fieldList(field.type, level: level + 1, history: history.union([key]), recursive: true)
      }
    }
    return result
  }

  /// The `fieldDetail` template: `NAME<TAB><TYPE>`, ` -required-`, the enum line and, unless
  /// short, the wrapped description.
  func fieldDetail(_ field: ExplainSchema.Field, level: Int, short: Bool) -> String {
    let indentAmount = level * 2
    var result = ExplainText.indent(field.name, by: indentAmount) + "\t<\(typeGuess(field.type))>"
    if field.required { result += " -required-" }
    result += shortEnum(field.enumValues, indentAmount: indentAmount) + "\n"
    if !short {
      let text = field.description.isEmpty ? "<no description>" : field.description
      result += ExplainText.indent(ExplainText.wrap(text, limit: 78 - indentAmount), by: indentAmount + 2) + "\n\n"
    }
    return result
  }

  /// The `typeGuess` template: `[]T`, `map[string]T`, a definition's name (or its scalar
  /// type), `Object` for objects.
  func typeGuess(_ type: ExplainSchema.FieldType) -> String {
    switch type {
    case .array(let element): return "[]" + typeGuess(element)
    case .map(let element): return "map[string]" + typeGuess(element)
    case .primitive(let name): return name == "object" || name.isEmpty ? "Object" : name
    case .reference(let key):
      guard let definition = schema.definitions[key] else { return "Object" }
      if let scalar = definition.scalarType, scalar != "object" { return scalar }
      return definition.name
    }
  }

  /// `extractEnum` in the field list: `enum: A, B, C, D, ....` (at most four values).
  func shortEnum(_ values: [String], indentAmount: Int) -> String {
    guard !values.isEmpty else { return "" }
    var result = "\n" + String(repeating: " ", count: indentAmount) + "enum: "
    for (index, value) in values.enumerated() {
      if index >= 4 {
        result += ", ...."
        break
      }
      if index > 0 { result += ", " }
      result += value.isEmpty ? "\"\"" : value
    }
    return result
  }

  /// `extractEnum` after `FIELD:`: `ENUM:` and one indented value a line.
  func longEnum(_ values: [String]) -> String {
    guard !values.isEmpty else { return "" }
    return "ENUM:" + values.map { "\n    " + ($0.isEmpty ? "\"\"" : $0) }.joined()
  }
}
