import Testing
@testable import LedeReport

@Suite struct HTMLWriterTests {
    @Test func textAndAttributesAreEscaped() {
        var w = HTMLWriter()
        w.element("p", [.init("title", "a\"b'c<d>&")], text: "<script>alert(1)</script> & \"q\"")
        #expect(w.output == "<p title=\"a&quot;b&#39;c&lt;d&gt;&amp;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\"</p>")
    }
}
