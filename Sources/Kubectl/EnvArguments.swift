import KubeSim

/// The environment changes `kubectl set env` reads from its arguments (kubectl's
/// `pkg/cmd/set/env/env_parse.go`) and how they update a container's variables.
enum EnvArguments {
  /// A variable to set: a value, or a reference (`valueFrom`) as JSON.
  struct Variable {
    var name: String
    var value: String?
    var valueFrom: JSONValue?

    /// The variable as a container's `env` item (an empty value is left out, as Go's
    /// `omitempty` does).
    var json: JSONValue {
      var pairs: [(String, JSONValue)] = [("name", .string(name))]
      if let value, !value.isEmpty { pairs.append(("value", .string(value))) }
      if let valueFrom { pairs.append(("valueFrom", valueFrom)) }
      return .object(pairs)
    }
  }

  /// `SplitEnvironmentFromResources`: the resources come first; the first `KEY=VALUE` or
  /// `KEY-` starts the changes, after which a resource is an error (nil).
  static func split(_ arguments: [String]) -> (resources: [String], env: [String])? {
    var resources: [String] = []
    var env: [String] = []
    for argument in arguments {
      // `(?ms)^(.+)\=(.*)$`: an "=" after at least one character.
      let isEnv = argument.dropFirst().contains("=") || argument.hasSuffix("-")
      if isEnv {
        env.append(argument)
      } else if env.isEmpty {
        resources.append(argument)
      } else {
        return nil
      }
    }
    return (resources, env)
  }

  /// `ParseEnv`: variables to set and names to remove, with kubectl's errors; `-` reads
  /// `KEY=VALUE` lines from `stdin`.
  static func parse(_ specs: [String], stdin: String?) throws(KubectlError) -> (env: [Variable], remove: [String]) {
    var env: [Variable] = []
    var remove: [String] = []
    for spec in specs {
      if spec == "-" {
        guard let stdin else { throw .plain("when '-' is used, STDIN must be open") }
        env += read(stdin)
        continue
      }
      if let equals = spec.firstIndex(of: "=") {
        let name = String(spec[..<equals])
        if !isEnvVarName(name) {
          throw .plain(
            "\(Validation.quote(name)) is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"
          )
        }
        env.append(Variable(name: name, value: String(spec[spec.index(after: equals)...])))
      } else if spec.hasSuffix("-") {
        remove.append(String(spec.dropLast()))
      } else {
        throw .plain("unknown environment variable: \(spec)")
      }
    }
    if remove.contains(where: { name in env.contains { $0.name == name } }) {
      throw .plain("can not both modify and remove the same environment variable in the same command")
    }
    return (env, remove)
  }

  /// `readEnv`: each line's text before any `#`, split at its first `=` when it has one
  /// (names are not checked); other lines are skipped.
  static func read(_ text: String) -> [Variable] {
    // By bytes, as bufio's ScanLines splits: "\r\n" is one Character to Swift.
    text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).compactMap { line in
      var spec = line
      if spec.last == UInt8(ascii: "\r") { spec = spec.dropLast() }
      if let hash = spec.firstIndex(of: UInt8(ascii: "#")) { spec = spec[..<hash] }
      guard let equals = spec.firstIndex(of: UInt8(ascii: "=")) else { return nil }
      return Variable(
        name: String(decoding: spec[..<equals], as: UTF8.self),
        value: String(decoding: spec[spec.index(after: equals)...], as: UTF8.self))
    }
  }

  /// `validation.IsEnvVarName`'s regular expression, `[-._a-zA-Z][-._a-zA-Z0-9]*`, whole.
  static func isEnvVarName(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard let first = bytes.first else { return false }
    let isLetter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    let isSign = { (byte: UInt8) in byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    return (isLetter(first) || isSign(first))
      && bytes.dropFirst().allSatisfy { isLetter($0) || isSign($0) || isDigit($0) }
  }

  /// `keyToEnvName`: a `--from` key upper-cased, with anything but letters, digits and `_`
  /// turned into `_`.
  static func envName(forKey key: String) -> String {
    String(
      key.unicodeScalars.map { scalar -> Character in
        let ascii = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
        return ascii ? Character(String(scalar).uppercased()) : "_"
      })
  }

  /// `updateEnv`: removals dropped, existing variables replaced in place, new ones appended
  /// (each name once).
  static func updated(_ existing: [JSONValue], with env: [Variable], removing remove: [String]) -> [JSONValue] {
    var covered = Set(remove)
    var result: [JSONValue] = []
    for variable in existing {
      let name = variable["name"]?.stringValue ?? ""
      if covered.contains(name) { continue }
      if let newer = env.first(where: { $0.name == name }) {
        covered.insert(name)
        result.append(newer.json)
        continue
      }
      result.append(variable)
    }
    for variable in env where !covered.contains(variable.name) {
      covered.insert(variable.name)
      result.append(variable.json)
    }
    return result
  }

  /// `GetEnvVarRefString`: where a reference points, as `--list` prints it.
  static func referenceText(_ source: JSONValue) -> String {
    if let reference = source["configMapKeyRef"], reference.isObject {
      return "configmap \(reference["name"]?.stringValue ?? ""), key \(reference["key"]?.stringValue ?? "")"
    }
    if let reference = source["secretKeyRef"], reference.isObject {
      return "secret \(reference["name"]?.stringValue ?? ""), key \(reference["key"]?.stringValue ?? "")"
    }
    if let reference = source["fieldRef"], reference.isObject {
      return "field path \(reference["fieldPath"]?.stringValue ?? "")"
    }
    if let reference = source["resourceFieldRef"], reference.isObject {
      let container = reference["containerName"]?.stringValue ?? ""
      return "resource field \(container.isEmpty ? "" : container + "/")\(reference["resource"]?.stringValue ?? "")"
    }
    return "invalid valueFrom"
  }
}
