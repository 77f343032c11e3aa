import KubeSim

/// Go's `text/template/parse` parser for one template named `name`: the main tree and the
/// trees of every `{{define}}` and `{{block}}`, with Go's parse errors.
struct GoTemplateParser {
  /// The parsed templates: the main one under `name`, and each defined one.
  typealias Trees = [String: [GoTemplateNode]]

  /// The functions a template may call (Go refuses unknown ones when parsing).
  static let functions: Set<String> = [
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery",
    "eq", "ge", "gt", "le", "lt", "ne", "exists", "base64decode",
  ]

  /// The deepest nesting of actions, parentheses and lists the parser follows (Go has no
  /// limit; kubebook keeps recursion bounded).
  static let maxDepth = 200

  private let name: String
  private let tokens: [GoTemplateToken]
  private var index = 0
  private var lastLine = 1
  private var actionLine = 0
  private var rangeDepth = 0
  private var depth = 0
  private var variables: [String] = ["$"]
  private var trees: Trees = [:]

  /// Parses `text` as the template `name`.
  static func parse(_ text: String, name: String = "output") throws(GoTemplateError) -> Trees {
    var parser = GoTemplateParser(name: name, tokens: GoTemplateLexer.tokens(text))
    let root = try parser.parseRoot()
    try parser.add(name, root)
    return parser.trees
  }

  /// A parser over the tokens of the template `name`.
  private init(name: String, tokens: [GoTemplateToken]) {
    self.name = name
    self.tokens = tokens
  }

  // MARK: Tokens

  /// The next token (Go's `next`), remembering its line for errors.
  private mutating func next() -> GoTemplateToken {
    let token = tokens[min(index, tokens.count - 1)]
    index += 1
    lastLine = token.line
    return token
  }

  /// Steps back `count` tokens.
  private mutating func backup(_ count: Int = 1) { index -= count }

  /// The next token, not consumed.
  private mutating func peek() -> GoTemplateToken {
    let token = next()
    backup()
    return token
  }

  /// The next token that is not a space.
  private mutating func nextNonSpace() -> GoTemplateToken {
    var token = next()
    while token.kind == .space { token = next() }
    return token
  }

  /// The next token that is not a space, not consumed (the spaces are).
  private mutating func peekNonSpace() -> GoTemplateToken {
    let token = nextNonSpace()
    backup()
    return token
  }

  // MARK: Errors

  /// Go's `Tree.errorf`: `template: output:LINE: message`.
  private func error(_ message: String) -> GoTemplateError {
    GoTemplateError(message: "template: \(name):\(lastLine): \(message)")
  }

  /// Go's `unexpected`: a lexer error as it is, else `unexpected TOKEN in CONTEXT`.
  private func unexpected(_ token: GoTemplateToken, _ context: String) -> GoTemplateError {
    if token.kind == .error {
      var extra = ""
      if actionLine != 0 && actionLine != token.line {
        extra = " in action started at \(name):\(actionLine)"
        if token.value.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
      }
      return error(token.value + extra)
    }
    return error("unexpected \(token.description) in \(context)")
  }

  /// The next token, which must be of `kind`.
  private mutating func expect(_ kind: GoTemplateToken.Kind, _ context: String) throws(GoTemplateError)
    -> GoTemplateToken
  {
    let token = nextNonSpace()
    guard token.kind == kind else { throw unexpected(token, context) }
    return token
  }

  /// Guards the recursion of nested constructs.
  private mutating func enter() throws(GoTemplateError) {
    depth += 1
    if depth > Self.maxDepth { throw error("template nested more than \(Self.maxDepth) levels deep") }
  }

  // MARK: Trees

  /// Records a template tree; a second non-empty definition of a name is an error.
  private mutating func add(_ treeName: String, _ root: [GoTemplateNode]) throws(GoTemplateError) {
    guard let existing = trees[treeName], !Self.isEmpty(existing) else {
      trees[treeName] = root
      return
    }
    if !Self.isEmpty(root) { throw error("template: multiple definition of template \(GoUnquote.quote(treeName))") }
  }

  /// Go's `IsEmptyTree`: only blank text and comments.
  static func isEmpty(_ nodes: [GoTemplateNode]) -> Bool {
    nodes.allSatisfy { node in
      if case .text(let text, _) = node {
        return text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
      }
      if case .list(let inner, _) = node { return isEmpty(inner) }
      return false
    }
  }

  /// The main template, with its `{{define}}`s taken out.
  private mutating func parseRoot() throws(GoTemplateError) -> [GoTemplateNode] {
    var root: [GoTemplateNode] = []
    while peek().kind != .eof {
      if peek().kind == .leftDelim {
        let before = index
        _ = next()
        if nextNonSpace().kind == .define {
          try parseDefinition()
          continue
        }
        index = before
      }
      let node = try textOrAction()
      switch node {
      case .end, .elseNode: throw error("unexpected \(node.description)")
      default: root.append(node)
      }
    }
    return root
  }

  /// `{{define "name"}}...{{end}}`.
  private mutating func parseDefinition() throws(GoTemplateError) {
    let context = "define clause"
    let token = nextNonSpace()
    guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
    let treeName = try unquote(token.value)
    _ = try expect(.rightDelim, context)
    let saved = variables
    variables = ["$"]
    let (list, end) = try itemList()
    variables = saved
    guard case .end = end else { throw error("unexpected \(end.description) in \(context)") }
    try add(treeName, list)
  }

  /// Nodes up to an `{{end}}` or `{{else}}`, which is returned too.
  private mutating func itemList() throws(GoTemplateError) -> ([GoTemplateNode], GoTemplateNode) {
    try enter()
    defer { depth -= 1 }
    var list: [GoTemplateNode] = []
    while peekNonSpace().kind != .eof {
      let node = try textOrAction()
      switch node {
      case .end, .elseNode: return (list, node)
      default: list.append(node)
      }
    }
    throw error("unexpected EOF")
  }

  /// A text node or an action.
  private mutating func textOrAction() throws(GoTemplateError) -> GoTemplateNode {
    let token = nextNonSpace()
    switch token.kind {
    case .text: return .text(token.value, position: token.position)
    case .leftDelim:
      actionLine = token.line
      defer { actionLine = 0 }
      return try action()
    default: throw unexpected(token, "input")
    }
  }

  /// The action after `{{`: a control keyword or a pipeline.
  private mutating func action() throws(GoTemplateError) -> GoTemplateNode {
    let token = nextNonSpace()
    switch token.kind {
    case .block: return try blockControl()
    case .breakKeyword: return try loopControl(token, keyword: "break")
    case .continueKeyword: return try loopControl(token, keyword: "continue")
    case .elseKeyword:
      let peeked = peekNonSpace()
      if peeked.kind == .ifKeyword || peeked.kind == .with { return .elseNode(position: peeked.position) }
      return .elseNode(position: try expect(.rightDelim, "else").position)
    case .end: return .end(position: try expect(.rightDelim, "end").position)
    case .ifKeyword: return .ifNode(try parseControl("if"))
    case .range: return .range(try parseControl("range"))
    case .template: return try templateControl()
    case .with: return .with(try parseControl("with"))
    default:
      backup()
      let position = peek().position
      return .action(try pipeline("command", end: .rightDelim), position: position)
    }
  }

  /// `{{break}}` or `{{continue}}`, only inside `{{range}}`.
  private mutating func loopControl(_ token: GoTemplateToken, keyword: String) throws(GoTemplateError)
    -> GoTemplateNode
  {
    let following = nextNonSpace()
    guard following.kind == .rightDelim else { throw unexpected(following, "{{\(keyword)}}") }
    guard rangeDepth > 0 else { throw error("{{\(keyword)}} outside {{range}}") }
    return keyword == "break" ? .breakNode(position: token.position) : .continueNode(position: token.position)
  }

  /// Go's `pipeline`: optional declarations, then commands up to `end`.
  private mutating func pipeline(_ context: String, end: GoTemplateToken.Kind) throws(GoTemplateError)
    -> GoTemplatePipe
  {
    try enter()
    defer { depth -= 1 }
    var pipe = GoTemplatePipe(position: peekNonSpace().position)
    declarations: while true {
      let variable = peekNonSpace()
      guard variable.kind == .variable else { break }
      let before = index
      _ = nextNonSpace()
      let following = peekNonSpace()
      if following.kind == .assign || following.kind == .declare {
        pipe.isAssign = following.kind == .assign
        _ = nextNonSpace()
        pipe.declarations.append(.init(position: variable.position, name: variable.value))
        variables.append(variable.value)
      } else if following.kind == .char && following.value == "," {
        _ = nextNonSpace()
        pipe.declarations.append(.init(position: variable.position, name: variable.value))
        variables.append(variable.value)
        if context == "range" && pipe.declarations.count < 2 {
          switch peekNonSpace().kind {
          case .variable, .rightDelim, .rightParen: continue declarations
          default: throw error("range can only initialize variables")
          }
        }
        throw error("too many declarations in \(context)")
      } else {
        index = before
      }
      break
    }
    while true {
      let token = nextNonSpace()
      switch token.kind {
      case end:
        try checkPipeline(pipe, context)
        return pipe
      case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword, .rawString, .string,
        .variable, .leftParen:
        backup()
        pipe.commands.append(try command())
      default: throw unexpected(token, context)
      }
    }
  }

  /// Refuses an empty pipeline and constants after the first command.
  private func checkPipeline(_ pipe: GoTemplatePipe, _ context: String) throws(GoTemplateError) {
    guard !pipe.commands.isEmpty else { throw error("missing value for \(context)") }
    for (offset, command) in pipe.commands.enumerated().dropFirst() {
      switch command.arguments.first {
      case .bool, .dot, .nilValue, .number, .string:
        throw error("non executable command in pipeline stage \(offset + 1)")
      default: continue
      }
    }
  }

  /// The pipeline and lists of `if`, `range` or `with` (`else if`, `else with` chained).
  private mutating func parseControl(_ context: String) throws(GoTemplateError) -> GoTemplateBranch {
    let savedVariables = variables.count
    defer { variables.removeLast(variables.count - savedVariables) }
    let pipe = try pipeline(context, end: .rightDelim)
    if context == "range" { rangeDepth += 1 }
    let (list, next) = try itemList()
    if context == "range" { rangeDepth -= 1 }
    var elseList: [GoTemplateNode]?
    if case .elseNode = next {
      let chained = peek().kind
      if context == "if" && chained == .ifKeyword || context == "with" && chained == .with {
        _ = self.next()
        let branch = try parseControl(context)
        elseList = [context == "if" ? .ifNode(branch) : .with(branch)]
      } else {
        let (elseNodes, end) = try itemList()
        guard case .end = end else { throw error("expected end; found \(end.description)") }
        elseList = elseNodes
      }
    }
    return GoTemplateBranch(position: pipe.position, pipe: pipe, list: list, elseList: elseList)
  }

  /// `{{block "name" pipeline}}...{{end}}`: a definition and its call.
  private mutating func blockControl() throws(GoTemplateError) -> GoTemplateNode {
    let context = "block clause"
    let token = nextNonSpace()
    let blockName = try templateName(token, context)
    let pipe = try pipeline(context, end: .rightDelim)
    let (savedVariables, savedRangeDepth) = (variables, rangeDepth)
    (variables, rangeDepth) = (["$"], 0)
    let (list, end) = try itemList()
    (variables, rangeDepth) = (savedVariables, savedRangeDepth)
    guard case .end = end else { throw error("unexpected \(end.description) in \(context)") }
    try add(blockName, list)
    return .template(name: blockName, pipe: pipe, position: token.position)
  }

  /// `{{template "name" [pipeline]}}`.
  private mutating func templateControl() throws(GoTemplateError) -> GoTemplateNode {
    let context = "template clause"
    let token = nextNonSpace()
    let templateName = try templateName(token, context)
    var pipe: GoTemplatePipe?
    if nextNonSpace().kind != .rightDelim {
      backup()
      pipe = try pipeline(context, end: .rightDelim)
    }
    return .template(name: templateName, pipe: pipe, position: token.position)
  }

  /// The quoted name of a template.
  private func templateName(_ token: GoTemplateToken, _ context: String) throws(GoTemplateError) -> String {
    guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
    return try unquote(token.value)
  }

  /// One command: operands up to `|`, `}}` or `)`.
  private mutating func command() throws(GoTemplateError) -> GoTemplateCommand {
    var command = GoTemplateCommand(position: peekNonSpace().position)
    while true {
      _ = peekNonSpace()
      if let operand = try operand() { command.arguments.append(operand) }
      let token = next()
      switch token.kind {
      case .space: continue
      case .rightDelim, .rightParen: backup()
      case .pipe: break
      default: throw unexpected(token, "operand")
      }
      break
    }
    guard !command.arguments.isEmpty else { throw error("empty command") }
    return command
  }

  /// A term and the fields after it.
  private mutating func operand() throws(GoTemplateError) -> GoTemplateArgument? {
    guard var node = try term() else { return nil }
    if peek().kind == .field {
      let position = peek().position
      var fields: [String] = []
      while peek().kind == .field { fields.append(String(next().value.dropFirst())) }
      switch node {
      case .field(let names, _): node = .field(names + fields, position: position)
      case .variable(var variable):
        variable.fields += fields
        variable.position = position
        node = .variable(variable)
      case .bool, .string, .number, .nilValue, .dot:
        throw error("unexpected . after term \(GoUnquote.quote(node.description))")
      default: node = .chain(node, fields: fields, position: position)
      }
    }
    return node
  }

  /// Go's `term`: a function, dot, nil, variable, field, constant or parenthesised
  /// pipeline.
  private mutating func term() throws(GoTemplateError) -> GoTemplateArgument? {
    let token = nextNonSpace()
    switch token.kind {
    case .identifier:
      guard Self.functions.contains(token.value) else {
        throw error("function \(GoUnquote.quote(token.value)) not defined")
      }
      return .identifier(token.value, position: token.position)
    case .dot: return .dot(position: token.position)
    case .nilKeyword: return .nilValue(position: token.position)
    case .variable:
      var parts = token.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      let head = parts.removeFirst()
      guard variables.contains(head) else { throw error("undefined variable \(GoUnquote.quote(head))") }
      return .variable(.init(position: token.position, name: head, fields: parts))
    case .field:
      return .field(token.value.split(separator: ".").map(String.init), position: token.position)
    case .bool: return .bool(token.value == "true", position: token.position)
    case .charConstant, .complex, .number:
      return .number(try Self.number(token, error: error), position: token.position)
    case .leftParen:
      try enter()
      defer { depth -= 1 }
      return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
    case .string, .rawString:
      return .string(try unquote(token.value), quoted: token.value, position: token.position)
    default:
      backup()
      return nil
    }
  }

  /// Go's `strconv.Unquote` of a string token.
  private func unquote(_ quoted: String) throws(GoTemplateError) -> String {
    if quoted.hasPrefix("`") { return String(quoted.dropFirst().dropLast()).replacingCarriageReturns() }
    guard quoted.hasPrefix("\""), let text = GoUnquote.unquoteExtend(quoted) else { throw error("invalid syntax") }
    return text
  }

  /// Go's `newNumber`: a character, integer or floating-point constant.
  private static func number(_ token: GoTemplateToken, error: (String) -> GoTemplateError) throws(GoTemplateError)
    -> GoTemplateNumber
  {
    let text = token.value
    var number = GoTemplateNumber(text: text)
    if token.kind == .charConstant {
      guard let decoded = GoUnquote.unquoteExtend(text), decoded.unicodeScalars.count == 1,
        let scalar = decoded.unicodeScalars.first
      else { throw error("malformed character constant: \(text)") }
      number.int = Int64(scalar.value)
      number.uint = UInt64(scalar.value)
      number.float = Double(scalar.value)
      return number
    }
    if token.kind == .complex || text.hasSuffix("i") {
      throw error("complex constants are not supported: \(GoUnquote.quote(text))")
    }
    if case .success(let value) = GoStrconv.parseInt(text, base: 0) {
      number.int = value
      if value >= 0 { number.uint = UInt64(value) }
      number.float = Double(value)
      return number
    }
    let digits = text.filter { $0 != "_" }
    if let value = Double(digits), value.isFinite, !text.contains("_") || text.lowercased().hasPrefix("0x") {
      guard text.contains(where: { ".eEpP".contains($0) }) else {
        throw error("integer overflow: \(GoUnquote.quote(text))")
      }
      number.float = value
      if value == value.rounded(.towardZero), abs(value) < 9.2e18 {
        number.int = Int64(value)
        if value >= 0 { number.uint = UInt64(value) }
      }
      return number
    }
    throw error("illegal number syntax: \(GoUnquote.quote(text))")
  }
}

extension String {
  /// Go drops carriage returns from raw strings.
  fileprivate func replacingCarriageReturns() -> String {
    String(unicodeScalars.filter { $0 != "\r" }.map(Character.init))
  }
}
