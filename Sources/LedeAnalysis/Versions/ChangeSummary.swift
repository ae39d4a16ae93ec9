import LedeText

/// What a reader wants to know first about a new version: numbers that changed (with context), quotations
/// added or removed, names that appeared or disappeared, headline and first-paragraph changes, and
/// correction or update notices.
public struct ChangeSummary: Sendable, Codable, Equatable {
    public struct NumberChange: Sendable, Codable, Equatable {
        public var old: String
        public var new: String
        /// e.g. "killed 12 → 15 people"
        public var context: String
    }
    public struct Headline: Sendable, Codable, Equatable { public var old: String?; public var new: String? }

    public var numbers: [NumberChange] = []
    public var quotationsAdded: [String] = []
    public var quotationsRemoved: [String] = []
    public var namesAppeared: [String] = []
    public var namesDisappeared: [String] = []
    public var headline: Headline?
    /// "rewritten" (word similarity < 0.5), "edited", or nil when the first paragraph is unchanged.
    public var firstParagraph: String?
    /// New correction or update notices, as the sentence that holds them.
    public var notices: [String] = []

    public init() {}

    public var isEmpty: Bool {
        numbers.isEmpty && quotationsAdded.isEmpty && quotationsRemoved.isEmpty && namesAppeared.isEmpty
            && namesDisappeared.isEmpty && headline == nil && firstParagraph == nil && notices.isEmpty
    }

    /// One line per finding, in the order a reader wants them.
    public var lines: [String] {
        var out: [String] = []
        if let h = headline { out.append("headline changed: \"\(h.old ?? "")\" → \"\(h.new ?? "")\"") }
        for n in notices { out.append("notice: \(n)") }
        if let f = firstParagraph { out.append("first paragraph \(f)") }
        for n in numbers { out.append("number changed: \(n.context)") }
        for q in quotationsAdded { out.append("quotation added: \(q)") }
        for q in quotationsRemoved { out.append("quotation removed: \(q)") }
        if !namesAppeared.isEmpty { out.append("names appeared: " + namesAppeared.joined(separator: ", ")) }
        if !namesDisappeared.isEmpty { out.append("names disappeared: " + namesDisappeared.joined(separator: ", ")) }
        return out
    }

    static let noticePatterns = ["correction:", "corrections:", "clarification:", "editor's note", "editor’s note",
                                 "this article has been updated", "this story has been updated", "this article was updated",
                                 "this story was updated", "this article has been amended", "this story has been amended",
                                 "an earlier version of this", "update:", "updated:"]

    static func make(_ a: TokenizedText, _ b: TokenizedText, items: [AlignedSentences], oldTitle: String?, newTitle: String?) -> ChangeSummary {
        var s = ChangeSummary()
        if (oldTitle ?? "") != (newTitle ?? "") { s.headline = Headline(old: oldTitle, new: newTitle) }
        s.numbers = numberChanges(a, b, items)
        // Only changed sentences can hold what appeared or disappeared; a finding counts when its words occur
        // nowhere in the other version (so "Anhui" is not new when the old text says "Anhui Province").
        var changedA = Set<Int>(), changedB = Set<Int>()
        for item in items where item.change != .unchanged && item.change != .moved {
            changedA.formUnion(item.a); changedB.formUnion(item.b)
        }
        let qa = quotations(a, in: changedA), qb = quotations(b, in: changedB)
        // Each changed sentence rebuilt once: names read both sides', notices the new side's again.
        let changedSentencesA = changedA.sorted().map { TextPassage(a, span: a.sentences[$0]) }
        let changedSentencesB = changedB.sorted().map { TextPassage(b, span: b.sentences[$0]) }
        let na = names(a, in: changedSentencesA), nb = names(b, in: changedSentencesB)
        let absentFromA = missingFlags(qb + nb, from: a), absentFromB = missingFlags(qa + na, from: b)
        s.quotationsAdded = unique(qb.indices.filter { absentFromA[$0] }.map { qb[$0].text })
        s.quotationsRemoved = unique(qa.indices.filter { absentFromB[$0] }.map { qa[$0].text })
        s.namesAppeared = unique(nb.indices.filter { absentFromA[qb.count + $0] }.map { nb[$0].text })
        s.namesDisappeared = unique(na.indices.filter { absentFromB[qa.count + $0] }.map { na[$0].text })
        if let pa = a.paragraphs.first, let pb = b.paragraphs.first {
            let x = Array(a.ids[pa.tokens]), y = Array(b.ids[pb.tokens])
            if x != y { s.firstParagraph = dice(x, y) < 0.5 ? "rewritten" : "edited" }
        } else if a.paragraphs.isEmpty != b.paragraphs.isEmpty {
            s.firstParagraph = "rewritten"
        }
        s.notices = notices(in: changedSentencesB)
        return s
    }

    // MARK: numbers

    static func numberChanges(_ a: TokenizedText, _ b: TokenizedText, _ items: [AlignedSentences]) -> [NumberChange] {
        var out: [NumberChange] = []
        for item in items where !item.words.isEmpty {
            let ops = item.words
            for (k, op) in ops.enumerated() where op.kind == .delete && k + 1 < ops.count && ops[k + 1].kind == .insert {
                let ins = ops[k + 1]
                guard op.a.contains(where: { a.kind(ofToken: $0) == .number }),
                      ins.b.contains(where: { b.kind(ofToken: $0) == .number }) else { continue }
                let old = a.text(a.range(ofTokens: op.a))
                let new = b.text(b.range(ofTokens: ins.b))
                // Up to two words of context on each side, inside the new sentence.
                let sentence = b.sentences[item.b[0]].tokens.lowerBound..<b.sentences[item.b[item.b.count - 1]].tokens.upperBound
                let before = max(sentence.lowerBound, ins.b.lowerBound - 2)..<ins.b.lowerBound
                let after = ins.b.upperBound..<min(sentence.upperBound, ins.b.upperBound + 2)
                let left = before.isEmpty ? "" : b.text(b.range(ofTokens: before)) + " "
                let right = after.isEmpty ? "" : " " + b.text(b.range(ofTokens: after))
                out.append(NumberChange(old: old, new: new, context: "\(left)\(old) → \(new)\(right)"))
            }
        }
        return out
    }

    // MARK: quotations

    struct Found { var key: [UInt32]; var text: String }

    /// Quoted stretches of three words or more, between “ ” or straight double quotes, within a paragraph.
    static func quotations(_ t: TokenizedText, in sentences: Set<Int>) -> [Found] {
        var out: [Found] = []
        let changedTokens = sentences.sorted().map { t.sentences[$0].tokens }
        // Paragraphs holding a changed sentence: a merge walk over both sorted lists.
        var k = 0
        for p in t.paragraphs {
            while k < changedTokens.count, changedTokens[k].upperBound <= p.tokens.lowerBound { k += 1 }
            guard k < changedTokens.count, changedTokens[k].overlaps(p.tokens) else { continue }
            let passage = TextPassage(t, span: p)
            var open: Int? = nil
            var i = p.bytes.lowerBound
            while i < p.bytes.upperBound {
                let c = passage[i]
                var quoteLength = 0, isOpen = false, isClose = false
                if c == 0x22 { quoteLength = 1; isOpen = open == nil; isClose = open != nil }
                else if c == 0xE2, i + 2 < p.bytes.upperBound, passage[i + 1] == 0x80, passage[i + 2] == 0x9C { quoteLength = 3; isOpen = true }
                else if c == 0xE2, i + 2 < p.bytes.upperBound, passage[i + 1] == 0x80, passage[i + 2] == 0x9D { quoteLength = 3; isClose = open != nil }
                if isOpen { open = i + quoteLength }
                else if isClose, let start = open {
                    let range = passage.tokens(inside: start..<i)
                    if range.count >= 3, changedTokens[k...].prefix(while: { $0.lowerBound < range.upperBound }).contains(where: { $0.overlaps(range) }) {
                        out.append(Found(key: Array(t.ids[range]), text: "“\(shortened(passage.text(passage.range(ofTokens: range))))”"))
                    }
                    open = nil
                }
                i += max(1, quoteLength)
            }
        }
        return out
    }

    static func shortened(_ s: String, to limit: Int = 100) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    // MARK: names

    /// Capitalised word sequences ("Boris Johnson", "World Health Organization"). A sequence starting a
    /// sentence loses its first word when that is a stopword ("The"), and a lone sentence-initial word is skipped.
    /// `sentences`: the changed sentences of `t`, rebuilt, in order.
    static func names(_ t: TokenizedText, in sentences: [TextPassage]) -> [Found] {
        var out: [Found] = []
        let stop = Stopwords.english
        for passage in sentences {
            let tokens = passage.tokens
            func isCapitalised(_ k: Int) -> Bool {
                guard t.kind(ofToken: k) == .word else { return false }
                let r = passage.range(ofToken: k)
                let c = passage[r.lowerBound]
                if c < 0x80 { return c >= 0x41 && c <= 0x5A }
                return passage.text(r).unicodeScalars.first?.properties.isUppercase ?? false
            }
            func spacesOnlyBefore(_ k: Int) -> Bool {
                (passage.range(ofToken: k - 1).upperBound..<passage.range(ofToken: k).lowerBound).allSatisfy { passage[$0] == 0x20 }
            }
            func lowerSurface(_ k: Int) -> String { passage.text(passage.range(ofToken: k)).lowercased() }
            var k = tokens.lowerBound
            while k < tokens.upperBound {
                guard isCapitalised(k) else { k += 1; continue }
                var end = k + 1
                while end < tokens.upperBound, isCapitalised(end), spacesOnlyBefore(end) { end += 1 }
                var start = k
                if start == tokens.lowerBound, stop.contains(lowerSurface(start)) { start += 1 }
                let lone = end - start == 1 && (k == tokens.lowerBound || stop.contains(lowerSurface(start)))
                if start < end && !lone {
                    out.append(Found(key: Array(t.ids[start..<end]), text: passage.text(passage.range(ofTokens: start..<end))))
                }
                k = end
            }
        }
        return out
    }

    /// For each finding, whether its token sequence occurs nowhere in `t` (one linear scan over its tokens).
    static func missingFlags(_ found: [Found], from t: TokenizedText) -> [Bool] {
        guard !found.isEmpty else { return [] }
        // Each finding is looked for through its rarest-looking token: the one with the highest id (ids are
        // given in order of first appearance, so the words every text has get the small ones). Findings are
        // grouped by that anchor id in flat arrays (no hashing or reference counting in the scan):
        // `groupOfID[id]` is a group number or -1; group g holds `members[groupStart[g]..<groupStart[g + 1]]`.
        let anchorAt = found.map { f in f.key.indices.max { f.key[$0] < f.key[$1] } ?? 0 }
        let anchors = found.indices.map { found[$0].key.isEmpty ? nil : found[$0].key[anchorAt[$0]] }
        let maxID = Int(anchors.lazy.compactMap { $0 }.max() ?? 0)
        var groupOfID = [Int32](repeating: -1, count: maxID + 1)
        var groupSize: [Int] = []
        for case let id? in anchors {
            if groupOfID[Int(id)] < 0 { groupOfID[Int(id)] = Int32(groupSize.count); groupSize.append(0) }
            groupSize[Int(groupOfID[Int(id)])] += 1
        }
        var groupStart = [Int](repeating: 0, count: groupSize.count + 1)
        for g in groupSize.indices { groupStart[g + 1] = groupStart[g] + groupSize[g] }
        var members = [Int](repeating: 0, count: groupStart[groupSize.count])
        var fill = groupStart
        // Keys side by side: finding k is keys[keyStart[k]..<keyStart[k + 1]].
        var keys: [UInt32] = []
        var keyStart = [Int](repeating: 0, count: found.count + 1)
        for (k, f) in found.enumerated() {
            keys.append(contentsOf: f.key)
            keyStart[k + 1] = keys.count
            guard let anchor = anchors[k] else { continue }
            let g = Int(groupOfID[Int(anchor)])
            members[fill[g]] = k; fill[g] += 1
        }
        var present = [Bool](repeating: false, count: found.count)
        var left = anchors.lazy.filter { $0 != nil }.count
        // Raw buffers: this loop runs once per token of the text, and array slices here cost reference counting.
        t.ids.withUnsafeIDs { tokens in
        keys.withUnsafeBufferPointer { keys in
        groupOfID.withUnsafeBufferPointer { groupOfID in
        groupStart.withUnsafeBufferPointer { groupStart in
        members.withUnsafeBufferPointer { members in
        keyStart.withUnsafeBufferPointer { keyStart in
        anchorAt.withUnsafeBufferPointer { anchorAt in
        present.withUnsafeMutableBufferPointer { present in
            for i in tokens.indices where left > 0 {
                let id = Int(tokens[i])
                guard id <= maxID else { continue }
                let g = Int(groupOfID[id])
                guard g >= 0 else { continue }
                for p in groupStart[g]..<groupStart[g + 1] {
                    let k = members[p]
                    if present[k] { continue }
                    let lo = keyStart[k], count = keyStart[k + 1] - lo
                    let start = i - anchorAt[k]
                    guard start >= 0, start + count <= tokens.count else { continue }
                    var same = true
                    for m in 0..<count where tokens[start + m] != keys[lo + m] { same = false; break }
                    if same { present[k] = true; left -= 1 }
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        return present.map { !$0 }
    }

    // MARK: notices

    /// Sentences of the new text's changed sentences that hold a correction or update notice.
    /// `sentences`: the new text's changed sentences, rebuilt, in order.
    static func notices(in sentences: [TextPassage]) -> [String] {
        sentences.compactMap { p in
            holdsNotice(p.bytes, 0..<p.bytes.count) ? shortened(String(decoding: p.bytes, as: UTF8.self), to: 160) : nil
        }
    }

    static let noticePatternBytes: [[UInt8]] = noticePatterns.map { Array($0.utf8) }

    /// Whether the bytes hold a notice pattern, ignoring ASCII letter case. The patterns are lower-case
    /// ASCII (plus ’), so this equals searching the lower-cased text: no other letter lower-cases to
    /// one of their letters. A match followed by a combining mark (U+0300–U+036F) belongs to a longer
    /// character and does not count, as in a character-wise search.
    static func holdsNotice(_ u: [UInt8], _ r: Range<Int>) -> Bool {
        u.withUnsafeBufferPointer { u in
            for start in r {
                let first = u[start] | 0x20
                for pattern in noticePatternBytes where pattern[0] == first && start + pattern.count <= r.upperBound {
                    var same = true
                    for m in 1..<pattern.count {
                        var c = u[start + m]
                        if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                        if c != pattern[m] { same = false; break }
                    }
                    guard same else { continue }
                    let end = start + pattern.count
                    let combining = end + 1 < r.upperBound
                        && ((u[end] == 0xCC && u[end + 1] >= 0x80) || (u[end] == 0xCD && u[end + 1] <= 0xAF))
                    if !combining { return true }
                }
            }
            return false
        }
    }

    static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}
