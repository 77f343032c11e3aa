import Testing

@testable import Course

/// Text that reaches a terminal, and the places where bytes stop being UTF-8.
@Suite struct TerminalSafetyTests {
  /// `cat -v` shows C0 controls as `^` and the character 0x40 above, DEL as `^?`.
  @Test func controlCharactersAreShownNotActedOn() {
    #expect(TerminalText.visible("plain\ttext 中文") == "plain\ttext 中文")
    #expect(TerminalText.visible("a\u{1B}]0;title\u{07}b") == "a^[]0;title^Gb")
    #expect(TerminalText.visible("line\r\nnext") == "line^M\nnext")
    #expect(TerminalText.visible("\u{00}\u{08}\u{7F}") == "^@^H^?")
    #expect(TerminalText.visible("csi\u{9B}31m") == "csi<U+009B>31m")
  }

  @Test func diagnosticsAndDiffsNeverCarryALessonsEscapes() {
    let diagnostic = Diagnostic(path: "a\u{1B}.md", line: 3, message: "`echo \u{1B}[2J` failed")
    #expect(diagnostic.description == "a^[.md:3: error: `echo ^[[2J` failed")
    let diff = UnifiedDiff.format(expected: ["\u{1B}[31mred"], actual: ["ok"], color: false)
    #expect(diff == "--- expected\n+++ actual\n-^[[31mred\n+ok\n")
    let colored = UnifiedDiff.format(expected: ["\u{07}"], actual: [], color: true)
    #expect(colored.contains("\u{1B}[31m-^G\u{1B}[0m"))
  }

  /// Positions follow the UTF-8 definition (RFC 3629): lead bytes C0, C1 and F5–FF never
  /// occur, a lead byte needs its continuation bytes, surrogates (ED A0–BF) are not scalars.
  @Test(
    arguments: [
      ([0x61, 0x0A, 0x62, 0xFF], 2, 2, 3, 0xFF),
      ([0xE4, 0xB8, 0xAD, 0xC3, 0x28], 1, 4, 3, 0xC3),  // after "中", a lead byte without its continuation
      ([0x0A, 0x0A, 0xC0, 0x80], 3, 1, 2, 0xC0),  // overlong NUL
      ([0x78, 0xED, 0xA0, 0x80], 1, 2, 1, 0xED),  // a UTF-16 surrogate
      ([0x61, 0x62, 0xE2, 0x82], 1, 3, 2, 0xE2),  // cut off at the end of the file
    ] as [([UInt8], Int, Int, Int, UInt8)])
  func invalidUTF8IsLocated(bytes: [UInt8], line: Int, column: Int, offset: Int, byte: UInt8) {
    #expect(InvalidUTF8.find(in: bytes) == InvalidUTF8(line: line, column: column, offset: offset, byte: byte))
  }

  @Test func validUTF8HasNoLocation() {
    #expect(InvalidUTF8.find(in: Array("# 课程\n\n- [Pod](pods.md) 🚀\n".utf8)) == nil)
    #expect(throws: Diagnostic.self) { try Lesson(path: "a.md", displayPath: "c/a.md", bytes: [0x23, 0x80]) }
  }
}
