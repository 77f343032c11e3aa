import KubeSim

/// `ObjectMeta`'s field docs the printers' `Name` and `Age` columns carry
/// (`apimachinery/pkg/apis/meta/v1/types_swagger_doc_generated.go`, v0.32.4).
enum ObjectMetaDocs {
  static let name =
    "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"
  static let creationTimestamp =
    "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
}

/// The `meta.k8s.io/v1` Table the API server answers `kubectl get` with (`Accept:
/// application/json;as=Table;...`): `handlers/response.go` `asTable` over the printers'
/// `TableConvertor`, which prints with `Wide: true` (`pkg/printers/storage/storage.go`). Every
/// column, wide ones included, with `name`, `type`, `format`,
/// `description` and `priority`; each row's cells and the object as `PartialObjectMetadata`
/// (kubectl asks for no `includeObject`, so the default `Metadata`).
enum TableBody {
  /// The Table for `objects` of `type`, or nil when kubebook lacks a column's description
  /// (the printers' docs are captured kind by kind).
  static func json(_ type: ResourceType, objects: [APIObject], resourceVersion: Int, now: Timestamp) -> JSONValue? {
    guard let kind = type.served, kind.columns.allSatisfy({ $0.description != nil }) else { return nil }
    let columns: [JSONValue] = kind.columns.map { column in
      .object([
        ("name", .string(column.name)), ("type", .string("string")),
        ("format", .string(column.name == "Name" ? "name" : "")), ("description", .string(column.description ?? "")),
        ("priority", .int(column.wide ? 1 : 0)),
      ])
    }
    let rows: [JSONValue] = objects.map { object in
      let metadata = ServerJSON.metadata(object.json(now: now)["metadata"] ?? .object([]))
      var row: [(String, JSONValue)] = [("cells", .array(object.row(now: now).map { .string($0) }))]
      if let conditions = rowConditions(object) { row.append(("conditions", conditions)) }
      row.append(
        (
          "object",
          .object([
            ("kind", .string("PartialObjectMetadata")), ("apiVersion", .string("meta.k8s.io/v1")),
            ("metadata", metadata),
          ])
        ))
      return .object(row)
    }
    return .object([
      ("kind", .string("Table")), ("apiVersion", .string("meta.k8s.io/v1")),
      ("metadata", .object([("resourceVersion", .string(String(resourceVersion)))])),
      ("columnDefinitions", .array(columns)), ("rows", .array(rows)),
    ])
  }

  /// A finished pod's row conditions (printers.go `podSuccessConditions`,
  /// `podFailedConditions`): `Completed`, with the phase as reason.
  static func rowConditions(_ object: APIObject) -> JSONValue? {
    guard let pod = object.base as? Pod else { return nil }
    let message: String
    switch pod.status.phase {
    case .succeeded: message = "The pod has completed successfully."
    case .failed: message = "The pod failed."
    default: return nil
    }
    return .array([
      .object([
        ("type", .string("Completed")), ("status", .string("True")), ("reason", .string(pod.status.phase.rawValue)),
        ("message", .string(message)),
      ])
    ])
  }
}
