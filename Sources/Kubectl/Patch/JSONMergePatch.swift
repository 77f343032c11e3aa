import KubeSim

/// JSON merge patch (RFC 7386, `kubectl patch --type merge`), as evanphx/json-patch v4's
/// `MergePatch` (`merge.go`) applies it: objects merge key by key, `null` deletes a key,
/// anything else (lists too) replaces the value; nulls inside new values are dropped.
enum JSONMergePatch {
  /// The most keys a merged object may have (the merge looks keys up one by one).
  static let maxKeys = StrategicMergePatch.maxListItems

  /// `patch` applied to `document` (an object).
  ///
  /// - Throws: `Invalid JSON Patch` when the patch is a scalar or `null`.
  static func apply(_ patch: JSONValue, to document: JSONValue) throws(PatchError) -> JSONValue {
    switch patch {
    case .object(let pairs):
      guard case .object(let documentPairs) = document else { return prunedObject(pairs) }
      return .object(try merge(documentPairs, pairs))
    case .array(let items):
      // `doMergePatch`: a patch that is a JSON array replaces the document, nulls pruned.
      return .array(items.map(pruned))
    default:
      throw PatchError("Invalid JSON Patch")
    }
  }

  /// `mergeDocs`: the patch's keys merged into the document's.
  private static func merge(_ document: [(String, JSONValue)], _ patch: [(String, JSONValue)]) throws(PatchError)
    -> [(String, JSONValue)]
  {
    guard document.count <= maxKeys && patch.count <= maxKeys else {
      throw PatchError("kubebook refuses to merge objects of more than \(maxKeys) keys")
    }
    var result = document
    for (key, value) in patch {
      if value.isNull {
        result.removeAll { $0.0 == key }
        continue
      }
      let current = result.first { $0.0 == key }?.1
      guard let current, !current.isNull else {
        result = JSONValue.setting(key, to: pruned(value), in: result)
        continue
      }
      result = JSONValue.setting(key, to: try merged(current, value), in: result)
    }
    return result
  }

  /// `merge`: an object patch merges into an object; any other patch replaces the value.
  private static func merged(_ current: JSONValue, _ patch: JSONValue) throws(PatchError) -> JSONValue {
    guard case .object(let currentPairs) = current else { return pruned(patch) }
    guard case .object(let patchPairs) = patch else { return patch }
    return .object(try merge(currentPairs, patchPairs))
  }

  /// `pruneNulls`: the value without null-valued keys in its objects, at every depth
  /// (nulls that are array elements stay).
  static func pruned(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let pairs): return prunedObject(pairs)
    case .array(let items): return .array(items.map { $0.isNull ? $0 : pruned($0) })
    default: return value
    }
  }

  private static func prunedObject(_ pairs: [(String, JSONValue)]) -> JSONValue {
    .object(pairs.filter { !$0.1.isNull }.map { ($0.0, pruned($0.1)) })
  }
}
