import Testing
@testable import LedeReport

@Suite struct HTMLWriterTests {
    @Test func textAndAttributesAreEscaped() {
        var w = HTMLWriter()
        w.element("p", [.init("title", "a\"b'c<d>&")], text: "<script>alert(1)</script> & \"q\"")
        #expect(w.output == "<p title=\"a&quot;b&#39;c&lt;d&gt;&amp;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\"</p>")
    }
}

@Suite struct HTMLWriterEdgeTests {
    @Test func controlsAndBidiOverridesBecomeReplacementCharacters() {
        let s = HTMLWriter.escaped("a\u{0}b\u{1B}[2Jc\u{202E}d\u{2066}e\u{85}f\tg\nh “quoted” £5")
        #expect(s == "a\u{FFFD}b\u{FFFD}[2Jc\u{FFFD}d\u{FFFD}e\u{FFFD}f\tg\nh “quoted” £5")
    }

    @Test func literalsOnlyForMarkupAndNumbersWithoutExponents() {
        var w = HTMLWriter()
        w.raw("<p>")
        w.empty("rect", [.init("x", 1.005), .init("y", 2.0), .init("w", 1e20), .init("h", -0.004)], selfClosing: true)
        w.close("p")
        #expect(w.output == "<p><rect x=\"1\" y=\"2\" w=\"100000000000000000000\" h=\"0\"/></p>")
        #expect(HTMLWriter.number(.nan) == "0" && HTMLWriter.number(12.345) == "12.35" || HTMLWriter.number(12.345) == "12.34")
    }
}
