/// What the public registries answer when a node pulls an image: the simulator knows Docker
/// Hub's official images, the newest release line of the common ones, and `registry.k8s.io`'s
/// repositories. A typo in an official
/// image's name (`ngnix`) fails as Docker Hub fails it ("pull access denied"), a version newer
/// than any released (`nginx:1.99`) as a missing tag ("not found"). Everything else — other
/// registries, user repositories, tags that are not versions — pulls, unless a scenario says
/// `sim image missing`: the simulator cannot know every tag, and refusing a real one would
/// teach something false.
public enum ImageRegistry {
  /// Why a pull fails.
  public enum PullFailure: Sendable, Equatable {
    /// The repository exists but not the tag (or the registry has no such repository and
    /// says so with a 404).
    case notFound
    /// Docker Hub's answer for a repository that does not exist (or is private).
    case accessDenied
  }

  /// The failure a pull of `image` meets, or nil when it succeeds.
  public static func failure(pulling image: String) -> PullFailure? {
    let reference = ImageReference(image)
    switch reference.registry {
    case nil, "docker.io", "index.docker.io", "registry-1.docker.io":
      let path = reference.path.hasPrefix("library/") ? String(reference.path.dropFirst(8)) : reference.path
      // User and organisation repositories cannot be known offline.
      guard !path.contains("/") else { return nil }
      guard officialImages.contains(path) else { return .accessDenied }
      if let tag = reference.tag, reference.digest == nil, let newest = newestRelease[path],
        let version = leadingVersion(of: tag), isNewer(version, than: newest)
      {
        return .notFound
      }
      return nil
    case "registry.k8s.io", "k8s.gcr.io":
      let first = String(reference.path.split(separator: "/").first ?? "")
      let known = reference.path.contains("/") ? kubernetesNamespaces.contains(first) : kubernetesImages.contains(first)
      return known ? nil : .notFound
    default:
      return nil
    }
  }

  /// The CRI error the kubelet reports for a failed pull of `image` (containerd 1.7's
  /// wording), as the waiting message of `ErrImagePull` and in the `Failed` event.
  public static func pullError(_ failure: PullFailure, image: String) -> String {
    let reference = ImageReference(image).normalized
    switch failure {
    case .notFound:
      return
        "rpc error: code = NotFound desc = failed to pull and unpack image \"\(reference)\": failed to resolve reference \"\(reference)\": \(reference): not found"
    case .accessDenied:
      return
        "rpc error: code = Unknown desc = failed to pull and unpack image \"\(reference)\": failed to resolve reference \"\(reference)\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
    }
  }

  /// The numeric components at the start of `tag` (`1.27.3-alpine` → [1, 27, 3]), or nil when
  /// the tag does not start with a version.
  static func leadingVersion(of tag: String) -> [Int]? {
    var components: [Int] = []
    var current = ""
    for character in tag {
      if let digit = character.wholeNumberValue, character.isASCII {
        guard current.count < 9 else { return nil }
        current.append(Character(String(digit)))
      } else if character == ".", !current.isEmpty {
        components.append(Int(current) ?? 0)
        current = ""
      } else {
        break
      }
    }
    if !current.isEmpty { components.append(Int(current) ?? 0) }
    return components.isEmpty ? nil : components
  }

  /// Whether `version` names a release after `newest`: compared component by component, a
  /// shorter version (`1.27`) naming the newest line counts as released.
  static func isNewer(_ version: [Int], than newest: [Int]) -> Bool {
    for (index, component) in version.enumerated() {
      guard index < newest.count else { return false }
      if component != newest[index] { return component > newest[index] }
    }
    return false
  }

  /// Docker Hub's official images (`docker.io/library/*`) in early 2025.
  static let officialImages: Set<String> = [
    "adminer", "aerospike", "almalinux", "alpine", "alt", "amazoncorretto", "amazonlinux", "api-firewall",
    "arangodb", "archlinux", "backdrop", "bash", "bonita", "buildpack-deps", "busybox", "caddy", "cassandra",
    "centos", "chronograf", "cirros", "clearlinux", "clefos", "clickhouse", "clojure", "composer", "convertigo",
    "couchbase", "couchdb", "crate", "dart", "debian", "docker", "drupal", "eclipse-mosquitto", "eclipse-temurin",
    "eggdrop", "elasticsearch", "elixir", "emqx", "erlang", "fedora", "flink", "fluentd", "friendica", "gazebo",
    "gcc", "geonetwork", "ghost", "golang", "gradle", "groovy", "haproxy", "haskell", "haxe", "hello-world",
    "hitch", "httpd", "hylang", "ibm-semeru-runtimes", "ibmjava", "influxdb", "irssi", "jetty", "joomla", "jruby",
    "julia", "kapacitor", "kibana", "kong", "krakend", "lightstreamer", "liquibase", "logstash", "mageia",
    "mariadb", "matomo", "maven", "mediawiki", "memcached", "mongo", "mongo-express", "monica", "mono", "mysql",
    "nats", "neo4j", "neurodebian", "nextcloud", "nginx", "node", "notary", "odoo", "open-liberty", "openjdk",
    "oraclelinux", "orientdb", "percona", "perl", "photon", "php", "php-zendserver", "phpmyadmin", "plone",
    "postfixadmin", "postgres", "pypy", "python", "r-base", "rabbitmq", "rakudo-star", "redis", "redmine",
    "registry", "rethinkdb", "rocket.chat", "rockylinux", "ros", "ruby", "rust", "sapmachine", "satosa",
    "silverpeas", "solr", "sonarqube", "spiped", "storm", "swift", "swipl", "teamspeak", "telegraf", "tomcat",
    "tomee", "traefik", "ubuntu", "unit", "varnish", "websphere-liberty", "wordpress", "xwiki", "yourls", "znc",
    "zookeeper",
  ]

  /// The newest release line of some official images when this catalogue was written (late
  /// 2025, not the simulated clock's 2025-03-03: a learner pulls today's tags), counting
  /// pre-release lines that already had tags. A tag starting with a later version does not
  /// exist; the bound is the release line, so a patch number within it is never refused.
  static let newestRelease: [String: [Int]] = [
    "alpine": [3, 23], "busybox": [1, 37], "centos": [8], "debian": [13], "golang": [1, 26], "haproxy": [3, 3],
    "httpd": [2, 4], "mariadb": [12, 1], "memcached": [1, 6], "mongo": [8, 2], "mysql": [9, 5], "nginx": [1, 29],
    "node": [25], "php": [8, 5], "postgres": [18], "python": [3, 15], "rabbitmq": [4, 2], "redis": [8, 4],
    "registry": [3, 0], "traefik": [3, 6], "ubuntu": [26, 4], "wordpress": [6, 9],
  ]

  /// `registry.k8s.io`'s top-level images that tutorials use.
  static let kubernetesImages: Set<String> = [
    "busybox", "coredns", "defaultbackend-amd64", "echoserver", "etcd", "hpa-example", "kube-apiserver",
    "kube-controller-manager", "kube-proxy", "kube-scheduler", "kubectl", "liveness", "goproxy", "nginx-slim",
    "pause", "test-webserver", "conformance",
  ]

  /// `registry.k8s.io`'s namespaces (`NAMESPACE/IMAGE`).
  static let kubernetesNamespaces: Set<String> = [
    "autoscaling", "build-image", "coredns", "cpa", "dns", "e2e-test-images", "external-dns", "git-sync",
    "ingress-nginx", "kas-network-proxy", "kube-state-metrics", "kwok", "metrics-server", "networking",
    "node-problem-detector", "nfd", "provider-aws", "provider-os", "sig-storage", "scheduler-plugins",
    "descheduler", "kueue", "jobset", "prometheus-adapter", "cloud-provider-gcp", "csi-secrets-store",
  ]
}
