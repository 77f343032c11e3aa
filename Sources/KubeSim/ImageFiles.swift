/// The files a container image brings, as far as kubebook models them: the directories `ls /`
/// shows, the few files whose bytes are known (nginx's and httpd's welcome pages), and the
/// tools the image's shell and utilities come from (BusyBox, or Debian's dash and GNU
/// coreutils), which decide the wording of their errors.
///
/// Files whose bytes kubebook does not know are present but opaque (`ls` lists them, `cat`
/// says that kubebook does not know them), and directories whose whole listing it does not
/// know (`/bin`, `/etc`) are unlisted (`ls` of them is refused). An image outside the catalogue
/// has only what the kubelet and the volumes add.
public struct ImageFiles: Sendable {
  /// Whose shell and utilities an image has.
  public enum Tools: Sendable, Equatable {
    /// BusyBox's `sh` and applets (busybox, alpine).
    case busybox
    /// Debian's `dash` as `/bin/sh` and GNU coreutils (nginx, httpd, redis, debian).
    case gnu
  }

  /// The image's shell and utilities.
  public var tools: Tools
  /// The image's nodes by absolute path (no trailing `/`; `/` itself is the root).
  public var nodes: [String: FileNode]

  /// nginx's default page (`/usr/share/nginx/html/index.html` of the official image since
  /// the welcome page gained `color-scheme`), as captured with `curl` and `wget -qO-`.
  public static let nginxWelcomePage = """
    <!DOCTYPE html>
    <html>
    <head>
    <title>Welcome to nginx!</title>
    <style>
    html { color-scheme: light dark; }
    body { width: 35em; margin: 0 auto;
    font-family: Tahoma, Verdana, Arial, sans-serif; }
    </style>
    </head>
    <body>
    <h1>Welcome to nginx!</h1>
    <p>If you see this page, the nginx web server is successfully installed and
    working. Further configuration is required.</p>

    <p>For online documentation and support please refer to
    <a href="http://nginx.org/">nginx.org</a>.<br/>
    Commercial support is available at
    <a href="http://nginx.com/">nginx.com</a>.</p>

    <p><em>Thank you for using nginx.</em></p>
    </body>
    </html>

    """

  /// httpd's `htdocs/index.html` (the official image's page, shown by its documentation).
  public static let httpdWelcomePage = "<html><body><h1>It works!</h1></body></html>\n"

  /// Debian bookworm's top-level directories (`debian:bookworm-slim`, the base of nginx,
  /// httpd and redis).
  static let debianRoot = [
    "bin", "boot", "dev", "etc", "home", "lib", "lib64", "media", "mnt", "opt", "proc", "root", "run", "sbin",
    "srv", "sys", "tmp", "usr", "var",
  ]

  /// The files of `image`, or nil when kubebook does not know the image.
  public static func of(_ image: String) -> ImageFiles? {
    let reference = ImageReference(image)
    // kubernetes.io's examples pull BusyBox from registry.k8s.io (`registry.k8s.io/busybox`).
    let dockerHub = reference.registry == nil || reference.registry == "docker.io"
    let k8sBusybox = reference.registry == "registry.k8s.io" && reference.path == "busybox"
    guard dockerHub || k8sBusybox else { return nil }
    switch reference.baseName {
    case "busybox":
      // BusyBox images before 1.32 carried no C library directories.
      let old = ["1.24", "1.27", "1.28", "1.29", "1.30", "1.31"].contains { reference.tag?.hasPrefix($0) == true }
      let root =
        old
        ? ["bin", "dev", "etc", "home", "proc", "root", "sys", "tmp", "usr", "var"]
        : ["bin", "dev", "etc", "home", "lib", "lib64", "proc", "root", "sys", "tmp", "usr", "var"]
      return ImageFiles(tools: .busybox, root: root)
    case "alpine":
      return ImageFiles(
        tools: .busybox,
        root: [
          "bin", "dev", "etc", "home", "lib", "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys", "tmp",
          "usr", "var",
        ])
    case "nginx":
      var files = ImageFiles(
        tools: .gnu, root: debianRoot + ["docker-entrypoint.d"], opaqueFiles: ["/docker-entrypoint.sh"])
      files.add("/usr/share/nginx/html/index.html", .file(nginxWelcomePage), listed: true)
      files.add("/usr/share/nginx/html/50x.html", .opaque, listed: true)
      files.add("/etc/nginx/nginx.conf", .opaque, listed: false)
      files.add("/etc/nginx/conf.d/default.conf", .opaque, listed: true)
      for script in [
        "10-listen-on-ipv6-by-default.sh", "15-local-resolvers.envsh", "20-envsubst-on-templates.sh",
        "30-tune-worker-processes.sh",
      ] {
        files.add("/docker-entrypoint.d/" + script, .opaque, listed: true)
      }
      return files
    case "httpd":
      var files = ImageFiles(tools: .gnu, root: debianRoot)
      files.add("/usr/local/apache2/htdocs/index.html", .file(httpdWelcomePage), listed: true)
      files.add("/usr/local/apache2/conf/httpd.conf", .opaque, listed: false)
      return files
    case "redis":
      return ImageFiles(tools: .gnu, root: debianRoot + ["data"])
    case "debian":
      return ImageFiles(tools: .gnu, root: debianRoot)
    default:
      return nil
    }
  }

  /// An image with `root`'s directories (unlisted, except the empty `/tmp`, `/home`, `/mnt`,
  /// `/media`, `/opt`, `/srv` and `/data`) and `opaqueFiles` at the top.
  init(tools: Tools, root: [String], opaqueFiles: [String] = []) {
    self.tools = tools
    nodes = ["/": .directory(listed: true)]
    let empty: Set<String> = ["tmp", "home", "mnt", "media", "opt", "srv", "data"]
    for name in root { nodes["/" + name] = .directory(listed: empty.contains(name)) }
    for path in opaqueFiles { nodes[path] = .opaque }
  }

  /// Adds `node` at `path` and the directories above it (listed when `listed`, so that `ls`
  /// shows their whole content).
  mutating func add(_ path: String, _ node: FileNode, listed: Bool) {
    nodes[path] = node
    let parent = ContainerPath.parent(of: path)
    if listed { nodes[parent] = .directory(listed: true) }
    var ancestor = parent
    while ancestor != "/" {
      if nodes[ancestor] == nil { nodes[ancestor] = .directory(listed: false) }
      ancestor = ContainerPath.parent(of: ancestor)
    }
  }
}

/// One entry of a simulated file tree.
public enum FileNode: Sendable, Equatable {
  /// A regular file and its text.
  case file(String)
  /// A file kubebook knows exists but not the bytes of.
  case opaque
  /// A directory; `listed` when kubebook knows everything in it.
  case directory(listed: Bool)

  /// Whether the node is a directory.
  public var isDirectory: Bool {
    if case .directory = self { return true }
    return false
  }
}

/// Absolute paths inside a container, as the shell and kubectl name them.
public enum ContainerPath {
  /// `path` made absolute against `/` with `.`, `..` and repeated slashes resolved (`..` at
  /// the root stays at the root).
  public static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The directory holding the normalized `path` (`/` for `/` itself).
  public static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
    return String(path[..<slash])
  }

  /// The last component of the normalized `path` (`/` for `/`).
  public static func base(of path: String) -> String {
    path == "/" ? "/" : String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
  }
}
