import KubeSim

/// An object of a kind a CustomResourceDefinition defines, as kubectl sees it: the stored
/// ``CustomObject`` with the printer columns of its definition's version. Its names come from
/// the object (``servedType``), not from the type: one Swift type serves every defined kind,
/// so the static requirements are the generic ones and ``CustomResources`` reaches the store.
struct CustomResource: KubectlResource {
  /// The stored object.
  var object: CustomObject
  /// The definition's `additionalPrinterColumns` for the stored version.
  var printerColumns: [CustomResourceDefinition.PrinterColumn]

  var metadata: ObjectMeta {
    get { object.metadata }
    set { object.metadata = newValue }
  }

  /// No served type of its own: each object names its kind (``servedType``).
  static let resource = ResourceType(
    plural: "", singular: "", kind: "", group: "", shortNames: [], namespaced: true, versions: [])

  var servedType: ResourceType { object.type }

  func json(now: Timestamp) -> JSONValue { object.json }

  /// Reached through ``CustomResources/list(_:namespace:in:)``, which knows the kind.
  static func list(in cluster: Cluster, namespace: String?) -> [CustomResource] { [] }

  /// Reached through ``CustomResources/lookup(_:name:namespace:in:)``, which knows the kind.
  static func get(_ name: String, namespace: String, in cluster: Cluster) -> CustomResource? { nil }

  /// The columns the apiextensions server serves when a version names none
  /// (`serveDefaultColumnsIfEmpty`, `pkg/apiserver/customresource_handler.go`): Name, Age.
  static let columns: [Table.Column] = [.init(name: "Name"), .init(name: "Age")]

  /// The table convertor's columns (`pkg/registry/customresource/tableconvertor`): Name, then
  /// each printer column; one with a priority above 0 is shown with `-o wide` only.
  var tableColumns: [Table.Column] {
    [.init(name: "Name")] + effectiveColumns.map { Table.Column(name: $0.name, wide: $0.priority != 0) }
  }

  /// The definition's printer columns, or Age when it names none.
  private var effectiveColumns: [CustomResourceDefinition.PrinterColumn] {
    printerColumns.isEmpty
      ? [.init(name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp", priority: 0)] : printerColumns
  }

  /// The name, then each column's value at its JSONPath (`ConvertToTable`): a string column
  /// prints what the path finds, the others convert the value to their type
  /// (`cellForJSONValue`); nothing found leaves the cell empty.
  func row(now: Timestamp) -> [String] {
    let json = object.json
    return [metadata.name]
      + effectiveColumns.map { column in
        guard let nodes = try? JSONPathParser.parse("{" + column.jsonPath + "}") else { return "" }
        var evaluator = JSONPathEvaluator(nodes: nodes, allowMissingKeys: true)
        guard let value = (try? evaluator.findResults(json))?.first?.first else { return "" }
        return Self.cell(value, type: column.type, now: now)
      }
  }

  /// `cellForJSONValue`, printed as kubectl prints the cell (`fmt.Sprint`).
  static func cell(_ value: JSONValue, type: String, now: Timestamp) -> String {
    switch (type, value) {
    case ("string", .object), ("string", .array), ("string", .null): return GoValueText.compactJSON(value)
    case ("string", _): return GoValueText.plain(value)
    case ("integer", .int(let number)): return String(number)
    case ("integer", .double(let number)): return String(Int64(clamping: number))
    case ("number", .int(let number)): return GoFormat.shortestG(Double(number))
    case ("number", .double(let number)): return GoFormat.shortestG(number)
    case ("boolean", .bool(let flag)): return flag ? "true" : "false"
    case ("date", .string(let text)):
      guard case .success(let time) = GoRFC3339.parse(text) else { return "<invalid>" }
      return TablePrinters.age(time, now: now)
    default: return ""
    }
  }

  /// kubectl's generic describer for unstructured objects.
  static var describer: Describer<CustomResource>? {
    Describer { resource, _ in UnstructuredDescriber.describe(resource.object.json) }
  }

  /// Custom objects are created and updated through ``CustomResources``, which knows the kind.
  static var manifest: ManifestHandler<CustomResource>? { nil }

  /// Custom objects are deleted through ``CustomResources``, which knows the kind.
  static var deleter: Deleter<CustomResource>? { nil }
}

extension Int64 {
  /// Go's `int64(f)` for the values a column holds: the integer part, clamped to the range.
  fileprivate init(clamping value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= 9.2e18 {
      self = .max
    } else if value <= -9.2e18 {
      self = .min
    } else {
      self = Int64(value.rounded(.towardZero))
    }
  }
}
