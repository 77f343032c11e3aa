/// A CustomResourceDefinition (apiextensions.k8s.io/v1), kept as stored: its names and
/// versions are read and checked, its spec is returned as written, and the simulated API
/// server does not serve the kind it defines (kubectl says so when that kind is named).
/// A kubeadm cluster starts with none.
///
/// Not simulated: serving custom resources, schema validation and defaulting of the spec
/// (it is stored as sent), the status conditions (`NamesAccepted`, `Established`).
public struct CustomResourceDefinition: Sendable, Equatable {
  /// `spec.names`.
  public struct Names: Sendable, Equatable {
    public var plural: String
    public var singular: String
    public var kind: String
    public var shortNames: [String]

    /// Creates the names.
    public init(plural: String, singular: String, kind: String, shortNames: [String] = []) {
      self.plural = plural
      self.singular = singular
      self.kind = kind
      self.shortNames = shortNames
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

  /// The definition as `kubectl get crd -o yaml` shows it: the spec as stored, the status's
  /// accepted names and stored versions.
  public var json: JSONValue {
    var accepted = JSONObjectBuilder()
    accepted.set("kind", .string(names.kind))
    accepted.set("listKind", .string(names.kind + "List"))
    accepted.set("plural", .string(names.plural))
    if !names.shortNames.isEmpty { accepted.set("shortNames", .array(names.shortNames.map(JSONValue.string))) }
    accepted.set("singular", .string(names.singular))
    var status = JSONObjectBuilder()
    status.set("acceptedNames", accepted.value)
    status.set("storedVersions", .array(storageVersion.map { [JSONValue.string($0)] } ?? []))
    return .object([
      ("apiVersion", .string("apiextensions.k8s.io/v1")), ("kind", .string("CustomResourceDefinition")),
      ("metadata", metadata.json), ("spec", spec), ("status", status.value),
    ])
  }

  /// The part of `ValidateCustomResourceDefinition` the simulator checks: the name is
  /// `<plural>.<group>`, the group has a dot, the scope is known, one version is stored.
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

  /// Deletes a definition.
  public mutating func deleteCustomResourceDefinition(_ name: String) throws(APIError) {
    try remove(CustomResourceDefinition.self, name, namespace: "")
  }

  /// The stored definition whose kind or names match `name` (`Widget`, `widgets`,
  /// `widgets.example.com`), case-insensitively.
  public func customResourceDefinition(named name: String) -> CustomResourceDefinition? {
    let lower = name.lowercased()
    return customResourceDefinitions.keys.sorted().compactMap { customResourceDefinitions[$0] }.first { definition in
      let names = definition.names
      let spellings =
        [names.plural, names.singular, names.kind.lowercased(), definition.metadata.name] + names.shortNames
      return spellings.contains(lower)
    }
  }
}
