import KubeSim

/// `--field-selector` as kubectl sends it (`FieldSelectorParam`: trimmed, ignored when blank)
/// and as the API server answers a list with it: `fields.ParseSelector`, then the kind's field
/// label conversion; either failing is a BadRequest that kubectl words with
/// `resource.EnhanceListError` (`cli-runtime/pkg/resource/helper.go`).
struct FieldSelection {
  /// The flag's text as sent.
  var text: String
  /// The `-l` text as sent, which the error repeats.
  var labelText: String

  /// The selection the flags ask for, nil without a non-blank `--field-selector`.
  init?(_ parsed: FlagParser.Parsed) {
    let text = (parsed.value("field-selector") ?? "").trimmingGoSpace
    guard !text.isEmpty else { return nil }
    self.text = text
    labelText = (parsed.value("selector") ?? "").trimmingGoSpace
  }

  /// The selector a list of `type` is filtered with, converted by `convert` (the kind's
  /// conversion), or the error kubectl prints for that list.
  func selector(
    for type: ResourceType, convert: (FieldSelector) -> Result<FieldSelector, FieldLabelRefusal>
  ) -> Result<FieldSelector, KubectlError> {
    let message: String
    do {
      switch convert(try FieldSelector.parse(text)) {
      case .success(let selector): return .success(selector)
      case .failure(let refusal): message = refusal.message
      }
    } catch {
      message = error.message
    }
    // `schema.GroupVersionResource.String()`.
    let resource = "\(type.group)/\(type.preferredVersion), Resource=\(type.plural)"
    return .failure(
      KubectlError(
        text: "Error from server (BadRequest): Unable to find \(GoUnquote.quote(resource)) that match label selector "
          + "\(GoUnquote.quote(labelText)), field selector \(GoUnquote.quote(text)): \(message)"))
  }

  /// The selector for a list of `type`, through its kind's ``SelectableFields`` (events', which
  /// kubebook lists through ``EventsTable`` rather than as a served kind, are
  /// ``KubeSim/Event/selectableFields``).
  func selector(for type: ResourceType) -> Result<FieldSelector, KubectlError> {
    if type == .events { return selector(for: type, convert: { Event.selectableFields.convert($0) }) }
    guard let kind = type.served else { return selector(for: type, convert: { .success($0) }) }
    return selector(for: type, convert: { Self.convert($0, kind) })
  }

  /// `kind`'s conversion of `selector`.
  private static func convert<Kind: KubectlResource>(_ selector: FieldSelector, _: Kind.Type) -> Result<
    FieldSelector, FieldLabelRefusal
  > {
    Kind.selectableFields.convert(selector)
  }
}

extension String {
  /// The text without leading and trailing Unicode white space (Go's `strings.TrimSpace`).
  fileprivate var trimmingGoSpace: String {
    let scalars = Array(unicodeScalars)
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}

extension APIObject {
  /// The object's field set a field selector is matched against (`GetAttrs`).
  var selectableFields: [String: String] { Self.values(of: base) }

  /// `Kind`'s field set of `object`.
  private static func values<Kind: KubectlResource>(of object: Kind) -> [String: String] {
    Kind.selectableFields.values(of: object)
  }
}

extension Event {
  /// `AddFieldLabelConversionsForEvent` (`pkg/apis/core/v1/conversion.go`) and
  /// `pkg/registry/core/event/strategy.go` `ToSelectableFields`. kubebook's events keep no
  /// name, uid, resource version or field path, so those read as empty; the involved object
  /// shares the event's namespace except a node's (cluster-scoped, so empty); the reporting
  /// component is the source's component, as client-go's recorder sets it (and `source` falls
  /// back to it when an event has no source component).
  static var selectableFields: SelectableFields<Event> {
    .core([
      .init(label: "involvedObject.kind", value: { $0.involvedKind }),
      .init(label: "involvedObject.namespace", value: { $0.involvedKind == "Node" ? "" : $0.namespace }),
      .init(label: "involvedObject.name", value: { $0.involvedName }),
      .init(label: "involvedObject.uid", value: { _ in "" }),
      .init(label: "involvedObject.apiVersion", value: { Event.apiVersion(ofKind: $0.involvedKind) }),
      .init(label: "involvedObject.resourceVersion", value: { _ in "" }),
      .init(label: "involvedObject.fieldPath", value: { _ in "" }),
      .init(label: "reason", value: { $0.reason }),
      .init(label: "reportingComponent", value: { $0.source }),
      .init(label: "source", value: { $0.source }),
      .init(label: "type", value: { $0.type.rawValue }),
      .init(label: "metadata.namespace", value: { $0.namespace }),
      .init(label: "metadata.name", value: { _ in "" }),
    ])
  }

  /// The `apiVersion` of a served kind (`v1`, `apps/v1`), empty for one kubebook does not serve.
  static func apiVersion(ofKind kind: String) -> String {
    guard let type = ServedKinds.all.first(where: { $0.resource.kind == kind })?.resource else { return "" }
    return type.group.isEmpty ? type.preferredVersion : type.group + "/" + type.preferredVersion
  }
}
