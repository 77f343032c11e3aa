/// What one command of kubebook's container shell reads and writes besides the files.
public struct ShellIO: Sendable {
  public var context: ShellContext
  /// The virtual time the command runs at.
  public var clock: Timestamp
  /// The shell's variables (`export` and `env` read and change them).
  public var variables: [String: String]
  public var stdin: String
  /// `$?` before the command.
  public var status = 0
  /// Whether the command runs as a program without a shell (GNU `echo` then is coreutils',
  /// not dash's builtin).
  public var direct = false
  /// What the command wrote, in order: (descriptor 1 or 2, text).
  public var writes: [(descriptor: Int, text: String)] = []
  /// Set by `sleep`: how long the process sleeps.
  public var sleepMilliseconds: Int64?
  /// Set by `sleep infinity`: the process never wakes.
  public var sleepsForever = false
  /// Set by `exit`: the process ends with this status.
  public var exit: Int?
  /// Set when kubebook does not simulate what the command was asked to do.
  public var refusal: String?

  /// I/O for one command run at `clock`.
  init(context: ShellContext, clock: Timestamp, variables: [String: String], stdin: String) {
    self.context = context
    self.clock = clock
    self.variables = variables
    self.stdin = stdin
  }

  /// Everything written to standard output.
  public var stdout: String { writes.filter { $0.descriptor == 1 }.map(\.text).joined() }

  /// Writes `text` to standard output.
  mutating func out(_ text: String) { writes.append((1, text)) }

  /// Writes `text` to standard error.
  mutating func err(_ text: String) { writes.append((2, text)) }

  /// `path` made absolute against the working directory.
  func absolute(_ path: String) -> String {
    ContainerPath.normalize(path.hasPrefix("/") ? path : context.workingDirectory + "/" + path)
  }

  /// Refuses the command: kubebook's shell does not run `what`.
  mutating func refuse(_ what: String) -> Int {
    refusal = "kubebook's container shell does not run \(what)"
    return 0
  }
}

/// The commands kubebook's container shell runs, by name: each takes its arguments, the
/// process's I/O and the pod's files, and returns its exit status. A command that is not in
/// ``table`` is refused by name. Output follows BusyBox or GNU coreutils (``ShellTools``).
public enum ShellCommands {
  /// One command.
  public typealias Command = @Sendable ([String], inout ShellIO, inout PodFiles) -> Int

  /// The commands by name.
  public static let table: [String: Command] = [
    "true": { _, _, _ in 0 },
    ":": { _, _, _ in 0 },
    "false": { _, _, _ in 1 },
    "echo": echo,
    "sleep": sleep,
    "exit": exit,
    "cat": cat,
    "ls": ls,
    "touch": touch,
    "rm": rm,
    "mkdir": mkdir,
    "hostname": hostname,
    "date": date,
    "env": env,
    "printenv": printenv,
    "export": export,
    "test": test,
    "[": test,
    "pwd": { _, io, _ in
      io.out(io.context.workingDirectory + "\n")
      return 0
    },
  ]

  /// Commands that exist only inside a shell: run without one (`kubectl exec POD -- exit 3`)
  /// they are refused.
  static let shellBuiltins: Set<String> = ["exit", "export", ":"]

  /// `echo [-n] WORDS`: BusyBox's echo and coreutils' take `-n`, `-e`, `-E`; dash's builtin
  /// (`sh -c` in a Debian image) takes `-n` and always reads backslash escapes.
  static func echo(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    var words = arguments[...]
    var newline = true
    let dash = io.context.tools == .gnu && !io.direct
    var escapes = dash
    while let first = words.first, first.count > 1, first.hasPrefix("-"),
      first.dropFirst().allSatisfy({ dash ? $0 == "n" : "neE".contains($0) })
    {
      for flag in first.dropFirst() {
        switch flag {
        case "n": newline = false
        case "e": escapes = true
        default: escapes = false
        }
      }
      words = words.dropFirst()
    }
    var text = words.joined(separator: " ")
    if escapes, text.contains("\\") {
      var result = ""
      var iterator = text.makeIterator()
      while let c = iterator.next() {
        guard c == "\\", let next = iterator.next() else {
          result.append(c)
          continue
        }
        switch next {
        case "n": result.append("\n")
        case "t": result.append("\t")
        case "\\": result.append("\\")
        case "c":
          io.out(result)
          return 0
        default: result += "\\" + String(next)
        }
      }
      text = result
    }
    io.out(text + (newline ? "\n" : ""))
    return 0
  }

  /// `sleep N...` (suffixes `s`, `m`, `h`, `d`; a number too large for a double, `inf` or
  /// `infinity` sleeps for ever, as coreutils does).
  static func sleep(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    guard !arguments.isEmpty else { return io.refuse("sleep without an interval") }
    var total: Int64 = 0
    for word in arguments {
      guard let seconds = SleepDuration.seconds(word) else {
        io.err(ShellTools.sleep(word, tools: io.context.tools))
        return 1
      }
      guard seconds.isFinite, let milliseconds = SleepDuration.milliseconds(word) else {
        io.sleepsForever = true
        return 0
      }
      total = total.saturatingAdd(milliseconds)
    }
    io.sleepMilliseconds = total
    return 0
  }

  /// `exit [N]`: N modulo 256.
  static func exit(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    guard let word = arguments.first else {
      io.exit = io.status
      return io.status
    }
    guard let code = Int(word), code >= 0 else { return io.refuse("exit \(word) (not a number from 0 up)") }
    io.exit = code % 256
    return code % 256
  }

  /// `cat [FILE...]`: standard input without files.
  static func cat(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    if arguments.isEmpty || arguments == ["-"] {
      io.out(io.stdin)
      return 0
    }
    if let option = arguments.first(where: { $0.hasPrefix("-") && $0 != "-" }) { return io.refuse("cat \(option)") }
    var code = 0
    for word in arguments {
      let path = io.absolute(word)
      switch files.node(path, in: io.context.container) {
      case .file(let text)?: io.out(text)
      case .opaque?: return io.refuse("cat \(path) (kubebook knows that the image has this file, not its content)")
      case .directory?:
        io.err(ShellTools.cat(word, failure: .isDirectory, tools: io.context.tools))
        code = 1
      case nil:
        if io.context.planning { return io.refuse("cat \(path) before the container starts") }
        io.err(ShellTools.cat(word, failure: .notFound, tools: io.context.tools))
        code = 1
      }
    }
    return code
  }

  /// `ls [-1] [PATH...]`, one name a line (kubectl exec without `-t` gives no terminal).
  static func ls(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    var paths: [String] = []
    for word in arguments {
      if word == "-1" || word == "--" { continue }
      if word.hasPrefix("-") && word != "-" { return io.refuse("ls \(word) (kubebook lists names only: ls [PATH...])") }
      paths.append(word)
    }
    if io.context.planning { return io.refuse("ls before the container starts") }
    if paths.isEmpty { paths = ["."] }
    var code = 0
    var plain: [String] = []
    var directories: [(String, [String])] = []
    for word in paths {
      let path = io.absolute(word)
      guard let node = files.node(path, in: io.context.container) else {
        io.err(ShellTools.ls(word, failure: .notFound, tools: io.context.tools))
        code = io.context.tools == .gnu ? 2 : 1
        continue
      }
      guard case .directory(let listed) = node else {
        plain.append(word)
        continue
      }
      guard listed, case .success(let names) = files.children(of: path, in: io.context.container) else {
        return io.refuse("ls \(path) (kubebook does not know everything in that directory of the image)")
      }
      directories.append((word, names))
    }
    var sections: [String] = []
    if !plain.isEmpty { sections.append(plain.sorted().map { $0 + "\n" }.joined()) }
    for (word, names) in directories.sorted(by: { $0.0 < $1.0 }) {
      let header = paths.count > 1 ? word + ":\n" : ""
      sections.append(header + names.map { $0 + "\n" }.joined())
    }
    io.out(sections.joined(separator: "\n"))
    return code
  }

  /// `touch FILE...`.
  static func touch(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    var code = 0
    for word in arguments {
      if word.hasPrefix("-") { return io.refuse("touch \(word)") }
      if let failure = files.touch(io.absolute(word), in: io.context.container) {
        io.err(ShellTools.touch(word, failure: failure, tools: io.context.tools))
        code = 1
      }
    }
    return code
  }

  /// `rm [-f] [-r] PATH...`.
  static func rm(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    var force = false
    var recursive = false
    var code = 0
    for word in arguments {
      if word.hasPrefix("-"), word.count > 1 {
        for flag in word.dropFirst() {
          switch flag {
          case "f": force = true
          case "r", "R": recursive = true
          default: return io.refuse("rm \(word)")
          }
        }
        continue
      }
      let path = io.absolute(word)
      if let failure = files.remove(path, recursive: recursive, in: io.context.container) {
        if failure == .notFound && force { continue }
        io.err(ShellTools.rm(word, failure: failure, tools: io.context.tools))
        code = 1
      }
    }
    return code
  }

  /// `mkdir [-p] DIR...`.
  static func mkdir(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    var parents = false
    var code = 0
    for word in arguments {
      if word == "-p" {
        parents = true
        continue
      }
      if word.hasPrefix("-") { return io.refuse("mkdir \(word)") }
      if let failure = files.makeDirectory(io.absolute(word), parents: parents, in: io.context.container) {
        io.err(ShellTools.mkdir(word, failure: failure, tools: io.context.tools))
        code = 1
      }
    }
    return code
  }

  /// `hostname`: the pod's.
  static func hostname(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    guard arguments.isEmpty else { return io.refuse("hostname \(arguments.joined(separator: " "))") }
    io.out(io.context.hostname + "\n")
    return 0
  }

  /// `date` on the virtual clock, in UTC (`%a %b %e %H:%M:%S %Z %Y`).
  static func date(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    guard arguments.isEmpty || arguments == ["-u"] else { return io.refuse("date \(arguments.joined(separator: " "))") }
    io.out(io.clock.dateCommandText + "\n")
    return 0
  }

  /// `env` (no arguments): the whole environment, when kubebook knows all of it.
  static func env(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    guard arguments.isEmpty else { return io.refuse("env \(arguments.joined(separator: " "))") }
    guard io.context.environmentIsComplete else {
      return io.refuse("env here (the image adds variables of its own that kubebook does not know; try printenv NAME)")
    }
    for (name, _) in io.context.environment {
      io.out(name + "=" + (io.variables[name] ?? "") + "\n")
    }
    return 0
  }

  /// `printenv [NAME...]`: exit status 1 when a name is not set.
  static func printenv(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    if arguments.isEmpty { return env([], &io, &files) }
    var code = 0
    for name in arguments {
      if let value = io.context.environment.last(where: { $0.0 == name })?.1 {
        io.out(value + "\n")
      } else {
        code = 1
      }
    }
    return code
  }

  /// `export NAME[=VALUE]...`.
  static func export(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    for word in arguments {
      if let equals = word.firstIndex(of: "=") {
        io.variables[String(word[..<equals])] = String(word[word.index(after: equals)...])
      }
    }
    return 0
  }

  /// `test EXPR` and `[ EXPR ]`: `-e -f -d -s -n -z FILE|TEXT`, `A = B`, `A != B`, integer
  /// comparisons, a leading `!`.
  static func test(_ arguments: [String], _ io: inout ShellIO, _ files: inout PodFiles) -> Int {
    var words = arguments
    if words.last == "]" { words.removeLast() }
    var negate = false
    if words.first == "!" {
      negate = true
      words.removeFirst()
    }
    func node(_ word: String) -> FileNode? { files.node(io.absolute(word), in: io.context.container) }
    let result: Bool
    switch words.count {
    case 0: result = false
    case 1: result = !words[0].isEmpty
    case 2:
      let (op, operand) = (words[0], words[1])
      if ["-e", "-f", "-d", "-s"].contains(op), io.context.planning {
        return io.refuse("test \(op) before the container starts")
      }
      switch op {
      case "-n": result = !operand.isEmpty
      case "-z": result = operand.isEmpty
      case "-e": result = node(operand) != nil
      case "-f": result = node(operand).map { !$0.isDirectory } ?? false
      case "-d": result = node(operand)?.isDirectory ?? false
      case "-s":
        if case .file(let text)? = node(operand) { result = !text.isEmpty } else { result = node(operand) == .opaque }
      default: return io.refuse("test \(op)")
      }
    case 3:
      let (left, op, right) = (words[0], words[1], words[2])
      switch op {
      case "=", "==": result = left == right
      case "!=": result = left != right
      case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
        guard let a = Int(left), let b = Int(right) else { return io.refuse("test \(left) \(op) \(right)") }
        let outcomes = ["-eq": a == b, "-ne": a != b, "-lt": a < b, "-le": a <= b, "-gt": a > b, "-ge": a >= b]
        result = outcomes[op] ?? false
      default: return io.refuse("test \(words.joined(separator: " "))")
      }
    default: return io.refuse("test \(words.joined(separator: " "))")
    }
    return result != negate ? 0 : 1
  }
}

extension Timestamp {
  /// `date`'s default output in UTC, as BusyBox and coreutils print it in the C locale:
  /// `Mon Mar  3 09:00:07 UTC 2025` (`%a %b %e %H:%M:%S %Z %Y`).
  public var dateCommandText: String {
    let parts = civil
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    let day = parts.day < 10 ? " \(parts.day)" : String(parts.day)
    return "\(days[parts.weekday]) \(months[parts.month - 1]) \(day) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) UTC \(parts.year)"
  }
}
