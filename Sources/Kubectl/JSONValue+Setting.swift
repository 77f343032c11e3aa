import KubeSim

/// Setting one key of an object, for the answers of dry runs.
extension JSONValue {
  /// The object with `key` set to `value` (removed when nil), in place or at the end.
  func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
    guard case .object(var pairs) = self else { return self }
    if let index = pairs.firstIndex(where: { $0.0 == key }) {
      if let value { pairs[index].1 = value } else { pairs.remove(at: index) }
    } else if let value {
      pairs.append((key, value))
    }
    return .object(pairs)
  }

  /// The object with `metadata.key` set to `value` (removed when nil).
  func settingMetadata(_ key: String, _ value: JSONValue?) -> JSONValue {
    setting("metadata", (self["metadata"] ?? .object([])).setting(key, value))
  }
}
