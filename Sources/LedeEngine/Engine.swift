import Foundation
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession
import LedeArchive

/// One lede session: the workspace of articles, everything derived from its vocabulary (stems, topic keys,
/// word facts, cached statistics, stoplists), the trained models, the settings and the result log. Every verb
/// is a typed request answered with a typed, Codable report (what `--json` prints and the session log keeps);
/// the shell only declares options, calls one method here and displays the report. Used from one thread at a
/// time (the shell's); the work inside a request is spread over the cores with `Parallel`.
public final class Engine {
    public static let version = "0.1.0"

    public private(set) var workspace: Workspace
    public let log = ResultLog()
    public var settings = Settings()
    public let models = TopicModels()
    /// The lists `--stopwords LANG` and the loader's language choice read, each once per session.
    public let stoplists = StopwordCatalog()
    private(set) var indexes: SessionIndexes
    /// Finds an article's language when its page does not say (the process's one, built on first need: about 40 ms).
    var languageIdentifier: LanguageIdentifier { LanguageIdentifier.shared }
    /// The identifier the loader uses for pages that do not declare their language, built once per session.
    let loaderLanguages = SharedLanguageIdentifier()
    /// The archive the session stores into and reads from (`archive FILE`, `lede --archive FILE`), when open.
    public internal(set) var archiveLink: ArchiveLink?
    /// Searching the workspace without an archive: its texts in an in-memory archive, kept while the session lasts.
    var workspaceSearch: WorkspaceSearch?
    /// Problems with the archive that did not stop a command (tags not stored while another process wrote), until
    /// the shell shows them.
    var archiveWarnings: [String] = []

    public init() {
        let workspace = Workspace()
        self.workspace = workspace
        indexes = SessionIndexes(vocabulary: workspace.vocabulary)
    }

    /// Puts another workspace in place (`open`): the indexes of the old vocabulary go with it.
    func replaceWorkspace(with workspace: Workspace) {
        self.workspace = workspace
        indexes = SessionIndexes(vocabulary: workspace.vocabulary)
        workspaceSearch = nil
    }

    /// The versions `selectors` pick (all when empty); an empty selection is an error.
    /// Their texts are tokenised: an analysis reads them next.
    func select(_ selectors: [String]) throws -> [Selection] {
        let picked = try workspace.select(selectors)
        if picked.isEmpty { throw EngineError("the selection is empty") }
        try tokenizeTexts(of: picked.map(\.version))
        return picked
    }

    /// Tokenises those texts of `versions` that are not yet (read back from a session file or an archive), on
    /// all cores, before an analysis reads them; one at a time, on first use, would take one core. Cancellable.
    func tokenizeTexts(of versions: [ArticleVersion]) throws {
        try workspace.tokenizeTexts(of: versions)
    }
}
