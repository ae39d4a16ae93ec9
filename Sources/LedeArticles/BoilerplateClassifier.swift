import LedeText

/// The measurements jusText classifies a block by.
struct BlockFeatures {
    var length: Int            // characters (Unicode scalars) of the block's text
    var linkChars: Int         // characters inside links
    var words: Int
    var stopwords: Int
    var hasCopyright: Bool
    var isHeading: Bool

    var linkDensity: Double { length == 0 ? 0 : Double(linkChars) / Double(length) }
    var stopwordDensity: Double { words == 0 ? 0 : Double(stopwords) / Double(words) }

    /// Counts words and stopwords: a word is one of lede's tokens (see `Tokenizer`: "five-year", "U.S." and
    /// "1,200" are one word each, every Han ideograph is one), a stopword a token whose normalised form is on
    /// the list — the same words every other count in lede uses.
    static func measure(_ text: String, linkChars: Int = 0, isHeading: Bool = false, stopwords: Stopwords) -> BlockFeatures {
        var copy = text
        return copy.withUTF8 { utf8 in
            var words = 0, stops = 0
            let checkStops = !stopwords.words.isEmpty
            Tokenizer.forEachToken(utf8) { range, kind in
                words += 1
                if checkStops && stopwords.containsToken(UnsafeBufferPointer(rebasing: utf8[range]), kind: kind) { stops += 1 }
            }
            let (length, hasCopyright) = characters(utf8)
            return BlockFeatures(length: length, linkChars: linkChars, words: words, stopwords: stops,
                                 hasCopyright: hasCopyright, isHeading: isHeading)
        }
    }

    /// Characters (Unicode scalars) and whether © occurs. Characters are the bytes that do not continue a
    /// UTF-8 sequence (10xxxxxx), counted eight bytes at a time: a continuation byte has its top bit set and
    /// the next one clear. Only text with a byte over 0x7F can hold ©.
    static func characters(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, hasCopyright: Bool) {
        var continuations = 0, high: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count {
            let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
            high |= w
            continuations &+= (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < bytes.count {
            high |= UInt64(bytes[i])
            continuations &+= bytes[i] & 0xC0 == 0x80 ? 1 : 0
            i += 1
        }
        var hasCopyright = false
        if high & 0x8080_8080_8080_8080 != 0 {
            var previous: UInt8 = 0
            for b in bytes { if b == 0xA9 && previous == 0xC2 { hasCopyright = true; break }; previous = b }   // ©
        }
        return (bytes.count - continuations, hasCopyright)
    }
}

/// jusText's block classes and the reason a block ended up in its class (shown by `show --blocks`).
enum BlockClass: Equatable { case good, nearGood, short, bad }

/// Why a block ended up in its class: kept as values and put into words only for the blocks a loader drops
/// (formatting a reason for every block of every file was a tenth of a text dump's allocations).
struct BlockReason: CustomStringConvertible {
    enum Initial {
        case linkDensity(Double, max: Double), copyright, shortWithLink(Int), short(Int), longText, mediumText
        case prose, proseMedium, stopwordDensity(Double), fewStopwords(Double, low: Double), headingBeforeBody
    }
    /// What the context passes added, in order.
    enum Note { case shortArticle, betweenBody, betweenBoilerplate, nextToNearBody, nextToBoilerplate }

    var initial: Initial
    private var notes: (Note?, Note?) = (nil, nil)

    init(_ initial: Initial) { self.initial = initial }

    mutating func add(_ note: Note) {
        if notes.0 == nil { notes.0 = note } else { notes.1 = note }
    }

    var description: String {
        func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        var s: String
        switch initial {
        case .linkDensity(let d, let max): s = "link density \(percent(d)) > \(percent(max))"
        case .copyright: s = "copyright notice"
        case .shortWithLink(let n): s = "short (\(n) chars) with a link"
        case .short(let n): s = "short (\(n) chars)"
        case .longText: s = "long text"
        case .mediumText: s = "medium-length text"
        case .prose: s = "prose"
        case .proseMedium: s = "prose, medium length"
        case .stopwordDensity(let d): s = "stopword density \(percent(d))"
        case .fewStopwords(let d, let low): s = "few stopwords (\(percent(d)) < \(percent(low)))"
        case .headingBeforeBody: s = "heading before body text"
        }
        for note in [notes.0, notes.1].compactMap({ $0 }) {
            switch note {
            case .shortArticle: s += " (short article: no longer block)"
            case .betweenBody: s += ", between body blocks"
            case .betweenBoilerplate: s += ", between boilerplate"
            case .nextToNearBody: s += ", next to near-body text"
            case .nextToBoilerplate: s += ", next to boilerplate"
            }
        }
        return s
    }
}

/// A jusText-style boilerplate classifier (Pomikálek 2011, as summarised in notes/references.md): a first
/// pass on each block's own features, then a context pass where short and near-good blocks take the class of
/// their neighbours, and headings followed closely by good text are kept.
struct BoilerplateClassifier {
    var maxLinkDensity = 0.2
    var lengthLow = 70
    var lengthHigh = 200
    var stopwordsLow = 0.30
    var stopwordsHigh = 0.32
    var maxHeadingDistance = 200
    /// For text without a usable stoplist (another language): judge by length and links only.
    var ignoreStopwords = false

    struct Decision { var keep: Bool; var reason: BlockReason }

    func initialClass(_ f: BlockFeatures) -> (BlockClass, BlockReason) {
        if f.linkDensity > maxLinkDensity { return (.bad, BlockReason(.linkDensity(f.linkDensity, max: maxLinkDensity))) }
        if f.hasCopyright { return (.bad, BlockReason(.copyright)) }
        if f.length < lengthLow {
            return f.linkChars > 0 ? (.bad, BlockReason(.shortWithLink(f.length))) : (.short, BlockReason(.short(f.length)))
        }
        if ignoreStopwords { return f.length > lengthHigh ? (.good, BlockReason(.longText)) : (.nearGood, BlockReason(.mediumText)) }
        let d = f.stopwordDensity
        if d >= stopwordsHigh { return f.length > lengthHigh ? (.good, BlockReason(.prose)) : (.nearGood, BlockReason(.proseMedium)) }
        if d >= stopwordsLow { return (.nearGood, BlockReason(.stopwordDensity(d))) }
        return (.bad, BlockReason(.fewStopwords(d, low: stopwordsLow)))
    }

    func classify(_ blocks: [BlockFeatures]) -> [Decision] {
        let n = blocks.count
        let initial = blocks.map(initialClass)
        var cls = initial.map(\.0)
        var reasons = initial.map(\.1)
        // A short article may have no block over 200 characters: jusText would then drop all of it.
        // With no good block at all, its prose-like (near-good) blocks are the body.
        if !cls.contains(.good) {
            for i in 0..<n where cls[i] == .nearGood && blocks[i].stopwordDensity >= stopwordsHigh {
                cls[i] = .good; reasons[i].add(.shortArticle)
            }
        }
        // Headings that are short and followed closely by good text count as near-good.
        for i in 0..<n where blocks[i].isHeading && cls[i] == .short {
            if goodFollows(i, cls, blocks) { cls[i] = .nearGood; reasons[i] = BlockReason(.headingBeforeBody) }
        }
        var revised = cls
        var near = NeighbourClasses(cls)
        for i in 0..<n where cls[i] == .short {
            let prev = near.previous[i], next = near.next[i]
            if prev == .good && next == .good { revised[i] = .good; reasons[i].add(.betweenBody) }
            else if prev == .bad && next == .bad { revised[i] = .bad; reasons[i].add(.betweenBoilerplate) }
            else if (prev == .bad && near.previousAny[i] == .nearGood) || (next == .bad && near.nextAny[i] == .nearGood) {
                revised[i] = .good; reasons[i].add(.nextToNearBody)
            } else { revised[i] = .bad; reasons[i].add(.nextToBoilerplate) }
        }
        cls = revised
        near = NeighbourClasses(cls)
        for i in 0..<n where cls[i] == .nearGood {
            if near.previous[i] == .bad && near.next[i] == .bad { revised[i] = .bad; reasons[i].add(.betweenBoilerplate) }
            else { revised[i] = .good }
        }
        cls = revised
        // Headings dropped only by context come back when good text follows closely.
        for i in 0..<n where blocks[i].isHeading && cls[i] == .bad && initial[i].0 != .bad {
            if goodFollows(i, cls, blocks) { cls[i] = .good; reasons[i] = BlockReason(.headingBeforeBody) }
        }
        return (0..<n).map { Decision(keep: cls[$0] == .good, reason: reasons[$0]) }
    }

    private func goodFollows(_ i: Int, _ cls: [BlockClass], _ blocks: [BlockFeatures]) -> Bool {
        var j = i + 1, distance = 0
        while j < cls.count && distance <= maxHeadingDistance {
            if cls[j] == .good { return true }
            distance += max(1, blocks[j].length)
            j += 1
        }
        return false
    }

}

/// For each block, the class of the nearest good or bad block before and after it (`previous`, `next`), and of
/// the nearest block that is not short (`previousAny`, `nextAny`, near-good included); past the document's
/// edges, bad. Found in two passes, so a long run of short blocks costs no rescan per block.
struct NeighbourClasses {
    var previous: [BlockClass], next: [BlockClass], previousAny: [BlockClass], nextAny: [BlockClass]

    init(_ classes: [BlockClass]) {
        let n = classes.count
        previous = Array(repeating: .bad, count: n); next = previous; previousAny = previous; nextAny = previous
        var strict = BlockClass.bad, any = BlockClass.bad
        for i in 0..<n {
            previous[i] = strict; previousAny[i] = any
            let c = classes[i]
            if c == .good || c == .bad { strict = c; any = c } else if c == .nearGood { any = c }
        }
        strict = .bad; any = .bad
        for i in stride(from: n - 1, through: 0, by: -1) {
            next[i] = strict; nextAny[i] = any
            let c = classes[i]
            if c == .good || c == .bad { strict = c; any = c } else if c == .nearGood { any = c }
        }
    }
}
