import KubeSim

/// What `kubebook.toml` says about a course; every key is optional, and a course without the
/// file gets ``BookConfig/init()``, which builds the site it always did.
public struct BookConfig: Sendable, Equatable {
  /// The course title; nil: SUMMARY.md's heading.
  public var title: String?
  /// One or two sentences about the course (`<meta name="description">`, `og:description`).
  public var description: String?
  /// The authors, in the order written.
  public var authors: [String] = []
  /// The site's language (BCP 47: `en`, `zh-CN`); it picks the built-in strings.
  public var language = "zh-CN"
  /// The defaults of every fresh cluster (`[cluster]`); a block's `nodes=` and `seed=` win.
  public var cluster = ClusterConfig()
  /// `[site] base-url`: the address the site is published at, ending in `/`; with it pages
  /// get `<link rel="canonical">` and `og:url`, and the site a `sitemap.xml`.
  public var baseURL: String?
  /// `[site] repository`: the course's source repository, linked from every page.
  public var repository: String?
  /// `[site] edit-url-template`: where a lesson is edited; `{path}` is the lesson's path in
  /// the course directory.
  public var editURLTemplate: String?
  /// `[site] theme`: the theme directory, relative to the course directory.
  public var theme = "theme"
  /// `[strings]`: the page strings the course overrides, by key.
  public var strings: [UIString: String] = [:]

  /// The configuration of a course without `kubebook.toml`.
  public init() {}
}
