import KubeSim

/// `kubectl create priorityclass NAME --value=VALUE [--global-default] [--description]
/// [--preemption-policy]` (alias `pc`), built as kubectl's `create_priorityclass.go` builds it.
enum CreatePriorityClassCommand {
  /// Builds the class and prints it (dry run) or creates it.
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(
      command: "create priorityclass",
      specs: CreateGenerator.commonFlags + [
        .init(name: "value", short: nil, takesValue: true),
        .init(name: "global-default", short: nil, takesValue: false),
        .init(name: "description", short: nil, takesValue: true),
        .init(name: "preemption-policy", short: nil, takesValue: true),
      ]
    ).parse(arguments)
    // `Int32Var`: pflag reads the value with `strconv.ParseInt(s, 0, 32)`.
    var value = 0
    if let text = parsed.value("value") {
      switch GoStrconv.parseInt(text, base: 0, bits: 32) {
      case .success(let number): value = Int(number)
      case .failure(let error):
        throw .flag(
          "invalid argument \(Validation.quote(text)) for \"--value\" flag: \(error.message)",
          command: "create priorityclass")
      }
    }
    let name = try CreateGenerator.name(parsed, command: "priorityclass")
    let printing = try CreateGenerator.printing(parsed, context: context)
    guard !name.isEmpty else { throw .plain("name must be specified") }
    var priorityClass = PriorityClass(metadata: ObjectMeta(name: name), value: value)
    priorityClass.globalDefault = parsed.flag("global-default")
    priorityClass.description = parsed.value("description") ?? ""
    priorityClass.preemptionPolicy = parsed.value("preemption-policy") ?? "PreemptLowerPriority"
    var object = JSONObjectBuilder()
    object.set("kind", .string("PriorityClass"))
    object.set("apiVersion", .string("scheduling.k8s.io/v1"))
    object.set("metadata", DryRunObjects.metadata(name: name, namespace: nil).value)
    object.set("value", .int(Int64(value)))
    if priorityClass.globalDefault { object.set("globalDefault", .bool(true)) }
    if !priorityClass.description.isEmpty { object.set("description", .string(priorityClass.description)) }
    object.set("preemptionPolicy", .string(priorityClass.preemptionPolicy))
    try CreateGenerator.finish(
      object.value, qualified: "priorityclass.scheduling.k8s.io/\(name)", printing: printing,
      failurePrefix: "failed to create priorityclass: ", group: "scheduling.k8s.io", context: &context, output: &output
    ) { cluster throws(APIError) in try cluster.createPriorityClass(priorityClass) }
  }
}
