/// A kind with the `/scale` subresource: a desired replica count that `kubectl scale` (and
/// the autoscaler) sets through the API without touching the rest of the spec.
public protocol ScalableResource: StoredResource {
  /// `spec.replicas`.
  var replicas: Int { get set }
  /// Writes `object`'s new replica count through the API (validation, generation, watch).
  static func writeScale(_ object: Self, in cluster: inout Cluster) throws(APIError)
}
