import KubeSim

/// The objects that `-f FILE` names for a command that acts on live objects (`scale`,
/// `delete`, `patch`, `set`): each document's kind, name and namespace, as kubectl's resource
/// builder reads them from the files.
struct FileObject {
  /// The served type of the document's kind and apiVersion, or nil when kubebook serves none.
  var type: ResourceType?
  var kind: String
  var name: String
  var namespace: String
  /// The whole document.
  var json: JSONValue

  /// The documents of every file in `paths` (`-` is standard input; a directory's manifests,
  /// into subdirectories with `recursive`; a List's items), in order, through
  /// ``ManifestFiles``; `namespace` is the default for documents that name none.
  static func read(_ paths: [String], namespace: String, recursive: Bool = false, context: CommandContext)
    throws(KubectlError) -> [FileObject]
  {
    var objects: [FileObject] = []
    for (source, value) in try ManifestFiles.documents(paths, recursive: recursive, context: context) {
      try ApplyCommand.validateTypeFields(value, source: source)
      let kind = value["kind"]?.stringValue ?? ""
      let apiVersion = value["apiVersion"]?.stringValue ?? ""
      objects.append(
        FileObject(
          type: ResourceType.all.first { $0.kind == kind && $0.accepts(apiVersion: apiVersion) }
            ?? CustomResources.type(of: value, in: context.cluster), kind: kind,
          name: value["metadata"]?["name"]?.stringValue ?? "",
          namespace: value["metadata"]?["namespace"]?.stringValue ?? namespace, json: value))
    }
    return objects
  }
}
