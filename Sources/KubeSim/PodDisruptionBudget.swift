/// A PodDisruptionBudget (policy/v1): how many of the pods a selector picks must stay healthy
/// while they are evicted (`kubectl drain`). Its status is computed by ``DisruptionController``
/// and spent by the eviction subresource (``Cluster/evictPod(_:namespace:gracePeriod:)``).
public struct PodDisruptionBudget: Sendable, Equatable {
  /// `minAvailable` or `maxUnavailable` as written: an integer or a string that should be a
  /// percentage (`intstr.IntOrString`); validation refuses the other strings.
  public enum Amount: Sendable, Equatable {
    case int(Int)
    case string(String)

    /// The value as `IntOrString.String()` prints it (`1`, `50%`).
    public var text: String {
      switch self {
      case .int(let value): return String(value)
      case .string(let value): return value
      }
    }

    /// The percentage a `"NN%"` string stands for, nil for integers and other strings.
    var percent: Int? {
      guard case .string(let text) = self, text.hasSuffix("%"), text.count > 1,
        text.dropLast().allSatisfy(\.isASCII), let value = Int(text.dropLast()), value >= 0
      else { return nil }
      return value
    }

    /// `GetScaledValueFromIntOrPercent(value, total, roundUp: true)`; nil for a string that
    /// is not a percentage.
    func scaled(total: Int) -> Int? {
      switch self {
      case .int(let value): return value
      case .string: return percent.map { IntOrPercent.percent($0).scaled(total: total, roundUp: true) }
      }
    }

    /// How `field.Invalid` prints the value: an int as is, an `IntOrString` string in Go syntax.
    var invalidValueText: String {
      switch self {
      case .int(let value): return String(value)
      case .string(let value): return "intstr.IntOrString{Type:1, IntVal:0, StrVal:\(Validation.quote(value))}"
      }
    }

    /// The value as the API serialises it: a number or a string.
    public var json: JSONValue {
      switch self {
      case .int(let value): return .int(Int64(value))
      case .string(let value): return .string(value)
      }
    }
  }

  /// The `DisruptionAllowed` condition (`metav1.Condition`).
  public struct Condition: Sendable, Equatable {
    public var status: ConditionStatus
    /// `SufficientPods`, `InsufficientPods` or `SyncFailed`.
    public var reason: String
    public var message: String
    public var observedGeneration: Int
    public var lastTransitionTime: Timestamp
  }

  /// What the disruption controller last computed.
  public struct Status: Sendable, Equatable {
    /// The generation the controller last synced; nil before its first sync.
    public var observedGeneration: Int?
    /// Pods evicted whose deletion the controller has not seen yet, with when.
    public var disruptedPods: [String: Timestamp] = [:]
    public var disruptionsAllowed = 0
    public var currentHealthy = 0
    public var desiredHealthy = 0
    public var expectedPods = 0
    public var condition: Condition?
  }

  public var metadata: ObjectMeta
  public var minAvailable: Amount?
  public var maxUnavailable: Amount?
  /// Nil selects no pod; an empty selector selects every pod of the namespace.
  public var selector: SelectorSpec?
  /// `IfHealthyBudget` or `AlwaysAllow`; nil behaves as `IfHealthyBudget`.
  public var unhealthyPodEvictionPolicy: String?
  public var status = Status()

  /// Creates a budget.
  public init(
    metadata: ObjectMeta, minAvailable: Amount? = nil, maxUnavailable: Amount? = nil, selector: SelectorSpec?
  ) {
    self.metadata = metadata
    self.minAvailable = minAvailable
    self.maxUnavailable = maxUnavailable
    self.selector = selector
  }

  /// Whether the budget covers `pod` (same namespace, selector matches; a nil selector
  /// matches nothing).
  public func covers(_ pod: Pod) -> Bool {
    guard let selector, pod.metadata.namespace == metadata.namespace else { return false }
    return selector.selector.matches(pod.metadata.labels)
  }

  /// `ValidatePodDisruptionBudgetSpec` (`pkg/apis/policy/validation/validation.go`).
  func validate() -> [FieldError] {
    var causes: [FieldError] = []
    if minAvailable != nil && maxUnavailable != nil {
      // The real message prints the spec's pointers' addresses; kubebook writes them as `0x…`.
      causes.append(
        FieldError(
          field: "spec", type: "Invalid value",
          value:
            "policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0x…), Selector:(*v1.LabelSelector)(\(selector == nil ? "nil" : "0x…")), MaxUnavailable:(*intstr.IntOrString)(0x…), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(\(unhealthyPodEvictionPolicy == nil ? "nil" : "0x…"))}",
          detail: "minAvailable and maxUnavailable cannot be both set"))
    }
    for (amount, field) in [(minAvailable, "spec.minAvailable"), (maxUnavailable, "spec.maxUnavailable")] {
      guard let amount else { continue }
      switch amount {
      case .int(let value) where value < 0:
        causes.append(
          FieldError(
            field: field, type: "Invalid value", value: String(value), detail: "must be greater than or equal to 0"))
      case .int: break
      case .string(let text):
        if !(text.hasSuffix("%") && text.count > 1 && text.dropLast().allSatisfy { $0 >= "0" && $0 <= "9" }) {
          causes.append(
            FieldError(
              field: field, type: "Invalid value", value: amount.invalidValueText,
              detail:
                "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"
            ))
        } else if (amount.percent ?? Int.max) > 100 {
          // `getPercentValue` reads the digits with `strconv.Atoi`, which clamps at its range.
          causes.append(
            FieldError(
              field: field, type: "Invalid value", value: amount.invalidValueText,
              detail: "must not be greater than 100%"))
        }
      }
    }
    if let selector { causes += Validation.labelSelector(selector, field: "spec.selector") }
    if let policy = unhealthyPodEvictionPolicy, policy != "IfHealthyBudget", policy != "AlwaysAllow" {
      causes.append(
        FieldError(
          field: "spec.unhealthyPodEvictionPolicy", type: "Unsupported value", value: Validation.quote(policy),
          detail: "supported values: \"AlwaysAllow\", \"IfHealthyBudget\""))
    }
    return causes
  }

  /// The budget as `kubectl get pdb -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    spec.set("maxUnavailable", maxUnavailable?.json)
    spec.set("minAvailable", minAvailable?.json)
    spec.set("selector", selector?.json)
    spec.set("unhealthyPodEvictionPolicy", unhealthyPodEvictionPolicy.map(JSONValue.string))
    var status = JSONObjectBuilder()
    if let condition = self.status.condition {
      status.set(
        "conditions",
        .array([
          {
            var entry = JSONObjectBuilder()
            entry.set("lastTransitionTime", .string(condition.lastTransitionTime.rfc3339))
            entry.set("message", .string(condition.message))
            // `observedGeneration,omitempty`: a condition set before the first sync has none.
            if condition.observedGeneration > 0 {
              entry.set("observedGeneration", .int(Int64(condition.observedGeneration)))
            }
            entry.set("reason", .string(condition.reason))
            entry.set("status", .string(condition.status.rawValue))
            entry.set("type", .string("DisruptionAllowed"))
            return entry.value
          }()
        ]))
    }
    status.set("currentHealthy", .int(Int64(self.status.currentHealthy)))
    status.set("desiredHealthy", .int(Int64(self.status.desiredHealthy)))
    if !self.status.disruptedPods.isEmpty {
      status.set(
        "disruptedPods",
        .object(self.status.disruptedPods.keys.sorted().map { ($0, .string(self.status.disruptedPods[$0]!.rfc3339)) }))
    }
    status.set("disruptionsAllowed", .int(Int64(self.status.disruptionsAllowed)))
    status.set("expectedPods", .int(Int64(self.status.expectedPods)))
    status.set("observedGeneration", self.status.observedGeneration.map { .int(Int64($0)) })
    return .object([
      ("apiVersion", .string("policy/v1")), ("kind", .string("PodDisruptionBudget")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", status.value),
    ])
  }
}

extension PodDisruptionBudget: StoredResource {
  public static let resource = ResourceType(
    plural: "poddisruptionbudgets", singular: "poddisruptionbudget", kind: "PodDisruptionBudget", group: "policy",
    shortNames: ["pdb"], namespaced: true)
  public static var store: KeyPath<Cluster, [String: PodDisruptionBudget]> { \.podDisruptionBudgets }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Cluster {
  /// Admits a new budget: validated, generation 1, status empty until the controller syncs.
  @discardableResult
  public mutating func createPodDisruptionBudget(_ budget: PodDisruptionBudget) throws(APIError)
    -> PodDisruptionBudget
  {
    var budget = budget
    budget.status = PodDisruptionBudget.Status()
    return try admitNew(budget, causes: budget.validate())
  }

  /// Replaces a budget's spec (apply); a changed spec bumps its generation.
  public mutating func updatePodDisruptionBudget(_ budget: PodDisruptionBudget) throws(APIError) {
    try replace(budget, causes: budget.validate()) {
      ($0.minAvailable, $0.maxUnavailable, $0.selector, $0.unhealthyPodEvictionPolicy)
        == ($1.minAvailable, $1.maxUnavailable, $1.selector, $1.unhealthyPodEvictionPolicy)
    }
  }

  /// Deletes a budget.
  public mutating func deletePodDisruptionBudget(_ name: String, namespace: String) throws(APIError) {
    try remove(PodDisruptionBudget.self, name, namespace: namespace)
  }
}
