import KubeSim

/// Go's `pem.EncodeToMemory` for a block without headers: the base64 body in lines of 64.
enum PEM {
  /// `-----BEGIN TYPE-----`, the base64 of `bytes` in lines of 64, `-----END TYPE-----`, each
  /// line ending in a newline.
  static func encode(_ bytes: [UInt8], type: String) -> String {
    let body = Array(Base64.encode(bytes).utf8)
    var lines = ""
    var start = 0
    while start < body.count {
      lines += String(decoding: body[start..<min(start + 64, body.count)], as: UTF8.self) + "\n"
      start += 64
    }
    return "-----BEGIN \(type)-----\n" + lines + "-----END \(type)-----\n"
  }

  /// Go's `base64.RawURLEncoding` (RFC 4648 §5 without padding), as JWT segments use it.
  static func rawURLBase64(_ bytes: [UInt8]) -> String {
    String(
      Base64.encode(bytes).compactMap { character -> Character? in
        switch character {
        case "+": "-"
        case "/": "_"
        case "=": nil
        default: character
        }
      })
  }
}
