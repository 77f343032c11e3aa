/// Why a patch could not be applied, in the words kubectl prints after `error: `.
struct PatchError: Error, Equatable {
  /// The message, as the Go library that applies the patch words it.
  var message: String

  init(_ message: String) { self.message = message }
}
