import KubeSim

/// What kubectl knows about a Service.
extension Service: KubectlResource {
  /// `AddFieldLabelConversionsForService` and `pkg/registry/core/service/strategy.go`
  /// `SelectableFields`.
  static var selectableFields: SelectableFields<Service> {
    .core(
      SelectableFields.objectMetaFields + [
        .init(label: "spec.clusterIP", value: { $0.clusterIP }),
        .init(label: "spec.type", value: { $0.type.text }),
      ])
  }

  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Type"), .init(name: "Cluster-IP"), .init(name: "External-IP"),
    .init(name: "Port(s)"), .init(name: "Age"), .init(name: "Selector", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    let ports = ports.map { port in
      "\(port.port)" + (port.nodePort.map { ":\($0)" } ?? "") + "/\(port.protocol)"
    }
    return [
      metadata.name, type.text, clusterIP.isEmpty ? "<none>" : clusterIP,
      TablePrinters.externalIP(of: self), ports.isEmpty ? "<none>" : ports.joined(separator: ","),
      TablePrinters.age(metadata.creationTimestamp, now: now), TablePrinters.formatLabels(selector),
    ]
  }

  static var describer: Describer<Service>? { Describer { DescribeCommand.describeService($0, cluster: $1) } }

  static var manifest: ManifestHandler<Service>? {
    ManifestHandler(
      decode: { $0.decodeService($1) },
      create: { object, cluster throws(APIError) in _ = try cluster.createService(object) },
      update: { live, desired, manifest, context throws(KubectlError) in
        do throws(APIError) {
          var merged = live
          merged.type = desired.type
          merged.ports = desired.ports
          merged.selector = desired.selector
          merged.externalName = desired.externalName
          merged.publishNotReadyAddresses = desired.publishNotReadyAddresses
          merged.metadata.labels = desired.metadata.labels
          merged.metadata.annotations = desired.metadata.annotations
          if !desired.clusterIP.isEmpty { merged.clusterIP = desired.clusterIP }
          // Node ports the manifest leaves out keep their allocated values.
          for index in merged.ports.indices where merged.ports[index].nodePort == nil && merged.hasNodePorts {
            merged.ports[index].nodePort = live.ports.first { $0.port == merged.ports[index].port }?.nodePort
          }
          if merged == live { return "unchanged" }
          if live.clusterIP != merged.clusterIP {
            throw APIError.invalid(
              kind: "Service", name: live.metadata.name,
              causes: [
                FieldError(
                  field: "spec.clusterIPs[0]", type: "Invalid value", value: Validation.quote(merged.clusterIP),
                  detail: "may not change once set")
              ])
          }
          try context.cluster.updateService(merged)
        } catch {
          throw .api(error)
        }
        return "configured"
      })
  }

  static var patchSchema: PatchSchema { .service }

  static var deleter: Deleter<Service>? {

    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteService(name, namespace: namespace)
      return Deletion()
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a Service manifest (v1), with the API server's defaults (TCP, `targetPort` = `port`).
  mutating func decodeService(_ value: JSONValue) -> Service {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "type", "clusterIP", "clusterIPs", "ports", "selector", "externalName", "publishNotReadyAddresses",
        "sessionAffinity", "externalTrafficPolicy", "internalTrafficPolicy", "ipFamilies", "ipFamilyPolicy",
        "externalIPs", "loadBalancerIP", "allocateLoadBalancerNodePorts", "healthCheckNodePort",
        "loadBalancerSourceRanges", "sessionAffinityConfig", "loadBalancerClass", "trafficDistribution",
      ])
    let ports = (spec["ports"]?.arrayValue ?? []).enumerated().map { index, item -> Service.Port in
      check(
        item, path: "spec.ports[\(index)]",
        known: ["name", "port", "targetPort", "protocol", "nodePort", "appProtocol"])
      let number = int32Field(item["port"], "ServicePort.spec.ports[\(index)].port") ?? 0
      var target = Service.Target.number(number)
      if let text = item["targetPort"]?.stringValue {
        target = Int(text).map(Service.Target.number) ?? .name(text)
      } else if let targetNumber = int32Field(item["targetPort"], "ServicePort.spec.ports[\(index)].targetPort") {
        // IntOrString reads a number into an int32.
        target = .number(targetNumber)
      }
      return Service.Port(
        name: item["name"]?.stringValue, port: number, target: target,
        protocol: item["protocol"]?.stringValue.map { APIField($0) } ?? .known(.tcp),
        nodePort: int32Field(item["nodePort"], "ServicePort.spec.ports[\(index)].nodePort"))
    }
    var service = Service(
      metadata: metadata, type: spec["type"]?.stringValue.map { APIField($0) } ?? .known(.clusterIP),
      clusterIP: spec["clusterIP"]?.stringValue ?? "", ports: ports,
      selector: strictStringMap(spec["selector"], field: "ServiceSpec.spec.selector", type: "string"))
    service.externalName = spec["externalName"]?.stringValue
    if let publish = boolField(spec["publishNotReadyAddresses"], "ServiceSpec.spec.publishNotReadyAddresses") {
      service.publishNotReadyAddresses = publish
    }
    return service
  }
}
