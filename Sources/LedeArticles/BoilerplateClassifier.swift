import LedeText

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
