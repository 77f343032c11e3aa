import KubeSim

/// The flags one kubectl command accepts and how they were given, parsed with pflag's rules:
/// `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, boolean `--flag` and
/// `--flag=false`, and `--` ending the flags.
struct FlagParser {
  /// One accepted flag.
  struct Spec {
    var name: String
    var short: Character?
    var takesValue: Bool
    /// Whether repeating it adds a value instead of replacing it.
    var repeatable = false
    /// For an integer flag, its width (`IntVar` and `Int64Var`: 64, `Int32Var`: 32): pflag
    /// refuses a value `strconv.ParseInt(value, 0, bits)` refuses, as it is given.
    var integerBits: Int? = nil
    /// Whether it is a `DurationVar`: pflag refuses what Go's `time.ParseDuration` refuses.
    var isDuration = false
  }

  /// The result of parsing.
  struct Parsed {
    var values: [String: [String]] = [:]
    var positional: [String] = []
    /// Arguments after `--`.
    var afterDash: [String] = []
    var sawDash = false

    /// The last value given for `name`.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Whether the boolean flag `name` was set to true.
    func flag(_ name: String) -> Bool {
      guard let value = values[name]?.last else { return false }
      return value != "false"
    }

    /// Every value given for `name`.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The last value of the duration flag `name` (already checked by the parser), in
    /// milliseconds.
    func duration(_ name: String) -> Int64? {
      value(name).flatMap(GoDuration.milliseconds)
    }

    /// The last value of the integer flag `name` (already checked by the parser), read as
    /// `strconv.ParseInt(value, 0, 64)` reads it (`0x10` is 16).
    func integer(_ name: String) -> Int? {
      value(name).flatMap { try? GoStrconv.parseInt($0, base: 0).get() }.map { Int($0) }
    }
  }

  /// Flags every kubectl command accepts.
  static let global: [Spec] = [
    Spec(name: "namespace", short: "n", takesValue: true),
    Spec(name: "context", short: nil, takesValue: true),
    Spec(name: "kubeconfig", short: nil, takesValue: true),
    Spec(name: "v", short: "v", takesValue: true),
  ]

  var specs: [Spec]
  /// The command path for error messages (`get`, `create deployment`).
  var command: String

  /// A parser for `command`'s flags. Whether a flag takes a value is kubectl's own answer
  /// (``KubectlCommandTree``: pflag's booleans take none), whatever `specs` says.
  init(command: String, specs: [Spec]) {
    self.command = command
    let known = (KubectlCommandTree.command(command)?.flags ?? []) + KubectlCommandTree.globalFlags
    self.specs = (specs + Self.global).map { spec in
      var spec = spec
      if let flag = known.first(where: { $0.name == spec.name }) { spec.takesValue = !flag.isBoolean }
      return spec
    }
  }

  func parse(_ arguments: [String]) throws(KubectlError) -> Parsed {
    var parsed = Parsed()
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        parsed.sawDash = true
        parsed.afterDash = Array(arguments[index...])
        break
      }
      if argument.hasPrefix("--") {
        let body = argument.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        guard let spec = specs.first(where: { $0.name == name }) else {
          if KubectlCommandTree.hasFlag(named: name, command: command) {
            throw .plain("kubebook does not simulate the --\(name) flag of \"kubectl \(command)\" yet")
          }
          throw .flag("unknown flag: --\(name)", command: command)
        }
        if let equals = body.firstIndex(of: "=") {
          try store(String(body[body.index(after: equals)...]), for: spec, in: &parsed)
        } else if spec.takesValue {
          guard index < arguments.count else {
            throw .flag("flag needs an argument: --\(name)", command: command)
          }
          try store(arguments[index], for: spec, in: &parsed)
          index += 1
        } else {
          parsed.values[spec.name, default: []].append("true")
        }
        continue
      }
      if argument.hasPrefix("-") && argument.count > 1 {
        var rest = Substring(argument.dropFirst())
        while let letter = rest.first {
          rest = rest.dropFirst()
          guard let spec = specs.first(where: { $0.short == letter }) else {
            if KubectlCommandTree.hasFlag(short: letter, command: command) {
              throw .plain("kubebook does not simulate the -\(letter) flag of \"kubectl \(command)\" yet")
            }
            throw .flag("unknown shorthand flag: '\(letter)' in \(argument)", command: command)
          }
          if spec.takesValue {
            var value = String(rest)
            if value.hasPrefix("=") { value.removeFirst() }
            if rest.isEmpty {
              guard index < arguments.count else {
                throw .flag(
                  "flag needs an argument: '\(letter)' in -\(letter)", command: command)
              }
              value = arguments[index]
              index += 1
            }
            try store(value, for: spec, in: &parsed)
            break
          }
          if rest.hasPrefix("=") {
            try store(String(rest.dropFirst()), for: spec, in: &parsed)
            break
          }
          parsed.values[spec.name, default: []].append("true")
        }
        continue
      }
      parsed.positional.append(argument)
    }
    return parsed
  }

  /// Records `value` for `spec`, or pflag's error for a value its type refuses
  /// (`invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: ...`).
  private func store(_ value: String, for spec: Spec, in parsed: inout Parsed) throws(KubectlError) {
    let name = spec.short.map { "-\($0), --\(spec.name)" } ?? "--\(spec.name)"
    if let reason = Self.refusal(of: value, for: spec) {
      throw .flag("invalid argument \"\(value)\" for \"\(name)\" flag: \(reason)", command: command)
    }
    let stored = spec.takesValue ? value : (Self.boolValue(value) == true ? "true" : "false")
    parsed.values[spec.name, default: []].append(stored)
  }

  /// Go's `strconv.ParseBool`: `1`, `t`, `T`, `TRUE`, `true`, `True` and their false
  /// counterparts; nil for anything else.
  static func boolValue(_ text: String) -> Bool? {
    switch text {
    case "1", "t", "T", "TRUE", "true", "True": return true
    case "0", "f", "F", "FALSE", "false", "False": return false
    default: return nil
    }
  }

  /// Why the typed flag `spec` refuses `value` (Go's error text), or nil when it takes it.
  private static func refusal(of value: String, for spec: Spec) -> String? {
    if !spec.takesValue && boolValue(value) == nil {
      return "strconv.ParseBool: parsing \(Validation.quote(value)): invalid syntax"
    }
    if let bits = spec.integerBits, case .failure(let error) = GoStrconv.parseInt(value, base: 0, bits: bits) {
      return error.message
    }
    if spec.isDuration {
      do { _ = try GoDuration.parse(value) } catch { return error.message }
    }
    return nil
  }
}
