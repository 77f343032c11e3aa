/// Gives every heading a stable, unique anchor id.
///
/// Ids follow mdBook's rule: lower-cased text, letters and digits of any script kept
/// (so Chinese headings keep their characters), spaces become `-`, other punctuation
/// is dropped; repeats get `-1`, `-2`, ... in document order.
public enum HeadingIDs {
  /// The id for a heading's text before de-duplication.
  public static func slug(_ text: String) -> String {
    var result = ""
    for scalar in text.lowercased().unicodeScalars {
      if scalar.isASCII {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" {
          result.unicodeScalars.append(scalar)
        } else if scalar == " " || scalar == "\t" {
          result.append("-")
        }
      } else if (0x4E00...0x9FFF).contains(scalar.value) || scalar.properties.isAlphabetic {
        // CJK ideographs (the common case in this course) are letters without a table look-up.
        result.unicodeScalars.append(scalar)
      } else if scalar == " " || scalar == "\t" {
        result.append("-")
      }
    }
    return result.isEmpty ? "section" : result
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
