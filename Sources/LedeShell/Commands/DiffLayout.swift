import LedeText
import LedeAnalysis
import LedeSession
import LedeEngine

/// Lays out one version pair for the terminal: header, counts, metadata changes, change summary, then the
/// body inline (styled runs), unified (one sentence per line) or side by side.
struct DiffLayout {
    let old: TokenizedText
    let new: TokenizedText
    let diff: VersionDiff
    let pair: DiffReport.Pair
    var unified = false
    var sideBySide = false
    var summaryOnly = false
    var onlyChanged = false
    var context = 3
    var width = 100
    /// The new text's bytes, rebuilt once (the inline layout shows all of it, sentence by sentence; of the
    /// old text only what changed); the spans, read once.
    private let newBytes: [UInt8]
    private let oldSentences: TextSpans, newSentences: TextSpans, newParagraphs: TextSpans

    init(old: TokenizedText, new: TokenizedText, diff: VersionDiff, pair: DiffReport.Pair) {
        self.old = old; self.new = new; self.diff = diff; self.pair = pair
        newBytes = new.utf8
        oldSentences = old.sentences; newSentences = new.sentences; newParagraphs = new.paragraphs
    }

    func oldString(_ range: Range<Int>) -> String { old.text(range) }
    func newString(_ range: Range<Int>) -> String {
        // From a buffer pointer: String's fast path (an ArraySlice takes the generic one).
        newBytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    func blocks() -> [DisplayBlock] {
        let c = diff.counts
        var out: [DisplayBlock] = [.styled([StyledRun("diff \(pair.old.label) → \(pair.new.label)", .strong)])]
        var fields: [(String, String)] = [
            ("sentences", "\(c.unchanged) unchanged, \(c.added) added, \(c.deleted) deleted, \(c.edited) edited, \(c.moved) moved, \(c.merged) merged, \(c.split) split"),
            ("words", "+\(c.wordsAdded) −\(c.wordsRemoved), \(c.wordsKept) kept; similarity \(Format.fixed(c.similarity, 3)); \(Format.fixed(diff.changedShare * 100, 1)) % of sentences changed (both versions' sentences together)"),
        ]
        for m in diff.metadata { fields.append((m.field, "\(m.old ?? "—") → \(m.new ?? "—")")) }
        out.append(.fields(title: nil, fields))
        let lines = diff.summary.lines
        if !lines.isEmpty { out.append(.text("summary:\n" + lines.map { "  • " + $0 }.joined(separator: "\n"))) }
        if summaryOnly { return out }
        if diff.identical { out.append(.text("no changes")); return out }
        if diff.trivial { out.append(.text("only whitespace, punctuation or letter case changed")); return out }
        if diff.rewritten {
            out.append(.text("rewritten: only \(Format.fixed(c.similarity * 100, 0)) % of the words survive — both texts in full"))
            out.append(.styled([StyledRun("--- \(pair.old.label)\n", .strong), StyledRun(String(decoding: old.utf8, as: UTF8.self), .deleted)]))
            out.append(.styled([StyledRun("+++ \(pair.new.label)\n", .strong), StyledRun(String(decoding: newBytes, as: UTF8.self), .inserted)]))
            return out
        }
        if unified { out.append(.styled(unifiedRuns())) }
        else if sideBySide { out.append(.text(sideBySideText())) }
        else { out.append(.styled(inlineRuns())) }
        return out
    }

    // MARK: inline

    /// Paragraph of an item in the new text (deleted sentences stay with the paragraph they follow).
    func paragraphOf(_ item: AlignedSentences, current: Int) -> Int {
        guard let j = item.b.first else { return current }
        let t = newSentences[j].tokens.lowerBound
        var lo = 0, hi = newParagraphs.count - 1
        while lo < hi { let mid = (lo + hi + 1) / 2; if newParagraphs[mid].tokens.lowerBound <= t { lo = mid } else { hi = mid - 1 } }
        return lo
    }

    func inlineRuns() -> [StyledRun] {
        // Group items into paragraphs of the new text.
        var paragraphs: [[AlignedSentences]] = []
        var current = -1
        for item in diff.items {
            let p = paragraphOf(item, current: max(current, 0))
            if p != current || paragraphs.isEmpty { paragraphs.append([]); current = p }
            paragraphs[paragraphs.count - 1].append(item)
        }
        var runs: [StyledRun] = []
        var skipped = false
        for (k, paragraph) in paragraphs.enumerated() {
            if onlyChanged && paragraph.allSatisfy({ $0.change == .unchanged }) { skipped = true; continue }
            if !runs.isEmpty { runs.append(StyledRun("\n\n")) }
            if skipped && onlyChanged { runs.append(StyledRun("⋯\n\n", .dim)) }
            skipped = false
            for (i, item) in paragraph.enumerated() {
                if i > 0 { runs.append(StyledRun(" ")) }
                runs += sentenceRuns(item)
            }
            _ = k
        }
        if skipped && onlyChanged { runs.append(StyledRun("\n\n⋯", .dim)) }
        return runs
    }

    func oldText(_ item: AlignedSentences) -> String {
        guard let f = item.a.first, let l = item.a.last else { return "" }
        return oldString(oldSentences[f].bytes.lowerBound..<oldSentences[l].bytes.upperBound)
    }

    func newText(_ item: AlignedSentences) -> String {
        guard let f = item.b.first, let l = item.b.last else { return "" }
        return newString(newSentences[f].bytes.lowerBound..<newSentences[l].bytes.upperBound)
    }

    func sentenceRuns(_ item: AlignedSentences) -> [StyledRun] {
        switch item.change {
        case .unchanged: return [StyledRun(newText(item))]
        case .added: return [StyledRun(newText(item), .inserted)]
        case .deleted: return [StyledRun(oldText(item), .deleted)]
        case .moved: return [StyledRun("(moved) ", .dim), StyledRun(newText(item))]
        case .edited, .merged, .split:
            var runs: [StyledRun] = []
            if item.moved { runs.append(StyledRun("(moved) ", .dim)) }
            if item.change != .edited { runs.append(StyledRun("(\(item.change.rawValue)) ", .dim)) }
            return runs + wordRuns(item)
        }
    }

    /// The new sentence with deleted words shown where they stood; text between tokens comes from the new text.
    func wordRuns(_ item: AlignedSentences) -> [StyledRun] {
        let span = newSentences[item.b[0]].bytes.lowerBound..<newSentences[item.b[item.b.count - 1]].bytes.upperBound
        var cursor = span.lowerBound
        var runs: [StyledRun] = []
        func emitNew(upTo end: Int, _ style: StyledRun.Style = .plain) {
            if end > cursor { runs.append(StyledRun(newString(cursor..<end), style)) }
            cursor = max(cursor, end)
        }
        for (k, op) in item.words.enumerated() {
            switch op.kind {
            case .equal:
                emitNew(upTo: new.range(ofToken: op.b.upperBound - 1).upperBound)
            case .delete:
                let nextStart = op.b.lowerBound < new.tokenCount && op.b.lowerBound < item.bTokenEnd(new) ? new.range(ofToken: op.b.lowerBound).lowerBound : span.upperBound
                emitNew(upTo: min(nextStart, span.upperBound))
                runs.append(StyledRun(oldString(old.range(ofTokens: op.a)), .deleted))
                if k + 1 < item.words.count, item.words[k + 1].kind == .equal { runs.append(StyledRun(" ")) }
            case .insert:
                emitNew(upTo: new.range(ofToken: op.b.lowerBound).lowerBound)
                emitNew(upTo: new.range(ofToken: op.b.upperBound - 1).upperBound, .inserted)
            }
        }
        emitNew(upTo: span.upperBound)
        return runs
    }

    // MARK: unified

    func unifiedRuns() -> [StyledRun] {
        let items = diff.items
        let changed = items.indices.filter { items[$0].change != .unchanged }
        var show = [Bool](repeating: false, count: items.count)
        for i in changed { for k in max(0, i - context)...min(items.count - 1, i + context) { show[k] = true } }
        var runs: [StyledRun] = [StyledRun("--- \(pair.old.label)\n+++ \(pair.new.label)\n", .strong)]
        var i = 0
        while i < items.count {
            guard show[i] else { i += 1; continue }
            var end = i
            while end < items.count, show[end] { end += 1 }
            let firstA = items[i..<end].compactMap { $0.a.first }.first.map { $0 + 1 } ?? 0
            let firstB = items[i..<end].compactMap { $0.b.first }.first.map { $0 + 1 } ?? 0
            let countA = items[i..<end].reduce(0) { $0 + $1.a.count }, countB = items[i..<end].reduce(0) { $0 + $1.b.count }
            runs.append(StyledRun("@@ sentences -\(firstA),\(countA) +\(firstB),\(countB) @@\n", .dim))
            for item in items[i..<end] {
                let o = oneLine(oldText(item)), n = oneLine(newText(item))
                switch item.change {
                case .unchanged: runs.append(StyledRun(" " + n + "\n"))
                case .added: runs.append(StyledRun("+" + n + "\n", .addedLine))
                case .deleted: runs.append(StyledRun("-" + o + "\n", .removedLine))
                case .moved: runs.append(StyledRun("~" + n + "  (moved from sentence \(item.a[0] + 1))\n", .dim))
                case .edited, .merged, .split:
                    let note = item.change == .edited ? (item.moved ? "  (moved)" : "") : "  (\(item.change.rawValue))"
                    runs.append(StyledRun("-" + o + "\n", .removedLine))
                    runs.append(StyledRun("+" + n + note + "\n", .addedLine))
                }
            }
            i = end
        }
        if runs.last?.text.hasSuffix("\n") == true { runs[runs.count - 1].text.removeLast() }
        return runs
    }

    /// A sentence on one line: runs of whitespace (line breaks inside a sentence) become one space.
    func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    // MARK: side by side

    func sideBySideText() -> String {
        let column = max(10, (width - 3) / 2)
        var lines: [String] = []
        lines.append(TextWidth.pad(TextWidth.truncate(pair.old.label, to: column), to: column, .left) + "   " + pair.new.label)
        lines.append(String(repeating: "─", count: column) + "   " + String(repeating: "─", count: column))
        for item in diff.items {
            if onlyChanged && item.change == .unchanged { continue }
            let marker: String
            switch item.change {
            case .unchanged: marker = " "
            case .added: marker = ">"
            case .deleted: marker = "<"
            case .moved: marker = "~"
            case .edited, .merged, .split: marker = "|"
            }
            let left = item.change == .added ? [] : wrap(Sanitizer.clean(oneLine(oldText(item)), keepNewlines: false), column)
            let right = item.change == .deleted ? [] : wrap(Sanitizer.clean(oneLine(newText(item)), keepNewlines: false), column)
            for k in 0..<max(left.count, right.count, 1) {
                let l = k < left.count ? left[k] : "", r = k < right.count ? right[k] : ""
                lines.append((TextWidth.pad(l, to: column, .left) + " \(k == 0 ? marker : " ") " + r).trimmingTrailingSpaces())
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Word-wraps to a number of terminal columns (wide CJK characters count two); over-long words are cut.
    func wrap(_ text: String, _ columns: Int) -> [String] {
        var lines: [String] = []
        var line = "", lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            var ww = TextWidth.of(w)
            if lineWidth > 0 && lineWidth + 1 + ww > columns { lines.append(line); line = ""; lineWidth = 0 }
            while ww > columns {
                // Cut a long word (or an unspaced CJK run) at the column limit.
                var head = String.UnicodeScalarView(), hw = 0
                var rest = Substring.UnicodeScalarView(w.unicodeScalars)
                while let u = rest.first, hw + TextWidth.width(u) <= columns - lineWidth - (lineWidth > 0 ? 1 : 0) { head.append(u); hw += TextWidth.width(u); rest.removeFirst() }
                if head.isEmpty { lines.append(line); line = ""; lineWidth = 0; continue }
                line += (lineWidth > 0 ? " " : "") + String(head)
                lines.append(line); line = ""; lineWidth = 0
                w = String(rest); ww = TextWidth.of(w)
            }
            if ww == 0 { continue }
            line += (lineWidth > 0 ? " " : "") + w
            lineWidth += (lineWidth > 0 ? 1 : 0) + ww
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension AlignedSentences {
    /// One past the last token of the new side's sentences.
    func bTokenEnd(_ t: TokenizedText) -> Int { b.last.map { t.sentences[$0].tokens.upperBound } ?? 0 }
}
