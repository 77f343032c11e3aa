import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What the tests' own `posix_spawn` children must not inherit.
enum SpawnActions {
  /// Adds to `actions` the closing of every descriptor from 3 up, so the child holds nothing
  /// of ours. Foundation's `Process` learns that a child ended when every copy of a socket the
  /// child holds is closed: a long-lived child of ours (the tmux server, the preview) that
  /// kept another test's copy would make that test wait for it.
  static func closeInherited(_ actions: inout posix_spawn_file_actions_t) {
    // glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which Swift does not import.
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
      let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
      if closeFrom(&actions, 3) == 0 { return }
    }
    // Otherwise each descriptor open now (one opened meanwhile by another thread may slip by).
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for descriptor in open.compactMap({ Int32($0) }).sorted() where descriptor >= 3 {
      if fcntl(descriptor, F_GETFD) != -1 { posix_spawn_file_actions_addclose(&actions, descriptor) }
    }
  }
}
