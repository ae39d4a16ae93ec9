import Foundation
import Testing
import LedeArticles
import LedeText
@testable import LedeArchive

/// What goes in comes back: every metadata field, paragraphs exactly, dropped blocks with reasons and positions,
/// warnings, record keys, fetch details, raw bytes; and the short listing agrees.
@Suite struct RoundTripTests {
    @Test func everyFieldComesBack() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.lede"
        let metadata = ArticleMetadata(title: "Harbour plan \"approved\"", published: "2026-03-31", modified: "2026-04-01T09:30:00+02:00",
                                       source: "Xinhua", author: "A. Writer", url: "https://example.org/harbour", language: "en")
        let dropped = [DroppedBlock(text: "Share this\twith\nfriends © 2026", reason: "link density 0.8 > 0.2", position: 0),
                       DroppedBlock(text: "Related: ☃ snowman", reason: "boilerplate class name", position: 2),
                       DroppedBlock(text: "no position", reason: "label", position: nil)]
        let doc = ParsedDocument(path: dir + "/in/page.json", format: .jsonl, metadata: metadata,
                                 paragraphs: ["The council approved the harbour plan.", "Fishermen — “mostly” — agreed.", "中文段落。"],
                                 dropped: dropped, warnings: ["invalid UTF-8 (2 bytes replaced)"], recordKey: "rec-7")
        let raw = Array("{\"text\": \"The council approved the harbour plan.\"}\n".utf8)
        let fetched = Date(timeIntervalSince1970: 1_790_000_000.25)
        let fetch = FetchRecord(url: "https://example.org/feed/harbour", fetchedAt: fetched, status: 200,
                                headers: [HTTPHeader("ETag", "\"abc\""), HTTPHeader("Content-Type", "application/json")])
        let loaded = Date(timeIntervalSince1970: 1_790_000_100.5)
        let archive = try Archive(path: path)
        let outcomes = try archive.store([ArchiveDocument(document: doc, body: .bytes(doc.bodyUTF8), raw: RawCopy.make(raw),
                                                          loadedAt: loaded, words: 17, fetch: fetch)])
        #expect(outcomes == [.added(id: "a1")])

        // A fresh connection reads it back.
        let reopened = try Archive(path: path)
        let articles = try reopened.readArticles()
        #expect(articles.count == 1)
        let a = try #require(articles.first)
        #expect(a.id == "a1")
        let v = try #require(a.versions.first)
        #expect(v.number == 1)
        #expect(v.document.metadata == metadata)
        #expect(v.document.paragraphs == doc.paragraphs)
        #expect(v.document.bodyUTF8 == doc.bodyUTF8)
        #expect(v.document.dropped == dropped)
        #expect(v.document.warnings == doc.warnings)
        #expect(v.document.recordKey == "rec-7")
        #expect(v.document.format == .jsonl)
        #expect(v.loadedAt == loaded)
        #expect(v.words == 17)
        #expect(v.fetch == fetch)
        #expect(v.parserVersion == ArticleLoader.parserVersion)
        #expect(v.contentHash == ContentHash.ofNormalised(doc.body))
        #expect(v.rawHash == Fingerprint.of(raw))
        #expect(try reopened.rawBytes(articleID: "a1", version: 1) == raw)

        let list = try reopened.listArticles()
        #expect(list.count == 1)
        #expect(list.first?.title == metadata.title)
        #expect(list.first?.source == "Xinhua")
        #expect(list.first?.paragraphs == 3)
        #expect(list.first?.words == 17)
    }

    /// Paragraphs that splitting at blank lines would not give back keep their bounds.
    @Test func awkwardParagraphsComeBackExactly() throws {
        let archive = try Archive.inMemory()
        let shapes: [[String]] = [
            [], [""], ["one"], ["a", "", "b"], ["line\n\nwith a blank line inside", "next"], ["\nleading", "trailing\n"],
        ]
        let docs = shapes.enumerated().map { k, p in ArchiveDocument(document("/x/\(k).txt", title: "T\(k)", paragraphs: p)) }
        _ = try archive.store(docs)
        let back = try archive.readArticles()
        #expect(back.map { $0.versions[0].document.paragraphs } == shapes)
        #expect(ParagraphLayout.isPlain(Array("a\n\nb".utf8), [0..<1, 3..<4]))
        #expect(!ParagraphLayout.isPlain(Array("a\n\n\nb".utf8), [0..<1, 3..<5]))
        // Splitting at blank lines, against the definition, on every string of up to 7 bytes of 'a' and newlines.
        func reference(_ b: [UInt8]) -> [Range<Int>] {
            if b.isEmpty { return [] }
            var out: [Range<Int>] = [], start = 0, i = 0
            while i + 1 < b.count { if b[i] == 10 && b[i + 1] == 10 { out.append(start..<i); i += 2; start = i } else { i += 1 } }
            return out + [start..<b.count]
        }
        for length in 0...7 {
            for pattern in 0..<(1 << length) {
                let bytes = (0..<length).map { pattern >> $0 & 1 == 1 ? UInt8(10) : UInt8(ascii: "a") }
                #expect(ParagraphLayout.split(bytes) == reference(bytes), "\(bytes)")
            }
        }
    }

    /// Reading in batches hands over whole articles (every version) in id order; `ids` selects.
    @Test func articlesAreReadInBatchesOrBySelection() throws {
        let archive = try Archive.inMemory()
        for round in 1...2 {
            _ = try archive.store((1...5).map { k in
                ArchiveDocument(document("/r/\(k).txt", title: "Story \(k)", paragraphs: ["round \(round) of story \(k)"]))
            })
        }
        var batches: [[String]] = []
        try archive.readArticles(batchSize: 2) { batch in
            batches.append(batch.map(\.id))
            #expect(batch.allSatisfy { $0.versions.map(\.number) == [1, 2] })
        }
        #expect(batches == [["a1", "a2"], ["a3", "a4"], ["a5"]])
        let some = try archive.readArticles(ids: ["a4", "a2", "a9"])
        #expect(some.map(\.id) == ["a2", "a4"])
        #expect(some[1].versions[1].document.paragraphs == ["round 2 of story 4"])
        #expect(try archive.readArticles(ids: []).isEmpty)
    }

    @Test func datesFormatAndParseExactlyToTheMillisecond() {
        for t in [0.0, 1_790_000_000.123, 951_782_400.999, -86_400.5, 4_102_444_800.0] {
            let d = Date(timeIntervalSince1970: t)
            let text = ArchiveDate.format(d)
            #expect(text.count == 24)
            #expect(ArchiveDate.parse(text).map { ($0.timeIntervalSince1970 * 1000).rounded() } == (t * 1000).rounded(.down))
        }
        #expect(ArchiveDate.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(ArchiveDate.parse("2026-03-31T10:00:00Z") == Date(timeIntervalSince1970: 1_774_951_200))
    }

    @Test func jsonColumnsReadBackWhateverTheyHold() {
        let blocks = [DroppedBlock(text: "q\"uote\\ \u{1} \u{1F600}", reason: "r", position: -3)]
        let json = JSONText.dropped(blocks)!
        #expect(JSONText.readDropped(json) == blocks)
        // Another writer's spacing and escapes still read (through the fallback where needed).
        #expect(JSONText.readDropped(#"[ {"position": 2.0, "reason": "x", "text": "\u00e9"} ]"#) == [DroppedBlock(text: "é", reason: "x", position: 2)])
        #expect(JSONText.readStrings(#"["a","\ud83d\ude00"]"#) == ["a", "😀"])
    }

    /// Archives written before text keys were computed while parsing hold the keys `of(parts:)` made: the key a
    /// load computes now must be the same, or every stored text would look new.
    @Test func aTextKeyIsTheFingerprintOfItsParts() {
        let bodies: [[UInt8]] = [[], Array("One.\n\nTwo.".utf8), Array(repeating: 0x61, count: 1000), Array("é😀\n\n\n\nx".utf8)]
        for title in [nil, "", "A title", String(repeating: "é", count: 300)] {
            for body in bodies {
                // Paragraphs at each blank line (the usual layout), one paragraph, and none.
                var atBlankLines: [Range<Int>] = []
                var start = 0
                for i in body.indices.dropLast() where body[i] == 10 && body[i + 1] == 10 && i >= start {
                    atBlankLines.append(start..<i)
                    start = i + 2
                }
                atBlankLines.append(start..<body.count)
                for paragraphs in [atBlankLines, [0..<body.count], []] {
                    let key = TextKey(title: title, body: body, paragraphs: paragraphs)
                    let titlePart: [UInt8] = title.map { [1] + Array($0.utf8) } ?? []
                    #expect(key.fingerprint == Fingerprint.of(parts: [titlePart, body, key.paragraphBounds ?? []]), "\(String(describing: title?.prefix(5))) \(body.count) \(paragraphs)")
                    #expect(key.paragraphBounds == (ParagraphLayout.isPlain(body, paragraphs) ? nil : ParagraphLayout.encode(paragraphs)))
                }
            }
        }
    }

    @Test func fingerprintsSeparateNearlyEqualBytes() {
        var seen = Set<Fingerprint>()
        var bytes: [UInt8] = []
        for n in 0..<300 {
            #expect(seen.insert(Fingerprint.of(bytes)).inserted)
            bytes.append(UInt8(truncatingIfNeeded: n * 31))
        }
        #expect(Fingerprint.of(parts: [[1, 2], [3]]) != Fingerprint.of(parts: [[1], [2, 3]]))
        let f = Fingerprint.of(Array("lede".utf8))
        #expect(Fingerprint(hex: f.description) == f)
        #expect(Fingerprint(hex: f.description.uppercased()) == f)
        #expect(Fingerprint(hex: "0123456789abcdef0123456789ABCDEF") == Fingerprint(high: 0x0123456789abcdef, low: 0x0123456789abcdef))
        for bad in ["", String(f.description.dropLast()), f.description + "0", "g" + f.description.dropFirst(),
                    "+" + f.description.dropFirst(), String(f.description.dropLast()) + "é"] {
            #expect(Fingerprint(hex: bad) == nil, "\(bad)")
        }
    }

    @Test func tagsModelsFeedsFetchStateAndTheLogComeBack() throws {
        let archive = try Archive.inMemory()
        _ = try archive.store([ArchiveDocument(document("/x/1.txt", title: "One", paragraphs: ["first text here"])),
                               ArchiveDocument(document("/x/2.txt", title: "Two", paragraphs: ["second text here"]))])
        try archive.setTags(["a1": [ArchiveTag("11000000", origin: .taxonomy, score: 0.8), ArchiveTag("mine", origin: .user)],
                             "a2": [ArchiveTag("sport", origin: .model, model: "nb-bbc", score: 0.97)]])
        // Tagging again with the taxonomy replaces its tags and keeps the user's.
        try archive.setTags(["a1": [ArchiveTag("04000000", origin: .taxonomy, score: 0.6)]], replacing: [.taxonomy])
        let tags = try archive.tags()
        #expect(Set(tags["a1"]?.map(\.tag) ?? []) == ["04000000", "mine"])
        #expect(tags["a2"] == [ArchiveTag("sport", origin: .model, model: "nb-bbc", score: 0.97)])
        #expect(try archive.listArticles().first?.tags.sorted() == ["04000000", "mine"])
        #expect(throws: ArchiveError.unknownArticle(path: ":memory:", id: "a9")) { try archive.setTags(["a9": []]) }

        let model = ArchiveModel(name: "nb-bbc", kind: "naive-bayes", json: #"{"classes":["sport"]}"#, created: Date(timeIntervalSince1970: 1000))
        try archive.saveModel(model)
        #expect(try archive.model(named: "nb-bbc") == model)
        try archive.saveModel(ArchiveModel(name: "nb-bbc", kind: "naive-bayes", json: "{}", created: Date(timeIntervalSince1970: 2000)))
        #expect(try archive.models().map(\.json) == ["{}"])

        try archive.addFeed(FeedRecord(url: "https://example.org/rss", title: "Example", added: Date(timeIntervalSince1970: 10)))
        let items = [FeedItemRecord(guid: "g1", url: "https://example.org/1", title: "One", firstSeen: Date(timeIntervalSince1970: 20)),
                     FeedItemRecord(guid: "g2", firstSeen: Date(timeIntervalSince1970: 21), articleID: "a2")]
        #expect(try archive.recordFeedItems(items, feedURL: "https://example.org/rss") == items)
        var again = items[0]
        again.articleID = "a1"
        #expect(try archive.recordFeedItems([again], feedURL: "https://example.org/rss").isEmpty)
        #expect(try archive.feedItems(feedURL: "https://example.org/rss").map(\.articleID) == ["a1", "a2"])
        try archive.markFeedRead(url: "https://example.org/rss", at: Date(timeIntervalSince1970: 30), itemsGiven: 2)
        #expect(try archive.feeds() == [FeedRecord(url: "https://example.org/rss", title: "Example", added: Date(timeIntervalSince1970: 10),
                                                   lastRead: Date(timeIntervalSince1970: 30), itemsGiven: 2)])

        let state = FetchState(url: "https://example.org/1", etag: "\"e1\"", lastModified: "Tue, 01 Dec 2026 10:00:00 GMT",
                               lastStatus: 304, lastFetched: Date(timeIntervalSince1970: 40), lastError: nil)
        try archive.saveFetchState(state)
        #expect(try archive.fetchState(url: state.url) == state)
        #expect(try archive.fetchState(url: "https://example.org/none") == nil)

        let entries = [LogEntry(session: "s1", command: "load x", started: Date(timeIntervalSince1970: 50), durationMs: 12.5, status: "ok",
                                resultJSON: #"{"added":2}"#),
                       LogEntry(command: "stats nope", started: Date(timeIntervalSince1970: 51), durationMs: 0.5, status: "error",
                                error: "no article nope")]
        try archive.appendLog(entries)
        #expect(try archive.log() == entries)
        #expect(try archive.log(limit: 1) == [entries[1]])
        let summary = try archive.summary()
        #expect(summary.articles == 2 && summary.tags == 3 && summary.models == 1 && summary.feeds == 1 && summary.logEntries == 2)
    }
}
