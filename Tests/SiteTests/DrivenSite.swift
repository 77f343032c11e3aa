import Course

@testable import Site

/// A course's site as `kubebook build` makes it (``SiteDriver``), kept in memory.
enum DrivenSite {
  /// Every file of the site of `sources`, by path.
  static func files(_ sources: Course.Sources, options: SiteRenderer.Options = SiteRenderer.Options()) throws
    -> [String: SiteFile]
  {
    let site = MemorySite()
    _ = SiteDriver(course: try Course.assemble(sources), options: options).write(into: site) { $0.result }
    return site.files
  }
}
