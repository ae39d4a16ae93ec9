/// The names a researcher uses for the built-in IPTC Media Topics: each topic's short name and QCode (what `tag`
/// stores), every word of its label ("economy, business and finance": economy, business, finance), and a few
/// common aliases (tech, sports, labor, war). `tag:business` then finds the articles tagged `economy`, and says so.
public enum TopicNames {
    public struct Topic: Sendable, Equatable {
        public var code: String
        public var name: String
        public var label: String
    }

    /// The IPTC Media Topics top level as `Resources/taxonomies/iptc-mediatopics.json` names it (a test checks
    /// they agree).
    public static let topics: [Topic] = [
        Topic(code: "01000000", name: "arts", label: "arts, culture, entertainment and media"),
        Topic(code: "02000000", name: "crime", label: "crime, law and justice"),
        Topic(code: "03000000", name: "disaster", label: "disaster, accident and emergency incident"),
        Topic(code: "04000000", name: "economy", label: "economy, business and finance"),
        Topic(code: "05000000", name: "education", label: "education"),
        Topic(code: "06000000", name: "environment", label: "environment"),
        Topic(code: "07000000", name: "health", label: "health"),
        Topic(code: "08000000", name: "human-interest", label: "human interest"),
        Topic(code: "09000000", name: "labour", label: "labour"),
        Topic(code: "10000000", name: "lifestyle", label: "lifestyle and leisure"),
        Topic(code: "11000000", name: "politics", label: "politics"),
        Topic(code: "12000000", name: "religion", label: "religion"),
        Topic(code: "13000000", name: "science", label: "science and technology"),
        Topic(code: "14000000", name: "society", label: "society"),
        Topic(code: "15000000", name: "sport", label: "sport"),
        Topic(code: "16000000", name: "conflict", label: "conflict, war and peace"),
        Topic(code: "17000000", name: "weather", label: "weather"),
    ]

    /// Aliases beyond the labels' own words.
    static let aliases: [String: String] = [
        "tech": "science", "sports": "sport", "labor": "labour", "economics": "economy", "markets": "economy",
        "war": "conflict", "military": "conflict", "climate": "environment", "medicine": "health", "film": "arts",
        "music": "arts", "culture": "arts", "entertainment": "arts", "law": "crime", "travel": "lifestyle",
        "faith": "religion", "government": "politics", "elections": "politics", "human interest": "human-interest",
    ]

    /// The topic a name stands for: its short name, QCode, full label, a word of its label, or an alias.
    public static func resolve(_ text: String) -> Topic? {
        let t = text.lowercased()
        if let topic = topics.first(where: { $0.name == t || $0.code == t || $0.label == t }) { return topic }
        if let name = aliases[t] { return topics.first { $0.name == name } }
        return topics.first { topic in labelWords(topic.label).contains(t) }
    }

    /// "economy, business and finance" → economy, business, finance.
    static func labelWords(_ label: String) -> [String] {
        label.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { $0 != "and" && !$0.isEmpty }
    }
}
