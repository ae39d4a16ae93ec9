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

    /// Counts words and stopwords in one pass over the UTF-8 bytes: a word is a run of letters/digits
    /// (apostrophes inside, ’ folded to '), lower-cased for the stoplist lookup. ASCII takes a fast path;
    /// other scalars are decoded and asked for their Unicode properties.
    static func measure(_ text: String, linkChars: Int = 0, isHeading: Bool = false, stopwords: Stopwords) -> BlockFeatures {
        var copy = text
        return copy.withUTF8 { measure(utf8: $0, linkChars: linkChars, isHeading: isHeading, stopwords: stopwords) }
    }

    /// `measure` over UTF-8 bytes (the text-dump parser's blocks are byte ranges, not Strings).
    static func measure(utf8: UnsafeBufferPointer<UInt8>, linkChars: Int = 0, isHeading: Bool = false, stopwords: Stopwords) -> BlockFeatures {
        var words = 0, stops = 0, length = 0
        var hasCopyright = false
        let checkStops = !stopwords.words.isEmpty
        // The current word is hashed as its lower-cased bytes arrive; no string is built per word.
        var hash = Stopwords.hashSeed
        var inWord = false
        @inline(__always) func add(_ b: UInt8) { hash = Stopwords.hashStep(hash, b); inWord = true }
        @inline(__always) func flush() {
            guard inWord else { return }
            words += 1
            if checkStops && stopwords.contains(hash: hash) { stops += 1 }
            hash = Stopwords.hashSeed
            inWord = false
        }
        do {
            let n = utf8.count
            var i = 0
            while i < n {
                let b = utf8[i]
                if b < 0x80 {
                    // A run of ASCII word bytes (letters lower-cased, digits, an apostrophe once inside a word)
                    // in a tight loop; the word stays open, as a non-ASCII letter may continue it.
                    var j = i, h = hash, open = inWord
                    while j < n {
                        let c = utf8[j], lower = c | 0x20
                        if (lower &- 0x61) < 26 { h = Stopwords.hashStep(h, lower) }
                        else if (c &- 0x30) < 10 || (c == 0x27 && open) { h = Stopwords.hashStep(h, c) }
                        else { break }
                        open = true
                        j += 1
                    }
                    if j > i { length += j - i; hash = h; inWord = open; i = j; continue }
                    length += 1
                    flush()
                    i += 1
                    continue
                }
                length += 1
                let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for k in 1..<width where i + k < n { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                let end = min(n, i + width)
                if value == 0x2019 {
                    if inWord { add(0x27) }
                } else if value == 0xA9 {
                    hasCopyright = true; flush()
                } else if isHanIdeograph(value) {
                    // Chinese and Japanese write no spaces: as in the tokenizer, each ideograph is a word.
                    flush(); words += 1
                } else if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if scalar.properties.changesWhenLowercased {
                        for u in scalar.properties.lowercaseMapping.utf8 { add(u) }
                    } else {
                        for k in i..<end { add(utf8[k]) }
                    }
                } else {
                    flush()
                }
                i = end
            }
        }
        flush()
        return BlockFeatures(length: length, linkChars: linkChars, words: words, stopwords: stops,
                             hasCopyright: hasCopyright, isHeading: isHeading)
    }
}

/// jusText's block classes and the reason a block ended up in its class (shown by `show --blocks`).
enum BlockClass: Equatable { case good, nearGood, short, bad }

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

    struct Decision { var keep: Bool; var reason: String }

    func initialClass(_ f: BlockFeatures) -> (BlockClass, String) {
        if f.linkDensity > maxLinkDensity { return (.bad, "link density \(percent(f.linkDensity)) > \(percent(maxLinkDensity))") }
        if f.hasCopyright { return (.bad, "copyright notice") }
        if f.length < lengthLow {
            return f.linkChars > 0 ? (.bad, "short (\(f.length) chars) with a link") : (.short, "short (\(f.length) chars)")
        }
        if ignoreStopwords { return f.length > lengthHigh ? (.good, "long text") : (.nearGood, "medium-length text") }
        let d = f.stopwordDensity
        if d >= stopwordsHigh { return f.length > lengthHigh ? (.good, "prose") : (.nearGood, "prose, medium length") }
        if d >= stopwordsLow { return (.nearGood, "stopword density \(percent(d))") }
        return (.bad, "few stopwords (\(percent(d)) < \(percent(stopwordsLow)))")
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
                cls[i] = .good; reasons[i] += " (short article: no longer block)"
            }
        }
        // Headings that are short and followed closely by good text count as near-good.
        for i in 0..<n where blocks[i].isHeading && cls[i] == .short {
            if goodFollows(i, cls, blocks) { cls[i] = .nearGood; reasons[i] = "heading before body text" }
        }
        func neighbour(_ i: Int, step: Int, ignoreNearGood: Bool, _ classes: [BlockClass]) -> BlockClass {
            var j = i + step
            while j >= 0 && j < n {
                let c = classes[j]
                if c == .good || c == .bad { return c }
                if c == .nearGood && !ignoreNearGood { return c }
                j += step
            }
            return .bad      // the document's edges count as boilerplate
        }
        var revised = cls
        for i in 0..<n where cls[i] == .short {
            let prev = neighbour(i, step: -1, ignoreNearGood: true, cls), next = neighbour(i, step: 1, ignoreNearGood: true, cls)
            if prev == .good && next == .good { revised[i] = .good; reasons[i] += ", between body blocks" }
            else if prev == .bad && next == .bad { revised[i] = .bad; reasons[i] += ", between boilerplate" }
            else if (prev == .bad && neighbour(i, step: -1, ignoreNearGood: false, cls) == .nearGood)
                        || (next == .bad && neighbour(i, step: 1, ignoreNearGood: false, cls) == .nearGood) {
                revised[i] = .good; reasons[i] += ", next to near-body text"
            } else { revised[i] = .bad; reasons[i] += ", next to boilerplate" }
        }
        cls = revised
        for i in 0..<n where cls[i] == .nearGood {
            let prev = neighbour(i, step: -1, ignoreNearGood: true, cls), next = neighbour(i, step: 1, ignoreNearGood: true, cls)
            if prev == .bad && next == .bad { revised[i] = .bad; reasons[i] += ", between boilerplate" }
            else { revised[i] = .good }
        }
        cls = revised
        // Headings dropped only by context come back when good text follows closely.
        for i in 0..<n where blocks[i].isHeading && cls[i] == .bad && initial[i].0 != .bad {
            if goodFollows(i, cls, blocks) { cls[i] = .good; reasons[i] = "heading before body text" }
        }
        return (0..<n).map { Decision(keep: cls[$0] == .good, reason: reasons[$0]) }
    }

    private func goodFollows(_ i: Int, _ cls: [BlockClass], _ blocks: [BlockFeatures]) -> Bool {
        var j = i + 1, distance = 0
        while j < cls.count && distance <= maxHeadingDistance {
            if cls[j] == .good { return true }
            distance += blocks[j].length
            j += 1
        }
        return false
    }

    private func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
