import Testing

@testable import KubeSim

/// kubebook's container shell against the real shells: each script's expected output and exit
/// status were captured by running it with BusyBox v1.35.0 (`busybox sh -c SCRIPT`, Debian's
/// busybox-static) and with dash in the C locale (`LC_ALL=C dash -c SCRIPT`, whose `dash: 1:`
/// prefix reads `sh: 1:` in a container, where the shell is started as `sh`), each in a fresh
/// `/tmp/kbt` directory, from `/`.
@Suite struct ContainerShellTests {
  /// Files with an empty `/tmp/kbt`, as the captures started.
  static func files(_ tools: ImageFiles.Tools) -> PodFiles {
    var files = PodFiles()
    files.trees["container:main"] = [
      "/": .directory(listed: true), "/tmp": .directory(listed: true), "/tmp/kbt": .directory(listed: true),
    ]
    files.tools["main"] = .some(tools)
    return files
  }

  static func context(_ tools: ImageFiles.Tools) -> ShellContext {
    ShellContext(
      container: "main", hostname: "box", tools: tools, environment: [("HOME", "/root")],
      environmentIsComplete: true)
  }

  /// Runs `script` to its end at one instant.
  static func run(_ script: String, _ tools: ImageFiles.Tools) throws -> (String, Int?, PodFiles) {
    var files = files(tools)
    var process = ShellProcess(
      try ShellProgram.of(["sh", "-c", script]), context: context(tools), start: Timestamp(seconds: 0))
    process.run(until: Timestamp(seconds: 0), files: &files)
    return (process.text(until: Timestamp(seconds: 0)), process.exitCode, files)
  }

  static let captured: [(String, ImageFiles.Tools, String, Int)] = [
    (
      "x=\"a  b\"; echo $x; echo \"$x\"; y=; echo a${y}b; echo $y c; z=\" lead trail \"; echo [$z]; echo \"[$z]\"; echo p${z}q",
      .busybox, "a b\na  b\nab\nc\n[ lead trail ]\n[ lead trail ]\np lead trail q\n", 0
    ),
    (
      "x=\"a  b\"; echo $x; echo \"$x\"; y=; echo a${y}b; echo $y c; z=\" lead trail \"; echo [$z]; echo \"[$z]\"; echo p${z}q",
      .gnu, "a b\na  b\nab\nc\n[ lead trail ]\n[ lead trail ]\np lead trail q\n", 0
    ),
    ("echo 'a\\nb'; echo -n x; echo y; echo -e 'c\\td'", .busybox, "a\\nb\nxy\nc\td\n", 0),
    ("echo 'a\\nb'; echo -n x; echo y; echo -e 'c\\td'", .gnu, "a\nb\nxy\n-e c\td\n", 0),
    (
      "mkdir -p /tmp/kbt/d; touch /tmp/kbt/f; ls /tmp/kbt; ls /tmp/kbt/f /tmp/kbt/d /tmp/kbt/nope; echo \"rc=$?\"",
      .busybox, "d\nf\nls: /tmp/kbt/nope: No such file or directory\n/tmp/kbt/f\n\n/tmp/kbt/d:\nrc=1\n", 0
    ),
    (
      "mkdir -p /tmp/kbt/d; touch /tmp/kbt/f; ls /tmp/kbt; ls /tmp/kbt/f /tmp/kbt/d /tmp/kbt/nope; echo \"rc=$?\"",
      .gnu, "d\nf\nls: cannot access '/tmp/kbt/nope': No such file or directory\n/tmp/kbt/f\n\n/tmp/kbt/d:\nrc=2\n", 0
    ),
    (
      "mkdir /tmp/kbt; mkdir /tmp/kbt/x/y; rm /tmp/kbt/nope; rm /tmp/kbt; rm -f /tmp/kbt/nope; echo \"rc=$?\"",
      .busybox,
      "mkdir: can't create directory '/tmp/kbt': File exists\nmkdir: can't create directory '/tmp/kbt/x/y': No such file or directory\nrm: can't remove '/tmp/kbt/nope': No such file or directory\nrm: '/tmp/kbt' is a directory\nrc=0\n",
      0
    ),
    (
      "mkdir /tmp/kbt; mkdir /tmp/kbt/x/y; rm /tmp/kbt/nope; rm /tmp/kbt; rm -f /tmp/kbt/nope; echo \"rc=$?\"", .gnu,
      "mkdir: cannot create directory '/tmp/kbt': File exists\nmkdir: cannot create directory '/tmp/kbt/x/y': No such file or directory\nrm: cannot remove '/tmp/kbt/nope': No such file or directory\nrm: cannot remove '/tmp/kbt': Is a directory\nrc=0\n",
      0
    ),
    (
      "echo one > /tmp/kbt/o; echo two >> /tmp/kbt/o; cat /tmp/kbt/o; cat /tmp/kbt; echo \"rc=$?\"", .busybox,
      "one\ntwo\ncat: read error: Is a directory\nrc=1\n", 0
    ),
    (
      "echo one > /tmp/kbt/o; echo two >> /tmp/kbt/o; cat /tmp/kbt/o; cat /tmp/kbt; echo \"rc=$?\"", .gnu,
      "one\ntwo\ncat: /tmp/kbt: Is a directory\nrc=1\n", 0
    ),
    (
      "for i in 1 2 3; do if [ \"$i\" = 2 ]; then echo two; elif [ $i -gt 2 ]; then echo big; else echo $i; fi; done",
      .busybox, "1\ntwo\nbig\n", 0
    ),
    (
      "for i in 1 2 3; do if [ \"$i\" = 2 ]; then echo two; elif [ $i -gt 2 ]; then echo big; else echo $i; fi; done",
      .gnu, "1\ntwo\nbig\n", 0
    ),
    (
      "x=5; [ -d /tmp/kbt ] && echo dir || echo nodir; [ -f /tmp/kbt ] || echo notfile; test -n \"$x\" && echo \"x is $x\"",
      .busybox, "dir\nnotfile\nx is 5\n", 0
    ),
    (
      "x=5; [ -d /tmp/kbt ] && echo dir || echo nodir; [ -f /tmp/kbt ] || echo notfile; test -n \"$x\" && echo \"x is $x\"",
      .gnu, "dir\nnotfile\nx is 5\n", 0
    ),
    ("false || true && echo ok; false && echo no; echo \"status $?\"", .busybox, "ok\nstatus 1\n", 0),
    ("false || true && echo ok; false && echo no; echo \"status $?\"", .gnu, "ok\nstatus 1\n", 0),
    (
      "i=0; while [ ! -f /tmp/kbt/stop ]; do touch /tmp/kbt/stop; echo loop; done; until true; do echo never; done; echo done",
      .busybox, "loop\ndone\n", 0
    ),
    (
      "i=0; while [ ! -f /tmp/kbt/stop ]; do touch /tmp/kbt/stop; echo loop; done; until true; do echo never; done; echo done",
      .gnu, "loop\ndone\n", 0
    ),
    (
      "echo \"$(echo inner) `echo back`\" ; touch /nonexistent/dir/f; echo a > /nonexistent/x; echo \"rc=$?\"",
      .busybox,
      "inner back\ntouch: /nonexistent/dir/f: No such file or directory\nsh: can't create /nonexistent/x: nonexistent directory\nrc=1\n",
      0
    ),
    (
      "echo \"$(echo inner) `echo back`\" ; touch /nonexistent/dir/f; echo a > /nonexistent/x; echo \"rc=$?\"", .gnu,
      "inner back\ntouch: cannot touch '/nonexistent/dir/f': No such file or directory\nsh: 1: cannot create /nonexistent/x: Directory nonexistent\nrc=2\n",
      0
    ),
    ("cat < /tmp/kbt/o; exit 7", .busybox, "sh: can't open /tmp/kbt/o: no such file\n", 7),
    ("cat < /tmp/kbt/o; exit 7", .gnu, "sh: 1: cannot open /tmp/kbt/o: No such file\n", 7),
  ]

  @Test(arguments: 0..<captured.count)
  func sameAsTheRealShell(index: Int) throws {
    let (script, tools, expected, code) = Self.captured[index]
    let (output, exitCode, _) = try Self.run(script, tools)
    #expect(output == expected, "\(script)")
    #expect(exitCode == code, "\(script)")
  }

  /// Syntax errors, as `busybox sh -c 'while'`, `dash -c 'while'` and `dash -c 'while; do'` print them.
  @Test func syntaxErrors() {
    #expect(throws: ShellFailure.syntax(.unexpectedEnd(expecting: "do"))) { try ShellParser.parse("while") }
    #expect(throws: ShellFailure.syntax(.unexpected(";"))) { try ShellParser.parse("while; do") }
    #expect(throws: ShellFailure.syntax(.unterminatedQuote)) { try ShellParser.parse("echo 'x") }
    #expect(
      ShellTools.syntax(.unexpectedEnd(expecting: "do"), tools: .busybox)
        == "sh: syntax error: unexpected end of file (expecting \"do\")\n")
    #expect(
      ShellTools.syntax(.unexpectedEnd(expecting: "do"), tools: .gnu)
        == "sh: 1: Syntax error: end of file unexpected (expecting \"do\")\n")
    #expect(ShellTools.syntax(.unexpected(";"), tools: .gnu) == "sh: 1: Syntax error: \";\" unexpected\n")
    #expect(ShellTools.syntax(.unexpected(";"), tools: .busybox) == "sh: syntax error: unexpected \";\"\n")
  }

  /// What kubebook's shell does not run is refused by name, never guessed at.
  @Test func refusals() throws {
    #expect(throws: ShellFailure.unsupported("| (pipes)")) { try ShellParser.parse("ls | wc -l") }
    #expect(throws: ShellFailure.unsupported("& (background jobs)")) { try ShellParser.parse("sleep 1 & echo") }
    #expect(throws: ShellFailure.unsupported("( ) subshells")) { try ShellParser.parse("(echo)") }
    var files = Self.files(.busybox)
    var process = ShellProcess(
      try ShellProgram.of(["sh", "-c", "echo a; python -V; echo b"]), context: Self.context(.busybox),
      start: Timestamp(seconds: 0))
    process.run(until: Timestamp(seconds: 0), files: &files)
    #expect(process.stopped == "kubebook's container shell does not run python")
    #expect(process.text(until: Timestamp(seconds: 0)) == "a\n")
  }

  /// kubernetes.io's liveness-exec example: the file is there for 30 s, then gone; the
  /// container's command ends after 630 s.
  @Test func livenessExecScriptOverTime() throws {
    let script = "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"
    var files = Self.files(.busybox)
    let start = Timestamp(seconds: 100)
    var process = ShellProcess(
      try ShellProgram.of(["/bin/sh", "-c", script]), context: Self.context(.busybox), start: start)
    process.run(until: start.adding(milliseconds: 29_999), files: &files)
    #expect(files.node("/tmp/healthy", in: "main") == .file(""))
    process.run(until: start.adding(milliseconds: 30_000), files: &files)
    #expect(files.node("/tmp/healthy", in: "main") == nil)
    #expect(process.exitCode == nil)
    process.run(until: start.adding(milliseconds: 630_000), files: &files)
    #expect(process.exitCode == 0)
    #expect(process.clock == start.adding(milliseconds: 630_000))
  }

  /// Output carries the instant it was written; `sleep infinity` never wakes.
  @Test func outputTimesAndInfiniteSleep() throws {
    var files = Self.files(.busybox)
    let start = Timestamp(seconds: 0)
    var process = ShellProcess(
      try ShellProgram.of(["sh", "-c", "echo a; sleep 5; echo b; sleep infinity; echo c"]),
      context: Self.context(.busybox), start: start)
    process.run(until: Timestamp(seconds: 1_000_000), files: &files)
    #expect(process.output.map(\.time) == [start, start.adding(milliseconds: 5000)])
    #expect(process.text(until: Timestamp(seconds: 4)) == "a\n")
    #expect(process.exitCode == nil && process.stopped == nil)
  }

  /// A loop without `sleep` stops at the per-instant bound; a sleeping loop at the run's.
  @Test func loopsAreBounded() throws {
    var files = Self.files(.busybox)
    var busy = ShellProcess(
      try ShellProgram.of(["sh", "-c", "while true; do :; done"]), context: Self.context(.busybox),
      start: Timestamp(seconds: 0))
    busy.run(until: Timestamp(seconds: 10), files: &files)
    #expect(busy.stopped?.contains("\(ShellProcess.stepsPerInstant) steps at one instant") == true)
    var sleepy = ShellProcess(
      try ShellProgram.of(["sh", "-c", "while true; do sleep 1; done"]), context: Self.context(.busybox),
      start: Timestamp(seconds: 0))
    sleepy.run(until: Timestamp(seconds: 10_000_000), files: &files)
    #expect(sleepy.stopped?.contains("budget of \(ShellProcess.stepsPerRun) steps") == true)
  }

  /// `sleep 0` does not move the clock, so it does not reset the per-instant bound (a fuzz
  /// input once spun for 100,000 steps on every replay); files stop growing at the bound.
  @Test func sleepZeroAndFileBounds() throws {
    var files = Self.files(.busybox)
    var process = ShellProcess(
      try ShellProgram.of(["sh", "-c", "until [ -d /nope ]; do sleep 0; done"]), context: Self.context(.busybox),
      start: Timestamp(seconds: 0))
    process.run(until: Timestamp(seconds: 100), files: &files)
    #expect(process.stopped?.contains("at one instant") == true)
    #expect(process.clock == Timestamp(seconds: 0))
    let big = String(repeating: "x", count: PodFiles.fileLimit)
    #expect(files.write("/tmp/kbt/big", big, in: "main") == nil)
    #expect(files.write("/tmp/kbt/big", "y", append: true, in: "main") == .noSpace)
  }

  /// The kubelet plans a container's end from its script: exit codes and sleeps add up;
  /// loops and `sleep infinity` run until stopped.
  @Test func plannedBehaviour() {
    func behavior(_ words: [String], image: String = "busybox:1.36") -> ContainerBehavior {
      var container = Container(name: "c", image: image)
      container.command = words
      return ContainerBehavior.of(container)
    }
    #expect(behavior(["sh", "-c", "sleep 5; exit 3"]) == ContainerBehavior(exitsAfter: 5000, exitCode: 3))
    #expect(
      behavior(["sh", "-c", "for i in 1 2; do sleep 2; done"]) == ContainerBehavior(exitsAfter: 4000, exitCode: 0))
    #expect(behavior(["sh", "-c", "echo x || exit 1"]) == ContainerBehavior(exitsAfter: 100, exitCode: 0))
    #expect(behavior(["sh", "-c", "while true; do sleep 5; done"]) == .runsForever)
    #expect(behavior(["sleep", "infinity"]) == .runsForever)
    #expect(behavior(["sh", "-c", "while"]) == ContainerBehavior(exitsAfter: 100, exitCode: 2))
  }

  /// Volumes: a ConfigMap's files are read-only; a write through one mount shows in the other.
  @Test func mountsResolveToSharedTrees() {
    var files = PodFiles()
    for name in ["a", "b"] {
      files.trees["container:" + name] = ["/": .directory(listed: true), "/data": .directory(listed: true)]
      files.mounts[name] = [PodFiles.Mount(path: "/data", tree: "volume:shared", subPath: "/", readOnly: false)]
    }
    files.trees["volume:shared"] = ["/": .directory(listed: true)]
    files.trees["volume:config"] = ["/": .directory(listed: true), "/k": .file("v")]
    files.mounts["b"]?.insert(
      PodFiles.Mount(path: "/etc/k", tree: "volume:config", subPath: "/k", readOnly: true), at: 0)
    #expect(files.write("/data/x", "hello", in: "a") == nil)
    #expect(files.node("/data/x", in: "b") == .file("hello"))
    #expect(files.node("/etc/k", in: "b") == .file("v"))
    #expect(files.write("/etc/k", "w", in: "b") == .readOnly)
    #expect(files.remove("/data/x", recursive: false, in: "a") == nil)
    #expect(files.node("/data/x", in: "b") == nil)
  }
}
