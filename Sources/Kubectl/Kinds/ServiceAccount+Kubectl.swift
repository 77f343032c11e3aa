import KubeSim

/// What kubectl knows about a ServiceAccount.
extension ServiceAccount: KubectlResource {
  /// `serviceAccountColumnDefinitions` (printers.go): Name, Secrets, Age.
  static let columns: [Table.Column] = [.init(name: "Name"), .init(name: "Secrets"), .init(name: "Age")]

  /// `printServiceAccount`: the number of `secrets` entries.
  func row(now: Timestamp) -> [String] {
    [metadata.name, String(secrets.count), TablePrinters.age(metadata.creationTimestamp, now: now)]
  }

  /// `ServiceAccountDescriber` and `describeServiceAccount` (kubectl v0.32 `describe.go`): the
  /// three lists under their padded headers in sorted order, a referenced secret that does not
  /// exist marked `(not found)`, tokens found among the namespace's token secrets.
  static var describer: Describer<ServiceAccount>? {
    Describer { account, cluster in
      let namespace = account.metadata.namespace ?? "default"
      let secrets = Secret.list(in: cluster, namespace: namespace)
      let existing = Set(secrets.map(\.metadata.name))
      let tokens = secrets.filter {
        $0.type == "kubernetes.io/service-account-token"
          && $0.metadata.annotations["kubernetes.io/service-account.name"] == account.metadata.name
          && $0.metadata.annotations["kubernetes.io/service-account.uid"] == account.metadata.uid
      }.map(\.metadata.name)
      var text = DescribeCommand.metadataLines(account.metadata)
      let lists = [
        ("Image pull secrets:", account.imagePullSecrets), ("Mountable secrets: ", account.secrets),
        ("Tokens:            ", tokens),
      ]
      for (header, names) in lists {
        guard !names.isEmpty else {
          text += "\(header)\t<none>\n"
          continue
        }
        var prefix = header
        for name in names {
          text += "\(prefix)\t\(name)\(existing.contains(name) ? "" : " (not found)")\n"
          prefix = String(repeating: " ", count: 19)
        }
      }
      return text
    }
  }

  static var manifest: ManifestHandler<ServiceAccount>? {
    ManifestHandler(
      decode: { $0.decodeServiceAccount($1) },
      create: { account, cluster throws(APIError) in try cluster.createServiceAccount(account) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.secrets = desired.secrets
        merged.imagePullSecrets = desired.imagePullSecrets
        merged.automountServiceAccountToken = desired.automountServiceAccountToken
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateServiceAccount(merged)
        }
      })
  }

  static var deleter: Deleter<ServiceAccount>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteServiceAccount(name, namespace: namespace)
      return Deletion()
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a ServiceAccount manifest (v1): the secret references by name.
  mutating func decodeServiceAccount(_ value: JSONValue) -> ServiceAccount {
    check(
      value, path: "",
      known: ["apiVersion", "kind", "metadata", "secrets", "imagePullSecrets", "automountServiceAccountToken"])
    var account = ServiceAccount(metadata: decodeMetadata(value["metadata"], path: "metadata"))
    account.secrets = references(value["secrets"], path: "secrets")
    account.imagePullSecrets = references(value["imagePullSecrets"], path: "imagePullSecrets")
    account.automountServiceAccountToken = boolField(
      value["automountServiceAccountToken"], "ServiceAccount.automountServiceAccountToken")
    return account
  }

  /// The names in a list of object references (`- name: x`).
  private mutating func references(_ value: JSONValue?, path: String) -> [String] {
    (value?.arrayValue ?? []).enumerated().map { index, item in
      check(
        item, path: "\(path)[\(index)]",
        known: ["name", "namespace", "kind", "apiVersion", "uid", "resourceVersion", "fieldPath"])
      return item["name"]?.stringValue ?? ""
    }
  }
}
