import KubeSim
import Testing

@testable import Kubectl

/// `kubectl exec` and `kubectl cp` against the containers' files. Expected texts: BusyBox
/// v1.35.0 and GNU coreutils 9.1 / dash in the C locale as captured on the real binaries
/// (`busybox cat /x`, `LC_ALL=C cat /x`, `busybox tar cf - /x`, `LC_ALL=C tar cf - /x`);
/// `/etc/hosts` in the format kubernetes.io's "Adding entries to Pod /etc/hosts" shows for
/// `kubectl exec nginx -- cat /etc/hosts`; `/etc/resolv.conf` as "DNS for Services and Pods"
/// shows it; `command terminated with exit code N` from client-go's remotecommand.
@Suite struct ExecFilesTests {
  static func terminal() -> Terminal {
    var terminal = Terminal(files: VirtualDirectory(files: ["app.conf": "x = 1\n"]))
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    _ = terminal.run("kubectl run box --image=busybox:1.36 -- sleep 3600")
    _ = terminal.run("sleep 20")
    return terminal
  }

  @Test func nginxRootAndWelcomePage() {
    var terminal = Self.terminal()
    let root = terminal.run("kubectl exec web -- ls /")
    #expect(root.exitCode == 0)
    for name in ["bin", "docker-entrypoint.d", "docker-entrypoint.sh", "etc", "proc", "tmp", "usr", "var"] {
      #expect(root.output.split(separator: "\n").contains(Substring(name)), "\(name)")
    }
    #expect(
      terminal.run("kubectl exec web -- cat /usr/share/nginx/html/index.html").output == BusyBoxWget.nginxWelcomePage)
    #expect(terminal.run("kubectl exec web -- cat /etc/hostname").output == "web\n")
  }

  @Test func kubeletFiles() throws {
    var terminal = Self.terminal()
    let ip = try #require(terminal.cluster.pod("box", namespace: "default")?.status.podIP)
    #expect(
      terminal.run("kubectl exec box -- cat /etc/hosts").output
        == "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n\(ip)\tbox\n"
    )
    #expect(
      terminal.run("kubectl exec box -- cat /etc/resolv.conf").output
        == "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n")
  }

  @Test func missingFilesAsEachImageSaysIt() {
    var terminal = Self.terminal()
    #expect(
      terminal.run("kubectl exec box -- cat /x")
        == CommandResult(
          output: "cat: can't open '/x': No such file or directory\ncommand terminated with exit code 1\n", exitCode: 1)
    )
    #expect(
      terminal.run("kubectl exec web -- cat /x")
        == CommandResult(
          output: "cat: /x: No such file or directory\ncommand terminated with exit code 1\n", exitCode: 1))
    #expect(
      terminal.run("kubectl exec web -- ls /x")
        == CommandResult(
          output: "ls: cannot access '/x': No such file or directory\ncommand terminated with exit code 2\n",
          exitCode: 2))
  }

  /// Without a shell, `echo` is the image's program (coreutils' in nginx: no escapes, as
  /// `LC_ALL=C /bin/echo 'a\nb'` prints); in `sh -c` it is dash's builtin, which reads them.
  @Test func echoProgramAndBuiltin() {
    var terminal = Self.terminal()
    #expect(terminal.run("kubectl exec web -- echo 'a\\nb'").output == "a\\nb\n")
    #expect(terminal.run("kubectl exec web -- sh -c \"echo 'a\\nb'\"").output == "a\nb\n")
    #expect(terminal.run("kubectl exec web -- exit 3").output.contains("it is a shell builtin"))
  }

  /// Writes stay in the container until it restarts; `/proc` and tar are refused.
  @Test func writesAndRefusals() {
    var terminal = Self.terminal()
    #expect(terminal.run("kubectl exec box -- sh -c 'echo hi > /tmp/a; touch /tmp/b'").exitCode == 0)
    #expect(terminal.run("kubectl exec box -- ls /tmp").output == "a\nb\n")
    #expect(terminal.run("kubectl exec box -- rm /tmp/a").exitCode == 0)
    #expect(terminal.run("kubectl exec box -- ls /tmp").output == "b\n")
    #expect(
      terminal.run("kubectl exec box -- ls /proc").output.hasPrefix(
        "error: kubebook's container shell does not run ls /proc"))
    #expect(terminal.run("kubectl exec box -- tar cf - /tmp").exitCode == 1)
  }

  /// kubernetes.io's liveness-exec pod (`pods/probe/exec-liveness.yaml`: its image and
  /// command): `/tmp/healthy` exists for 30 s after the start.
  @Test func livenessExecCommandOverTime() {
    var terminal = Terminal()
    _ = terminal.run(
      "kubectl run liveness --image=registry.k8s.io/busybox:1.27.2 -- /bin/sh -c 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'"
    )
    _ = terminal.run("sleep 10")
    #expect(terminal.run("kubectl exec liveness -- cat /tmp/healthy") == CommandResult(output: "", exitCode: 0))
    _ = terminal.run("sleep 30")
    #expect(terminal.run("kubectl exec liveness -- cat /tmp/healthy").exitCode == 1)
    let pod = terminal.cluster.pod("liveness", namespace: "default")!
    #expect(terminal.cluster.runs(["cat", "/tmp/healthy"], in: pod, container: "liveness") == 1)
    #expect(terminal.cluster.runs(["ls", "/tmp"], in: pod, container: "liveness") == 0)
  }

  /// An emptyDir is shared by the pod's containers and outlives a container's restart; the
  /// container's own files do not.
  @Test func emptyDirSharedAndKeptAcrossRestarts() {
    var terminal = Terminal()
    let manifest = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pair
      spec:
        volumes:
        - name: shared
          emptyDir: {}
        containers:
        - name: writer
          image: busybox:1.36
          command: ["sh", "-c", "while true; do date >> /data/log; sleep 10; done"]
          volumeMounts:
          - name: shared
            mountPath: /data
        - name: reader
          image: busybox:1.36
          command: ["sh", "-c", "sleep 60; exit 1"]
          volumeMounts:
          - name: shared
            mountPath: /shared
      """
    _ = terminal.run("kubectl apply -f -", stdin: manifest)
    _ = terminal.run("sleep 35")
    let lines = terminal.run("kubectl exec pair -c reader -- cat /shared/log").output.split(separator: "\n")
    #expect(lines.count == 3)
    _ = terminal.run("kubectl exec pair -c reader -- sh -c 'touch /tmp/mine /shared/ours'")
    _ = terminal.run("sleep 40")
    #expect(terminal.cluster.pod("pair", namespace: "default")?.status.containerStatuses.last?.restartCount == 1)
    #expect(terminal.run("kubectl exec pair -c reader -- ls /tmp /shared").output == "/shared:\nlog\nours\n\n/tmp:\n")
  }

  @Test func copyOutAndIn() {
    var terminal = Self.terminal()
    #expect(
      terminal.run("kubectl cp web:/etc/hostname host.txt")
        == CommandResult(output: "tar: Removing leading `/' from member names\n", exitCode: 0))
    #expect(terminal.files.files["host.txt"] == "web\n")
    #expect(
      terminal.run("kubectl cp box:/nope x")
        == CommandResult(
          output:
            "tar: removing leading '/' from member names\ntar: /nope: No such file or directory\ntar: error exit delayed from previous errors\ncommand terminated with exit code 1\n",
          exitCode: 1))
    #expect(
      terminal.run("kubectl cp web:/nope x")
        == CommandResult(
          output:
            "tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\ncommand terminated with exit code 2\n",
          exitCode: 2))
    #expect(terminal.run("kubectl cp app.conf box:/tmp") == CommandResult(output: "", exitCode: 0))
    #expect(terminal.run("kubectl exec box -- cat /tmp/app.conf").output == "x = 1\n")
  }

  /// A script's output reaches the log when the process writes it.
  @Test func logsFollowTheVirtualClock() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run talk --image=busybox:1.36 -- sh -c 'echo one; sleep 20; echo two; sleep 3600'")
    _ = terminal.run("sleep 10")
    #expect(terminal.run("kubectl logs talk").output == "one\n")
    _ = terminal.run("sleep 20")
    #expect(terminal.run("kubectl logs talk").output == "one\ntwo\n")
  }
}
