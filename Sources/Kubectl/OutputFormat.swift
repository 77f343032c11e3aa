/// The `-o` formats kubebook prints.
enum OutputFormat: Equatable {
  case table
  case wide
  case yaml
  case json
  case name

  /// The error kubectl prints for an unknown `-o` value.
  static func unknown(_ value: String) -> KubectlError {
    .plain(
      "unable to match a printer suitable for the output format \"\(value)\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"
    )
  }

  /// Parses the `-o` value of a command that prints the objects it makes (`create`, `run`,
  /// `expose`, `scale`): kubectl's `PrintFlags` there have no table printer, so `wide` and
  /// anything unknown are refused with the shorter list (`genericclioptions.PrintFlags.ToPrinter`).
  static func parseWithoutTables(_ value: String?) throws(KubectlError) -> OutputFormat {
    let format: OutputFormat
    do { format = try parse(value) } catch { format = .wide }
    guard format == .wide else { return format }
    throw .plain(
      "unable to match a printer suitable for the output format \"\(value ?? "")\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
    )
  }

  /// Parses an `-o` value (nil means the default table).
  static func parse(_ value: String?) throws(KubectlError) -> OutputFormat {
    switch value {
    case nil, "": return .table
    case "wide": return .wide
    case "yaml": return .yaml
    case "json": return .json
    case "name": return .name
    case let other?: throw unknown(other)
    }
  }
}
