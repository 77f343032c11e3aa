/// The `pod-template-hash` of a Deployment's template (`docs/reference/controllers.md` §0.3): 32-bit FNV-1a
/// over a canonical serialisation of the template, plus the collision count, written in
/// decimal and safe-encoded.
public enum PodTemplateHash {
  /// The hash string for `template` and `collisionCount`.
  public static func compute(_ template: PodTemplate, collisionCount: Int?) -> String {
    var hash: UInt32 = 0x811C_9DC5
    func feed(_ byte: UInt8) {
      hash ^= UInt32(byte)
      hash = hash &* 0x0100_0193
    }
    for byte in canonical(template).utf8 { feed(byte) }
    if let collisionCount {
      let count = UInt32(truncatingIfNeeded: collisionCount)
      for shift in stride(from: 0, to: 32, by: 8) { feed(UInt8((count >> UInt32(shift)) & 0xFF)) }
      for _ in 0..<4 { feed(0) }
    }
    return NameGenerator.safeEncode(String(hash))
  }

  /// A stable textual form of the template (its JSON with sorted keys).
  static func canonical(_ template: PodTemplate) -> String {
    compact(template.json)
  }

  private static func compact(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return String(number)
    case .string(let text): return "\"" + text + "\""
    case .array(let items): return "[" + items.map(compact).joined(separator: ",") + "]"
    case .object(let pairs):
      return "{" + pairs.sorted { $0.0 < $1.0 }.map { "\"\($0.0)\":" + compact($0.1) }.joined(separator: ",") + "}"
    }
  }
}
