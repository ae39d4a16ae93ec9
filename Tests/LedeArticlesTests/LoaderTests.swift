import Foundation
import Testing
@testable import LedeArticles

/// <package root>/../shared, or nil when this checkout has no shared data next to it.
let sharedDirectory: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shared = root.deletingLastPathComponent().appendingPathComponent("shared").path
    return FileManager.default.fileExists(atPath: shared + "/corpora") ? shared : nil
}()

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "lede-articles-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func write(_ text: String, to path: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }

@Suite struct SeedAndCorpusTests {
    @Test func seedPageParsesExactly() throws {
        guard let shared = sharedDirectory else { print("skipped: ../shared is absent"); return }
        let report = try ArticleLoader().load(paths: [shared + "/corpora/seed"])
        #expect(report.problems.isEmpty)
        let doc = try #require(report.documents.first)
        #expect(report.documents.count == 1)
        #expect(doc.metadata.title == "Chinese FM holds talks with Russian counterpart")
        #expect(doc.metadata.published == "2022-03-31")
        #expect(doc.metadata.source == "Xinhua News Agency")
        #expect(doc.paragraphs.count == 11)
        #expect(doc.paragraphs.first?.hasPrefix("Chinese State Councilor and Foreign Minister Wang Yi held talks") == true)
        #expect(doc.paragraphs.last == "The two sides also exchanged views on other multilateral affairs such as the Asia-Pacific situation and the BRICS mechanism.")
        for nav in ["Latest Headlines", "Partners:", "Copyright", "Subscribe", "About Us"] {
            #expect(!doc.body.contains(nav), "body holds navigation text '\(nav)'")
        }
        #expect(doc.dropped.contains { $0.text == "Latest Headlines" })
    }

    @Test func bbcFolderLoadsEveryArticleWithItsFirstLineAsTitle() throws {
        guard let shared = sharedDirectory else { print("skipped: ../shared is absent"); return }
        let folder = shared + "/corpora/bbc"
        let report = try ArticleLoader().load(paths: [folder])
        #expect(report.documents.count == 2225)
        #expect(report.skipped.map { ($0 as NSString).lastPathComponent } == ["README.TXT"])
        #expect(report.problems.filter { $0.severity == .error }.isEmpty)
        var wrongTitles: [String] = []
        for doc in report.documents {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: doc.path)), as: UTF8.self)
            let firstLine = text.split(separator: "\n").first.map { collapse(String($0)) }
            if doc.metadata.title != firstLine { wrongTitles.append(doc.path) }
        }
        #expect(wrongTitles.isEmpty, "titles not from line 1: \(wrongTitles.prefix(5))")
        // sport/199.txt holds bytes that are not UTF-8: a warning, and the article still loads.
        let warning = report.problems.first { $0.path.hasSuffix("sport/199.txt") }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("invalid UTF-8") == true)
        #expect(report.documents.contains { $0.path.hasSuffix("sport/199.txt") && $0.body.contains("\u{FFFD}") })
    }

    @Test func benchmarkPageLoadsFromGzipWithMetadata() throws {
        guard let shared = sharedDirectory else { print("skipped: ../shared is absent"); return }
        let page = shared + "/corpora/article-extraction-benchmark/html/42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc.html.gz"
        let report = try ArticleLoader().load(paths: [page])
        let doc = try #require(report.documents.first)
        #expect(doc.format == .html)
        #expect(doc.metadata.title == "NASA’s commercial moon shot: Musk's and Bezos's firms to bid")
        #expect(doc.metadata.source == "Al Jazeera")
        #expect(doc.metadata.published == "2019-11-19")
        #expect(doc.paragraphs.contains { $0.hasPrefix("Washington, DC, United States: Getting to the Moon") })
        #expect(doc.paragraphs.contains { $0.hasSuffix("The small players bring an agility and creativity that adds to the mix.”") })
        #expect(!doc.body.contains("Documentaries"))
    }
}

@Suite struct BadInputTests {
    func problems(_ paths: [String], options: LoadOptions = LoadOptions()) throws -> LoadedFiles {
        try ArticleLoader(options: options).load(paths: paths)
    }

    @Test func eachBadFileGetsOneLineAndTheRestLoads() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("Good title here\n\n" + String(repeating: "This is a sentence of the article that has the usual words in it. ", count: 5), to: dir + "/good.txt")
        try Data([0x41, 0x00, 0x42]).write(to: URL(fileURLWithPath: dir + "/binary.txt"))
        try write("", to: dir + "/empty.txt")
        try write("  \n\n \n", to: dir + "/blank.txt")
        try write("{\"title\": \"x\",\n \"text\": \"a\",,\n}", to: dir + "/broken.json")
        try write("<html><body><nav><a href='/'>Home</a></nav></body></html>", to: dir + "/nobody.html")
        let report = try problems([dir, dir + "/missing.txt"])
        #expect(report.documents.count == 1)
        func message(_ name: String) -> String? { report.problems.first { $0.path.hasSuffix(name) }?.message }
        #expect(message("binary.txt") == "binary file (contains NUL bytes); skipped")
        #expect(message("empty.txt") == "file is empty")
        #expect(message("blank.txt") == "file is empty")
        #expect(message("broken.json")?.contains("line 2, column") == true, "\(message("broken.json") ?? "none")")
        #expect(message("nobody.html")?.contains("no extractable article text") == true)
        #expect(message("missing.txt") == "no such file or folder")
        #expect(report.problems.allSatisfy { !$0.message.contains("\n") })
    }

    @Test func fileOverMaxSizeIsSkipped() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(String(repeating: "word ", count: 1000), to: dir + "/big.txt")
        var options = LoadOptions()
        options.maxFileSize = 1000
        let report = try problems([dir + "/big.txt"], options: options)
        #expect(report.documents.isEmpty)
        #expect(report.problems.first?.message.contains("over --max-size") == true)
    }

    @Test func symlinkLoopIsReportedOnce() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/sub/loop", withDestinationPath: dir)
        try write("Title of it\n\n" + String(repeating: "The article is here and it has some of the words in it. ", count: 5), to: dir + "/sub/a.txt")
        let report = try problems([dir])
        #expect(report.documents.count == 1)
        #expect(report.problems.contains { $0.message.contains("symlink loop") })
    }

    @Test func foldersListInNameOrderAndEachFileOnce() throws {
        // Files and subfolders interleave by name (subfolders are walked in parallel); a file reached twice,
        // through a second argument or a symbolic link, is listed once, where it first appears.
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for sub in ["b", "d", "d/x", "f"] { try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true) }
        for file in ["a.txt", "b/1.txt", "b/2.txt", "c.txt", "d/x/3.txt", "d/4.txt", "e.txt", "f/5.txt", "README.txt"] {
            try write("x", to: dir + "/" + file)
        }
        let plain = FileExpander.expand([dir])
        let expected = ["a.txt", "b/1.txt", "b/2.txt", "c.txt", "d/4.txt", "d/x/3.txt", "e.txt", "f/5.txt"].map { dir + "/" + $0 }
        #expect(plain.files == expected)
        #expect(plain.skipped == [dir + "/README.txt"])
        // A second argument naming a file already listed, and a link to a folder already listed.
        try FileManager.default.createSymbolicLink(atPath: dir + "/g", withDestinationPath: dir + "/f")
        let twice = FileExpander.expand([dir, dir + "/c.txt"])
        #expect(twice.files == expected, "g/5.txt is f/5.txt through a link")
        #expect(Set(twice.files).count == twice.files.count)
    }

    @Test func unreadableFileAndFolder() throws {
        guard getuid() != 0 else { print("skipped: running as root, permissions do not apply"); return }
        let dir = try temporaryFolder()
        defer { chmod(dir + "/locked", 0o755); try? FileManager.default.removeItem(atPath: dir) }
        try write("text", to: dir + "/secret.txt")
        chmod(dir + "/secret.txt", 0)
        try FileManager.default.createDirectory(atPath: dir + "/locked", withIntermediateDirectories: true)
        chmod(dir + "/locked", 0)
        let report = try problems([dir])
        #expect(report.problems.contains { $0.path.hasSuffix("secret.txt") && $0.message.contains("cannot read file") })
        #expect(report.problems.contains { $0.path.hasSuffix("locked") && $0.message.contains("cannot read folder") })
    }

    @Test func corpusFilesAreSkippedInFoldersButLoadWhenNamed() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = "About this corpus\n\n" + String(repeating: "This folder holds the articles that we collected for the study. ", count: 4)
        try write(text, to: dir + "/README.txt")
        try write(text, to: dir + "/LICENSE")
        #expect(try problems([dir]).documents.isEmpty)
        #expect(try problems([dir + "/README.txt"]).documents.count == 1)
    }
}

@Suite struct FormatTests {
    @Test func jsonArrayObjectAndJSONLWithOverrides() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(#"[{"id": "x1", "headline": "One", "body": "First line.\nSecond line.", "published": "March 31, 2022", "author": [{"name": "A B"}], "publisher": {"name": "Agency"}}, {"title": "No text"}]"#, to: dir + "/a.json")
        try write(#"{"title": "Solo", "content": "Just one."}"#, to: dir + "/b.json")
        try write("{\"story\": \"Line one.\", \"title\": \"L1\"}\n\n{\"story\": \"Line two.\", \"title\": \"L2\"}\n", to: dir + "/c.jsonl")
        var options = LoadOptions()
        let report = try ArticleLoader(options: options).load(paths: [dir + "/a.json", dir + "/b.json"])
        #expect(report.documents.count == 2)
        let first = report.documents[0]
        #expect(first.metadata.title == "One")
        #expect(first.paragraphs == ["First line.", "Second line."])
        #expect(first.metadata.published == "2022-03-31")
        #expect(first.metadata.author == "A B")
        #expect(first.metadata.source == "Agency")
        #expect(first.recordKey == "x1")
        #expect(report.problems.contains { $0.message.contains("1 record without text skipped (record 2)") })
        #expect(report.documents[1].metadata.title == "Solo")

        let noText = try ArticleLoader(options: options).load(paths: [dir + "/c.jsonl"])
        #expect(noText.documents.isEmpty)
        #expect(noText.problems.first?.message.contains("--field text=NAME") == true)
        options.fieldOverrides = ["text": "story"]
        let lines = try ArticleLoader(options: options).load(paths: [dir + "/c.jsonl"])
        #expect(lines.documents.map(\.metadata.title) == ["L1", "L2"])
        #expect(lines.documents.map(\.recordKey) == ["line 1", "line 3"])
        #expect(lines.documents.allSatisfy { $0.format == .jsonl })
    }

    @Test func htmlMetadataAndEncoding() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let body = String(repeating: "<p>The council said on Monday that the plan would go ahead, and that the work on the new bridge was to start in the spring.</p>", count: 3)
        let page = """
        <html lang="en-GB"><head><meta charset="windows-1252"><title>Bridge plan approved | Town Post</title>
        <meta property="og:site_name" content="Town Post"><link rel="canonical" href="https://example.org/bridge">
        <meta property="article:published_time" content="2021-05-03T09:00:00Z"><meta property="article:modified_time" content="2021-05-04T10:00:00Z">
        <script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jo Smith"}}</script></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><h1>Bridge plan approved</h1><article>\(body)<p>Caf\u{E9} owners welcomed it.</p></article>
        <footer>© Town Post</footer></body></html>
        """
        // windows-1252: é is the single byte E9.
        var bytes = [UInt8]()
        for s in page.unicodeScalars { bytes.append(s.value < 256 ? UInt8(s.value) : UInt8(ascii: "?")) }
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/page.html"))
        let doc = try #require(try ArticleLoader().load(paths: [dir + "/page.html"]).documents.first)
        #expect(doc.metadata.title == "Bridge plan approved")
        #expect(doc.metadata.source == "Town Post")
        #expect(doc.metadata.author == "Jo Smith")
        #expect(doc.metadata.published == "2021-05-03T09:00:00Z")
        #expect(doc.metadata.modified == "2021-05-04T10:00:00Z")
        #expect(doc.metadata.url == "https://example.org/bridge")
        #expect(doc.metadata.language == "en-GB")
        #expect(doc.paragraphs.count == 4)
        #expect(doc.paragraphs.last == "Café owners welcomed it.")
        #expect(!doc.body.contains("Home"))
    }

    @Test func aDeclaredCharsetOutranksMetaCharset() throws {
        // windows-1252 bytes in a page whose <meta> wrongly says UTF-8 (a server's Content-Type knows better).
        let body = String(repeating: "The council said on Monday that the plan would go ahead, and that the work was to start soon. ", count: 3)
        let page = "<html><head><meta charset=\"utf-8\"><title>Plan</title></head><body><article><p>\(body) Caf\u{E9} \u{2013} d\u{E9}j\u{E0} vu.</p></article></body></html>"
        let bytes = Data(try #require(page.data(using: .windowsCP1252)))
        let declared = try HTMLArticleParser.parse(bytes, path: "page", declaredCharset: "windows-1252")
        #expect(declared.body.hasSuffix("Café – déjà vu."))
        var options = LoadOptions()
        options.declaredCharset = "windows-1252"
        #expect(try DocumentParser.parse(data: bytes, path: "page", options: options).first?.body == declared.body)
        // Without it the page's own (wrong) declaration is followed: invalid UTF-8 becomes U+FFFD, with a warning.
        let undeclared = try HTMLArticleParser.parse(bytes, path: "page")
        #expect(undeclared.body.contains("\u{FFFD}"))
        #expect(!undeclared.warnings.isEmpty)
        // Valid UTF-8 stays UTF-8 whatever is declared.
        let utf8 = try HTMLArticleParser.parse(Data(page.utf8), path: "page", declaredCharset: "windows-1252")
        #expect(utf8.body.hasSuffix("Café – déjà vu."))
    }

    /// A byte that is invalid in the page's declared charset is one U+FFFD and a warning, not the rest of the page:
    /// libxml2's own conversion stopped there (and printed to stderr), so such pages had "no article text".
    @Test func anInvalidByteInALegacyCharsetLosesOnlyThatByte() throws {
        let body = "The council met on Tuesday to discuss the harbour budget, and members voted for it after a long debate."
        // EUC-JP for 東京 is C5 EC B5 FE; a lead byte A1 before a space is not valid EUC-JP.
        func page(_ head: String) -> Data {
            Data(Array(head.utf8) + Array("<body><article><p>".utf8) + [0xC5, 0xEC, 0xB5, 0xFE, 0x20, 0xA1, 0x20]
                 + Array("\(body)</p></article></body></html>".utf8))
        }
        let pages = ["<html><head><meta charset=\"euc-jp\"><title>Budget</title></head>",
                     "<?xml version=\"1.0\" encoding=\"EUC-JP\"?><html><head><title>Budget</title></head>"]
        for head in pages {
            let doc = try HTMLArticleParser.parse(page(head), path: "page.html")
            #expect(doc.body == "東京 \u{FFFD} " + body, "\(head)")
            #expect(doc.warnings == ["invalid euc-jp: 1 byte sequence replaced with U+FFFD"], "\(head)")
        }
        // The same through a server's Content-Type, and valid EUC-JP gives no warning.
        let declared = try HTMLArticleParser.parse(page("<html><head><title>Budget</title></head>"), path: "page", declaredCharset: "EUC-JP")
        #expect(declared.body == "東京 \u{FFFD} " + body && declared.warnings.count == 1)
        let valid = Data(Array("<html><head><meta charset=\"euc-jp\"></head><body><article><p>".utf8) + [0xC5, 0xEC, 0xB5, 0xFE, 0x20]
                         + Array("\(body)</p></article></body></html>".utf8))
        let clean = try HTMLArticleParser.parse(valid, path: "page.html")
        #expect(clean.body == "東京 " + body && clean.warnings.isEmpty)
        // A charset iconv does not know keeps libxml2's reading.
        #expect(CharsetTranscoder.utf8(from: [UInt8]([0x41]).withUnsafeBufferPointer { $0 }, charset: "no-such-charset") == nil)
    }

    /// A <meta> that says UTF-16 over ASCII-compatible bytes is read as UTF-8 (converting it as UTF-16 made every
    /// two letters one CJK character).
    @Test func aMetaUTF16OverASCIIBytesIsReadAsUTF8() throws {
        let body = "The council met on Tuesday to discuss the harbour budget, and members voted for it after a long debate."
        let page = Data(Array("<html><head><meta charset=\"utf-16\"><title>Budget</title></head><body><article><p>".utf8)
                        + Array(body.utf8) + [0x20, 0xFF] + Array("</p></article></body></html>".utf8))
        let doc = try HTMLArticleParser.parse(page, path: "page.html")
        #expect(doc.body == body + " \u{FFFD}")
    }

    /// Stateful ISO-2022-JP and an undeclared page of windows-1252 with a byte that charset leaves undefined.
    @Test func transcodingKeepsStateAndReplacesUndefinedBytes() throws {
        // ESC $ B switches to JIS X 0208 (東京 = 45 6C 35 7E), ESC ( B back to ASCII.
        let jis: [UInt8] = [0x1B, 0x24, 0x42, 0x45, 0x6C, 0x35, 0x7E, 0x1B, 0x28, 0x42] + Array(" news".utf8)
        let converted = try #require(jis.withUnsafeBufferPointer { CharsetTranscoder.utf8(from: $0, charset: "iso-2022-jp") })
        #expect(String(decoding: converted.utf8, as: UTF8.self) == "東京 news" && converted.replaced == 0)
        let cp1252: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x81, 0x20] + Array("ok".utf8)
        let replaced = try #require(cp1252.withUnsafeBufferPointer { CharsetTranscoder.utf8(from: $0, charset: "windows-1252") })
        #expect(String(decoding: replaced.utf8, as: UTF8.self) == "Café \u{FFFD} ok" && replaced.replaced == 1)
    }

    @Test func textDumpHeaderVariants() throws {
        let text = """
        Home | World | Sport
        Storm closes the coastal road
        By Maria Lopez
        Published: 12 January 2024
        Updated: 2024-01-13

        \(String(repeating: "The road along the coast was closed on Friday after the storm washed away part of it, the police said. ", count: 3))

        \(String(repeating: "Drivers were told to use the inland route, which adds about an hour to the journey for most of them. ", count: 3))
        """
        let doc = try TextDumpParser.parse(text, path: "t.txt")
        #expect(doc.metadata.title == "Storm closes the coastal road")
        #expect(doc.metadata.author == "Maria Lopez")
        #expect(doc.metadata.published == "2024-01-12")
        #expect(doc.metadata.modified == "2024-01-13")
        #expect(doc.paragraphs.count == 2)
    }

    @Test func datesAreNormalised() {
        #expect(DateParser.normalise("March 31, 2022") == "2022-03-31")
        #expect(DateParser.normalise("Thursday 31st March 2022") == "2022-03-31")
        #expect(DateParser.normalise("2019-11-18T10:45:00Z") == "2019-11-18T10:45:00Z")
        // A space before the time (RFC 3339 allows it) keeps the time, written with a T.
        #expect(DateParser.normalise("Updated: 2022-03-31 18:40") == "2022-03-31T18:40")
        #expect(DateParser.normalise("2019-11-20 10:43:00+01:00") == "2019-11-20T10:43:00+01:00")
        #expect(DateParser.normalise("2022-03-31 Source: Xinhua") == "2022-03-31")
        #expect(DateParser.normalise("2022/3/31") == nil)
        #expect(DateParser.normalise("no date here") == nil)
    }
}
