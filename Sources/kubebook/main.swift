import ArgumentParser

#if canImport(Glibc)
  import Glibc
#endif

/// Parses the arguments and runs the command; usage errors exit with status 2.
do {
  var command = try Kubebook.parseAsRoot()
  try command.run()
} catch let exit as ExitStatus {
  Output.flush()
  Glibc.exit(exit.code)
} catch {
  let code = Kubebook.exitCode(for: error)
  let message = Kubebook.fullMessage(for: error)
  if code == .success {
    print(message)
    Glibc.exit(0)
  }
  Output.error(message)
  Glibc.exit(2)
}
Output.flush()
