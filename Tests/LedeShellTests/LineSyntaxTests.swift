import Testing
@testable import LedeShell

@Suite struct LineSyntaxTests {
    @Test func splitsOnWhitespace() throws {
        #expect(try LineSyntax.split("load  a.txt\tb.txt").words == ["load", "a.txt", "b.txt"])
    }

    @Test func singleAndDoubleQuotesGroupWords() throws {
        #expect(try LineSyntax.split(#"kwic "peace talks" 'a b' c"#).words == ["kwic", "peace talks", "a b", "c"])
        #expect(try LineSyntax.split(#"x "it's""#).words == ["x", "it's"])
        #expect(try LineSyntax.split(#"x 'say "hi"'"#).words == ["x", #"say "hi""#])
    }

    @Test func backslashEscapes() throws {
        #expect(try LineSyntax.split(#"load my\ file.txt"#).words == ["load", "my file.txt"])
        #expect(try LineSyntax.split(#"x "a\"b" "c\\d" "e\nf""#).words == ["x", #"a"b"#, #"c\d"#, #"e\nf"#])
        #expect(try LineSyntax.split(##"x \#\>"##).words == ["x", "#>"])
    }

    @Test func commentsStartAtWordBoundaries() throws {
        #expect(try LineSyntax.split("list # all of them").words == ["list"])
        #expect(try LineSyntax.split("# only a comment").isEmpty)
        #expect(try LineSyntax.split("kwic C#").words == ["kwic", "C#"])
        #expect(try LineSyntax.split("kwic '#tag'").words == ["kwic", "#tag"])
    }

    @Test func redirection() throws {
        let a = try LineSyntax.split("list > out.txt")
        #expect(a.words == ["list"])
        #expect(a.redirect == .init(path: "out.txt", append: false))
        let b = try LineSyntax.split("stats a1 >>log.csv")
        #expect(b.words == ["stats", "a1"])
        #expect(b.redirect == .init(path: "log.csv", append: true))
        let c = try LineSyntax.split("kwic '>' a1 > 'my out.txt'")
        #expect(c.words == ["kwic", ">", "a1"])
        #expect(c.redirect?.path == "my out.txt")
    }

    @Test func redirectionErrors() {
        #expect(throws: LineSyntaxError.missingRedirectTarget) { try LineSyntax.split("list >") }
        #expect(throws: LineSyntaxError.missingRedirectTarget) { try LineSyntax.split("list > > x") }
        #expect(throws: LineSyntaxError.textAfterRedirect("a1")) { try LineSyntax.split("list > out.txt a1") }
    }

    @Test func unterminatedQuotes() {
        #expect(throws: LineSyntaxError.unterminatedQuote("\"")) { try LineSyntax.split(#"kwic "peace"#) }
        #expect(throws: LineSyntaxError.unterminatedQuote("'")) { try LineSyntax.split("kwic 'peace") }
    }

    @Test func continuation() {
        #expect(LineSyntax.continues(#"load a.txt \"#))
        #expect(!LineSyntax.continues(#"load a\ b"#))
        #expect(!LineSyntax.continues(#"load a.txt \\"#))
        #expect(!LineSyntax.continues(#"load 'a \"#))   // inside single quotes a backslash is literal
        #expect(!LineSyntax.continues(#"list # comment \"#))
        #expect(LineSyntax.join(#"load a.txt \"#, " b.txt") == "load a.txt  b.txt")
    }

    @Test func quoteRoundTrips() throws {
        for word in ["plain", "two words", "it's", #"back\slash"#, "#hash", "a>b", ""] {
            #expect(try LineSyntax.split("x " + LineSyntax.quote(word)).words == ["x", word])
        }
    }
}
