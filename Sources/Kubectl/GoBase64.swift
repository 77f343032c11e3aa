/// Go's `base64.StdEncoding.DecodeString`: padded standard base64, line breaks skipped, and
/// its `CorruptInputError` offsets.
enum GoBase64 {
  /// Go's `CorruptInputError`: where the input stops being base64.
  struct CorruptInput: Error, Equatable {
    var offset: Int
  }

  /// The bytes `text` encodes, or the offset of its first corrupt byte.
  static func decode(_ text: String) -> Result<[UInt8], CorruptInput> {
    let source = Array(text.utf8)
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var decodeMap = [UInt8](repeating: 0xFF, count: 256)
    for (offset, byte) in alphabet.enumerated() { decodeMap[Int(byte)] = UInt8(offset) }
    /// Go's `CorruptInputError` at `offset`.
    func corrupt(_ offset: Int) -> CorruptInput { CorruptInput(offset: offset) }
    /// Whether `byte` is a line break, which the decoder skips.
    func isNewline(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    var output: [UInt8] = []
    var index = 0
    while true {
      var quantum = [UInt8](repeating: 0, count: 4)
      var length = 4
      var position = 0
      var finished = false
      while position < 4 {
        if index == source.count {
          if position == 0 { return .success(output) }
          return .failure(corrupt(index - position))
        }
        let byte = source[index]
        index += 1
        let value = decodeMap[Int(byte)]
        if value != 0xFF {
          quantum[position] = value
          position += 1
          continue
        }
        if isNewline(byte) { continue }
        guard byte == UInt8(ascii: "=") else { return .failure(corrupt(index - 1)) }
        switch position {
        case 0, 1: return .failure(corrupt(index - 1))
        case 2:
          while index < source.count && isNewline(source[index]) { index += 1 }
          if index == source.count { return .failure(corrupt(source.count)) }
          guard source[index] == UInt8(ascii: "=") else { return .failure(corrupt(index - 1)) }
          index += 1
        default: break
        }
        while index < source.count && isNewline(source[index]) { index += 1 }
        if index < source.count { return .failure(corrupt(index)) }
        length = position
        finished = true
        break
      }
      let bytes = [
        quantum[0] << 2 | quantum[1] >> 4, (quantum[1] & 0x0F) << 4 | quantum[2] >> 2,
        (quantum[2] & 0x03) << 6 | quantum[3],
      ]
      output.append(contentsOf: bytes.prefix(length - 1))
      if finished { return .success(output) }
    }
  }
}
