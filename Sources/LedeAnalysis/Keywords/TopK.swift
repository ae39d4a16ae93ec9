import Foundation
import LedeText

enum TopK {
    /// The first k elements of `items` under `before`, without sorting everything when k is small.
    static func select<T>(_ items: [T], k: Int, by before: (T, T) -> Bool) -> [T] {
        guard k > 0 else { return [] }
        // k may be any size a caller asks for; it never exceeds the items (nor overflows k * 4).
        let k = min(k, items.count)
        if items.count / 4 <= k { return Array(items.sorted(by: before).prefix(k)) }
        // Keep a sorted buffer of the best k.
        var best: [T] = []
        best.reserveCapacity(k + 1)
        for x in items {
            if best.count == k, let last = best.last, !before(x, last) { continue }
            var lo = 0, hi = best.count
            while lo < hi { let mid = (lo + hi) / 2; if before(best[mid], x) { lo = mid + 1 } else { hi = mid } }
            best.insert(x, at: lo)
            if best.count > k { best.removeLast() }
        }
        return best
    }
}
