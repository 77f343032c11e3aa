import ArgumentParser

/// The checks on `-o OUT_DIR` that need no disk: the rest is ``OutputDirectory``'s.
enum OutputOption {
  /// Refuses an empty output directory as a usage error (exit status 2).
  static func validate(_ output: String) throws {
    if output.isEmpty {
      throw ValidationError("the output directory (-o) must not be empty")
    }
  }
}
