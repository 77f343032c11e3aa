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

  init(command: String, specs: [Spec]) {
    self.command = command
    self.specs = specs + Self.global
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
          throw .flag("unknown flag: --\(name)", command: command)
        }
        if let equals = body.firstIndex(of: "=") {
          parsed.values[spec.name, default: []].append(String(body[body.index(after: equals)...]))
        } else if spec.takesValue {
          guard index < arguments.count else {
            throw .flag("flag needs an argument: --\(name)", command: command)
          }
          parsed.values[spec.name, default: []].append(arguments[index])
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
            parsed.values[spec.name, default: []].append(value)
            break
          }
          if rest.hasPrefix("=") {
            parsed.values[spec.name, default: []].append(String(rest.dropFirst()))
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
}
