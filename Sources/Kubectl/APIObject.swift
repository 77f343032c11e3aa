import KubeSim

/// Any object the simulator serves, for code that handles every kind alike.
enum APIObject {
  case pod(Pod)
  case node(Node)
  case namespace(Namespace)
  case deployment(Deployment)
  case replicaSet(ReplicaSet)
  case replicationController(ReplicationController)
  case daemonSet(DaemonSet)
  case service(Service)
  case endpoints(Endpoints)
  case configMap(ConfigMap)
  case secret(Secret)
  case job(Job)
  case cronJob(CronJob)
  case statefulSet(StatefulSet)
  case claim(PersistentVolumeClaim)
  case volume(PersistentVolume)
  case storageClass(StorageClass)
  case autoscaler(HorizontalPodAutoscaler)
  case ingress(Ingress)
  case endpointSlice(EndpointSlice)
  case controllerRevision(ControllerRevision)

  var type: ResourceType {
    switch self {
    case .pod: return .pods
    case .node: return .nodes
    case .namespace: return .namespaces
    case .deployment: return .deployments
    case .replicaSet: return .replicaSets
    case .replicationController: return .replicationControllers
    case .daemonSet: return .daemonSets
    case .service: return .services
    case .endpoints: return .endpoints
    case .configMap: return .configMaps
    case .secret: return .secrets
    case .job: return .jobs
    case .cronJob: return .cronJobs
    case .statefulSet: return .statefulSets
    case .claim: return .claims
    case .volume: return .volumes
    case .storageClass: return .storageClasses
    case .autoscaler: return .autoscalers
    case .ingress: return .ingresses
    case .endpointSlice: return .endpointSlices
    case .controllerRevision: return .controllerRevisions
    }
  }

  var metadata: ObjectMeta {
    switch self {
    case .pod(let pod): return pod.metadata
    case .node(let node): return node.metadata
    case .namespace(let namespace): return namespace.metadata
    case .deployment(let deployment): return deployment.metadata
    case .replicaSet(let set): return set.metadata
    case .replicationController(let controller): return controller.metadata
    case .daemonSet(let set): return set.metadata
    case .service(let service): return service.metadata
    case .endpoints(let endpoints): return endpoints.metadata
    case .configMap(let configMap): return configMap.metadata
    case .secret(let secret): return secret.metadata
    case .job(let job): return job.metadata
    case .cronJob(let cronJob): return cronJob.metadata
    case .statefulSet(let set): return set.metadata
    case .claim(let claim): return claim.metadata
    case .volume(let volume): return volume.metadata
    case .storageClass(let storageClass): return storageClass.metadata
    case .autoscaler(let hpa): return hpa.metadata
    case .ingress(let ingress): return ingress.metadata
    case .endpointSlice(let slice): return slice.metadata
    case .controllerRevision(let revision): return revision.metadata
    }
  }

  /// The object as `-o yaml|json` shows it at `now` (a node's heartbeats depend on the time).
  func json(now: Timestamp) -> JSONValue {
    switch self {
    case .pod(let pod): return pod.json
    case .node(let node): return node.json(now: now)
    case .namespace(let namespace): return namespace.json
    case .deployment(let deployment): return deployment.json
    case .replicaSet(let set): return set.json
    case .replicationController(let controller): return controller.json
    case .daemonSet(let set): return set.json
    case .service(let service): return service.json
    case .endpoints(let endpoints): return endpoints.json
    case .configMap(let configMap): return configMap.json
    case .secret(let secret): return secret.json
    case .job(let job): return job.json
    case .cronJob(let cronJob): return cronJob.json
    case .statefulSet(let set): return set.json
    case .claim(let claim): return claim.json
    case .volume(let volume): return volume.json
    case .storageClass(let storageClass): return storageClass.json
    case .autoscaler(let hpa): return hpa.json
    case .ingress(let ingress): return ingress.json
    // `get` refuses -o yaml|json for slices and revisions before it gets here (their
    // generation, per-endpoint fields and revision data are not simulated).
    case .endpointSlice(let slice): return .object([("metadata", slice.metadata.json)])
    case .controllerRevision(let revision): return .object([("metadata", revision.metadata.json)])
    }
  }

  /// The object with its namespace set and, when given, the last-applied annotation.
  func with(namespace: String, lastApplied: String?) -> APIObject {
    func adjust(_ meta: inout ObjectMeta) {
      meta.namespace = namespace
      if let lastApplied { meta.annotations[ApplyCommand.lastAppliedKey] = lastApplied }
    }
    switch self {
    case .pod(var pod):
      adjust(&pod.metadata)
      return .pod(pod)
    case .deployment(var deployment):
      adjust(&deployment.metadata)
      return .deployment(deployment)
    case .replicaSet(var set):
      adjust(&set.metadata)
      return .replicaSet(set)
    case .replicationController(var controller):
      adjust(&controller.metadata)
      return .replicationController(controller)
    case .service(var service):
      adjust(&service.metadata)
      return .service(service)
    case .daemonSet(var set):
      adjust(&set.metadata)
      return .daemonSet(set)
    case .configMap(var configMap):
      adjust(&configMap.metadata)
      return .configMap(configMap)
    case .secret(var secret):
      adjust(&secret.metadata)
      return .secret(secret)
    case .job(var job):
      adjust(&job.metadata)
      return .job(job)
    case .cronJob(var cronJob):
      adjust(&cronJob.metadata)
      return .cronJob(cronJob)
    case .statefulSet(var set):
      adjust(&set.metadata)
      return .statefulSet(set)
    case .claim(var claim):
      adjust(&claim.metadata)
      return .claim(claim)
    case .autoscaler(var hpa):
      adjust(&hpa.metadata)
      return .autoscaler(hpa)
    case .ingress(var ingress):
      adjust(&ingress.metadata)
      return .ingress(ingress)
    default:
      return self
    }
  }

  /// `<kind>[.<group>]/<name>`, as `-o name` prints it.
  var qualifiedName: String { type.qualifiedKind + "/" + metadata.name }

  /// The objects of `type` in `namespace` (all namespaces when nil), in the server's order.
  static func list(_ type: ResourceType, namespace: String?, cluster: Cluster) -> [APIObject] {
    func inNamespace(_ meta: ObjectMeta) -> Bool { namespace == nil || meta.namespace == namespace }
    switch type {
    case .pods: return cluster.listPods(namespace: namespace).map(APIObject.pod)
    case .nodes: return cluster.sortedNodes.map(APIObject.node)
    case .namespaces:
      return cluster.namespaces.keys.sorted().compactMap { cluster.namespaces[$0] }.map(APIObject.namespace)
    case .deployments:
      return cluster.deployments.keys.sorted().compactMap { cluster.deployments[$0] }.filter {
        inNamespace($0.metadata)
      }
      .map(APIObject.deployment)
    case .replicaSets: return cluster.listReplicaSets(namespace: namespace).map(APIObject.replicaSet)
    case .replicationControllers:
      return cluster.replicationControllers.keys.sorted().compactMap { cluster.replicationControllers[$0] }
        .filter { inNamespace($0.metadata) }.map(APIObject.replicationController)
    case .daemonSets: return cluster.listDaemonSets(namespace: namespace).map(APIObject.daemonSet)
    case .services: return cluster.listServices(namespace: namespace).map(APIObject.service)
    case .endpoints: return cluster.listEndpoints(namespace: namespace).map(APIObject.endpoints)
    case .configMaps: return cluster.listConfigMaps(namespace: namespace).map(APIObject.configMap)
    case .secrets: return cluster.listSecrets(namespace: namespace).map(APIObject.secret)
    case .jobs: return cluster.listJobs(namespace: namespace).map(APIObject.job)
    case .cronJobs: return cluster.listCronJobs(namespace: namespace).map(APIObject.cronJob)
    case .statefulSets: return cluster.listStatefulSets(namespace: namespace).map(APIObject.statefulSet)
    case .claims: return cluster.listClaims(namespace: namespace).map(APIObject.claim)
    case .volumes: return cluster.listVolumes().map(APIObject.volume)
    case .storageClasses: return cluster.listStorageClasses().map(APIObject.storageClass)
    case .autoscalers: return cluster.listAutoscalers(namespace: namespace).map(APIObject.autoscaler)
    case .ingresses: return cluster.listIngresses(namespace: namespace).map(APIObject.ingress)
    case .endpointSlices: return cluster.listEndpointSlices(namespace: namespace).map(APIObject.endpointSlice)
    case .controllerRevisions:
      return cluster.listControllerRevisions(namespace: namespace).map(APIObject.controllerRevision)
    default: return []
    }
  }

  /// The object of `type` called `name`.
  static func lookup(_ type: ResourceType, name: String, namespace: String, cluster: Cluster) -> APIObject? {
    let key = namespace + "/" + name
    switch type {
    case .pods: return cluster.pod(name, namespace: namespace).map(APIObject.pod)
    case .nodes: return cluster.nodes[name].map(APIObject.node)
    case .namespaces: return cluster.namespaces[name].map(APIObject.namespace)
    case .deployments: return cluster.deployments[key].map(APIObject.deployment)
    case .replicaSets: return cluster.replicaSets[key].map(APIObject.replicaSet)
    case .replicationControllers: return cluster.replicationControllers[key].map(APIObject.replicationController)
    case .daemonSets: return cluster.daemonSets[key].map(APIObject.daemonSet)
    case .services: return cluster.services[key].map(APIObject.service)
    case .endpoints: return cluster.endpoints[key].map(APIObject.endpoints)
    case .configMaps: return cluster.configMaps[key].map(APIObject.configMap)
    case .secrets: return cluster.secrets[key].map(APIObject.secret)
    case .jobs: return cluster.jobs[key].map(APIObject.job)
    case .cronJobs: return cluster.cronJobs[key].map(APIObject.cronJob)
    case .statefulSets: return cluster.statefulSets[key].map(APIObject.statefulSet)
    case .claims: return cluster.claims[key].map(APIObject.claim)
    case .volumes: return cluster.volumes[name].map(APIObject.volume)
    case .storageClasses: return cluster.storageClasses[name].map(APIObject.storageClass)
    case .autoscalers: return cluster.autoscalers[key].map(APIObject.autoscaler)
    case .ingresses: return cluster.ingresses[key].map(APIObject.ingress)
    case .endpointSlices:
      return cluster.listEndpointSlices(namespace: namespace).first { $0.metadata.name == name }.map(
        APIObject.endpointSlice)
    case .controllerRevisions:
      return cluster.listControllerRevisions(namespace: namespace).first { $0.metadata.name == name }.map(
        APIObject.controllerRevision)
    default: return nil
    }
  }
}
