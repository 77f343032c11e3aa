extension GNUDiff {
  /// Myers' O(ND) search for a shortest edit script by its middle snake, split and conquered
  /// (gnulib's `diffseq.h`: `diag` and `compareseq`, without the `-H` heuristic). Past
  /// `tooExpensive` steps a search stops and splits at its furthest-reaching diagonal, so the
  /// work is bounded by the input size times that cost.
  struct MiddleSnake {
    let a: [Int]
    let b: [Int]
    let tooExpensive: Int
    /// Forward and backward furthest-reaching x per diagonal, offset by `b.count + 1`.
    private var forward: [Int]
    private var backward: [Int]
    private let offset: Int

    /// A search over the equivalence classes `a` (old) and `b` (new).
    init(a: [Int], b: [Int], tooExpensive: Int) {
      self.a = a
      self.b = b
      self.tooExpensive = tooExpensive
      offset = b.count + 1
      forward = [Int](repeating: 0, count: a.count + b.count + 3)
      backward = forward
    }

    /// Where one split ends: the midpoint and whether each half must be found minimally.
    private struct Partition {
      var xmid: Int
      var ymid: Int
      var lowMinimal: Bool
      var highMinimal: Bool
    }

    /// Reports every deleted old line (`note(0, index)`) and inserted new line
    /// (`note(1, index)`) of a shortest edit script.
    mutating func compare(note: (Int, Int) -> Void) {
      // (xoff, xlim, yoff, ylim, findMinimal); the halves' order does not matter for flags.
      var pending: [(Int, Int, Int, Int, Bool)] = [(0, a.count, 0, b.count, false)]
      while let (start0, end0, start1, end1, minimal) = pending.popLast() {
        var (xoff, xlim, yoff, ylim) = (start0, end0, start1, end1)
        while xoff < xlim && yoff < ylim && a[xoff] == b[yoff] {
          xoff += 1
          yoff += 1
        }
        while xoff < xlim && yoff < ylim && a[xlim - 1] == b[ylim - 1] {
          xlim -= 1
          ylim -= 1
        }
        if xoff == xlim {
          for y in yoff..<ylim { note(1, y) }
        } else if yoff == ylim {
          for x in xoff..<xlim { note(0, x) }
        } else {
          let part = split(xoff, xlim, yoff, ylim, findMinimal: minimal)
          pending.append((part.xmid, xlim, part.ymid, ylim, part.highMinimal))
          pending.append((xoff, part.xmid, yoff, part.ymid, part.lowMinimal))
        }
      }
    }

    /// `diag`: the midpoint of a shortest edit script of `a[xoff..<xlim]` and
    /// `b[yoff..<ylim]`, whose first and last elements differ.
    private mutating func split(_ xoff: Int, _ xlim: Int, _ yoff: Int, _ ylim: Int, findMinimal: Bool) -> Partition {
      let dmin = xoff - ylim
      let dmax = xlim - yoff
      let fmid = xoff - yoff
      let bmid = xlim - ylim
      var fmin = fmid
      var fmax = fmid
      var bmin = bmid
      var bmax = bmid
      let odd = (fmid - bmid) & 1 != 0
      forward[fmid + offset] = xoff
      backward[bmid + offset] = xlim
      var cost = 1
      while true {
        if fmin > dmin {
          fmin -= 1
          forward[fmin - 1 + offset] = -1
        } else {
          fmin += 1
        }
        if fmax < dmax {
          fmax += 1
          forward[fmax + 1 + offset] = -1
        } else {
          fmax -= 1
        }
        var d = fmax
        while d >= fmin {
          let low = forward[d - 1 + offset]
          let high = forward[d + 1 + offset]
          var x = low < high ? high : low + 1
          var y = x - d
          while x < xlim && y < ylim && a[x] == b[y] {
            x += 1
            y += 1
          }
          forward[d + offset] = x
          if odd && bmin <= d && d <= bmax && backward[d + offset] <= x {
            return Partition(xmid: x, ymid: y, lowMinimal: true, highMinimal: true)
          }
          d -= 2
        }
        if bmin > dmin {
          bmin -= 1
          backward[bmin - 1 + offset] = Int.max
        } else {
          bmin += 1
        }
        if bmax < dmax {
          bmax += 1
          backward[bmax + 1 + offset] = Int.max
        } else {
          bmax -= 1
        }
        d = bmax
        while d >= bmin {
          let low = backward[d - 1 + offset]
          let high = backward[d + 1 + offset]
          var x = low < high ? low : high - 1
          var y = x - d
          while xoff < x && yoff < y && a[x - 1] == b[y - 1] {
            x -= 1
            y -= 1
          }
          backward[d + offset] = x
          if !odd && fmin <= d && d <= fmax && x <= forward[d + offset] {
            return Partition(xmid: x, ymid: y, lowMinimal: true, highMinimal: true)
          }
          d -= 2
        }
        if !findMinimal && cost >= tooExpensive {
          return giveUp(xoff, xlim, yoff, ylim, fmin: fmin, fmax: fmax, bmin: bmin, bmax: bmax)
        }
        cost += 1
      }
    }

    /// The search has cost too much: split at the better of the furthest forward and the
    /// furthest backward diagonal.
    private func giveUp(
      _ xoff: Int, _ xlim: Int, _ yoff: Int, _ ylim: Int, fmin: Int, fmax: Int, bmin: Int, bmax: Int
    ) -> Partition {
      var forwardBestSum = -1
      var forwardBestX = 0
      var d = fmax
      while d >= fmin {
        var x = min(forward[d + offset], xlim)
        var y = x - d
        if ylim < y {
          x = ylim + d
          y = ylim
        }
        if forwardBestSum < x + y {
          forwardBestSum = x + y
          forwardBestX = x
        }
        d -= 2
      }
      var backwardBestSum = Int.max
      var backwardBestX = 0
      d = bmax
      while d >= bmin {
        var x = max(xoff, backward[d + offset])
        var y = x - d
        if y < yoff {
          x = yoff + d
          y = yoff
        }
        if x + y < backwardBestSum {
          backwardBestSum = x + y
          backwardBestX = x
        }
        d -= 2
      }
      if (xlim + ylim) - backwardBestSum < forwardBestSum - (xoff + yoff) {
        return Partition(
          xmid: forwardBestX, ymid: forwardBestSum - forwardBestX, lowMinimal: true, highMinimal: false)
      }
      return Partition(
        xmid: backwardBestX, ymid: backwardBestSum - backwardBestX, lowMinimal: false, highMinimal: true)
    }
  }
}
