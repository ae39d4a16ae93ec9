import LedeText

/// For each block, the class of the nearest good or bad block before and after it (`previous`, `next`), and of
/// the nearest block that is not short (`previousAny`, `nextAny`, near-good included); past the document's
/// edges, bad. Found in two passes, so a long run of short blocks costs no rescan per block.
struct NeighbourClasses {
    var previous: [BlockClass], next: [BlockClass], previousAny: [BlockClass], nextAny: [BlockClass]

    init(_ classes: [BlockClass]) {
        let n = classes.count
        previous = Array(repeating: .bad, count: n); next = previous; previousAny = previous; nextAny = previous
        var strict = BlockClass.bad, any = BlockClass.bad
        for i in 0..<n {
            previous[i] = strict; previousAny[i] = any
            let c = classes[i]
            if c == .good || c == .bad { strict = c; any = c } else if c == .nearGood { any = c }
        }
        strict = .bad; any = .bad
        for i in stride(from: n - 1, through: 0, by: -1) {
            next[i] = strict; nextAny[i] = any
            let c = classes[i]
            if c == .good || c == .bad { strict = c; any = c } else if c == .nearGood { any = c }
        }
    }
}
