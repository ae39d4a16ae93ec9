import Foundation
import Testing
@testable import LedeText

func sentencesOf(_ text: String) -> [String] {
    let t = Tokenizer().tokenize(text, vocabulary: Vocabulary())
    return t.sentences.map { t.text($0.bytes) }
}

@Suite struct SentenceSplitterTests {
    @Test func plainSentences() {
        #expect(sentencesOf("It rained. We stayed in! Did you? Yes.") == ["It rained.", "We stayed in!", "Did you?", "Yes."])
    }

    @Test func shortFormListsHoldTheirWordsAndNoOthers() {
        let words = ["mr", "dr", "e.g.", "jan", "etc", "the", "officials", "a", "zz", "mrx", "d", "sept", "september", "x.y."]
        let set = SentenceSplitter.ShortFormSet(["mr", "dr", "e.g.", "jan", "etc", "the", "officials", "a", "sept"])
        for w in words {
            let form = SentenceSplitter.ShortForm(Array(w.utf8))!
            #expect(set.contains(form) == ["mr", "dr", "e.g.", "jan", "etc", "the", "officials", "a", "sept"].contains(w), "\(w)")
        }
        // A longer table: every listed word is found, none of 2,000 others.
        let listed = (0..<300).map { "w\($0)" }
        let big = SentenceSplitter.ShortFormSet(listed)
        #expect(listed.allSatisfy { big.contains(SentenceSplitter.ShortForm(Array($0.utf8))!) })
        #expect(!(300..<2300).contains { big.contains(SentenceSplitter.ShortForm(Array("w\($0)".utf8))!) })
    }

    @Test func abbreviationsAndTitles() {
        #expect(sentencesOf("Mr. Smith met Dr. Jones on Jan. 5 at No. 10 Downing St. in London.")
                == ["Mr. Smith met Dr. Jones on Jan. 5 at No. 10 Downing St. in London."])
        #expect(sentencesOf("He sold toys, games etc. The shop closed.") == ["He sold toys, games etc.", "The shop closed."])
        #expect(sentencesOf("Apple Inc. said so.") == ["Apple Inc. said so."])
    }

    @Test func acronyms() {
        #expect(sentencesOf("The U.S. President spoke. Then he left.") == ["The U.S. President spoke.", "Then he left."])
        #expect(sentencesOf("Troops left the U.S. The talks failed.") == ["Troops left the U.S.", "The talks failed."])
        #expect(sentencesOf("Use tools, e.g. Hammers, daily.") == ["Use tools, e.g. Hammers, daily."])
    }

    @Test func initials() {
        #expect(sentencesOf("J. K. Rowling wrote it. She was pleased.") == ["J. K. Rowling wrote it.", "She was pleased."])
        #expect(sentencesOf("It was Plan B. The plan failed.") == ["It was Plan B.", "The plan failed."])
    }

    @Test func decimalsAndNumbers() {
        #expect(sentencesOf("Growth was 3.5 per cent. In 2015 it was 2.") == ["Growth was 3.5 per cent.", "In 2015 it was 2."])
        #expect(sentencesOf("He won 2. 5 others lost.") == ["He won 2.", "5 others lost."])
    }

    @Test func ellipses() {
        #expect(sentencesOf("He paused... Then he spoke.") == ["He paused...", "Then he spoke."])
        #expect(sentencesOf("Well… maybe not.") == ["Well… maybe not."])
        #expect(sentencesOf("Wait… Now go.") == ["Wait…", "Now go."])
    }

    @Test func quotesAndBrackets() {
        #expect(sentencesOf("\"We will win,\" he said. Then he left.") == ["\"We will win,\" he said.", "Then he left."])
        #expect(sentencesOf("\"We won.\" The crowd cheered.") == ["\"We won.\"", "The crowd cheered."])
        #expect(sentencesOf("\"Stop!\" he shouted.") == ["\"Stop!\" he shouted."])
        #expect(sentencesOf("It ended (as expected.) Next came lunch.") == ["It ended (as expected.)", "Next came lunch."])
        #expect(sentencesOf("She left. \"Why?\" he asked.") == ["She left.", "\"Why?\" he asked."])
    }

    @Test func headlinesAndParagraphBreaks() {
        let text = "Markets fall sharply\n\nShares fell on Monday. Traders were nervous\n\nMore to come"
        #expect(sentencesOf(text) == ["Markets fall sharply", "Shares fell on Monday.", "Traders were nervous", "More to come"])
        let t = Tokenizer().tokenize(text, vocabulary: Vocabulary())
        #expect(t.paragraphs.count == 3)
        // Sentences never cross paragraphs and cover every token in order.
        #expect(t.sentences.map(\.tokens.count).reduce(0, +) == t.tokenCount)
    }

    @Test func spansExcludeSurroundingWhitespace() {
        let text = "  Headline  \r\n\n  First one. Second one.  \n\n\n"
        let t = Tokenizer().tokenize(text, vocabulary: Vocabulary())
        #expect(t.paragraphs.map { t.text($0.bytes) } == ["Headline", "First one. Second one."])
        #expect(t.sentences.map { t.text($0.bytes) } == ["Headline", "First one.", "Second one."])
    }

    @Test func noSplitBeforeLowercaseOrWithoutSpace() {
        #expect(sentencesOf("See fig. and note.It goes on.") == ["See fig. and note.It goes on."])
        #expect(sentencesOf("version 2.0 is out. ok then.") == ["version 2.0 is out. ok then."])
    }

    // MARK: families of hard cases (docs/text-rules.md states each rule)

    @Test func numberedListsRunTogether() {
        #expect(sentencesOf("1. Boil the water 2. Add the rice 3. Wait ten minutes")
                == ["1. Boil the water", "2. Add the rice", "3. Wait ten minutes"])
        #expect(sentencesOf("1. Boil the water. 2. Add the rice. 3. Wait ten minutes.")
                == ["1. Boil the water.", "2. Add the rice.", "3. Wait ten minutes."])
        #expect(sentencesOf("1.) Check the tyres 2.) Fill the tank") == ["1.) Check the tyres", "2.) Fill the tank"])
        #expect(sentencesOf("1) Check the tyres. 2) Fill the tank.") == ["1) Check the tyres.", "2) Fill the tank."])
        #expect(sentencesOf("9. Sell the car 10. Buy a bike 11. Ride it") == ["9. Sell the car", "10. Buy a bike", "11. Ride it"])
    }

    @Test func letteredLists() {
        #expect(sentencesOf("a. Pack the bags b. Lock the door c. Leave the key")
                == ["a. Pack the bags", "b. Lock the door", "c. Leave the key"])
        #expect(sentencesOf("a) Pack the bags. b) Lock the door.") == ["a) Pack the bags.", "b) Lock the door."])
        // Initials are not lists.
        #expect(sentencesOf("A. B. Carter wrote to C. D. Evans.") == ["A. B. Carter wrote to C. D. Evans."])
    }

    @Test func bulletsBeforeMarkers() {
        #expect(sentencesOf("• 4. Paint the fence • 5. Mow the lawn") == ["• 4. Paint the fence", "• 5. Mow the lawn"])
        #expect(sentencesOf("⁃7. Paint the fence ⁃8. Mow the lawn") == ["⁃7. Paint the fence", "⁃8. Mow the lawn"])
        #expect(sentencesOf("• Paint the fence • Mow the lawn") == ["• Paint the fence", "• Mow the lawn"])
    }

    @Test func pageAndNumberAbbreviations() {
        #expect(sentencesOf("The table is on p. 212 of the report.") == ["The table is on p. 212 of the report."])
        #expect(sentencesOf("Read pp. 40-44 first. Then answer.") == ["Read pp. 40-44 first.", "Then answer."])
        #expect(sentencesOf("See Fig. 3 and Vol. 2 for details.") == ["See Fig. 3 and Vol. 2 for details."])
        #expect(sentencesOf("It was filed as No. 7.3.12 in the registry. Nobody read it.")
                == ["It was filed as No. 7.3.12 in the registry.", "Nobody read it."])
        #expect(sentencesOf("The ferry left from Pier No. 4.2 at dawn.") == ["The ferry left from Pier No. 4.2 at dawn."])
    }

    @Test func timeAbbreviationsBeforeNames() {
        #expect(sentencesOf("The vote closed at 10 p.m. Senator Okafor conceded an hour later.")
                == ["The vote closed at 10 p.m.", "Senator Okafor conceded an hour later."])
        #expect(sentencesOf("We met at 7 A.M. Dr. Lindqvist was already there.")
                == ["We met at 7 A.M.", "Dr. Lindqvist was already there."])
        #expect(sentencesOf("The shop opens at 8 a.m. Monday to Friday.") == ["The shop opens at 8 a.m. Monday to Friday."])
        #expect(sentencesOf("The call came at 4 p.m. GMT on Sunday.") == ["The call came at 4 p.m. GMT on Sunday."])
    }

    @Test func initialsAndSentenceFinalCapitals() {
        #expect(sentencesOf("The prize went to you and I. Did you tell Maria T. Okoro about it?")
                == ["The prize went to you and I.", "Did you tell Maria T. Okoro about it?"])
        #expect(sentencesOf("Oranges are rich in vitamin C. They also keep well.")
                == ["Oranges are rich in vitamin C.", "They also keep well."])
        #expect(sentencesOf("The club's chairman R. Osei resigned.") == ["The club's chairman R. Osei resigned."])
        #expect(sentencesOf("Between you and I. Nobody else knows.") == ["Between you and I.", "Nobody else knows."])
        #expect(sentencesOf("The letter was signed by Harold W. Brandt and sent.") == ["The letter was signed by Harold W. Brandt and sent."])
        #expect(sentencesOf("K. Mensah scored twice.") == ["K. Mensah scored twice."])
    }

    @Test func spacedEllipses() {
        #expect(sentencesOf("She waited for news . . . Nothing came.") == ["She waited for news . . .", "Nothing came."])
        #expect(sentencesOf("The road ran on . . . and on.") == ["The road ran on . . . and on."])
        #expect(sentencesOf("It was over. . . . The crowd went home.") == ["It was over. . . .", "The crowd went home."])
        #expect(sentencesOf("He hesitated ... Then he signed.") == ["He hesitated ...", "Then he signed."])
    }

    @Test func ordinals() {
        #expect(sentencesOf("Am 3. Oktober wird gefeiert. Alle haben frei.") == ["Am 3. Oktober wird gefeiert.", "Alle haben frei."])
        #expect(sentencesOf("Das Haus stammt aus dem 17. Jahrhundert.") == ["Das Haus stammt aus dem 17. Jahrhundert."])
        #expect(sentencesOf("He came 2. Three others followed.") == ["He came 2.", "Three others followed."])
        #expect(sentencesOf("I am 25. I play on.") == ["I am 25.", "I play on."])
    }

    /// The seed article's 11 body paragraphs are one sentence each (their quotes and "China-Russia",
    /// "multi-polar", "parties'" must not split anything).
    @Test(.enabled(if: SharedData.url("corpora/seed") != nil, "needs ../shared/corpora/seed"))
    func seedArticleBody() throws {
        let dir = SharedData.url("corpora/seed")!
        let file = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".txt") }!
        let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
        let body = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.count > 100 && !$0.contains("|") && !$0.contains("\n") }
        #expect(body.count == 11)
        let t = Tokenizer().tokenize(body.joined(separator: "\n\n"), vocabulary: Vocabulary())
        #expect(t.paragraphs.count == 11)
        #expect(t.sentences.map { t.text($0.bytes) } == body)
        // Every whitespace-separated chunk of this text is exactly one token (no dashes, URLs or numbers with spaces).
        let chunks = body.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        #expect(t.tokenCount == chunks)
    }
}
