import KubeSim

/// How manifests become objects of one kind (`apply -f`, `create -f`): reading the fields,
/// admitting a new object and applying a manifest onto a live one.
struct ManifestHandler<Kind> {
  /// Reads the manifest; the decoder notes unknown fields and decoding errors on the side.
  var decode: (_ decoder: inout ManifestDecoder, _ manifest: JSONValue) -> Kind
  /// Admits and stores a new object through the API; nil for a kind whose objects kubebook
  /// does not let a manifest create (a Node joins the cluster through its kubelet).
  var create: ((_ object: Kind, _ cluster: inout Cluster) throws(APIError) -> Void)?
  /// Applies `desired` (read from `manifest`) onto `live`: `configured` or `unchanged`.
  var update:
    (_ live: Kind, _ desired: Kind, _ manifest: JSONValue, _ context: inout CommandContext) throws(KubectlError) ->
      String

  /// Creates `object` through ``create``, or says the kind cannot be created from a manifest.
  func store(_ object: Kind, kind: String, source: String, in cluster: inout Cluster) throws(KubectlError) {
    guard let create else {
      throw .plain("kubebook does not simulate creating \(kind) objects from \"\(source)\"")
    }
    do { try create(object, &cluster) } catch { throw .api(error, source: source) }
  }
}
