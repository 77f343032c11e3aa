import KubeSim

/// Runs one kubectl command: the arguments after its command path, the cluster and client it
/// acts on, and where it prints.
typealias CommandRunner =
  @Sendable (_ arguments: [String], _ context: inout CommandContext, _ output: inout OutputBuffer) throws(KubectlError)
  -> Void

/// The kubectl commands kubebook carries out, by kubectl's command path (`create deployment`,
/// `rollout status`). A new command costs one entry here; a path of kubectl's command tree
/// (``KubectlCommandTree``) with no entry is refused as not simulated, and the coverage table
/// (`docs/kubectl-coverage.md`) says so.
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
    "create poddisruptionbudget": CreatePodDisruptionBudgetCommand.run,
    "create serviceaccount": CreateServiceAccountCommand.run,
    "create role": CreateRoleCommand.role,
    "create clusterrole": CreateRoleCommand.clusterRole,
    "create rolebinding": CreateRoleBindingCommand.roleBinding,
    "create clusterrolebinding": CreateRoleBindingCommand.clusterRoleBinding,
    "create quota": CreateQuotaCommand.run,
    "create priorityclass": CreatePriorityClassCommand.run,
    "auth": AuthCommand.run,
    "auth can-i": { (arguments, context, output) throws(KubectlError) in
      try AuthCommand.run(["can-i"] + arguments, context: &context, output: &output)
    },
    "create service": CreateServiceCommand.run,
    "create service clusterip": { (arguments, context, output) throws(KubectlError) in
      try CreateServiceCommand.run(["clusterip"] + arguments, context: &context, output: &output)
    },
    "create service nodeport": { (arguments, context, output) throws(KubectlError) in
      try CreateServiceCommand.run(["nodeport"] + arguments, context: &context, output: &output)
    },
    "create service loadbalancer": { (arguments, context, output) throws(KubectlError) in
      try CreateServiceCommand.run(["loadbalancer"] + arguments, context: &context, output: &output)
    },
    "create service externalname": { (arguments, context, output) throws(KubectlError) in
      try CreateServiceCommand.run(["externalname"] + arguments, context: &context, output: &output)
    },
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
    "explain": { (arguments, _, output) throws(KubectlError) in try ExplainCommand.run(arguments, output: &output) },
    "logs": LogsCommand.run,
    "top": TopCommand.run,
    "top pod": { (arguments, context, output) throws(KubectlError) in
      try TopCommand.run(["pod"] + arguments, context: &context, output: &output)
    },
    "top node": { (arguments, context, output) throws(KubectlError) in
      try TopCommand.run(["node"] + arguments, context: &context, output: &output)
    },
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
    "rollout": RolloutCommand.run,
    "rollout history": { (arguments, context, output) throws(KubectlError) in
      try RolloutCommand.run(["history"] + arguments, context: &context, output: &output)
    },
    "rollout pause": { (arguments, context, output) throws(KubectlError) in
      try RolloutCommand.run(["pause"] + arguments, context: &context, output: &output)
    },
    "rollout restart": { (arguments, context, output) throws(KubectlError) in
      try RolloutCommand.run(["restart"] + arguments, context: &context, output: &output)
    },
    "rollout resume": { (arguments, context, output) throws(KubectlError) in
      try RolloutCommand.run(["resume"] + arguments, context: &context, output: &output)
    },
    "rollout status": { (arguments, context, output) throws(KubectlError) in
      try RolloutCommand.run(["status"] + arguments, context: &context, output: &output)
    },
    "rollout undo": { (arguments, context, output) throws(KubectlError) in
      try RolloutCommand.run(["undo"] + arguments, context: &context, output: &output)
    },
    "delete": DeleteCommand.run,
    "version": VersionCommand.run,
    "api-resources": APIResourcesCommand.run,
    "api-versions": { (arguments, _, output) throws(KubectlError) in
      try APIResourcesCommand.versions(arguments, output: &output)
    },
    "cluster-info": ClusterInfoCommand.run,
    "config": ConfigCommand.run,
    "config view": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["view"] + arguments, context: &context, output: &output)
    },
    "config current-context": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["current-context"] + arguments, context: &context, output: &output)
    },
    "config get-contexts": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["get-contexts"] + arguments, context: &context, output: &output)
    },
    "config get-clusters": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["get-clusters"] + arguments, context: &context, output: &output)
    },
    "config get-users": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["get-users"] + arguments, context: &context, output: &output)
    },
    "config use-context": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["use-context"] + arguments, context: &context, output: &output)
    },
    "config set-context": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["set-context"] + arguments, context: &context, output: &output)
    },
    "config set-cluster": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["set-cluster"] + arguments, context: &context, output: &output)
    },
    "config set-credentials": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["set-credentials"] + arguments, context: &context, output: &output)
    },
    "config set": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["set"] + arguments, context: &context, output: &output)
    },
    "config unset": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["unset"] + arguments, context: &context, output: &output)
    },
    "config delete-cluster": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["delete-cluster"] + arguments, context: &context, output: &output)
    },
    "config delete-context": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["delete-context"] + arguments, context: &context, output: &output)
    },
    "config delete-user": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["delete-user"] + arguments, context: &context, output: &output)
    },
    "config rename-context": { (arguments, context, output) throws(KubectlError) in
      try ConfigCommand.run(["rename-context"] + arguments, context: &context, output: &output)
    },
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
}
