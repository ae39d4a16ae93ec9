import LedeWeb
import Testing

@Suite struct RobotsRulesTests {
    let text = """
    # comment
    User-agent: *
    Disallow: /private/
    Allow: /private/press
    Disallow: /*.pdf$
    Disallow: /search?*q=
    Crawl-delay: 2

    User-agent: LEDE/1.0
    User-agent: otherbot
    Disallow: /drafts
    Allow: /drafts/public
    Disallow: /tmp   # trailing comment

    User-agent: nobody
    Disallow: /

    Sitemap: https://news.example.org/sitemap.xml
    """

    @Test func theOwnGroupIsChosenCaseInsensitivelyAndReplacesStar() {
        let rules = RobotsRules(parsing: text, productToken: "lede")
        #expect(rules.rules.map(\.line) == ["Disallow: /drafts", "Allow: /drafts/public", "Disallow: /tmp"])
        #expect(rules.verdict(pathAndQuery: "/private/x") == .allowed)
        #expect(rules.verdict(pathAndQuery: "/drafts/a") == .disallowed("Disallow: /drafts"))
        #expect(rules.verdict(pathAndQuery: "/drafts/public/a") == .allowed)
        #expect(rules.verdict(pathAndQuery: "/tmpfile") == .disallowed("Disallow: /tmp"))
        #expect(rules.crawlDelay == nil)
        #expect(rules.sitemaps == ["https://news.example.org/sitemap.xml"])
    }

    @Test func starGroupWithLongestMatchWildcardsAndEndAnchor() {
        let rules = RobotsRules(parsing: text, productToken: "somebot")
        #expect(rules.verdict(pathAndQuery: "/") == .allowed)
        #expect(rules.verdict(pathAndQuery: "/private/story") == .disallowed("Disallow: /private/"))
        #expect(rules.verdict(pathAndQuery: "/private/press/release") == .allowed)     // longer Allow wins
        #expect(rules.verdict(pathAndQuery: "/files/report.pdf") == .disallowed("Disallow: /*.pdf$"))
        #expect(rules.verdict(pathAndQuery: "/files/report.pdf?download=1") == .allowed) // `$` anchors the end
        #expect(rules.verdict(pathAndQuery: "/search?lang=en&q=fire") == .disallowed("Disallow: /search?*q="))
        #expect(rules.verdict(pathAndQuery: "/search?lang=en") == .allowed)
        #expect(rules.verdict(pathAndQuery: "/robots.txt") == .allowed)
        #expect(rules.crawlDelay == 2)
    }

    @Test func allowWinsATieAndEmptyDisallowAllowsAll() {
        let tie = RobotsRules(parsing: "User-agent: *\nDisallow: /page\nAllow: /page\n", productToken: "lede")
        #expect(tie.verdict(pathAndQuery: "/page") == .allowed)
        let open = RobotsRules(parsing: "User-agent: *\nDisallow:\n", productToken: "lede")
        #expect(open.verdict(pathAndQuery: "/anything") == .allowed)
        let none = RobotsRules(parsing: "User-agent: otherbot\nDisallow: /\n", productToken: "lede")
        #expect(none.verdict(pathAndQuery: "/anything") == .allowed)
        let rulesBeforeAnyAgent = RobotsRules(parsing: "Disallow: /\n", productToken: "lede")
        #expect(rulesBeforeAnyAgent.verdict(pathAndQuery: "/x") == .allowed)
    }

    @Test func percentEncodingAndNonASCIICompareEqual() {
        let rules = RobotsRules(parsing: "User-agent: *\nDisallow: /caf%c3%a9/\nDisallow: /über\n", productToken: "lede")
        #expect(rules.verdict(pathAndQuery: "/caf%C3%A9/menu") == .disallowed("Disallow: /caf%c3%a9/"))
        #expect(rules.verdict(pathAndQuery: "/%C3%BCber/x") == .disallowed("Disallow: /über"))
    }

    @Test func manyStarsDoNotBlowUp() {
        let pattern = "/" + String(repeating: "*a", count: 200) + "b"
        let rules = RobotsRules(parsing: "User-agent: *\nDisallow: \(pattern)\n", productToken: "lede")
        let path = "/" + String(repeating: "a", count: 2_000)
        #expect(rules.verdict(pathAndQuery: path) == .allowed)
    }

    @Test func disallowAllNamesItsReason() {
        let rules = RobotsRules.disallowAll("robots.txt answered HTTP 503")
        #expect(rules.verdict(pathAndQuery: "/") == .disallowed("robots.txt answered HTTP 503"))
        #expect(RobotsRules.allowAll.verdict(pathAndQuery: "/x") == .allowed)
    }
}
