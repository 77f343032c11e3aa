/// Overflow-free arithmetic for sums and products of values that come from lessons, command
/// lines and manifests: a result beyond the type's range is clamped to its bound instead of
/// trapping.
extension FixedWidthInteger {
  /// `self + other`, clamped to the type's range.
  public func saturatingAdd(_ other: Self) -> Self {
    let (sum, overflow) = addingReportingOverflow(other)
    guard overflow else { return sum }
    return other > 0 ? .max : .min
  }

  /// `self - other`, clamped to the type's range.
  public func saturatingSubtract(_ other: Self) -> Self {
    let (difference, overflow) = subtractingReportingOverflow(other)
    guard overflow else { return difference }
    return other > 0 ? .min : .max
  }

  /// `self * other`, clamped to the type's range.
  public func saturatingMultiply(_ other: Self) -> Self {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    guard overflow else { return product }
    return (self < 0) == (other < 0) ? .max : .min
  }

  /// `value` rounded toward zero and clamped to the type's range; nil for NaN.
  public static func clamping(_ value: Double) -> Self? {
    guard !value.isNaN else { return nil }
    if value >= Double(Self.max) { return .max }
    if value <= Double(Self.min) { return .min }
    return Self(value)
  }
}
