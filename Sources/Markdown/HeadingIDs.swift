/// Gives every heading a stable, unique anchor id.
///
/// Ids follow mdBook's rule: lower-cased text, letters and digits of any script kept
/// (so Chinese headings keep their characters), spaces become `-`, other punctuation
/// is dropped; repeats get `-1`, `-2`, ... in document order.
public enum HeadingIDs {
  /// The id for a heading's text before de-duplication.
  public static func slug(_ text: String) -> String {
    var result: [UInt8] = []
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        appendASCII(UInt8(scalar.value), to: &result)
      } else if (0x4E00...0x9FFF).contains(scalar.value) {
        // CJK ideographs (the common case in this course) are letters without case.
        UTF8.encode(scalar) { result.append($0) }
      } else {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
          if lower.isASCII {
            appendASCII(UInt8(lower.value), to: &result)
          } else if lower.properties.isAlphabetic {
            UTF8.encode(lower) { result.append($0) }
          }
        }
      }
    }
    return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
  }

  /// Appends an ASCII byte as a slug keeps it: letters lower-cased, digits, `_` and `-` kept,
  /// a space or tab as `-`, anything else dropped.
  private static func appendASCII(_ byte: UInt8, to result: inout [UInt8]) {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(byte + 32)
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"),
      UInt8(ascii: "-"):
      result.append(byte)
    case UInt8(ascii: " "), UInt8(ascii: "\t"): result.append(UInt8(ascii: "-"))
    default: break
    }
  }

  /// Assigns ids to all headings in `blocks` (recursively), unique within the document.
  static func assign(to blocks: inout [Block]) {
    var used: [String: Int] = [:]
    assign(to: &blocks, used: &used)
  }

  private static func assign(to blocks: inout [Block], used: inout [String: Int]) {
    for index in blocks.indices {
      switch blocks[index].kind {
      case .heading(let level, let content, _):
        let base = slug(content.plainText)
        var id = base
        if let count = used[base] {
          id = "\(base)-\(count)"
          used[base] = count + 1
        } else {
          used[base] = 1
        }
        blocks[index].kind = .heading(level: level, content: content, id: id)
      case .blockQuote(var children):
        assign(to: &children, used: &used)
        blocks[index].kind = .blockQuote(children)
      case .callout(let kind, var children):
        assign(to: &children, used: &used)
        blocks[index].kind = .callout(kind, children)
      case .list(let info, var items):
        for item in items.indices { assign(to: &items[item], used: &used) }
        blocks[index].kind = .list(info, items: items)
      default:
        break
      }
    }
  }
}
