/// One write a client made to an object, as the API server's field manager sees it: who
/// wrote (`manager`, the `?fieldManager=` kubectl sends), through which subresource, when,
/// and the object before and after (without its status). kubebook keeps only client writes
/// (kubectl commands, a few per lesson); the owned fields are computed from them only when
/// `--show-managed-fields` prints them, so the controllers' writes cost nothing.
public struct FieldWrite: Sendable {
  /// The field manager's name.
  public var manager: String
  /// The subresource written (`scale`), nil for the object itself.
  public var subresource: String?
  /// When the write happened (virtual clock).
  public var time: Timestamp
  /// The object before the write (nil for a create).
  public var before: JSONValue?
  /// The object after the write.
  public var after: JSONValue

  /// A write by `manager` at `time`.
  public init(manager: String, subresource: String?, time: Timestamp, before: JSONValue?, after: JSONValue) {
    self.manager = manager
    self.subresource = subresource
    self.time = time
    self.before = before
    self.after = after
  }
}
