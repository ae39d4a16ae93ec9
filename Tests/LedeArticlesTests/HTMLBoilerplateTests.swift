import Foundation
import Testing
@testable import LedeArticles

/// Precision rules of the HTML extractor: teaser cards and the labels that announce boilerplate.
struct HTMLBoilerplateTests {
    static let body = """
        <div class="story">
        <p>The council voted on Tuesday to close the old bridge for repairs, and the work is expected to take most of the \
        coming year while traffic is sent through the town centre.</p>
        <h2>What happens next</h2>
        <p>Residents who live near the bridge said they had been asking for the repairs for years, and that they were \
        relieved the council had finally made a decision about it.</p>
        <p>The mayor said that the cost of the work would be shared with the region and that no new taxes were planned \
        for the people of the town this year.</p>
        </div>
        """

    static func parse(_ html: String) throws -> ParsedDocument {
        try HTMLArticleParser.parse(Data(html.utf8), path: "page.html")
    }

    @Test func teaserCardsAfterTheArticleAreDropped() throws {
        let cards = (1...3).map { n in
            """
            <li class="card"><h5><a href="/story-\(n)">Another story number \(n) about the town</a></h5>
            <div class="card-text">A short summary of the other story \(n) that the site wants you to read next.</div></li>
            """
        }.joined()
        let doc = try Self.parse("<html><body>\(Self.body)<h4>More stories</h4><ul class=\"cards\">\(cards)</ul></body></html>")
        #expect(doc.paragraphs.count == 4)
        #expect(doc.paragraphs.first?.hasPrefix("The council voted") == true)
        #expect(doc.paragraphs.contains("What happens next"))
        #expect(!doc.paragraphs.contains { $0.contains("summary of the other story") })
        #expect(doc.dropped.contains { $0.text.contains("summary of the other story 2") && $0.reason.contains("teaser card") })
        // The heading that only announced the cards goes with them (its words name a related-stories section).
        #expect(doc.dropped.contains { $0.text == "More stories" && ($0.reason.contains("label") || $0.reason.contains("related-stories")) },
                "\(doc.dropped.map { ($0.text, $0.reason) })")
    }

    @Test func aSingleLinkedItemIsNotACard() throws {
        // One title-and-summary pair has no repeated siblings: it stays part of the article.
        let extra = """
            <div class="story-extra"><h3><a href="/background">Background to the bridge closure</a></h3>
            <p>The bridge was built in 1902 and has been repaired twice, the last time after the floods of the 1990s.</p></div>
            """
        let doc = try Self.parse("<html><body><div>\(Self.body)\(extra)</div></body></html>")
        #expect(doc.paragraphs.contains { $0.hasPrefix("The bridge was built in 1902") })
    }

    @Test func articleChunksEndingWithALinkAreNotCards() throws {
        // Text split into sibling chunks between photos, one ending in a "see more" link line: the link
        // comes after the prose, so the chunk is not a teaser card.
        let chunk = """
            <div class="text"><p>Officials said the repairs would begin in spring and last for about nine months in total.</p>
            <p><strong>SEE MORE</strong>: <a href="/older">How the bridge was closed the last time around</a></p></div>
            """
        let doc = try Self.parse("<html><body><div>\(Self.body)\(chunk)<div class=\"photo\"><img src=x></div>\(chunk)</div></body></html>")
        #expect(doc.paragraphs.filter { $0.hasPrefix("Officials said the repairs") }.count == 2)
    }

    @Test func aListOfShortLinesIsContentNotALabel() throws {
        let items = ["England: tenth appearance", "Spain: eleventh appearance", "France: tenth appearance", "Wales: second appearance"]
        let list = "<h3>Qualified teams</h3>" + items.map { "<p>\($0)</p>" }.joined()
        let doc = try Self.parse("<html><body><div class=\"story\">\(Self.body)\(list)</div><footer><p>About us</p></footer></body></html>")
        for item in items { #expect(doc.paragraphs.contains(item)) }
    }

    @Test func aSubheadingBeforeBodyTextStays() throws {
        let doc = try Self.parse("<html><body>\(Self.body)</body></html>")
        #expect(doc.paragraphs.contains("What happens next"))
        #expect(doc.dropped.allSatisfy { !$0.reason.contains("label") })
    }

    @Test func microdataArticleBodyOutranksALongerFooter() throws {
        // A two-paragraph story marked itemprop="articleBody", and a longer block of prose in the footer: the
        // page's own statement of where the body is wins, and the footer stays out.
        let footer = String(repeating: "The customer service centre can be contacted with any questions or requests by telephone on weekdays, and it also answers e-mail. ", count: 4)
        let html = """
            <html><body><div class="page"><h1>Bridge to close for a year</h1>
            <div class="row"><div class="content" itemprop="articleBody">The council voted on Tuesday to close the old bridge \
            for repairs, and the work is expected to take most of the coming year.<br>Residents said they had been asking \
            for the repairs for years.</div></div>
            <ul class="list"><li><a href="/a">Another story about the town and its people</a></li><li><a href="/b">A second \
            story about the town</a></li><li><a href="/c">A third story about the region</a></li></ul>
            <div class="bottom-text">\(footer)</div></div></body></html>
            """
        let doc = try Self.parse(html)
        #expect(doc.paragraphs.count == 2)
        #expect(doc.paragraphs.first?.hasPrefix("The council voted") == true)
        #expect(!doc.paragraphs.contains { $0.contains("customer service") })
    }

    @Test func microdataMarkingATeaserOnlyDoesNotCutTheArticle() throws {
        // itemprop="articleBody" on a one-line wrapper holding a small share of the text: the scores decide.
        let html = """
            <html><body><div class="story"><p itemprop="articleBody">Bridge closes.</p>\(Self.body)</div></body></html>
            """
        let doc = try Self.parse(html)
        #expect(doc.paragraphs.contains { $0.hasPrefix("The mayor said") })
    }

    @Test func shortJapaneseLinesInsideTheArticleStay() throws {
        // Without spaces a Japanese line is one "word" to a whitespace rule; counted by ideographs it is a sentence.
        let paragraphs = [
            "Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思いますが、パソコンでそのまま読みたい時もあります。",
            "これが非常に困ったもの。",
            "何が困るかといえば、パスワード管理ソフトの起動ショートカットキーと同じなのです。このご時世パスワードの強化は非常に重要なことです。",
            "これでようやく元の操作性を取り戻せました。",
        ]
        let html = "<html lang=\"ja\"><body><nav><a href=\"/\">ホーム</a></nav><div class=\"single-contents\">"
            + paragraphs.map { "<p>\($0)</p>" }.joined() + "</div></body></html>"
        let doc = try Self.parse(html)
        #expect(doc.paragraphs == paragraphs)
    }

    @Test func ideographsCountAsWords() {
        let f = BlockFeatures.measure("これが非常に困ったもの。", stopwords: .none)
        #expect(f.words >= 4)
        #expect(BlockFeatures.measure("plain English words", stopwords: .none).words == 3)
    }

    @Test func cardsWhoseLaterClassesVaryAreStillSiblings() throws {
        // WordPress-style related posts: every card's class list differs after the first class.
        let cards = (1...3).map { n in
            """
            <article class="postbox post-\(n) category-topic\(n)"><h5><a href="/story-\(n)">Another story number \(n) about the town</a></h5>
            <p>A short summary of the other story \(n) that the site wants you to read next.</p></article>
            """
        }.joined()
        let doc = try Self.parse("<html><body><div>\(Self.body)<div class=\"list\">\(cards)</div></div></body></html>")
        #expect(!doc.paragraphs.contains { $0.contains("summary of the other story") })
        #expect(doc.paragraphs.first?.hasPrefix("The council voted") == true)
    }

    @Test func oneBlockCardsWithTruncatedExcerptsAreDropped() throws {
        // A "breaking news" list: each item is a linked headline and a cut-off excerpt in one block.
        let items = (1...3).map { n in
            "<li><a href=\"/s\(n)\">Headline of another story number \(n)</a> <span>WASHINGTON: The opening words of the other story \(n) run on until the site cuts them off...</span></li>"
        }.joined()
        let doc = try Self.parse("<html><body><div><ul>\(items)</ul>\(Self.body)</div></body></html>")
        #expect(!doc.paragraphs.contains { $0.contains("opening words of the other story") })
        #expect(doc.paragraphs.first?.hasPrefix("The council voted") == true)
    }

    @Test func paragraphsOpeningWithALinkedNameStay() throws {
        let paragraphs = (1...3).map { n in
            "<p><a href=\"/people/\(n)\">Councillor Jane Doe \(n)</a> said the repairs had been planned for a long time and that the town would be kept informed.</p>"
        }.joined()
        let doc = try Self.parse("<html><body><div class=\"story\">\(paragraphs)\(Self.body)</div></body></html>")
        #expect(doc.paragraphs.filter { $0.hasPrefix("Councillor Jane Doe") }.count == 3)
    }

    @Test func aTableRowReadsAsOneLine() throws {
        let rows = [("1", "Kyle Busch", "5040"), ("2", "Martin Truex Jr.", "5035"), ("3", "Kevin Harvick", "5033")]
        let table = "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>"
            + rows.map { "<tr><td>\($0.0)</td><td>\($0.1)</td><td>\($0.2)</td></tr>" }.joined()
            + "<tr><td><p>A note in a cell that is a paragraph of its own.</p></td></tr></table>"
        let doc = try Self.parse("<html><body><div class=\"story\">\(Self.body)\(table)</div></body></html>")
        #expect(doc.paragraphs.contains("Pos. Driver Points"))
        #expect(doc.paragraphs.contains("2 Martin Truex Jr. 5035"))
        #expect(doc.paragraphs.contains("A note in a cell that is a paragraph of its own."))
    }

    @Test func jsonLDArticleBodyWithMarkupBecomesParagraphs() throws {
        // A script-rendered page: almost no visible text, the body only in JSON-LD, as HTML.
        let body = "<p>The council voted on Tuesday to close the old bridge for repairs that will take a year, and traffic will go through the town centre.</p>"
            + "<script>track()</script><p>Residents said they had asked for the repairs for years &amp; were <b>relieved</b>.</p>"
        // As pages write it: "</" escaped as "<\/" so the JSON cannot end its own <script>.
        let escaped = body.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "</", with: "<\\/")
        let json = "{\"@type\":\"NewsArticle\",\"headline\":\"Bridge to close\",\"articleBody\":\"\(escaped)\"}"
        let page = "<html><head><script type=\"application/ld+json\">\(json)</script></head><body><div id=\"app\">Loading…</div></body></html>"
        let doc = try Self.parse(page)
        #expect(doc.paragraphs == ["The council voted on Tuesday to close the old bridge for repairs that will take a year, and traffic will go through the town centre.",
                                   "Residents said they had asked for the repairs for years & were relieved."])
        #expect(doc.metadata.title == "Bridge to close")
    }

    @Test func deeplyNestedPagesDoNotExhaustTheStack() throws {
        // Events, not a recursive tree walk: 50,000 nested elements are read like any page.
        let depth = 50_000
        let page = "<html><body>" + String(repeating: "<div>", count: depth) + Self.body + String(repeating: "</div>", count: depth) + "</body></html>"
        let doc = try Self.parse(page)
        #expect(doc.paragraphs.contains { $0.hasPrefix("The mayor said") })
    }
}
