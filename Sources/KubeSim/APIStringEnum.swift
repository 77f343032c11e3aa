/// An enum whose raw values are the Kubernetes API's strings (`Running`, `NoSchedule`, `True`):
/// it prints, and interpolates, as that string rather than as its Swift case name.
public protocol APIStringEnum: RawRepresentable, CustomStringConvertible, Sendable, Equatable
where RawValue == String {}

extension APIStringEnum {
  /// The API string.
  public var description: String { rawValue }
}
