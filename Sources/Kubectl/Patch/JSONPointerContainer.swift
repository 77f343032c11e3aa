import KubeSim

/// JSON pointers as evanphx/json-patch v4 follows them (`findObject`): every token but the
/// last leads to an object or array, and the last names a key or index in it; and the
/// `get`, `set`, `add` and `remove` of its `partialDoc` and `partialArray`.
enum JSONPointerContainer {
  /// Calls `body` with the container `path` ends in and the path's last token; nil when
  /// the path has fewer than two tokens or leads through a missing, null or scalar value.
  static func edit<Outcome>(
    _ document: inout JSONValue, path: String,
    _ body: (inout JSONValue, String) -> Outcome
  ) -> Outcome? {
    let tokens = path.split(separator: "/", omittingEmptySubsequences: false).map { decode(String($0)) }
    guard tokens.count >= 2 else { return nil }
    return descend(&document, through: tokens[1..<(tokens.count - 1)], key: tokens[tokens.count - 1], body)
  }

  private static func descend<Outcome>(
    _ container: inout JSONValue, through tokens: ArraySlice<String>, key: String,
    _ body: (inout JSONValue, String) -> Outcome
  ) -> Outcome? {
    guard let token = tokens.first else { return body(&container, key) }
    guard case .success(let child?) = get(key: token, in: container), child.isObject || child.isArray else {
      return nil
    }
    var next = child
    let outcome = descend(&next, through: tokens.dropFirst(), key: key, body)
    set(next, key: token, in: &container)
    return outcome
  }

  /// `decodePatchKey`: `~1` is `/` and `~0` is `~`, read left to right in one pass.
  static func decode(_ token: String) -> String {
    var result = ""
    var characters = token.makeIterator()
    while let character = characters.next() {
      guard character == "~" else {
        result.append(character)
        continue
      }
      switch characters.next() {
      case "1": result.append("/")
      case "0": result.append("~")
      case let other?: result.append("~" + String(other))
      case nil: result.append("~")
      }
    }
    return result
  }

  /// The value under `key`: for an object, the value or nil when the key is missing; for an
  /// array, the element at the index (negative counts from the end).
  static func get(key: String, in container: JSONValue) -> Result<JSONValue?, PatchError> {
    switch container {
    case .object(let pairs): return .success(pairs.first { $0.0 == key }?.1)
    case .array(let items):
      return index(key, count: items.count, allowEnd: false).map { items[$0] }
    default: return .failure(PatchError("invalid state detected"))
    }
  }

  /// Stores `value` under `key` (an existing index for an array).
  static func set(_ value: JSONValue, key: String, in container: inout JSONValue) {
    switch container {
    case .object(let pairs): container = .object(JSONValue.setting(key, to: value, in: pairs))
    case .array(var items):
      guard case .success(let position) = index(key, count: items.count, allowEnd: false) else { return }
      items[position] = value
      container = .array(items)
    default: return
    }
  }

  /// `add`: sets an object's key, or inserts into an array (`-` appends).
  static func add(_ value: JSONValue, key: String, to container: inout JSONValue) -> Result<Void, PatchError> {
    switch container {
    case .object(let pairs):
      container = .object(JSONValue.setting(key, to: value, in: pairs))
      return .success(())
    case .array(var items):
      if key == "-" {
        items.append(value)
        container = .array(items)
        return .success(())
      }
      switch index(key, count: items.count, allowEnd: true) {
      case .success(let position):
        items.insert(value, at: position)
        container = .array(items)
        return .success(())
      case .failure(let error):
        if case .failure(let syntax) = GoStrconv.atoi(key) {
          return .failure(PatchError("value was not a proper array index: '\(key)': \(syntax.message)"))
        }
        return .failure(error)
      }
    default: return .failure(PatchError("invalid state detected"))
    }
  }

  /// `remove`: deletes an object's key (which must exist) or an array's element; returns it.
  static func remove(key: String, from container: inout JSONValue) -> Result<JSONValue, PatchError> {
    switch container {
    case .object(var pairs):
      guard let position = pairs.firstIndex(where: { $0.0 == key }) else {
        return .failure(PatchError("Unable to remove nonexistent key: \(key): missing value"))
      }
      let removed = pairs.remove(at: position).1
      container = .object(pairs)
      return .success(removed)
    case .array(var items):
      switch index(key, count: items.count, allowEnd: false) {
      case .success(let position):
        let removed = items.remove(at: position)
        container = .array(items)
        return .success(removed)
      case .failure(let error): return .failure(error)
      }
    default: return .failure(PatchError("invalid state detected"))
    }
  }

  /// An array index as `partialArray` reads it: `strconv.Atoi`, negative from the end; with
  /// `allowEnd`, the index one past the last element too (for `add`).
  private static func index(_ key: String, count: Int, allowEnd: Bool) -> Result<Int, PatchError> {
    let parsed: Int
    switch GoStrconv.atoi(key) {
    case .success(let value): parsed = value
    case .failure(let error): return .failure(PatchError(error.message))
    }
    let size = allowEnd ? count + 1 : count
    let invalid = PatchError("Unable to access invalid index: \(parsed): invalid index referenced")
    if parsed >= size { return .failure(invalid) }
    if parsed < 0 {
      if parsed < -size { return .failure(invalid) }
      return .success(parsed + size)
    }
    return .success(parsed)
  }
}
