import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Numbers from command lines and manifests that used to trap (overflow, index out of
/// range): each now gets kubectl's or the API server's own error, or works as on a real
/// cluster.
@Suite struct BoundedInputTests {
  /// Flag errors the real kubectl prints before it would contact a server (so it never
  /// does): Go's `time.ParseDuration` and `strconv.ParseInt` texts in pflag's wrapping.
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "wait pod/x --for=condition=Ready --timeout=9999999999999999s",
      "wait pod/x --for=delete --timeout=3",
      "wait pod/x --for=delete --timeout=1d",
      "wait pod/x --for=delete --timeout=2562048h",
      "wait pod/x --for=delete --timeout=9223372036854775808ns",
      "wait pod/x --for=delete --timeout=x5s",
      "rollout status deploy/x --timeout=9999999999999999s",
      "logs p --since=99999999999999999999h",
      "drain worker-1 --timeout=9999999999999999s",
      "drain worker-1 --grace-period=99999999999999999999",
      "create ingress i --rule= --dry-run=client -o yaml",
      "create ingress i --rule=, --dry-run=client -o yaml",
      "create ingress i --rule=,tls --dry-run=client -o yaml",
      "create deployment x --image=nginx --replicas=4294967296 --dry-run=client -o yaml",
      "create deployment x --image=nginx --replicas=0x10 --dry-run=client -o yaml",
      "delete pod x --grace-period=99999999999999999999",
      "create service nodeport s --tcp=80 --node-port=99999999999999999999 --dry-run=client -o yaml",
      "run p --image=nginx --port=99999999999999999999 --dry-run=client -o yaml",
      "get pods --bogus",
      "logs p --tail=99999999999999999999",
      "logs p --tail=x",
      "scale deploy/x --replicas=99999999999999999999",
      "scale deploy/x --replicas=x",
      "scale deploy/x --replicas=-1",
      "scale deploy/x --current-replicas=99999999999999999999 --replicas=1",
      "autoscale deploy x --max=4294967296",
      "autoscale deploy x --max=5 --min=4294967296",
      "autoscale deploy x --max=5 --cpu-percent=4294967296",
      "autoscale deploy x --max=x",
      "create deployment x --image=nginx -r 2147483648 --dry-run=client -o yaml",
      "create deployment x --image=nginx --port=99999999999 --dry-run=client -o yaml",
      "create service clusterip s --tcp=70000:80 --dry-run=client -o yaml",
      "create service clusterip s --tcp=99999999999999999999:80 --dry-run=client -o yaml",
      "create service clusterip s --tcp=-1:80 --dry-run=client -o yaml",
      "create service clusterip s --tcp=0:80 --dry-run=client -o yaml",
      "set image deploy/x =",
      "rollout status deploy/x y",
    ])
  func matchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  /// The texts of the flag errors above, as the real kubectl v1.32 prints them.
  @Test func durationFlagErrors() {
    var terminal = Terminal()
    let huge = terminal.run("kubectl wait pod/x --for=condition=Ready --timeout=9999999999999999s")
    #expect(
      huge.output == """
        Error: invalid argument "9999999999999999s" for "--timeout" flag: time: invalid duration "9999999999999999s"
        See 'kubectl wait --help' for usage.

        """)
    #expect(huge.exitCode == 1)
    let rollout = terminal.run("kubectl rollout status deploy/x --timeout=9999999999999999s")
    #expect(
      rollout.output == """
        Error: invalid argument "9999999999999999s" for "--timeout" flag: time: invalid duration "9999999999999999s"
        See 'kubectl rollout status --help' for usage.

        """)
  }

  /// `sleep` of the virtual clock: past what one command may advance (3660 days, documented
  /// in content/simulator.md) it fails at once and no time passes; `inf` is refused the same way.
  @Test(arguments: ["sleep 9223372036854775807", "sleep 106751991167d", "sleep inf", "sleep 3661d", "sleep 1e400"])
  func sleepBeyondTheCap(command: String) {
    var terminal = Terminal()
    let before = terminal.cluster.now
    let result = terminal.run(command)
    #expect(result.exitCode == 1)
    #expect(
      result.output == "sleep: kubebook: the simulator advances virtual time by at most 3660 days per command\n")
    #expect(terminal.cluster.now == before)
  }

  /// coreutils reads the number with `strtod`: an exponent is allowed, a second point is not;
  /// a leading "-" is an option to getopt. Texts as `LC_ALL=C sleep ...` prints them.
  @Test func sleepNumbers() {
    var terminal = Terminal()
    let start = terminal.cluster.now
    #expect(terminal.run("sleep 1e3").exitCode == 0)
    #expect(terminal.run("sleep .5 1.5m").exitCode == 0)
    #expect(terminal.cluster.now.milliseconds(since: start) == 1_000_000 + 500 + 90_000)
    #expect(
      terminal.run("sleep -1").output == "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n")
    for bad in ["1..2", "1e", "e3", "x"] {
      #expect(
        terminal.run("sleep \(bad)").output
          == "sleep: invalid time interval '\(bad)'\nTry 'sleep --help' for more information.\n")
    }
  }

  /// `sleep infinity` keeps a container running forever, as on a real cluster.
  @Test(arguments: [
    "kubectl run p --image=busybox -- sleep inf", "kubectl run p --image=busybox -- sleep infinity",
    "kubectl run p --image=busybox --command -- sleep 9223372036854775807",
  ])
  func sleepInfinityRunsForever(command: String) {
    var terminal = Terminal()
    #expect(terminal.run(command).exitCode == 0)
    #expect(terminal.run("sleep 3650d").exitCode == 0)
    let pod = terminal.cluster.pod("p", namespace: "default")
    #expect(pod?.status.phase == .running)
    #expect(pod?.status.containerStatuses.first?.restartCount == 0)
    #expect(pod?.isReady == true)
  }

  @Test func sleepInfinityInAManifest() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "pod.yaml": """
        apiVersion: v1
        kind: Pod
        metadata:
          name: keep
        spec:
          containers:
          - name: c
            image: busybox
            command: ["sleep", "infinity"]
        """
      ]))
    #expect(terminal.run("kubectl apply -f pod.yaml").output == "pod/keep created\n")
    #expect(terminal.run("sleep 30d").exitCode == 0)
    let pod = terminal.cluster.pod("keep", namespace: "default")
    #expect(pod?.status.phase == .running)
    #expect(pod?.status.containerStatuses.first?.restartCount == 0)
  }

  /// A wait may name a deadline beyond the clock's cap (2562047h is the largest Go accepts);
  /// it ends when its condition holds, as kubectl's does.
  @Test func longTimeoutEndsWhenTheConditionHolds() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run p --image=nginx")
    let result = terminal.run("kubectl wait pod/p --for=condition=Ready --timeout=2562047h")
    #expect(result.output == "pod/p condition met\n")
    #expect(result.exitCode == 0)
  }

  /// A negative `--timeout` waits a week (kubectl wait's help: "Zero means check once and
  /// don't wait, negative means wait for a week"); the smallest Go accepts does not trap.
  @Test(arguments: ["-1s", "-2562047h"])
  func negativeTimeoutWaitsAWeek(timeout: String) {
    var terminal = Terminal()
    _ = terminal.run("kubectl run p --image=nginx")
    let start = terminal.cluster.now
    let result = terminal.run("kubectl wait pod/p --for=delete --timeout=\(timeout)")
    #expect(result.output == "error: timed out waiting for the condition on pods/p\n")
    #expect(terminal.cluster.now.milliseconds(since: start) == 168 * 3_600_000)
  }

  /// apimachinery parses `sim node add` quantities; past Int64 they clamp as its binary
  /// quantities do (quantity.go: "The max is just a simple cap").
  @Test func hugeNodeResources() {
    var terminal = Terminal()
    #expect(terminal.run("sim node add n cpu=99999999999999999").output == "node/n joined the cluster\n")
    #expect(terminal.run("sim node add m memory=99999999999Gi").output == "node/m joined the cluster\n")
    #expect(terminal.cluster.nodes["m"]?.status.memoryBytes == Int64.max)
    #expect(terminal.run("kubectl describe node n").exitCode == 0)
    #expect(terminal.run("kubectl describe node m").exitCode == 0)
    #expect(terminal.run("kubectl top nodes").exitCode == 0)
  }

  /// Negative capacities are refused with the API server's text for negative quantities
  /// (`isNegativeErrorMsg`, pkg/apis/core/validation/validation.go), exit 1 like other sim
  /// errors; text that is no quantity gets apimachinery's ErrFormatWrong.
  @Test func badNodeResources() {
    var terminal = Terminal()
    let cpu = terminal.run("sim node add n cpu=-1")
    #expect(cpu.output == "sim: invalid cpu \"-1\": must be greater than or equal to 0\n")
    #expect(cpu.exitCode == 1)
    let memory = terminal.run("sim node add n memory=-1Gi")
    #expect(memory.output == "sim: invalid memory \"-1Gi\": must be greater than or equal to 0\n")
    #expect(memory.exitCode == 1)
    let infinite = terminal.run("sim node add n cpu=inf")
    #expect(
      infinite.output
        == "sim: invalid cpu \"inf\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"
    )
    #expect(terminal.cluster.nodes["n"] == nil)
  }

  /// `sim load` past Int64 saturates: 9Ei cores is apimachinery's cap (2^63-1), spread
  /// evenly over the ready pods as guide/reference.md says; `kubectl top`, the node sums and
  /// the HPA's arithmetic over it do not trap.
  @Test func loadBounds() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "x.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: x
        spec:
          replicas: 2
          selector:
            matchLabels: {app: x}
          template:
            metadata:
              labels: {app: x}
            spec:
              containers:
              - name: c
                image: nginx
                resources:
                  requests: {cpu: 1m}
        """
      ]))
    _ = terminal.run("kubectl apply -f x.yaml")
    _ = terminal.run("kubectl autoscale deployment x --max=2147483647 --cpu-percent=1")
    _ = terminal.run("kubectl rollout status deployment/x")
    let infinite = terminal.run("sim load deploy/x cpu=inf")
    #expect(
      infinite.output
        == "sim: invalid cpu \"inf\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"
    )
    #expect(infinite.exitCode == 1)
    #expect(terminal.run("sim load deploy/x cpu=9Ei").exitCode == 0)
    #expect(terminal.run("sleep 5m").exitCode == 0)
    let pods = terminal.run("kubectl top pods")
    #expect(pods.exitCode == 0)
    // The saturated demand is spread evenly over the ready pods (however many the HPA has added
    // by now): equal shares, none past the per-pod cap of Int64.max / 2, adding up without
    // overflow.
    let shares = pods.output.split(separator: "\n").dropFirst().compactMap { row in
      row.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int64($0.dropLast()) }
    }
    #expect(!shares.isEmpty && Set(shares).count == 1)
    #expect(shares.allSatisfy { $0 > 0 && $0 <= Int64.max / 2 })
    let total = shares.reduce((Int64(0), false)) { sum, share in
      let next = sum.0.addingReportingOverflow(share)
      return (next.partialValue, sum.1 || next.overflow)
    }
    #expect(!total.1)
    #expect(terminal.run("kubectl top nodes").exitCode == 0)
    #expect(terminal.run("kubectl describe hpa x").exitCode == 0)
    #expect(terminal.run("sim load deploy/x cpu=9223372036854775807%").exitCode == 0)
    #expect(terminal.run("sim load deploy/x cpu=9223372036854775808%").exitCode == 1)
    #expect(terminal.run("sleep 1m").exitCode == 0)
    #expect(terminal.run("kubectl get hpa").exitCode == 0)
  }

  /// The API server's decode error (apiserver `transformDecodeError`, endpoints/handlers/
  /// rest.go, around Go's encoding/json error) for a number where ConfigMap.data wants a
  /// string.
  @Test func numbersInConfigMapData() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  big: 1e20\n",
        "flag.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  on: true\n",
      ]))
    let number = terminal.run("kubectl apply -f cm.yaml")
    #expect(
      number.output
        == "Error from server (BadRequest): error when creating \"cm.yaml\": ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string\n"
    )
    #expect(number.exitCode == 1)
    let flag = terminal.run("kubectl apply -f flag.yaml")
    #expect(
      flag.output
        == "Error from server (BadRequest): error when creating \"flag.yaml\": ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string\n"
    )
  }

  /// Labels, annotations and selectors are string maps too: the API server names the
  /// struct and the JSON path ("Go struct field LabelSelector.spec.selector.matchLabels of
  /// type string" is the text users meet for `matchLabels: {version: 2}`).
  @Test func numbersInStringMaps() {
    let deployment = { (label: String) in
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: d
        labels: {tier: \(label)}
      spec:
        selector:
          matchLabels: {version: 2}
        template:
          metadata:
            labels: {version: "2"}
          spec:
            containers:
            - name: c
              image: nginx
      """
    }
    var terminal = Terminal(
      files: VirtualDirectory(files: ["a.yaml": deployment("\"1\""), "b.yaml": deployment("1")]))
    let prefix =
      "Error from server (BadRequest): error when creating \"%\": Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field "
    #expect(
      terminal.run("kubectl apply -f a.yaml").output
        == prefix.replacing("%", with: "a.yaml") + "LabelSelector.spec.selector.matchLabels of type string\n")
    // metadata comes before spec in the sorted JSON, so its error is the one reported.
    #expect(
      terminal.run("kubectl apply -f b.yaml").output
        == prefix.replacing("%", with: "b.yaml") + "ObjectMeta.metadata.labels of type string\n")
  }

  /// `command`, `args` and env values are strings: `command: ["sleep", 3600]` is refused,
  /// as "json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.
  /// containers.env.value of type string" is for an env value.
  @Test func numbersInCommandsAndEnv() {
    let pod = { (container: String) in
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n"
        + container
    }
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "command.yaml": pod("    command: [\"sleep\", 3600]\n"),
        "args.yaml": pod("    args: \"sleep 10\"\n"),
        "env.yaml": pod(
          "    command: [\"sleep\", \"3600\"]\n    env:\n    - name: A\n      value: \"1\"\n    - name: PORT\n      value: 8080\n"
        ),
      ]))
    let prefix =
      "Error from server (BadRequest): error when creating \"%\": Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal "
    #expect(
      terminal.run("kubectl apply -f command.yaml").output
        == prefix.replacing("%", with: "command.yaml")
        + "number into Go struct field Container.spec.containers.command of type string\n")
    #expect(
      terminal.run("kubectl apply -f args.yaml").output
        == prefix.replacing("%", with: "args.yaml")
        + "string into Go struct field Container.spec.containers.args of type []string\n")
    #expect(
      terminal.run("kubectl apply -f env.yaml").output
        == prefix.replacing("%", with: "env.yaml")
        + "number into Go struct field EnvVar.spec.containers.env.value of type string\n")
    #expect(terminal.cluster.pod("p", namespace: "default") == nil)
  }

  /// `int32` fields hold what Go's `encoding/json` puts in an int32 (decode.go: "json: cannot
  /// unmarshal " + Value + " into Go struct field " + Struct + "." + Field + " of type " +
  /// Type, the field path without list indices); kubectl sends the JSON with sorted keys, so
  /// the first refusal in that order is the one reported.
  @Test func int32Fields() {
    let deployment = { (spec: String) in
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: d
      spec:
        \(spec)
        selector:
          matchLabels: {app: d}
        template:
          metadata:
            labels: {app: d}
          spec:
            containers:
            - name: c
              image: nginx
              readinessProbe:
                httpGet: {port: 80}
                periodSeconds: 4294967296
      """
    }
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "wide.yaml": deployment("replicas: 4294967296"),
        "float.yaml": deployment("replicas: 1e20"),
        "order.yaml": deployment("replicas: 4294967296\n  minReadySeconds: 2147483648"),
        "probe.yaml": deployment("replicas: 2"),
        "text.yaml": deployment("replicas: \"3\""),
      ]))
    func expected(_ file: String, _ rest: String) -> String {
      "Error from server (BadRequest): error when creating \"\(file)\": Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal "
        + rest + "\n"
    }
    #expect(
      terminal.run("kubectl apply -f wide.yaml").output
        == expected("wide.yaml", "number 4294967296 into Go struct field DeploymentSpec.spec.replicas of type int32"))
    #expect(
      terminal.run("kubectl apply -f float.yaml").output
        == expected(
          "float.yaml", "number 100000000000000000000 into Go struct field DeploymentSpec.spec.replicas of type int32"))
    #expect(
      terminal.run("kubectl apply -f order.yaml").output
        == expected(
          "order.yaml", "number 2147483648 into Go struct field DeploymentSpec.spec.minReadySeconds of type int32"))
    #expect(
      terminal.run("kubectl apply -f probe.yaml").output
        == expected(
          "probe.yaml",
          "number 4294967296 into Go struct field Probe.spec.template.spec.containers.readinessProbe.periodSeconds of type int32"
        ))
    #expect(
      terminal.run("kubectl apply -f text.yaml").output
        == expected("text.yaml", "string into Go struct field DeploymentSpec.spec.replicas of type int32"))
    #expect(terminal.cluster.deployments["default/d"] == nil)
  }

  /// The other int32 fields, each named by its Go struct and JSON path; a CronJob's job
  /// template is decoded at its own path, and the version is apiVersion's (`v2`).
  @Test(
    arguments: [
      (
        "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  completions: 4294967296\n"
          + "  template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}\n",
        "Job in version \"v1\" cannot be handled as a Job: json: cannot unmarshal number 4294967296 into Go struct field JobSpec.spec.completions of type int32"
      ),
      (
        "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: \"* * * * *\"\n"
          + "  jobTemplate: {spec: {parallelism: 4294967296, template: {spec: {restartPolicy: Never, "
          + "containers: [{name: c, image: busybox}]}}}}\n",
        "CronJob in version \"v1\" cannot be handled as a CronJob: json: cannot unmarshal number 4294967296 into Go struct field JobSpec.spec.jobTemplate.spec.parallelism of type int32"
      ),
      (
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}, {port: 4294967296}]\n",
        "Service in version \"v1\" cannot be handled as a Service: json: cannot unmarshal number 4294967296 into Go struct field ServicePort.spec.ports.port of type int32"
      ),
      (
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n"
          + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}\n  maxReplicas: 1.5\n",
        "HorizontalPodAutoscaler in version \"v2\" cannot be handled as a HorizontalPodAutoscaler: json: cannot unmarshal number 1.5 into Go struct field HorizontalPodAutoscalerSpec.spec.maxReplicas of type int32"
      ),
      (
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  serviceName: s\n"
          + "  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: -2147483649}}\n"
          + "  selector: {matchLabels: {app: s}}\n"
          + "  template: {metadata: {labels: {app: s}}, spec: {containers: [{name: c, image: nginx}]}}\n",
        "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: json: cannot unmarshal number -2147483649 into Go struct field RollingUpdateStatefulSetStrategy.spec.updateStrategy.rollingUpdate.partition of type int32"
      ),
    ])
  func moreInt32Fields(manifest: String, error: String) {
    var terminal = Terminal(files: VirtualDirectory(files: ["m.yaml": manifest]))
    let result = terminal.run("kubectl apply -f m.yaml")
    #expect(result.output == "Error from server (BadRequest): error when creating \"m.yaml\": \(error)\n")
    #expect(result.exitCode == 1)
  }

  /// `maxSurge`/`maxUnavailable` are `IntOrString`: a number goes into an int32 (refused past
  /// it, with the field's context as encoding/json's addErrorContext adds it), while a
  /// percentage may be any whole number and the arithmetic over it saturates.
  @Test func surgeBounds() {
    let deployment = { (name: String, surge: String) in
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: \(name)
      spec:
        replicas: 3
        strategy:
          rollingUpdate:
            maxSurge: \(surge)
        selector:
          matchLabels: {app: \(name)}
        template:
          metadata:
            labels: {app: \(name)}
          spec:
            containers:
            - name: c
              image: nginx
      """
    }
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "number.yaml": deployment("number", "9223372036854775807"),
        "percent.yaml": deployment("percent", "\"9223372036854775807%\""),
      ]))
    #expect(
      terminal.run("kubectl apply -f number.yaml").output
        == "Error from server (BadRequest): error when creating \"number.yaml\": Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal number 9223372036854775807 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32\n"
    )
    #expect(terminal.run("kubectl apply -f percent.yaml").output == "deployment.apps/percent created\n")
    #expect(terminal.run("kubectl rollout status deployment/percent").exitCode == 0)
    #expect(terminal.run("kubectl set image deployment/percent c=nginx:1.27").exitCode == 0)
    #expect(terminal.run("kubectl scale deployment/percent --replicas=5").exitCode == 0)
    let status = terminal.run("kubectl rollout status deployment/percent")
    #expect(status.output.hasSuffix("deployment \"percent\" successfully rolled out\n"))
    #expect(terminal.cluster.deployments["default/percent"]?.status.updatedReplicas == 5)
  }

  /// Quantities in `resources:`: a malformed one is the API server's decode error around
  /// apimachinery's ErrFormatWrong; an enormous but well-formed one is accepted and simply
  /// fits no node.
  @Test func quantitiesInManifests() {
    let pod = { (name: String, resources: String) in
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: \(name)
      spec:
        containers:
        - name: c
          image: nginx
          resources:
            \(resources)
      """
    }
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "bad.yaml": pod("bad", "limits: {memory: 1e30Gi}"),
        "huge.yaml": pod("huge", "requests: {cpu: \"1e30\", memory: 1e30}"),
      ]))
    let bad = terminal.run("kubectl apply -f bad.yaml")
    #expect(
      bad.output
        == "Error from server (BadRequest): error when creating \"bad.yaml\": Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"
    )
    #expect(bad.exitCode == 1)
    #expect(terminal.run("kubectl apply -f huge.yaml").output == "pod/huge created\n")
    #expect(terminal.run("sleep 10").exitCode == 0)
    #expect(terminal.cluster.pod("huge", namespace: "default")?.status.phase == .pending)
    #expect(terminal.run("kubectl describe pod huge").exitCode == 0)
    #expect(terminal.run("kubectl describe nodes").exitCode == 0)
  }

  /// `ValidateResourceRequirements` (pkg/apis/core/validation/validation.go): a negative
  /// quantity is `IsNegativeErrorMsg`, a request above its limit names the limit; the
  /// defaulted request (copied from the limit) is checked too.
  @Test func negativeAndOverLimitResources() {
    let pod = { (resources: String) in
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
        + "    resources: \(resources)\n"
    }
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "negative.yaml": pod("{limits: {cpu: \"-1\", memory: -1Gi}}"),
        "over.yaml": pod("{limits: {cpu: \"1\"}, requests: {cpu: 1500m}}"),
      ]))
    let negative = terminal.run("kubectl apply -f negative.yaml")
    #expect(
      negative.output
        == "The Pod \"p\" is invalid: \n"
        + "* spec.containers[0].resources.limits[cpu]: Invalid value: \"-1\": must be greater than or equal to 0\n"
        + "* spec.containers[0].resources.limits[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0\n"
        + "* spec.containers[0].resources.requests[cpu]: Invalid value: \"-1\": must be greater than or equal to 0\n"
        + "* spec.containers[0].resources.requests[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0\n"
    )
    #expect(negative.exitCode == 1)
    #expect(
      terminal.run("kubectl apply -f over.yaml").output
        == "The Pod \"p\" is invalid: spec.containers[0].resources.requests: Invalid value: \"1500m\": must be less than or equal to cpu limit of 1\n"
    )
  }

  /// Deep nesting stops at libyaml's 1000 levels with a clear error instead of a crash (or
  /// the silence of "no objects passed to apply").
  @Test(arguments: [("[", "]"), ("{a: ", "}")])
  func deepNesting(open: String, close: String) {
    let depth = 10_000
    let value = String(repeating: open, count: depth) + String(repeating: close, count: depth)
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "deep.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\ndata:\n  x: \(value)\n"
      ]))
    let result = terminal.run("kubectl apply -f deep.yaml")
    #expect(
      result.output
        == "error: error parsing deep.yaml: error converting YAML to JSON: yaml: line 6: the document nests more than 1000 levels deep; kubebook refuses it\n"
    )
    #expect(result.exitCode == 1)
  }

  /// A YAML error in a later document is reported, not dropped.
  @Test func errorsInLaterDocumentsAreReported() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "two.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\nkey: [unclosed\n"
      ]))
    let result = terminal.run("kubectl apply -f two.yaml")
    #expect(result.exitCode == 1)
    #expect(result.output.hasPrefix("error: error parsing two.yaml: error converting YAML to JSON: yaml: line "))
    #expect(terminal.cluster.configMaps["default/a"] == nil)
  }

  /// Floats as the real kubectl prints them: `kubectl annotate --local -f thing.yaml x=y -o
  /// yaml` (and `-o json`) on a manifest holding these numbers (kubectl v1.32.4).
  @Test(
    arguments: [
      (1e20, "100000000000000000000", "1e+20"), (1_000_000.5, "1000000.5", "1.0000005e+06"), (0.5, "0.5", "0.5"),
      (1e21, "1e+21", "1e+21"), (0.0000001, "1e-7", "1e-07"), (5.0, "5", "5"),
      (123_456_789.0, "123456789", "123456789"),
      (-0.000001, "-0.000001", "-1e-06"),
    ] as [(Double, String, String)])
  func floats(value: Double, json: String, yaml: String) {
    #expect(GoFormat.jsonFloat(value) == json)
    #expect(GoFormat.yamlFloat(value) == yaml)
  }
}
