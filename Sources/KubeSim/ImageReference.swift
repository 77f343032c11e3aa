/// A container image reference split into its parts (`registry/path:tag@digest`).
public struct ImageReference: Sendable, Equatable {
  /// The registry host, when the reference names one.
  public var registry: String?
  /// The repository path without registry, tag or digest.
  public var path: String
  /// The tag, when given.
  public var tag: String?
  /// The digest, when given.
  public var digest: String?

  /// Parses `reference` as Docker's reference grammar does (simplified).
  public init(_ reference: String) {
    var rest = Substring(reference)
    if let at = rest.firstIndex(of: "@") {
      digest = String(rest[rest.index(after: at)...])
      rest = rest[..<at]
    }
    if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
      tag = String(rest[rest.index(after: colon)...])
      rest = rest[..<colon]
    }
    let parts = rest.split(separator: "/", maxSplits: 1)
    if parts.count == 2, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost" {
      registry = String(parts[0])
      path = String(parts[1])
    } else {
      path = String(rest)
    }
  }

  /// `Always` for `:latest` or no tag, `IfNotPresent` otherwise (API server defaulting).
  public var defaultPullPolicy: PullPolicy {
    if digest != nil { return .ifNotPresent }
    return tag == nil || tag == "latest" ? .always : .ifNotPresent
  }

  /// The fully qualified name the container runtime reports (`docker.io/library/nginx:latest`).
  public var normalized: String {
    repository + ":" + (tag ?? "latest")
  }

  /// The registry and path, with Docker Hub's defaults filled in.
  public var repository: String {
    let host = registry ?? "docker.io"
    let fullPath = registry == nil && !path.contains("/") ? "library/" + path : path
    return host + "/" + fullPath
  }

  /// The last path segment: what `kubectl create deployment` names a container after.
  public var baseName: String {
    String(path.split(separator: "/").last ?? Substring(path))
  }
}
