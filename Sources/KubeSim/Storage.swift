/// A PersistentVolumeClaim: a request for storage that a pod mounts by name.
public struct PersistentVolumeClaim: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var storageClassName: String?
  public var accessModes: [String]
  /// The requested size, as written (`1Gi`).
  public var request: String
  /// The PersistentVolume it is bound to, once bound.
  public var volumeName: String?
  /// `Pending` or `Bound`.
  public var phase = ClaimPhase.pending
  /// The bound volume's capacity (which may exceed the request).
  public var capacity: String?

  /// Creates a claim.
  public init(metadata: ObjectMeta, storageClassName: String?, accessModes: [String], request: String) {
    self.metadata = metadata
    self.storageClassName = storageClassName
    self.accessModes = accessModes
    self.request = request
  }

  /// `ValidatePersistentVolumeClaimSpec` (pkg/apis/core/validation, v1.32) for the fields
  /// kubebook models: at least one supported access mode, and a positive storage request.
  func validate() -> [FieldError] {
    var causes: [FieldError] = []
    if accessModes.isEmpty {
      causes.append(
        FieldError(field: "spec.accessModes", type: "Required value", detail: "at least 1 access mode is required"))
    }
    let supported = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]
    for mode in accessModes where !supported.contains(mode) {
      causes.append(
        FieldError(
          field: "spec.accessModes", type: "Unsupported value", value: Validation.quote(mode),
          detail: "supported values: " + supported.map { "\"\($0)\"" }.joined(separator: ", ")))
    }
    if accessModes.contains("ReadWriteOncePod")
      && accessModes.contains(where: { $0 != "ReadWriteOncePod" && supported.contains($0) })
    {
      causes.append(
        FieldError(
          field: "spec.accessModes", type: "Forbidden", detail: "may not use ReadWriteOncePod with other access modes"))
    }
    if request.isEmpty {
      causes.append(FieldError(field: "spec.resources[storage]", type: "Required value"))
    } else if (try? Quantity.value(request, decimalScale: -9)).map({ $0 <= 0 }) ?? false {
      causes.append(
        FieldError(
          field: "spec.resources[storage]", type: "Invalid value", value: Validation.quote(request),
          detail: "must be greater than zero"))
    }
    return causes
  }

  /// The claim as `kubectl get pvc -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    spec.set("accessModes", .array(accessModes.map(JSONValue.string)))
    spec.set("resources", .object([("requests", .object([("storage", .string(request))]))]))
    spec.set("storageClassName", storageClassName.map(JSONValue.string))
    spec.set("volumeMode", .string("Filesystem"))
    spec.set("volumeName", volumeName.map(JSONValue.string))
    var status = JSONObjectBuilder()
    if phase == .bound {
      status.set("accessModes", .array(accessModes.map(JSONValue.string)))
      status.set("capacity", .object([("storage", .string(capacity ?? request))]))
    }
    status.set("phase", .string(phase.rawValue))
    return .object([
      ("apiVersion", .string("v1")), ("kind", .string("PersistentVolumeClaim")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", status.value),
    ])
  }
}

/// A PersistentVolume: a piece of storage, here provisioned on one node's disk by the default
/// StorageClass (kind's `rancher.io/local-path`), so its pods must run on that node.
public struct PersistentVolume: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var capacity: String
  public var accessModes: [String]
  public var reclaimPolicy = APIField<ReclaimPolicy>.known(.delete)
  public var storageClassName: String
  /// `namespace/name` of the claim it is bound to.
  public var claim: (namespace: String, name: String, uid: String)?
  /// The node whose disk holds it.
  public var node: String?
  public var hostPath: String
  /// `Available`, `Bound` or `Released`.
  public var phase = VolumePhase.bound

  /// Creates a volume.
  public init(metadata: ObjectMeta, capacity: String, accessModes: [String], storageClassName: String, hostPath: String)
  {
    self.metadata = metadata
    self.capacity = capacity
    self.accessModes = accessModes
    self.storageClassName = storageClassName
    self.hostPath = hostPath
  }

  public static func == (a: PersistentVolume, b: PersistentVolume) -> Bool {
    a.metadata == b.metadata && a.capacity == b.capacity && a.accessModes == b.accessModes
      && a.reclaimPolicy == b.reclaimPolicy && a.storageClassName == b.storageClassName
      && a.claim?.namespace == b.claim?.namespace && a.claim?.name == b.claim?.name && a.claim?.uid == b.claim?.uid
      && a.node == b.node && a.hostPath == b.hostPath && a.phase == b.phase
  }

  /// The volume as `kubectl get pv -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    spec.set("accessModes", .array(accessModes.map(JSONValue.string)))
    spec.set("capacity", .object([("storage", .string(capacity))]))
    if let claim {
      spec.set(
        "claimRef",
        .object([
          ("apiVersion", .string("v1")), ("kind", .string("PersistentVolumeClaim")), ("name", .string(claim.name)),
          ("namespace", .string(claim.namespace)), ("uid", .string(claim.uid)),
        ]))
    }
    spec.set("hostPath", .object([("path", .string(hostPath)), ("type", .string("DirectoryOrCreate"))]))
    if let node {
      let term: JSONValue = .object([
        (
          "matchExpressions",
          .array([
            .object([
              ("key", .string("kubernetes.io/hostname")), ("operator", .string("In")),
              ("values", .array([.string(node)])),
            ])
          ])
        )
      ])
      spec.set("nodeAffinity", .object([("required", .object([("nodeSelectorTerms", .array([term]))]))]))
    }
    spec.set("persistentVolumeReclaimPolicy", .string(reclaimPolicy.text))
    spec.set("storageClassName", .string(storageClassName))
    spec.set("volumeMode", .string("Filesystem"))
    return .object([
      ("apiVersion", .string("v1")), ("kind", .string("PersistentVolume")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", .object([("phase", .string(phase.rawValue))])),
    ])
  }
}

/// A StorageClass: how volumes for claims naming it are provisioned.
public struct StorageClass: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var provisioner: String
  public var reclaimPolicy = ReclaimPolicy.delete
  public var volumeBindingMode = VolumeBindingMode.immediate

  /// Whether it is the cluster's default class.
  public var isDefault: Bool { metadata.annotations["storageclass.kubernetes.io/is-default-class"] == "true" }

  /// The class as `kubectl get sc -o yaml` shows it.
  public var json: JSONValue {
    .object([
      ("apiVersion", .string("storage.k8s.io/v1")), ("kind", .string("StorageClass")), ("metadata", metadata.json),
      ("provisioner", .string(provisioner)), ("reclaimPolicy", .string(reclaimPolicy.rawValue)),
      ("volumeBindingMode", .string(volumeBindingMode.rawValue)),
    ])
  }
}

extension PersistentVolumeClaim: StoredResource {
  public static let resource = ResourceType(
    plural: "persistentvolumeclaims", singular: "persistentvolumeclaim", kind: "PersistentVolumeClaim", group: "",
    shortNames: ["pvc"], namespaced: true)
  public static var store: KeyPath<Cluster, [String: PersistentVolumeClaim]> { \.claims }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension PersistentVolume: StoredResource {
  public static let resource = ResourceType(
    plural: "persistentvolumes", singular: "persistentvolume", kind: "PersistentVolume", group: "", shortNames: ["pv"],
    namespaced: false)
  public static var store: KeyPath<Cluster, [String: PersistentVolume]> { \.volumes }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension StorageClass: StoredResource {
  public static let resource = ResourceType(
    plural: "storageclasses", singular: "storageclass", kind: "StorageClass", group: "storage.k8s.io",
    shortNames: ["sc"], namespaced: false)
  public static var store: KeyPath<Cluster, [String: StorageClass]> { \.storageClasses }
  public func json(now: Timestamp) -> JSONValue { json }
}
