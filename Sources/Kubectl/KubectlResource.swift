import KubeSim

/// Everything kubectl knows about one kind: its printer, its describer, how manifests create
/// and update it and how `delete` removes it. A kind's type conforms once, in its own file
/// under `Kinds/`, and is listed once in ``ServedKinds/all``; every command reaches the kind
/// through this protocol, so a kind that lacks a piece does not compile. A piece kubebook does
/// not simulate is `nil`, and the command says so.
protocol KubectlResource: APIResource {
  /// The server-side printer's columns (`pkg/printers/internalversion/printers.go`).
  static var columns: [Table.Column] { get }
  /// The object's `kubectl get` row, one cell per column.
  func row(now: Timestamp) -> [String]
  /// `kubectl describe` for the kind (`kubectl/pkg/describe/describe.go`).
  static var describer: Describer<Self>? { get }
  /// How `apply -f` and `create -f` turn a manifest into an object and store it.
  static var manifest: ManifestHandler<Self>? { get }
  /// How `kubectl delete` removes an object of the kind.
  static var deleter: Deleter<Self>? { get }
  /// The kind's strategic-merge-patch schema: which lists merge by which key (`kubectl
  /// patch`).
  static var patchSchema: PatchSchema { get }
  /// What `--field-selector` may test on the kind, as the API server converts and evaluates
  /// it.
  static var selectableFields: SelectableFields<Self> { get }
  /// The names this object's kind is served under: its type's, except for a custom object,
  /// whose kind its CustomResourceDefinition names.
  var servedType: ResourceType { get }
  /// The columns of this object's table: its type's, except for a custom object's.
  var tableColumns: [Table.Column] { get }
}

extension KubectlResource {
  /// Metadata and status conditions, for a kind with no lists of its own to merge.
  static var patchSchema: PatchSchema { .resource }

  /// The object's name and namespace only, for a kind the API server registers no field label
  /// conversion for (`runtime.DefaultMetaV1FieldSelectorConversion`).
  static var selectableFields: SelectableFields<Self> { .objectMeta }

  var servedType: ResourceType { Self.resource }

  var tableColumns: [Table.Column] { Self.columns }
}
