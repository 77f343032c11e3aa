import KubeSim

/// `kubectl get --sort-by=PATH`: kubectl's `SortingPrinter` (`pkg/cmd/get/sorter.go`). The
/// objects are ordered by the first value the path finds in each: numbers numerically,
/// strings as quantities when both parse as one and in natural order otherwise, objects
/// without the value first.
enum SortBy {
  /// Where the sort happens: on a table's rows (the default output) or on a list's items.
  enum Target { case table, list }

  /// The order of `objects` (their indices) sorted by `field`.
  static func order(_ objects: [JSONValue], by field: String, target: Target) throws(KubectlError) -> [Int] {
    let path: String
    switch target {
    case .table:
      path = CustomColumns.relaxedField(field) ?? field
    case .list:
      path = try CustomColumns.relaxedJSONPath(field)
    }
    let nodes: [JSONPathNode]
    do { nodes = try JSONPathParser.parse(path) } catch {
      throw .plain(target == .table ? "sorting error: \(error.message)" : error.message)
    }
    var keys: [JSONValue?] = []
    for object in objects {
      var evaluator = JSONPathEvaluator(nodes: nodes, allowMissingKeys: true)
      do { keys.append(try evaluator.findResults(object).first?.first) } catch {
        throw .plain("Failed to get values using \(path) (\(error.message))")
      }
    }
    if !objects.isEmpty && keys.allSatisfy({ $0 == nil }) {
      throw .plain("couldn't find any field with path \(GoUnquote.quote(path)) in the list of objects")
    }
    var failure: String?
    let order = GoSort.sort(count: objects.count) { first, second in
      let less = isLess(keys[first], keys[second])
      if case .failure(let problem) = less, failure == nil { failure = problem.message }
      if case .success(true) = less { return true }
      return false
    }
    if let failure {
      let owner = target == .table ? "[][][]reflect.Value" : "*unstructured.Unstructured"
      throw .plain("Field \(path) in \(owner) is an unsortable type: interface, err: \(failure)")
    }
    return order
  }

  /// `RuntimeSort.Less` and `isLess` for two unstructured values (nil: the path found nothing).
  private static func isLess(_ left: JSONValue?, _ right: JSONValue?) -> Result<Bool, Failure> {
    guard let left else { return .success(true) }
    guard let right else { return .success(false) }
    switch (left, right) {
    case (.null, .null): return .success(false)
    case (.null, _): return .success(true)
    case (_, .null): return .success(false)
    case (.int(let a), .int(let b)): return .success(a < b)
    case (.double(let a), .double(let b)): return .success(a < b)
    case (.string(let a), .string(let b)):
      if let x = quantity(a), let y = quantity(b) {
        return .success(x.units < y.units || x.units == y.units && x.nanos < y.nanos)
      }
      return .success(naturalLess(a, b))
    case (.int, _), (.double, _), (.string, _):
      return .failure(Failure("unsortable interface: interface"))
    default:
      return .failure(Failure("unsortable type: \(GoValueText.typeName(left))"))
    }
  }

  /// A quantity as whole units and as nano-units (each clamped to `Int64`, which keeps the
  /// pair ordered from `1n` up to `8Ei`), or nil when the text is not a quantity.
  private static func quantity(_ text: String) -> (units: Int64, nanos: Int64)? {
    guard let units = try? Quantity.value(text, decimalScale: 0),
      let nanos = try? Quantity.value(text, decimalScale: -9)
    else { return nil }
    return (units, nanos)
  }

  /// A comparison kubectl cannot make.
  struct Failure: Error {
    var message: String
    /// A failure with `message`.
    init(_ message: String) { self.message = message }
  }

  /// `sortorder.NaturalLess` (github.com/fvbommel/sortorder): runs of digits compare as
  /// numbers, digits sort before other bytes, other bytes compare as bytes.
  static func naturalLess(_ first: String, _ second: String) -> Bool {
    let a = Array(first.utf8)
    let b = Array(second.utf8)
    let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      let digitA = isDigit(a[i])
      let digitB = isDigit(b[j])
      if digitA != digitB { return digitA }
      if !digitA {
        if a[i] != b[j] { return a[i] < b[j] }
        i += 1
        j += 1
        continue
      }
      while i < a.count && a[i] == 0x30 { i += 1 }
      while j < b.count && b[j] == 0x30 { j += 1 }
      let startA = i
      let startB = j
      while i < a.count && isDigit(a[i]) { i += 1 }
      while j < b.count && isDigit(b[j]) { j += 1 }
      if i - startA != j - startB { return i - startA < j - startB }
      if a[startA..<i] != b[startB..<j] { return a[startA..<i].lexicographicallyPrecedes(b[startB..<j]) }
      if startA != startB { return startA < startB }
    }
    return a.count < b.count
  }
}
