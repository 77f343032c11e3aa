import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Services and Endpoints: expected text from `docs/reference/kubectl-output.md` (§3.9, §3.10, §6.6, §11
/// captures), the real kubectl binary for `create service --dry-run=client`, and the API
/// server's messages (`pkg/apis/core/validation`, the node-port allocator).
@Suite struct ServiceCommandTests {
  struct Session {
    var cluster = Cluster()
    var files = VirtualDirectory()

    mutating func run(_ line: String, stdin: String? = nil) -> CommandResult {
      SimulatedKubectl.run(line, stdin: stdin, cluster: &cluster, files: files)
    }
  }

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create service clusterip my-svc --tcp=80:80 --dry-run=client -o yaml",
      "create service clusterip my-svc --tcp=80:8080 --tcp=443:8443 --dry-run=client -o yaml",
      "create service clusterip my-svc --tcp=80:8080,443:https --dry-run=client -o json",
      "create service clusterip my-svc --clusterip=None --dry-run=client -o yaml",
      "create service nodeport my-svc --tcp=80:80 --node-port=30080 --dry-run=client -o yaml",
      "create service loadbalancer my-lb --tcp=80:80 --dry-run=client -o yaml",
      "create service externalname my-ext --external-name=example.com --dry-run=client -o yaml",
      "create service clusterip my-svc --tcp=80:80 --dry-run=client",
      "create service clusterip my-svc --tcp=80:80 --dry-run=client -o name",
      "create service clusterip my-svc --dry-run=client -o yaml",
      "create service nodeport my-svc --clusterip=None --dry-run=client -o yaml",
    ])
  func createServiceDryRunMatchesRealKubectl(command: String) throws {
    let (ours, real, cluster) = try RealKubectl.compare(command)
    if real.status == 0 { #expect(ours.output == real.output) }
    #expect(ours.exitCode == real.status)
    #expect(cluster.services["default/my-svc"] == nil)
  }

  /// The §11 capture "create service nodeport", for machines without the binary.
  @Test func createServiceNodePortDryRunMatchesCapture() {
    var session = Session()
    let result = session.run(
      "kubectl create service nodeport my-svc --tcp=80:80 --node-port=30080 --dry-run=client -o yaml")
    #expect(
      result.output == """
        apiVersion: v1
        kind: Service
        metadata:
          creationTimestamp: null
          labels:
            app: my-svc
          name: my-svc
        spec:
          ports:
          - name: 80-80
            nodePort: 30080
            port: 80
            protocol: TCP
            targetPort: 80
          selector:
            app: my-svc
          type: NodePort
        status:
          loadBalancer: {}

        """)
  }

  /// The §11 captures of `expose` on a Deployment of nginx with container port 80.
  @Test func exposeDryRunMatchesCaptures() {
    var session = Session()
    _ = session.run("kubectl create deployment nginx --image=nginx --port=80")
    let plain = """
      apiVersion: v1
      kind: Service
      metadata:
        creationTimestamp: null
        labels:
          app: nginx
        name: nginx
      spec:
        ports:
        - port: 80
          protocol: TCP
          targetPort: 80
        selector:
          app: nginx
      status:
        loadBalancer: {}

      """
    #expect(session.run("kubectl expose deployment nginx --port=80 --dry-run=client -o yaml").output == plain)
    #expect(session.run("kubectl expose deployment nginx --dry-run=client -o yaml").output == plain)
    #expect(
      session.run("kubectl expose deployment nginx --port=80 --dry-run=client").output
        == "service/nginx exposed (dry run)\n")
    #expect(
      session.run(
        "kubectl expose deployment nginx --port=80 --target-port=8080 --type=NodePort --name=web --dry-run=client -o yaml"
      ).output == """
        apiVersion: v1
        kind: Service
        metadata:
          creationTimestamp: null
          labels:
            app: nginx
          name: web
        spec:
          ports:
          - port: 80
            protocol: TCP
            targetPort: 8080
          selector:
            app: nginx
          type: NodePort
        status:
          loadBalancer: {}

        """)
    #expect(session.cluster.services["default/nginx"] == nil)
    #expect(session.cluster.services["default/web"] == nil)
  }

  /// `expose.go`: several container ports become `port-1`, `port-2`; no port at all is an error.
  @Test func exposeNamesSeveralPortsAndNeedsOne() {
    var session = Session()
    session.files.files["multi.yaml"] = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: multi
        labels:
          app: multi
      spec:
        containers:
        - name: web
          image: nginx
          ports:
          - containerPort: 80
          - containerPort: 443
      """
    _ = session.run("kubectl apply -f multi.yaml")
    let json = session.run("kubectl expose pod multi --dry-run=client -o yaml").output
    #expect(json.contains("  - name: port-1\n    port: 80\n"))
    #expect(json.contains("  - name: port-2\n    port: 443\n"))
    _ = session.run("kubectl run busy --image=busybox -- sleep 3600")
    let missing = session.run("kubectl expose pod busy")
    #expect(missing.output == "error: couldn't find port via --port flag or introspection\n")
    #expect(missing.exitCode == 1)
    #expect(
      session.run("kubectl expose ds kube-proxy -n kube-system --port=80").output
        == "error: cannot expose a DaemonSet.apps\n")
  }

  /// The §3.9 example table, from Services with the addresses and node ports it shows.
  @Test func serviceTableFollowsThePrinterRules() {
    var session = Session()
    session.files.files["svcs.yaml"] = """
      apiVersion: v1
      kind: Service
      metadata: {name: nginx}
      spec:
        clusterIP: 10.96.120.15
        selector: {app: nginx}
        ports: [{port: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        type: NodePort
        clusterIP: 10.96.45.7
        selector: {app: web}
        ports: [{port: 80, nodePort: 30080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lb}
      spec:
        type: LoadBalancer
        clusterIP: 10.96.77.2
        selector: {app: lb}
        ports:
        - {name: http, port: 80, nodePort: 31234}
        - {name: https, port: 443, nodePort: 32443}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db}
      spec:
        clusterIP: None
        selector: {app: db}
        ports: [{port: 5432}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ext}
      spec:
        type: ExternalName
        externalName: example.com
      """
    #expect(
      session.run("kubectl apply -f svcs.yaml").output
        == "service/nginx created\nservice/web created\nservice/lb created\nservice/db created\nservice/ext created\n")
    let table = session.run("kubectl get svc").output.split(separator: "\n")
    // AGE differs from the example; compare everything before it.
    let ageColumn = table[0].distance(from: table[0].startIndex, to: table[0].firstRange(of: "AGE")!.lowerBound)
    let lines = table.map { String($0.prefix(ageColumn)).trimmingCharacters(in: " ") }
    #expect(
      lines == [
        "NAME         TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)",
        "db           ClusterIP      None           <none>        5432/TCP",
        "ext          ExternalName   <none>         example.com   <none>",
        "kubernetes   ClusterIP      10.96.0.1      <none>        443/TCP",
        "lb           LoadBalancer   10.96.77.2     <pending>     80:31234/TCP,443:32443/TCP",
        "nginx        ClusterIP      10.96.120.15   <none>        80/TCP",
        "web          NodePort       10.96.45.7     <none>        80:30080/TCP",
      ])
  }

  /// §3.10: three ready endpoints, then ` + N more...`; `<none>` without subsets.
  @Test func endpointsCell() {
    func address(_ ip: String) -> Endpoints.Address {
      Endpoints.Address(ip: ip, hostname: nil, nodeName: nil, podName: nil, podNamespace: nil, podUID: nil)
    }
    let port = Endpoints.Port(name: nil, port: 80, protocol: .known(.tcp))
    var endpoints = Endpoints(metadata: ObjectMeta(name: "nginx"), subsets: [])
    #expect(TablePrinters.formatEndpoints(endpoints) == "<none>")
    endpoints.subsets = [
      Endpoints.Subset(
        addresses: ["10.244.1.5", "10.244.2.3", "10.244.2.4", "10.244.3.9"].map(address),
        notReadyAddresses: [address("10.244.3.10")], ports: [port])
    ]
    #expect(TablePrinters.formatEndpoints(endpoints) == "10.244.1.5:80,10.244.2.3:80,10.244.2.4:80 + 1 more...")
    endpoints.subsets = [Endpoints.Subset(notReadyAddresses: [address("10.244.3.10")], ports: [port])]
    #expect(TablePrinters.formatEndpoints(endpoints) == "")
  }

  /// §6.6: the ClusterIP example, line by line (a Service with no ready pod has an empty
  /// Endpoints line), and the NodePort variant's extra lines.
  @Test func describeService() {
    var session = Session()
    session.files.files["svc.yaml"] = """
      apiVersion: v1
      kind: Service
      metadata:
        name: nginx
        labels: {app: nginx}
      spec:
        clusterIP: 10.96.120.15
        selector: {app: nginx}
        ports: [{port: 80, targetPort: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        type: NodePort
        selector: {app: web}
        ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30080}]
      """
    _ = session.run("kubectl apply -f svc.yaml")
    #expect(
      session.run("kubectl describe svc nginx").output == """
        Name:                     nginx
        Namespace:                default
        Labels:                   app=nginx
        Annotations:              <none>
        Selector:                 app=nginx
        Type:                     ClusterIP
        IP Family Policy:         SingleStack
        IP Families:              IPv4
        IP:                       10.96.120.15
        IPs:                      10.96.120.15
        Port:                     <unset>  80/TCP
        TargetPort:               80/TCP
        Endpoints:                \("")
        Session Affinity:         None
        Internal Traffic Policy:  Cluster
        Events:                   <none>

        """)
    let web = session.run("kubectl describe svc web").output
    #expect(
      web.contains(
        """
        Port:                     http  80/TCP
        TargetPort:               8080/TCP
        NodePort:                 http  30080/TCP
        Endpoints:                \("")
        Session Affinity:         None
        External Traffic Policy:  Cluster
        Internal Traffic Policy:  Cluster
        Events:                   <none>

        """))
  }

  /// Endpoints follow the pods: ready pods are listed, a deleted pod leaves at once, and the
  /// Deployment's replacement joins when it is ready.
  @Test func endpointsFollowReadyPods() throws {
    var session = Session()
    _ = session.run("kubectl create deployment nginx --image=nginx --replicas=2 --port=80")
    _ = session.run("kubectl expose deployment nginx")
    func addresses() -> [String] {
      (session.cluster.endpoints["default/nginx"]?.subsets ?? []).flatMap(\.addresses).map(\.ip)
    }
    #expect(addresses().isEmpty)
    _ = session.run("kubectl rollout status deployment/nginx")
    let ready = session.cluster.listPods(namespace: "default").filter(\.isReady)
    #expect(Set(addresses()) == Set(ready.compactMap(\.status.podIP)))
    #expect(addresses().count == 2)
    let victim = try #require(ready.first)
    _ = session.run("kubectl delete pod \(victim.metadata.name) --wait=false")
    #expect(!addresses().contains(victim.status.podIP ?? ""))
    _ = session.run("kubectl rollout status deployment/nginx")
    #expect(addresses().count == 2)
    #expect(addresses() == addresses().sorted())
  }

  /// The API server's validation messages.
  @Test func invalidServices() {
    var session = Session()
    session.files.files["bad.yaml"] = """
      apiVersion: v1
      kind: Service
      metadata: {name: traefik}
      spec:
        type: NodePort
        selector: {app: traefik}
        ports: [{port: 80, nodePort: 80}]
      """
    let outOfRange = session.run("kubectl apply -f bad.yaml")
    #expect(
      outOfRange.output
        == "The Service \"traefik\" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n"
    )
    #expect(outOfRange.exitCode == 1)
    _ = session.run("kubectl create service nodeport web --tcp=80:80 --node-port=30080")
    #expect(
      session.run("kubectl create service nodeport web2 --tcp=80:80 --node-port=30080").output
        == "error: failed to create NodePort service: Service \"web2\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n"
    )
    #expect(
      session.run("kubectl create service clusterip Web --tcp=80").output.hasSuffix(
        "metadata.name: Invalid value: \"Web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n"
      ))
    #expect(
      session.run("kubectl create service clusterip my-svc").output
        == "error: at least one tcp port specifier must be provided\n")
  }

  /// Allocation: addresses from the dynamic band of 10.96.0.0/12, never reused; node ports
  /// from 30000–32767; the same seed gives the same choices.
  @Test func allocationIsBoundedAndDeterministic() {
    var first = Session()
    var second = Session()
    var addresses: Set<String> = []
    for index in 0..<50 {
      _ = first.run("kubectl create service nodeport s\(index) --tcp=80")
      _ = second.run("kubectl create service nodeport s\(index) --tcp=80")
    }
    for (key, service) in first.cluster.services where key.hasPrefix("default/s") {
      #expect(service == second.cluster.services[key])
      let octets = service.clusterIP.split(separator: ".").compactMap { Int($0) }
      #expect(octets.count == 4 && octets[0] == 10 && (96...111).contains(octets[1]))
      #expect(!(octets[1] == 96 && octets[2] == 0), "the low band is kept for chosen addresses")
      #expect(addresses.insert(service.clusterIP).inserted)
      #expect((30000...32767).contains(service.ports[0].nodePort ?? 0))
    }
    #expect(addresses.count == 50)
  }
}
