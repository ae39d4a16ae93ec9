import Foundation
import LedeArticles
import LedeAnalysis

/// The session document written by `save` and read by `open` (schema: session.schema.json beside this file).
/// Format 2 carries every version's text, the trained models and the result log; format 1 (older leses) may
/// lack text, and is still read.
public struct SessionDocument: Codable, Sendable {
    public static let currentFormatVersion = 2

    public var formatVersion: Int
    public var ledeVersion: String
    public var createdAt: Date
    public var settings: Settings
    public var models: [SavedModel]
    public var log: [LogEntry]
    public var articles: [SavedArticle]
    /// Named groups of articles (absent in files from before collections).
    public var collections: [ArticleCollection]?

    public init(formatVersion: Int = SessionDocument.currentFormatVersion, ledeVersion: String, createdAt: Date, settings: Settings,
                models: [SavedModel], log: [LogEntry], articles: [SavedArticle], collections: [ArticleCollection]? = nil) {
        self.formatVersion = formatVersion; self.ledeVersion = ledeVersion; self.createdAt = createdAt; self.settings = settings
        self.models = models; self.log = log; self.articles = articles; self.collections = collections
    }

    public struct SavedArticle: Codable, Sendable {
        public var id: String
        public var name: String?
        public var tags: [String]
        public var versions: [SavedVersion]
        public init(id: String, name: String?, tags: [String], versions: [SavedVersion]) {
            self.id = id; self.name = name; self.tags = tags; self.versions = versions
        }
    }

    public struct SavedVersion: Codable, Sendable {
        public var number: Int
        public var sourcePath: String
        public var recordKey: String?
        public var format: ArticleFormat
        public var metadata: ArticleMetadata
        public var contentHash: String
        public var loadedAt: Date
        public var words: Int
        public var paragraphs: Int
        /// The body paragraphs: always there in format 2; in format 1 only when saved `--with-text`.
        public var text: [String]?
        public var dropped: [DroppedBlock]?
    }

    /// A classifier trained in the session, with the articles it learnt from (what `evaluate` needs).
    public struct SavedModel: Codable, Sendable {
        public var name: String
        public var model: NaiveBayesModel
        public var training: [TrainingExample]?
        public var labelSource: String?
        public init(name: String, model: NaiveBayesModel, training: [TrainingExample]?, labelSource: String?) {
            self.name = name; self.model = model; self.training = training; self.labelSource = labelSource
        }
    }

    public struct TrainingExample: Codable, Sendable {
        public var article: String
        public var version: Int
        public var label: String
        public init(article: String, version: Int, label: String) { self.article = article; self.version = version; self.label = label }
    }

    enum CodingKeys: String, CodingKey { case formatVersion, ledeVersion, createdAt, settings, models, collections, log, articles }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        ledeVersion = try c.decode(String.self, forKey: .ledeVersion)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        settings = try c.decode(Settings.self, forKey: .settings)
        models = try c.decodeIfPresent([SavedModel].self, forKey: .models) ?? []
        log = try c.decode([LogEntry].self, forKey: .log)
        articles = try c.decode([SavedArticle].self, forKey: .articles)
        collections = try c.decodeIfPresent([ArticleCollection].self, forKey: .collections)
    }
}

extension SessionDocument {
    /// The first article field that `open` cannot restore as written, with its path; nil when all are sound.
    /// Ids are what `load` makes (`a1`, `a2`, …, below a billion) and unique; every article has versions;
    /// format 2 carries every version's text.
    func articleProblem() -> String? {
        var seen = Set<String>(), names = Set<String>()
        for (i, a) in articles.enumerated() {
            if let problem = a.problem(index: i, needsText: formatVersion >= 2) { return problem }
            guard seen.insert(a.id).inserted else { return "articles[\(i)].id \(a.id) appears twice" }
            if let name = a.name, !names.insert(name).inserted { return "articles[\(i)].name '\(name)' appears twice" }
        }
        for (i, m) in models.enumerated() where m.name.isEmpty || m.name.contains(where: \.isWhitespace) {
            return "models[\(i)].name '\(m.name)' is not a model name"
        }
        return nil
    }
}

extension SessionDocument.SavedArticle {
    /// What is wrong with one article as written (its path starting `articles[index]`), or nil.
    func problem(index i: Int, needsText: Bool) -> String? {
        guard Workspace.idNumber(id) != nil else { return "articles[\(i)].id is not an article id like a12" }
        if versions.isEmpty { return "articles[\(i)].versions is empty" }
        for (k, v) in versions.enumerated() {
            let path = "articles[\(i)].versions[\(k)]"
            if v.number != k + 1 { return "\(path).number is \(v.number), expected \(k + 1)" }
            if needsText && v.text == nil { return "\(path).text is missing" }
            if v.words < 0 || v.paragraphs < 0 { return "\(path): a negative count" }
        }
        return nil
    }
}
