/// Go's `text/template` execution (`exec.go`) of parsed templates on one value, with the
/// error texts of Go's `ExecError`. Bounded: output bytes, evaluation steps and the depth of
/// `{{template}}` calls all have limits with a clear error.
struct GoTemplateExecutor {
  /// The most output one template writes.
  static let maxOutputBytes = 4 * 1024 * 1024
  /// The most actions, iterations and calls one execution takes.
  static let maxSteps = 1_000_000
  /// The deepest nesting of `{{template}}` calls (Go allows 100000).
  static let maxTemplateDepth = 100

  /// How execution stops early: an error, or `{{break}}` / `{{continue}}` leaving a loop.
  enum Interrupt: Error {
    case failure(GoTemplateError)
    case breakLoop
    case continueLoop
  }

  /// Where an error is reported: the node's position and Go's text for it.
  private struct Location {
    var position: Int
    var text: String
  }

  private let trees: GoTemplateParser.Trees
  private let source: [UInt8]
  private let parseName: String
  private let allowMissingKeys: Bool
  private var templateName: String
  private var location: Location?
  private var variables: [(name: String, value: GoTemplateValue)] = []
  private var depth = 0
  private var steps = 0
  private(set) var output: [UInt8] = []

  /// Runs the template `name` of `trees` (parsed from `source`) on `data`.
  static func execute(
    _ trees: GoTemplateParser.Trees, source: String, name: String, data: GoTemplateValue, allowMissingKeys: Bool
  ) throws(GoTemplateError) -> String {
    var executor = GoTemplateExecutor(
      trees: trees, source: Array(source.utf8), parseName: name, allowMissingKeys: allowMissingKeys,
      templateName: name)
    executor.variables = [("$", data)]
    do {
      try executor.walk(data, .list(trees[name] ?? [], position: 0))
    } catch {
      switch error {
      case .failure(var failure):
        failure.partialOutput = String(decoding: executor.output, as: UTF8.self)
        throw failure
      case .breakLoop, .continueLoop: break
      }
    }
    return String(decoding: executor.output, as: UTF8.self)
  }

  /// An executor over `trees`, reporting errors against `source`.
  private init(
    trees: GoTemplateParser.Trees, source: [UInt8], parseName: String, allowMissingKeys: Bool, templateName: String
  ) {
    self.trees = trees
    self.source = source
    self.parseName = parseName
    self.allowMissingKeys = allowMissingKeys
    self.templateName = templateName
  }

  // MARK: Errors

  /// Records the node errors are reported at (Go's `state.at`).
  private mutating func at(_ position: Int, _ text: String) { location = Location(position: position, text: text) }

  /// Records an operand as the node errors are reported at.
  private mutating func at(_ argument: GoTemplateArgument) { at(argument.position, argument.description) }

  /// Go's `state.errorf`: `template: output:1:2: executing "output" at <.x>: MESSAGE`.
  func failure(_ message: String) -> Interrupt {
    guard let location else { return .failure(GoTemplateError(message: "template: \(templateName): \(message)")) }
    let before = source[..<min(location.position, source.count)]
    let line = 1 + before.filter { $0 == 0x0A }.count
    let lastNewline = before.lastIndex(of: 0x0A)
    let column = lastNewline.map { location.position - ($0 + 1) } ?? location.position
    return .failure(
      GoTemplateError(
        message:
          "template: \(parseName):\(line):\(column): executing \(GoUnquote.quote(templateName)) at <\(location.text)>: \(message)"
      ))
  }

  /// Counts one step of work, failing past ``maxSteps``.
  private mutating func step() throws(Interrupt) {
    steps += 1
    if steps > Self.maxSteps {
      throw failure("kubebook stops a template after \(Self.maxSteps) steps")
    }
  }

  /// Appends output, failing past ``maxOutputBytes``.
  private mutating func write(_ text: String) throws(Interrupt) {
    output.append(contentsOf: text.utf8)
    if output.count > Self.maxOutputBytes {
      throw failure("kubebook stops template output at \(Self.maxOutputBytes) bytes")
    }
  }

  // MARK: Walking

  /// Go's `walk`: executes one node with `dot` as the cursor.
  private mutating func walk(_ dot: GoTemplateValue, _ node: GoTemplateNode) throws(Interrupt) {
    try step()
    at(node.position, node.description)
    switch node {
    case .action(let pipe, _):
      let value = try evalPipeline(dot, pipe)
      if pipe.declarations.isEmpty {
        at(node.position, node.description)
        try write(value.isValid ? value.printed : "<no value>")
      }
    case .breakNode: throw .breakLoop
    case .continueNode: throw .continueLoop
    case .ifNode(let branch): try walkIfOrWith(dot, branch, isWith: false)
    case .with(let branch): try walkIfOrWith(dot, branch, isWith: true)
    case .list(let nodes, _):
      for inner in nodes { try walk(dot, inner) }
    case .range(let branch): try walkRange(dot, branch)
    case .template(let name, let pipe, let position): try walkTemplate(dot, name: name, pipe: pipe, position: position)
    case .text(let text, _): try write(text)
    case .end, .elseNode: throw failure("unknown node: \(node.description)")
    }
  }

  /// Executes each node of a list.
  private mutating func walkList(_ dot: GoTemplateValue, _ nodes: [GoTemplateNode]) throws(Interrupt) {
    for node in nodes { try walk(dot, node) }
  }

  /// `{{if}}` or `{{with}}`: the list when the pipeline is true (`with` moves dot to
  /// its value), else the `else` list.
  private mutating func walkIfOrWith(_ dot: GoTemplateValue, _ branch: GoTemplateBranch, isWith: Bool)
    throws(Interrupt)
  {
    let mark = variables.count
    defer { variables.removeLast(variables.count - mark) }
    let value = try evalPipeline(dot, branch.pipe)
    if value.isTrue {
      try walkList(isWith ? value : dot, branch.list)
    } else if let elseList = branch.elseList {
      try walkList(dot, elseList)
    }
  }

  /// `{{range}}` over a list or map (maps in sorted key order), or its `else` list when
  /// there is nothing to visit.
  private mutating func walkRange(_ dot: GoTemplateValue, _ branch: GoTemplateBranch) throws(Interrupt) {
    at(branch.position, GoTemplateNode.range(branch).description)
    let outer = variables.count
    defer { variables.removeLast(variables.count - outer) }
    let value = try evalPipeline(dot, branch.pipe)
    let mark = variables.count
    let declared = branch.pipe.declarations.count
    /// One pass of the body; false when `{{break}}` ends the loop.
    func iterate(_ executor: inout GoTemplateExecutor, index: GoTemplateValue, element: GoTemplateValue)
      throws(Interrupt) -> Bool
    {
      try executor.step()
      let names = branch.pipe.declarations.map(\.name)
      if branch.pipe.isAssign {
        // `range $i, $e = ...` assigns to variables declared before (Go's `setVar`): the
        // index first when there are two.
        if declared == 1 { try executor.assign(names[0], element) }
        if declared > 1 {
          try executor.assign(names[0], index)
          try executor.assign(names[1], element)
        }
      } else {
        if declared > 0 { executor.variables[executor.variables.count - 1].value = element }
        if declared > 1 { executor.variables[executor.variables.count - 2].value = index }
      }
      defer { executor.variables.removeLast(executor.variables.count - mark) }
      do { try executor.walkList(element, branch.list) } catch {
        switch error {
        case .breakLoop: return false
        case .continueLoop: return true
        case .failure: throw error
        }
      }
      return true
    }
    switch value.content {
    case .list(let items) where !items.isEmpty:
      for (offset, item) in items.enumerated() {
        guard try iterate(&self, index: .int(offset), element: GoTemplateValue(json: item, boxed: true)) else { break }
      }
      return
    case .map(let pairs) where !pairs.isEmpty:
      for (key, item) in GoValueText.sortedPairs(pairs) {
        guard try iterate(&self, index: .string(key), element: GoTemplateValue(json: item, boxed: true)) else {
          break
        }
      }
      return
    case .list, .map, .invalid: break
    default: throw failure("range can't iterate over \(value.printed)")
    }
    if let elseList = branch.elseList { try walkList(dot, elseList) }
  }

  /// `{{template "name" pipeline}}`: the named template with the pipeline's value as dot
  /// and `$`.
  private mutating func walkTemplate(_ dot: GoTemplateValue, name: String, pipe: GoTemplatePipe?, position: Int)
    throws(Interrupt)
  {
    at(position, GoTemplateNode.template(name: name, pipe: pipe, position: position).description)
    guard let tree = trees[name] else { throw failure("template \(GoUnquote.quote(name)) not defined") }
    if depth >= Self.maxTemplateDepth {
      throw failure("exceeded maximum template depth (\(Self.maxTemplateDepth))")
    }
    let newDot = try pipe.map { pipe throws(Interrupt) in try evalPipeline(dot, pipe) } ?? .invalid
    let saved = (variables, templateName)
    depth += 1
    variables = [("$", newDot)]
    templateName = name
    defer {
      (variables, templateName) = saved
      depth -= 1
    }
    try walkList(newDot, tree)
  }

  // MARK: Pipelines

  /// A value handed on between the commands of a pipeline: nil before the first one (Go's
  /// `missingVal`).
  typealias Final = GoTemplateValue?

  /// Go's `evalPipeline`: each command's result feeds the next; declarations and
  /// assignments take the final value.
  mutating func evalPipeline(_ dot: GoTemplateValue, _ pipe: GoTemplatePipe) throws(Interrupt) -> GoTemplateValue {
    at(pipe.position, pipe.description)
    var value: Final = nil
    for command in pipe.commands {
      value = try evalCommand(dot, command, final: value).unboxed
    }
    let result = value ?? .invalid
    for variable in pipe.declarations {
      if pipe.isAssign {
        try assign(variable.name, result)
      } else {
        variables.append((variable.name, result))
      }
    }
    return result
  }

  /// Go's `setVar`: a new value for the innermost variable `name`.
  private mutating func assign(_ name: String, _ value: GoTemplateValue) throws(Interrupt) {
    guard let index = variables.lastIndex(where: { $0.name == name }) else {
      throw failure("undefined variable: \(name)")
    }
    variables[index].value = value
  }

  /// Refuses arguments to something that is not a function.
  private func notAFunction(_ arguments: [GoTemplateArgument], final: Final) throws(Interrupt) {
    if arguments.count > 1 || final != nil {
      throw failure("can't give argument to non-function \(arguments[0].description)")
    }
  }

  /// Go's `evalCommand`: a field, chain, function call, parenthesised pipeline, variable
  /// or constant.
  private mutating func evalCommand(_ dot: GoTemplateValue, _ command: GoTemplateCommand, final: Final)
    throws(Interrupt) -> GoTemplateValue
  {
    let first = command.arguments[0]
    switch first {
    case .field(let names, _):
      at(first)
      return try evalFieldChain(dot, receiver: dot, names: names, arguments: command.arguments, final: final)
    case .chain(let node, let fields, _):
      return try evalChain(dot, first, node: node, fields: fields, arguments: command.arguments, final: final)
    case .identifier(let name, _):
      at(first)
      return try GoTemplateBuiltins.call(
        name, executor: &self, dot: dot, command: command, arguments: Array(command.arguments.dropFirst()),
        final: final)
    case .pipe(let pipe):
      try notAFunction(command.arguments, final: final)
      return try evalPipeline(dot, pipe)
    case .variable(let variable):
      return try evalVariable(dot, variable, arguments: command.arguments, final: final)
    default:
      at(first)
      try notAFunction(command.arguments, final: final)
      switch first {
      case .bool(let flag, _): return .bool(flag)
      case .dot: return dot
      case .nilValue: throw failure("nil is not a command")
      case .number(let number, _): return try constant(number)
      case .string(let text, _, _): return .string(text)
      default: throw failure("can't evaluate command \(GoUnquote.quote(first.description))")
      }
    }
  }

  /// Go's `idealConstant`: a float when written as one, else an `int`.
  mutating func constant(_ number: GoTemplateNumber) throws(Interrupt) -> GoTemplateValue {
    let text = number.text
    let isHexInt =
      text.count > 2 && (text.hasPrefix("0x") || text.hasPrefix("0X")) && !text.contains(where: { "pP".contains($0) })
    if let float = number.float, !isHexInt, !text.hasPrefix("'"), text.contains(where: { ".eEpP".contains($0) }) {
      return GoTemplateValue(content: .float(float))
    }
    if let int = number.int { return GoTemplateValue(content: .integer(int, .int)) }
    if number.uint != nil { throw failure("\(text) overflows int") }
    return .invalid
  }

  /// `(pipeline).field...`: the fields of an operand's value.
  private mutating func evalChain(
    _ dot: GoTemplateValue, _ chain: GoTemplateArgument, node: GoTemplateArgument, fields: [String],
    arguments: [GoTemplateArgument], final: Final
  ) throws(Interrupt) -> GoTemplateValue {
    at(chain)
    if case .nilValue = node { throw failure("indirection through explicit nil in \(chain.description)") }
    let receiver = try evalArgument(dot, node, as: .value)
    return try evalFieldChain(dot, receiver: receiver, names: fields, arguments: arguments, final: final)
  }

  /// `$name` or `$name.field...`.
  private mutating func evalVariable(
    _ dot: GoTemplateValue, _ variable: GoTemplateArgument.Variable, arguments: [GoTemplateArgument], final: Final
  ) throws(Interrupt) -> GoTemplateValue {
    at(variable.position, variable.description)
    guard let value = variables.last(where: { $0.name == variable.name })?.value else {
      throw failure("undefined variable: \(variable.name)")
    }
    if variable.fields.isEmpty {
      try notAFunction(arguments, final: final)
      return value
    }
    return try evalFieldChain(dot, receiver: value, names: variable.fields, arguments: arguments, final: final)
  }

  /// Each field of `names` in turn, starting at `receiver`.
  private mutating func evalFieldChain(
    _ dot: GoTemplateValue, receiver: GoTemplateValue, names: [String], arguments: [GoTemplateArgument],
    final: Final
  ) throws(Interrupt) -> GoTemplateValue {
    var current = receiver
    for (offset, name) in names.enumerated() {
      let last = offset == names.count - 1
      current = try evalField(name, receiver: current, hasArguments: last && (arguments.count > 1 || final != nil))
    }
    return current
  }

  /// Go's `evalField` on a map: the key's value, or `<no value>` / `map has no entry`.
  private func evalField(_ name: String, receiver: GoTemplateValue, hasArguments: Bool) throws(Interrupt)
    -> GoTemplateValue
  {
    switch receiver.content {
    case .invalid:
      if !allowMissingKeys { throw failure("nil data; no entry for key \(GoUnquote.quote(name))") }
      return .invalid
    case .nilInterface: throw failure("nil pointer evaluating \(receiver.typeName).\(name)")
    case .map(let pairs):
      if hasArguments { throw failure("\(name) is not a method but has arguments") }
      if let value = GoTemplateValue.lookup(name, in: pairs) { return GoTemplateValue(json: value, boxed: true) }
      if !allowMissingKeys { throw failure("map has no entry for key \(GoUnquote.quote(name))") }
      return .invalid
    default: throw failure("can't evaluate field \(name) in type \(receiver.typeName)")
    }
  }

  // MARK: Arguments

  /// The Go parameter types of the builtin functions.
  enum ParameterType {
    /// `reflect.Value`: anything, an invalid value included.
    case value
    /// `interface {}`: an invalid value becomes nil.
    case any
    /// `string`.
    case string
  }

  /// Go's `evalArg`: one argument evaluated for a parameter of `type`.
  mutating func evalArgument(_ dot: GoTemplateValue, _ node: GoTemplateArgument, as type: ParameterType)
    throws(Interrupt) -> GoTemplateValue
  {
    at(node)
    let value: GoTemplateValue
    switch node {
    case .dot(_): value = dot
    case .nilValue:
      if type == .string { throw failure("cannot assign nil to string") }
      return type == .any ? GoTemplateValue(content: .nilInterface) : .invalid
    case .field(let names, _):
      value = try evalFieldChain(dot, receiver: dot, names: names, arguments: [node], final: nil)
    case .variable(let variable): value = try evalVariable(dot, variable, arguments: [], final: nil)
    case .pipe(let pipe): value = try evalPipeline(dot, pipe)
    case .identifier(let name, _):
      let command = GoTemplateCommand(position: node.position, arguments: [node])
      value = try GoTemplateBuiltins.call(name, executor: &self, dot: dot, command: command, arguments: [], final: nil)
    case .chain(let inner, let fields, _):
      value = try evalChain(dot, node, node: inner, fields: fields, arguments: [], final: nil)
    case .bool(let flag, _):
      if type == .string { throw failure("expected string; found \(node.description)") }
      return .bool(flag)
    case .number(let number, _):
      if type == .string { throw failure("expected string; found \(node.description)") }
      return try constant(number)
    case .string(let text, _, _): return .string(text)
    }
    return try validate(value, as: type)
  }

  /// Go's `validateType`: a value passed for a parameter of `type`.
  func validate(_ value: GoTemplateValue, as type: ParameterType) throws(Interrupt) -> GoTemplateValue {
    switch type {
    case .value: return value
    case .any: return value.isValid ? value : GoTemplateValue(content: .nilInterface)
    case .string:
      guard value.isValid else { throw failure("invalid value; expected string") }
      if case .string = value.content { return value.unboxed }
      throw failure("wrong type for value; expected string; got \(value.concreteTypeName)")
    }
  }

  /// Moves the error location to `command` (Go reports a failed call there).
  mutating func at(command: GoTemplateCommand) { at(command.position, command.description) }

  /// Counts one step of a builtin's work (its arguments, its output).
  mutating func count(_ work: Int) throws(Interrupt) {
    steps += work
    if steps > Self.maxSteps { throw failure("kubebook stops a template after \(Self.maxSteps) steps") }
  }
}
