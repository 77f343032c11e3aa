import KubeSim

/// `kubectl diff -f FILE` (`kubectl/pkg/cmd/diff/diff.go`): each object the files describe is
/// written twice as YAML, as it lives in the cluster (LIVE) and as a server dry run of `apply`
/// would leave it (MERGED), into two directories, and `diff -u -N` runs on them. The exit
/// status is diff's: 0 when equal (and nothing printed), 1 when different; a failure exits 2.
///
/// kubectl's directories come from `os.MkdirTemp` and have random names; kubebook names them
/// ``liveDirectory`` and ``mergedDirectory``, with a fixed suffix, so its output is the same on
/// every run. The files' times in diff's `---`/`+++` lines are the cluster's clock.
enum DiffCommand {
  /// Where the live objects are written (kubectl: `/tmp/LIVE-<random>`).
  static let liveDirectory = "/tmp/LIVE-kubebook"
  /// Where the merged objects are written (kubectl: `/tmp/MERGED-<random>`).
  static let mergedDirectory = "/tmp/MERGED-kubebook"

  /// The flags `kubectl diff` takes.
  static let flags: [FlagParser.Spec] = [
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
    .init(name: "recursive", short: "R", takesValue: false),
    .init(name: "show-managed-fields", short: nil, takesValue: false),
    .init(name: "concurrency", short: nil, takesValue: true, integerBits: 64),
    .init(name: "field-manager", short: nil, takesValue: true),
    .init(name: "server-side", short: nil, takesValue: false),
    .init(name: "prune", short: nil, takesValue: false),
  ]

  /// Runs `kubectl diff` with `arguments` (after the command word).
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer) {
    do throws(KubectlError) {
      let parsed: FlagParser.Parsed
      do throws(KubectlError) { parsed = try FlagParser(command: "diff", specs: flags).parse(arguments) } catch {
        // diff's flag error function: a usage error, pointing at -h.
        let message = error.text.components(separatedBy: "\n").first ?? error.text
        throw KubectlError(
          text: message.replacingPrefix("Error: ", with: "error: ") + "\nSee 'kubectl diff -h' for help and examples")
      }
      if !parsed.positional.isEmpty {
        throw KubectlError(
          text:
            "error: Unexpected args: [\(parsed.positional.joined(separator: " "))]\nSee 'kubectl diff -h' for help and examples"
        )
      }
      let paths = parsed.all("filename")
      guard !paths.isEmpty else { throw .plain("must specify one of -f and -k") }
      if parsed.flag("server-side") || parsed.flag("prune") {
        throw .plain(
          "kubebook simulates kubectl diff with client-side apply only; --server-side and --prune are not simulated yet"
        )
      }
      let documents = try ManifestFiles.documents(paths, recursive: parsed.flag("recursive"), context: context)
      var files: [String: (live: String, merged: String)] = [:]
      for (source, value) in documents {
        try ApplyCommand.validateTypeFields(value, source: source)
        let served = try ApplyCommand.servedKind(of: value, source: source, verb: "diffing", in: context.cluster)
        let pair = try versions(
          of: served, value, source: source, namespace: parsed.value("namespace"), context: context)
        files[pair.name] = (pair.live, pair.merged)
      }
      for name in files.keys.sorted()
      where files[name].map({ lines($0.live).count > GNUDiff.maxLines || lines($0.merged).count > GNUDiff.maxLines })
        ?? false
      {
        throw .plain("kubebook diffs objects of at most \(GNUDiff.maxLines) lines of YAML; \(name) has more")
      }
      let text = render(files, now: context.cluster.now)
      output.write(text)
      if !text.isEmpty { context.exitCode = 1 }
    } catch {
      output.line(error.text)
      context.exitCode = 2
    }
  }

  /// The file name kubectl gives an object (`InfoObject.Name`):
  /// `[group.]version.Kind.namespace.name`.
  static func fileName(apiVersion: String, kind: String, namespace: String, name: String) -> String {
    let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
    let group = parts.count == 2 ? parts[0] + "." : ""
    return group + (parts.last ?? "") + "." + kind + "." + namespace + "." + name
  }

  /// One object's file name and its LIVE and MERGED YAML ("" for an object that does not
  /// exist yet, as kubectl writes an empty file for it).
  static func versions<Kind: KubectlResource>(
    of _: Kind.Type, _ value: JSONValue, source: String, namespace flagNamespace: String?, context: CommandContext
  ) throws(KubectlError) -> (name: String, live: String, merged: String) {
    let type = Kind.resource
    let objectName = value["metadata"]?["name"]?.stringValue ?? ""
    let namespace =
      type.namespaced ? value["metadata"]?["namespace"]?.stringValue ?? flagNamespace ?? context.defaultNamespace : ""
    let live = Kind.get(objectName, namespace: namespace, in: context.cluster)?.json(now: context.cluster.now)
    // The merged object: the apply, run on a scratch copy of the cluster (a server dry run).
    var scratch = context
    _ = try ApplyCommand.applyObject(
      of: Kind.self, value, source: source, mode: .apply, namespace: flagNamespace, dryRun: false, context: &scratch)
    guard var merged = Kind.get(objectName, namespace: namespace, in: scratch.cluster)?.json(now: scratch.cluster.now)
    else {
      throw .plain("kubebook: the dry run of \(type.qualifiedKind)/\(objectName) left no object to compare")
    }
    merged = ApplyCommand.asDryRunAnswer(merged, live: live)
    var liveValue = live
    if type.kind == "Secret", let shown = live {
      (liveValue, merged) = masked(live: shown, merged: merged)
    }
    let name = fileName(
      apiVersion: value["apiVersion"]?.stringValue ?? "", kind: type.kind, namespace: namespace, name: objectName)
    return (name, liveValue.map(YAMLPrinter.print) ?? "", YAMLPrinter.print(merged))
  }

  /// A Secret's `data` values masked as diff.go's `Masker` does: `***` where equal, `***
  /// (before)` and `*** (after)` where they differ.
  static func masked(live: JSONValue, merged: JSONValue) -> (JSONValue, JSONValue) {
    let from = live["data"]?.objectValue ?? []
    let to = merged["data"]?.objectValue ?? []
    let fromMasked: [(String, JSONValue)] = from.map { key, value in
      guard let other = to.first(where: { $0.0 == key })?.1 else { return (key, .string("***")) }
      return (key, .string(other.sameJSON(as: value) ? "***" : "*** (before)"))
    }
    let toMasked: [(String, JSONValue)] = to.map { key, value in
      guard let other = from.first(where: { $0.0 == key })?.1 else { return (key, .string("***")) }
      return (key, .string(other.sameJSON(as: value) ? "***" : "*** (after)"))
    }
    return (
      live.setting("data", from.isEmpty ? nil : .object(fromMasked)),
      merged.setting("data", to.isEmpty ? nil : .object(toMasked))
    )
  }

  /// `diff -u -N LIVE MERGED` over the files, in name order: for each that differs, diff's
  /// command line, the `---`/`+++` lines with the files' times, and the hunks.
  static func render(_ files: [String: (live: String, merged: String)], now: Timestamp) -> String {
    let stamp = diffTime(now)
    var text = ""
    for name in files.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
      guard let pair = files[name], pair.live != pair.merged else { continue }
      let hunks = GNUDiff.unifiedHunks(old: lines(pair.live), new: lines(pair.merged))
      let from = liveDirectory + "/" + name
      let to = mergedDirectory + "/" + name
      text += "diff -u -N \(from) \(to)\n--- \(from)\t\(stamp)\n+++ \(to)\t\(stamp)\n" + hunks
    }
    return text
  }

  /// A file's lines, without their newlines.
  static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// A file time as diff prints it: `2006-01-02 15:04:05.000000000 +0000`.
  static func diffTime(_ time: Timestamp) -> String {
    let civil = time.civil
    func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
    let fraction = String(Int(((time.milliseconds % 1000) + 1000) % 1000) * 1_000_000)
    return
      "\(civil.year)-\(two(civil.month))-\(two(civil.day)) \(two(civil.hour)):\(two(civil.minute)):\(two(civil.second))."
      + String(repeating: "0", count: 9 - fraction.count) + fraction + " +0000"
  }
}
