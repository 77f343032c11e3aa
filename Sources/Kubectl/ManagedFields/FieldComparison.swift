import KubeSim

/// What changed between two versions of an object, path by path, as structured-merge-diff's
/// `typed.Compare` reports it: `added` holds every new path (a new map, struct or list item
/// too, which `serialize.go` prints as `.`), `modified` the changed leaves, `removed` the
/// paths gone. Lists and maps are walked by ``FieldSchema``.
struct FieldComparison {
  var added = FieldSet()
  var modified = FieldSet()
  var removed = FieldSet()

  /// Compares `lhs` with `rhs` (nil: absent). A JSON null is a value, as in the unstructured
  /// form of Go's zero object: a list that was `null` and gets items is not "added".
  init(_ lhs: JSONValue?, _ rhs: JSONValue?) {
    walk(lhs, rhs, path: [], depth: 0)
  }

  /// Compares the values at `path` (bounded at 64 levels: deeper values count as leaves).
  private mutating func walk(_ lhs: JSONValue?, _ rhs: JSONValue?, path: [String], depth: Int) {
    if lhs == nil && rhs == nil { return }
    let sample = rhs ?? lhs
    let atomic = FieldSchema.isAtomic(path) || depth > 64
    switch sample {
    case .object? where !atomic:
      let left = lhs?.objectValue ?? []
      let right = rhs?.objectValue ?? []
      var keys = left.map(\.0)
      for (key, _) in right where !keys.contains(key) { keys.append(key) }
      for key in keys {
        walk(
          left.first { $0.0 == key }?.1, right.first { $0.0 == key }?.1, path: path + ["f:" + key],
          depth: depth + 1)
      }
      node(lhs, rhs, path: path)
    case .array? where !atomic:
      let kind = FieldSchema.listKind(path)
      if kind == .atomic {
        leaf(lhs, rhs, path: path)
        return
      }
      let left = (lhs?.arrayValue ?? []).map { (FieldSchema.element($0, kind: kind), $0) }
      let right = (rhs?.arrayValue ?? []).map { (FieldSchema.element($0, kind: kind), $0) }
      var keys = left.map(\.0)
      for (key, _) in right where !keys.contains(key) { keys.append(key) }
      for key in keys {
        let before = left.first { $0.0 == key }?.1
        let after = right.first { $0.0 == key }?.1
        if kind == .set {
          leaf(before, after, path: path + [key])
        } else {
          walk(before, after, path: path + [key], depth: depth + 1)
        }
      }
      node(lhs, rhs, path: path)
    default:
      leaf(lhs, rhs, path: path)
    }
  }

  /// A map, struct or list node: itself added or removed when it appears or goes.
  private mutating func node(_ lhs: JSONValue?, _ rhs: JSONValue?, path: [String]) {
    guard !path.isEmpty else { return }
    if lhs == nil {
      added.insert(path[...])
    } else if rhs == nil {
      removed.insert(path[...])
    }
  }

  /// A leaf (a scalar, or an atomic map or list): added, removed or modified as a whole.
  private mutating func leaf(_ lhs: JSONValue?, _ rhs: JSONValue?, path: [String]) {
    if lhs == nil {
      added.insert(path[...])
    } else if rhs == nil {
      removed.insert(path[...])
    } else if lhs != rhs {
      modified.insert(path[...])
    }
  }
}
