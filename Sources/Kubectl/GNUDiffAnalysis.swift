extension GNUDiff {
  /// Which lines of two texts a shortest edit script changes, found as GNU diff's
  /// `diff_2_files` finds them: lines are compared by equivalence class, lines matching
  /// nothing are discarded first, and the rest go through the middle-snake search.
  struct Analysis {
    /// Each old line's equivalence class (equal lines share one, starting at 1).
    let classesA: [Int]
    /// Each new line's equivalence class.
    let classesB: [Int]
    /// The cost past which a search gives up on minimality (`too_expensive`).
    let tooExpensive: Int

    /// Prepares the comparison of `a` with `b`.
    init(_ a: [String], _ b: [String]) {
      (classesA, classesB) = Self.classes(a, b)
      // The approximate square root of the diagonals, at least 4096.
      let diagonals = a.count + b.count + 3
      tooExpensive = max(4096, 1 << ((Self.floorLog2(diagonals) >> 1) + 1))
    }

    /// The equivalence classes of both sides' lines, numbered from 1 in order of first
    /// appearance.
    static func classes(_ a: [String], _ b: [String]) -> ([Int], [Int]) {
      var numbers: [String: Int] = [:]
      func number(_ line: String) -> Int {
        if let known = numbers[line] { return known }
        let next = numbers.count + 1
        numbers[line] = next
        return next
      }
      let first = a.map(number)
      let second = b.map(number)
      return (first, second)
    }

    /// ⌊log₂ n⌋ for n ≥ 1.
    static func floorLog2(_ n: Int) -> Int {
      Int.bitWidth - 1 - max(n, 1).leadingZeroBitCount
    }

    /// The changed flags of both sides, each with a `false` sentinel at either end.
    func changedLines() -> ([Bool], [Bool]) {
      var changedA = [Bool](repeating: false, count: classesA.count + 2)
      var changedB = [Bool](repeating: false, count: classesB.count + 2)
      let discardsA = Self.discards(classesA, against: classesB)
      let discardsB = Self.discards(classesB, against: classesA)
      var keptA: [Int] = []
      var realA: [Int] = []
      for (index, discarded) in discardsA.enumerated() {
        if discarded {
          changedA[index + 1] = true
        } else {
          keptA.append(classesA[index])
          realA.append(index)
        }
      }
      var keptB: [Int] = []
      var realB: [Int] = []
      for (index, discarded) in discardsB.enumerated() {
        if discarded {
          changedB[index + 1] = true
        } else {
          keptB.append(classesB[index])
          realB.append(index)
        }
      }
      var search = MiddleSnake(a: keptA, b: keptB, tooExpensive: tooExpensive)
      search.compare { side, index in
        if side == 0 { changedA[realA[index] + 1] = true } else { changedB[realB[index] + 1] = true }
      }
      return (changedA, changedB)
    }

    /// `discard_confusing_lines` for one side: a line that matches no line of the other side
    /// is discarded; one that matches many is discarded only inside a run of discards, and
    /// not at the run's ends.
    static func discards(_ classes: [Int], against other: [Int]) -> [Bool] {
      var counts: [Int: Int] = [:]
      for value in other { counts[value, default: 0] += 1 }
      let end = classes.count
      var many = 5
      if end >= 64 { many <<= (floorLog2(end) >> 1) - 3 }
      // 0: keep, 1: discard, 2: discard provisionally.
      var marks = classes.map { value -> Int in
        let matches = counts[value] ?? 0
        return matches == 0 ? 1 : matches > many ? 2 : 0
      }
      var i = 0
      while i < end {
        if marks[i] == 2 {
          marks[i] = 0
        } else if marks[i] != 0 {
          var provisional = 0
          var j = i
          while j < end && marks[j] != 0 {
            if marks[j] == 2 { provisional += 1 }
            j += 1
          }
          while j > i && marks[j - 1] == 2 {
            j -= 1
            marks[j] = 0
            provisional -= 1
          }
          let length = j - i
          if length >> 2 < provisional {
            for k in i..<j where marks[k] == 2 { marks[k] = 0 }
          } else {
            let minimum = length < 4 ? 2 : (1 << ((floorLog2(length) >> 1) - 1)) + 1
            var consecutive = 0
            var k = 0
            while k < length {
              if marks[i + k] != 2 {
                consecutive = 0
              } else {
                consecutive += 1
                if minimum == consecutive {
                  k -= consecutive
                } else if minimum < consecutive {
                  marks[i + k] = 0
                }
              }
              k += 1
            }
            consecutive = 0
            for k in 0..<length {
              if k >= 8 && marks[i + k] == 1 { break }
              if marks[i + k] == 2 {
                consecutive = 0
                marks[i + k] = 0
              } else if marks[i + k] == 0 {
                consecutive = 0
              } else {
                consecutive += 1
              }
              if consecutive == 3 { break }
            }
            i += length - 1
            consecutive = 0
            for k in 0..<length {
              if k >= 8 && marks[i - k] == 1 { break }
              if marks[i - k] == 2 {
                consecutive = 0
                marks[i - k] = 0
              } else if marks[i - k] == 0 {
                consecutive = 0
              } else {
                consecutive += 1
              }
              if consecutive == 3 { break }
            }
          }
        }
        i += 1
      }
      return marks.map { $0 != 0 }
    }
  }
}
