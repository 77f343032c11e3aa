import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file made of numbered pieces that arrive in any order, from several threads: each piece
/// is written as soon as every piece before it is, so a file made of every page (the print
/// page, the search index) is written while the pages are rendered, without holding the
/// whole of it in memory.
public final class OrderedFileStream: @unchecked Sendable {
  private let descriptor: Int32
  private let separator: [UInt8]
  private let lock = NSLock()
  private var next = 0
  private var waiting: [Int: [UInt8]] = [:]
  private var wroteAPiece = false
  private var failed = false

  /// Creates (or truncates) the file at `path` and writes `head`; nil when it cannot be
  /// created. `separator` goes between two non-empty pieces.
  init?(path: String, head: [UInt8], separator: [UInt8] = []) {
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return nil }
    self.separator = separator
    failed = !FileBytes.writeAll(head, to: descriptor)
  }

  deinit {
    close(descriptor)
  }

  /// Piece number `index` (from 0, each number once).
  public func submit(_ index: Int, _ piece: [UInt8]) {
    lock.lock()
    defer { lock.unlock() }
    guard index != next else {
      write(piece)
      next += 1
      while let ready = waiting.removeValue(forKey: next) {
        write(ready)
        next += 1
      }
      return
    }
    waiting[index] = piece
  }

  /// Writes `tail` after pieces 0 to `count - 1`; false when any of them is missing or any
  /// write failed.
  func finish(count: Int, tail: [UInt8]) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return !failed && next == count && waiting.isEmpty && FileBytes.writeAll(tail, to: descriptor)
  }

  private func write(_ piece: [UInt8]) {
    guard !piece.isEmpty, !failed else { return }
    if wroteAPiece && !separator.isEmpty { failed = !FileBytes.writeAll(separator, to: descriptor) }
    wroteAPiece = true
    if !failed { failed = !FileBytes.writeAll(piece, to: descriptor) }
  }
}
