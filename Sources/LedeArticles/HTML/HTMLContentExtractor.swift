import CLibXML2
import Foundation
import LedeText

/// Finds the main text of an HTML page. The ideas (not code) come from jusText, readability and
/// body-text-extraction: the page is cut into text blocks at block-level elements; each block is measured
/// (length, link density, stopword density) and classified by `BoilerplateClassifier`; then the element
/// whose subtree holds the most body text net of boilerplate is taken as the article container, and the
/// body is the blocks inside it that are not link lists, hidden, or in obvious furniture (nav, footer,
/// share bars, comment sections).
struct HTMLContentExtractor {
    /// The page's declared language; its stoplist replaces English when it fits the text better.
    var declaredLanguage: String?
    var stoplists: StopwordCatalog
    /// Tells the language when English fits the text badly and the declared language does not fit better.
    var languages: SharedLanguageIdentifier?

    /// One run of text between block-level boundaries.
    struct RawBlock {
        var text: String
        var linkChars: Int
        var leadingLinkChars: Int     // link text opening the block, before any plain text
        var links: Int                // links (<a>) opening in the block
        var element: Int              // innermost block-level element holding the text
        var tag: String               // that element's tag
        var furniture: Int            // the innermost furniture around the block (an index into `furnitureReasons`; -1 none)
        var inTeaserCard = false      // inside an element `markTeaserCards` found to be a card
    }
    /// `signature` (tag and class) lets repeated siblings — cards of a teaser list — be recognised.
    struct Element { var parent: Int; var tag: String; var signature: UInt64 }

    struct Result {
        var paragraphs: [String]
        var dropped: [DroppedBlock]
    }

    // Elements whose text never belongs to an article body.
    static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "canvas", "iframe",
                                           "object", "embed", "video", "audio", "button", "input", "select", "textarea",
                                           "option", "head", "title", "meta", "link", "map", "dialog"]
    // Elements that are page furniture by definition (their text is kept as dropped blocks with the reason).
    static let furnitureTags: Set<String> = ["nav", "footer", "aside", "header", "menu", "form", "figcaption"]
    // Inline elements do not break a block; everything else does.
    static let inlineTags: Set<String> = ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
                                          "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
                                          "u", "var", "wbr", "del", "ins", "strike", "tt", "big", "nobr", "label", "acronym"]
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// How the collector treats a tag, found with one lookup per element.
    enum TagRole { case skipped, lineBreak, inline, cell, furniture }
    static let tagRoles: [String: TagRole] = {
        var roles: [String: TagRole] = [:]
        for t in skippedTags { roles[t] = .skipped }
        for t in inlineTags { roles[t] = .inline }
        for t in furnitureTags { roles[t] = .furniture }
        roles["br"] = .lineBreak; roles["hr"] = .lineBreak
        roles["td"] = .cell; roles["th"] = .cell
        return roles
    }()
    // class/id fragments that mark furniture: share bars, comments, promos, related links, newsletters, ads. Sites
    // name their classes in their own language too: German, French, Spanish, Italian, Portuguese and Polish words
    // for the same sections, and the pinyin Chinese sites use.
    static let furnitureNames = ["comment", "disqus", "replies", "share", "sharing", "social", "related", "promo", "newsletter", "sidebar",
                                 "footer", "breadcrumb", "subscribe", "cookie", "popup", "modal", "advert", "sponsor",
                                 "recommend", "trending", "most-popular", "mostpopular", "outbrain", "taboola", "byline",
                                 "signup", "sign-up", "nav", "menu", "masthead", "toolbar", "tags", "author-bio",
                                 "visually-hidden", "sr-only", "screen-reader", "read-more", "readmore", "more-stories",
                                 "disclaimer", "copyright", "caption", "credit", "widget", "banner", "skip-link",
                                 "about-me", "aboutme", "about-author", "author-box", "authorbox", "affiliate", "donat",
                                 "reward",
                                 "komment", "coment", "komentarz", "relacionad", "correlat", "powiazan", "polecan", "podobne",
                                 "zobacz", "czytaj", "lire-aussi", "lireaussi", "leggi-anche", "leia-tambem", "weitere",
                                 "empfehl", "verwandt", "anzeige", "werbung", "publicit", "publicid", "pubblicit", "reklam",
                                 "autor", "auteur", "o-mnie", "sobre-mi", "a-propos", "spende", "wesprzyj", "partage",
                                 "compartir", "teilen", "udostepnij", "condividi", "partilh", "compartilh",
                                 "xiangguan", "pinglun", "fenxiang", "guanggao", "tuijian"]

    static let furnitureNameBytes = furnitureNames.map { Array($0.utf8) }
    /// The furniture names indexed by their first byte, so a class token is scanned once.
    static let furnitureNamesByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for name in furnitureNameBytes { table[Int(name[0])].append(name) }
        return table
    }()

    /// The first two bytes of every furniture name, as bits: most positions of a class token open none.
    static let furnitureNameOpenings: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for name in furnitureNameBytes { let k = Int(name[0]) << 8 | Int(name[1]); bits[k >> 6] |= 1 << UInt64(k & 63) }
        return bits
    }()

    /// Whether any furniture name occurs in `token` (ASCII bytes, matched lower-cased).
    static func containsFurnitureName(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { (b &- 0x41) < 26 ? b | 0x20 : b }
        let n = token.count
        var i = 0
        while i + 1 < n {
            let k = Int(lower(token[i])) << 8 | Int(lower(token[i + 1]))
            guard furnitureNameOpenings[k >> 6] & (1 << UInt64(k & 63)) != 0 else { i += 1; continue }
            for name in furnitureNamesByFirstByte[Int(lower(token[i]))] where n - i >= name.count {
                var k = 1
                while k < name.count && lower(token[i + k]) == name[k] { k += 1 }
                if k == name.count { return true }
            }
            i += 1
        }
        return false
    }
    /// Furniture reasons naming comment sections: never the article, however much prose they hold.
    static let hardFurnitureMarks = ["comment", "disqus", "repl", "komment", "coment", "komentarz", "pinglun"].map { Array($0.utf8) }
    /// ARIA landmark roles of page furniture (the roles of <nav>, <header>, <footer>, <aside>), and dialogs.
    static let furnitureRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                                              "alertdialog", "menu", "menubar", "toolbar"]

    /// The body of a page read by `HTMLPageReader` (whose collector cut the text into blocks).
    func extract(_ collector: Collector, title: String?) -> Result {
        let features = measure(collector)
        var result = select(collector, features, title: title)
        // A page whose whole article sits in a container with a furniture-like class ("share-enabled story"):
        // when the names leave almost nothing, try again without them.
        if Self.characterCount(result.paragraphs, stoppingAt: 200) < 200 {
            // The blocks are the same, so are their features: only the furniture marks differ.
            let second = select(collector.withoutFurnitureNames(), features, title: title)
            if second.paragraphs.reduce(0, { $0 + $1.count }) > 2 * result.paragraphs.reduce(0, { $0 + $1.count }) { result = second }
        }
        if result.paragraphs.isEmpty, let last = fallback(collector, features, title: title) { result = last }
        return result
    }

    /// Characters in `texts`, counting stopped once `limit` is reached (Character counting breaks graphemes,
    /// which is costly on long articles).
    static func characterCount(_ texts: [String], stoppingAt limit: Int) -> Int {
        var total = 0
        for text in texts {
            if total >= limit { break }
            total += text.count
        }
        return total
    }

    /// jusText's features of every block, with the stoplist that fits the page's language: the declared one when
    /// it fits better than English; else English, unless under 15 % of the page's words are English stopwords —
    /// then the language `LanguageIdentifier` tells from the page's longer blocks, when its list fits better.
    private func measure(_ c: Collector) -> [BlockFeatures] {
        // The first 40 blocks of 70 characters or more (lazily: counting characters is grapheme breaking).
        var taken: [String]?
        func sample() -> [String] {
            if let taken { return taken }
            let made = Array(c.blocks.lazy.filter { $0.text.utf8.count >= 70 && $0.text.count >= 70 }.prefix(40).map(\.text))
            taken = made
            return made
        }
        let stopwords = StoplistChoice.choose(declared: declaredLanguage, catalog: stoplists, sample: sample)
        func measured(_ list: Stopwords) -> [BlockFeatures] {
            c.blocks.map { b in
                BlockFeatures.measure(b.text, linkChars: b.linkChars, isHeading: Self.headingTags.contains(b.tag), stopwords: list)
            }
        }
        let features = measured(stopwords)
        guard stopwords.name == Stopwords.english.name, let languages else { return features }
        let words = features.reduce(0) { $0 + $1.words }, stops = features.reduce(0) { $0 + $1.stopwords }
        guard words >= 30, Double(stops) < StoplistChoice.poorFit * Double(words),
              let other = StoplistChoice.identified(sample(), languages: languages, catalog: stoplists) else { return features }
        let remeasured = measured(other)
        return remeasured.reduce(0, { $0 + $1.stopwords }) > stops ? remeasured : features
    }

    private func select(_ collected: Collector, _ features: [BlockFeatures], title: String?) -> Result {
        var c = collected
        markTeaserCards(&c, features: features)
        let blocks = c.blocks
        var classifier = BoilerplateClassifier()
        let totalWords = features.reduce(0) { $0 + $1.words }, totalStops = features.reduce(0) { $0 + $1.stopwords }
        if totalWords > 50 && Double(totalStops) / Double(totalWords) < 0.1 { classifier.ignoreStopwords = true }
        // Furniture by tag or class name is a strong hint, not a verdict: a "sidebar" layout class or an
        // ASP.NET <form> may hold the whole article. A furniture element holding over 40 % of the page's body
        // text (judged by the classifier on all blocks) is not furniture.
        let all = classifier.classify(features)
        let totalGood = blocks.indices.reduce(0) { all[$1].keep ? $0 + features[$1].length : $0 }
        // Good text inside each furniture element: each block's counted at its innermost furniture, then summed up
        // the furniture tree (an element's entry comes after its parent's), so nesting costs no walk per block.
        let parentFurniture = c.furnitureParent
        var goodIn = [Int](repeating: 0, count: parentFurniture.count)
        for i in blocks.indices where all[i].keep && blocks[i].furniture >= 0 { goodIn[blocks[i].furniture] += features[i].length }
        for f in parentFurniture.indices.reversed() where parentFurniture[f] >= 0 { goodIn[parentFurniture[f]] += goodIn[f] }
        let active = goodIn.indices.map { Double(goodIn[$0]) <= 0.4 * Double(totalGood) || c.hardFurniture.contains($0) }
        // The outermost active furniture around each furniture element (itself included), -1 for none.
        var outermostActive = [Int](repeating: -1, count: parentFurniture.count)
        for f in parentFurniture.indices {
            let outer = parentFurniture[f] >= 0 ? outermostActive[parentFurniture[f]] : -1
            outermostActive[f] = outer >= 0 ? outer : (active[f] ? f : -1)
        }
        let structural: [String?] = blocks.map { b in
            if b.furniture >= 0, outermostActive[b.furniture] >= 0 { return c.furnitureReasons[outermostActive[b.furniture]] }
            return b.inTeaserCard ? HTMLContentExtractor.teaserCardReason : nil
        }
        let sections = sectionMarks(c, features, good: all.map(\.keep), totalGood: totalGood, furniture: structural.map { $0 != nil })
        let furnitureReason = blocks.indices.map { structural[$0] ?? sections[$0] }
        let candidates = blocks.indices.filter { furnitureReason[$0] == nil }
        let decisions = classifier.classify(candidates.map { features[$0] })
        var keep = [Bool](repeating: false, count: blocks.count)
        var reason = [String](repeating: "", count: blocks.count)
        for (k, i) in candidates.enumerated() { keep[i] = decisions[k].keep; reason[i] = decisions[k].reason.description }
        for i in blocks.indices { if let f = furnitureReason[i] { reason[i] = f } }

        // Score every element: body text inside it, minus a share of the boilerplate inside it.
        var score = [Double](repeating: 0, count: c.elements.count)
        for i in blocks.indices where blocks[i].element >= 0 {
            let len = Double(features[i].length)
            // Prose counts for its container (whatever its neighbours), link lists count against it, other
            // short text is neutral; so is the prose of a section a label announces (a bio, comments, an appeal).
            let f = features[i]
            let prose = sections[i] == nil && f.length >= 40 && (classifier.ignoreStopwords || f.stopwordDensity >= 0.25)
            score[blocks[i].element] += f.linkDensity > 0.5 ? -0.35 * len
                : ((keep[i] && sections[i] == nil) || prose ? len * (1 - f.linkDensity) : 0)
        }
        c.sumIntoParents(&score, +)
        var best = -1
        var bestScore = 0.0
        for e in score.indices where score[e] > bestScore { bestScore = score[e]; best = e }
        // The page's own microdata outranks the scores when the element it marks scores at least a fair share
        // of its best rival outside it (a page may mark only a teaser or an empty wrapper; then the scores
        // decide). Its ancestors are no rivals: they hold it, plus whatever else the page has.
        if let declared = commonAncestor(c.declaredBody, c.elements), score[declared] > 0 {
            var ancestors = Set<Int>()
            var a = c.elements[declared].parent
            while a >= 0 { ancestors.insert(a); a = c.elements[a].parent }
            let rival = score.indices.lazy.filter { !ancestors.contains($0) }.map { score[$0] }.max() ?? 0
            if score[declared] >= Self.declaredBodyShare * rival { best = declared }
        }

        let insideBest = c.marksDescendants(of: best)
        let normalisedTitle = title.map { $0.lowercased().filter { !$0.isWhitespace } }
        var verdict = [String?](repeating: nil, count: blocks.count)
        for i in blocks.indices {
            let b = blocks[i], f = features[i]
            var why: String?
            if furnitureReason[i] != nil { why = reason[i] }
            else if best >= 0 && (b.element < 0 || !insideBest[b.element]) { why = "outside the article container" }
            else if b.tag == "h1" || (normalisedTitle != nil && abs(b.text.utf8.count - (title?.utf8.count ?? 0)) < 16
                                       && b.text.lowercased().filter({ !$0.isWhitespace }) == normalisedTitle) { why = Self.titleReason }
            else if f.length <= 40, DateParser.normalise(b.text) != nil { why = "a date line" }
            else if !keep[i] && !inContainerKeepable(f, ignoreStopwords: classifier.ignoreStopwords) { why = reason[i] }
            verdict[i] = why
        }
        dropPageLines(blocks, features, &verdict)
        dropLabelsOfBoilerplate(blocks, features, furniture: furnitureReason.map { $0 != nil }, &verdict)
        var paragraphs: [String] = []
        var dropped: [DroppedBlock] = []
        for i in blocks.indices {
            if let why = verdict[i] { dropped.append(DroppedBlock(text: blocks[i].text, reason: why, position: paragraphs.count)) }
            else { paragraphs.append(blocks[i].text) }
        }
        return Result(paragraphs: paragraphs, dropped: dropped)
    }

    static let declaredBodyShare = 0.3

    /// The nearest element containing all of `elements` (nil for none). Each element's path up the tree is
    /// walked once at most: a walk stops where it meets the first element's path or a path walked before.
    private func commonAncestor(_ elements: [Int], _ all: [Element]) -> Int? {
        guard var common = elements.first else { return nil }
        var depth = [Int](repeating: 0, count: all.count)
        for e in all.indices where all[e].parent >= 0 { depth[e] = depth[all[e].parent] + 1 }
        var onFirstPath = [Bool](repeating: false, count: all.count)
        var a = common
        while a >= 0 { onFirstPath[a] = true; a = all[a].parent }
        // Where the walk from an element met the first path (-1: at no element), once walked.
        var meets = [Int](repeating: -2, count: all.count)
        var walked: [Int] = []
        for e in elements.dropFirst() {
            var b = e
            walked.removeAll(keepingCapacity: true)
            while b >= 0 && !onFirstPath[b] && meets[b] == -2 { walked.append(b); b = all[b].parent }
            let meet = b < 0 ? -1 : (onFirstPath[b] ? b : meets[b])
            for w in walked { meets[w] = meet }
            guard meet >= 0 else { return nil }
            // `common` only moves up the first path: a meeting point below it leaves it where it is.
            if depth[meet] < depth[common] { common = meet }
        }
        return common
    }

    /// Teaser cards ("related", "more stories", "recent articles" lists) repeat one structure: a linked title and
    /// a short summary, often with a byline and date, in sibling elements sharing tag and class. Their summaries
    /// read like prose, so the classifier keeps them and they drag the container outwards. A card is an element
    /// with at least one same-signature sibling whose short subtree holds a link-dominated block (the title) and
    /// a link-free one (the summary) after it; its blocks are furniture.
    private func markTeaserCards(_ c: inout Collector, features: [BlockFeatures]) {
        let n = c.elements.count
        guard n > 0 else { return }
        var length = [Int](repeating: 0, count: n)
        // First block index of a linked title / a summary in each subtree: in a card the title comes first
        // (an article chunk ending in a "see more: <link>" line is not a card).
        var firstTitle = [Int](repeating: Int.max, count: n)
        var firstSummary = [Int](repeating: Int.max, count: n)
        for (i, b) in c.blocks.enumerated() where b.element >= 0 {
            let f = features[i]
            // A title is words, not a bare URL.
            var title = f.linkDensity > 0.6 && f.words >= 3 && b.text.utf8.lazy.filter({ $0 == 0x20 }).count >= 2
            var summary = f.linkChars == 0 && f.words >= 5
            // A card in one block: a linked title of a few words opening it, then a truncated excerpt ("…", "...")
            // with no other link (a paragraph that merely opens with a linked name does not end cut off).
            if b.leadingLinkChars >= 15, b.leadingLinkChars == f.linkChars, f.length - f.linkChars >= 40,
               b.text.hasSuffix("...") || b.text.hasSuffix("…") {
                title = true; summary = true
            }
            length[b.element] += f.length
            if title { firstTitle[b.element] = min(firstTitle[b.element], i) }
            if summary { firstSummary[b.element] = min(firstSummary[b.element], i) }
        }
        c.sumIntoParents(&length, +)
        c.sumIntoParents(&firstTitle, min)
        c.sumIntoParents(&firstSummary, min)
        struct SiblingKey: Hashable { var parent: Int; var signature: UInt64 }
        var siblings: [SiblingKey: Int] = [:]
        for e in c.elements { siblings[SiblingKey(parent: e.parent, signature: e.signature), default: 0] += 1 }
        var isCard = [Bool](repeating: false, count: n)
        for e in 0..<n where firstTitle[e] <= firstSummary[e] && firstSummary[e] < Int.max && length[e] <= 600 {
            isCard[e] = siblings[SiblingKey(parent: c.elements[e].parent, signature: c.elements[e].signature)]! >= 2
        }
        guard isCard.contains(true) else { return }
        // Inside a card: the element itself or any element above it (an element comes after its parent).
        var inCard = isCard
        for e in 0..<n where !inCard[e] && c.elements[e].parent >= 0 { inCard[e] = inCard[c.elements[e].parent] }
        for i in c.blocks.indices where c.blocks[i].element >= 0 && inCard[c.blocks[i].element] {
            c.blocks[i].inTeaserCard = true
        }
    }

    /// Cards are short by construction, so however many there are they are never the article: this reason is
    /// always active.
    static let teaserCardReason = "a teaser card (linked title and summary, repeated)"

    /// Short label lines ("More stories", "You may also like", "Advertisement") sit before the furniture they
    /// announce; subheadings sit before body text. A short, unpunctuated kept block is such a label when no body
    /// text follows it at all, or when the next block of any substance is furniture or a dropped list of links
    /// (a list item or a line of several links; a product name before a "buy it" link line, by contrast, stays).
    private func dropLabelsOfBoilerplate(_ blocks: [RawBlock], _ features: [BlockFeatures], furniture: [Bool],
                                         _ verdict: inout [String?]) {
        func isLabel(_ i: Int) -> Bool {
            guard verdict[i] == nil, blocks[i].tag != "li", features[i].words <= 6, features[i].length <= 50 else { return false }
            guard let last = blocks[i].text.unicodeScalars.last else { return false }
            return !".!?:;\"”’)…。！？".unicodeScalars.contains(last)
        }
        // A run of many short lines is content (a list, a table), not a label: runs of at most two are judged.
        var bodyFollows = false, nextIsFurniture = false
        var i = blocks.count - 1
        while i >= 0 {
            if isLabel(i) {
                var start = i
                while start > 0 && isLabel(start - 1) { start -= 1 }
                if i - start < 2 && (!bodyFollows || nextIsFurniture) {
                    for k in start...i { verdict[k] = "a label before boilerplate" }
                } else if i - start >= 2 {
                    bodyFollows = true; nextIsFurniture = false
                }
                i = start - 1
                continue
            }
            if features[i].words >= 3 || verdict[i] == nil {
                if verdict[i] == nil { bodyFollows = true }
                nextIsFurniture = furniture[i] || (verdict[i] != nil && features[i].linkDensity > 0.5
                                                   && (blocks[i].links >= 2 || blocks[i].tag == "li"))
            }
            i -= 1
        }
    }

    /// Inside the container, text the classifier thought marginal is kept unless it is clearly furniture:
    /// readers expect short paragraphs, list items and subheadings of the article to stay.
    private func inContainerKeepable(_ f: BlockFeatures, ignoreStopwords: Bool) -> Bool {
        if f.hasCopyright { return false }
        // Prose sentences carrying links (a bulleted news digest) stay; link lists do not.
        if f.linkDensity > 0.2 {
            return f.linkDensity <= 0.8 && f.length >= 100 && (ignoreStopwords || f.stopwordDensity >= 0.3)
        }
        return f.words >= 2
    }

    /// Cuts a page's text into blocks at block-level boundaries, fed the parser's events in document order
    /// (`startElement`, `text`, `endElement`).
    struct Collector {
        var elements: [Element] = []
        var blocks: [RawBlock] = []
        var text: [UInt8] = []              // UTF-8 of the block being built
        var pendingSpace = false
        var linkScalars = 0
        var leadingLinkScalars = 0          // link text before any plain text in the block
        var linkCount = 0                   // links opening in the block
        var plainTextSeen = false
        var currentElement = -1
        var currentFurniture = -1
        var furnitureReasons: [String] = []
        /// The furniture around each furniture element (-1 none), by index into `furnitureReasons`.
        var furnitureParent: [Int] = []
        /// Reasons that come from a class/id name rather than the tag (`withoutFurnitureNames` drops them).
        var nameReasons = Set<Int>()
        var hardFurniture = Set<Int>()      // comment sections: never the article, however much prose they hold
        /// Elements the page itself marks as the article body (schema.org microdata `itemprop="articleBody"`).
        var declaredBody: [Int] = []

        /// Where text arriving now belongs: the innermost open block element, whether a link is open, and the
        /// furniture around it. Each open element saves what to restore when it ends.
        private var contextElement = -1
        private var contextInLink = false
        private var contextFurniture = -1
        private var frames: [Frame] = []
        private var skipDepth = 0
        private enum Frame { case skipped, void, cell, inline(previousInLink: Bool), block(previousElement: Int, previousFurniture: Int) }

        init() {}

        /// The same blocks with furniture by class/id name forgotten (only tags such as <nav> still count).
        func withoutFurnitureNames() -> Collector {
            var copy = self
            // Each furniture element's nearest furniture (itself included) that is not there by name.
            var kept = [Int](repeating: -1, count: furnitureParent.count)
            for f in furnitureParent.indices {
                kept[f] = nameReasons.contains(f) ? (furnitureParent[f] >= 0 ? kept[furnitureParent[f]] : -1) : f
            }
            for f in furnitureParent.indices where furnitureParent[f] >= 0 { copy.furnitureParent[f] = kept[furnitureParent[f]] }
            for i in copy.blocks.indices where copy.blocks[i].furniture >= 0 { copy.blocks[i].furniture = kept[copy.blocks[i].furniture] }
            copy.hardFurniture.subtract(nameReasons)
            return copy
        }

        /// Adds each element's value into its parent's, bottom up (an element always comes after its parent), so
        /// a value per element becomes a total over its subtree in one pass however deep the page nests.
        func sumIntoParents<T>(_ values: inout [T], _ combine: (T, T) -> T) {
            for e in elements.indices.reversed() where elements[e].parent >= 0 {
                values[elements[e].parent] = combine(values[elements[e].parent], values[e])
            }
        }

        /// Whether each element is `ancestor` or inside it (all false when `ancestor` is -1).
        func marksDescendants(of ancestor: Int) -> [Bool] {
            var inside = [Bool](repeating: false, count: elements.count)
            guard ancestor >= 0 else { return inside }
            inside[ancestor] = true
            for e in (ancestor + 1)..<max(ancestor + 1, elements.count) where elements[e].parent >= 0 {
                inside[e] = inside[elements[e].parent]
            }
            return inside
        }

        mutating func flush() {
            if !text.isEmpty {
                let tag = currentElement >= 0 ? elements[currentElement].tag : ""
                blocks.append(RawBlock(text: String(decoding: text, as: UTF8.self), linkChars: linkScalars, leadingLinkChars: leadingLinkScalars,
                                       links: linkCount, element: currentElement, tag: tag, furniture: currentFurniture))
            }
            text.removeAll(keepingCapacity: true)
            pendingSpace = false
            linkScalars = 0
            leadingLinkScalars = 0
            linkCount = 0
            plainTextSeen = false
        }

        /// Appends a text node's UTF-8 bytes, collapsing whitespace (ASCII, no-break and thin spaces, the
        /// ideographic space) and dropping invisible characters (soft hyphen, zero-width ones, BOM). Works on
        /// libxml2's bytes directly; a malformed sequence (libxml2 emits none) falls back to the scalar path.
        mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, inLink: Bool) {
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                var length = 1
                if b >= 0x80 {
                    length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    guard b >= 0xC2, b <= 0xF4, i + length <= n,
                          (1..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) else {
                        appendScalars(String(decoding: UnsafeBufferPointer(rebasing: bytes[i...]), as: UTF8.self), inLink: inLink)
                        return
                    }
                }
                switch length {
                case 1:
                    if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x20 || b == 0x0C { pendingSpace = !text.isEmpty; i += 1; continue }
                case 2 where b == 0xC2:
                    let c = bytes[i + 1]
                    if c == 0xA0 { pendingSpace = !text.isEmpty; i += 2; continue }     // U+00A0
                    if c == 0xAD { i += 2; continue }                                   // U+00AD
                case 3 where b == 0xE2 && bytes[i + 1] == 0x80:
                    let c = bytes[i + 2]
                    if c == 0x89 || c == 0x8A || c == 0xAF { pendingSpace = !text.isEmpty; i += 3; continue }  // U+2009, 200A, 202F
                    if c >= 0x8B && c <= 0x8D { i += 3; continue }                     // U+200B–200D
                case 3 where b == 0xE3 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80:
                    pendingSpace = !text.isEmpty; i += 3; continue                      // U+3000
                case 3 where b == 0xEF && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                    i += 3; continue                                                    // U+FEFF
                default: break
                }
                if pendingSpace { text.append(0x20); pendingSpace = false; count(inLink: inLink) }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                count(inLink: inLink)
                i += length
            }
        }

        @inline(__always) private mutating func count(inLink: Bool) {
            if inLink { linkScalars += 1; if !plainTextSeen { leadingLinkScalars += 1 } } else { plainTextSeen = true }
        }

        private mutating func appendScalars(_ s: String, inLink: Bool) {
            for scalar in s.unicodeScalars {
                switch scalar.value {
                case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x0C, 0x2009, 0x200A, 0x202F, 0x3000:
                    pendingSpace = !text.isEmpty
                case 0x00AD, 0x200B, 0x200C, 0x200D, 0xFEFF:
                    continue
                default:
                    if pendingSpace { text.append(0x20); pendingSpace = false; count(inLink: inLink) }
                    text.append(contentsOf: String(scalar).utf8)
                    count(inLink: inLink)
                }
            }
        }

        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            if skipDepth > 0 { return }
            if currentElement != contextElement || currentFurniture != contextFurniture {
                // Text directly after a nested block belongs to the outer element: start a new block.
                flush()
                currentElement = contextElement
                currentFurniture = contextFurniture
            }
            appendText(bytes, inLink: contextInLink)
        }

        mutating func startElement(tag: String, attributes node: HTMLAttributes) {
            if skipDepth > 0 { skipDepth += 1; frames.append(.skipped); return }
            let role = HTMLContentExtractor.tagRoles[tag]
            if role == .skipped || isHidden(node) {
                skipDepth = 1; frames.append(.skipped); return
            }
            if role == .lineBreak {
                flush(); frames.append(.void); return
            }
            if role == .inline {
                frames.append(.inline(previousInLink: contextInLink))
                if tag == "a" && !contextInLink { linkCount += 1 }
                contextInLink = contextInLink || tag == "a"
                return
            }
            if role == .cell {
                // A table row reads as one line ("1 Kyle Busch 5040 5"): its cells are separated by a space, not cut
                // into blocks of a word or a number each (a block element inside a cell still starts a block).
                if !text.isEmpty { pendingSpace = true }
                frames.append(.cell)
                return
            }
            var why = contextFurniture
            var reason: String?
            var byName = false
            let classBytes = HTMLAttributes.bytes(node.classValue)
            let structural = tag != "body" && tag != "html" && tag != "main" && tag != "article"
            if role == .furniture { reason = "inside <\(tag)>" }
            else if structural, let ariaRole = HTMLAttributes.bytes(node.roleValue), let name = Self.furnitureRole(ariaRole) {
                reason = "inside role=\(name)"
            } else if structural, let name = furnitureName(node) { reason = "inside furniture (\(name))"; byName = true }
            else if structural, let label = HTMLAttributes.bytes(node.ariaLabelValue), label.count <= 120,
                    let cue = SectionCue.match(String(decoding: label, as: UTF8.self))?.cue, !cue.isLabelOnly {
                reason = "inside furniture (aria-label: \(cue.reason))"; byName = true
            }
            if let reason {
                furnitureReasons.append(reason)
                furnitureParent.append(contextFurniture)
                why = furnitureReasons.count - 1
                if byName { nameReasons.insert(furnitureReasons.count - 1) }
                let bytes = Array(reason.utf8)
                if HTMLContentExtractor.hardFurnitureMarks.contains(where: { bytesContain(bytes, $0) }) {
                    hardFurniture.insert(furnitureReasons.count - 1)
                }
            }
            flush()
            // Tag and FIRST class: later classes often vary per item ("post-7816 category-sport"), the first is
            // the structural one shared by all the items of a list.
            elements.append(Element(parent: contextElement, tag: tag, signature: Self.signature(tag: tag, classBytes: classBytes)))
            let me = elements.count - 1
            if let itemprop = HTMLAttributes.bytes(node.itempropValue), Self.declaresArticleBody(itemprop) { declaredBody.append(me) }
            currentElement = me
            currentFurniture = why
            frames.append(.block(previousElement: contextElement, previousFurniture: contextFurniture))
            contextElement = me
            contextFurniture = why
        }

        mutating func endElement() {
            guard let frame = frames.popLast() else { return }
            switch frame {
            case .skipped: skipDepth -= 1
            case .void: break
            case .inline(let previousInLink): contextInLink = previousInLink
            case .cell: if !text.isEmpty { pendingSpace = true }
            case .block(let previousElement, let previousFurniture):
                flush()
                currentElement = previousElement
                currentFurniture = previousFurniture
                contextElement = previousElement
                contextFurniture = previousFurniture
            }
        }

        /// FNV-1a of the tag, a dot and the first class (a hash is all that sibling grouping needs).
        static func signature(tag: String, classBytes: UnsafeBufferPointer<UInt8>?) -> UInt64 {
            var h: UInt64 = 0xcbf29ce484222325
            for b in tag.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            h = (h ^ 0x2E) &* 0x100000001b3
            if let c = classBytes {
                var i = 0
                while i < c.count && (c[i] == 0x20 || c[i] == 0x09 || c[i] == 0x0A) { i += 1 }
                while i < c.count && c[i] != 0x20 && c[i] != 0x09 && c[i] != 0x0A { h = (h ^ UInt64(c[i])) &* 0x100000001b3; i += 1 }
            }
            return h
        }

        func isHidden(_ node: HTMLAttributes) -> Bool {
            if node.hasHidden { return true }
            if let aria = HTMLAttributes.bytes(node.ariaHiddenValue), aria.elementsEqual(Self.trueBytes) { return true }
            if let style = HTMLAttributes.bytes(node.styleValue) {
                let compact = style.filter { $0 != 0x20 }.map { $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }
                if bytesContain(compact, Array("display:none".utf8)) || bytesContain(compact, Array("visibility:hidden".utf8)) { return true }
            }
            return false
        }

        /// The ARIA role that marks furniture, if the value names one.
        static func furnitureRole(_ value: UnsafeBufferPointer<UInt8>) -> String? {
            guard value.count <= 20 else { return nil }
            let name = String(decoding: value.map { ($0 &- 0x41) < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            return HTMLContentExtractor.furnitureRoles.contains(name) ? name : nil
        }

        static let trueBytes = Array("true".utf8)
        static let articleBodyBytes = Array("articlebody".utf8)

        /// `itemprop` holds space-separated property names; "articleBody" among them (any case).
        static func declaresArticleBody(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
            value.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A })
                .contains { $0.count == articleBodyBytes.count && $0.map({ $0 | 0x20 }).elementsEqual(articleBodyBytes) }
        }

        /// The class/id word that marks the element as furniture, if any. ASCII values (nearly all) are matched
        /// on their bytes; others go through String lowercasing.
        func furnitureName(_ node: HTMLAttributes) -> String? {
            furnitureName(in: node.classValue, "class") ?? furnitureName(in: node.idValue, "id")
        }

        private func furnitureName(in value: UnsafePointer<xmlChar>?, _ attr: String) -> String? {
            guard let raw = HTMLAttributes.bytes(value), !raw.isEmpty else { return nil }
            guard raw.allSatisfy({ $0 < 0x80 }) else { return furnitureNameSlow(String(decoding: raw, as: UTF8.self), attr) }
            var start = 0
            while start < raw.count {
                var end = start
                while end < raw.count && raw[end] != 0x20 && raw[end] != 0x09 && raw[end] != 0x0A { end += 1 }
                if end > start {
                    let token = UnsafeBufferPointer(rebasing: raw[start..<end])
                    if HTMLContentExtractor.containsFurnitureName(token) {
                        return "\(attr) \"\(String(decoding: token.map { ($0 &- 0x41) < 26 ? $0 | 0x20 : $0 }, as: UTF8.self))\""
                    }
                }
                start = end + 1
            }
            return nil
        }

        private func furnitureNameSlow(_ raw: String, _ attr: String) -> String? {
            let value = raw.lowercased()
            for token in value.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
                let bytes = Array(token)
                for name in HTMLContentExtractor.furnitureNameBytes where bytesContain(bytes, name) {
                    return "\(attr) \"\(String(decoding: bytes, as: UTF8.self))\""
                }
            }
            return nil
        }
    }
}
