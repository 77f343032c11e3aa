/// A JUnit XML report of a check: one test suite per lesson, one test case per scenario.
public enum JUnitReport {
  /// The report's XML text.
  public static func xml(_ results: [LessonResult]) -> String {
    let total = results.reduce(0) { $0 + $1.scenarios.count }
    let failures = results.reduce(0) { $0 + $1.scenarios.filter { !$0.passed }.count }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"kubebook check\" tests=\"\(total)\" failures=\"\(failures)\">\n"
    for result in results {
      let path = result.lesson.displayPath
      let suiteFailures = result.scenarios.filter { !$0.passed }.count
      xml +=
        "  <testsuite name=\"\(escape(path))\" tests=\"\(result.scenarios.count)\" failures=\"\(suiteFailures)\">\n"
      for scenario in result.scenarios {
        let name = "scenario at line \(scenario.scenario.fenceLine)"
        xml += "    <testcase classname=\"\(escape(path))\" name=\"\(escape(name))\""
        if scenario.passed {
          xml += "/>\n"
          continue
        }
        let mine = Checker.diagnostics(for: scenario, displayPath: path, color: false)
        let message = mine.first?.description ?? "scenario failed"
        let body = mine.map { $0.description + ($0.detail.map { "\n" + $0 } ?? "") }.joined(separator: "\n")
        xml += ">\n      <failure message=\"\(escape(message))\">\(escape(body))</failure>\n    </testcase>\n"
      }
      xml += "  </testsuite>\n"
    }
    return xml + "</testsuites>\n"
  }

  /// XML text escaping (and removal of characters XML 1.0 forbids).
  static func escape(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&apos;"
      default:
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
        output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
