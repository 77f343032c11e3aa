import KubeSim
import Kubectl

/// Fuzzes kubebook's container shell: any bytes are a script run by `kubectl exec POD -- sh
/// -c SCRIPT` in a BusyBox and an nginx container, and the command of a new BusyBox
/// container (`kubectl run ... -- sh -c SCRIPT`) whose process then runs on the virtual clock
/// for ten minutes, its log and files read as it goes. Nothing may crash or hang: every
/// process is bounded by ``ShellProcess/stepsPerInstant`` and ``ShellProcess/stepsPerRun``.
enum ShellFuzzTarget {
  /// A cluster with a BusyBox and an nginx pod running (booted once; each input works on a
  /// copy).
  static let freshTerminal: Terminal = {
    var terminal = Terminal()
    _ = terminal.run("kubectl run box --image=busybox:1.36 -- sleep 3600")
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    _ = terminal.run("sleep 20")
    return terminal
  }()

  /// Runs one input.
  static func run(_ bytes: [UInt8]) {
    var terminal = freshTerminal
    let script = String(decoding: bytes, as: UTF8.self)
    var kubeconfig = terminal.kubeconfig
    func kubectl(_ arguments: [String]) {
      _ = Kubectl.run(arguments, cluster: &terminal.cluster, kubeconfig: &kubeconfig, files: terminal.files)
    }
    kubectl(["exec", "box", "--", "sh", "-c", script])
    kubectl(["exec", "web", "--", "sh", "-c", script])
    kubectl(["exec", "box", "--", "ls", script])
    kubectl(["run", "fuzz", "--image=busybox:1.36", "--", "sh", "-c", script])
    for _ in 0..<3 {
      _ = terminal.run("sleep 200")
      kubectl(["logs", "fuzz"])
      kubectl(["exec", "fuzz", "--", "ls", "/tmp"])
    }
  }
}
