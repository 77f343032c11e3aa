import KubeSim

/// The functions a kubectl go-template can call: Go's `text/template` builtins (`funcs.go`)
/// and kubectl's `exists` and `base64decode` (cli-runtime `pkg/printers`), with Go's
/// argument checks (`evalCall`) and error texts.
enum GoTemplateBuiltins {
  typealias Interrupt = GoTemplateExecutor.Interrupt
  typealias Value = GoTemplateValue

  /// A function's Go signature: its fixed parameters and the type of a variadic tail.
  private struct Signature {
    var fixed: [GoTemplateExecutor.ParameterType]
    var variadic: GoTemplateExecutor.ParameterType?
  }

  /// The Go signature of the builtin `name`.
  private static func signature(_ name: String) -> Signature {
    switch name {
    case "and", "or", "call", "index", "slice", "eq": return Signature(fixed: [.value], variadic: .value)
    case "html", "js", "urlquery", "print", "println": return Signature(fixed: [], variadic: .any)
    case "printf": return Signature(fixed: [.string], variadic: .any)
    case "len", "not": return Signature(fixed: [.value])
    case "ne", "lt", "le", "gt", "ge": return Signature(fixed: [.value, .value])
    case "exists": return Signature(fixed: [.any], variadic: .any)
    default: return Signature(fixed: [.string])
    }
  }

  /// Go's `evalCall` of the builtin `name` with `arguments` (after the name) and the value
  /// piped in, if any.
  static func call(
    _ name: String, executor: inout GoTemplateExecutor, dot: Value, command: GoTemplateCommand,
    arguments: [GoTemplateArgument], final: Value?
  ) throws(Interrupt) -> Value {
    let signature = signature(name)
    let count = arguments.count + (final == nil ? 0 : 1)
    if signature.variadic != nil {
      if count < signature.fixed.count {
        throw executor.failure(
          "wrong number of args for \(name): want at least \(signature.fixed.count) got \(arguments.count)")
      }
    } else if count != signature.fixed.count {
      throw executor.failure("wrong number of args for \(name): want \(signature.fixed.count) got \(count)")
    }
    try executor.count(count)
    if name == "and" || name == "or" {
      var value = Value.invalid
      for argument in arguments {
        value = try executor.evalArgument(dot, argument, as: .value)
        if value.unboxedTruth == (name == "or") { return value }
      }
      if let final { value = final }
      return value
    }
    var values: [Value] = []
    for (offset, argument) in arguments.enumerated() {
      let type = offset < signature.fixed.count ? signature.fixed[offset] : signature.variadic ?? .value
      values.append(try executor.evalArgument(dot, argument, as: type))
    }
    if let final {
      let type = values.count < signature.fixed.count ? signature.fixed[values.count] : signature.variadic ?? .value
      values.append(try executor.validate(final, as: type))
    }
    do {
      if name == "call" { return try call(values[0], callee: arguments.first?.description ?? "") }
      return try apply(name, values)
    } catch {
      executor.at(command: command)
      throw executor.failure("error calling \(name): \(error.message)")
    }
  }

  /// A function's own error (Go's `error` result).
  struct Failure: Error {
    var message: String
  }

  /// Runs the builtin `name` on its evaluated arguments.
  private static func apply(_ name: String, _ values: [Value]) throws(Failure) -> Value {
    switch name {
    case "not": return .bool(!values[0].unboxedTruth)
    case "len": return try length(values[0])
    case "index": return try index(values[0], Array(values.dropFirst()))
    case "slice": return try slice(values[0], Array(values.dropFirst()))
    case "print": return .string(GoPrintf.sprint(values))
    case "println": return .string(values.map { GoPrintf.format("%v", [$0]) }.joined(separator: " ") + "\n")
    case "printf":
      guard case .string(let format) = values[0].content else { return .string("") }
      return .string(GoPrintf.format(format, Array(values.dropFirst())))
    case "html": return .string(GoEscape.html(escapedArguments(values)))
    case "js": return .string(GoEscape.javaScript(escapedArguments(values)))
    case "urlquery": return .string(GoEscape.queryEscape(escapedArguments(values)))
    case "exists": return .bool(exists(values[0], Array(values.dropFirst())))
    case "base64decode":
      guard case .string(let text) = values[0].content else { return .string("") }
      return .string(try base64Decode(text))
    case "eq":
      guard values.count > 1 else { throw Failure(message: "missing argument for comparison") }
      for other in values.dropFirst() where try GoTemplateComparison.equal(values[0], other) { return .bool(true) }
      return .bool(false)
    case "ne": return .bool(!(try GoTemplateComparison.equal(values[0], values[1])))
    case "lt": return .bool(try GoTemplateComparison.less(values[0], values[1]))
    case "le": return .bool(try GoTemplateComparison.lessOrEqual(values[0], values[1]))
    case "gt": return .bool(!(try GoTemplateComparison.lessOrEqual(values[0], values[1])))
    case "ge": return .bool(!(try GoTemplateComparison.less(values[0], values[1])))
    default: throw Failure(message: "function \(GoUnquote.quote(name)) not defined")
    }
  }

  /// `call`: a template's data holds no functions, so it always fails.
  private static func call(_ function: Value, callee: String) throws(Failure) -> Value {
    let function = function.unboxed
    guard function.isValid else { throw Failure(message: "call of nil") }
    throw Failure(message: "non-function \(callee) of type \(function.concreteTypeName)")
  }

  /// `evalArgs` of `html`, `js` and `urlquery`: one string as it is, else `fmt.Sprint` of the
  /// arguments with a missing value printed `<no value>`.
  private static func escapedArguments(_ values: [Value]) -> String {
    if values.count == 1, case .string(let text) = values[0].content { return text }
    return GoPrintf.sprint(
      values.map { value in
        if case .nilInterface = value.content { return .string("<no value>") }
        return value
      })
  }

  /// `len`: the length of a string (bytes), list or map.
  private static func length(_ value: Value) throws(Failure) -> Value {
    switch value.content {
    case .invalid: throw Failure(message: "reflect: call of reflect.Value.Type on zero Value")
    case .nilInterface: throw Failure(message: "len of nil pointer")
    case .string(let text): return .int(text.utf8.count)
    case .list(let items): return .int(items.count)
    case .map(let pairs): return .int(GoValueText.sortedPairs(pairs).count)
    default: throw Failure(message: "len of type \(value.concreteTypeName)")
    }
  }

  /// Go's `indexArg`: an integer index at most `limit`.
  private static func indexArgument(_ value: Value, limit: Int) throws(Failure) -> Int {
    switch value.unboxed.content {
    case .integer(let number, _):
      guard number >= 0, number <= Int64(limit) else { throw Failure(message: "index out of range: \(number)") }
      return Int(number)
    case .invalid, .nilInterface: throw Failure(message: "cannot index slice/array with nil")
    default: throw Failure(message: "cannot index slice/array with type \(value.unboxed.concreteTypeName)")
    }
  }

  /// `index`: the item reached by indexing `item` with each index in turn.
  private static func index(_ item: Value, _ indexes: [Value]) throws(Failure) -> Value {
    var current = item.unboxed
    guard current.isValid else { throw Failure(message: "index of untyped nil") }
    for index in indexes {
      switch current.content {
      case .nilInterface: throw Failure(message: "index of nil pointer")
      case .list(let items):
        let position = try indexArgument(index, limit: items.count)
        guard position < items.count else { throw Failure(message: "reflect: slice index out of range") }
        current = Value(json: items[position], boxed: true)
      case .string(let text):
        let bytes = Array(text.utf8)
        let position = try indexArgument(index, limit: bytes.count)
        guard position < bytes.count else { throw Failure(message: "reflect: string index out of range") }
        current = Value(content: .integer(Int64(bytes[position]), .uint8))
      case .map(let pairs):
        let key = index.unboxed
        guard key.isValid else { throw Failure(message: "value is nil; should be of type string") }
        guard case .string(let name) = key.content else {
          throw Failure(message: "value has type \(key.concreteTypeName); should be string")
        }
        current = Value(json: Value.lookup(name, in: pairs) ?? .null, boxed: true)
      default: throw Failure(message: "can't index item of type \(current.concreteTypeName)")
      }
    }
    return current
  }

  /// `slice`: a sub-list or substring (bytes) of `item`.
  private static func slice(_ item: Value, _ indexes: [Value]) throws(Failure) -> Value {
    let value = item.unboxed
    guard value.isValid else { throw Failure(message: "slice of untyped nil") }
    guard indexes.count <= 3 else { throw Failure(message: "too many slice indexes: \(indexes.count)") }
    let count: Int
    switch value.content {
    case .string(let text):
      if indexes.count == 3 { throw Failure(message: "cannot 3-index slice a string") }
      count = text.utf8.count
    case .list(let items): count = items.count
    default: throw Failure(message: "can't slice item of type \(value.concreteTypeName)")
    }
    var bounds = [0, count, count]
    for (offset, index) in indexes.enumerated() { bounds[offset] = try indexArgument(index, limit: count) }
    if bounds[0] > bounds[1] { throw Failure(message: "invalid slice index: \(bounds[0]) > \(bounds[1])") }
    if indexes.count == 3 && bounds[1] > bounds[2] {
      throw Failure(message: "invalid slice index: \(bounds[1]) > \(bounds[2])")
    }
    switch value.content {
    case .string(let text):
      return .string(String(decoding: Array(text.utf8)[bounds[0]..<bounds[1]], as: UTF8.self))
    case .list(let items): return Value(content: .list(Array(items[bounds[0]..<bounds[1]])))
    default: return value
    }
  }

  /// kubectl's `exists`: whether `index` would find something that is not nil.
  private static func exists(_ item: Value, _ indexes: [Value]) -> Bool {
    var current = item.unboxed
    for index in indexes {
      let key = index.unboxed
      switch current.content {
      case .nilInterface: return false
      case .list(let items):
        guard case .integer(let number, _) = key.content, number >= 0, number < Int64(items.count) else {
          return false
        }
        current = Value(json: items[Int(number)], boxed: true)
      case .string(let text):
        let bytes = Array(text.utf8)
        guard case .integer(let number, _) = key.content, number >= 0, number < Int64(bytes.count) else {
          return false
        }
        current = Value(content: .integer(Int64(bytes[Int(number)]), .uint8))
      case .map(let pairs):
        let name: String
        switch key.content {
        case .invalid, .nilInterface: name = ""
        case .string(let text): name = text
        default: return false
        }
        current = Value(json: Value.lookup(name, in: pairs) ?? .null, boxed: true)
      default: return false
      }
    }
    if case .nilInterface = current.content { return false }
    return true
  }

  /// Go's `base64.StdEncoding.DecodeString` of `text`, as UTF-8 text, with its error.
  static func base64Decode(_ text: String) throws(Failure) -> String {
    switch GoBase64.decode(text) {
    case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .failure(let error):
      throw Failure(message: "base64 decode failed: illegal base64 data at input byte \(error.offset)")
    }
  }
}

extension GoTemplateValue {
  /// Go's `truth` of a function argument (`isTrue` of the value out of its interface).
  var unboxedTruth: Bool { unboxed.isTrue }
}
