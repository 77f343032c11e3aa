/// Brings a fresh cluster up the way kubeadm (or kind) does, in virtual time: the control
/// plane node with its static pods, CoreDNS, then the workers; by the scenario's start every
/// system pod is Running.
enum ClusterBootstrap {
  static let kubernetesVersion = "v1.32.0"

  /// The control-plane components kubeadm runs as static pods, with their images.
  /// The control-plane components kubeadm runs as static pods, with their images and the
  /// requests kubeadm's manifests give them (CPU in millicores, memory in MiB).
  static let staticPods: [(component: String, image: String, cpu: Int64, memoryMiB: Int64)] = [
    ("etcd", "registry.k8s.io/etcd:3.5.16-0", 100, 100),
    ("kube-apiserver", "registry.k8s.io/kube-apiserver:\(kubernetesVersion)", 250, 0),
    ("kube-controller-manager", "registry.k8s.io/kube-controller-manager:\(kubernetesVersion)", 200, 0),
    ("kube-scheduler", "registry.k8s.io/kube-scheduler:\(kubernetesVersion)", 100, 0),
  ]

  static func boot(_ cluster: inout Cluster, workers: Int) {
    guard let controlPlane = cluster.nodes["control-plane"] else { return }
    for (component, image, cpu, memoryMiB) in staticPods {
      var metadata = ObjectMeta(
        name: "\(component)-control-plane", namespace: "kube-system",
        labels: ["component": component, "tier": "control-plane"])
      // What the kubelet puts on a static pod and its mirror pod: the manifest's hash (also as
      // the mirror marker), when it saw the file, and where it came from; kubeadm adds the
      // endpoints that etcd and the API server advertise.
      let hash = String(cluster.names.hex(bytes: 16))
      let seenNanos = ImageCatalog.fnv1a("seen:" + component) % 1_000_000_000
      metadata.annotations = [
        "kubernetes.io/config.hash": hash,
        "kubernetes.io/config.mirror": hash,
        "kubernetes.io/config.seen": seen(cluster.now, nanoseconds: seenNanos),
        "kubernetes.io/config.source": "file",
      ]
      let address = controlPlane.status.internalIP
      if component == "etcd" {
        metadata.annotations["kubeadm.kubernetes.io/etcd.advertise-client-urls"] = "https://\(address):2379"
      } else if component == "kube-apiserver" {
        metadata.annotations["kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint"] = "\(address):6443"
      }
      // The kubelet's mirror client sets Controller only (pkg/kubelet/pod/mirror_client.go).
      metadata.ownerReferences = [
        OwnerReference(
          apiVersion: "v1", kind: "Node", name: controlPlane.metadata.name, uid: controlPlane.metadata.uid,
          controller: true, blockOwnerDeletion: nil)
      ]
      var container = Container(name: component, image: image)
      container.resources.requests["cpu"] = cpu
      if memoryMiB > 0 { container.resources.requests["memory"] = memoryMiB << 20 }
      var spec = PodSpec(containers: [container])
      spec.nodeName = controlPlane.metadata.name
      spec.hostNetwork = true
      spec.priorityClassName = "system-node-critical"
      // A static pod's manifest names no service account, and mirror pods skip admission.
      spec.serviceAccountName = ""
      spec.tolerations = [Toleration(operator: .known(.exists), effect: .known(.noExecute))]
      _ = try? cluster.createPod(Pod(metadata: metadata, spec: spec))
    }
    bootKubeProxy(&cluster)
    cluster.addDefaultStorageClass()
    // The API server publishes itself as `default/kubernetes`; the DNS addon adds kube-dns.
    KubernetesServiceController.start(&cluster)
    var dnsMetadata = ObjectMeta(
      name: "kube-dns", namespace: "kube-system",
      labels: ["k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS"])
    dnsMetadata.annotations = ["prometheus.io/port": "9153", "prometheus.io/scrape": "true"]
    cluster.addBuiltInService(
      Service(
        metadata: dnsMetadata, clusterIP: "10.96.0.10",
        ports: [
          Service.Port(name: "dns", port: 53, targetPort: 53, protocol: .known(.udp)),
          Service.Port(name: "dns-tcp", port: 53, targetPort: 53),
          Service.Port(name: "metrics", port: 9153, targetPort: 9153),
        ],
        selector: ["k8s-app": "kube-dns"]))
    let labels = ["k8s-app": "kube-dns"]
    var coredns = Deployment(
      metadata: ObjectMeta(name: "coredns", namespace: "kube-system", labels: labels),
      selector: SelectorSpec(matchLabels: labels),
      template: PodTemplate(
        labels: labels,
        spec: {
          var container = Container(name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3")
          container.args = ["-conf", "/etc/coredns/Corefile"]
          container.resources.requests = ["cpu": 100, "memory": 70 << 20]
          container.resources.limits = ["memory": 170 << 20]
          container.ports = [
            ContainerPort(name: "dns", containerPort: 53, protocol: .known(.udp)),
            ContainerPort(name: "dns-tcp", containerPort: 53, protocol: .known(.tcp)),
            ContainerPort(name: "metrics", containerPort: 9153, protocol: .known(.tcp)),
          ]
          var spec = PodSpec(containers: [container])
          spec.dnsPolicy = .known(.default)
          spec.serviceAccountName = "coredns"
          spec.priorityClassName = "system-cluster-critical"
          spec.nodeSelector = ["kubernetes.io/os": "linux"]
          spec.tolerations = [
            Toleration(key: "CriticalAddonsOnly", operator: .known(.exists)),
            Toleration(key: "node-role.kubernetes.io/control-plane", effect: .known(.noSchedule)),
          ]
          return spec
        }()))
    coredns.replicas = 2
    coredns.strategy = .rollingUpdate(maxSurge: .percent(25), maxUnavailable: .int(1))
    _ = try? cluster.createDeployment(coredns)
    // CoreDNS is scheduled before any worker has joined, as on a fresh kubeadm cluster.
    _ = try? cluster.settle()
    for index in 1...max(1, min(workers, cluster.config.limits.maxNodes)) {
      cluster.addNode(name: "worker-\(index)", controlPlane: false, created: cluster.now)
    }
  }

  /// `time.RFC3339Nano` of `time` plus `nanoseconds` (trailing zeros dropped), as the kubelet
  /// writes `kubernetes.io/config.seen`.
  static func seen(_ time: Timestamp, nanoseconds: UInt64) -> String {
    var fraction = String(nanoseconds)
    fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let base = time.rfc3339.dropLast()  // "…:SSZ" without the zone letter
    return fraction.isEmpty ? time.rfc3339 : "\(base).\(fraction)Z"
  }

  /// kube-proxy, the DaemonSet kubeadm installs: a host-network pod on every node, which
  /// tolerates every taint.
  static func bootKubeProxy(_ cluster: inout Cluster) {
    let labels = ["k8s-app": "kube-proxy"]
    var container = Container(name: "kube-proxy", image: "registry.k8s.io/kube-proxy:\(kubernetesVersion)")
    container.command = [
      "/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)",
    ]
    var spec = PodSpec(containers: [container])
    spec.hostNetwork = true
    spec.priorityClassName = "system-node-critical"
    spec.serviceAccountName = "kube-proxy"
    spec.nodeSelector = ["kubernetes.io/os": "linux"]
    spec.tolerations = [Toleration(operator: .known(.exists))]
    var set = DaemonSet(
      metadata: ObjectMeta(name: "kube-proxy", namespace: "kube-system", labels: labels),
      selector: SelectorSpec(matchLabels: labels), template: PodTemplate(labels: labels, spec: spec))
    set.revisionHistoryLimit = 10
    _ = try? cluster.createDaemonSet(set)
  }
}
