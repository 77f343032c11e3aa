import KubeSim

/// `kubectl set image TYPE/NAME CONTAINER=IMAGE ...`.
enum SetImageCommand {
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "set image", specs: []).parse(arguments)
    // cmdutil.GetResourcesAndPairs: an argument is a pair when it has "=" past its first
    // character; anything else (even "=nginx") is a resource.
    let isAssignment = { (argument: String) in argument.contains("=") && !argument.hasPrefix("=") }
    let assignments = parsed.positional.filter(isAssignment)
    let resources = parsed.positional.filter { !isAssignment($0) }
    // The builder reads the resources first (Complete), the pairs are checked after (Validate).
    let target = try WorkloadTarget.resolve(resources, namespace: context.namespace(parsed), command: "set image")
    guard !assignments.isEmpty else { throw .plain("at least one image update is required") }
    let key = target.namespace + "/" + target.name
    func apply(_ template: inout PodTemplate) throws(KubectlError) -> Bool {
      var changed = false
      for assignment in assignments {
        let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
        let container = parts[0]
        let image = parts.count > 1 ? parts[1] : ""
        if container == "*" {
          for index in template.spec.containers.indices where template.spec.containers[index].image != image {
            template.spec.containers[index].image = image
            changed = true
          }
          continue
        }
        guard let index = template.spec.containers.firstIndex(where: { $0.name == container }) else {
          throw .plain("unable to find container named \"\(container)\"")
        }
        if template.spec.containers[index].image != image {
          template.spec.containers[index].image = image
          changed = true
        }
      }
      return changed
    }
    var changed = false
    if let kind = target.type.served as? any PodTemplated.Type {
      changed = try update(kind, target, context: &context, apply: apply)
    } else if target.type == Pod.resource {
      guard let pod = context.cluster.pods[key] else { throw target.notFound }
      var template = PodTemplate(labels: pod.metadata.labels, spec: pod.spec)
      changed = try apply(&template)
      try changeImages(of: pod, to: template.spec.containers, context: &context)
    } else {
      throw .plain("kubebook does not simulate \"set image\" on \(target.type.plural)")
    }
    try context.settle()
    if changed { output.line(target.qualifiedName + " image updated") }
  }

  /// Applies `apply` to the template of `target`, an object of `Kind`, and writes it back
  /// when it changed; whether it did.
  private static func update<Kind: PodTemplated>(
    _: Kind.Type, _ target: WorkloadTarget, context: inout CommandContext,
    apply: (inout PodTemplate) throws(KubectlError) -> Bool
  ) throws(KubectlError) -> Bool {
    guard var object = Kind.get(target.name, namespace: target.namespace, in: context.cluster) else {
      throw target.notFound
    }
    guard try apply(&object.template) else { return false }
    try withAPI { () throws(APIError) in try Kind.writeTemplate(object, in: &context.cluster) }
    return true
  }

  /// Changes a running pod's container images to those of `containers` (same names, same
  /// order): the kubelet restarts each changed container.
  static func changeImages(of pod: Pod, to containers: [Container], context: inout CommandContext)
    throws(KubectlError)
  {
    var images: [String: String] = [:]
    for (old, new) in zip(pod.spec.containers, containers) where old.image != new.image {
      images[new.name] = new.image
    }
    guard !images.isEmpty else { return }
    if let reason = context.cluster.imageChangeUnsupported(pod, containers: Set(images.keys)) {
      throw .plain("kubebook simulates changing the image of a running container only (\(reason))")
    }
    try withAPI { () throws(APIError) in
      try context.cluster.updateContainerImages(
        pod.metadata.name, namespace: pod.metadata.namespace ?? "default", images: images)
    }
  }
}
