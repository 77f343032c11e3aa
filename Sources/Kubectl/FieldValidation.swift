/// `--validate`: how the server treats fields a schema does not know (kubectl's
/// `GetValidationDirective`, sent as `fieldValidation`). kubebook's API server applies it to
/// the kinds CustomResourceDefinitions define, whose unknown fields it prunes.
enum FieldValidation: Equatable {
  /// Refuse the request (`strict`, `true`, the default).
  case strict
  /// Prune and answer with a warning per field (`warn`).
  case warn
  /// Prune silently (`ignore`, `false`).
  case ignore

  /// Reads the flag's value; nil is the default.
  static func parse(_ value: String?) throws(KubectlError) -> FieldValidation {
    switch value?.lowercased() {
    case nil, "strict", "true": return .strict
    case "warn": return .warn
    case "ignore", "false": return .ignore
    case let other?:
      throw .plain("invalid - validate option \"\(other)\"; must be one of: strict (or true), warn, ignore (or false)")
    }
  }
}
