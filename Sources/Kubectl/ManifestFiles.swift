import KubeSim

/// The documents `-f` names, as kubectl's resource builder visits them
/// (`cli-runtime/pkg/resource`): each file's `---`-separated documents in order, a directory's
/// `.json`, `.yaml` and `.yml` files in lexical order (its subdirectories too with `-R`), and
/// the items of a `kind: List` in place of the list (`FlattenListVisitor`).
enum ManifestFiles {
  /// The extensions a directory's files must have (`resource.FileExtensions`).
  static let extensions = [".json", ".yaml", ".yml"]
  /// The most files one directory walk visits.
  static let maxFiles = 10_000

  /// Every document of `paths`, with the file each came from (`STDIN` for `-`).
  static func documents(_ paths: [String], recursive: Bool, context: CommandContext) throws(KubectlError)
    -> [(source: String, value: JSONValue)]
  {
    var files: [String] = []
    for path in paths {
      if path != "-", !path.contains("://"), context.files.contents(of: path) == nil,
        context.files.entries(of: path) != nil
      {
        files += try walk(path, recursive: recursive, files: context.files)
        // Builder.Path: an error only while no path so far gave a file.
        if files.isEmpty {
          throw .plain("error reading [\(path)]: recognized file extensions are [.json .yaml .yml]")
        }
      } else {
        files.append(path)
      }
    }
    var documents: [(source: String, value: JSONValue)] = []
    for path in files {
      let text = try context.read(path)
      let source = path == "-" ? "STDIN" : path
      for value in try ManifestReader.documents(text, source: source) {
        for item in flattened(value) { documents.append((source, item)) }
      }
    }
    return documents
  }

  /// A `kind: List` document's items (a list inside a list flattened too, as far as
  /// ``ManifestReader/maxDepth`` lets documents nest), else the document itself.
  static func flattened(_ value: JSONValue) -> [JSONValue] {
    guard value["kind"]?.stringValue == "List", let items = value["items"]?.arrayValue else { return [value] }
    return items.flatMap(flattened)
  }

  /// The manifest files under the directory `root`, as `filepath.Walk` visits them: entries in
  /// byte order, a file only with a known extension, a subdirectory only when `recursive`.
  static func walk(_ root: String, recursive: Bool, files: any FileProvider) throws(KubectlError) -> [String] {
    var result: [String] = []
    var visited = 0
    try visit(root, recursive: recursive, files: files, visited: &visited, into: &result)
    return result
  }

  /// Adds the manifest files of `directory` to `result`, depth first.
  private static func visit(
    _ directory: String, recursive: Bool, files: any FileProvider, visited: inout Int, into result: inout [String]
  ) throws(KubectlError) {
    let names = (files.entries(of: directory) ?? []).sorted {
      Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
    }
    let base = VirtualDirectory.normalize(directory).map { $0 + "/" } ?? ""
    for name in names {
      visited += 1
      if visited > maxFiles { throw .plain("kubebook reads at most \(maxFiles) entries under one -f directory") }
      let path = base + name
      if files.contents(of: path) == nil {
        if recursive { try visit(path, recursive: true, files: files, visited: &visited, into: &result) }
      } else if extensions.contains(where: { path.hasSuffix($0) }) {
        result.append(path)
      }
    }
  }
}
