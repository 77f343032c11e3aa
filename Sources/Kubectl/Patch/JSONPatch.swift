import KubeSim

/// JSON patch (RFC 6902, `kubectl patch --type json`), as gopkg.in/evanphx/json-patch.v4
/// (`patch.go`), which kubectl v1.32 uses, applies it: `add`, `remove`, `replace`, `move`,
/// `copy` and `test`, JSON pointers with `~0` and `~1`, `-` to append, negative indices
/// from the end, and its error texts.
enum JSONPatch {
  /// The operations of `patch` (an array of objects) applied in turn to `document`.
  ///
  /// - Throws: the first operation's error; Go's decoding error when `patch` is not an array.
  /// The most operations one patch may have.
  static let maxOperations = 1000
  /// The most values `copy` operations may add up to, so copies of copies cannot grow the
  /// document without end (json-patch's `AccumulatedCopySizeLimit`, counted in nodes).
  static let maxCopiedNodes = ManifestReader.maxNodes

  static func apply(_ patch: JSONValue, to document: JSONValue) throws(PatchError) -> JSONValue {
    guard case .array(let operations) = patch else {
      throw PatchError("json: cannot unmarshal \(patch.typeName) into Go value of type jsonpatch.Patch")
    }
    guard operations.count <= maxOperations else {
      throw PatchError("kubebook refuses JSON patches of more than \(maxOperations) operations")
    }
    var document = document
    var copiedNodes = 0
    for operation in operations {
      guard operation.isObject || operation.isNull else {
        throw PatchError("json: cannot unmarshal \(operation.typeName) into Go value of type jsonpatch.Operation")
      }
      try JSONPatchOperation(operation).apply(to: &document, copiedNodes: &copiedNodes)
    }
    return document
  }
}

/// One operation of a JSON patch and how it changes a document.
struct JSONPatchOperation {
  /// The operation's object (`null` for a `null` element, whose kind is `unknown`).
  var fields: JSONValue

  init(_ fields: JSONValue) { self.fields = fields }

  /// `Operation.Kind`: the `op` string, or `unknown`.
  var kind: String { fields["op"]?.stringValue ?? "unknown" }

  /// `Operation.Path` (and `From` for `field` `from`): the string, or the error Go reports.
  func pointer(_ field: String) -> Result<String, PatchError> {
    guard let value = fields[field], !value.isNull else {
      let missing = field == "path" ? "operation missing path field" : "operation, missing from field"
      return .failure(PatchError(missing + ": missing value"))
    }
    guard let text = value.stringValue else {
      return .failure(PatchError("json: cannot unmarshal \(value.typeName) into Go value of type string"))
    }
    return .success(text)
  }

  /// The `value` field; nil when absent (and `null` when null: both marshal as `null`).
  var value: JSONValue? { fields["value"] }

  /// Applies the operation to `document`.
  func apply(to document: inout JSONValue, copiedNodes: inout Int) throws(PatchError) {
    switch kind {
    case "add": try add(&document)
    case "remove": try remove(&document)
    case "replace": try replace(&document)
    case "move": try move(&document)
    case "test": try test(document)
    case "copy": try copy(&document, copiedNodes: &copiedNodes)
    case let other: throw PatchError("Unexpected kind: \(other)")
    }
  }

  private func add(_ document: inout JSONValue) throws(PatchError) {
    guard case .success(let path) = pointer("path") else {
      throw PatchError("add operation failed to decode path: missing value")
    }
    let inserted = value ?? .null
    let outcome = JSONPointerContainer.edit(&document, path: path) { container, key in
      JSONPointerContainer.add(inserted, key: key, to: &container)
    }
    guard let outcome else {
      throw PatchError("add operation does not apply: doc is missing path: \"\(path)\": missing value")
    }
    if case .failure(let error) = outcome { throw PatchError("error in add for path: '\(path)': \(error.message)") }
  }

  private func remove(_ document: inout JSONValue) throws(PatchError) {
    guard case .success(let path) = pointer("path") else {
      throw PatchError("remove operation failed to decode path: missing value")
    }
    let outcome = JSONPointerContainer.edit(&document, path: path) { container, key in
      JSONPointerContainer.remove(key: key, from: &container).map { _ in () }
    }
    guard let outcome else {
      throw PatchError("remove operation does not apply: doc is missing path: \"\(path)\": missing value")
    }
    if case .failure(let error) = outcome {
      throw PatchError("error in remove for path: '\(path)': \(error.message)")
    }
  }

  private func replace(_ document: inout JSONValue) throws(PatchError) {
    let path: String
    switch pointer("path") {
    case .success(let text): path = text
    case .failure(let error): throw PatchError("replace operation failed to decode path: \(error.message)")
    }
    let replacement = value ?? .null
    let outcome = JSONPointerContainer.edit(&document, path: path) { container, key -> Result<Void, PatchError> in
      if case .failure = JSONPointerContainer.get(key: key, in: container) {
        return .failure(PatchError("replace operation does not apply: doc is missing key: \(path): missing value"))
      }
      JSONPointerContainer.set(replacement, key: key, in: &container)
      return .success(())
    }
    guard let outcome else {
      throw PatchError("replace operation does not apply: doc is missing path: \(path): missing value")
    }
    if case .failure(let error) = outcome { throw error }
  }

  private func move(_ document: inout JSONValue) throws(PatchError) {
    let from: String
    switch pointer("from") {
    case .success(let text): from = text
    case .failure(let error): throw PatchError("move operation failed to decode from: \(error.message)")
    }
    let taken = JSONPointerContainer.edit(&document, path: from) { container, key -> Result<JSONValue, PatchError> in
      if case .failure(let error) = JSONPointerContainer.get(key: key, in: container) {
        return .failure(PatchError("error in move for path: '\(key)': \(error.message)"))
      }
      return JSONPointerContainer.remove(key: key, from: &container).mapError {
        PatchError("error in move for path: '\(key)': \($0.message)")
      }
    }
    guard let taken else {
      throw PatchError("move operation does not apply: doc is missing from path: \(from): missing value")
    }
    let moved: JSONValue
    switch taken {
    case .success(let value): moved = value
    case .failure(let error): throw error
    }
    let path: String
    switch pointer("path") {
    case .success(let text): path = text
    case .failure(let error): throw PatchError("move operation failed to decode path: \(error.message)")
    }
    let outcome = JSONPointerContainer.edit(&document, path: path) { container, key in
      JSONPointerContainer.add(moved, key: key, to: &container)
    }
    guard let outcome else {
      throw PatchError("move operation does not apply: doc is missing destination path: \(path): missing value")
    }
    if case .failure(let error) = outcome { throw PatchError("error in move for path: '\(path)': \(error.message)") }
  }

  private func test(_ document: JSONValue) throws(PatchError) {
    let path: String
    switch pointer("path") {
    case .success(let text): path = text
    case .failure(let error): throw PatchError("test operation failed to decode path: \(error.message)")
    }
    let failed = PatchError("testing value \(path) failed: test failed")
    if path.isEmpty {
      guard let expected = value, document.sameJSON(as: expected) else { throw failed }
      return
    }
    var copy = document
    let found = JSONPointerContainer.edit(&copy, path: path) { container, key in
      JSONPointerContainer.get(key: key, in: container)
    }
    guard let found else {
      throw PatchError("test operation does not apply: is missing path: \(path): missing value")
    }
    let actual: JSONValue?
    switch found {
    case .success(let value): actual = value
    case .failure(let error): throw PatchError("error in test for path: '\(path)': \(error.message)")
    }
    // A missing key and a JSON null are both a nil node in json-patch.
    guard let actual, !actual.isNull else {
      if value == nil || value?.isNull == true { return }
      throw failed
    }
    guard let expected = value, !expected.isNull, actual.sameJSON(as: expected) else { throw failed }
  }

  private func copy(_ document: inout JSONValue, copiedNodes: inout Int) throws(PatchError) {
    let from: String
    switch pointer("from") {
    case .success(let text): from = text
    case .failure(let error): throw PatchError("copy operation failed to decode from: \(error.message)")
    }
    var source = document
    let found = JSONPointerContainer.edit(&source, path: from) { container, key in
      JSONPointerContainer.get(key: key, in: container)
    }
    guard let found else {
      throw PatchError("copy operation does not apply: doc is missing from path: \(from): missing value")
    }
    let copied: JSONValue
    switch found {
    case .success(let value): copied = value ?? .null
    case .failure(let error): throw PatchError("error in copy for from: '\(from)': \(error.message)")
    }
    guard case .success(let path) = pointer("path") else {
      throw PatchError("copy operation failed to decode path: missing value")
    }
    copiedNodes += copied.nodeCount(limit: JSONPatch.maxCopiedNodes - copiedNodes + 1)
    guard copiedNodes <= JSONPatch.maxCopiedNodes else {
      throw PatchError("kubebook refuses copies that add more than \(JSONPatch.maxCopiedNodes) values to the document")
    }
    let outcome = JSONPointerContainer.edit(&document, path: path) { container, key in
      JSONPointerContainer.add(copied, key: key, to: &container)
    }
    guard let outcome else {
      throw PatchError("copy operation does not apply: doc is missing destination path: \(path): missing value")
    }
    if case .failure(let error) = outcome {
      throw PatchError("error while adding value during copy: \(error.message)")
    }
  }
}
