/// kubectl's command tree as its own help texts describe it (``KubectlHelpTexts``, captured
/// from the v1.32 binary): every command path, its aliases and its flags, and the flags every
/// command accepts. kubebook uses it to tell a flag kubectl has but kubebook does not simulate
/// from a flag kubectl does not have, to find help texts by alias, and to write the coverage
/// table in `guide/kubectl-coverage.md`.
enum KubectlCommandTree {
  /// One flag as a help text lists it (`-o, --output='':`).
  struct Flag: Equatable {
    var name: String
    var short: Character?
    /// The default kubectl prints after `=` (`''`, `false`, `[]`, `1`).
    var defaultValue: String

    /// Whether pflag treats it as a boolean (it prints `true` or `false` as the default).
    var isBoolean: Bool { defaultValue == "true" || defaultValue == "false" }
  }

  /// One command: its path (`create secret generic`), its aliases and its own flags.
  struct Command {
    var path: String
    var aliases: [String]
    var flags: [Flag]
  }

  /// Every command, in the help texts' order (depth first, as kubectl lists them).
  static let commands: [Command] = KubectlHelpTexts.paths.map { path in
    let text = KubectlHelpTexts.texts[path] ?? ""
    return Command(path: path, aliases: aliases(in: text), flags: flags(in: text, section: "Options:"))
  }

  /// The flags every command accepts (`kubectl options`).
  static let globalFlags: [Flag] = flags(in: KubectlHelpTexts.optionsList, section: nil)

  /// The command at `path`, if kubectl has it.
  static func command(_ path: String) -> Command? {
    commands.first { $0.path == path }
  }

  /// The canonical path for words that may use aliases (`create deploy` → `create
  /// deployment`), following as many words as name subcommands.
  static func resolve(_ words: [String]) -> (path: String, consumed: Int) {
    var path = ""
    var consumed = 0
    for word in words {
      let prefix = path.isEmpty ? "" : path + " "
      guard
        let child = commands.first(where: { command in
          command.path.hasPrefix(prefix) && !command.path.dropFirst(prefix.count).contains(" ")
            && (command.path == prefix + word || command.aliases.contains(word))
        })
      else { break }
      path = child.path
      consumed += 1
    }
    return (path, consumed)
  }

  /// Whether the command at `path` (or every command, for global flags) has the long flag.
  static func hasFlag(named name: String, command path: String) -> Bool {
    globalFlags.contains { $0.name == name } || command(path)?.flags.contains { $0.name == name } == true
  }

  /// Whether the command at `path` (or every command) has the one-letter flag.
  static func hasFlag(short letter: Character, command path: String) -> Bool {
    globalFlags.contains { $0.short == letter } || command(path)?.flags.contains { $0.short == letter } == true
  }

  /// The `Aliases:` line of a help text (`deployment, deploy`), without the name itself.
  static func aliases(in text: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let index = lines.firstIndex(of: "Aliases:"), index + 1 < lines.count else { return [] }
    let names = lines[index + 1].split(separator: ",").map { $0.trimmingSpaces }
    return Array(names.dropFirst())
  }

  /// The flags listed in a help text's `section` (or in the whole text): lines such as
  /// `    -o, --output='':` and `    --all=false:`.
  static func flags(in text: String, section: String?) -> [Flag] {
    var flags: [Flag] = []
    var inSection = section == nil
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let section, line == section {
        inSection = true
        continue
      }
      if inSection, let first = line.first, first != " ", first != "\t" { inSection = section == nil }
      guard inSection, line.hasPrefix("    -"), line.hasSuffix(":") else { continue }
      var body = line.dropFirst(4).dropLast()
      var short: Character?
      if body.hasPrefix("-"), !body.hasPrefix("--"), body.count > 4 {
        short = body.dropFirst().first
        body = body.dropFirst(4)
      }
      guard body.hasPrefix("--"), let equals = body.firstIndex(of: "=") else { continue }
      let name = String(body[body.index(body.startIndex, offsetBy: 2)..<equals])
      flags.append(Flag(name: name, short: short, defaultValue: String(body[body.index(after: equals)...])))
    }
    return flags
  }
}

extension Substring {
  /// The text without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
