/// A CustomResourceDefinition (apiextensions.k8s.io/v1): its names and versions are read and
/// checked, its spec is returned as written, and once stored the simulated API server serves
/// the kind it defines (``CustomObject``, ``Cluster/customResourceTypes``) with the status the
/// naming and establishing controllers set at once. A kubeadm cluster starts with none.
///
/// Not simulated: defaulting of the spec (it is stored as sent), name conflicts between
/// definitions, conversion between versions, the `status` and `scale` subresources.
public struct CustomResourceDefinition: Sendable, Equatable {
  /// `spec.names`.
  public struct Names: Sendable, Equatable {
    public var plural: String
    public var singular: String
    public var kind: String
    public var shortNames: [String]
    /// The categories it joins (`kubectl get all` is one).
    public var categories: [String]

    /// Creates the names.
    public init(plural: String, singular: String, kind: String, shortNames: [String] = [], categories: [String] = []) {
      self.plural = plural
      self.singular = singular
      self.kind = kind
      self.shortNames = shortNames
      self.categories = categories
    }
  }

  public var metadata: ObjectMeta
  public var group: String
  public var names: Names
  /// `Namespaced` or `Cluster`.
  public var scope: String
  /// The versions' names, and which is stored.
  public var versions: [String]
  public var storageVersion: String?
  /// The spec as written (returned as is).
  public var spec: JSONValue

  /// Creates a definition from its spec's parts.
  public init(
    metadata: ObjectMeta, group: String, names: Names, scope: String, versions: [String], storageVersion: String?,
    spec: JSONValue
  ) {
    self.metadata = metadata
    self.group = group
    self.names = names
    self.scope = scope
    self.versions = versions
    self.storageVersion = storageVersion
    self.spec = spec
  }

  /// One entry of `spec.versions`.
  public struct Version: Sendable, Equatable {
    public var name: String
    public var served: Bool
    public var storage: Bool
    /// `schema.openAPIV3Schema`.
    public var schema: CustomResourceSchema?
    /// `additionalPrinterColumns`.
    public var printerColumns: [PrinterColumn]
  }

  /// One of a version's `additionalPrinterColumns`.
  public struct PrinterColumn: Sendable, Equatable {
    public var name: String
    /// `string`, `integer`, `number`, `boolean` or `date`.
    public var type: String
    public var jsonPath: String
    public var priority: Int

    /// Creates a column.
    public init(name: String, type: String, jsonPath: String, priority: Int) {
      self.name = name
      self.type = type
      self.jsonPath = jsonPath
      self.priority = priority
    }
  }

  /// `spec.versions`, read from the stored spec.
  public var versionDetails: [Version] {
    (spec["versions"]?.arrayValue ?? []).map { version in
      Version(
        name: version["name"]?.stringValue ?? "", served: version["served"]?.boolValue ?? false,
        storage: version["storage"]?.boolValue ?? false,
        schema: version["schema"]?["openAPIV3Schema"].map(CustomResourceSchema.init),
        printerColumns: (version["additionalPrinterColumns"]?.arrayValue ?? []).map { column in
          PrinterColumn(
            name: column["name"]?.stringValue ?? "", type: column["type"]?.stringValue ?? "",
            jsonPath: column["jsonPath"]?.stringValue ?? "", priority: Int(clamping: column["priority"]?.intValue ?? 0))
        })
    }
  }

  /// The names discovery serves the defined kind under, in its served versions.
  public var servedType: ResourceType {
    ResourceType(
      plural: names.plural, singular: names.singular, kind: names.kind, group: group, shortNames: names.shortNames,
      namespaced: scope == "Namespaced", versions: versionDetails.filter(\.served).map(\.name))
  }

  /// The version objects are stored and printed in: the storage version, as the server keeps
  /// objects (conversion between versions is `None` in kubebook).
  public var preferredVersion: Version? {
    let details = versionDetails
    return details.first(where: \.storage) ?? details.first
  }

  /// The definition as `kubectl get crd -o yaml` shows it: the spec as stored, and the status
  /// the naming and establishing controllers write right after the create
  /// (`pkg/controller/status/naming_controller.go`, `pkg/controller/establish/establishing_controller.go`):
  /// both conditions true since the creation, the names accepted, the storage version stored.
  public var json: JSONValue {
    var accepted = JSONObjectBuilder()
    accepted.set("kind", .string(names.kind))
    accepted.set("listKind", .string(names.kind + "List"))
    accepted.set("plural", .string(names.plural))
    if !names.categories.isEmpty { accepted.set("categories", .array(names.categories.map(JSONValue.string))) }
    if !names.shortNames.isEmpty { accepted.set("shortNames", .array(names.shortNames.map(JSONValue.string))) }
    accepted.set("singular", .string(names.singular))
    let since = JSONValue.string(metadata.creationTimestamp.rfc3339)
    let conditions: [JSONValue] = [
      ("NamesAccepted", "NoConflicts", "no conflicts found"),
      ("Established", "InitialNamesAccepted", "the initial names have been accepted"),
    ].map { type, reason, message in
      .object([
        ("lastTransitionTime", since), ("message", .string(message)), ("reason", .string(reason)),
        ("status", .string("True")), ("type", .string(type)),
      ])
    }
    var status = JSONObjectBuilder()
    status.set("acceptedNames", accepted.value)
    status.set("conditions", .array(conditions))
    status.set("storedVersions", .array(storageVersion.map { [JSONValue.string($0)] } ?? []))
    return .object([
      ("apiVersion", .string("apiextensions.k8s.io/v1")), ("kind", .string("CustomResourceDefinition")),
      ("metadata", metadata.json), ("spec", spec), ("status", status.value),
    ])
  }

  /// The part of `ValidateCustomResourceDefinition` the simulator checks
  /// (pkg/apis/apiextensions/validation/validation.go): the name is `<plural>.<group>`, the
  /// group has a dot, the scope is known, every version has a schema (line 372) whose root is
  /// an object (`ValidateStructural`, pkg/apiserver/schema/validation.go lines 159 and 171),
  /// one version is stored.
  func validate() -> [FieldError] {
    var causes: [FieldError] = []
    if metadata.name != names.plural + "." + group {
      causes.append(
        FieldError(
          field: "metadata.name", type: "Invalid value", value: Validation.quote(metadata.name),
          detail: "must be spec.names.plural+\".\"+spec.group"))
    }
    if group.isEmpty {
      causes.append(FieldError(field: "spec.group", type: "Required value"))
    } else if !group.contains(".") {
      causes.append(
        FieldError(
          field: "spec.group", type: "Invalid value", value: Validation.quote(group),
          detail: "should be a domain with at least one dot"))
    }
    if !["Namespaced", "Cluster"].contains(scope) {
      causes.append(
        FieldError(
          field: "spec.scope", type: "Unsupported value", value: Validation.quote(scope),
          detail: "supported values: \"Cluster\", \"Namespaced\""))
    }
    let details = versionDetails
    for (index, version) in details.enumerated() where version.schema == nil {
      causes.append(
        FieldError(
          field: "spec.versions[\(index)].schema.openAPIV3Schema", type: "Required value",
          detail: "schemas are required"))
    }
    for (index, version) in details.enumerated() {
      guard let type = version.schema?.type else { continue }
      let field = "spec.versions[\(index)].schema.openAPIV3Schema.type"
      if type.isEmpty {
        causes.append(FieldError(field: field, type: "Required value", detail: "must not be empty at the root"))
      } else if type != "object" {
        causes.append(
          FieldError(
            field: field, type: "Invalid value", value: Validation.quote(type), detail: "must be object at the root"))
      }
    }
    if names.plural.isEmpty { causes.append(FieldError(field: "spec.names.plural", type: "Required value")) }
    if names.kind.isEmpty { causes.append(FieldError(field: "spec.names.kind", type: "Required value")) }
    if storageVersion == nil {
      causes.append(
        FieldError(
          field: "spec.versions", type: "Invalid value",
          value: "[]apiextensions.CustomResourceDefinitionVersion{…}",
          detail: "must have exactly one version marked as storage version"))
    }
    return causes
  }
}

extension CustomResourceDefinition: StoredResource {
  public static let resource = ResourceType(
    plural: "customresourcedefinitions", singular: "customresourcedefinition", kind: "CustomResourceDefinition",
    group: "apiextensions.k8s.io", shortNames: ["crd", "crds"], namespaced: false)
  public static var store: KeyPath<Cluster, [String: CustomResourceDefinition]> { \.customResourceDefinitions }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Cluster {
  /// Stores a new definition (generation 1, as the CRD strategy sets it).
  @discardableResult
  public mutating func createCustomResourceDefinition(_ definition: CustomResourceDefinition) throws(APIError)
    -> CustomResourceDefinition
  {
    try requireStoreRoom(customResourceDefinitions.count, kind: "CustomResourceDefinitions")
    return try admitNew(definition, causes: definition.validate(), generation: true)
  }

  /// Replaces a definition's spec, labels and annotations (apply).
  public mutating func updateCustomResourceDefinition(_ definition: CustomResourceDefinition) throws(APIError) {
    try replace(definition, causes: definition.validate()) { $0.spec == $1.spec }
  }

  /// Deletes a definition and, as its finalizer `customresourcecleanup.apiextensions.k8s.io`
  /// does before the definition goes, every object of the kind it defines.
  public mutating func deleteCustomResourceDefinition(_ name: String) throws(APIError) {
    if let definition = customResourceDefinitions[name] { removeCustomObjects(of: definition.servedType) }
    try remove(CustomResourceDefinition.self, name, namespace: "")
  }
}
