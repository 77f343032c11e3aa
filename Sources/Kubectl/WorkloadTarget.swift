import KubeSim

/// A workload named on the command line (`deployment/web`, `deploy web`, `rs/x`).
struct WorkloadTarget {
  var type: ResourceType
  var name: String
  var namespace: String

  /// Resolves `TYPE/NAME` or `TYPE NAME` arguments to exactly one object, or kubectl's error.
  static func resolve(_ positional: [String], namespace: String, command: String) throws(KubectlError)
    -> WorkloadTarget
  {
    guard let first = positional.first else {
      throw .plain("required resource not specified")
    }
    var typeName = first
    var name: String
    if let slash = first.firstIndex(of: "/") {
      // resource.Builder: TYPE/NAME arguments may not be mixed with bare ones.
      if positional.dropFirst().contains(where: { !$0.contains("/") }) {
        throw .plain(
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"
        )
      }
      typeName = String(first[..<slash])
      name = String(first[first.index(after: slash)...])
    } else {
      guard positional.count >= 2 else {
        throw .plain("you must specify the name of the resource: \(first)")
      }
      name = positional[1]
    }
    let type = try ResourceArguments.resolve(typeName)
    return WorkloadTarget(type: type, name: name, namespace: namespace)
  }

  /// `<kind>.<group>/<name>`.
  var qualifiedName: String { type.qualifiedKind + "/" + name }

  /// The server's NotFound error for this target.
  var notFound: KubectlError {
    .api(.notFound(resource: type.qualifiedResource, name: name))
  }
}
