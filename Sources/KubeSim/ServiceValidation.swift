/// The API server's checks on a Service (`pkg/apis/core/validation`, `ValidateService`, and
/// the node-port allocator's errors), with their exact messages.
enum ServiceValidation {
  /// The DNS-1035 label rule's message (Service names).
  static let dns1035LabelMessage =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

  /// Whether `name` is a DNS-1035 label: a DNS-1123 label that starts with a letter.
  static func isDNS1035Label(_ name: String) -> Bool {
    guard Validation.isDNS1123Label(name), let first = name.utf8.first else { return false }
    return first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
  }

  /// The field errors of `service`; `usedNodePorts` are the node ports other Services hold.
  static func validate(_ service: Service, existing: Service?, usedNodePorts: Set<Int>) -> [FieldError] {
    var causes: [FieldError] = []
    let name = service.metadata.name
    if name.isEmpty {
      causes.append(
        FieldError(field: "metadata.name", type: "Required value", detail: "name or generateName is required"))
    } else if !isDNS1035Label(name) {
      causes.append(
        FieldError(
          field: "metadata.name", type: "Invalid value", value: Validation.quote(name), detail: dns1035LabelMessage))
    }
    causes += Validation.labelsAndAnnotations(service.metadata, path: "metadata")
    guard service.type.value != nil else {
      let supported = ServiceType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
      causes.append(
        FieldError(
          field: "spec.type", type: "Unsupported value", value: Validation.quote(service.type.text),
          detail: "supported values: \(supported)"))
      return causes
    }
    if service.type.value == .externalName {
      if (service.externalName ?? "").isEmpty {
        causes.append(FieldError(field: "spec.externalName", type: "Required value"))
      }
    } else if service.ports.isEmpty && !service.isHeadless {
      causes.append(FieldError(field: "spec.ports", type: "Required value"))
    }
    if service.isHeadless && service.hasNodePorts {
      causes.append(
        FieldError(
          field: "spec.clusterIPs[0]", type: "Invalid value", value: "\"None\"",
          detail: "may not be set to 'None' for \(service.type) services"))
    }
    var names: Set<String> = []
    for (index, port) in service.ports.enumerated() {
      let path = "spec.ports[\(index)]"
      if let portName = port.name, !portName.isEmpty {
        if !names.insert(portName).inserted {
          causes.append(FieldError(field: path + ".name", type: "Duplicate value", value: Validation.quote(portName)))
        }
      } else if service.ports.count > 1 {
        causes.append(FieldError(field: path + ".name", type: "Required value"))
      }
      if !(1...65535).contains(port.port) {
        causes.append(
          FieldError(
            field: path + ".port", type: "Invalid value", value: String(port.port),
            detail: "must be between 1 and 65535, inclusive"))
      }
      if port.protocol.value == nil {
        let supported = PortProtocol.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        causes.append(
          FieldError(
            field: path + ".protocol", type: "Unsupported value", value: Validation.quote(port.protocol.text),
            detail: "supported values: \(supported)"))
      }
      if case .number(let target) = port.targetPort, !(1...65535).contains(target) {
        causes.append(
          FieldError(
            field: path + ".targetPort", type: "Invalid value", value: String(target),
            detail: "must be between 1 and 65535, inclusive"))
      }
      guard let nodePort = port.nodePort else { continue }
      if !service.hasNodePorts {
        causes.append(
          FieldError(
            field: path + ".nodePort", type: "Forbidden", detail: "may not be used when `type` is '\(service.type)'"))
      } else if !Cluster.nodePortRange.contains(nodePort) {
        causes.append(
          FieldError(
            field: path + ".nodePort", type: "Invalid value", value: String(nodePort),
            detail:
              "provided port is not in the valid range. The range of valid ports is \(Cluster.nodePortRange.lowerBound)-\(Cluster.nodePortRange.upperBound)"
          ))
      } else if usedNodePorts.contains(nodePort) {
        causes.append(
          FieldError(
            field: path + ".nodePort", type: "Invalid value", value: String(nodePort),
            detail: "provided port is already allocated"))
      }
    }
    return causes
  }
}
