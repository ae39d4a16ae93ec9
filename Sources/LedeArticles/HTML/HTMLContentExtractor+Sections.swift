import LedeText

/// Sections that surround or follow an article body and read like it: the ones a label announces (related stories,
/// comments, an author box, a newsletter or donation appeal, a share bar; see `SectionCue`), "read also" lines
/// inside the body, and call-to-action boxes (a heading, a few lines of prose and one button-like link). Each is
/// found from the page's structure in one pass over the blocks and one over the elements.
extension HTMLContentExtractor {
    /// What every element's subtree holds, summed bottom-up.
    struct Subtrees {
        var first: [Int], last: [Int]          // block index range (first > last: no block)
        var length: [Int], words: [Int], linkChars: [Int], good: [Int]
        var headings: [Int], prose: [Int]      // heading blocks; link-free blocks of six words or more

        init(_ c: Collector, _ features: [BlockFeatures], good isGood: [Bool]) {
            let n = c.elements.count
            first = [Int](repeating: Int.max, count: n); last = [Int](repeating: -1, count: n)
            length = [Int](repeating: 0, count: n); words = length; linkChars = length; good = length; headings = length; prose = length
            for (i, b) in c.blocks.enumerated() where b.element >= 0 {
                let e = b.element, f = features[i]
                first[e] = min(first[e], i); last[e] = max(last[e], i)
                length[e] += f.length; words[e] += f.words; linkChars[e] += f.linkChars
                if isGood[i] { good[e] += f.length }
                if f.isHeading { headings[e] += 1 }
                if f.linkChars == 0 && f.words >= 6 { prose[e] += 1 }
            }
            c.sumIntoParents(&first, min); c.sumIntoParents(&last, max)
            c.sumIntoParents(&length, +); c.sumIntoParents(&words, +); c.sumIntoParents(&linkChars, +); c.sumIntoParents(&good, +)
            c.sumIntoParents(&headings, +); c.sumIntoParents(&prose, +)
        }
    }

    /// A label: a short block, a heading or a line of at most eight words.
    static func isShortLabel(_ f: BlockFeatures) -> Bool { f.words <= 8 && f.length <= 80 }

    /// The blocks of cue-announced sections, "read also" lines and call-to-action boxes, with the reason.
    /// `good`: the classifier's verdict on each block alone; a section holding over 40 % of the page's good text
    /// is the article, whatever its label says. `furniture`: blocks already known as furniture (a "Comments"
    /// button in a share bar opens nothing).
    func sectionMarks(_ c: Collector, _ features: [BlockFeatures], good: [Bool], totalGood: Int, furniture: [Bool]) -> [String?] {
        let blocks = c.blocks
        var marks = [String?](repeating: nil, count: blocks.count)
        guard !blocks.isEmpty, !c.elements.isEmpty else { return marks }
        let sub = Subtrees(c, features, good: good)
        let goodLimit = 0.4 * Double(totalGood)
        // Ranges are marked in increasing order of their start (the label), so `markedUntil` keeps the work linear.
        var markedUntil = -1
        func mark(_ from: Int, _ to: Int, _ why: String) {
            guard to > markedUntil else { return }
            for k in max(from, markedUntil + 1)...to where marks[k] == nil { marks[k] = why }
            markedUntil = to
        }
        var goodBefore = [Int](repeating: 0, count: blocks.count + 1)     // good text in blocks before k
        for k in blocks.indices { goodBefore[k + 1] = goodBefore[k] + (good[k] ? features[k].length : 0) }
        func goodLength(_ from: Int, _ to: Int) -> Int { from <= to ? goodBefore[to + 1] - goodBefore[from] : 0 }
        func linkDominated(_ k: Int) -> Bool {
            let f = features[k]
            return f.linkDensity >= 0.5 || (f.linkChars > 0 && f.length < 70) || blocks[k].inTeaserCard
        }

        for i in blocks.indices where i > markedUntil && blocks[i].element >= 0 && !furniture[i] {
            let f = features[i]
            guard f.length <= 250, let (cue, cueLength) = SectionCue.match(blocks[i].text) else { continue }
            let element = blocks[i].element
            let parent = c.elements[element].parent
            let parentEnd = parent >= 0 ? sub.last[parent] : blocks.count - 1
            // "Lesen Sie auch: <a>…</a>", "➡️ LEIA TAMBÉM: <a>…</a>": the cue, then only link text.
            if cue == .related, f.linkChars > 0, f.length - f.linkChars <= cueLength + 6 {
                mark(i, i, "a \u{201C}read also\u{201D} link")
                continue
            }
            guard Self.isShortLabel(f) else { continue }
            if cue.isLabelOnly {
                // An advertising label is the cue alone; a tag line or credit may go on ("Tags: …", "责任编辑：李明").
                if cue != .advertisement || f.words <= 2 { mark(i, i, cue.reason) }
                continue
            }
            // The section the label opens: the nearest element around it that holds more than the label and
            // starts with it.
            var e = element
            while e >= 0 && sub.first[e] == i && sub.last[e] == i { e = c.elements[e].parent }
            if e >= 0, sub.first[e] == i, Double(sub.good[e]) <= goodLimit {
                let rest = sub.length[e] - f.length, restLinks = sub.linkChars[e] - f.linkChars
                let fits: Bool
                switch cue {
                case .related, .share: fits = rest > 0 && Double(restLinks) >= 0.3 * Double(rest)
                case .author, .appeal: fits = sub.length[e] <= 1500
                default: fits = true
                }
                if fits { mark(i, sub.last[e], cue.reason); continue }
            }
            // A label among other blocks: what follows it in the same parent, as far as its kind reaches.
            switch cue {
            case .related, .share:
                var j = i + 1
                while j <= parentEnd && linkDominated(j) { j += 1 }
                if j > i + 1 { mark(i, j - 1, cue.reason) }
            case .comments:
                if Double(goodLength(i, parentEnd)) <= goodLimit { mark(i, parentEnd, cue.reason) }
            case .author, .appeal:
                // A bio or an appeal closes its parent: short, with nothing after it.
                var j = i + 1, total = 0
                while j <= parentEnd && !features[j].isHeading && total + features[j].length <= 800 { total += features[j].length; j += 1 }
                if j > parentEnd { mark(i, parentEnd, cue.reason) }
            default: break
            }
        }
        markCallToActionBoxes(c, features, sub, &marks)
        return marks
    }

    static let callToActionReason = "a call-to-action box (heading, short text, one link)"

    /// A box of at most 600 characters and 100 words holding a heading, one or two paragraphs, and as its last
    /// block one link of at most six words ("Jetzt unterstützen", "Sign me up", "Postaw kawę"): newsletters,
    /// donation pleas, app and podcast promotions. The innermost such element is the box.
    private func markCallToActionBoxes(_ c: Collector, _ features: [BlockFeatures], _ sub: Subtrees, _ marks: inout [String?]) {
        let n = c.elements.count
        var isBox = [Bool](repeating: false, count: n)
        for e in 0..<n where sub.length[e] <= 600 && sub.words[e] <= 100 && (1...2).contains(sub.headings[e])
                                && (1...2).contains(sub.prose[e]) && sub.first[e] < sub.last[e] {
            let tag = c.elements[e].tag
            guard tag != "body", tag != "html", tag != "article", tag != "main" else { continue }
            let l = sub.last[e], f = features[l]
            isBox[e] = c.blocks[l].links == 1 && f.linkChars == f.length && f.words <= 6 && !f.isHeading
        }
        guard isBox.contains(true) else { return }
        var boxBelow = [Bool](repeating: false, count: n)
        for e in stride(from: n - 1, through: 0, by: -1) where c.elements[e].parent >= 0 && (isBox[e] || boxBelow[e]) {
            boxBelow[c.elements[e].parent] = true
        }
        // Innermost boxes do not nest, so their ranges are disjoint: marking them is linear.
        for e in 0..<n where isBox[e] && !boxBelow[e] {
            for k in sub.first[e]...sub.last[e] where marks[k] == nil { marks[k] = Self.callToActionReason }
        }
    }
}
