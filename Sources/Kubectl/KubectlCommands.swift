import KubeSim

/// Runs one kubectl command: the arguments after its command path, the cluster and client it
/// acts on, and where it prints.
typealias CommandRunner =
  @Sendable (_ arguments: [String], _ context: inout CommandContext, _ output: inout OutputBuffer) throws(KubectlError)
  -> Void

/// The kubectl commands kubebook carries out, by kubectl's command path (`create deployment`,
/// `rollout status`). A new command costs one entry here; a path of kubectl's command tree
/// (``KubectlCommandTree``) with no entry is refused as not simulated, and the coverage table
/// (`guide/kubectl-coverage.md`) says so.
enum KubectlCommands {
  /// The runner of each simulated command path.
  static let runners: [String: CommandRunner] = [
    "get": GetCommand.run,
    "run": RunCommand.run,
    "apply": { (arguments, context, output) throws(KubectlError) in
      try ApplyCommand.run(arguments, mode: .apply, context: &context, output: &output)
    },
    "create": { (arguments, context, output) throws(KubectlError) in
      try ApplyCommand.run(arguments, mode: .create, context: &context, output: &output)
    },
    "create deployment": CreateDeploymentCommand.run,
    "create ingress": CreateIngressCommand.run,
    "create namespace": CreateNamespaceCommand.run,
    "create cronjob": CreateCronJobCommand.run,
    "create job": CreateJobCommand.run,
    "create configmap": { (arguments, context, output) throws(KubectlError) in
      try CreateConfigCommand.run(arguments, kind: .configMap, context: &context, output: &output)
    },
    "create secret generic": { (arguments, context, output) throws(KubectlError) in
      try CreateConfigCommand.run(arguments, kind: .secret, context: &context, output: &output)
    },
    "create secret docker-registry": CreateDockerRegistrySecretCommand.run,
    "create secret tls": CreateTLSSecretCommand.run,
    "create token": CreateTokenCommand.run,
    "create poddisruptionbudget": CreatePodDisruptionBudgetCommand.run,
    "create serviceaccount": CreateServiceAccountCommand.run,
    "create role": CreateRoleCommand.role,
    "create clusterrole": CreateRoleCommand.clusterRole,
    "create rolebinding": CreateRoleBindingCommand.roleBinding,
    "create clusterrolebinding": CreateRoleBindingCommand.clusterRoleBinding,
    "create quota": CreateQuotaCommand.run,
    "create priorityclass": CreatePriorityClassCommand.run,
    "auth": AuthCommand.run,
    "auth can-i": prefixed("can-i", AuthCommand.run),
    "create service": CreateServiceCommand.run,
    "create service clusterip": prefixed("clusterip", CreateServiceCommand.run),
    "create service nodeport": prefixed("nodeport", CreateServiceCommand.run),
    "create service loadbalancer": prefixed("loadbalancer", CreateServiceCommand.run),
    "create service externalname": prefixed("externalname", CreateServiceCommand.run),
    "options": { (_, _, output) throws(KubectlError) in output.write(KubectlHelpTexts.optionsList + "\n\n") },
    "autoscale": AutoscaleCommand.run,
    "wait": WaitCommand.run,
    "exec": ExecCommand.run,
    "expose": ExposeCommand.run,
    "scale": ScaleCommand.run,
    "describe": DescribeCommand.run,
    "label": { (arguments, context, output) throws(KubectlError) in
      try LabelCommand.run(arguments, target: .labels, context: &context, output: &output)
    },
    "annotate": { (arguments, context, output) throws(KubectlError) in
      try LabelCommand.run(arguments, target: .annotations, context: &context, output: &output)
    },
    "explain": { (arguments, context, output) throws(KubectlError) in
      try ExplainCommand.run(arguments, cluster: context.cluster, output: &output)
    },
    "logs": LogsCommand.run,
    "top": TopCommand.run,
    "top pod": prefixed("pod", TopCommand.run),
    "top node": prefixed("node", TopCommand.run),
    "cordon": { (arguments, context, output) throws(KubectlError) in
      try NodeCommands.cordon(arguments, unschedulable: true, context: &context, output: &output)
    },
    "uncordon": { (arguments, context, output) throws(KubectlError) in
      try NodeCommands.cordon(arguments, unschedulable: false, context: &context, output: &output)
    },
    "drain": NodeCommands.drain,
    "taint": TaintCommand.run,
    "set": SetCommand.run,
    "set image": SetImageCommand.run,
    "set env": SetEnvCommand.run,
    "set resources": SetResourcesCommand.run,
    "set serviceaccount": SetServiceAccountCommand.run,
    "set selector": SetSelectorCommand.run,
    "set subject": SetSubjectCommand.run,
    "rollout": RolloutCommand.run,
    "rollout history": prefixed("history", RolloutCommand.run),
    "rollout pause": prefixed("pause", RolloutCommand.run),
    "rollout restart": prefixed("restart", RolloutCommand.run),
    "rollout resume": prefixed("resume", RolloutCommand.run),
    "rollout status": prefixed("status", RolloutCommand.run),
    "rollout undo": prefixed("undo", RolloutCommand.run),
    "delete": DeleteCommand.run,
    "version": VersionCommand.run,
    "api-resources": APIResourcesCommand.run,
    "api-versions": { (arguments, context, output) throws(KubectlError) in
      try APIResourcesCommand.versions(arguments, cluster: context.cluster, output: &output)
    },
    "cluster-info": ClusterInfoCommand.run,
    "cluster-info dump": ClusterInfoDumpCommand.run,
    "config": ConfigCommand.run,
    "config view": prefixed("view", ConfigCommand.run),
    "config current-context": prefixed("current-context", ConfigCommand.run),
    "config get-contexts": prefixed("get-contexts", ConfigCommand.run),
    "config get-clusters": prefixed("get-clusters", ConfigCommand.run),
    "config get-users": prefixed("get-users", ConfigCommand.run),
    "config use-context": prefixed("use-context", ConfigCommand.run),
    "config set-context": prefixed("set-context", ConfigCommand.run),
    "config set-cluster": prefixed("set-cluster", ConfigCommand.run),
    "config set-credentials": prefixed("set-credentials", ConfigCommand.run),
    "config set": prefixed("set", ConfigCommand.run),
    "config unset": prefixed("unset", ConfigCommand.run),
    "config delete-cluster": prefixed("delete-cluster", ConfigCommand.run),
    "config delete-context": prefixed("delete-context", ConfigCommand.run),
    "config delete-user": prefixed("delete-user", ConfigCommand.run),
    "config rename-context": prefixed("rename-context", ConfigCommand.run),
    "patch": PatchCommand.run,
    "replace": ReplaceCommand.run,
    "diff": { (arguments, context, output) throws(KubectlError) in
      DiffCommand.run(arguments, context: &context, output: &output)
    },
    "edit": EditCommand.run,
    "events": EventsCommand.run,
    "port-forward": PortForwardCommand.run,
    "attach": AttachCommand.run,
    "cp": CopyCommand.run,
    "debug": DebugCommand.run,
    "completion": { (arguments, _, output) throws(KubectlError) in try CompletionCommand.run(arguments, output: &output)
    },
  ]

  /// A runner for a subcommand its parent's runner dispatches itself: `word` goes first.
  private static func prefixed(_ word: String, _ run: @escaping CommandRunner) -> CommandRunner {
    { (arguments, context, output) throws(KubectlError) in try run([word] + arguments, &context, &output) }
  }
}
