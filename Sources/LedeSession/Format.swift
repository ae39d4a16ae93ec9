import Foundation

/// Number formatting shared by every command's display.
public enum Format {
    /// 2225 → "2,225"
    public static func int(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    public static func fixed(_ x: Double, _ places: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "–" : (x > 0 ? "∞" : "-∞") }
        return String(format: "%.\(places)f", x)
    }

    public static func seconds(_ s: Double) -> String {
        s < 10 ? String(format: "%.2f s", s) : String(format: "%.1f s", s)
    }

    public static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(int(n)) \(n == 1 ? word : (plural ?? word + "s"))"
    }
}
