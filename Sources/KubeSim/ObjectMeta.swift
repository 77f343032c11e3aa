/// Metadata common to every API object (`metav1.ObjectMeta`), the fields kubebook models.
public struct ObjectMeta: Sendable, Equatable {
  public var name: String
  public var generateName: String?
  public var namespace: String?
  public var uid: String = ""
  public var resourceVersion: Int = 0
  public var generation: Int = 0
  public var creationTimestamp: Timestamp = Timestamp(milliseconds: 0)
  public var labels: [String: String] = [:]
  public var annotations: [String: String] = [:]
  public var ownerReferences: [OwnerReference] = [] {
    didSet { controllerUID = ownerReferences.first { $0.controller }?.uid }
  }
  /// The uid of the controlling owner, if any (derived from ``ownerReferences``).
  public private(set) var controllerUID: String?
  public var deletionTimestamp: Timestamp?
  public var finalizers: [String] = []
  public var deletionGracePeriodSeconds: Int?

  /// Creates metadata for an object called `name`.
  public init(name: String, namespace: String? = nil, labels: [String: String] = [:]) {
    self.name = name
    self.namespace = namespace
    self.labels = labels
  }

  /// The controlling owner, if any.
  public var controller: OwnerReference? {
    ownerReferences.first { $0.controller }
  }
}

/// A link from a dependent object to its owner.
public struct OwnerReference: Sendable, Equatable {
  public var apiVersion: String
  public var kind: String
  public var name: String
  public var uid: String
  public var controller: Bool
  /// Nil when the reference does not say (kubectl's manual Job from a CronJob).
  public var blockOwnerDeletion: Bool?

  /// Creates an owner reference.
  public init(
    apiVersion: String, kind: String, name: String, uid: String, controller: Bool = true,
    blockOwnerDeletion: Bool? = true
  ) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.name = name
    self.uid = uid
    self.controller = controller
    self.blockOwnerDeletion = blockOwnerDeletion
  }
}
