import KubeSim

/// Strategic merge patch (`kubectl patch`'s default `--type strategic`), a port of
/// apimachinery's `pkg/util/strategicpatch/patch.go` (`StrategicMergeMapPatch`, v0.32):
/// objects merge, `null` deletes a key, lists merge by their patch merge keys or are
/// replaced, and the directives `$patch: replace|delete|merge`, `$retainKeys`,
/// `$setElementOrder/FIELD` and `$deleteFromPrimitiveList/FIELD`.
enum StrategicMergePatch {
  static let directiveMarker = "$patch"
  static let retainKeysDirective = "$retainKeys"
  static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList"
  static let setElementOrderPrefix = "$setElementOrder"
  /// The most items two merged lists may hold together, and keys a merged object may have:
  /// the merge compares them pairwise, so a bound keeps a huge patch from hanging (API
  /// objects are far smaller).
  static let maxListItems = 2000

  /// `patch` (an object, or `null` for none) applied to `document` with `schema`.
  ///
  /// - Throws: `invalid JSON document` when the patch is not an object, or the
  ///   library's error for a patch it refuses.
  static func apply(_ patch: JSONValue, to document: JSONValue, schema: PatchSchema) throws(PatchError) -> JSONValue {
    if patch.isNull { return document }
    guard case .object(let patchPairs) = patch, case .object(let documentPairs) = document else {
      throw PatchError("invalid JSON document")
    }
    return .object(try mergeMap(documentPairs, patchPairs, schema: schema))
  }

  /// `mergeMap`: the patch's fields merged into the original's.
  static func mergeMap(
    _ original: [(String, JSONValue)], _ patch: [(String, JSONValue)], schema: PatchSchema
  ) throws(PatchError) -> [(String, JSONValue)] {
    if let directive = patch.first(where: { $0.0 == directiveMarker })?.1 {
      switch directive.stringValue {
      case "replace": return patch.filter { $0.0 != directiveMarker }
      case "delete": return []
      default: throw badPatchType(directive, .object(patch))
      }
    }
    guard original.count <= maxListItems && patch.count <= maxListItems else {
      throw PatchError("kubebook refuses to merge objects of more than \(maxListItems) keys")
    }
    var original = original
    var patch = patch
    try applyRetainKeys(&original, &patch)
    try mergeElementOrderLists(&original, &patch, schema: schema)
    for (patchKey, patchValue) in patch {
      var key = patchKey
      var isDeleteList = false
      if patchKey.hasPrefix(deleteFromPrimitiveListPrefix) {
        key = try extractKey(patchKey, prefix: deleteFromPrimitiveListPrefix)
        isDeleteList = true
      }
      if patchValue.isNull {
        original.removeAll { $0.0 == key }
        continue
      }
      guard let originalValue = original.first(where: { $0.0 == key })?.1,
        originalValue.goType == patchValue.goType
      else {
        if !isDeleteList { store(withoutDirectives(discardingNulls(patchValue)), key: key, in: &original) }
        continue
      }
      let field = schema.field(key)
      let merged: JSONValue
      switch (originalValue, patchValue) {
      case (.object(let originalPairs), .object(let patchPairs)):
        merged = field.replaces ? patchValue : .object(try mergeMap(originalPairs, patchPairs, schema: field.schema))
      case (.array(let originalItems), .array(let patchItems)):
        merged = .array(
          try mergeSliceHandler(originalItems, patchItems, field: field, isDeleteList: isDeleteList))
      default:
        store(withoutDirectives(patchValue), key: key, in: &original)
        continue
      }
      original = JSONValue.setting(key, to: merged, in: original)
    }
    return original
  }

  /// Stores `value` under `key`, or deletes the key when `value` is nil (a directive).
  private static func store(_ value: JSONValue?, key: String, in pairs: inout [(String, JSONValue)]) {
    if let value {
      pairs = JSONValue.setting(key, to: value, in: pairs)
    } else {
      pairs.removeAll { $0.0 == key }
    }
  }

  /// `applyRetainKeysDirective`: with `$retainKeys`, the original keeps only the listed
  /// keys, and the patch may set no others.
  private static func applyRetainKeys(
    _ original: inout [(String, JSONValue)], _ patch: inout [(String, JSONValue)]
  ) throws(PatchError) {
    guard let retain = patch.first(where: { $0.0 == retainKeysDirective })?.1 else { return }
    patch.removeAll { $0.0 == retainKeysDirective }
    let invalid = PatchError("invalid patch format of retainKeys")
    guard let kept = retain.arrayValue else { throw invalid }
    for (key, value) in patch where !value.isNull {
      if key.hasPrefix(deleteFromPrimitiveListPrefix) || key.hasPrefix(setElementOrderPrefix) { continue }
      if !kept.contains(.string(key)) { throw invalid }
    }
    original.removeAll { !kept.contains(.string($0.0)) }
  }

  /// `mergePatchIntoOriginal`: each `$setElementOrder/FIELD` list, merged with FIELD, in
  /// the order it gives (then the patch's order, then the live order).
  private static func mergeElementOrderLists(
    _ original: inout [(String, JSONValue)], _ patch: inout [(String, JSONValue)], schema: PatchSchema
  ) throws(PatchError) {
    for (directiveKey, directiveValue) in patch where directiveKey.hasPrefix(setElementOrderPrefix) {
      patch.removeAll { $0.0 == directiveKey }
      guard let order = directiveValue.arrayValue else {
        throw PatchError("expected a []interface {}, but received a \(directiveValue.goType)")
      }
      let key = try extractKey(directiveKey, prefix: setElementOrderPrefix)
      let originalValue = original.first { $0.0 == key }?.1
      let patchValue = patch.first { $0.0 == key }?.1
      if let originalValue, !originalValue.isArray {
        throw PatchError("expected a []interface {}, but received a \(originalValue.goType)")
      }
      if let patchValue, !patchValue.isArray {
        throw PatchError("expected a []interface {}, but received a \(patchValue.goType)")
      }
      let originalItems = originalValue?.arrayValue ?? []
      let patchItems = patchValue?.arrayValue ?? []
      let field = schema.field(key)
      let mergeKey = field.mergeKey ?? ""
      try validateOrder(patchItems, order: order, mergeKey: mergeKey)
      let merged: [JSONValue]
      switch (originalValue, patchValue) {
      case (.some, nil): merged = originalItems
      case (nil, .some): merged = withoutDirectives(.array(patchItems))?.arrayValue ?? []
      case (.some, .some):
        merged = try mergeSliceHandler(originalItems, patchItems, field: field, isDeleteList: false)
      case (nil, nil): continue
      }
      let (inOrder, serverOnly) = try partition(merged, by: order, mergeKey: mergeKey)
      let elementsAreObjects = try sliceElementType([originalItems, patchItems]) == "object"
      let sorted = try normalizeElementOrder(
        patch: inOrder, serverOnly: serverOnly, patchOrder: order, serverOrder: originalItems,
        mergeKey: mergeKey, objects: elementsAreObjects)
      original = JSONValue.setting(key, to: .array(sorted), in: original)
      patch.removeAll { $0.0 == key }
    }
  }

  /// `validatePatchWithSetOrderList`: the patch list's items appear in the order list, in
  /// its order.
  private static func validateOrder(_ patchItems: [JSONValue], order: [JSONValue], mergeKey: String) throws(PatchError)
  {
    guard !order.isEmpty, !patchItems.isEmpty else { return }
    let kept = mergeKey.isEmpty ? patchItems : try extractToDelete(patchItems).kept
    var patchIndex = 0
    var orderIndex = 0
    while patchIndex < kept.count && orderIndex < order.count {
      if kept[patchIndex][directiveMarker] != nil {
        patchIndex += 1
        continue
      }
      if try mergeKeyValueEqual(kept[patchIndex], order[orderIndex], mergeKey: mergeKey) { patchIndex += 1 }
      orderIndex += 1
    }
    if patchIndex < kept.count && orderIndex >= order.count {
      throw PatchError(
        "The order in patch list:\n\(JSONValue.array(patchItems).goText)\n doesn't match \(setElementOrderPrefix) list:\n\(JSONValue.array(order).goText)\n"
      )
    }
  }

  private static func mergeKeyValueEqual(_ left: JSONValue, _ right: JSONValue, mergeKey: String) throws(PatchError)
    -> Bool
  {
    if mergeKey.isEmpty { return left.sameJSON(as: right) }
    guard left.isObject else { throw badArgType("map[string]interface {}", left) }
    guard right.isObject else { throw badArgType("map[string]interface {}", right) }
    guard let leftKey = left[mergeKey] else { throw noMergeKey(left, mergeKey) }
    guard let rightKey = right[mergeKey] else { throw noMergeKey(right, mergeKey) }
    return leftKey.sameJSON(as: rightKey)
  }

  /// `extractKey`: FIELD of `PREFIX/FIELD`.
  private static func extractKey(_ key: String, prefix: String) throws(PatchError) -> String {
    let parts = key.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count > 1, parts[0] == prefix else {
      throw PatchError(
        prefix == deleteFromPrimitiveListPrefix
          ? "invalid patch format of primitive list" : "invalid patch format of setElementOrder list")
    }
    return String(parts[1])
  }

  /// `mergeSliceHandler`: lists with the merge strategy (and deletion lists) merge; others
  /// are replaced by the patch's list.
  private static func mergeSliceHandler(
    _ original: [JSONValue], _ patch: [JSONValue], field: PatchSchema.Field, isDeleteList: Bool
  ) throws(PatchError) -> [JSONValue] {
    guard field.merges || isDeleteList else { return patch }
    return try mergeSlice(
      original, patch, schema: field.schema, mergeKey: field.mergeKey ?? "", isDeleteList: isDeleteList)
  }

  /// `mergeSlice`: scalars are unioned (or deleted, for a deletion list); objects merge by
  /// `mergeKey`, honouring `$patch` elements; then the order is normalised.
  private static func mergeSlice(
    _ original: [JSONValue], _ patch: [JSONValue], schema: PatchSchema, mergeKey: String, isDeleteList: Bool
  ) throws(PatchError) -> [JSONValue] {
    if original.isEmpty && patch.isEmpty { return original }
    guard original.count + patch.count <= maxListItems else {
      throw PatchError("kubebook refuses to merge lists of more than \(maxListItems) items")
    }
    let objects = try sliceElementType([original, patch]) == "object"
    var original = original
    var patch = patch
    let merged: [JSONValue]
    if !objects {
      if isDeleteList { return original.filter { item in !patch.contains { $0.sameJSON(as: item) } } }
      merged = deduplicateScalars(original + patch)
    } else {
      guard !mergeKey.isEmpty else { throw PatchError("cannot merge lists without merge key") }
      (original, patch) = try mergeSpecialElements(original, patch, mergeKey: mergeKey)
      merged = try mergePlainElements(original, patch, mergeKey: mergeKey, schema: schema)
    }
    let (inPatch, serverOnly) = try partition(merged, by: patch, mergeKey: mergeKey)
    return try normalizeElementOrder(
      patch: inPatch, serverOnly: serverOnly, patchOrder: patch, serverOrder: original, mergeKey: mergeKey,
      objects: objects)
  }

  /// `mergeSliceWithSpecialElements`: `$patch: delete` elements delete their match,
  /// `$patch: replace` makes the patch's elements the list.
  private static func mergeSpecialElements(
    _ original: [JSONValue], _ patch: [JSONValue], mergeKey: String
  ) throws(PatchError) -> ([JSONValue], [JSONValue]) {
    var original = original
    var plain: [JSONValue] = []
    var replace = false
    for element in patch {
      guard let directive = element[directiveMarker] else {
        plain.append(element)
        continue
      }
      switch directive.stringValue {
      case "delete":
        guard let value = element[mergeKey] else { throw noMergeKey(element, mergeKey) }
        for (index, item) in original.enumerated() where !item.isObject {
          throw PatchError("value for key \(index) is not a map")
        }
        original.removeAll { $0[mergeKey].map { $0.sameJSON(as: value) } ?? false }
      case "replace": replace = true
      case "merge": throw PatchError("merging lists cannot yet be specified in the patch")
      default: throw badPatchType(directive, element)
      }
    }
    return replace ? (plain, []) : (original, plain)
  }

  /// `mergeSliceWithoutSpecialElements`: each patch element merges into the original's
  /// element with the same merge key, or is appended as it is.
  private static func mergePlainElements(
    _ original: [JSONValue], _ patch: [JSONValue], mergeKey: String, schema: PatchSchema
  ) throws(PatchError) -> [JSONValue] {
    var result = original
    for element in patch {
      guard let value = element[mergeKey] else { throw noMergeKey(element, mergeKey) }
      let found = try firstIndex(in: result, mergeKey: mergeKey, value: value)
      if let found, case .object(let originalPairs) = result[found], case .object(let patchPairs) = element {
        result[found] = .object(try mergeMap(originalPairs, patchPairs, schema: schema))
      } else {
        result.append(element)
      }
    }
    return result
  }

  /// `findMapInSliceBasedOnKeyValue`.
  private static func firstIndex(in list: [JSONValue], mergeKey: String, value: JSONValue) throws(PatchError) -> Int? {
    for (index, item) in list.enumerated() {
      guard item.isObject else { throw PatchError("value for key \(index) is not a map") }
      if let candidate = item[mergeKey], candidate.sameJSON(as: value) { return index }
    }
    return nil
  }

  /// `partitionMapsByPresentInList` / `partitionPrimitivesByPresentInList`: the items that
  /// `list` has (by merge key for objects), and the rest.
  private static func partition(_ items: [JSONValue], by list: [JSONValue], mergeKey: String) throws(PatchError)
    -> (present: [JSONValue], absent: [JSONValue])
  {
    var present: [JSONValue] = []
    var absent: [JSONValue] = []
    for item in items {
      let found: Bool
      if mergeKey.isEmpty {
        found = list.contains { $0.sameJSON(as: item) }
      } else {
        guard item.isObject else { throw badArgType("map[string]interface {}", item) }
        guard let value = item[mergeKey] else { throw noMergeKey(item, mergeKey) }
        found = try firstIndex(in: list, mergeKey: mergeKey, value: value) != nil
      }
      if found { present.append(item) } else { absent.append(item) }
    }
    return (present, absent)
  }

  /// `normalizeElementOrder`: the patch's items in the patch's order and the server-only
  /// items in the live order, interleaved by the live order.
  private static func normalizeElementOrder(
    patch: [JSONValue], serverOnly: [JSONValue], patchOrder: [JSONValue], serverOrder: [JSONValue],
    mergeKey: String, objects: Bool
  ) throws(PatchError) -> [JSONValue] {
    let sortedPatch = try normalizeSliceOrder(patch, order: patchOrder, mergeKey: mergeKey, objects: objects)
    let sortedServer = try normalizeSliceOrder(serverOnly, order: serverOrder, mergeKey: mergeKey, objects: objects)
    return mergeSortedSlices(left: sortedServer, right: sortedPatch, serverOrder: serverOrder, mergeKey: mergeKey)
  }

  /// `normalizeSliceOrder`: `items` stably sorted by their place in `order` (Go's
  /// insertion sort with the library's comparison), `$patch: delete` items last.
  private static func normalizeSliceOrder(
    _ items: [JSONValue], order: [JSONValue], mergeKey: String, objects: Bool
  ) throws(PatchError) -> [JSONValue] {
    var toSort = items
    var toDelete: [JSONValue] = []
    if objects {
      for item in items + order {
        guard item.isObject else { throw badArgType("map[string]interface {}", item) }
        if item[mergeKey] == nil { throw noMergeKey(item, mergeKey) }
      }
      (toSort, toDelete) = try extractToDelete(items)
    }
    let key = objects ? mergeKey : ""
    // Each item's place in `order`, found once; then Go's insertion sort on the places.
    var keyed = toSort.map { (item: $0, place: position(of: $0, in: order, mergeKey: key)) }
    func less(_ left: Int?, _ right: Int?) -> Bool {
      guard let left, let right else { return true }
      return left < right
    }
    if keyed.count > 1 {
      for index in 1..<keyed.count {
        var current = index
        while current > 0 && less(keyed[current].place, keyed[current - 1].place) {
          keyed.swapAt(current, current - 1)
          current -= 1
        }
      }
    }
    toSort = keyed.map(\.item)
    return toSort + toDelete
  }

  /// `extractToDeleteItems`: the items without `$patch: delete`, and those with it.
  private static func extractToDelete(_ items: [JSONValue]) throws(PatchError) -> (
    kept: [JSONValue], deleted: [JSONValue]
  ) {
    var kept: [JSONValue] = []
    var deleted: [JSONValue] = []
    for item in items {
      guard item.isObject else { throw badArgType("map[string]interface {}", item) }
      if item[directiveMarker] == .string("delete") { deleted.append(item) } else { kept.append(item) }
    }
    return (kept, deleted)
  }

  /// `index`: where `item` is in `list` (by merge key for objects; a missing key matches a
  /// missing key, as Go's nil does).
  private static func position(of item: JSONValue, in list: [JSONValue], mergeKey: String) -> Int? {
    if mergeKey.isEmpty { return list.firstIndex { $0.sameJSON(as: item) } }
    let value = item[mergeKey]
    return list.firstIndex { candidate in
      switch (candidate[mergeKey], value) {
      case (nil, nil): return true
      case (let left?, let right?): return left.sameJSON(as: right)
      default: return false
      }
    }
  }

  /// `mergeSortedSlice`: inserts the server-only items (`left`) among the patch's items
  /// (`right`) where the live order puts them.
  private static func mergeSortedSlices(
    left: [JSONValue], right: [JSONValue], serverOrder: [JSONValue], mergeKey: String
  ) -> [JSONValue] {
    var result: [JSONValue] = []
    var leftIndex = 0
    var rightIndex = 0
    while leftIndex < left.count || rightIndex < right.count {
      if leftIndex >= left.count {
        result.append(right[rightIndex])
        rightIndex += 1
      } else if rightIndex >= right.count {
        result.append(left[leftIndex])
        leftIndex += 1
      } else if let l = position(of: left[leftIndex], in: serverOrder, mergeKey: mergeKey),
        let r = position(of: right[rightIndex], in: serverOrder, mergeKey: mergeKey), l < r
      {
        result.append(left[leftIndex])
        leftIndex += 1
      } else {
        result.append(right[rightIndex])
        rightIndex += 1
      }
    }
    return result
  }

  /// `deduplicateScalars`, exactly (a later duplicate is replaced by the last item).
  private static func deduplicateScalars(_ items: [JSONValue]) -> [JSONValue] {
    var list = items
    var last = list.count - 1
    var i = 0
    while i < last {
      var j = i + 1
      while j <= last {
        if list[i].sameJSON(as: list[j]) {
          list[j] = list[last]
          list.removeLast()
          last -= 1
          j -= 1
        }
        j += 1
      }
      i += 1
    }
    return list
  }

  /// `sliceElementType`: the one Go type of every element of the lists.
  private static func sliceElementType(_ lists: [[JSONValue]]) throws(PatchError) -> String {
    var type: String?
    for item in lists.joined() {
      if let type {
        if type != item.goType {
          throw PatchError(
            "list element types are not identical: \(JSONValue.array(lists.map(JSONValue.array)).goText)")
        }
      } else {
        if item.isArray { throw PatchError("lists of lists are not supported") }
        type = item.goType
      }
    }
    guard let type else { throw PatchError("no elements in any of the given slices") }
    return type == "map[string]interface {}" ? "object" : type
  }

  /// `removeDirectives`: the value without objects that carry `$patch`; nil when the value
  /// itself carries one.
  static func withoutDirectives(_ value: JSONValue) -> JSONValue? {
    switch value {
    case .object(let pairs):
      if pairs.contains(where: { $0.0 == directiveMarker }) { return nil }
      return .object(pairs.compactMap { key, item in withoutDirectives(item).map { (key, $0) } })
    case .array(let items): return .array(items.compactMap(withoutDirectives))
    default: return value
    }
  }

  /// `discardNullValuesFromPatch`: the value without null-valued keys, at every depth.
  static func discardingNulls(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let pairs): return .object(pairs.filter { !$0.1.isNull }.map { ($0.0, discardingNulls($0.1)) })
    case .array(let items): return .array(items.map(discardingNulls))
    default: return value
    }
  }

  private static func badPatchType(_ directive: JSONValue, _ element: JSONValue) -> PatchError {
    PatchError("unknown patch type: \(directive.goText) in map: \(element.goText)")
  }

  private static func noMergeKey(_ element: JSONValue, _ key: String) -> PatchError {
    PatchError("map: \(element.goText) does not contain declared merge key: \(key)")
  }

  private static func badArgType(_ expected: String, _ actual: JSONValue) -> PatchError {
    PatchError("expected a \(expected), but received a \(actual.goType)")
  }
}

extension JSONValue {
  /// The Go type `encoding/json` decodes the value to (`reflect.TypeOf`).
  var goType: String {
    switch self {
    case .null: return "<nil>"
    case .bool: return "bool"
    case .int, .double: return "float64"
    case .string: return "string"
    case .array: return "[]interface {}"
    case .object: return "map[string]interface {}"
    }
  }
}
