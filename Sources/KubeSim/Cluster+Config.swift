extension Cluster {
  /// The name of the ConfigMap every namespace gets, holding the cluster's CA certificate.
  public static let rootCAConfigMap = "kube-root-ca.crt"

  /// Publishes `kube-root-ca.crt` in `namespace`, as the root-CA publisher controller does.
  mutating func publishRootCA(in namespace: String) {
    var meta = ObjectMeta(name: Self.rootCAConfigMap, namespace: namespace)
    meta.annotations["kubernetes.io/description"] =
      "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."
    meta.creationTimestamp = now
    stampAside(&meta, stream: "configmap")
    configMaps[Self.key(namespace, Self.rootCAConfigMap)] = ConfigMap(
      metadata: meta, data: ["ca.crt": ClusterCertificate.pem(seed: config.seed)])
  }

  /// Creates a ConfigMap after the API server's checks.
  @discardableResult
  public mutating func createConfigMap(_ configMap: ConfigMap) throws(APIError) -> ConfigMap {
    var configMap = configMap
    let namespace = configMap.metadata.namespace ?? "default"
    configMap.metadata.namespace = namespace
    try requireNamespace(namespace)
    let causes = Validation.objectMeta(configMap.metadata) + ConfigValidation.keys(configMap.data)
    if !causes.isEmpty { throw .invalid(kind: "ConfigMap", name: configMap.metadata.name, causes: causes) }
    let key = Self.key(namespace, configMap.metadata.name)
    if configMaps[key] != nil { throw .alreadyExists(resource: "configmaps", name: configMap.metadata.name) }
    try requireRoom(configMaps.count + secrets.count)
    configMap.metadata.creationTimestamp = now
    stampAside(&configMap.metadata, stream: "configmap:" + now.rfc3339)
    configMaps[key] = configMap
    return configMap
  }

  /// Replaces a ConfigMap's data, labels and annotations.
  public mutating func updateConfigMap(_ configMap: ConfigMap) throws(APIError) {
    let key = Self.key(configMap.metadata)
    guard var live = configMaps[key] else { throw .notFound(resource: "configmaps", name: configMap.metadata.name) }
    let causes = ConfigValidation.keys(configMap.data)
    if !causes.isEmpty { throw .invalid(kind: "ConfigMap", name: configMap.metadata.name, causes: causes) }
    if live.data != configMap.data {
      configChanges["configmap/" + key] = (visibleData(key: "configmap/" + key) ?? live.data, now)
    }
    live.data = configMap.data
    live.metadata.labels = configMap.metadata.labels
    live.metadata.annotations = configMap.metadata.annotations
    live.metadata.resourceVersion = nextResourceVersion()
    configMaps[key] = live
  }

  /// Deletes a ConfigMap.
  public mutating func deleteConfigMap(_ name: String, namespace: String) throws(APIError) {
    try remove(ConfigMap.self, name, namespace: namespace)
  }

  /// Creates a Secret after the API server's checks.
  @discardableResult
  public mutating func createSecret(_ secret: Secret) throws(APIError) -> Secret {
    var secret = secret
    let namespace = secret.metadata.namespace ?? "default"
    secret.metadata.namespace = namespace
    try requireNamespace(namespace)
    let causes = Validation.objectMeta(secret.metadata) + ConfigValidation.keys(secret.data)
    if !causes.isEmpty { throw .invalid(kind: "Secret", name: secret.metadata.name, causes: causes) }
    let key = Self.key(namespace, secret.metadata.name)
    if secrets[key] != nil { throw .alreadyExists(resource: "secrets", name: secret.metadata.name) }
    try requireRoom(configMaps.count + secrets.count)
    secret.metadata.creationTimestamp = now
    stampAside(&secret.metadata, stream: "secret:" + now.rfc3339)
    secrets[key] = secret
    return secret
  }

  /// Replaces a Secret's data, labels and annotations.
  public mutating func updateSecret(_ secret: Secret) throws(APIError) {
    let key = Self.key(secret.metadata)
    guard var live = secrets[key] else { throw .notFound(resource: "secrets", name: secret.metadata.name) }
    if live.data != secret.data {
      configChanges["secret/" + key] = (visibleData(key: "secret/" + key) ?? live.data, now)
    }
    live.data = secret.data
    live.metadata.labels = secret.metadata.labels
    live.metadata.annotations = secret.metadata.annotations
    live.metadata.resourceVersion = nextResourceVersion()
    secrets[key] = live
  }

  /// Deletes a Secret.
  public mutating func deleteSecret(_ name: String, namespace: String) throws(APIError) {
    try remove(Secret.self, name, namespace: namespace)
  }

  private func requireRoom(_ count: Int) throws(APIError) {
    if count >= config.limits.maxServices {
      throw .limitExceeded("kubebook simulates at most \(config.limits.maxServices) ConfigMaps and Secrets")
    }
  }

}

/// The API server's check on ConfigMap and Secret keys (`IsConfigMapKey`).
enum ConfigValidation {
  static let keyMessage =
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

  static func keys(_ data: [String: String]) -> [FieldError] {
    data.keys.sorted().compactMap { key in
      let valid =
        !key.isEmpty && key.utf8.count <= 253
        && key.utf8.allSatisfy { byte in
          (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45
            || byte == 46 || byte == 95
        }
      return valid
        ? nil
        : FieldError(field: "data[\(key)]", type: "Invalid value", value: Validation.quote(key), detail: keyMessage)
    }
  }
}

/// A stand-in for the cluster's CA certificate: PEM armour around bytes from the seed.
enum ClusterCertificate {
  /// The certificate of a cluster made with `seed`: 1024 base64 characters (built as bytes,
  /// whose count costs nothing, unlike a String's), in lines of 64.
  static func pem(seed: UInt64) -> String {
    var generator = NameGenerator(seed: seed ^ ImageCatalog.fnv1a("cluster-ca"))
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var body = Array("MIIDBTCCAe2gAwIBAgII".utf8)
    while body.count < 1024 { body.append(alphabet[generator.below(64)]) }
    var lines: [String] = []
    var start = 0
    while start < body.count {
      lines.append(String(decoding: body[start..<min(start + 64, body.count)], as: UTF8.self))
      start += 64
    }
    return "-----BEGIN CERTIFICATE-----\n" + lines.joined(separator: "\n") + "\n-----END CERTIFICATE-----\n"
  }
}
