/// The files of one pod's containers, as their processes see them: each container's own root
/// (its image's files, the kubelet's `/etc/hostname`, `/etc/hosts` and `/etc/resolv.conf`, and
/// what was written there since the container started: its writable layer) and the pod's
/// volumes, which every container mounting one shares (emptyDir) or sees read-only (ConfigMap
/// and Secret).
public struct PodFiles: Sendable {
  /// Where a container sees a volume: `path` shows the volume's tree from `subPath` down.
  struct Mount: Sendable {
    var path: String
    var tree: String
    var subPath: String
    var readOnly: Bool
  }

  /// File trees by name (`container:NAME`, `volume:NAME`), each by absolute path from its own
  /// root.
  var trees: [String: [String: FileNode]] = [:]
  /// Each container's mounts, the deepest mount path first.
  var mounts: [String: [Mount]] = [:]
  /// Each container's image tools, or nil for an image kubebook does not know.
  var tools: [String: ImageFiles.Tools?] = [:]
  /// When not nil, every change made is appended here (what one `kubectl exec` wrote).
  var journal: [ContainerWrite.Change]?

  /// Makes `change` again (a recorded write replayed); failures are ignored, as they were
  /// reported when it was first made.
  mutating func apply(_ change: ContainerWrite.Change) {
    switch change.operation {
    case .write(let path, let text, let append): _ = write(path, text, append: append, in: change.container)
    case .touch(let path): _ = touch(path, in: change.container)
    case .makeDirectory(let path, let parents): _ = makeDirectory(path, parents: parents, in: change.container)
    case .remove(let path, let recursive): _ = remove(path, recursive: recursive, in: change.container)
    }
  }

  /// Notes a change in ``journal`` when one is being kept.
  mutating func record(_ operation: ContainerWrite.Operation, _ container: String) {
    journal?.append(ContainerWrite.Change(container: container, operation: operation))
  }

  /// Why a file operation failed, as `strerror` words it.
  public enum Failure: String, Error, Sendable {
    case notFound = "No such file or directory"
    case notDirectory = "Not a directory"
    case isDirectory = "Is a directory"
    case exists = "File exists"
    case readOnly = "Read-only file system"
    case notEmpty = "Directory not empty"
    /// A file would grow past ``PodFiles/fileLimit``.
    case noSpace = "No space left on device"
  }

  /// The largest file kubebook keeps, in UTF-8 bytes: a write past it fails as a full disk
  /// does.
  public static let fileLimit = 64 * 1024

  /// The tools of `container`'s image (nil: kubebook does not know the image).
  public func tools(of container: String) -> ImageFiles.Tools? { tools[container] ?? nil }

  /// The tree, path inside it and writability behind the absolute `path` in `container`.
  func locate(_ path: String, in container: String) -> (tree: String, path: String, readOnly: Bool) {
    let path = ContainerPath.normalize(path)
    for mount in mounts[container] ?? [] where path == mount.path || path.hasPrefix(mount.path + "/") {
      let rest = path.dropFirst(mount.path.count)
      return (mount.tree, ContainerPath.normalize(mount.subPath + rest), mount.readOnly)
    }
    return ("container:" + container, path, false)
  }

  /// The node at `path` in `container`, or nil when there is none.
  public func node(_ path: String, in container: String) -> FileNode? {
    let place = locate(path, in: container)
    return trees[place.tree]?[place.path]
  }

  /// The names directly inside the directory `path` of `container`, sorted, or the failure.
  public func children(of path: String, in container: String) -> Result<[String], Failure> {
    let place = locate(path, in: container)
    guard let node = trees[place.tree]?[place.path] else { return .failure(.notFound) }
    guard node.isDirectory else { return .failure(.notDirectory) }
    let prefix = place.path == "/" ? "/" : place.path + "/"
    var names: Set<String> = []
    for key in (trees[place.tree] ?? [:]).keys where key.hasPrefix(prefix) && key != "/" {
      let rest = key.dropFirst(prefix.count)
      if !rest.isEmpty, !rest.contains("/") { names.insert(String(rest)) }
    }
    return .success(names.sorted())
  }

  /// Creates or replaces (or with `append`, extends) the file `path` of `container`.
  public mutating func write(_ path: String, _ text: String, append: Bool = false, in container: String)
    -> Failure?
  {
    let place = locate(path, in: container)
    if let failure = parentFailure(place) { return failure }
    let existing = trees[place.tree]?[place.path]
    if existing?.isDirectory == true { return .isDirectory }
    if place.readOnly { return .readOnly }
    var content = text
    if append, case .file(let old)? = existing { content = old + text }
    if content.utf8.count > Self.fileLimit { return .noSpace }
    trees[place.tree, default: [:]][place.path] = .file(content)
    record(.write(path, text, append: append), container)
    return nil
  }

  /// `touch`: creates `path` empty unless something is there.
  public mutating func touch(_ path: String, in container: String) -> Failure? {
    let place = locate(path, in: container)
    if let failure = parentFailure(place) { return failure }
    if trees[place.tree]?[place.path] != nil { return place.readOnly ? .readOnly : nil }
    if place.readOnly { return .readOnly }
    trees[place.tree, default: [:]][place.path] = .file("")
    record(.touch(path), container)
    return nil
  }

  /// `mkdir` (with `parents`, `mkdir -p`): the failure names the path it was about, as
  /// BusyBox names the prefix it stopped at.
  public mutating func makeDirectory(_ path: String, parents: Bool, in container: String) -> Failure? {
    let place = locate(path, in: container)
    if parents {
      var missing: [String] = []
      var current = ContainerPath.normalize(path)
      while node(current, in: container) == nil, current != "/" {
        missing.append(current)
        current = ContainerPath.parent(of: current)
      }
      if let node = node(current, in: container), !node.isDirectory { return .notDirectory }
      for directory in missing.reversed() {
        let inner = locate(directory, in: container)
        if inner.readOnly { return .readOnly }
        trees[inner.tree, default: [:]][inner.path] = .directory(listed: true)
      }
      record(.makeDirectory(path, parents: true), container)
      return nil
    }
    if trees[place.tree]?[place.path] != nil { return .exists }
    if let failure = parentFailure(place) { return failure }
    if place.readOnly { return .readOnly }
    trees[place.tree, default: [:]][place.path] = .directory(listed: true)
    record(.makeDirectory(path, parents: false), container)
    return nil
  }

  /// `rm` (with `recursive`, `rm -r`): removes `path` of `container` and, for a directory,
  /// everything under it in the same tree.
  public mutating func remove(_ path: String, recursive: Bool, in container: String) -> Failure? {
    let place = locate(path, in: container)
    guard let existing = trees[place.tree]?[place.path] else { return .notFound }
    if existing.isDirectory && !recursive { return .isDirectory }
    if place.readOnly || place.path == "/" { return place.path == "/" ? .isDirectory : .readOnly }
    let prefix = place.path + "/"
    trees[place.tree] = trees[place.tree]?.filter { $0.key != place.path && !$0.key.hasPrefix(prefix) }
    record(.remove(path, recursive: recursive), container)
    return nil
  }

  /// Why a new entry cannot be made at `place`: a missing or non-directory parent.
  func parentFailure(_ place: (tree: String, path: String, readOnly: Bool)) -> Failure? {
    guard place.path != "/" else { return nil }
    guard let parent = trees[place.tree]?[ContainerPath.parent(of: place.path)] else { return .notFound }
    return parent.isDirectory ? nil : .notDirectory
  }
}

/// Changes `kubectl exec` made in a pod's files at one instant: replayed in order with the
/// containers' processes whenever the files are looked at. Changes in a container's own root
/// belong to its run (`runStart`) and are lost when it restarts; changes in volumes stay.
struct ContainerWrite: Sendable {
  /// One change of a file.
  enum Operation: Sendable, Equatable {
    case write(String, String, append: Bool)
    case touch(String)
    case makeDirectory(String, parents: Bool)
    case remove(String, recursive: Bool)
  }

  /// One change, made as `container` sees the files.
  struct Change: Sendable {
    var container: String
    var operation: Operation
  }

  var time: Timestamp
  /// The start of the run of the exec's container when it was made.
  var runStart: Timestamp
  var changes: [Change]
}
