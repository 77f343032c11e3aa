/// `spec.behavior` of an autoscaling/v2 HorizontalPodAutoscaler, as the API server stores it:
/// both directions' rules filled in from the defaults of `pkg/apis/autoscaling/v2/defaults.go`
/// (`SetDefaults_HorizontalPodAutoscalerBehavior`), which fill only a behavior that is set.
public struct HorizontalPodAutoscalerBehavior: Sendable, Equatable {
  /// One `policies` entry: at most `value` pods (`Pods`) or percent (`Percent`) per `periodSeconds`.
  public struct Policy: Sendable, Equatable {
    /// `Pods` or `Percent`.
    public var type: String
    public var value: Int
    public var periodSeconds: Int

    /// Creates a policy.
    public init(type: String, value: Int, periodSeconds: Int) {
      self.type = type
      self.value = value
      self.periodSeconds = periodSeconds
    }

    /// The policy as `-o yaml` shows it.
    var json: JSONValue {
      .object([
        ("periodSeconds", .int(Int64(periodSeconds))), ("type", .string(type)), ("value", .int(Int64(value))),
      ])
    }
  }

  /// `HPAScalingRules`: one direction's stabilization window, policy selection and policies.
  public struct Rules: Sendable, Equatable {
    /// nil only for scale-down, where the controller reads it as its own 300 s window.
    public var stabilizationWindowSeconds: Int?
    /// `Max`, `Min` or `Disabled`.
    public var selectPolicy: String
    public var policies: [Policy]

    /// Creates rules.
    public init(stabilizationWindowSeconds: Int?, selectPolicy: String, policies: [Policy]) {
      self.stabilizationWindowSeconds = stabilizationWindowSeconds
      self.selectPolicy = selectPolicy
      self.policies = policies
    }

    /// `defaultHPAScaleUpRules`: no window, `Max`, 4 pods or 100% every 15 s.
    public static let scaleUpDefaults = Rules(
      stabilizationWindowSeconds: 0, selectPolicy: "Max",
      policies: [
        Policy(type: "Pods", value: 4, periodSeconds: 15), Policy(type: "Percent", value: 100, periodSeconds: 15),
      ])
    /// `defaultHPAScaleDownRules`: the controller's window, `Max`, 100% every 15 s.
    public static let scaleDownDefaults = Rules(
      stabilizationWindowSeconds: nil, selectPolicy: "Max",
      policies: [Policy(type: "Percent", value: 100, periodSeconds: 15)])

    /// `copyHPAScalingRules`: each field given replaces the default's.
    public static func filled(
      stabilizationWindowSeconds: Int?, selectPolicy: String?, policies: [Policy]?, over defaults: Rules
    ) -> Rules {
      Rules(
        stabilizationWindowSeconds: stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
        selectPolicy: selectPolicy ?? defaults.selectPolicy, policies: policies ?? defaults.policies)
    }

    /// The longest policy period (`getLongestPolicyPeriod`), in seconds.
    var longestPeriodSeconds: Int { policies.map(\.periodSeconds).max() ?? 0 }

    /// The rules as `-o yaml` shows them.
    var json: JSONValue {
      var rules = JSONObjectBuilder()
      rules.set("policies", .array(policies.map(\.json)))
      rules.set("selectPolicy", .string(selectPolicy))
      rules.set("stabilizationWindowSeconds", stabilizationWindowSeconds.map { .int(Int64($0)) })
      return rules.value
    }
  }

  public var scaleUp: Rules
  public var scaleDown: Rules

  /// Creates a behavior; a direction left out gets its defaults.
  public init(scaleUp: Rules = .scaleUpDefaults, scaleDown: Rules = .scaleDownDefaults) {
    self.scaleUp = scaleUp
    self.scaleDown = scaleDown
  }

  /// The behavior as `-o yaml` shows it.
  var json: JSONValue { .object([("scaleDown", scaleDown.json), ("scaleUp", scaleUp.json)]) }

  /// `validateBehavior` of `pkg/apis/autoscaling/validation/validation.go`, scale-up first.
  func validate() -> [FieldError] {
    Self.validate(scaleUp, path: "spec.behavior.scaleUp") + Self.validate(scaleDown, path: "spec.behavior.scaleDown")
  }

  /// `validateScalingRules` and `validateScalingPolicy`: windows of 0 to 3600 s, a known
  /// select policy, at least one policy, each of a known type with a positive value and a
  /// period of 1 to 1800 s.
  static func validate(_ rules: Rules, path: String) -> [FieldError] {
    var causes: [FieldError] = []
    if let window = rules.stabilizationWindowSeconds, window < 0 || window > 3600 {
      causes.append(
        FieldError(
          field: path + ".stabilizationWindowSeconds", type: "Invalid value", value: String(window),
          detail: window < 0 ? "must be greater than or equal to zero" : "must be less than or equal to 3600"))
    }
    if !["Max", "Min", "Disabled"].contains(rules.selectPolicy) {
      causes.append(
        FieldError(
          field: path + ".selectPolicy", type: "Unsupported value", value: Validation.quote(rules.selectPolicy),
          detail: "supported values: \"Disabled\", \"Max\", \"Min\""))
    }
    if rules.policies.isEmpty {
      causes.append(
        FieldError(field: path + ".policies", type: "Required value", detail: "must specify at least one Policy"))
    }
    for (index, policy) in rules.policies.enumerated() {
      let policyPath = "\(path).policies[\(index)]"
      if policy.type != "Pods" && policy.type != "Percent" {
        causes.append(
          FieldError(
            field: policyPath + ".type", type: "Unsupported value", value: Validation.quote(policy.type),
            detail: "supported values: \"Percent\", \"Pods\""))
      }
      if policy.value <= 0 {
        causes.append(
          FieldError(
            field: policyPath + ".value", type: "Invalid value", value: String(policy.value),
            detail: "must be greater than zero"))
      }
      if policy.periodSeconds <= 0 || policy.periodSeconds > 1800 {
        causes.append(
          FieldError(
            field: policyPath + ".periodSeconds", type: "Invalid value", value: String(policy.periodSeconds),
            detail: policy.periodSeconds <= 0 ? "must be greater than zero" : "must be less than or equal to 1800"))
      }
    }
    return causes
  }
}
