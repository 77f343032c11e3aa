import FlyingFox
import Foundation

/// Serves a site directory on 127.0.0.1 for `kubebook serve`: GET and HEAD of files under
/// the directory only (a path that leaves it, through `..` or a symbolic link, is 404), HTML
/// with ``LiveReload``'s script, and the long poll that script waits on.
public actor PreviewServer {
  /// The directory served, with symbolic links resolved.
  let root: String
  let server: HTTPServer
  /// Goes up by one each time ``siteChanged()`` is called.
  public private(set) var version = 1
  /// How long a wait is held before it is answered with the same version.
  let longPoll: Duration

  /// Prepares to serve `directory` on 127.0.0.1:`port` (0: any free port).
  public init(directory: String, port: UInt16, longPoll: Duration = .seconds(25)) throws {
    self.root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    self.longPoll = longPoll
    self.server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
  }

  /// Listens until the task is cancelled; `onListening` gets the port once it listens.
  public func run(onListening: @escaping @Sendable (UInt16) -> Void) async throws {
    await server.appendRoute("*") { [weak self] request in
      guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
      return await self.respond(to: request)
    }
    let server = self.server
    async let running: Void = server.run()
    try await server.waitUntilListening()
    if case .ip4(_, let port) = await server.listeningAddress { onListening(port) }
    try await running
  }

  /// Says the files changed: pages waiting reload.
  public func siteChanged() {
    version += 1
  }

  func respond(to request: HTTPRequest) async -> HTTPResponse {
    guard request.method == .GET || request.method == .HEAD else {
      return HTTPResponse(statusCode: .methodNotAllowed)
    }
    if request.path == LiveReload.waitPath {
      let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) } ?? version
      let deadline = ContinuousClock.now + longPoll
      while version <= since && ContinuousClock.now < deadline {
        try? await Task.sleep(for: .milliseconds(5))
      }
      return text("\(version)", type: "text/plain; charset=utf-8", status: .ok)
    }
    guard let relative = PreviewPath.relativeFile(for: request.path),
      let bytes = read(relative)
    else {
      return text("404: no such file in the site\n", type: "text/plain; charset=utf-8", status: .notFound)
    }
    let type = PreviewPath.contentType(of: relative)
    let body = type.hasPrefix("text/html") ? LiveReload.inject(into: bytes, version: version) : bytes
    var response = HTTPResponse(statusCode: .ok, headers: [.contentType: type], body: Data(body))
    response.headers[HTTPHeader("Cache-Control")] = "no-store"
    return response
  }

  /// The bytes of `relative` under the root, or nil when it is missing, not a regular file,
  /// or resolves (through a symbolic link) to somewhere outside the root.
  func read(_ relative: String) -> [UInt8]? {
    let resolved = URL(fileURLWithPath: root + "/" + relative).resolvingSymlinksInPath().path
    guard resolved.hasPrefix(root + "/") else { return nil }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: resolved)
    else { return nil }
    return [UInt8](data)
  }

  func text(_ text: String, type: String, status: HTTPStatusCode) -> HTTPResponse {
    var response = HTTPResponse(statusCode: status, headers: [.contentType: type], body: Data(text.utf8))
    response.headers[HTTPHeader("Cache-Control")] = "no-store"
    return response
  }
}
