/// Where a file stops being UTF-8, so the diagnostic can point at the place: the first
/// malformed sequence's line, its column (in bytes, 1-based) and its byte offset in the file.
public struct InvalidUTF8: Sendable, Equatable {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, counted in bytes from the start of the line.
  public var column: Int
  /// The 0-based offset of the first bad byte in the file.
  public var offset: Int
  /// The first bad byte.
  public var byte: UInt8

  /// The first malformed sequence in `bytes`, or nil when they are valid UTF-8.
  public static func find(in bytes: [UInt8]) -> InvalidUTF8? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    var line = 1
    var lineStart = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
          line += 1
          lineStart = offset + 1
        }
        offset += encoded.count
      case .emptyInput:
        return nil
      case .error:
        return InvalidUTF8(line: line, column: offset - lineStart + 1, offset: offset, byte: bytes[offset])
      }
    }
  }

  /// The diagnostic for the file at `displayPath`.
  public func diagnostic(path displayPath: String) -> Diagnostic {
    let hex = String(byte, radix: 16, uppercase: true)
    return Diagnostic(
      path: displayPath, line: line,
      message: "not valid UTF-8 text: byte 0x\(byte < 16 ? "0" : "")\(hex) at column \(column) (byte offset \(offset))")
  }

  /// `bytes` as text, or the diagnostic that says where they are not UTF-8.
  public static func decode(_ bytes: [UInt8], path displayPath: String) throws(Diagnostic) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    guard let invalid = find(in: bytes) else {
      return String(decoding: bytes, as: UTF8.self)
    }
    throw invalid.diagnostic(path: displayPath)
  }
}
