import KubeSim

/// The taint changes of one `kubectl taint` command, parsed and applied as kubectl v1.32's
/// `pkg/cmd/taint/utils.go` does: `parseTaints`/`parseTaint`, `checkIfTaintsAlreadyExists`
/// and `reorganizeTaints`.
struct TaintChanges {
  /// `KEY[=VALUE]:EFFECT` arguments, in order.
  var additions: [Taint] = []
  /// `KEY[:EFFECT]-` arguments, in order (no value: a removal matches key and effect).
  var removals: [(key: String, effect: TaintEffect?)] = []

  /// `parseTaints`: a trailing `-` removes; anything else adds and needs an effect; two
  /// additions may not share key and effect. The error text is kubectl's, without `error: `.
  static func parse(_ specs: [String]) -> Result<TaintChanges, TaintSpecError> {
    var changes = TaintChanges()
    for spec in specs {
      if spec.hasSuffix("-") {
        switch parseOne(String(spec.dropLast())) {
        case .success(let taint): changes.removals.append((taint.key, taint.effect))
        case .failure(let error): return .failure(error)
        }
        continue
      }
      let taint: (key: String, value: String, effect: TaintEffect?)
      switch parseOne(spec) {
      case .success(let parsed): taint = parsed
      case .failure(let error): return .failure(error)
      }
      guard let effect = taint.effect else { return .failure(TaintSpecError("invalid taint spec: \(spec)")) }
      if changes.additions.contains(where: { $0.key == taint.key && $0.effect == effect }) {
        // `%v` of a `v1.Taint` value: `{key value effect <nil>}`.
        return .failure(
          TaintSpecError(
            "duplicated taints with the same key and effect: {\(taint.key) \(taint.value) \(effect.rawValue) <nil>}"))
      }
      changes.additions.append(Taint(key: taint.key, value: taint.value.isEmpty ? nil : taint.value, effect: effect))
    }
    return .success(changes)
  }

  /// `parseTaint`: `KEY=VALUE:EFFECT`, `KEY:EFFECT` or `KEY`.
  private static func parseOne(_ spec: String) -> Result<
    (key: String, value: String, effect: TaintEffect?), TaintSpecError
  > {
    let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    var key = spec
    var value = ""
    var effect: TaintEffect?
    switch parts.count {
    case 1: break
    case 2:
      guard let parsed = TaintEffect(rawValue: parts[1]) else {
        return .failure(TaintSpecError("invalid taint effect: \(parts[1]), unsupported taint effect"))
      }
      effect = parsed
      let keyValue = parts[0].split(separator: "=", omittingEmptySubsequences: false).map(String.init)
      if keyValue.count > 2 { return .failure(TaintSpecError("invalid taint spec: \(spec)")) }
      key = keyValue[0]
      if keyValue.count == 2 {
        value = keyValue[1]
        let errors = Validation.labelValueErrors(value)
        if !errors.isEmpty {
          return .failure(TaintSpecError("invalid taint spec: \(spec), " + errors.joined(separator: "; ")))
        }
      }
    default: return .failure(TaintSpecError("invalid taint spec: \(spec)"))
    }
    let errors = Validation.qualifiedNameErrors(key)
    if !errors.isEmpty {
      return .failure(TaintSpecError("invalid taint spec: \(spec), " + errors.joined(separator: "; ")))
    }
    return .success((key, value, effect))
  }

  /// `Validate`'s check that no taint is both added and removed: the `KEY=EFFECT` of each
  /// clash, or nil.
  var conflicts: String? {
    var clashes: [String] = []
    for added in additions {
      for removed in removals
      where removed.key == added.key && (removed.effect == nil || removed.effect == added.effect) {
        clashes.append("\(removed.key)=\(removed.effect?.rawValue ?? "")")
      }
    }
    return clashes.isEmpty ? nil : clashes.joined(separator: ", ")
  }

  /// `checkIfTaintsAlreadyExists`: the keys of the added taints the node has with the same
  /// effect, comma-separated (empty when none).
  func alreadyPresent(on taints: [Taint]) -> String {
    var keys: [String] = []
    for added in additions {
      for old in taints where old.key == added.key && old.effect == added.effect { keys.append(added.key) }
    }
    return keys.joined(separator: ",")
  }

  /// `reorganizeTaints`: the node's new taints (the added ones first, then the old ones they
  /// do not replace, less the removed ones), the operation kubectl prints, and the removals
  /// that matched nothing (`taint "KEY:EFFECT" not found`).
  func apply(to old: [Taint], overwrite: Bool) -> (taints: [Taint], operation: String, notFound: [String]) {
    var taints = additions
    for taint in old where !taints.contains(where: { $0.key == taint.key && $0.effect == taint.effect }) {
      taints.append(taint)
    }
    let added = old.count != taints.count
    var notFound: [String] = []
    var deleted = false
    for removal in removals {
      let before = taints.count
      taints.removeAll { $0.key == removal.key && (removal.effect == nil || $0.effect == removal.effect) }
      // Only the last removal's result counts, as in `deleteTaints`.
      deleted = taints.count != before
      if !deleted {
        let text = removal.key + (removal.effect.map { ":" + $0.rawValue } ?? "")
        notFound.append("taint \(Validation.quote(text)) not found")
      }
    }
    let operation = (added && deleted) || overwrite ? "modified" : added ? "tainted" : "untainted"
    return (taints, operation, notFound)
  }
}

/// A taint argument kubectl refuses, in its words.
struct TaintSpecError: Error {
  var message: String

  init(_ message: String) { self.message = message }
}
