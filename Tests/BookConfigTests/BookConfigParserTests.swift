import BookConfig
import Course
import KubeSim
import Testing

/// `kubebook.toml` read into a ``BookConfig``: every key, and the errors at their lines.
@Suite struct BookConfigParserTests {
  /// The diagnostics `text` fails with, as printed.
  func errors(_ text: String) -> [String] {
    do {
      _ = try BookConfigParser.parse(text, displayPath: "kubebook.toml")
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test func anEmptyFileIsTheDefaults() throws {
    #expect(try BookConfigParser.parse("", displayPath: "kubebook.toml") == BookConfig())
    #expect(BookConfig().language == "zh-CN")
    #expect(BookConfig().theme == "theme")
  }

  @Test func everyKeyIsRead() throws {
    let config = try BookConfigParser.parse(
      """
      title = "Kubernetes by example"
      description = "Checked lessons."
      authors = ["Ada", "Grace"]
      language = "en"

      [cluster]
      workers = 3
      seed = 42

      [site]
      base-url = "https://example.org/course"
      repository = "https://github.com/o/r"
      edit-url-template = "https://github.com/o/r/edit/main/{path}"
      theme = "my-theme"

      [strings]
      search-placeholder = "Find (s)"
      """, displayPath: "kubebook.toml")
    #expect(config.title == "Kubernetes by example")
    #expect(config.description == "Checked lessons.")
    #expect(config.authors == ["Ada", "Grace"])
    #expect(config.language == "en")
    #expect(config.cluster == ClusterConfig(workers: 3, seed: 42))
    #expect(config.baseURL == "https://example.org/course/")
    #expect(config.repository == "https://github.com/o/r")
    #expect(config.editURLTemplate == "https://github.com/o/r/edit/main/{path}")
    #expect(config.theme == "my-theme")
    #expect(config.strings == [.searchPlaceholder: "Find (s)"])
  }

  @Test func anUnknownKeyIsAnErrorAtItsLine() {
    let text = """
      title = "x"

      [cluster]
      workers = 2

      [site]
      titel = "typo"
      """
    #expect(errors(text) == ["kubebook.toml:7: error: unknown key 'titel' in [site]"])
    #expect(errors("titel = \"x\"\n") == ["kubebook.toml:1: error: unknown key 'titel' at the top level"])
    #expect(errors("[strings]\n\nnope = \"x\"\n") == ["kubebook.toml:3: error: unknown key 'nope' in [strings]"])
    #expect(errors("[colour]\nx = 1\n") == ["kubebook.toml:1: error: unknown key 'colour' at the top level"])
  }

  @Test func aWrongTypeIsAnErrorAtItsLine() {
    #expect(errors("title = 3\n") == ["kubebook.toml:1: error: 'title' must be a string, not an integer"])
    #expect(
      errors("[cluster]\nworkers = \"two\"\n")
        == ["kubebook.toml:2: error: 'workers' in [cluster] must be an integer, not a string"])
    #expect(
      errors("[cluster]\nworkers = 0\n") == ["kubebook.toml:2: error: 'workers' in [cluster] must be 1 to 1000, not 0"])
    #expect(
      errors("[cluster]\nseed = -1\n") == ["kubebook.toml:2: error: 'seed' in [cluster] must be 0 or more, not -1"])
    #expect(errors("authors = \"Ada\"\n") == ["kubebook.toml:1: error: 'authors' must be an array of strings"])
    #expect(errors("site = 1\n") == ["kubebook.toml:1: error: 'site' must be a table ([site]), not an integer"])
  }

  @Test func valuesAreChecked() {
    #expect(
      errors("language = \"english language\"\n")
        == ["kubebook.toml:1: error: language 'english language' is not a BCP 47 language tag (en, zh-CN, pt-BR, ...)"])
    #expect(
      errors("[site]\nedit-url-template = \"https://x/edit\"\n")
        == ["kubebook.toml:2: error: edit-url-template must contain {path}"])
    #expect(
      errors("[site]\nbase-url = \"example.org\"\n") == [
        "kubebook.toml:2: error: base-url must start with https:// or http://"
      ])
    #expect(
      errors("[site]\ntheme = \"../x\"\n")
        == ["kubebook.toml:2: error: theme must be a directory inside the course directory, without '..'"])
  }

  @Test func severalErrorsComeInLineOrder() {
    #expect(
      errors("b = 1\na = 2\n")
        == [
          "kubebook.toml:1: error: unknown key 'b' at the top level",
          "kubebook.toml:2: error: unknown key 'a' at the top level",
        ])
  }

  @Test func aSyntaxErrorNamesItsLine() {
    let found = errors("title = \"x\"\n\n[site\n")
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("kubebook.toml:3: error: ") == true)
  }

  @Test func keysAreFoundPastMultilineStringsAndInDottedForms() {
    let text = """
      description = \"\"\"
      titel = "not a key"
      \"\"\"
      site.titel = "typo"
      """
    #expect(errors(text) == ["kubebook.toml:4: error: unknown key 'titel' in [site]"])
  }
}
