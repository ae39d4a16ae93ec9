import Foundation

/// Writes HTML (and inline SVG) into one string. Element and attribute names and raw markup can only be
/// string literals (`StaticString`), so text from articles can reach the output only through `text` and
/// attribute values, which are always escaped: untrusted text stays text.
public struct HTMLWriter {
    public private(set) var output = ""

    public init(capacity: Int = 1 << 16) { output.reserveCapacity(capacity) }

    /// An attribute: a literal name and a value that is escaped when written.
    public struct Attribute {
        let name: StaticString
        let value: String
        public init(_ name: StaticString, _ value: String) { self.name = name; self.value = value }
        public init(_ name: StaticString, _ value: Double) { self.name = name; self.value = HTMLWriter.number(value) }
        public init(_ name: StaticString, _ value: Int) { self.name = name; self.value = String(value) }
    }

    /// Markup written as it is: only literals, never text that came from outside.
    public mutating func raw(_ markup: StaticString) { output += markup.description }

    /// What another writer wrote (already escaped by it).
    public mutating func append(_ other: HTMLWriter) { output += other.output }

    /// Text content, escaped.
    public mutating func text(_ s: String) { HTMLWriter.escape(s, into: &output, attribute: false) }

    public mutating func open(_ tag: StaticString, _ attributes: [Attribute] = []) {
        output += "<"
        output += tag.description
        for a in attributes {
            output += " "
            output += a.name.description
            output += "=\""
            HTMLWriter.escape(a.value, into: &output, attribute: true)
            output += "\""
        }
        output += ">"
    }

    public mutating func close(_ tag: StaticString) {
        output += "</"
        output += tag.description
        output += ">"
    }

    /// A void element (`<br>`, `<meta>`) or a self-closed SVG element (`<rect …/>`).
    public mutating func empty(_ tag: StaticString, _ attributes: [Attribute] = [], selfClosing: Bool = false) {
        open(tag, attributes)
        if selfClosing { output.removeLast(); output += "/>" }
    }

    /// An element holding only text.
    public mutating func element(_ tag: StaticString, _ attributes: [Attribute] = [], text: String) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// An element with content written by `body`.
    public mutating func element(_ tag: StaticString, _ attributes: [Attribute] = [], _ body: (inout HTMLWriter) -> Void) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }

    /// `& < > " '` as character references (all five in attributes, the first three in text); control
    /// characters other than tab and line feed, and the bidirectional overrides that can make text read in a
    /// misleading order, as U+FFFD (as the terminal's sanitiser does).
    public static func escape(_ s: String, into out: inout String, attribute: Bool) {
        var needs = false
        for b in s.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || b == 0xC2 || b == 0xE2 {
            needs = true; break
        }
        if !needs { out += s; return }
        for u in s.unicodeScalars {
            switch u.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += attribute ? "&quot;" : "\""
            case 0x27: out += attribute ? "&#39;" : "'"
            case 0x09, 0x0A: out.unicodeScalars.append(u)
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
    }

    public static func escaped(_ s: String, attribute: Bool = false) -> String {
        var out = ""
        escape(s, into: &out, attribute: attribute)
        return out
    }

    /// A number for an attribute or a chart: at most two decimals, no exponent, no trailing zeros.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        let s = String(r)
        return s.contains("e") ? String(format: "%.0f", r) : s
    }
}
