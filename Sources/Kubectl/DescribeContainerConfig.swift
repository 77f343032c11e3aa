import KubeSim

extension DescribeCommand {
  /// `describeContainerEnvVars`: `Environment Variables from:` for `envFrom`, then
  /// `Environment:` with one line per variable (references shown, not resolved).
  static func environmentLines(_ container: Container, indent: String, pod: Pod? = nil) -> String {
    var text = ""
    if !container.envFrom.isEmpty {
      text += "\(indent)Environment Variables from:\n"
      for source in container.envFrom {
        let optional = source.optional ?? false
        if let prefix = source.prefix, !prefix.isEmpty {
          text += "\(indent)  \(source.name)\t\(source.kind) with prefix '\(prefix)'\tOptional: \(optional)\n"
        } else {
          text += "\(indent)  \(source.name)\t\(source.kind)\tOptional: \(optional)\n"
        }
      }
    }
    guard !container.env.isEmpty else { return text + "\(indent)Environment:\t<none>\n" }
    text += "\(indent)Environment:\n"
    for variable in container.env {
      switch variable.source {
      case nil:
        let lines = (variable.value ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        text += "\(indent)  \(variable.name):\t\(lines.first ?? "")\n"
        for line in lines.dropFirst() { text += "\(indent)  \t\(line)\n" }
      case .field(let path)?:
        // Describing a pod resolves the field; a template has nothing to resolve it against.
        let value = pod.map { PodFields.value(path, of: $0) } ?? ""
        text += "\(indent)  \(variable.name):\t\(value) (v1:\(path))\n"
      case .secretKey(let name, let key, let optional)?:
        text +=
          "\(indent)  \(variable.name):\t<set to the key '\(key)' in secret '\(name)'>\tOptional: \(optional ?? false)\n"
      case .configMapKey(let name, let key, let optional)?:
        text +=
          "\(indent)  \(variable.name):\t<set to the key '\(key)' in config map '\(name)'>\tOptional: \(optional ?? false)\n"
      }
    }
    return text
  }

  /// `describeContainerVolumes`: mounts sorted by path, `(ro)` or `(rw)`, then the token mount.
  static func mountLines(_ container: Container, tokenVolume: String?, indent: String) -> String {
    var lines = container.volumeMounts.map { mount -> (String, String) in
      var flags = [mount.readOnly ? "ro" : "rw"]
      if let subPath = mount.subPath, !subPath.isEmpty { flags.append("path=\(Validation.quote(subPath))") }
      return (mount.mountPath, "\(mount.mountPath) from \(mount.name) (\(flags.joined(separator: ",")))")
    }
    if let tokenVolume {
      lines.append((PodSpec.tokenMountPath, "\(PodSpec.tokenMountPath) from \(tokenVolume) (ro)"))
    }
    guard !lines.isEmpty else { return "\(indent)Mounts:\t<none>\n" }
    lines.sort { $0.0 < $1.0 }
    return "\(indent)Mounts:\n" + lines.map { "\(indent)  \($0.1)\n" }.joined()
  }

  /// `describeVolumes`: one block per volume, the token volume last.
  static func volumeLines(_ volumes: [Volume], tokenVolume: String?, indent: String) -> String {
    guard !volumes.isEmpty || tokenVolume != nil else { return "\(indent)Volumes:\t<none>\n" }
    var text = "\(indent)Volumes:\n"
    for volume in volumes {
      text += "\(indent)  \(volume.name):\n"
      let inner = indent + "    "
      switch volume.source {
      case .configMap(let name, let optional):
        text += "\(inner)Type:\tConfigMap (a volume populated by a ConfigMap)\n"
        text += "\(inner)Name:\t\(name)\n"
        text += "\(inner)Optional:\t\(optional ?? false)\n"
      case .secret(let name, let optional):
        text += "\(inner)Type:\tSecret (a volume populated by a Secret)\n"
        text += "\(inner)SecretName:\t\(name)\n"
        text += "\(inner)Optional:\t\(optional ?? false)\n"
      case .emptyDir:
        text += "\(inner)Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n"
        text += "\(inner)Medium:\t\n"
        text += "\(inner)SizeLimit:\t<unset>\n"
      case .hostPath(let path, let type):
        text += "\(inner)Type:\tHostPath (bare host directory volume)\n"
        text += "\(inner)Path:\t\(path)\n"
        text += "\(inner)HostPathType:\t\(type)\n"
      case .persistentVolumeClaim(let claimName, let readOnly):
        text += "\(inner)Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
        text += "\(inner)ClaimName:\t\(claimName)\n"
        text += "\(inner)ReadOnly:\t\(readOnly)\n"
      }
    }
    if let tokenVolume {
      text += "\(indent)  \(tokenVolume):\n"
      text += "\(indent)    Type:\tProjected (a volume that contains injected data from multiple sources)\n"
      text += "\(indent)    TokenExpirationSeconds:\t3607\n"
      text += "\(indent)    ConfigMapName:\tkube-root-ca.crt\n"
      text += "\(indent)    ConfigMapOptional:\t<nil>\n"
      text += "\(indent)    DownwardAPI:\ttrue\n"
    }
    return text
  }
}
