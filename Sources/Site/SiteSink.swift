/// Where ``SiteDriver`` puts the files of a site as it makes them: the staging directory of
/// a build (Workspace's `SiteWriter`) or memory (``MemorySite``). Written to from several
/// threads at once.
public protocol SiteSink: Sendable {
  /// A file written in numbered pieces (the print page, the search index).
  associatedtype Stream: SitePieceStream

  /// Writes one whole file.
  func write(_ file: SiteFile)

  /// Starts a file made of `head`, then numbered pieces in order (with `separator` between
  /// two non-empty ones), then the tail given to ``finish(_:path:count:tail:)``; nil when it
  /// cannot be started (the sink keeps the failure).
  func stream(path: String, head: [UInt8], separator: [UInt8]) -> Stream?

  /// Ends a file begun with ``stream(path:head:separator:)`` after its `count` pieces.
  func finish(_ stream: Stream?, path: String, count: Int, tail: [UInt8])
}

/// A file that takes numbered pieces in any order, from several threads (see ``SiteSink``).
public protocol SitePieceStream: AnyObject, Sendable {
  /// Piece number `index` (from 0, each number once).
  func submit(_ index: Int, _ piece: [UInt8])
}
