import LedeText

/// Lines around the body that belong to the page, not the story: the kicker above the title, date, byline and
/// reading-time lines among the first paragraphs, affiliate disclosures at either end, and a byline after the
/// last paragraph. A line is judged by its shape (a date in any of the ways pages write one; a byline word and
/// then a name; "affili-" in any of the languages that borrowed the word) and by where it sits, never in the
/// middle of the body.
extension HTMLContentExtractor {
    /// Words that open a byline or a dateline, in the languages of `SectionCue`.
    static let bylineWords: Set<String> = [
        "by", "von", "par", "por", "di", "door", "av", "af", "autor", "autorin", "author", "auteur", "autore", "text",
        "texto", "redacción", "redaktion", "redazione", "redakcja", "redactie", "posted", "published", "publié",
        "publicado", "pubblicato", "veröffentlicht", "opublikowano", "aktualisiert", "updated", "stand", "记者", "記者",
        "作者", "来源", "來源", "发布时间", "發布時間",
    ]

    /// Drops the kicker just above the title, the date, byline and reading-time lines before the second
    /// paragraph (a standfirst often comes before the byline), affiliate disclosures before it or among the
    /// last three kept blocks, and bylines after the last paragraph. A paragraph: 150 characters or 25 words
    /// (Chinese packs a paragraph into fewer characters). Only blocks still kept are looked at.
    func dropPageLines(_ blocks: [RawBlock], _ features: [BlockFeatures], _ verdict: inout [String?]) {
        func isParagraph(_ i: Int) -> Bool { verdict[i] == nil && (features[i].length >= 150 || features[i].words >= 25) }
        guard let firstBody = blocks.indices.first(where: isParagraph),
              let lastBody = blocks.indices.last(where: isParagraph) else { return }
        let secondBody = ((firstBody + 1)..<blocks.count).first(where: isParagraph) ?? firstBody
        if let title = verdict.firstIndex(where: { $0 == Self.titleReason }), title > 0, title <= firstBody {
            let k = title - 1
            if verdict[k] == nil, blocks[k].tag != "li", features[k].words <= 5, features[k].length <= 40,
               let last = blocks[k].text.unicodeScalars.last, !".!?:;".unicodeScalars.contains(last) {
                verdict[k] = "a kicker above the title"
            }
        }
        for i in 0..<secondBody where verdict[i] == nil && features[i].length <= 100 && blocks[i].tag != "li" {
            if Self.isByline(blocks[i].text, features[i]) || Self.containsDate(blocks[i].text) { verdict[i] = "a date or byline line" }
            else if Self.isReadingTime(blocks[i].text, features[i]) { verdict[i] = "a reading-time line" }
        }
        let kept = blocks.indices.filter { verdict[$0] == nil }
        for i in kept.filter({ $0 < secondBody }) + kept.suffix(3) where verdict[i] == nil && Self.isAffiliateDisclosure(blocks[i].text, features[i]) {
            verdict[i] = "an affiliate disclosure"
        }
        for i in (lastBody + 1)..<blocks.count where verdict[i] == nil && blocks[i].tag != "li" {
            if Self.isByline(blocks[i].text, features[i]) { verdict[i] = "a byline" }
        }
    }

    static let titleReason = "the title"

    /// "Temps de lecture 4 min.", "Lesezeit: 5 Min.", "8 min read": a short line with a number then "min".
    static func isReadingTime(_ text: String, _ f: BlockFeatures) -> Bool {
        guard f.words <= 6, f.length <= 40 else { return false }
        let lower = Array(text.lowercased().utf8)
        var i = 0
        while i < lower.count {
            if lower[i] &- 0x30 < 10 {
                var k = i
                while k < lower.count && lower[k] &- 0x30 < 10 { k += 1 }
                while k < lower.count && lower[k] == 0x20 { k += 1 }
                if k + 3 <= lower.count && lower[k] == 0x6D && lower[k + 1] == 0x69 && lower[k + 2] == 0x6E { return true }   // "min"
                i = k
            } else { i += 1 }
        }
        return false
    }

    /// A note of at most 400 characters with a word starting "affili" or "afili" (affiliate, Affiliate-Links,
    /// liens affiliés, enlaces de afiliado, linki afiliacyjne, link di affiliazione).
    static func isAffiliateDisclosure(_ text: String, _ f: BlockFeatures) -> Bool {
        guard f.length <= 400 else { return false }
        let lower = Array(text.lowercased().utf8)
        for stem in affiliateStems {
            var i = 0
            while i + stem.count <= lower.count {
                if (i == 0 || !isASCIILetter(lower[i - 1])) && lower[i..<(i + stem.count)].elementsEqual(stem) { return true }
                i += 1
            }
        }
        return false
    }
    static let affiliateStems = ["affili", "afili"].map { Array($0.utf8) }
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// "By Dale Hutchins, Staff Writer", "Von Miriam Oswald · 9. 4. 2024", "Redazione Bologna Oggi", "记者 王海燕":
    /// at most eight words, a byline word, then a capital, a digit or an ideograph; no sentence end.
    static func isByline(_ text: String, _ f: BlockFeatures) -> Bool {
        guard f.words <= 8, f.length <= 80, let last = text.unicodeScalars.last, !".!?…".unicodeScalars.contains(last) else { return false }
        let scalars = Array(text.unicodeScalars.prefix(40))
        var end = 0
        while end < scalars.count && (scalars[end].properties.isAlphabetic) && !SectionCue.isIdeograph(scalars[end]) { end += 1 }
        if end == 0 {     // a Chinese byline word: the longest of two to four ideographs on the list
            for length in stride(from: min(4, scalars.count), through: 2, by: -1)
            where bylineWords.contains(String(String.UnicodeScalarView(scalars[0..<length]))) { end = length; break }
            guard end > 0 else { return false }
        } else {
            guard bylineWords.contains(String(String.UnicodeScalarView(scalars[0..<end])).lowercased()) else { return false }
        }
        var k = end
        while k < scalars.count && (scalars[k] == " " || scalars[k] == ":" || scalars[k] == "：" || scalars[k] == "|") { k += 1 }
        guard k > end, k < scalars.count else { return false }
        let next = scalars[k]
        return next.properties.isUppercase || next.properties.numericType != nil || SectionCue.isIdeograph(next)
    }

    /// Whether the line holds a date: as `DateParser` reads one, or `12.07.2024`, `04/03/2024`, `2024年4月`,
    /// `4. Mai 2023`, `2 października 2023`, `15 de janeiro de 2024`.
    static func containsDate(_ text: String) -> Bool {
        if DateParser.normalise(text) != nil { return true }
        enum Token: Equatable { case number(Int), word(Int), mark(Unicode.Scalar) }     // digits; letters; one symbol
        var tokens: [Token] = []
        var digits = 0, letters = 0
        func close() {
            if digits > 0 { tokens.append(.number(digits)); digits = 0 }
            if letters > 0 { tokens.append(.word(letters)); letters = 0 }
        }
        for s in text.unicodeScalars {
            if s.properties.numericType != nil && s.value < 0x80 { if letters > 0 { close() }; digits += 1 }
            else if s.properties.isAlphabetic && !SectionCue.isIdeograph(s) { if digits > 0 { close() }; letters += 1 }
            else { close(); if !s.properties.isWhitespace { tokens.append(.mark(s)) } }
        }
        close()
        func isNumber(_ t: Token, _ lengths: ClosedRange<Int>) -> Bool { if case .number(let n) = t { return lengths.contains(n) }; return false }
        func isWord(_ t: Token, atLeast n: Int) -> Bool { if case .word(let w) = t { return w >= n }; return false }
        func isSeparator(_ t: Token) -> Bool { t == .mark(".") || t == .mark("/") || t == .mark("-") }
        for i in tokens.indices {
            let rest = tokens[i...]
            let t = Array(rest.prefix(6))
            // 12.07.2024, 04/03/24
            if t.count >= 5, isNumber(t[0], 1...2), isSeparator(t[1]), isNumber(t[2], 1...2), t[3] == t[1], isNumber(t[4], 2...4) { return true }
            // 2024年4月
            if t.count >= 4, isNumber(t[0], 4...4), t[1] == .mark("年"), isNumber(t[2], 1...2), t[3] == .mark("月") { return true }
            // 4. Mai 2023, 2 października 2023, 15 de janeiro de 2024
            if isNumber(t[0], 1...2) {
                var k = 1
                if k < t.count, t[k] == .mark(".") { k += 1 }
                if k < t.count, case .word(let w) = t[k], w <= 2 { k += 1 }
                if k < t.count, isWord(t[k], atLeast: 3) {
                    k += 1
                    if k < t.count, case .word(let w) = t[k], w <= 2 { k += 1 }
                    if k < t.count, isNumber(t[k], 4...4) { return true }
                }
            }
        }
        return false
    }
}
