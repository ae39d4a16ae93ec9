import Foundation
import Testing
@testable import LedeArticles

/// Script and style contents are dropped before parsing; everything else reaches libxml2 byte for byte.
struct RawTextEliderTests {
    static func elide(_ html: String) -> String? {
        Array(html.utf8).withUnsafeBufferPointer { RawTextElider.elide($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func scriptAndStyleContentsGoTagsStay() {
        let page = "<p>a</p><script src=x>var s = '<p>not text</p>';</script><STYLE type=\"text/css\">p{color:red}</STYLE><p>b</p>"
        #expect(Self.elide(page) == "<p>a</p><script src=x></script><STYLE type=\"text/css\"></STYLE><p>b</p>")
    }

    @Test func jsonLDScriptsAreKept() {
        let page = "<script type=\"application/LD+JSON\">{\"@type\":\"NewsArticle\"}</script><script>x()</script>"
        #expect(Self.elide(page) == "<script type=\"application/LD+JSON\">{\"@type\":\"NewsArticle\"}</script><script></script>")
    }

    @Test func tagsInsideAKeptJSONLDScriptAreNotLookedAt() {
        let page = "<script type=\"application/ld+json\">{\"articleBody\":\"<p>a<\\/p><script>x()<\\/script>\"}</script><script>y()</script>"
        #expect(Self.elide(page) == "<script type=\"application/ld+json\">{\"articleBody\":\"<p>a<\\/p><script>x()<\\/script>\"}</script><script></script>")
    }

    @Test func nothingToDropGivesNil() {
        #expect(Self.elide("<html><body><p>Plain page</p></body></html>") == nil)
        #expect(Self.elide("<script></script><p>empty script</p>") == nil)
        #expect(Self.elide("<script src=x /><p>self-closed</p>") == nil)
    }

    @Test func aScriptTagInsideACommentOrAnAttributeIsNotAScript() {
        let commented = "<!-- <script> --><p>kept text</p><!-- </script> -->"
        #expect(Self.elide(commented) == nil)
        let attribute = "<div data-x=\"<script>\" title='a > b'><p>kept text</p></div>"
        #expect(Self.elide(attribute) == nil)
    }

    @Test func aStrayQuoteInAnUnquotedValueDoesNotHideTheTagEnd() {
        let page = "<div class=a\"b><script>drop()</script><p>kept</p></div>"
        #expect(Self.elide(page) == "<div class=a\"b><script></script><p>kept</p></div>")
    }

    @Test func scriptContentEndsAtTheFirstClosingTagAnyCase() {
        let page = "<script>if (a) { document.write('</SCRIPT>') }</script><p>x</p>"
        #expect(Self.elide(page) == "<script></SCRIPT>') }</script><p>x</p>")
    }

    @Test func anUnclosedScriptRunsToTheEnd() {
        #expect(Self.elide("<p>a</p><script>never closed <p>b</p>") == "<p>a</p><script>")
    }

    @Test func pagesReadTheSameWithAndWithoutScripts() throws {
        let body = (1...3).map { "<p>Paragraph \($0) of the story says that the council voted to close the bridge for a year of repairs.</p>" }.joined()
        let jsonLD = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Bridge closes\",\"datePublished\":\"2024-05-01\"}</script>"
        let noisy = "<html><head>\(jsonLD)<script>var html = '<p>Paragraph from a script that must never be read as text at all.</p>';</script>"
            + "<style>p { margin: 0 }</style></head><body><article>\(body)</article></body></html>"
        let doc = try HTMLArticleParser.parse(Data(noisy.utf8), path: "p.html")
        #expect(doc.paragraphs.count == 3)
        #expect(doc.metadata.title == "Bridge closes")
        #expect(doc.metadata.published == "2024-05-01")
    }
}
