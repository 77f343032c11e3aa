import BookConfig
import Foundation
import Testing

/// The strings of the page chrome in each language.
@Suite struct SiteStringsTests {
  @Test func theLanguagePicksTheTable() {
    #expect(SiteStrings(language: "en")[.searchPlaceholder] == "Search (press s)")
    #expect(SiteStrings(language: "en-GB")[.print] == "Print")
    #expect(SiteStrings(language: "fr")[.print] == "Print")
    // The first course's own strings (the page frame before the table existed).
    #expect(SiteStrings(language: "zh-CN")[.searchPlaceholder] == "搜索（按 s）")
    #expect(SiteStrings(language: "zh-TW")[.print] == "打印")
  }

  @Test func everyStringHasBothTexts() {
    for key in UIString.allCases {
      #expect(!key.english.isEmpty && !key.simplifiedChinese.isEmpty, "\(key.rawValue)")
      // The same placeholders in both languages.
      func names(_ text: String) -> [String] {
        SiteStrings(language: "en", overrides: [key: text]).pieces(key).filter { !$0.literal }.map(\.text).sorted()
      }
      #expect(names(key.english) == names(key.simplifiedChinese), "\(key.rawValue)")
    }
  }

  @Test func overridesWinAndPlaceholdersFill() {
    let strings = SiteStrings(language: "en", overrides: [.searchFound: "{count} hits"])
    #expect(strings.format(.searchFound, ["count": "3"]) == "3 hits")
    #expect(strings.format(.playerPosition, ["step": "2", "count": "5"]) == "Step 2 of 5")
    // A value that reads like a placeholder is not filled again; an unknown one stays.
    #expect(strings.format(.searchNothing, ["query": "{count}"]) == "Nothing found for “{count}”")
    #expect(SiteStrings(language: "en", overrides: [.print: "{x} print"]).format(.print, [:]) == "{x} print")
  }
}

/// guide/configuration.md lists every string a course may reword.
@Suite struct StringsDocumentationTests {
  @Test func everyKeyIsDocumented() throws {
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { root.deleteLastPathComponent() }
    let doc = try String(contentsOf: root.appendingPathComponent("guide/configuration.md"), encoding: .utf8)
    for key in UIString.allCases {
      #expect(doc.contains("| `\(key.rawValue)` | \(key.english) | \(key.simplifiedChinese) |"), "\(key.rawValue)")
    }
  }
}
