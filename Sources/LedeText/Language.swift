import Foundation

/// A language lede knows: its code, its names, its bundled stoplist, its Snowball stemmer and its scripts.
///
/// The code is ISO 639-1 where the language has one ("en", "de", "zh"), else ISO 639-3 ("ast", "ceb"), else
/// the Wikipedia code of the variety a bundled stoplist comes from ("simple", "be-tarask"). `Language(tag:)`
/// reads what article metadata holds: BCP 47 tags ("en-GB", "zh-Hans-CN", "pt_BR"), ISO 639-2/3 codes
/// ("deu", "ger", "fra"), retired codes ("iw", "in", "ji", "mo") and English or native names ("German", "Deutsch").
public struct Language: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String

    /// A language by its exact code (see `all`); nil for a code lede does not know.
    public init?(code: String) {
        guard Language.entry(code) != nil else { return nil }
        self.code = code
    }

    /// The language a metadata value names, nil when it names none lede knows. Case, `_` for `-`, region,
    /// script and variant subtags are all accepted: "EN_us" → en, "zh-Hant-TW" → zh, "Français" → fr.
    public init?(tag: String) {
        let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "_", with: "-")
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        if let whole = Language.byAlias[trimmed] { self.code = whole; return }
        let primary = String(trimmed.prefix { $0 != "-" })
        guard let code = Language.byAlias[primary] else { return nil }
        self.code = code
    }

    public var description: String { code }

    /// The English name ("German").
    public var name: String { Language.entry(code)!.name }

    /// The file name (without `.txt`) of the bundled jusText stoplist, nil when none is bundled.
    public var stoplistName: String? { Language.entry(code)!.stoplist }

    /// The Snowball algorithm for this language (`SnowballStemmer`), nil when Snowball has none.
    public var snowballAlgorithm: String? { Language.entry(code)!.snowball }

    /// The scripts the language is written in, as `LanguageIdentifier` tells them apart.
    public var scripts: [Script] { Language.entry(code)!.scripts }

    /// Every language lede knows, in code order.
    public static let all: [Language] = table.map { Language(known: $0.code) }.sorted { $0.code < $1.code }

    public static let english = Language(known: "en")

    // MARK: the table

    init(known code: String) { self.code = code }

    struct Entry: Sendable {
        let code: String, name: String, stoplist: String?, snowball: String?, scripts: [Script]
        /// ISO 639-2/T, 639-2/B, 639-3 codes, retired codes and names (lower case) that also name the language.
        let aliases: [String]
    }

    static func entry(_ code: String) -> Entry? { byCode[code] }

    private static let byCode: [String: Entry] = Dictionary(uniqueKeysWithValues: table.map { ($0.code, $0) })

    private static let byAlias: [String: String] = {
        var map: [String: String] = [:]
        for e in table {
            map[e.code] = e.code
            map[e.name.lowercased()] = e.code
            if let list = e.stoplist { map[list.lowercased()] = e.code; map[list.lowercased().replacingOccurrences(of: "_", with: "-")] = e.code }
            for a in e.aliases where map[a] == nil { map[a] = e.code }
        }
        return map
    }()

    // Stoplists are jusText's (Wikipedia frequency lists); the Snowball names are libstemmer's.
    static let table: [Entry] = [
        Entry(code: "af", name: "Afrikaans", stoplist: "Afrikaans", snowball: nil, scripts: [.latin], aliases: ["afr"]),
        Entry(code: "an", name: "Aragonese", stoplist: "Aragonese", snowball: nil, scripts: [.latin], aliases: ["arg", "aragonés"]),
        Entry(code: "ar", name: "Arabic", stoplist: "Arabic", snowball: "arabic", scripts: [.arabic], aliases: ["ara", "العربية"]),
        Entry(code: "ast", name: "Asturian", stoplist: "Asturian", snowball: nil, scripts: [.latin], aliases: ["asturianu"]),
        Entry(code: "az", name: "Azerbaijani", stoplist: "Azerbaijani", snowball: nil, scripts: [.latin], aliases: ["aze", "azərbaycanca"]),
        Entry(code: "be", name: "Belarusian", stoplist: "Belarusian", snowball: nil, scripts: [.cyrillic], aliases: ["bel", "беларуская"]),
        Entry(code: "be-tarask", name: "Belarusian (Taraškievica)", stoplist: "Belarusian_Taraskievica", snowball: nil, scripts: [.cyrillic], aliases: ["be-x-old"]),
        Entry(code: "bg", name: "Bulgarian", stoplist: "Bulgarian", snowball: nil, scripts: [.cyrillic], aliases: ["bul", "български"]),
        Entry(code: "bn", name: "Bengali", stoplist: "Bengali", snowball: nil, scripts: [.bengali], aliases: ["ben", "bangla", "বাংলা"]),
        Entry(code: "bpy", name: "Bishnupriya Manipuri", stoplist: "Bishnupriya_Manipuri", snowball: nil, scripts: [.bengali], aliases: []),
        Entry(code: "br", name: "Breton", stoplist: "Breton", snowball: nil, scripts: [.latin], aliases: ["bre", "brezhoneg"]),
        Entry(code: "bs", name: "Bosnian", stoplist: "Bosnian", snowball: nil, scripts: [.latin], aliases: ["bos", "bosanski"]),
        Entry(code: "ca", name: "Catalan", stoplist: "Catalan", snowball: "catalan", scripts: [.latin], aliases: ["cat", "català"]),
        Entry(code: "ceb", name: "Cebuano", stoplist: "Cebuano", snowball: nil, scripts: [.latin], aliases: []),
        Entry(code: "cs", name: "Czech", stoplist: "Czech", snowball: nil, scripts: [.latin], aliases: ["ces", "cze", "čeština"]),
        Entry(code: "cv", name: "Chuvash", stoplist: "Chuvash", snowball: nil, scripts: [.cyrillic], aliases: ["chv"]),
        Entry(code: "cy", name: "Welsh", stoplist: "Welsh", snowball: nil, scripts: [.latin], aliases: ["cym", "wel", "cymraeg"]),
        Entry(code: "da", name: "Danish", stoplist: "Danish", snowball: "danish", scripts: [.latin], aliases: ["dan", "dansk"]),
        Entry(code: "de", name: "German", stoplist: "German", snowball: "german", scripts: [.latin], aliases: ["deu", "ger", "deutsch"]),
        Entry(code: "el", name: "Greek", stoplist: "Greek", snowball: "greek", scripts: [.greek], aliases: ["ell", "gre", "ελληνικά"]),
        Entry(code: "en", name: "English", stoplist: "English", snowball: "english", scripts: [.latin], aliases: ["eng"]),
        Entry(code: "eo", name: "Esperanto", stoplist: "Esperanto", snowball: nil, scripts: [.latin], aliases: ["epo"]),
        Entry(code: "es", name: "Spanish", stoplist: "Spanish", snowball: "spanish", scripts: [.latin], aliases: ["spa", "español", "castellano"]),
        Entry(code: "et", name: "Estonian", stoplist: "Estonian", snowball: nil, scripts: [.latin], aliases: ["est", "eesti"]),
        Entry(code: "eu", name: "Basque", stoplist: "Basque", snowball: "basque", scripts: [.latin], aliases: ["eus", "baq", "euskara"]),
        Entry(code: "fa", name: "Persian", stoplist: "Persian", snowball: nil, scripts: [.arabic], aliases: ["fas", "per", "farsi", "فارسی"]),
        Entry(code: "fi", name: "Finnish", stoplist: "Finnish", snowball: "finnish", scripts: [.latin], aliases: ["fin", "suomi"]),
        Entry(code: "fr", name: "French", stoplist: "French", snowball: "french", scripts: [.latin], aliases: ["fra", "fre", "français", "francais"]),
        Entry(code: "fy", name: "West Frisian", stoplist: "West_Frisian", snowball: nil, scripts: [.latin], aliases: ["fry", "frysk"]),
        Entry(code: "ga", name: "Irish", stoplist: "Irish", snowball: "irish", scripts: [.latin], aliases: ["gle", "gaeilge"]),
        Entry(code: "gl", name: "Galician", stoplist: "Galician", snowball: nil, scripts: [.latin], aliases: ["glg", "galego"]),
        Entry(code: "gu", name: "Gujarati", stoplist: "Gujarati", snowball: nil, scripts: [.gujarati], aliases: ["guj", "ગુજરાતી"]),
        Entry(code: "he", name: "Hebrew", stoplist: "Hebrew", snowball: nil, scripts: [.hebrew], aliases: ["heb", "iw", "עברית"]),
        Entry(code: "hi", name: "Hindi", stoplist: "Hindi", snowball: "hindi", scripts: [.devanagari], aliases: ["hin", "हिन्दी", "हिंदी"]),
        Entry(code: "hr", name: "Croatian", stoplist: "Croatian", snowball: nil, scripts: [.latin], aliases: ["hrv", "hrvatski"]),
        Entry(code: "ht", name: "Haitian Creole", stoplist: "Haitian", snowball: nil, scripts: [.latin], aliases: ["hat", "kreyòl"]),
        Entry(code: "hu", name: "Hungarian", stoplist: "Hungarian", snowball: "hungarian", scripts: [.latin], aliases: ["hun", "magyar"]),
        Entry(code: "hy", name: "Armenian", stoplist: "Armenian", snowball: "armenian", scripts: [.armenian], aliases: ["hye", "arm", "հայերեն"]),
        Entry(code: "id", name: "Indonesian", stoplist: "Indonesian", snowball: "indonesian", scripts: [.latin], aliases: ["ind", "in", "bahasa indonesia"]),
        Entry(code: "ig", name: "Igbo", stoplist: "Igbo", snowball: nil, scripts: [.latin], aliases: ["ibo"]),
        Entry(code: "io", name: "Ido", stoplist: "Ido", snowball: nil, scripts: [.latin], aliases: ["ido"]),
        Entry(code: "is", name: "Icelandic", stoplist: "Icelandic", snowball: nil, scripts: [.latin], aliases: ["isl", "ice", "íslenska"]),
        Entry(code: "it", name: "Italian", stoplist: "Italian", snowball: "italian", scripts: [.latin], aliases: ["ita", "italiano"]),
        Entry(code: "ja", name: "Japanese", stoplist: nil, snowball: nil, scripts: [.kana, .han], aliases: ["jpn", "日本語"]),
        Entry(code: "jv", name: "Javanese", stoplist: "Javanese", snowball: nil, scripts: [.latin], aliases: ["jav", "basa jawa"]),
        Entry(code: "ka", name: "Georgian", stoplist: "Georgian", snowball: nil, scripts: [.georgian], aliases: ["kat", "geo", "ქართული"]),
        Entry(code: "kk", name: "Kazakh", stoplist: "Kazakh", snowball: nil, scripts: [.cyrillic], aliases: ["kaz", "қазақша"]),
        Entry(code: "kn", name: "Kannada", stoplist: "Kannada", snowball: nil, scripts: [.kannada], aliases: ["kan", "ಕನ್ನಡ"]),
        Entry(code: "ko", name: "Korean", stoplist: "Korean", snowball: nil, scripts: [.hangul], aliases: ["kor", "한국어"]),
        Entry(code: "ku", name: "Kurdish", stoplist: "Kurdish", snowball: nil, scripts: [.latin], aliases: ["kur", "kurdî"]),
        Entry(code: "ky", name: "Kyrgyz", stoplist: "Kyrgyz", snowball: nil, scripts: [.cyrillic], aliases: ["kir", "kirghiz", "кыргызча"]),
        Entry(code: "la", name: "Latin", stoplist: "Latin", snowball: nil, scripts: [.latin], aliases: ["lat", "latina"]),
        Entry(code: "lb", name: "Luxembourgish", stoplist: "Luxembourgish", snowball: nil, scripts: [.latin], aliases: ["ltz", "lëtzebuergesch"]),
        Entry(code: "lmo", name: "Lombard", stoplist: "Lombard", snowball: nil, scripts: [.latin], aliases: []),
        Entry(code: "lt", name: "Lithuanian", stoplist: "Lithuanian", snowball: "lithuanian", scripts: [.latin], aliases: ["lit", "lietuvių"]),
        Entry(code: "lv", name: "Latvian", stoplist: "Latvian", snowball: nil, scripts: [.latin], aliases: ["lav", "latviešu"]),
        Entry(code: "mk", name: "Macedonian", stoplist: "Macedonian", snowball: nil, scripts: [.cyrillic], aliases: ["mkd", "mac", "македонски"]),
        Entry(code: "ml", name: "Malayalam", stoplist: "Malayalam", snowball: nil, scripts: [.malayalam], aliases: ["mal", "മലയാളം"]),
        Entry(code: "mr", name: "Marathi", stoplist: "Marathi", snowball: nil, scripts: [.devanagari], aliases: ["mar", "मराठी"]),
        Entry(code: "ms", name: "Malay", stoplist: "Malay", snowball: nil, scripts: [.latin], aliases: ["msa", "may", "bahasa melayu"]),
        Entry(code: "mt", name: "Maltese", stoplist: "Maltese", snowball: nil, scripts: [.latin], aliases: ["mlt", "malti"]),
        Entry(code: "nap", name: "Neapolitan", stoplist: "Neapolitan", snowball: nil, scripts: [.latin], aliases: []),
        Entry(code: "nb", name: "Norwegian Bokmål", stoplist: "Norwegian_Bokmal", snowball: "norwegian", scripts: [.latin],
              aliases: ["nob", "no", "nor", "norwegian", "bokmål", "norsk"]),
        Entry(code: "nds", name: "Low Saxon", stoplist: "Low_Saxon", snowball: nil, scripts: [.latin], aliases: ["low german"]),
        Entry(code: "ne", name: "Nepali", stoplist: "Nepali", snowball: "nepali", scripts: [.devanagari], aliases: ["nep", "नेपाली"]),
        Entry(code: "new", name: "Newar", stoplist: "Newar", snowball: nil, scripts: [.devanagari], aliases: []),
        Entry(code: "nl", name: "Dutch", stoplist: "Dutch", snowball: "dutch", scripts: [.latin], aliases: ["nld", "dut", "nederlands", "flemish"]),
        Entry(code: "nn", name: "Norwegian Nynorsk", stoplist: "Norwegian_Nynorsk", snowball: nil, scripts: [.latin], aliases: ["nno", "nynorsk"]),
        Entry(code: "oc", name: "Occitan", stoplist: "Occitan", snowball: nil, scripts: [.latin], aliases: ["oci", "occitan"]),
        Entry(code: "pa", name: "Punjabi", stoplist: nil, snowball: nil, scripts: [.gurmukhi], aliases: ["pan", "panjabi", "ਪੰਜਾਬੀ"]),
        Entry(code: "pl", name: "Polish", stoplist: "Polish", snowball: nil, scripts: [.latin], aliases: ["pol", "polski"]),
        Entry(code: "pms", name: "Piedmontese", stoplist: "Piedmontese", snowball: nil, scripts: [.latin], aliases: []),
        Entry(code: "pnb", name: "Western Panjabi", stoplist: "Western_Panjabi", snowball: nil, scripts: [.arabic], aliases: []),
        Entry(code: "pt", name: "Portuguese", stoplist: "Portuguese", snowball: "portuguese", scripts: [.latin], aliases: ["por", "português"]),
        Entry(code: "qu", name: "Quechua", stoplist: "Quechua", snowball: nil, scripts: [.latin], aliases: ["que", "runasimi"]),
        Entry(code: "ro", name: "Romanian", stoplist: "Romanian", snowball: "romanian", scripts: [.latin], aliases: ["ron", "rum", "mo", "moldavian", "română"]),
        Entry(code: "ru", name: "Russian", stoplist: "Russian", snowball: "russian", scripts: [.cyrillic], aliases: ["rus", "русский"]),
        Entry(code: "rup", name: "Aromanian", stoplist: "Aromanian", snowball: nil, scripts: [.latin], aliases: []),
        Entry(code: "scn", name: "Sicilian", stoplist: "Sicilian", snowball: nil, scripts: [.latin], aliases: []),
        Entry(code: "sgs", name: "Samogitian", stoplist: "Samogitian", snowball: nil, scripts: [.latin], aliases: []),
        Entry(code: "sh", name: "Serbo-Croatian", stoplist: "Serbo_Croatian", snowball: nil, scripts: [.latin, .cyrillic], aliases: ["hbs"]),
        Entry(code: "simple", name: "Simple English", stoplist: "Simple_English", snowball: nil, scripts: [.latin], aliases: []),
        Entry(code: "sk", name: "Slovak", stoplist: "Slovak", snowball: nil, scripts: [.latin], aliases: ["slk", "slo", "slovenčina"]),
        Entry(code: "sl", name: "Slovenian", stoplist: "Slovenian", snowball: nil, scripts: [.latin], aliases: ["slv", "slovene", "slovenščina"]),
        Entry(code: "sq", name: "Albanian", stoplist: "Albanian", snowball: nil, scripts: [.latin], aliases: ["sqi", "alb", "shqip"]),
        Entry(code: "sr", name: "Serbian", stoplist: "Serbian", snowball: "serbian", scripts: [.cyrillic, .latin], aliases: ["srp", "српски", "srpski"]),
        Entry(code: "su", name: "Sundanese", stoplist: "Sundanese", snowball: nil, scripts: [.latin], aliases: ["sun"]),
        Entry(code: "sv", name: "Swedish", stoplist: "Swedish", snowball: "swedish", scripts: [.latin], aliases: ["swe", "svenska"]),
        Entry(code: "sw", name: "Swahili", stoplist: "Swahili", snowball: nil, scripts: [.latin], aliases: ["swa", "kiswahili"]),
        Entry(code: "ta", name: "Tamil", stoplist: "Tamil", snowball: "tamil", scripts: [.tamil], aliases: ["tam", "தமிழ்"]),
        Entry(code: "te", name: "Telugu", stoplist: "Telugu", snowball: nil, scripts: [.telugu], aliases: ["tel", "తెలుగు"]),
        Entry(code: "th", name: "Thai", stoplist: nil, snowball: nil, scripts: [.thai], aliases: ["tha", "ไทย"]),
        Entry(code: "tk", name: "Turkmen", stoplist: "Turkmen", snowball: nil, scripts: [.latin], aliases: ["tuk", "türkmençe"]),
        Entry(code: "tl", name: "Tagalog", stoplist: "Tagalog", snowball: nil, scripts: [.latin], aliases: ["tgl", "filipino", "fil"]),
        Entry(code: "tr", name: "Turkish", stoplist: "Turkish", snowball: "turkish", scripts: [.latin], aliases: ["tur", "türkçe"]),
        Entry(code: "uk", name: "Ukrainian", stoplist: "Ukrainian", snowball: nil, scripts: [.cyrillic], aliases: ["ukr", "українська"]),
        Entry(code: "ur", name: "Urdu", stoplist: "Urdu", snowball: nil, scripts: [.arabic], aliases: ["urd", "اردو"]),
        Entry(code: "uz", name: "Uzbek", stoplist: "Uzbek", snowball: nil, scripts: [.latin], aliases: ["uzb", "oʻzbekcha"]),
        Entry(code: "vi", name: "Vietnamese", stoplist: "Vietnamese", snowball: nil, scripts: [.latin], aliases: ["vie", "tiếng việt"]),
        Entry(code: "vo", name: "Volapük", stoplist: "Volapuk", snowball: nil, scripts: [.latin], aliases: ["vol", "volapuk"]),
        Entry(code: "wa", name: "Walloon", stoplist: "Walloon", snowball: nil, scripts: [.latin], aliases: ["wln", "walon"]),
        Entry(code: "war", name: "Waray", stoplist: "Waray_Waray", snowball: nil, scripts: [.latin], aliases: ["waray-waray"]),
        Entry(code: "yi", name: "Yiddish", stoplist: nil, snowball: "yiddish", scripts: [.hebrew], aliases: ["yid", "ji", "ייִדיש"]),
        Entry(code: "yo", name: "Yoruba", stoplist: "Yoruba", snowball: nil, scripts: [.latin], aliases: ["yor", "yorùbá"]),
        Entry(code: "zh", name: "Chinese", stoplist: nil, snowball: nil, scripts: [.han], aliases: ["zho", "chi", "中文", "汉语", "漢語", "cmn", "yue"]),
    ]
}
