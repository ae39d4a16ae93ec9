import Foundation

/// Number formatting shared by every command's display.
public enum Format {
    /// 2225 → "2,225"
    public static func int(_ n: Int) -> String {
        if n > -1000 && n < 1000 { return String(n) }
        // By bytes: a table of tens of thousands of rows formats a count in each.
        let digits = Array(String(n.magnitude).utf8)
        var out: [UInt8] = n < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(d)
        }
        return String(decoding: out, as: UTF8.self)
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
