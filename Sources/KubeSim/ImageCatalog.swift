/// Stable, made-up facts about container images (digests, sizes), derived from the image
/// name alone so they are the same on every page and every run.
public enum ImageCatalog {
  /// The image id the runtime reports: `<repository>@sha256:<64 hex digits>`.
  /// Base images whose default command is a shell: with nothing to run they exit at once,
  /// they print nothing of their own and listen on no port.
  public static let shellImages: Set<String> = ["busybox", "alpine", "ubuntu", "debian", "centos", "fedora"]

  static func imageID(of image: String) -> String {
    let reference = ImageReference(image)
    var generator = SeededGenerator(seed: fnv1a(reference.normalized))
    var hex = ""
    let digits = Array("0123456789abcdef")
    for _ in 0..<64 { hex.append(digits[generator.below(16)]) }
    return reference.repository + "@sha256:" + hex
  }

  /// The image's size in bytes, between about 5 MB and 200 MB.
  static func size(of image: String) -> Int64 {
    var generator = SeededGenerator(seed: fnv1a("size:" + ImageReference(image).normalized))
    return 5_000_000 + Int64(generator.below(195_000_000))
  }

  /// 64-bit FNV-1a of the UTF-8 bytes of `text`.
  public static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
