/// What an authorizer is asked (`authorizer.Attributes`): a verb on a resource (with its
/// group, subresource, namespace and name) or on a non-resource URL path.
public struct AccessRequest: Sendable, Equatable {
  public var verb: String
  public var group: String
  /// The resource's plural name; nil for a non-resource request.
  public var resource: String?
  public var subresource: String
  /// Empty for a cluster-wide request.
  public var namespace: String
  public var name: String
  /// The URL path of a non-resource request.
  public var path: String

  /// A resource request.
  public init(
    verb: String, group: String, resource: String, subresource: String = "", namespace: String, name: String = ""
  ) {
    self.verb = verb
    self.group = group
    self.resource = resource
    self.subresource = subresource
    self.namespace = namespace
    self.name = name
    self.path = ""
  }

  /// A non-resource request (`/logs`, `/healthz`).
  public init(verb: String, path: String) {
    self.verb = verb
    self.group = ""
    self.resource = nil
    self.subresource = ""
    self.namespace = ""
    self.name = ""
    self.path = path
  }
}
