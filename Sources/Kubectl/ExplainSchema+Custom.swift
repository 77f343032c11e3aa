import KubeSim

extension ExplainSchema {
  /// The schema with the kind `definition` defines added, as the apiextensions server
  /// publishes it (`pkg/controller/openapi/builder/builder.go`): one kind per served version,
  /// its `openAPIV3Schema` as the kind's definition, `apiVersion` and `kind` from TypeMeta and
  /// `metadata` as a reference to ObjectMeta with PartialObjectMetadata's description. Nested
  /// objects become definitions of their own, named `Object` as kubectl's `typeGuess` prints
  /// them, their descriptions on the fields that hold them.
  func adding(_ definition: CustomResourceDefinition) -> ExplainSchema {
    var schema = self
    let typeMeta = definitions["core.v1.Pod"]?.fields.filter { ["apiVersion", "kind"].contains($0.name) } ?? []
    let metadata = Field(
      name: "metadata", required: false, type: .reference("meta.v1.ObjectMeta"), enumValues: [],
      description:
        "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
    )
    for version in definition.versionDetails where version.served {
      let key = "custom.\(definition.group).\(version.name).\(definition.names.kind)"
      let root = version.schema?.json ?? .object([])
      var fields = schema.fields(of: root, key: key)
      fields.removeAll { ["apiVersion", "kind", "metadata"].contains($0.name) }
      schema.definitions[key] = Definition(
        name: definition.names.kind, scalarType: nil, description: root["description"]?.stringValue ?? "",
        fields: typeMeta + [metadata] + fields)
      schema.kinds.append(
        Kind(kind: definition.names.kind, group: definition.group, version: version.name, definition: key))
    }
    return schema
  }

  /// The fields of an object schema, each nested object added as a definition under `key`.
  private mutating func fields(of object: JSONValue, key: String) -> [Field] {
    let required = Set((object["required"]?.arrayValue ?? []).compactMap(\.stringValue))
    return (object["properties"]?.objectValue ?? []).map { name, property in
      Field(
        name: name, required: required.contains(name), type: fieldType(of: property, key: key + "." + name),
        enumValues: (property["enum"]?.arrayValue ?? []).compactMap(\.stringValue),
        description: property["description"]?.stringValue ?? "")
    }
  }

  /// A property's type: an object with properties becomes a definition of its own, an array
  /// or map its element's type, anything else its OpenAPI type.
  private mutating func fieldType(of property: JSONValue, key: String) -> FieldType {
    let type = property["type"]?.stringValue ?? ""
    if type == "array", let items = property["items"] { return .array(fieldType(of: items, key: key + "[]")) }
    if type == "object", property["properties"] == nil, let values = property["additionalProperties"],
      values.objectValue != nil
    {
      return .map(fieldType(of: values, key: key + "{}"))
    }
    if type == "object", property["properties"] != nil {
      definitions[key] = Definition(
        name: "Object", scalarType: nil, description: "", fields: fields(of: property, key: key))
      return .reference(key)
    }
    return .primitive(type)
  }
}
