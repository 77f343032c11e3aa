/// A ``ShellScript`` flattened into instructions with jumps, so that a running script can stop
/// at any `sleep` and resume later from its program counter (``ShellProcess``).
public struct ShellProgram: Sendable, Equatable {
  /// One step of a program.
  public enum Instruction: Sendable, Equatable {
    /// Runs a simple command and sets `$?`.
    case run(ShellCommandLine)
    case jump(Int)
    case jumpIfFailed(Int)
    case jumpIfSucceeded(Int)
    /// Sets `$?` (a loop or `if` that ran no body ends with 0).
    case setStatus(Int)
    /// Expands a `for` loop's words into list `slot`.
    case forStart(slot: Int, words: [ShellWord])
    /// Sets `name` to the next item of list `slot`, or jumps to `exit` when it is empty.
    case forNext(slot: Int, name: String, exit: Int)
  }

  public var instructions: [Instruction] = []
  var slots = 0
  /// Whether the program is one command run without a shell (`kubectl exec POD -- ls`): its
  /// name is a program, not a shell builtin.
  public var direct = false

  /// The program of `script`.
  public init(_ script: ShellScript) {
    emit(script)
  }

  /// The program that runs one command given as words (a container's `command` and `args`,
  /// or `kubectl exec`'s), each word literal.
  public init(words: [String]) {
    let line = ShellCommandLine(words: words.map { ShellWord(parts: [.literal($0, quoted: true)]) })
    instructions = [.run(line)]
    direct = true
  }

  /// The program of `words`: the script of `sh -c SCRIPT` (or bash's) parsed, other commands
  /// run as they are.
  public static func of(_ words: [String]) throws(ShellFailure) -> ShellProgram {
    if words.count >= 3, ["sh", "/bin/sh", "bash", "/bin/bash", "ash", "/bin/ash"].contains(words[0]),
      words[1] == "-c"
    {
      return ShellProgram(try ShellParser.parse(words[2]))
    }
    if let first = words.first, ["sh", "/bin/sh", "bash", "/bin/bash"].contains(first) {
      throw .unsupported(words.joined(separator: " ") + " (a shell reading commands from its input)")
    }
    return ShellProgram(words: words)
  }

  /// Appends the instructions of `script`.
  mutating func emit(_ script: ShellScript) {
    switch script {
    case .simple(let line):
      instructions.append(.run(line))
    case .sequence(let items):
      for item in items { emit(item) }
    case .and(let left, let right):
      emit(left)
      let branch = placeholder()
      emit(right)
      instructions[branch] = .jumpIfFailed(instructions.count)
    case .or(let left, let right):
      emit(left)
      let branch = placeholder()
      emit(right)
      instructions[branch] = .jumpIfSucceeded(instructions.count)
    case .loop(let condition, let body, let until):
      instructions.append(.setStatus(0))
      let top = instructions.count
      emit(condition)
      let branch = placeholder()
      emit(body)
      instructions.append(.jump(top))
      instructions[branch] = until ? .jumpIfSucceeded(instructions.count) : .jumpIfFailed(instructions.count)
      instructions.append(.setStatus(0))
    case .forEach(let name, let words, let body):
      let slot = slots
      slots += 1
      instructions.append(.forStart(slot: slot, words: words))
      instructions.append(.setStatus(0))
      let top = instructions.count
      let next = placeholder()
      emit(body)
      instructions.append(.jump(top))
      instructions[next] = .forNext(slot: slot, name: name, exit: instructions.count)
    case .choice(let condition, let then, let otherwise):
      emit(condition)
      let branch = placeholder()
      emit(then)
      let skip = placeholder()
      instructions[branch] = .jumpIfFailed(instructions.count)
      if let otherwise { emit(otherwise) } else { instructions.append(.setStatus(0)) }
      instructions[skip] = .jump(instructions.count)
    }
  }

  /// Appends an instruction to be filled in later and returns its index.
  mutating func placeholder() -> Int {
    instructions.append(.setStatus(0))
    return instructions.count - 1
  }
}
