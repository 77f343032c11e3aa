import Foundation

/// A ``SiteSink`` that keeps the site in memory: every file by path (`kubebook serve`'s
/// in-memory site, and tests).
public final class MemorySite: SiteSink, @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String: SiteFile] = [:]

  /// Creates an empty site.
  public init() {}

  /// Every file written, by path.
  public var files: [String: SiteFile] {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }

  /// Keeps `file`, replacing one at the same path.
  public func write(_ file: SiteFile) {
    lock.lock()
    stored[file.path] = file
    lock.unlock()
  }

  /// Starts a file kept in pieces until ``finish(_:path:count:tail:)``.
  public func stream(path: String, head: [UInt8], separator: [UInt8]) -> PieceFile? {
    PieceFile(head: head, separator: separator)
  }

  /// Keeps the file begun with ``stream(path:head:separator:)``: its head, its `count` pieces
  /// in order (the separator between two non-empty ones) and `tail`.
  public func finish(_ stream: PieceFile?, path: String, count: Int, tail: [UInt8]) {
    guard let stream else { return }
    write(SiteFile(path: path, bytes: stream.joined(count: count, tail: tail)))
  }

  /// A file of numbered pieces held in memory.
  public final class PieceFile: SitePieceStream, @unchecked Sendable {
    private let head: [UInt8]
    private let separator: [UInt8]
    private let lock = NSLock()
    private var pieces: [Int: [UInt8]] = [:]

    /// Starts a file with `head`, whose non-empty pieces are joined by `separator`.
    init(head: [UInt8], separator: [UInt8]) {
      self.head = head
      self.separator = separator
    }

    /// Keeps piece number `index`.
    public func submit(_ index: Int, _ piece: [UInt8]) {
      lock.lock()
      pieces[index] = piece
      lock.unlock()
    }

    /// The head, pieces 0 to `count - 1` (a missing one as empty) and `tail`.
    func joined(count: Int, tail: [UInt8]) -> [UInt8] {
      lock.lock()
      defer { lock.unlock() }
      let present = (0..<count).compactMap { pieces[$0] }.filter { !$0.isEmpty }
      return head + Array(present.joined(separator: separator)) + tail
    }
  }
}
