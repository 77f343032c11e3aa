import KubeSim

/// An evaluation failure, with the values the failing step handed back (client-go returns
/// them with the error, and an existence filter still counts them).
struct JSONPathFailure: Error {
  /// The error's text (`array index out of bounds: index 5, length 3`).
  var message: String
  /// The values returned alongside the error.
  var partial: [JSONValue]
}

/// client-go's `JSONPath.FindResults` (`k8s.io/client-go/util/jsonpath/jsonpath.go`) over
/// unstructured values: one list of results per top-level node, `range ... end` repeating
/// the nodes between them for each value. Maps are walked in sorted key order where Go's
/// order is random (`*`, `..`).
struct JSONPathEvaluator {
  /// The most values one evaluation may produce before it is stopped.
  static let maxValues = 1_000_000
  /// The most `range` blocks that may be open at once.
  static let maxRangeDepth = 100

  private let nodes: [JSONPathNode]
  private let allowMissingKeys: Bool
  private var beginRange = 0
  private var inRange = 0
  private var endRange = 0
  private var lastEndNode: Int?
  private var produced = 0

  /// An evaluator of parsed `nodes`; missing keys are errors unless `allowMissingKeys`.
  init(nodes: [JSONPathNode], allowMissingKeys: Bool) {
    self.nodes = nodes
    self.allowMissingKeys = allowMissingKeys
  }

  /// The results of each top-level node for `data`.
  mutating func findResults(_ data: JSONValue) throws(JSONPathError) -> [[JSONValue]] {
    do { return try findResults(data, from: 0, depth: 0) } catch { throw JSONPathError(message: error.message) }
  }

  /// `FindResults` from the top-level node at `first` on: a `range` runs the nodes after it once per value, up to its `end`.
  private mutating func findResults(_ data: JSONValue, from first: Int, depth: Int) throws(JSONPathFailure)
    -> [[JSONValue]]
  {
    guard depth <= Self.maxRangeDepth else {
      throw JSONPathFailure(
        message: "kubebook stops at \(Self.maxRangeDepth) nested range blocks", partial: [])
    }
    let current = [data]
    var full: [[JSONValue]] = []
    var index = first
    while index < nodes.count {
      let results = try walk(current, nodes[index])
      if endRange > 0 && endRange <= inRange {
        endRange -= 1
        lastEndNode = index
        break
      }
      if beginRange > 0 {
        beginRange -= 1
        inRange += 1
        if results.isEmpty {
          _ = try findResults(.null, from: index + 1, depth: depth + 1)
        } else {
          for value in results { full += try findResults(value, from: index + 1, depth: depth + 1) }
        }
        inRange -= 1
        if let last = lastEndNode, last > index { index = last }
        index += 1
        continue
      }
      full.append(results)
      index += 1
    }
    return full
  }

  /// The values one node makes of `input`.
  private mutating func walk(_ input: [JSONValue], _ node: JSONPathNode) throws(JSONPathFailure) -> [JSONValue] {
    let output: [JSONValue]
    switch node {
    case .list(let inner): output = try evalList(input, inner)
    case .text(let text): output = [.string(text)]
    case .field(let name): output = try evalField(input, name)
    case .array(let bounds): output = try evalArray(input, bounds)
    case .filter(let left, let right, let op): output = try evalFilter(input, left: left, right: right, operator: op)
    case .int(let number): output = input.map { _ in .int(Int64(number)) }
    case .float(let number): output = input.map { _ in .double(number) }
    case .bool(let flag): output = input.map { _ in .bool(flag) }
    case .wildcard: output = input.flatMap(Self.children)
    case .recursive: output = evalRecursive(input)
    case .union(let lists):
      var result: [JSONValue] = []
      for list in lists {
        do { result += try evalList(input, list) } catch {
          throw JSONPathFailure(message: error.message, partial: input)
        }
      }
      output = result
    case .identifier(let name): output = try evalIdentifier(input, name)
    }
    produced += output.count
    if produced > Self.maxValues {
      throw JSONPathFailure(message: "kubebook stops a template after \(Self.maxValues) values", partial: [])
    }
    return output
  }

  /// The nodes of a list applied one after another.
  private mutating func evalList(_ input: [JSONValue], _ list: [JSONPathNode]) throws(JSONPathFailure)
    -> [JSONValue]
  {
    var current = input
    for node in list { current = try walk(current, node) }
    return current
  }

  /// `range` (opens a block) and `end` (closes one); any other word fails.
  private mutating func evalIdentifier(_ input: [JSONValue], _ name: String) throws(JSONPathFailure) -> [JSONValue] {
    switch name {
    case "range":
      beginRange += 1
      return input
    case "end":
      guard inRange > 0 else { throw JSONPathFailure(message: "not in range, nothing to end", partial: []) }
      endRange += 1
      return []
    default:
      throw JSONPathFailure(message: "unrecognized identifier \(name)", partial: input)
    }
  }

  /// A map key of every map in `input` (nil values are skipped).
  private func evalField(_ input: [JSONValue], _ name: String) throws(JSONPathFailure) -> [JSONValue] {
    var results: [JSONValue] = []
    for value in input {
      guard case .object(let pairs) = value else { continue }
      if let found = pairs.last(where: { $0.0 == name }) { results.append(found.1) }
    }
    if results.isEmpty && !input.isEmpty && !allowMissingKeys {
      throw JSONPathFailure(message: "\(name) is not found", partial: [])
    }
    return results
  }

  /// `[start:end:step]` of every array in `input`, with client-go's bounds checks.
  private func evalArray(_ input: [JSONValue], _ bounds: [JSONPathSliceBound]) throws(JSONPathFailure)
    -> [JSONValue]
  {
    var result: [JSONValue] = []
    for value in input {
      if case .null = value { continue }
      guard case .array(let items) = value else {
        throw JSONPathFailure(message: "\(GoValueText.typeName(value)) is not array or slice", partial: input)
      }
      var params = bounds
      let length = items.count
      if !params[0].known { params[0].value = 0 }
      if params[0].value < 0 { params[0].value &+= length }
      if !params[1].known { params[1].value = length }
      if params[1].value < 0 || (params[1].value == 0 && params[1].derived) { params[1].value &+= length }
      guard params[1].value != params[0].value else { return result }
      if params[0].value >= length || params[0].value < 0 {
        throw JSONPathFailure(
          message: "array index out of bounds: index \(params[0].value), length \(length)", partial: input)
      }
      if params[1].value > length || params[1].value < 0 {
        throw JSONPathFailure(
          message: "array index out of bounds: index \(params[1].value &- 1), length \(length)", partial: input)
      }
      if params[0].value > params[1].value {
        throw JSONPathFailure(
          message: "starting index \(params[0].value) is greater than ending index \(params[1].value)",
          partial: input)
      }
      var step = 1
      if params[2].known {
        guard params[2].value > 0 else { throw JSONPathFailure(message: "step must be > 0", partial: input) }
        step = params[2].value
      }
      result += stride(from: params[0].value, to: params[1].value, by: step).map { items[$0] }
    }
    return result
  }

  /// What `*` yields for one value: a map's values, an array's items, a string's bytes.
  private static func children(_ value: JSONValue) -> [JSONValue] {
    switch value {
    case .object(let pairs): return GoValueText.sortedPairs(pairs).map(\.1)
    case .array(let items): return items
    case .string(let text): return text.utf8.map { .int(Int64($0)) }
    default: return []
    }
  }

  /// `..`: every value that has children, and recursively the values below it.
  private func evalRecursive(_ input: [JSONValue]) -> [JSONValue] {
    var result: [JSONValue] = []
    for value in input {
      let children = Self.children(value)
      if !children.isEmpty {
        result.append(value)
        result += evalRecursive(children)
      }
    }
    return result
  }

  /// The items of every array in `input` for which the filter holds.
  private mutating func evalFilter(
    _ input: [JSONValue], left: [JSONPathNode], right: [JSONPathNode], operator op: String
  ) throws(JSONPathFailure) -> [JSONValue] {
    var results: [JSONValue] = []
    for value in input {
      guard case .array(let items) = value else {
        throw JSONPathFailure(
          message: "\(GoValueText.plain(value)) is not array or slice and cannot be filtered", partial: input)
      }
      for item in items {
        var lefts: [JSONValue]
        var leftError: JSONPathFailure?
        do { lefts = try evalList([item], left) } catch {
          lefts = error.partial
          leftError = error
        }
        if op == "exists" {
          if !lefts.isEmpty { results.append(item) }
          continue
        }
        if let leftError { throw JSONPathFailure(message: leftError.message, partial: input) }
        if lefts.isEmpty { continue }
        guard lefts.count == 1 else {
          throw JSONPathFailure(message: "can only compare one element at a time", partial: input)
        }
        let rights: [JSONValue]
        do { rights = try evalList([item], right) } catch {
          throw JSONPathFailure(message: error.message, partial: input)
        }
        if rights.isEmpty { continue }
        guard rights.count == 1 else {
          throw JSONPathFailure(message: "can only compare one element at a time", partial: input)
        }
        let pass: Bool
        do { pass = try GoComparison.compare(lefts[0], op, rights[0]) } catch {
          throw JSONPathFailure(message: error.message, partial: results)
        }
        if pass { results.append(item) }
      }
    }
    return results
  }
}
