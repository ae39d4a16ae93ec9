import Foundation
import LedeText

/// jusText needs the stoplist of the page's language. The declared language (`<html lang>`) is a hint
/// only — pages often declare the site's language, not the article's — so the declared list is used when
/// it matches more of the page's words than the English list does. A page that declares nothing (or whose
/// declaration fits worse than English) and where English fits poorly is given to `LanguageIdentifier`.
enum StoplistChoice {
    /// Below this share of English stopwords among a page's words, English is a poor fit (English prose has
    /// 40 % or more; German, French or Polish text under 10 %).
    static let poorFit = 0.15
    /// How much of the sample the identifier reads (it scores the first 200 words).
    static let identifierSampleBytes = 3_000

    /// The jusText list of the language the identifier tells from `sample`, nil when it is unsure, the language is
    /// English, or lede has no list for it.
    static func identified(_ sample: [String], languages: SharedLanguageIdentifier, catalog: StopwordCatalog) -> Stopwords? {
        var text = ""
        for block in sample {
            if text.utf8.count >= identifierSampleBytes { break }
            text += block
            text += "\n"
        }
        guard !text.isEmpty, let language = languages.value.identify(text), language != .english,
              let name = language.stoplistName, let list = try? catalog.named(name), !list.words.isEmpty else { return nil }
        return list
    }

    static let byCode: [String: String] = [
        "en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
        "nl": "Dutch", "ru": "Russian", "pl": "Polish", "sv": "Swedish", "da": "Danish", "nb": "Norwegian_Bokmal",
        "no": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "fi": "Finnish", "tr": "Turkish", "cs": "Czech",
        "sk": "Slovak", "hu": "Hungarian", "ro": "Romanian", "el": "Greek", "uk": "Ukrainian", "id": "Indonesian",
        "ca": "Catalan", "hr": "Croatian", "bg": "Bulgarian", "sl": "Slovenian", "lt": "Lithuanian", "lv": "Latvian",
        "et": "Estonian", "vi": "Vietnamese", "ar": "Arabic", "he": "Hebrew", "fa": "Persian", "hi": "Hindi", "ms": "Malay",
    ]
    static func stopwords(forLanguageTag tag: String?, from catalog: StopwordCatalog) -> Stopwords? {
        guard let tag, let code = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first,
              let name = byCode[String(code)], name != "English" else { return nil }
        return (try? catalog.named(name)) ?? Stopwords.none
    }

    /// English, or the declared language's list when it fits the sample text better. The sample is only
    /// built when another language is declared (most pages are English or declare nothing).
    static func choose(declared: String?, catalog: StopwordCatalog, sample: () -> [String]) -> Stopwords {
        guard let other = stopwords(forLanguageTag: declared, from: catalog), !other.words.isEmpty else { return .english }
        var english = 0, declaredHits = 0
        for text in sample() {
            // One scan of the text asks both lists about each token.
            var copy = text
            copy.withUTF8 { utf8 in
                Tokenizer.forEachToken(utf8) { range, kind in
                    let surface = UnsafeBufferPointer(rebasing: utf8[range])
                    if Stopwords.english.containsToken(surface, kind: kind) { english += 1 }
                    if other.containsToken(surface, kind: kind) { declaredHits += 1 }
                }
            }
        }
        return declaredHits > english ? other : .english
    }
}
