import KubeSim

/// A set of field paths as structured-merge-diff keeps it (`fieldpath.Set`): a tree whose
/// edges are path elements (`f:name`, `k:{"name":"nginx"}`, `v:"a"`), each node either a
/// member itself or only on the way to members.
struct FieldSet: Equatable {
  /// Whether the path ending here is itself in the set (`.` when it also has children).
  var member = false
  /// The path elements below, by their serialised form.
  var children: [String: FieldSet] = [:]

  /// Whether nothing is in the set.
  var isEmpty: Bool { !member && children.isEmpty }

  /// Adds the path `elements`.
  mutating func insert(_ elements: ArraySlice<String>) {
    guard let first = elements.first else {
      member = true
      return
    }
    children[first, default: FieldSet()].insert(elements.dropFirst())
  }

  /// The paths in either set.
  func union(_ other: FieldSet) -> FieldSet {
    var result = self
    result.member = member || other.member
    for (key, child) in other.children {
      result.children[key] = result.children[key].map { $0.union(child) } ?? child
    }
    return result
  }

  /// The paths of this set that are not in `other` (`Set.Difference`: only members go).
  func subtracting(_ other: FieldSet) -> FieldSet {
    var result = FieldSet(member: member && !other.member)
    for (key, child) in children {
      let rest = other.children[key].map { child.subtracting($0) } ?? child
      if !rest.isEmpty { result.children[key] = rest }
    }
    return result
  }

  /// fieldsV1: structured-merge-diff's `serialize.go` form, `.` for a member with children,
  /// `{}` for a leaf; the printers sort the keys.
  var json: JSONValue {
    var pairs: [(String, JSONValue)] = []
    if member && !children.isEmpty { pairs.append((".", .object([]))) }
    for key in children.keys.sorted() {
      if let child = children[key] { pairs.append((key, child.json)) }
    }
    return .object(pairs)
  }
}
