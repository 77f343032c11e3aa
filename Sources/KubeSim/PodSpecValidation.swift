/// `ValidatePodSpec` (`pkg/apis/core/validation/validation.go`, v1.32) for the fields kubebook
/// models, written once for pods and every workload's template, in the order upstream
/// appends its errors: volumes, then each container (name, image, ports, volume mounts,
/// resources, a repeated name, probes), then the restart policy.
enum PodSpecValidation {
  /// The errors of `spec` at `path` (`spec`, `spec.template.spec`); `claimNames` are volume
  /// names a StatefulSet's claim templates provide.
  static func validate(_ spec: PodSpec, path: String, claimNames: Set<String> = []) -> [FieldError] {
    var causes: [FieldError] = []
    var volumeNames = claimNames
    if let token = spec.tokenVolumeName { volumeNames.insert(token) }
    for (index, volume) in spec.volumes.enumerated() {
      let namePath = "\(path).volumes[\(index)].name"
      var errors: [FieldError] = []
      if volume.name.isEmpty {
        errors.append(FieldError(field: namePath, type: "Required value"))
      } else {
        errors += Validation.dns1123Label(volume.name, field: namePath)
      }
      if volumeNames.contains(volume.name) {
        errors.append(FieldError(field: namePath, type: "Duplicate value", value: Validation.quote(volume.name)))
      }
      if errors.isEmpty { volumeNames.insert(volume.name) } else { causes += errors }
    }
    if spec.containers.isEmpty {
      causes.append(FieldError(field: path + ".containers", type: "Required value"))
    }
    var containerNames: Set<String> = []
    for (index, container) in spec.containers.enumerated() {
      let containerPath = "\(path).containers[\(index)]"
      causes += common(container, path: containerPath, volumes: volumeNames)
      if !containerNames.insert(container.name).inserted {
        causes.append(
          FieldError(field: containerPath + ".name", type: "Duplicate value", value: Validation.quote(container.name)))
      }
      let probes = [
        ("livenessProbe", container.livenessProbe), ("readinessProbe", container.readinessProbe),
        ("startupProbe", container.startupProbe),
      ]
      for (name, probe) in probes {
        if let probe { causes += handler(probe, path: "\(containerPath).\(name)") }
      }
    }
    if spec.restartPolicy.value == nil {
      causes.append(
        FieldError(
          field: path + ".restartPolicy", type: "Unsupported value", value: Validation.quote(spec.restartPolicy.text),
          detail: "supported values: \"Always\", \"OnFailure\", \"Never\""))
    }
    return causes
  }

  /// `validateContainerCommon`: name, image, ports, volume mounts and resources.
  static func common(_ container: Container, path: String, volumes: Set<String>) -> [FieldError] {
    var causes: [FieldError] = []
    if container.name.isEmpty {
      causes.append(FieldError(field: path + ".name", type: "Required value"))
    } else {
      causes += Validation.dns1123Label(container.name, field: path + ".name")
    }
    if container.image.isEmpty {
      causes.append(FieldError(field: path + ".image", type: "Required value"))
    }
    causes += ports(container.ports, path: path + ".ports")
    causes += volumeMounts(container.volumeMounts, volumes: volumes, path: path + ".volumeMounts")
    causes += container.resources.validationErrors(path: path)
    return causes
  }

  /// `validateContainerPorts`: a name is an IANA service name, unique; the port is 1-65535;
  /// the protocol one of SCTP, TCP, UDP.
  static func ports(_ ports: [ContainerPort], path: String) -> [FieldError] {
    var causes: [FieldError] = []
    var names: Set<String> = []
    for (index, port) in ports.enumerated() {
      let portPath = "\(path)[\(index)]"
      if let name = port.name, !name.isEmpty {
        let messages = Validation.portNameErrors(name)
        for message in messages {
          causes.append(
            FieldError(field: portPath + ".name", type: "Invalid value", value: Validation.quote(name), detail: message)
          )
        }
        if messages.isEmpty && !names.insert(name).inserted {
          causes.append(FieldError(field: portPath + ".name", type: "Duplicate value", value: Validation.quote(name)))
        }
      }
      if port.containerPort == 0 {
        causes.append(FieldError(field: portPath + ".containerPort", type: "Required value"))
      } else if !(1...65535).contains(port.containerPort) {
        causes.append(
          FieldError(
            field: portPath + ".containerPort", type: "Invalid value", value: String(port.containerPort),
            detail: "must be between 1 and 65535, inclusive"))
      }
      if port.protocol.value == nil {
        let supported = PortProtocol.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        causes.append(
          FieldError(
            field: portPath + ".protocol", type: "Unsupported value", value: Validation.quote(port.protocol.text),
            detail: "supported values: \(supported)"))
      }
    }
    return causes
  }

  /// `ValidateVolumeMounts`: a mount names a volume of the pod and a unique path.
  static func volumeMounts(_ mounts: [VolumeMount], volumes: Set<String>, path: String) -> [FieldError] {
    var causes: [FieldError] = []
    var mountPaths: Set<String> = []
    for (index, mount) in mounts.enumerated() {
      let mountPath = "\(path)[\(index)]"
      if mount.name.isEmpty {
        causes.append(FieldError(field: mountPath + ".name", type: "Required value"))
      }
      if !volumes.contains(mount.name) {
        causes.append(FieldError(field: mountPath + ".name", type: "Not found", value: Validation.quote(mount.name)))
      }
      if mount.mountPath.isEmpty {
        causes.append(FieldError(field: mountPath + ".mountPath", type: "Required value"))
      }
      if !mountPaths.insert(mount.mountPath).inserted {
        causes.append(
          FieldError(
            field: mountPath + ".mountPath", type: "Invalid value", value: Validation.quote(mount.mountPath),
            detail: "must be unique"))
      }
    }
    return causes
  }

  /// `validateHandler` for a probe: exactly one of exec, httpGet, tcpSocket, grpc.
  static func handler(_ probe: Probe, path: String) -> [FieldError] {
    var causes: [FieldError] = []
    var count = 0
    for kind in ["exec", "httpGet", "tcpSocket", "grpc"] where probe.handler.contains(where: { $0.0 == kind }) {
      if count > 0 {
        causes.append(
          FieldError(field: "\(path).\(kind)", type: "Forbidden", detail: "may not specify more than 1 handler type"))
      } else {
        count += 1
      }
    }
    if count == 0 {
      causes.append(FieldError(field: path, type: "Required value", detail: "must specify a handler type"))
    }
    return causes
  }
}
