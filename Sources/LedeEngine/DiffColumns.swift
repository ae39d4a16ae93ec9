import LedeText
import LedeAnalysis

/// A version diff as two columns, one row per aligned step: the old sentences with deleted words marked, the
/// new with inserted words marked, the text between words kept as written. For side-by-side views.
public enum DiffColumns {
    public struct Segment: Sendable, Codable, Equatable {
        public enum Mark: String, Sendable, Codable { case same, deleted, inserted }
        public var text: String
        public var mark: Mark
        public init(_ text: String, _ mark: Mark) { self.text = text; self.mark = mark }
    }
    public struct Row: Sendable, Codable, Equatable {
        public var change: SentenceChange
        public var moved: Bool
        public var old: [Segment]
        public var new: [Segment]
        public init(change: SentenceChange, moved: Bool, old: [Segment], new: [Segment]) {
            self.change = change; self.moved = moved; self.old = old; self.new = new
        }
    }

    public static func rows(old: TokenizedText, new: TokenizedText, diff: VersionDiff) -> [Row] {
        let oldSentences = old.sentences, newSentences = new.sentences
        func tokens(_ spans: TextSpans, _ indices: [Int]) -> Range<Int> {
            spans[indices[0]].tokens.lowerBound..<spans[indices[indices.count - 1]].tokens.upperBound
        }
        func span(_ spans: TextSpans, _ indices: [Int]) -> Range<Int>? {
            guard let f = indices.first, let l = indices.last else { return nil }
            return spans[f].bytes.lowerBound..<spans[l].bytes.upperBound
        }
        return diff.items.map { item in
            let a = span(oldSentences, item.a), b = span(newSentences, item.b)
            var row = Row(change: item.change, moved: item.moved || item.change == .moved, old: [], new: [])
            switch item.change {
            case .unchanged, .moved:
                if let a { row.old = [Segment(old.text(a), .same)] }
                if let b { row.new = [Segment(new.text(b), .same)] }
            case .added:
                if let b { row.new = [Segment(new.text(b), .inserted)] }
            case .deleted:
                if let a { row.old = [Segment(old.text(a), .deleted)] }
            case .edited, .merged, .split:
                if let a { row.old = marked(old, a, tokens(oldSentences, item.a), item.words.filter { $0.kind != .insert }.map { ($0.a, $0.kind == .delete) }, .deleted) }
                if let b { row.new = marked(new, b, tokens(newSentences, item.b), item.words.filter { $0.kind != .delete }.map { ($0.b, $0.kind == .insert) }, .inserted) }
            }
            return row
        }
    }

    /// The text of `span` with the given token runs marked, the bytes between and around them as they are.
    static func marked(_ text: TokenizedText, _ span: Range<Int>, _ tokens: Range<Int>, _ runs: [(tokens: Range<Int>, changed: Bool)],
                       _ mark: Segment.Mark) -> [Segment] {
        let passage = TextPassage(text, tokens: tokens, bytes: span)
        var out: [Segment] = []
        var cursor = span.lowerBound
        func add(_ r: Range<Int>, _ m: Segment.Mark) {
            guard !r.isEmpty else { return }
            let s = passage.text(r)
            if let last = out.last, last.mark == m { out[out.count - 1].text += s } else { out.append(Segment(s, m)) }
        }
        for run in runs where !run.tokens.isEmpty && passage.contains(token: run.tokens.lowerBound) && passage.contains(token: run.tokens.upperBound - 1) {
            let r = passage.range(ofTokens: run.tokens)
            guard r.lowerBound >= cursor, r.upperBound <= span.upperBound else { continue }
            add(cursor..<r.lowerBound, .same)
            add(r, run.changed ? mark : .same)
            cursor = r.upperBound
        }
        add(cursor..<span.upperBound, .same)
        return out
    }
}
