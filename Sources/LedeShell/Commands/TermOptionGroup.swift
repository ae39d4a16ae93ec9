import ArgumentParser
import LedeEngine

/// The term options `keywords` and `keyness` share, declared once.
struct TermOptionGroup: ParsableArguments {
    @Option(help: "How many terms to show (1–1,000,000).") var top = 20
    @Flag(help: "Count stems (Snowball English) instead of word forms.") var stem = false
    @Option(help: "Count n-grams of N words (2–5; 1: single words).") var ngram = 1
    @Option(name: .customLong("min-count"), help: "Leave out terms seen fewer times (1–2,147,483,647; keyness counts target and reference together; default: keywords 1, keyness 3).")
    var minCount: Int?
    @Option(help: "Stopwords to leave out: auto (each article's own language: English function words, other languages their lists; with --stem, each language's Snowball stemmer), none, a language (English: function words; others: the jusText lists) or a file.")
    var stopwords = "auto"

    func validate() throws {
        try OptionLimits.check(top, in: OptionLimits.count, "--top")
        if !(1...5).contains(ngram) { throw ValidationError("--ngram \(ngram): give 2 to 5 (or 1 for single words)") }
        if let minCount { try OptionLimits.check(minCount, in: OptionLimits.minCount, "--min-count") }
    }

    /// The options as a request value; a stoplist that looks like a path is resolved as the user meant it.
    func options(defaultMinCount: Int, output: CommandOutput) -> TermOptions {
        TermOptions(top: top, stem: stem, ngram: ngram, minCount: minCount ?? defaultMinCount, stopwords: output.resolveStoplist(stopwords))
    }
}
