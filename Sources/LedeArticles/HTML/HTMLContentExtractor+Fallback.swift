import LedeText

/// When the rules keep nothing at all (every block judged boilerplate: a forum whose posts sit in "reply"
/// containers, a page of short lines, a layout named like furniture throughout), the page still has a text it was
/// written for. The fallback looks for it without the classifier and without class names: first the densest
/// text region, then the element the page marks as its article (`itemprop="articleBody"`, then `<article>`).
extension HTMLContentExtractor {
    static let fallbackReason = "outside the densest text region (nothing else was kept)"

    /// Each block counts its plain text, less its link text, less 25 characters (so short lines and link lists
    /// weigh against the elements holding them); the element with the highest total over its subtree is the
    /// region. Inside it, blocks that are not mostly links, not in <nav>/<header>/<footer>/<aside>/<form> (or an
    /// ARIA landmark of those) and not the title are kept — unless that furniture holds over 40 % of the page's
    /// plain text (an ASP.NET <form> around the whole page). Nil when no region yields any text.
    func fallback(_ collected: Collector, _ features: [BlockFeatures], title: String?) -> Result? {
        let c = collected.withoutFurnitureNames()
        let blocks = c.blocks
        guard !c.elements.isEmpty else { return nil }
        // Plain text inside each furniture element (counted at the innermost, summed up the furniture tree).
        let parentFurniture = c.furnitureParent
        var textIn = [Int](repeating: 0, count: parentFurniture.count)
        var total = 0
        for (i, b) in blocks.enumerated() {
            let plain = features[i].length - features[i].linkChars
            total += plain
            if b.furniture >= 0 { textIn[b.furniture] += plain }
        }
        for f in parentFurniture.indices.reversed() where parentFurniture[f] >= 0 { textIn[parentFurniture[f]] += textIn[f] }
        var outermostActive = [Int](repeating: -1, count: parentFurniture.count)
        for f in parentFurniture.indices {
            let outer = parentFurniture[f] >= 0 ? outermostActive[parentFurniture[f]] : -1
            outermostActive[f] = outer >= 0 ? outer : (Double(textIn[f]) <= 0.4 * Double(total) ? f : -1)
        }
        let furniture = blocks.map { $0.furniture >= 0 ? outermostActive[$0.furniture] : -1 }
        var score = [Double](repeating: 0, count: c.elements.count)
        for i in blocks.indices where blocks[i].element >= 0 && furniture[i] < 0 {
            let f = features[i]
            score[blocks[i].element] += Double(f.length - 2 * f.linkChars - 25)
        }
        c.sumIntoParents(&score, +)
        var densest = -1, bestScore = 0.0
        for e in score.indices where score[e] > bestScore { bestScore = score[e]; densest = e }
        let article = c.elements.firstIndex { $0.tag == "article" }
        for region in [densest, c.declaredBody.first ?? -1, article ?? -1] where region >= 0 {
            if let result = keep(region, c, features, furniture: furniture, title: title) { return result }
        }
        return nil
    }

    private func keep(_ region: Int, _ c: Collector, _ features: [BlockFeatures], furniture: [Int], title: String?) -> Result? {
        let inside = c.marksDescendants(of: region)
        let normalisedTitle = title.map { $0.lowercased().filter { !$0.isWhitespace } }
        var paragraphs: [String] = [], dropped: [DroppedBlock] = []
        for (i, b) in c.blocks.enumerated() {
            let f = features[i]
            var why: String?
            if b.element < 0 || !inside[b.element] { why = Self.fallbackReason }
            else if furniture[i] >= 0 { why = c.furnitureReasons[furniture[i]] }
            else if f.linkDensity > 0.5 { why = BlockReason(.linkDensity(f.linkDensity, max: 0.5)).description }
            else if f.words < 2 { why = BlockReason(.short(f.length)).description }
            else if b.tag == "h1" || (normalisedTitle != nil && abs(b.text.utf8.count - (title?.utf8.count ?? 0)) < 16
                                       && b.text.lowercased().filter({ !$0.isWhitespace }) == normalisedTitle) {
                why = Self.titleReason
            }
            if let why { dropped.append(DroppedBlock(text: b.text, reason: why, position: paragraphs.count)) }
            else { paragraphs.append(b.text) }
        }
        return paragraphs.isEmpty ? nil : Result(paragraphs: paragraphs, dropped: dropped)
    }
}
