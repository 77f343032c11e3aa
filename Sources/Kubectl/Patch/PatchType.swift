import KubeSim

/// The kinds of patch `kubectl patch --type` takes, and how each reads its text and applies
/// itself to an object's JSON.
enum PatchType: String, CaseIterable {
  case json, merge, strategic

  /// kubectl's `--type` check (the value is matched without regard to case).
  static func parse(_ text: String?) throws(KubectlError) -> PatchType {
    guard let text, !text.isEmpty else { return .strategic }
    guard let type = PatchType(rawValue: text.lowercased()) else {
      throw .plain("--type must be one of [json merge strategic], not \(Validation.quote(text))")
    }
    return type
  }

  /// A patch's text as kubectl reads it (`k8s.io/apimachinery/pkg/util/yaml.ToJSON`): text
  /// that starts with `{` is JSON, kept even when it is not valid (each patch type then
  /// refuses it in its own words); anything else is YAML.
  enum Document {
    case value(JSONValue)
    case invalidJSON(PatchError)

    /// Reads `text`; `quoted` is what kubectl names in a YAML error (the `-p` value, empty
    /// for `--patch-file`).
    static func read(_ text: String, quoted: String) throws(KubectlError) -> Document {
      guard text.utf8.count <= ManifestReader.maxBytes else {
        throw .plain("the patch is larger than the 3 MiB the API server accepts")
      }
      if text.drop(while: \.isWhitespace).hasPrefix("{") {
        switch GoJSONParser.parse(text) {
        case .success(let value): return .value(value)
        case .failure(let error): return .invalidJSON(error)
        }
      }
      switch ManifestReader.firstDocument(text) {
      case .success(let value): return .value(value)
      case .failure(let error):
        let reason = error.text.hasPrefix("error: ") ? String(error.text.dropFirst(7)) : error.text
        throw .plain("unable to parse \(Validation.quote(quoted)): \(reason)")
      }
    }
  }

  /// `document` patched by `patch` (`getPatchedJSON` in kubectl's `patch.go`); `schema`
  /// guides a strategic merge patch.
  func apply(_ patch: Document, to document: JSONValue, schema: PatchSchema) throws(PatchError) -> JSONValue {
    let value: JSONValue
    switch patch {
    case .value(let parsed): value = parsed.normalizingWholeNumbers
    case .invalidJSON(let error):
      switch self {
      case .strategic: throw PatchError("invalid JSON document")
      case .merge: throw PatchError("Invalid JSON Patch")
      case .json: throw error
      }
    }
    switch self {
    case .strategic: return try StrategicMergePatch.apply(value, to: document, schema: schema)
    case .merge: return try JSONMergePatch.apply(value, to: document)
    case .json:
      do {
        return try JSONPatch.apply(value, to: document)
      } catch {
        // kubectl rewrites this one (`getPatchedJSON`).
        guard let range = error.message.range(of: "doc is missing key: ") else { throw error }
        throw PatchError("Object to be patched is missing field (\(error.message[range.upperBound...]))")
      }
    }
  }
}
