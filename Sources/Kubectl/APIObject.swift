import KubeSim

/// Any object the simulator serves, for code that handles every kind alike.
enum APIObject {
  case pod(Pod)
  case node(Node)
  case namespace(Namespace)

  var type: ResourceType {
    switch self {
    case .pod: return .pods
    case .node: return .nodes
    case .namespace: return .namespaces
    }
  }

  var metadata: ObjectMeta {
    switch self {
    case .pod(let pod): return pod.metadata
    case .node(let node): return node.metadata
    case .namespace(let namespace): return namespace.metadata
    }
  }

  var json: JSONValue {
    switch self {
    case .pod(let pod): return pod.json
    case .node(let node): return node.json
    case .namespace(let namespace): return namespace.json
    }
  }

  /// `<kind>[.<group>]/<name>`, as `-o name` prints it.
  var qualifiedName: String { type.qualifiedKind + "/" + metadata.name }
}
