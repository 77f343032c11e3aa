/// A node of a parsed Go template (`text/template/parse`'s node types), with its byte
/// position in the template for error locations.
indirect enum GoTemplateNode: Sendable {
  case text(String, position: Int)
  case action(GoTemplatePipe, position: Int)
  case list([GoTemplateNode], position: Int)
  case ifNode(GoTemplateBranch)
  case range(GoTemplateBranch)
  case with(GoTemplateBranch)
  case template(name: String, pipe: GoTemplatePipe?, position: Int)
  case breakNode(position: Int)
  case continueNode(position: Int)
  /// The markers `end` and `else` that close a list while parsing (never in a tree).
  case end(position: Int)
  case elseNode(position: Int)

  /// Go's `Node.String()`.
  var description: String {
    switch self {
    case .text(let text, _): return text
    case .action(let pipe, _): return "{{" + pipe.description + "}}"
    case .list(let nodes, _): return nodes.map(\.description).joined()
    case .ifNode(let branch): return branch.description("if")
    case .range(let branch): return branch.description("range")
    case .with(let branch): return branch.description("with")
    case .template(let name, let pipe, _):
      guard let pipe else { return "{{template \(GoUnquote.quote(name))}}" }
      return "{{template \(GoUnquote.quote(name)) \(pipe.description)}}"
    case .breakNode: return "{{break}}"
    case .continueNode: return "{{continue}}"
    case .end: return "{{end}}"
    case .elseNode: return "{{else}}"
    }
  }

  /// The byte position of the node.
  var position: Int {
    switch self {
    case .text(_, let position), .action(_, let position), .list(_, let position), .breakNode(let position),
      .continueNode(let position), .end(let position), .elseNode(let position), .template(_, _, let position):
      return position
    case .ifNode(let branch), .range(let branch), .with(let branch): return branch.position
    }
  }
}

/// The parts of an `if`, `range` or `with`: its pipeline, list and `else` list.
struct GoTemplateBranch: Sendable {
  var position: Int
  var pipe: GoTemplatePipe
  var list: [GoTemplateNode]
  var elseList: [GoTemplateNode]?

  /// Go's `BranchNode.String()`.
  func description(_ name: String) -> String {
    var text = "{{\(name) \(pipe.description)}}" + list.map(\.description).joined()
    if let elseList { text += "{{else}}" + elseList.map(\.description).joined() }
    return text + "{{end}}"
  }
}

/// A pipeline: optional variable declarations (`$x :=` or `$x =`) and commands joined by `|`.
struct GoTemplatePipe: Sendable {
  var position: Int
  var isAssign = false
  var declarations: [GoTemplateArgument.Variable] = []
  var commands: [GoTemplateCommand] = []

  /// Go's `PipeNode.String()`.
  var description: String {
    var text = ""
    if !declarations.isEmpty {
      text = declarations.map(\.description).joined(separator: ", ") + (isAssign ? " = " : " := ")
    }
    return text + commands.map(\.description).joined(separator: " | ")
  }
}

/// One command of a pipeline: a function, field or value and its arguments.
struct GoTemplateCommand: Sendable {
  var position: Int
  var arguments: [GoTemplateArgument] = []

  /// Go's `CommandNode.String()`.
  var description: String {
    arguments.map { argument in
      if case .pipe(let pipe) = argument { return "(" + pipe.description + ")" }
      return argument.description
    }.joined(separator: " ")
  }
}

/// An operand of a command.
indirect enum GoTemplateArgument: Sendable {
  /// A variable reference: `$`, `$x`, `$x.a.b` (the name and the fields after it).
  struct Variable: Sendable {
    var position: Int
    var name: String
    var fields: [String] = []
    var description: String { ([name] + fields).joined(separator: ".") }
  }

  case identifier(String, position: Int)
  case dot(position: Int)
  case nilValue(position: Int)
  case field([String], position: Int)
  case variable(Variable)
  case bool(Bool, position: Int)
  case number(GoTemplateNumber, position: Int)
  case string(String, quoted: String, position: Int)
  case pipe(GoTemplatePipe)
  /// `(pipeline).a.b` or another term followed by fields.
  case chain(GoTemplateArgument, fields: [String], position: Int)

  /// Go's `Node.String()`.
  var description: String {
    switch self {
    case .identifier(let name, _): return name
    case .dot: return "."
    case .nilValue: return "nil"
    case .field(let names, _): return names.map { "." + $0 }.joined()
    case .variable(let variable): return variable.description
    case .bool(let flag, _): return flag ? "true" : "false"
    case .number(let number, _): return number.text
    case .string(_, let quoted, _): return quoted
    case .pipe(let pipe): return pipe.description
    case .chain(let node, let fields, _):
      let head: String
      if case .pipe(let pipe) = node { head = "(" + pipe.description + ")" } else { head = node.description }
      return head + fields.map { "." + $0 }.joined()
    }
  }

  /// The byte position of the operand.
  var position: Int {
    switch self {
    case .identifier(_, let position), .dot(let position), .nilValue(let position), .field(_, let position),
      .bool(_, let position), .number(_, let position), .string(_, _, let position), .chain(_, _, let position):
      return position
    case .variable(let variable): return variable.position
    case .pipe(let pipe): return pipe.position
    }
  }
}

/// A numeric constant as Go's parser reads it: which of int, uint and float it can be.
struct GoTemplateNumber: Sendable {
  var text: String
  var int: Int64?
  var uint: UInt64?
  var float: Double?
  var isComplex = false
}
