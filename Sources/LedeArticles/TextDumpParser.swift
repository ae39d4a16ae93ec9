import Foundation
import LedeText

/// Plain-text page dumps (what "save as text" or a scraper writes): menus, the title, a date/source line,
/// the body, then footer links. Each line is a block, except that hard-wrapped prose (a blank-line separated
/// group of long lines) is joined into one paragraph. Header lines (date, `Source:`, `By NAME`,
/// `Published:`/`Updated:`) are read as metadata by pattern; the title is the title-like line above the first
/// header line, else the first title-like line; everything else is classified by `BoilerplateClassifier` (jusText).
public enum TextDumpParser {
    struct Line { var text: String; var isParagraphStart: Bool }

    public static func parse(_ text: String, path: String, stopwords: Stopwords = .english) throws -> ParsedDocument {
        var text = text
        var tokens = ParseTokens(stopwords: stopwords, keepsTexts: false)
        return try text.withUTF8 { try parse(utf8: $0, path: path, tokens: &tokens).document }
    }

    /// `parse` over UTF-8 bytes: blocks stay byte ranges of one buffer; a String is made only for the few
    /// blocks that need one (header candidates, the title, dropped blocks). The blocks are scanned ONCE, in
    /// `tokens`' batch: the jusText features are counted from those tokens, and the kept blocks' tokens,
    /// moved to their place in the body, are returned as the body's tokens (local ids of `tokens.batch`).
    static func parse(utf8: UnsafeBufferPointer<UInt8>, path: String,
                      tokens: inout ParseTokens) throws -> (document: ParsedDocument, bodyTokens: [Token]) {
        let blocks = splitBlocks(utf8: utf8)
        try Cancellation.check()
        guard !blocks.isEmpty else { throw LoadError.empty }

        var metadata = ArticleMetadata()
        // Header lines and the title, and why each is one: a few of the first blocks (two short lists, not a
        // list of optionals per block: that type's metadata is looked up at run time on every allocation).
        var headerIndices: [Int] = [], headerReasons: [String] = []
        func headerReason(_ i: Int) -> String? { headerIndices.firstIndex(of: i).map { headerReasons[$0] } }
        var scanned = blocks.bytes.withUnsafeBufferPointer { tokens.batch.scan($0, stopsOnCancel: true) }
        try Cancellation.check()
        let (features, blockTokens) = measure(blocks, scanned, &tokens)
        try Cancellation.check()
        var classifier = BoilerplateClassifier()
        let words = features.reduce(0) { $0 + $1.words }, stops = features.reduce(0) { $0 + $1.stopwords }
        if words > 50 && Double(stops) / Double(words) < 0.1 { classifier.ignoreStopwords = true }

        // Header lines near the top (before the first body block, within the first lines) carry metadata.
        let firstBody = blocks.indices.first { classifier.initialClass(features[$0]).0 == .good } ?? blocks.count
        let headerEnd = min(blocks.count, max(firstBody, 1) + 1)
        for i in 0..<min(headerEnd, 30) {
            if blocks.mayBeHeader(i), let found = HeaderLine.read(blocks[i], into: &metadata) {
                headerIndices.append(i); headerReasons.append(found)
            }
        }
        // The title: the nearest title-like line above the first header line (the seed's title sits right
        // above its `· date · Source:` line, under a menu line); with no header lines, the first title-like line.
        var titleIndex: Int?
        if let firstHeader = headerIndices.first {
            titleIndex = stride(from: firstHeader - 1, through: 0, by: -1).first { blocks.isTitleLike($0) }
        }
        if titleIndex == nil {
            titleIndex = (0..<min(firstBody, blocks.count)).first { !headerIndices.contains($0) && blocks.isTitleLike($0) }
        }
        if let t = titleIndex { metadata.title = blocks[t]; headerIndices.append(t); headerReasons.append("the title") }

        // jusText on everything else, in order.
        let rest = blocks.indices.filter { !headerIndices.contains($0) }
        let decisions = classifier.classify(rest.map { features[$0] })
        var paragraphs: [Int] = []                  // kept blocks, by index
        var dropped: [DroppedBlock] = []
        paragraphs.reserveCapacity(blocks.count); dropped.reserveCapacity(blocks.count)
        var k = 0                                   // decisions[k] is for block rest[k]
        for i in blocks.indices {
            if let h = headerReason(i) { dropped.append(DroppedBlock(text: blocks[i], reason: h, position: paragraphs.count)); continue }
            let d = decisions[k]
            k += 1
            if d.keep { paragraphs.append(i) } else { dropped.append(DroppedBlock(text: blocks[i], reason: d.reason.description, position: paragraphs.count)) }
        }
        if paragraphs.isEmpty {
            // A very short text (a note, a brief) has no block long enough for jusText: keep its sentences.
            let sentences = rest.filter { isSentenceLike(blocks[$0]) && !features[$0].hasCopyright && features[$0].linkChars == 0 }
            if !sentences.isEmpty {
                paragraphs = sentences
                dropped.removeAll { d in sentences.contains { blocks[$0] == d.text } }
            }
        }
        if paragraphs.isEmpty {
            throw LoadError.noBody("no line reads as article text; every block looked like navigation or boilerplate")
        }
        // The body is written straight from the block bytes: paragraphs joined by a blank line. Each kept
        // block's tokens move with it (no token crosses the space between two blocks, nor the blank line).
        var body: [UInt8] = []
        body.reserveCapacity(paragraphs.reduce(0) { $0 + blocks.ranges[$1].count + 2 })
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(paragraphs.count)
        // The kept tokens move down in the scanned list itself (kept blocks are in order, so a token never moves
        // up): a second list would be two more bytes of memory per byte of a large file at the peak.
        var kept = 0
        scanned.withUnsafeMutableBufferPointer { scanned in
            for (k, i) in paragraphs.enumerated() {
                if k > 0 { body.append(0x0A); body.append(0x0A) }
                let start = body.count
                body.append(contentsOf: blocks.bytes[blocks.ranges[i]])
                ranges.append(start..<body.count)
                let shift = start - blocks.ranges[i].lowerBound
                for j in blockTokens[i] {
                    var t = scanned[j]
                    t.start = UInt32(Int(t.start) + shift)
                    scanned[kept] = t
                    kept += 1
                }
            }
        }
        scanned.removeSubrange(kept...)
        let bodyTokens = scanned
        try Cancellation.check()
        let document = ParsedDocument(path: path, format: .text, metadata: metadata, bodyUTF8: body, paragraphRanges: ranges,
                                      dropped: dropped)
        return (document, bodyTokens)
    }

    /// jusText's features of each block, as `BlockFeatures.measure` counts them, from the tokens of the block
    /// buffer (tokens are in byte order, blocks too), with each form asked about the stoplist once. Also
    /// returns which tokens fall in each block.
    private static func measure(_ blocks: Blocks, _ scanned: [Token],
                                _ tokens: inout ParseTokens) -> ([BlockFeatures], [Range<Int>]) {
        var features: [BlockFeatures] = []
        features.reserveCapacity(blocks.count)
        var blockTokens: [Range<Int>] = []
        blockTokens.reserveCapacity(blocks.count)
        let checkStops = !tokens.stopwords.words.isEmpty
        if checkStops { tokens.prepareStopwordFlags() }
        var k = 0
        blocks.bytes.withUnsafeBufferPointer { bytes in
        scanned.withUnsafeBufferPointer { scanned in
        tokens.stopFlags.withUnsafeBufferPointer { stopFlags in
            for r in blocks.ranges {
                while k < scanned.count && Int(scanned[k].start) < r.lowerBound { k += 1 }
                let first = k
                var stops = 0
                while k < scanned.count && Int(scanned[k].start) < r.upperBound {
                    if checkStops { stops &+= Int(stopFlags[Int(scanned[k].id)]) }
                    k += 1
                }
                let (length, hasCopyright) = BlockFeatures.characters(UnsafeBufferPointer(rebasing: bytes[r]))
                features.append(BlockFeatures(length: length, linkChars: 0, words: k - first, stopwords: stops,
                                              hasCopyright: hasCopyright, isHeading: false))
                blockTokens.append(first..<k)
            }
        }
        }
        }
        return (features, blockTokens)
    }

    /// Blocks as ranges of one buffer of folded text; `blocks[i]` makes a String only when asked.
    struct Blocks {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var isEmpty: Bool { ranges.isEmpty }
        var count: Int { ranges.count }
        var indices: Range<Int> { ranges.indices }
        subscript(i: Int) -> String {
            // Decoding from a buffer pointer takes String's fast path (an ArraySlice takes the generic one).
            bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[ranges[i]]), as: UTF8.self) }
        }

        // Tests on a block's bytes, so most blocks never become a String.

        /// Whether the block reads like a title: a few words, not ending like a sentence (see
        /// `isTitleLikeByCharacters`; ASCII blocks take the byte test).
        func isTitleLike(_ i: Int) -> Bool {
            bytes.withUnsafeBufferPointer { b in
                let line = UnsafeBufferPointer(rebasing: b[ranges[i]])
                return TextDumpParser.isASCII(line) ? TextDumpParser.isTitleLikeASCII(line) : TextDumpParser.isTitleLikeByCharacters(self[i])
            }
        }

        /// False when `HeaderLine.read(self[i])` is sure to find nothing: too long, or no digit, colon or "by ".
        func mayBeHeader(_ i: Int) -> Bool {
            ranges[i].count <= 640 && bytes.withUnsafeBufferPointer { HeaderLine.mayBeHeader(UnsafeBufferPointer(rebasing: $0[ranges[i]])) }
        }
    }

    /// Lines, with hard-wrapped paragraphs joined: a group of consecutive lines is one paragraph when all its
    /// lines but the last are long (≥ 50 characters) and do not end a sentence, as wrapped prose does.
    static func splitBlocks(_ text: String) -> [String] {
        var text = text
        let blocks = text.withUTF8 { splitBlocks(utf8: $0) }
        return blocks.indices.map { blocks[$0] }
    }

    /// `splitBlocks` over UTF-8 bytes. One byte scan, no closures over mutable state (those cost dynamic
    /// exclusivity checks per byte): lines end at LF (CR dropped); runs of spaces, tabs and no-break spaces
    /// fold to one. Folded lines are written one after another into one buffer, each followed by one space,
    /// so a hard-wrapped group joined with spaces is simply the range from its first line to its last.
    static let cancellationStride = 16 << 20

    static func splitBlocks(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Blocks {
        var blocks = Blocks()
        let n = bytes.count
        // Room for the lines of a typical page at once (a list grown from empty reallocates at each doubling).
        blocks.ranges.reserveCapacity(min(n / 40 + 8, 256))
        // Safety of the writes below: `out` holds n + 1 bytes and `length <= i` holds at the top of every step
        // (a byte read is written at most once; a run of whitespace or a line end becomes at most one space,
        // written only once the byte that ends the run has been read). So `out[length]` is in bounds, and in
        // the ASCII run `target[j]` = `out[length + (j - i)]` with j < n is too. Eight-byte loads read
        // `bytes[j..<j + 8]` only when j + 8 <= n; the stores write the same eight positions of `out`.
        let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: n + 1)
        defer { out.deallocate() }
        var length = 0                      // bytes written to `out`
        var lineStart = 0
        var group: [Range<Int>] = []        // the lines of the current blank-line separated group
        group.reserveCapacity(16)
        var pendingSpace = false
        var i = 0
        // The fast ASCII loop stops at `limit`, so a huge file is checked for Ctrl-C every 16 MB.
        var limit = min(n, cancellationStride)
        while true {
            if i >= limit && i < n {
                if Cancellation.isRequested { return Blocks() }
                limit = min(n, i + cancellationStride)
            }
            if i == n || bytes[i] == 0x0A {
                if length == lineStart { endGroup(&group, out, into: &blocks) }
                else { group.append(lineStart..<length); out[length] = 0x20; length += 1; lineStart = length }
                pendingSpace = false
                if i == n { break }
                i += 1
                continue
            }
            let b = bytes[i]
            if b > 0x20 && b < 0x80 {
                // Printable ASCII, the common case: copied as it is scanned, with the single spaces between
                // words (folding leaves them as they are), until a byte that needs a decision. A word at a time
                // through memmove cost more in calls than in copying.
                if pendingSpace { out[length] = 0x20; length += 1; pendingSpace = false }
                let target = out.baseAddress! + (length - i)       // target[j] is where bytes[j] goes
                var j = i
                repeat {
                    target[j] = bytes[j]
                    j += 1
                    // Eight bytes at a time while they are all printable ASCII or lone spaces (the last not a
                    // space): the bulk of a text dump.
                    while j + 8 <= limit {
                        let w = UnsafeRawPointer(bytes.baseAddress! + j).loadUnaligned(as: UInt64.self)
                        if w & 0x8080_8080_8080_8080 != 0 { break }
                        // With every high bit clear: b + 0x60 sets the high bit exactly when b ≥ 0x20.
                        if ~(w &+ 0x6060_6060_6060_6060) & 0x8080_8080_8080_8080 != 0 { break }
                        let x = w ^ 0x2020_2020_2020_2020          // zero bytes where w has a space
                        let spaces = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
                        if spaces & (spaces << 8) != 0 || spaces >> 63 != 0 { break }
                        UnsafeMutableRawPointer(target + j).storeBytes(of: w, as: UInt64.self)
                        j += 8
                    }
                    if j >= limit { break }
                    let c = bytes[j]
                    if c > 0x20 && c < 0x80 { continue }
                    if c == 0x20, j + 1 < n, bytes[j + 1] > 0x20, bytes[j + 1] < 0x80 { continue }
                    break
                } while true
                length += j - i
                i = j
                continue
            }
            var space = b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C
            var width = 1
            if b >= 0xC2 {
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { space = true; width = 2 }                          // U+00A0
                else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, (0x80...0x8A).contains(bytes[i + 2]) || bytes[i + 2] == 0xAF {
                    space = true; width = 3                                                                    // U+2000–U+200A, U+202F
                } else if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { space = true; width = 3 }  // U+3000
            }
            if space {
                pendingSpace = length > lineStart
            } else {
                if pendingSpace { out[length] = 0x20; length += 1; pendingSpace = false }
                out[length] = b
                length += 1
            }
            i += width
        }
        endGroup(&group, out, into: &blocks)
        blocks.bytes = Array(UnsafeBufferPointer(rebasing: out[0..<length]))
        return blocks
    }

    /// Ends a blank-line separated group of lines: one paragraph when it is hard-wrapped prose (all lines but
    /// the last at least 50 bytes long and not ending with `.` or `"`), else one block per line.
    private static func endGroup(_ group: inout [Range<Int>], _ out: UnsafeMutableBufferPointer<UInt8>, into blocks: inout Blocks) {
        defer { group.removeAll(keepingCapacity: true) }
        guard !group.isEmpty else { return }
        let wrapped = group.count > 1 && group.dropLast().allSatisfy {
            $0.count >= 50 && out[$0.upperBound - 1] != 0x2E && out[$0.upperBound - 1] != 0x22
        }
        if wrapped { blocks.ranges.append(group[0].lowerBound..<group[group.count - 1].upperBound) }
        else { blocks.ranges.append(contentsOf: group) }
    }

    /// Ends like a sentence and has a few words: what a short body's lines look like.
    static func isSentenceLike(_ line: String) -> Bool {
        guard let last = line.last, ".!?\"”')".contains(last) else { return false }
        return line.split(separator: " ").count >= 3
    }

    static func isTitleLikeByCharacters(_ line: String) -> Bool {
        guard line.count >= 3, line.count <= 200, line.contains(" ") || line.count > 12 else { return false }
        // A sentence ends with one full stop; a headline may trail off with an ellipsis ("Rivals of the £400 Apple...").
        guard let last = line.last, !",;:".contains(last), last != "." || line.hasSuffix("...") else { return false }
        return line.contains { $0.isLetter }
    }

    /// The same tests on the bytes of an ASCII line: without CR (folding removed it) a byte is a character.
    static func isTitleLikeASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = line.count
        guard count >= 3, count <= 200, line.contains(0x20) || count > 12, let last = line.last,
              last != 0x2C, last != 0x3B, last != 0x3A,
              last != 0x2E || (line[count - 2] == 0x2E && line[count - 3] == 0x2E) else { return false }   // "..."
        return line.contains { (($0 | 0x20) &- 0x61) < 26 }
    }

    /// Characters (grapheme clusters) in a block: its bytes when it is ASCII (a block holds no CR, so no
    /// CR LF pair makes two bytes one character), which spares the grapheme walk on nearly every line.
    static func characterCount(_ line: String) -> Int {
        var copy = line
        return copy.withUTF8 { isASCII($0) } ? line.utf8.count : line.count
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 8 <= bytes.count {
            if UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < bytes.count { if bytes[i] >= 0x80 { return false }; i += 1 }
        return true
    }
}

/// Header lines that jusText would drop as short: `· 2022-03-31 · Source: Xinhua`, `By Jane Doe`,
/// `Published: 31 March 2022`, `Updated: …`, `Author: …`, a line that is only a date.
enum HeaderLine {
    /// Reads metadata from `line` when it is a header line; returns the reason to show for it.
    static func read(_ line: String, into m: inout ArticleMetadata) -> String? {
        // Cheap byte checks first (this runs on the first lines of every file): at most 160 characters, and
        // every pattern below needs a digit (all dates have one), a colon ("Source:", "Author:") or "by ".
        let byteCount = line.utf8.count
        guard byteCount <= 160 || (byteCount <= 640 && TextDumpParser.characterCount(line) <= 160) else { return nil }
        guard mayBeHeader(line) else { return nil }
        // Most lines have no separator: skip the Character-by-Character split for them.
        let hasSeparator = line.utf8.contains { $0 == 0x7C || $0 == 0xB7 || $0 == 0xA2 }   // |, ·'s and •'s last byte
        let segments = (hasSeparator ? line.split(whereSeparator: { "·|•".contains($0) }) : [Substring(line)])
            .map(trimmingWhitespace).filter { !$0.isEmpty }
        guard !segments.isEmpty else { return nil }
        var found: [String] = []
        var unexplained = 0
        for segment in segments {
            let lower = segment.lowercased()
            if let value = after(lower, segment, ["source:", "agency:", "from:"]) {
                if m.source == nil { m.source = value }; found.append("source")
            } else if let value = after(lower, segment, ["updated:", "updated on", "updated", "last updated:", "last updated", "modified:"]),
                      let date = DateParser.normalise(value) {
                if m.modified == nil { m.modified = date }; found.append("modified date")
            } else if let value = after(lower, segment, ["published:", "published on", "published", "posted:", "posted on", "date:"]),
                      let date = DateParser.normalise(value) {
                if m.published == nil { m.published = date }; found.append("published date")
            } else if let value = after(lower, segment, ["by ", "author:", "written by "]), isName(value) {
                if m.author == nil { m.author = value }; found.append("author")
            } else if segment.count <= 60, let date = DateParser.normalise(segment) {
                if m.published == nil { m.published = date } else if m.modified == nil, m.published != date { m.modified = date }
                found.append("date")
            } else {
                unexplained += 1
            }
        }
        // A line is a header line only when most of it was metadata (not a sentence that mentions a date).
        guard !found.isEmpty, unexplained <= found.count / 2 else { return nil }
        return "header line (" + found.joined(separator: ", ") + ")"
    }

    /// `trimmingCharacters(in: .whitespaces)` (space separators and tab) without bridging to NSString.
    static func trimmingWhitespace(_ s: Substring) -> String {
        func isSpace(_ u: Unicode.Scalar) -> Bool { u == "\t" || u.properties.generalCategory == .spaceSeparator }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }

    /// True when `line` has a digit, a colon or "by " (any case): without one no segment can match.
    static func mayBeHeader(_ line: String) -> Bool { mayBeHeader(line.utf8) }

    static func mayBeHeader<Bytes: Sequence<UInt8>>(_ line: Bytes) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in line {
            if (b &- 0x30) < 10 || b == 0x3A { return true }
            if b == 0x20, previous | 0x20 == 0x79, beforePrevious | 0x20 == 0x62 { return true }
            beforePrevious = previous; previous = b
        }
        return false
    }

    private static func after(_ lower: String, _ original: String, _ prefixes: [String]) -> String? {
        for p in prefixes where lower.hasPrefix(p) {
            let value = original.dropFirst(p.count).trimmingCharacters(in: CharacterSet(charactersIn: " :-–—\t"))
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// A byline name: 1–8 words, mostly capitalised, no sentence punctuation.
    private static func isName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (1...8).contains(words.count), !s.hasSuffix("."), s.count <= 80 else { return false }
        let capitalised = words.filter { $0.first?.isUppercase == true }.count
        return capitalised * 2 >= words.count
    }
}
