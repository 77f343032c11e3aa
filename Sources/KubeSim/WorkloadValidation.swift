/// The API server's validation of workload specs (`pkg/apis/apps/validation/validation.go`,
/// v1.32), for the fields kubebook models.
enum WorkloadValidation {
  /// A workload's replicas, selector and pod template (`ValidatePodTemplateSpecForReplicaSet`:
  /// the selector must match the template's labels, then `ValidatePodTemplateSpec`: its labels,
  /// annotations and pod spec); `claimNames` are the volumes a StatefulSet's claim templates
  /// provide.
  static func validate(
    replicas: Int, selector: SelectorSpec, template: PodTemplate, limits: Limits, claimNames: Set<String> = []
  ) -> [FieldError] {
    var causes: [FieldError] = []
    if replicas < 0 {
      causes.append(
        FieldError(
          field: "spec.replicas", type: "Invalid value", value: String(replicas),
          detail: "must be greater than or equal to 0"))
    }
    if replicas > limits.maxPods {
      causes.append(
        FieldError(
          field: "spec.replicas", type: "Invalid value", value: String(replicas),
          detail: "kubebook simulates at most \(limits.maxPods) pods"))
    }
    if selector.isEmpty {
      causes.append(FieldError(field: "spec.selector", type: "Required value"))
    } else if !selector.selector.matches(template.labels) {
      causes.append(
        FieldError(
          field: "spec.template.metadata.labels", type: "Invalid value",
          value: goStringMap(template.labels), detail: "`selector` does not match template `labels`"))
    }
    causes += Validation.labels(template.labels, field: "spec.template.labels")
    causes += Validation.annotations(template.annotations, field: "spec.template.annotations")
    causes += PodSpecValidation.validate(template.spec, path: "spec.template.spec", claimNames: claimNames)
    return causes
  }

  /// A Deployment's spec (`ValidateDeploymentSpec`): the workload checks, then the strategy
  /// (`ValidateDeploymentStrategy`).
  static func validate(_ deployment: Deployment, limits: Limits) -> [FieldError] {
    var causes = validate(
      replicas: deployment.replicas, selector: deployment.selector, template: deployment.template, limits: limits)
    if deployment.strategy == .recreate && deployment.rollingUpdateWritten {
      causes.append(
        FieldError(
          field: "spec.strategy.rollingUpdate", type: "Forbidden",
          detail: "may not be specified when strategy `type` is 'Recreate'"))
    }
    if case .rollingUpdate(let surge, let unavailable) = deployment.strategy {
      if surge.scaled(total: 100, roundUp: true) == 0 && unavailable.scaled(total: 100, roundUp: true) == 0 {
        causes.append(
          FieldError(
            field: "spec.strategy.rollingUpdate.maxUnavailable", type: "Invalid value",
            value: unavailable.text.contains("%") ? Validation.quote(unavailable.text) : unavailable.text,
            detail: "may not be 0 when `maxSurge` is 0"))
      }
    }
    return causes
  }

  /// `ValidateImmutableField` on `spec.selector`, which the apps registry strategies append
  /// after the spec's own errors (`pkg/registry/apps/deployment/strategy.go`, `ValidateUpdate`):
  /// the new selector in Go's `%#v`.
  static func immutableSelector(_ new: SelectorSpec, old: SelectorSpec) -> [FieldError] {
    guard new != old else { return [] }
    return [
      FieldError(field: "spec.selector", type: "Invalid value", value: goSyntax(new), detail: "field is immutable")
    ]
  }

  /// Go's `%#v` of a `metav1.LabelSelector`.
  static func goSyntax(_ selector: SelectorSpec) -> String {
    let labels = selector.matchLabels.isEmpty ? "map[string]string(nil)" : goStringMap(selector.matchLabels)
    let expressions =
      selector.matchExpressions.isEmpty
      ? "[]v1.LabelSelectorRequirement(nil)"
      : "[]v1.LabelSelectorRequirement{"
        + selector.matchExpressions.map { expression in
          let values =
            expression.values.isEmpty
            ? "[]string(nil)" : "[]string{" + expression.values.map(Validation.quote).joined(separator: ", ") + "}"
          return "v1.LabelSelectorRequirement{Key:\(Validation.quote(expression.key)), "
            + "Operator:\(Validation.quote(expression.op.text)), Values:\(values)}"
        }.joined(separator: ", ") + "}"
    return "v1.LabelSelector{MatchLabels:\(labels), MatchExpressions:\(expressions)}"
  }

  /// Go's `%#v` of a `map[string]string`.
  static func goStringMap(_ map: [String: String]) -> String {
    "map[string]string{"
      + map.keys.sorted().map { "\(Validation.quote($0)):\(Validation.quote(map[$0]!))" }
      .joined(separator: ", ") + "}"
  }
}
