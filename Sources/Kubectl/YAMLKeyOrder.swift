/// go-yaml v2's map key order (`sorter.go`, `keyList.Less`), which kubectl's YAML output
/// follows: runs of digits compare by value, letters sort after other characters.
enum YAMLKeyOrder {
  /// Whether key `a` sorts before key `b`.
  static func less(_ a: String, _ b: String) -> Bool {
    let ar = Array(a.unicodeScalars)
    let br = Array(b.unicodeScalars)
    var i = 0
    while i < ar.count && i < br.count {
      if ar[i] == br[i] {
        i += 1
        continue
      }
      let aLetter = ar[i].properties.isAlphabetic
      let bLetter = br[i].properties.isAlphabetic
      if aLetter && bLetter { return ar[i].value < br[i].value }
      if aLetter || bLetter { return bLetter }
      var aNumber: Int64 = 0
      var bNumber: Int64 = 0
      if ar[i] == "0" || br[i] == "0" {
        var j = i - 1
        while j >= 0, isDigit(ar[j]) {
          if ar[j] != "0" {
            aNumber = 1
            bNumber = 1
            break
          }
          j -= 1
        }
      }
      var ai = i
      while ai < ar.count, isDigit(ar[ai]) {
        aNumber = aNumber &* 10 &+ Int64(ar[ai].value - 48)
        ai += 1
      }
      var bi = i
      while bi < br.count, isDigit(br[bi]) {
        bNumber = bNumber &* 10 &+ Int64(br[bi].value - 48)
        bi += 1
      }
      if aNumber != bNumber { return aNumber < bNumber }
      if ai != bi { return ai < bi }
      return ar[i].value < br[i].value
    }
    return ar.count < br.count
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.numericType == .decimal
  }
}
