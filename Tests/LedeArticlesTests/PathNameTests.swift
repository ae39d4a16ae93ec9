import Testing
@testable import LedeArticles

struct PathNameTests {
    @Test func piecesOfAPath() {
        #expect(PathName.lastComponent("a/b/README.TXT") == "README.TXT")
        #expect(PathName.lastComponent("folder/") == "folder")
        #expect(PathName.lastComponent("plain") == "plain")
        #expect(PathName.lowercasedExtension("x/page.HTML") == "html")
        #expect(PathName.lowercasedExtension("x/.bashrc") == "")
        #expect(PathName.lowercasedExtension("x.d/noext") == "")
        #expect(PathName.deletingExtension("a.b/page.html.gz") == "a.b/page.html")
        #expect(PathName.lowercasedExtension(PathName.deletingExtension("p/page.JSONL.gz")) == "jsonl")
        #expect(PathName.lowercasedBaseName("c/README.TXT") == "readme")
        #expect(PathName.lowercasedBaseName("c/LICENSE") == "license")
    }

    @Test func corpusDescriptionFilesAreRecognised() {
        #expect(FileExpander.isCorpusFile("/tmp/bbc/README.TXT"))
        #expect(FileExpander.isCorpusFile("licence.md"))
        #expect(!FileExpander.isCorpusFile("/tmp/bbc/sport/001.txt"))
        #expect(!FileExpander.isCorpusFile("readme-notes/story.txt"))
        #expect(FileExpander.isCorpusFile("/tmp/samples/load.lede"))
        #expect(!FileExpander.isCorpusFile("/tmp/samples/lede"))
        #expect(!FileExpander.isCorpusFile("/tmp/samples/lede.txt"))
    }
}
