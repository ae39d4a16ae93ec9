import Foundation
import Testing
import LedeText
@testable import LedeAnalysis

/// Tags texts (title, body, language) with one tagger over one vocabulary, as `tag` does for loaded articles.
private struct Tagged {
    let tagger: TaxonomyTagger
    let texts: [TokenizedText]

    init(_ bodies: [String], taxonomy: Taxonomy? = nil) throws {
        let vocabulary = Vocabulary()
        let tokenizer = Tokenizer()
        texts = bodies.map { tokenizer.tokenize($0, vocabulary: vocabulary) }
        tagger = TaxonomyTagger(taxonomy: try taxonomy ?? Taxonomy.builtIn(), keys: TopicFeatures(vocabulary: vocabulary))
    }

    func top(_ i: Int, title: String? = nil, language: String? = nil) -> String? {
        tagger.tag(texts[i], title: title, language: language).scores.first?.name
    }
}

/// One item of the written check (Fixtures/topics-check.jsonl; how it was written: docs/topics.md).
fileprivate struct CheckItem: Decodable {
    var id: String
    var language: String
    var label: String
    var half: String
    var form: String
    var title: String?
    var text: String
}

private let expectedCode = ["politics": "11000000", "conflict": "16000000", "crime": "02000000", "disaster": "03000000",
                            "sport": "15000000", "economy": "04000000", "science": "13000000", "arts": "01000000",
                            "health": "07000000", "environment": "06000000"]

@Suite struct TaxonomyCheckTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/topics-check.jsonl")

    fileprivate static func items() throws -> [CheckItem] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(CheckItem.self, from: Data($0.utf8)) }
    }

    /// Top-1 accuracy and untagged count of the built-in taxonomy on the items `include` selects.
    fileprivate static func measure(_ include: (CheckItem) -> Bool) throws -> (accuracy: Double, untagged: Int, count: Int, misses: [String]) {
        let chosen = try items().filter(include)
        let tagged = try Tagged(chosen.map(\.text))
        var right = 0, untagged = 0
        var misses: [String] = []
        for (i, item) in chosen.enumerated() {
            let result = tagged.tagger.tag(tagged.texts[i], title: item.title, language: item.language)
            if result.scores.isEmpty { untagged += 1 }
            if result.scores.first?.code == expectedCode[item.label] { right += 1 } else {
                misses.append("\(item.id) \(item.label) → \(result.scores.first?.name ?? result.untagged ?? "?")")
            }
        }
        return (Double(right) / Double(max(chosen.count, 1)), untagged, chosen.count, misses)
    }

    // Floors: the accuracy measured on the half the term lists were never adjusted on, less a margin of
    // a few items (docs/topics.md has the figures); a change that loses more fails here.
    @Test func englishCheckHeldHalfStaysAboveItsFloor() throws {
        let held = try Self.measure { $0.language == "en" && $0.half == "held" }
        #expect(held.count == 182)
        #expect(held.accuracy >= 0.93, "held half: \(held.accuracy), misses: \(held.misses)")
        #expect(held.untagged <= 2)
        let tune = try Self.measure { $0.language == "en" && $0.half == "tune" }
        #expect(tune.accuracy >= 0.95, "tune half: \(tune.accuracy), misses: \(tune.misses)")
    }

    @Test func headlineOnlyItemsOfTheCheckGetTheirTopic() throws {
        let headlines = try Self.measure { $0.language == "en" && $0.form == "headline" }
        #expect(headlines.count >= 50)
        #expect(headlines.accuracy >= 0.92, "\(headlines.misses)")
        #expect(headlines.untagged <= 1)
    }

    @Test(arguments: ["de", "fr", "es"])
    func perLanguageCheckStaysAboveItsFloor(language: String) throws {
        let all = try Self.measure { $0.language == language }
        #expect(all.count >= 40)
        #expect(all.accuracy >= 0.9, "\(language): \(all.accuracy), misses: \(all.misses)")
        #expect(all.untagged == 0)
    }
}

@Suite struct TaxonomyTaggingTests {
    @Test func headlinesAloneGetTheirTopic() throws {
        let cases: [(String, String)] = [
            ("Mets rally past Phillies with three runs in the ninth", "sport"),
            ("Central bank raises interest rates for a third time", "economy"),
            ("Quake flattens villages, hundreds feared dead", "disaster"),
            ("Rebels seize airport as fighting spreads to the capital", "conflict"),
            ("Man charged with murder after pub stabbing", "crime"),
            ("Parliament passes electoral reform bill", "politics"),
            ("Microsoft fixes Windows security flaw used by hackers", "science"),
            ("Chipmaker unveils faster processor for AI data centres", "science"),
        ]
        let tagged = try Tagged(cases.map(\.0))
        for (i, c) in cases.enumerated() {
            #expect(tagged.top(i) == c.1, "\(c.0)")
        }
    }

    @Test func technologyEvidenceOutweighsCompanyWords() throws {
        let tagged = try Tagged([
            "Google's new smartphone app uses AI to translate calls. The company said the software runs on the phone's chip.",
            "Google's parent company reported quarterly profit above forecasts and its shares rose 4 percent.",
        ])
        #expect(tagged.top(0) == "science")
        #expect(tagged.top(1) == "economy")
    }

    @Test func germanFrenchAndSpanishUseTheirOwnLists() throws {
        let tagged = try Tagged([
            "Nach der Bundestagswahl verhandeln die Parteien über eine Koalition.",
            "L'inflation recule dans la zone euro, la Banque centrale européenne maintient ses taux.",
            "Los ciudadanos votan en las elecciones presidenciales del domingo.",
            "Der Trainer der Nationalmannschaft gab den Kader für die Weltmeisterschaft bekannt.",
        ])
        #expect(tagged.top(0, language: "de") == "politics")     // "*wahl" matches the compound
        #expect(tagged.top(1, language: "fr-FR") == "economy")   // elided "l'", a regional tag
        #expect(tagged.top(2, language: "Spanish") == "politics")
        #expect(tagged.top(3, language: "deu") == "sport")       // "*mannschaft", "weltmeisterschaft"
        let result = tagged.tagger.tag(tagged.texts[0], language: "de")
        #expect(result.language == "de" && result.untagged == nil)
        #expect(result.scores.first?.evidence.contains { $0.term == "*wahl" } == true)
    }

    @Test func aLanguageWithoutAListIsUntaggedWithTheReason() throws {
        let tagged = try Tagged(["Il governo ha approvato la legge di bilancio dopo un lungo dibattito in parlamento."])
        let italian = tagged.tagger.tag(tagged.texts[0], title: "Approvata la legge di bilancio", language: "it")
        #expect(italian.scores.isEmpty)
        #expect(italian.language == nil)
        #expect(italian.untagged == "no taxonomy for it")
        // No language said: the main (English) list; "und" means undetermined.
        #expect(tagged.tagger.tag(tagged.texts[0], language: nil).language == "en")
        #expect(tagged.tagger.tag(tagged.texts[0], language: "und").language == "en")
        let empty = try Tagged(["Nothing to see."])
        #expect(empty.tagger.tag(empty.texts[0]).untagged == "no term of the taxonomy in the text")
    }

    @Test func languageCodesAreNormalised() {
        #expect(Taxonomy.languageCode("de-AT") == "de")
        #expect(Taxonomy.languageCode("fr_CA") == "fr")
        #expect(Taxonomy.languageCode(" Español ") == "es")
        #expect(Taxonomy.languageCode("ger") == "de")
        #expect(Taxonomy.languageCode("EN") == "en")
        #expect(Taxonomy.languageCode("it") == "it")
        #expect(Taxonomy.languageCode("und") == nil)
        #expect(Taxonomy.languageCode("") == nil)
        #expect(Taxonomy.languageCode("12") == nil)
        #expect(Taxonomy.languageCode(nil) == nil)
    }

    @Test func builtInTaxonomyHasEnglishGermanFrenchAndSpanish() throws {
        let t = try Taxonomy.builtIn()
        #expect(t.languages == ["en", "de", "es", "fr"])
        #expect(t.titleWeight == 3 && t.leadWeight == 2)
        for language in ["de", "fr", "es"] {
            #expect(t.topics.allSatisfy { !$0.terms(in: language, main: t.language).isEmpty }, "\(language)")
        }
    }

    static let mini = """
    {"format": "lede-taxonomy", "version": 1, "smoothing": 1, "titleWeight": 3, "leadWeight": 2,
     "endings": {"de": ["e", "en", "er"]},
     "topics": [
      {"code": "P", "name": "politics", "terms": {"election": 2},
       "termsByLanguage": {"de": {"*wahl": 2, "regierung": 1, "partei*": 1}}},
      {"code": "S", "name": "sport", "terms": {"goal": 2}, "termsByLanguage": {"de": {"tor": 2}}}
     ]}
    """

    @Test func titleCountsThreeTimesAndARepeatedTitleOnce() throws {
        let taxonomy = try Taxonomy.parse(Array(Self.mini.utf8), file: "mini.json")
        let tagged = try Tagged(["A late goal decided it.", "An election upset.\n\nThe goal of the party was clear.",
                                 "An election upset.\n\nVoters were surprised."], taxonomy: taxonomy)
        // Body alone: goal counted once; with the title "Election night": election counted 3.
        let plain = tagged.tagger.tag(tagged.texts[0])
        #expect(abs((plain.scores.first?.evidence.first?.contribution ?? 0) - 2.0 / 3.0) < 1e-12)
        let titled = tagged.tagger.tag(tagged.texts[0], title: "Election night")
        let election = 2 * 3.0.squareRoot(), goal = 2.0
        #expect(titled.scores.map(\.name) == ["politics", "sport"])
        #expect(abs(titled.scores[0].score - election / (election + goal + 1)) < 1e-12)
        // The lead (first of several paragraphs) counts 2.
        let lead = tagged.tagger.tag(tagged.texts[1])
        #expect(abs(lead.scores[0].score - 2 * 2.0.squareRoot() / (2 * 2.0.squareRoot() + 2 + 1)) < 1e-12)
        // A first paragraph that repeats the title counts as the title, not twice.
        let repeated = tagged.tagger.tag(tagged.texts[2], title: "An election upset")
        #expect(abs(repeated.scores[0].score - election / (election + 1)) < 1e-12)
    }

    @Test func endingsAndWildcardsMatchWordForms() throws {
        let taxonomy = try Taxonomy.parse(Array(Self.mini.utf8), file: "mini.json")
        let tagged = try Tagged(["Die Regierungen und die Parteien nach der Bundestagswahlen; Tore fielen keine."], taxonomy: taxonomy)
        let result = tagged.tagger.tag(tagged.texts[0], language: "de")
        let politics = try #require(result.scores.first { $0.name == "politics" })
        #expect(Set(politics.evidence.map(\.term)) == ["*wahl", "regierung", "partei*"])
        #expect(result.scores.contains { $0.name == "sport" && $0.evidence.first?.term == "tor" })
        // The same words with the English list: none is an English term.
        #expect(tagged.tagger.tag(tagged.texts[0], language: "en").scores.isEmpty)
    }

    @Test func malformedLanguageListsNameTheLine() {
        let badWildcard = "{\"topics\": [{\"code\": \"A\", \"terms\": {\"x\": 1},\n \"termsByLanguage\": {\"de\": {\n\"*ab*\": 1}}}]}"
        do { _ = try Taxonomy.parse(Array(badWildcard.utf8), file: "w.json"); Issue.record("accepted") } catch {
            #expect("\(error)".hasPrefix("w.json:3: term \"*ab*\" in topic \"A\": a wildcard term is one word"))
        }
        let badLanguage = "{\"topics\": [{\"code\": \"A\", \"terms\": {\"x\": 1},\n \"termsByLanguage\": {\"12\": {\"y\": 1}}}]}"
        do { _ = try Taxonomy.parse(Array(badLanguage.utf8), file: "l.json"); Issue.record("accepted") } catch {
            #expect("\(error)" == "l.json:2: \"12\" is not a language code (e.g. \"en\", \"de\")")
        }
        let mainAgain = "{\"topics\": [{\"code\": \"A\", \"terms\": {\"x\": 1},\n \"termsByLanguage\": {\"en\": {\"y\": 1}}}]}"
        do { _ = try Taxonomy.parse(Array(mainAgain.utf8), file: "m.json"); Issue.record("accepted") } catch {
            #expect("\(error)".contains("the main language, belong in \"terms\""))
        }
    }
}
