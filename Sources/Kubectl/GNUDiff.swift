/// The line differences `diff -u` (GNU diffutils 3.8) prints, computed the way it computes
/// them so that `kubectl diff` shows the hunks a user's `diff` would: the identical ends are
/// set aside but for `context` lines, lines with no match in the other file are discarded
/// (`discard_confusing_lines`), Myers' middle-snake search finds a shortest edit script
/// (`compareseq` with its cost cut-off, `too_expensive`), and runs of changes slide to join
/// their neighbours (`shift_boundaries`). Work is bounded: each search gives up past the
/// cut-off, as GNU diff does, and inputs longer than ``maxLines`` are refused.
enum GNUDiff {
  /// The most lines either side may have: a search over 20,000 lines of few distinct values
  /// takes about a second in a debug build (measured with random texts of 2 to 50 distinct
  /// lines); callers refuse longer texts (``script(old:new:context:)`` replaces them whole).
  static let maxLines = 20_000

  /// One change: `deleted` lines of the old text from `line0`, `inserted` lines of the new
  /// text from `line1` (0-based).
  struct Change: Equatable {
    var line0: Int
    var line1: Int
    var deleted: Int
    var inserted: Int
  }

  /// The unified diff of `old` against `new` (lines without their newlines, each ending in
  /// one): the `@@` hunks with `context` lines around changes, or "" when they are equal.
  /// The `---`/`+++` header is the caller's.
  static func unifiedHunks(old: [String], new: [String], context: Int = 3) -> String {
    let changes = script(old: old, new: new, context: context)
    var output = ""
    var index = 0
    while index < changes.count {
      // find_hunk: changes closer than 2 × context + 1 unchanged lines share a hunk.
      var end = index
      while end + 1 < changes.count,
        changes[end + 1].line0 - (changes[end].line0 + changes[end].deleted) < 2 * context + 1
      {
        end += 1
      }
      output += hunk(Array(changes[index...end]), old: old, new: new, context: context)
      index = end + 1
    }
    return output
  }

  /// One `@@ -a,b +c,d @@` hunk and its lines (`pr_unidiff_hunk`).
  private static func hunk(_ changes: [Change], old: [String], new: [String], context: Int) -> String {
    guard let first = changes.first, let last = changes.last else { return "" }
    let first0 = max(first.line0 - context, 0)
    let first1 = max(first.line1 - context, 0)
    var last0 = last.line0 + last.deleted - 1
    var last1 = last.line1 + last.inserted - 1
    last0 = last0 < old.count - context ? last0 + context : old.count - 1
    last1 = last1 < new.count - context ? last1 + context : new.count - 1
    var text = "@@ -" + range(first0, last0) + " +" + range(first1, last1) + " @@\n"
    var i = first0
    var j = first1
    var next = 0
    while i <= last0 || j <= last1 {
      if next >= changes.count || i < changes[next].line0 {
        text += " " + old[i] + "\n"
        i += 1
        j += 1
      } else {
        for _ in 0..<changes[next].deleted {
          text += "-" + old[i] + "\n"
          i += 1
        }
        for _ in 0..<changes[next].inserted {
          text += "+" + new[j] + "\n"
          j += 1
        }
        next += 1
      }
    }
    return text
  }

  /// A hunk's line range, 1-based (`print_unidiff_number_range`): `a,count`, a lone line
  /// number for one line, `b,0` for none.
  private static func range(_ a: Int, _ b: Int) -> String {
    let start = a + 1
    let end = b + 1
    if end <= start { return end < start ? "\(end),0" : "\(end)" }
    return "\(start),\(end - start + 1)"
  }

  /// The edit script from `old` to `new`, in order (`build_script`).
  static func script(old: [String], new: [String], context: Int = 3) -> [Change] {
    guard old.count <= maxLines, new.count <= maxLines else {
      return [Change(line0: 0, line1: 0, deleted: old.count, inserted: new.count)]
    }
    // find_identical_ends: the common prefix and suffix, less `context` lines each, are not
    // analysed.
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    let start = max(0, prefix - context)
    var suffix = 0
    while suffix < old.count - start, suffix < new.count - start,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let keptSuffix = max(0, suffix - context)
    let a = Array(old[start..<(old.count - keptSuffix)])
    let b = Array(new[start..<(new.count - keptSuffix)])
    var changed = Analysis(a, b).changedLines()
    shiftBoundaries(&changed, equivalences: Analysis.classes(a, b))
    var changes: [Change] = []
    var i0 = 0
    var i1 = 0
    while i0 < a.count || i1 < b.count {
      if changed.0[i0 + 1] || changed.1[i1 + 1] {
        let line0 = i0
        let line1 = i1
        while changed.0[i0 + 1] { i0 += 1 }
        while changed.1[i1 + 1] { i1 += 1 }
        changes.append(
          Change(line0: line0 + start, line1: line1 + start, deleted: i0 - line0, inserted: i1 - line1))
      }
      i0 += 1
      i1 += 1
    }
    return changes
  }

  /// `shift_boundaries`: each run of changed lines slides back while the line before it
  /// equals its last line (joining earlier runs), then forward while its first line equals
  /// the line after it, and finally back to where it last lined up with a run of changes in
  /// the other file. `changed` has a `false` sentinel at each end.
  static func shiftBoundaries(_ changed: inout ([Bool], [Bool]), equivalences: ([Int], [Int])) {
    for side in 0..<2 {
      var mine = side == 0 ? changed.0 : changed.1
      let other = side == 0 ? changed.1 : changed.0
      let equivs = side == 0 ? equivalences.0 : equivalences.1
      // Indices below are 0-based line numbers; arrays are read at +1 for the sentinel.
      func isChanged(_ line: Int) -> Bool { mine[line + 1] }
      func otherChanged(_ line: Int) -> Bool { other[line + 1] }
      var i = 0
      var j = 0
      let end = equivs.count
      while true {
        while i < end && !isChanged(i) {
          while otherChanged(j) { j += 1 }
          j += 1
          i += 1
        }
        if i == end { break }
        var start = i
        i += 1
        while isChanged(i) { i += 1 }
        while otherChanged(j) { j += 1 }
        var corresponding: Int
        var runLength: Int
        repeat {
          runLength = i - start
          while start > 0 && equivs[start - 1] == equivs[i - 1] {
            start -= 1
            mine[start + 1] = true
            i -= 1
            mine[i + 1] = false
            while start > 0 && isChanged(start - 1) { start -= 1 }
            j -= 1
            while otherChanged(j) { j -= 1 }
          }
          corresponding = otherChanged(j - 1) ? i : end
          while i != end && equivs[start] == equivs[i] {
            mine[start + 1] = false
            start += 1
            mine[i + 1] = true
            i += 1
            while isChanged(i) { i += 1 }
            j += 1
            while otherChanged(j) {
              j += 1
              corresponding = i
            }
          }
        } while runLength != i - start
        while corresponding < i {
          start -= 1
          mine[start + 1] = true
          i -= 1
          mine[i + 1] = false
          j -= 1
          while otherChanged(j) { j -= 1 }
        }
      }
      if side == 0 { changed.0 = mine } else { changed.1 = mine }
    }
  }
}
