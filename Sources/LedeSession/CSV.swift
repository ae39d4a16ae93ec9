/// CSV as RFC 4180 writes it: a field holding a comma, quote or line break is quoted, quotes doubled.
public enum CSV {
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
