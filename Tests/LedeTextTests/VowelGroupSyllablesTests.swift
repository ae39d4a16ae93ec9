import Testing
@testable import LedeText

/// Words chosen for these tests, with their syllables as a native speaker says them.
@Suite struct VowelGroupSyllablesTests {
    func check(_ code: String, _ cases: [(String, Int)]) {
        let counter = VowelGroupSyllables(language: Language(code: code)!)!
        for (word, n) in cases { #expect(counter.count(word) == n, "\(code): \(word)") }
    }

    @Test func german() {
        check("de", [
            ("Hund", 1), ("Katze", 2), ("schläft", 1), ("Regierung", 3), ("veröffentlicht", 4), ("heute", 2),
            ("ausführlichen", 4), ("Theater", 3), ("Feier", 2), ("Bauer", 2), ("Situation", 5), ("Quelle", 2),
            ("Zeitung", 2), ("Straße", 2), ("Geschäftsführer", 4), ("Boot", 1), ("Typ", 1), ("Ärzte", 2),
        ])
    }

    @Test func french() {
        check("fr", [
            ("le", 1), ("les", 1), ("chat", 1), ("maison", 2), ("grande", 1), ("table", 1), ("dames", 1),
            ("journée", 2), ("idée", 2), ("réaction", 3), ("poète", 2), ("naïf", 2), ("Noël", 2), ("oiseau", 2),
            ("nation", 2), ("aujourd'hui", 3), ("quand", 1), ("guerre", 1), ("aigu", 2), ("créer", 2),
            ("gouvernement", 4), ("président", 3),
        ])
    }

    @Test func spanish() {
        check("es", [
            ("y", 1), ("el", 1), ("día", 2), ("largo", 2), ("niños", 2), ("leen", 2), ("cuentos", 2), ("hoy", 1),
            ("rey", 1), ("muy", 1), ("Uruguay", 3), ("país", 2), ("poeta", 3), ("ciudad", 2), ("buey", 1),
            ("pingüino", 3), ("que", 1), ("guerra", 2), ("aéreo", 4), ("gobierno", 3), ("mayo", 2),
        ])
    }

    @Test func tokensWithoutLettersAndOtherLanguages() {
        let de = VowelGroupSyllables(language: Language(code: "de")!)!
        #expect(de.count("2024") == 1)
        #expect(de.count("x") == 1)
        #expect(VowelGroupSyllables(language: .english) == nil)
        #expect(VowelGroupSyllables(language: Language(code: "pl")!) == nil)
    }
}
