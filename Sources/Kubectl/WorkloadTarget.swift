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
