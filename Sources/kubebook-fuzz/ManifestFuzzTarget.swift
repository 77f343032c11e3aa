import Kubectl

/// Fuzzes manifest decoding: any bytes are diffed (`kubectl diff -f -`, as a server dry run
/// and GNU diff's algorithm see them), applied (`kubectl apply -f -`) to a fresh simulated
/// cluster, which then runs for a while and is listed, then replaced and diffed again.
/// Nothing may crash or hang.
enum ManifestFuzzTarget {
  /// The fresh cluster every input starts from (booted once; each input works on a copy).
  static let freshTerminal = Terminal()

  /// Runs one input.
  static func run(_ bytes: [UInt8]) {
    var terminal = freshTerminal
    let manifest = String(decoding: bytes, as: UTF8.self)
    _ = terminal.run("kubectl diff -f -", stdin: manifest)
    _ = terminal.run("kubectl apply -f -", stdin: manifest)
    _ = terminal.run("sleep 10")
    _ = terminal.run("kubectl get all -A")
    _ = terminal.run("kubectl replace -f - --dry-run=server", stdin: manifest)
    _ = terminal.run("kubectl diff -f -", stdin: manifest)
  }
}
