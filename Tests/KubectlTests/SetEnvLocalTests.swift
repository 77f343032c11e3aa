import Foundation
import KubeSim
import Kubectl
import TestSupport
import Testing

/// `kubectl set env` and `kubectl set resources` with `--local`, against the real kubectl
/// binary on the same files: the edited objects as kubectl's typed decoding prints them, the
/// listings, warnings and kubectl's errors.
@Suite struct SetEnvLocalTests {
  /// The manifests both kubectls read (the ConfigMap has one key: kubectl ranges over a Go
  /// map, in random order).
  static let manifests: [String: String] = [
    "deploy.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 2
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            env:
            - name: B
              value: "2"
          - name: side
            image: busybox
    """,
    "kinds.yaml": """
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
      - name: c
        image: nginx
    ---
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: rs
    spec:
      selector:
        matchLabels: {app: x}
      template:
        metadata:
          labels: {app: x}
        spec:
          containers:
          - name: c
            image: nginx
    ---
    apiVersion: v1
    kind: ReplicationController
    metadata:
      name: rc
    spec:
      template:
        metadata:
          labels: {app: x}
        spec:
          containers:
          - name: c
            image: nginx
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: ds
    spec:
      selector:
        matchLabels: {app: x}
      template:
        metadata:
          labels: {app: x}
        spec:
          containers:
          - name: c
            image: nginx
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: sts
    spec:
      selector:
        matchLabels: {app: x}
      template:
        metadata:
          labels: {app: x}
        spec:
          containers:
          - name: c
            image: nginx
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: j
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: c
            image: nginx
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: cj
    spec:
      schedule: "* * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: c
                image: nginx
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cm
    data:
      a: b
    """,
    "kinds-env.yaml": """
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
      - name: c
        env: [{name: B, value: "1"}]
        image: nginx
    ---
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: rs
    spec:
      selector:
        matchLabels: {app: x}
      template:
        metadata:
          labels: {app: x}
        spec:
          containers:
          - name: c
            env: [{name: B, value: "1"}]
            image: nginx
    ---
    apiVersion: v1
    kind: ReplicationController
    metadata:
      name: rc
    spec:
      template:
        metadata:
          labels: {app: x}
        spec:
          containers:
          - name: c
            env: [{name: B, value: "1"}]
            image: nginx
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: ds
    spec:
      selector:
        matchLabels: {app: x}
      template:
        metadata:
          labels: {app: x}
        spec:
          containers:
          - name: c
            env: [{name: B, value: "1"}]
            image: nginx
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: sts
    spec:
      selector:
        matchLabels: {app: x}
      template:
        metadata:
          labels: {app: x}
        spec:
          containers:
          - name: c
            env: [{name: B, value: "1"}]
            image: nginx
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: j
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: c
            env: [{name: B, value: "1"}]
            image: nginx
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: cj
    spec:
      schedule: "* * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: c
                env: [{name: B, value: "1"}]
                image: nginx
    """,
    "refs.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: refs
      namespace: shop
    spec:
      selector:
        matchLabels: {app: refs}
      template:
        metadata:
          labels: {app: refs}
        spec:
          initContainers:
          - name: init-db
            image: busybox
          containers:
          - name: app
            image: nginx
            resources:
              limits: {cpu: "1", memory: 1Gi}
            env:
            - name: PLAIN
              value: x
            - name: EMPTY
            - name: FROM_CM
              valueFrom:
                configMapKeyRef: {name: cfg, key: color}
            - name: FROM_SECRET
              valueFrom:
                secretKeyRef: {name: s, key: password}
            - name: NODE
              valueFrom:
                fieldRef: {fieldPath: spec.nodeName}
            - name: MEM
              valueFrom:
                resourceFieldRef: {containerName: app, resource: limits.memory}
          - name: app-sidecar
            image: busybox
    """,
    "ingress.yaml": """
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata:
      name: i
    spec:
      defaultBackend:
        service: {name: s, port: {number: 80}}
    """,
    "cm.yaml": """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg
    data:
      log.level: debug
    """,
  ]

  static let envCases: [[String]] = [
    ["-f", "deploy.yaml", "A=1", "B-", "-o", "yaml"],
    ["-f", "deploy.yaml", "A=1", "B-"],
    ["-f", "deploy.yaml", "--list"],
    ["-f", "deploy.yaml", "-e", "X=1", "-e", "Y=2", "--list"],
    ["-f", "deploy.yaml", "-c", "side", "A=1", "-o", "yaml"],
    ["-f", "deploy.yaml", "-c", "s*", "A=1", "-o", "yaml"],
    ["-f", "deploy.yaml", "-c", "*x", "A=1", "-o", "yaml"],
    ["-f", "deploy.yaml", "-c", "nope", "A=1", "-o", "yaml"],
    ["-f", "deploy.yaml", "--overwrite=false", "B=3"],
    ["-f", "deploy.yaml", "--overwrite=false", "B=2"],
    ["-f", "deploy.yaml", "--prefix=P_", "A=1", "-o", "yaml"],
    ["-f", "deploy.yaml", "B=2", "-c", "nginx"],
    ["-f", "deploy.yaml", "B-", "-o", "yaml"],
    ["-f", "deploy.yaml", "A=", "-o", "yaml"],
    ["-f", "deploy.yaml", "A=1", "-o", "name"],
    ["-f", "deploy.yaml", "A=1", "--dry-run=client"],
    ["-f", "deploy.yaml", "A=a=b", "-o", "yaml"],
    ["-f", "deploy.yaml", "A"],
    ["-f", "deploy.yaml"],
    ["-f", "deploy.yaml", "A=1", "deployment/web"],
    ["-f", "deploy.yaml", "1A=1"],
    ["-f", "deploy.yaml", "-e", "=x"],
    ["-f", "deploy.yaml", "A=1", "A-"],
    ["-f", "deploy.yaml", "--list", "-o", "yaml"],
    ["-f", "deploy.yaml", "--keys=a", "A=1"],
    ["-f", "deploy.yaml", "--dry-run=server", "A=1"],
    ["-f", "deploy.yaml", "--dry-run=bogus", "A=1"],
    ["-f", "deploy.yaml", "--all", "--selector=a=b", "A=1"],
    ["-f", "deploy.yaml", "A=1", "-o", "wide"],
    ["deployment/web", "A=1"],
    [],
    ["-f", "kinds.yaml", "A=1", "-o", "yaml"],
    ["-f", "kinds.yaml", "A=1"],
    ["-f", "kinds-env.yaml", "--overwrite=false", "B=3"],
    ["-f", "kinds-env.yaml", "--list"],
    ["-f", "kinds-env.yaml", "B-", "-o", "yaml"],
    ["-f", "refs.yaml", "--list"],
    ["-f", "refs.yaml", "-c", "app", "PLAIN-", "FROM_CM-", "--list"],
    ["-f", "refs.yaml", "NEW=1", "-o", "yaml"],
    ["-f", "refs.yaml", "-c", "init-*", "NEW=1", "-o", "yaml"],
    ["-f", "ingress.yaml", "A=1"],
    ["-f", "ingress.yaml", "-f", "deploy.yaml", "A=1"],
    ["-f", "cm.yaml", "--from=configmap/cfg"],
    ["-f", "deploy.yaml", "-f", "kinds.yaml", "-c", "nginx", "A=1"],
    ["-f", "deploy.yaml", "-f", "kinds.yaml", "-c", "c", "--list", "X=1"],
    ["-f", "kinds-env.yaml", "-f", "ingress.yaml", "-f", "deploy.yaml", "--overwrite=false", "B=2", "-o", "name"],
    ["-f", "deploy.yaml", "-f", "cm.yaml", "--from=configmap/cfg"],
  ]

  static let resourcesCases: [[String]] = [
    ["-f", "deploy.yaml", "--limits=cpu=200m,memory=512Mi", "-o", "yaml"],
    ["-f", "deploy.yaml", "--limits=cpu=200m"],
    ["-f", "deploy.yaml", "--requests=cpu=1,memory=1G", "--limits=cpu=0.5", "-c", "side", "-o", "yaml"],
    [
      "-f", "deploy.yaml", "--limits=cpu=1m,memory=1024Mi,ephemeral-storage=1e3", "--requests=cpu=1000,memory=1536Mi",
      "-o", "yaml",
    ],
    ["-f", "deploy.yaml", "--limits=cpu=0.0001,memory=0.5Ki", "--requests=cpu=+1,memory=1.5Gi", "-o", "yaml"],
    ["-f", "deploy.yaml", "--limits=cpu=-1,memory=100M", "--requests=memory=12e6", "-o", "yaml"],
    ["-f", "deploy.yaml", "--limits=cpu=1", "-c", "nope"],
    ["-f", "deploy.yaml", "--limits=cpu=abc"],
    ["-f", "deploy.yaml", "--limits=cpu=1Zi"],
    ["-f", "deploy.yaml", "--limits=cpu"],
    ["-f", "deploy.yaml", "--limits=cpu=1=2"],
    ["-f", "deploy.yaml"],
    ["-f", "deploy.yaml", "deployment/web", "--limits=cpu=1"],
    ["-f", "deploy.yaml", "--limits=cpu=1", "--dry-run=server"],
    ["-f", "deploy.yaml", "--limits=cpu=1", "-o", "name"],
    ["-f", "kinds.yaml", "--limits=cpu=1", "-o", "yaml"],
    ["-f", "kinds.yaml", "--requests=memory=64Mi"],
    ["-f", "refs.yaml", "--limits=cpu=2", "-o", "yaml"],
    ["-f", "refs.yaml", "--limits=cpu=1,memory=1Gi"],
    ["-f", "ingress.yaml", "--limits=cpu=1"],
    ["-f", "ingress.yaml", "-f", "deploy.yaml", "--limits=cpu=1", "-c", "nope"],
    ["-f", "deploy.yaml", "-f", "ingress.yaml", "-f", "kinds.yaml", "--limits=cpu=1", "-c", "c", "-o", "name"],
    ["-f", "refs.yaml", "--requests=cpu=250m", "-c", "init-db", "-o", "yaml"],
  ]

  /// Our kubectl and the real one, on the same files, print the same and exit alike.
  func expectSame(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    try RealKubectl.expectSameOutput(arguments, files: Self.manifests, sourceLocation: sourceLocation)
  }

  /// `-` reads `KEY=VALUE` lines from standard input: comments cut, lines without `=` skipped,
  /// names not checked.
  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func environmentFromStandardInputMatchesRealKubectl() throws {
    let stdin = "A=1 # one\n# only a comment\nNOEQUALS\n1BAD=x=y\r\nB=\n"
    for arguments in [["-e", "-", "--list"], ["-", "-o", "yaml"], ["-c", "side", "-", "C=3", "--list"]] {
      let words = ["set", "env", "--local", "-f", "deploy.yaml"] + arguments
      let directory = try TemporaryDirectory.create("kubebook-set-env-stdin")
      defer { try? FileManager.default.removeItem(at: directory) }
      for (name, text) in Self.manifests {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
      let process = Process()
      process.currentDirectoryURL = directory
      process.executableURL = URL(fileURLWithPath: RealKubectl.path ?? "/usr/bin/kubectl")
      process.arguments = words
      process.environment = ["KUBECONFIG": "/dev/null", "PATH": "/usr/bin:/bin"]
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      process.standardError = output
      try process.run()
      input.fileHandleForWriting.write(Data(stdin.utf8))
      try input.fileHandleForWriting.close()
      let real = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      var cluster = Cluster()
      let ours = Kubectl.run(words, stdin: stdin, cluster: &cluster, files: VirtualDirectory(files: Self.manifests))
      #expect(ours.output == real, "\(arguments)")
      #expect(ours.exitCode == process.terminationStatus, "\(arguments)")
    }
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: envCases)
  func setEnvMatchesRealKubectl(_ arguments: [String]) throws {
    try expectSame(["set", "env", "--local"] + arguments)
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: resourcesCases)
  func setResourcesMatchesRealKubectl(_ arguments: [String]) throws {
    try expectSame(["set", "resources", "--local"] + arguments)
  }
}
