import Dispatch
import Foundation
import TestSupport
import Testing

@testable import Workspace

/// Files written in numbered pieces that arrive out of order.
@Suite struct OrderedFileStreamTests {
  func temporaryFile() -> String {
    TemporaryDirectory.url("kubebook-stream").path
  }

  @Test func piecesLandInNumberOrderWithSeparatorsBetweenNonEmptyOnes() throws {
    let path = temporaryFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let stream = try #require(OrderedFileStream(path: path, head: Array("[".utf8), separator: Array(",".utf8)))
    stream.submit(2, Array("c".utf8))
    stream.submit(1, [])
    stream.submit(3, Array("d".utf8))
    stream.submit(0, Array("a".utf8))
    #expect(stream.finish(count: 4, tail: Array("]".utf8)))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "[a,c,d]")
  }

  @Test func aMissingPieceFailsTheFile() throws {
    let path = temporaryFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let stream = try #require(OrderedFileStream(path: path, head: []))
    stream.submit(1, Array("b".utf8))
    #expect(!stream.finish(count: 2, tail: []))
  }

  @Test func aMissingLastPieceFailsTheFile() throws {
    let path = temporaryFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let stream = try #require(OrderedFileStream(path: path, head: []))
    stream.submit(0, Array("a".utf8))
    #expect(!stream.finish(count: 2, tail: []))
  }

  @Test func piecesFromManyThreads() throws {
    let path = temporaryFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let stream = try #require(OrderedFileStream(path: path, head: Array("<".utf8)))
    DispatchQueue.concurrentPerform(iterations: 500) { index in
      stream.submit(index, Array("\(index) ".utf8))
    }
    #expect(stream.finish(count: 500, tail: Array(">".utf8)))
    let expected = "<" + (0..<500).map { "\($0) " }.joined() + ">"
    #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
  }

  @Test func aFileThatCannotBeCreatedIsNil() {
    #expect(OrderedFileStream(path: "/nonexistent-kubebook-directory/file", head: []) == nil)
  }
}
