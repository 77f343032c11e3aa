import KubeSim

/// A failure that ends a kubectl command: printed to stderr, exit status 1.
struct KubectlError: Error {
  /// The complete text kubectl prints, without the final newline.
  var text: String
  /// The API error it reports, when it reports one (``api(_:source:verb:)``).
  var cause: APIError? = nil

  /// An error printed as `error: <message>`.
  static func plain(_ message: String) -> KubectlError {
    KubectlError(text: message.hasPrefix("error: ") ? message : "error: " + message)
  }

  /// A flag error as cobra prints one (`Error: unknown flag: --bogus`, `Error: invalid
  /// argument "x" for "--timeout" flag: ...`), with its pointer to the command's help.
  static func flag(_ message: String, command: String) -> KubectlError {
    KubectlError(text: "Error: \(message)\nSee 'kubectl \(command) --help' for usage.")
  }

  /// A flag or usage error, with cobra's pointer to the command's help.
  static func usage(_ message: String, command: String) -> KubectlError {
    KubectlError(text: "error: \(message)\nSee 'kubectl \(command) --help' for usage.")
  }

  /// An API error in kubectl's words (`Error from server (NotFound): ...`).
  /// `verb` is the operation `cmdutil.AddSourceToErr` names with the source (`creating`,
  /// `replacing`).
  static func api(_ error: APIError, source: String? = nil, verb: String = "creating") -> KubectlError {
    var result = apiText(error, source: source, verb: verb)
    result.cause = error
    return result
  }

  /// The text of ``api(_:source:verb:)``.
  private static func apiText(_ error: APIError, source: String?, verb: String) -> KubectlError {
    let prefix = source.map { "error when \(verb) \"\($0)\": " } ?? ""
    switch error {
    case .notFound(let resource, let name):
      return KubectlError(text: "Error from server (NotFound): \(prefix)\(resource) \"\(name)\" not found")
    case .alreadyExists(let resource, let name):
      return KubectlError(text: "Error from server (AlreadyExists): \(prefix)\(resource) \"\(name)\" already exists")
    case .invalid(let kind, let name, let causes):
      // checkErr prints Invalid errors from the status details, so the source is not shown.
      let head = "The \(kind) \"\(name)\" is invalid: "
      if causes.count == 1 { return KubectlError(text: head + causes[0].message) }
      return KubectlError(text: head + "\n" + causes.map { "* " + $0.message }.joined(separator: "\n"))
    case .forbidden(let resource, let name, let reason):
      return KubectlError(
        text: "Error from server (Forbidden): \(prefix)\(resource) \"\(name)\" is forbidden: \(reason)")
    case .tooManyRequests(let message):
      return KubectlError(text: "Error from server (TooManyRequests): \(prefix)\(message)")
    case .internalError(let message):
      // The eviction subresource answers 500 with a Status that has no reason.
      return KubectlError(text: "Error from server: \(prefix)\(message)")
    case .limitExceeded(let message):
      return KubectlError(text: "error: kubebook: \(message)")
    case .conflict:
      return KubectlError(text: "Error from server (Conflict): \(prefix)\(error.message)")
    }
  }
}

extension KubectlError {
  /// A `kubectl create <generator>` failure: the generators wrap the API error in plain text
  /// (`failed to create job: ...`), so there is no "Error from server" prefix and an Invalid
  /// error names the group-qualified kind (`Job.batch "x" is invalid: ...`).
  static func generator(_ prefix: String, _ error: APIError, group: String) -> KubectlError {
    var message = error.message
    if case .invalid(let kind, _, _) = error, !group.isEmpty, message.hasPrefix(kind + " ") {
      message = kind + "." + group + message.dropFirst(kind.count)
    }
    return .plain(prefix + message)
  }
}

/// Runs an API call, turning its error into kubectl's message for it.
func withAPI<T>(_ body: () throws(APIError) -> T) throws(KubectlError) -> T {
  do { return try body() } catch { throw .api(error) }
}
