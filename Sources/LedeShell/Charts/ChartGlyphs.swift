import Foundation
import LedeSession

/// Characters charts are drawn with, and the few number formats their axes need.
enum ChartGlyphs {
    /// Vertical eighths, none to full: ▁ … █.
    static let vertical: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Horizontal eighths, none to full: ▏ … █.
    static let horizontal: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// A horizontal bar `fraction` (0…1) of `width` columns long, in eighths of a column; at least a sliver
    /// when the fraction is above zero.
    static func horizontalBar(_ fraction: Double, width: Int) -> String {
        guard fraction > 0, width > 0 else { return "" }
        let eighths = max(1, Int((min(1, fraction) * Double(width * 8)).rounded()))
        var s = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { s.append(horizontal[eighths % 8 - 1]) }
        return s
    }

    static func colored(_ s: String, _ code: String, _ color: Bool) -> String {
        color && !s.isEmpty ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s
    }

    /// An axis number: whole when it is one (with thousands commas), else up to `places` decimals.
    static func axis(_ x: Double, places: Int = 1) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return Format.int(Int(x)) }
        var s = String(format: "%.\(places)f", x)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// The smallest round number (1, 2, 2.5, 5 × 10ᵏ) at least `x`: the top of a value axis.
    static func niceCeiling(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let power = pow(10, log10(x).rounded(.down))
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= x * (1 - 1e-12) { return step * power }
        return 10 * power
    }
}
