/// One process of kubebook's container shell running a ``ShellProgram`` on the virtual clock:
/// commands take no time, `sleep` suspends it until the clock reaches its end, and what it
/// writes to standard output and error is kept with the instant it was written (the
/// container's log). Files are read and written in the pod's ``PodFiles``.
///
/// Every run is bounded: at most ``stepsPerInstant`` instructions without the clock moving
/// (a loop with no `sleep`) and ``stepsPerRun`` in all, and ``outputLimit`` bytes of output;
/// past a bound kubebook stops interpreting the process, which then does nothing more, and
/// says so on its output.
public struct ShellProcess: Sendable {
  /// Instructions one process may run at one instant.
  public static let stepsPerInstant = 10_000
  /// Instructions one process may run in all (a `while true; do ...; sleep 1; done` loop of
  /// three instructions runs for about 1 h 50 min of virtual time).
  public static let stepsPerRun = 20_000
  /// Bytes of output one process may write.
  public static let outputLimit = 1 << 20
  /// The instant a `sleep infinity` wakes: never.
  static let never = Timestamp(milliseconds: Int64.max)

  /// What the process wrote to its terminal, and when.
  public struct Output: Sendable, Equatable {
    public var time: Timestamp
    public var text: String
  }

  let program: ShellProgram
  let context: ShellContext
  var pc = 0
  /// `$?`.
  public private(set) var status = 0
  /// The shell's variables (the environment included).
  var variables: [String: String] = [:]
  var lists: [Int: [String]] = [:]
  /// The process's clock: the instant of the instruction it runs next.
  public private(set) var clock: Timestamp
  /// When a `sleep` ends, while the process sleeps.
  public private(set) var wakeAt: Timestamp?
  /// Whether the process sleeps for ever (`sleep infinity`).
  public private(set) var sleepsForever = false
  /// The exit status once the process has ended.
  public private(set) var exitCode: Int?
  /// Why kubebook stopped interpreting the process (a bound, or a command its shell does not
  /// run), once it has.
  public private(set) var stopped: String?
  public private(set) var output: [Output] = []
  var outputBytes = 0
  var steps = 0
  var stepsAtInstant = 0
  /// How many `$( )` are being expanded inside one another.
  var substitutions = 0
  /// How deep `$( )` may nest.
  static let substitutionDepth = 8
  /// The instructions this process may run in all (``stepsPerRun`` unless planning).
  let stepLimit: Int

  /// A process of `program` starting at `start`.
  public init(_ program: ShellProgram, context: ShellContext, start: Timestamp, stepLimit: Int = stepsPerRun) {
    self.program = program
    self.stepLimit = stepLimit
    self.context = context
    clock = start
    for (name, value) in context.environment { variables[name] = value }
  }

  /// Whether the process has ended or was stopped.
  public var isDone: Bool { exitCode != nil || stopped != nil }

  /// The instant the process next runs an instruction, or nil when it is done.
  public var nextRun: Timestamp? {
    guard !isDone else { return nil }
    let next = wakeAt ?? clock
    if let end = endTime, next > end { return nil }
    return next
  }

  /// When the container's run ended (its command exited, or it was stopped): the process
  /// does nothing after it.
  public var endTime: Timestamp?

  /// The text of everything written up to `time`.
  public func text(until time: Timestamp) -> String {
    output.lazy.filter { $0.time <= time }.map(\.text).joined()
  }

  /// Runs the process up to the instant `deadline`: it stops early when it exits, and when a
  /// `sleep` ends after the deadline it sleeps on.
  public mutating func run(until limit: Timestamp, files: inout PodFiles) {
    let deadline = min(limit, endTime ?? limit)
    while !isDone {
      if let wake = wakeAt {
        guard wake <= deadline, !sleepsForever else { return }
        // Only a clock that moves resets the per-instant bound (`sleep 0` does not).
        if wake > clock { stepsAtInstant = 0 }
        clock = wake
        wakeAt = nil
      }
      guard clock <= deadline else { return }
      guard pc < program.instructions.count else {
        exitCode = status
        return
      }
      steps += 1
      stepsAtInstant += 1
      if stepsAtInstant > Self.stepsPerInstant {
        stop(
          "kubebook: the container shell ran \(Self.stepsPerInstant) steps at one instant without sleeping (a busy loop); kubebook stops interpreting it here"
        )
        return
      }
      if steps > stepLimit {
        stop(
          "kubebook: the container shell reached its budget of \(stepLimit) steps; kubebook stops interpreting it here")
        return
      }
      execute(program.instructions[pc], files: &files)
    }
  }

  /// Stops interpreting the process; a bound's reason is also written to its output.
  mutating func stop(_ reason: String) {
    stopped = reason
    if !reason.hasPrefix("kubebook's container shell does not run") { write(reason + "\n") }
  }

  /// Appends terminal output, within ``outputLimit``.
  mutating func write(_ text: String) {
    guard !text.isEmpty, outputBytes < Self.outputLimit else { return }
    outputBytes += text.utf8.count
    if let last = output.last, last.time == clock {
      output[output.count - 1].text += text
    } else {
      output.append(Output(time: clock, text: text))
    }
  }

  /// Runs one instruction.
  mutating func execute(_ instruction: ShellProgram.Instruction, files: inout PodFiles) {
    pc += 1
    switch instruction {
    case .jump(let target): pc = target
    case .jumpIfFailed(let target): if status != 0 { pc = target }
    case .jumpIfSucceeded(let target): if status == 0 { pc = target }
    case .setStatus(let value): status = value
    case .forStart(let slot, let words):
      var items: [String] = []
      for word in words {
        guard let expanded = expand(word, files: &files) else { return }
        items += expanded
      }
      lists[slot] = items
    case .forNext(let slot, let name, let exit):
      if var items = lists[slot], !items.isEmpty {
        variables[name] = items.removeFirst()
        lists[slot] = items
      } else {
        pc = exit
      }
    case .run(let line):
      runLine(line, files: &files)
    }
  }

  /// Expands one word: variables, command substitutions, and field splitting of unquoted
  /// expansions; nil (the process stopped) for a glob or a substitution kubebook cannot run.
  mutating func expand(_ word: ShellWord, files: inout PodFiles) -> [String]? {
    var fields: [String] = []
    var current = ""
    var hasText = false
    func split(_ text: String) {
      var pieces = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
      if pieces.isEmpty { return }
      if let first = text.first, first != " " && first != "\t" && first != "\n" {
        current += pieces.removeFirst()
        hasText = true
      }
      guard !pieces.isEmpty else { return }
      if hasText { fields.append(current) }
      current = pieces.removeLast()
      fields += pieces
      hasText = true
      if let last = text.last, last == " " || last == "\t" || last == "\n" {
        fields.append(current)
        current = ""
        hasText = false
      }
    }
    for part in word.parts {
      switch part {
      case .literal(let text, let quoted):
        if !quoted, text.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }), text != "[" {
          stop("kubebook's container shell does not run file name patterns (\(text))")
          return nil
        }
        current += text
        hasText = true
      case .variable(let name, let quoted):
        let value = variable(name)
        if quoted {
          current += value
          hasText = true
        } else {
          split(value)
        }
      case .substitution(let source, let quoted):
        guard let value = substitute(source, files: &files) else { return nil }
        if quoted {
          current += value
          hasText = true
        } else {
          split(value)
        }
      }
    }
    if hasText { fields.append(current) }
    return fields
  }

  /// The value of `$name`.
  func variable(_ name: String) -> String {
    switch name {
    case "?": return String(status)
    case "#": return "0"
    case "$": return "1"
    case "0": return "sh"
    default: return variables[name] ?? ""
    }
  }

  /// `$(COMMAND)`: one simple command's standard output, trailing newlines removed. Nested
  /// substitutions go at most ``substitutionDepth`` deep.
  mutating func substitute(_ source: String, files: inout PodFiles) -> String? {
    guard substitutions < Self.substitutionDepth else {
      stop("kubebook's container shell does not run $( ) nested more than \(Self.substitutionDepth) deep")
      return nil
    }
    substitutions += 1
    defer { substitutions -= 1 }
    guard case .simple(let line)? = try? ShellParser.parse(source), line.redirections.isEmpty else {
      stop("kubebook's container shell does not run $(\(source)) (only one simple command)")
      return nil
    }
    var words: [String] = []
    for word in line.words {
      guard let expanded = expand(word, files: &files) else { return nil }
      words += expanded
    }
    var io = ShellIO(context: context, clock: clock, variables: variables, stdin: "")
    guard let name = words.first else { return "" }
    guard let command = ShellCommands.table[name] else {
      stop("kubebook's container shell does not run \(name)")
      return nil
    }
    status = command(Array(words.dropFirst()), &io, &files)
    if io.sleepMilliseconds != nil || io.sleepsForever || io.exit != nil || io.refusal != nil {
      stop(io.refusal ?? "kubebook's container shell does not run $(\(source)) (it sleeps or exits)")
      return nil
    }
    for (descriptor, text) in io.writes where descriptor == 2 { write(text) }
    var text = io.stdout
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  /// Runs one simple command: expansion, assignments, redirections, then the command.
  mutating func runLine(_ line: ShellCommandLine, files: inout PodFiles) {
    var words: [String] = []
    for word in line.words {
      guard let expanded = expand(word, files: &files) else { return }
      words += expanded
    }
    for (name, value) in line.assignments {
      guard let expanded = expand(value, files: &files) else { return }
      variables[name] = expanded.joined(separator: " ")
    }
    guard let name = words.first else {
      status = 0
      return
    }
    guard let command = ShellCommands.table[name] else {
      stop("kubebook's container shell does not run \(name)")
      return
    }
    if program.direct, ShellCommands.shellBuiltins.contains(name) {
      stop(
        "kubebook's container shell does not run \(name) without a shell (it is a shell builtin, not a program; try sh -c)"
      )
      return
    }
    var targets: [Int: (path: String, append: Bool)?] = [:]
    var stdin = ""
    for redirection in line.redirections {
      guard let expanded = expand(redirection.target, files: &files) else { return }
      let target = expanded.joined(separator: " ")
      switch redirection.kind {
      case .duplicate(let other):
        targets[redirection.descriptor] = targets[other] ?? nil
      case .read:
        let path = absolute(target)
        guard case .file(let text)? = files.node(path, in: context.container) else {
          if context.planning || files.node(path, in: context.container) == .opaque {
            stop("kubebook's container shell does not know the content of \(path)")
            return
          }
          write(ShellTools.cannotOpen(target, failure: .notFound, tools: context.tools))
          status = context.tools == .gnu ? 2 : 1
          return
        }
        stdin = text
      case .write, .append:
        let path = absolute(target)
        if path == "/dev/null" {
          targets[redirection.descriptor] = .some(nil)
          continue
        }
        let failure =
          redirection.kind == .write
          ? files.write(path, "", in: context.container) : files.write(path, "", append: true, in: context.container)
        if let failure {
          write(ShellTools.cannotCreate(target, failure: failure, tools: context.tools))
          status = context.tools == .gnu ? 2 : 1
          return
        }
        targets[redirection.descriptor] = (path, true)
      }
    }
    var io = ShellIO(context: context, clock: clock, variables: variables, stdin: stdin)
    io.status = status
    io.direct = program.direct
    let code = command(Array(words.dropFirst()), &io, &files)
    if let refusal = io.refusal {
      stop(refusal)
      return
    }
    variables = io.variables
    for (descriptor, text) in io.writes where !text.isEmpty {
      switch targets[descriptor] {
      case nil: write(text)
      case .some(nil): continue
      case .some(let target?): _ = files.write(target.path, text, append: target.append, in: context.container)
      }
    }
    status = code
    if io.sleepsForever {
      sleepsForever = true
      wakeAt = Self.never
    } else if let milliseconds = io.sleepMilliseconds {
      wakeAt = clock.adding(milliseconds: milliseconds)
    }
    if let exit = io.exit { exitCode = exit }
  }

  /// `path` made absolute against the working directory.
  func absolute(_ path: String) -> String {
    ContainerPath.normalize(path.hasPrefix("/") ? path : context.workingDirectory + "/" + path)
  }
}

/// What a process of kubebook's container shell knows about where it runs.
public struct ShellContext: Sendable {
  /// The container the process runs in (whose view of the pod's files it uses).
  public var container: String
  /// The pod's hostname (`hostname`, `/etc/hostname`).
  public var hostname: String
  /// Whose shell and utilities run it (their error texts).
  public var tools: ImageFiles.Tools
  /// The environment the process starts with.
  public var environment: [(String, String)]
  /// Whether `environment` is all of it (`env` prints it); otherwise the image adds variables
  /// kubebook does not know, and `env` is refused.
  public var environmentIsComplete: Bool
  /// Planning a container's run before it starts (``ContainerBehavior``): the volumes are not
  /// there yet, so reading a file that is missing is refused rather than failed.
  public var planning = false
  /// The directory relative paths start from.
  public var workingDirectory = "/"

  /// Creates a context.
  public init(
    container: String, hostname: String, tools: ImageFiles.Tools, environment: [(String, String)],
    environmentIsComplete: Bool, planning: Bool = false, workingDirectory: String = "/"
  ) {
    self.container = container
    self.hostname = hostname
    self.tools = tools
    self.environment = environment
    self.environmentIsComplete = environmentIsComplete
    self.planning = planning
    self.workingDirectory = workingDirectory
  }
}
