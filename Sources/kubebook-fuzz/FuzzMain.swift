// kubebook-fuzz: libFuzzer targets over the scenario parser and blesser (`lesson`), manifest
// decoding (`manifest`) and kubebook's container shell (`shell`). scripts/fuzz builds it with
// `--sanitize=fuzzer -Xswiftc -DFUZZING`, where libFuzzer supplies `main`; built normally, it
// replays saved inputs.
//
//   kubebook-fuzz --target=lesson|manifest|shell [libFuzzer flags] [CORPUS_DIR...]   (fuzzing build)
//   kubebook-fuzz lesson|manifest|shell FILE_OR_DIR...                        (normal build)
import Foundation

/// The fuzz targets by name.
let fuzzTargets: [String: @Sendable ([UInt8]) -> Void] = [
  "lesson": LessonFuzzTarget.run,
  "manifest": ManifestFuzzTarget.run,
  "shell": ShellFuzzTarget.run,
]

#if FUZZING
  /// The target chosen with `--target=NAME` (libFuzzer ignores flags that start with `--`).
  nonisolated(unsafe) var selectedTarget: (@Sendable ([UInt8]) -> Void)?

  /// libFuzzer's start-up hook: reads `--target=NAME`.
  @_cdecl("LLVMFuzzerInitialize")
  public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
  ) -> Int32 {
    let arguments = (0..<Int(argc.pointee)).compactMap { argv.pointee?[$0].map { String(cString: $0) } }
    let name = arguments.first { $0.hasPrefix("--target=") }.map { String($0.dropFirst("--target=".count)) }
    guard let name, let target = fuzzTargets[name] else {
      FileHandle.standardError.write(
        Data("kubebook-fuzz: error: give --target=lesson, --target=manifest or --target=shell\n".utf8))
      exit(2)
    }
    selectedTarget = target
    return 0
  }

  /// libFuzzer's per-input hook.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedTarget?(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }
#else
  /// Built without libFuzzer: replays saved inputs (files, or every file of a directory).
  @main enum ReplayMain {
    static func main() {
      let arguments = CommandLine.arguments
      guard arguments.count >= 3, let target = fuzzTargets[arguments[1]] else {
        FileHandle.standardError.write(Data("usage: kubebook-fuzz lesson|manifest|shell FILE_OR_DIR...\n".utf8))
        exit(2)
      }
      var replayed = 0
      for path in arguments.dropFirst(2) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
          FileHandle.standardError.write(Data("kubebook-fuzz: error: no file \(path)\n".utf8))
          exit(2)
        }
        let names =
          isDirectory.boolValue ? (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? [] : [""]
        for name in names {
          let file = name.isEmpty ? path : path + "/" + name
          guard let data = FileManager.default.contents(atPath: file) else { continue }
          target([UInt8](data))
          replayed += 1
        }
      }
      print("replayed \(replayed) input(s)")
    }
  }
#endif
