import LedeText
import LedeAnalysis
import LedeSession

extension Engine {
    /// `--stopwords none|LANG|FILE` (a path already resolved by the caller).
    func stopwords(_ spec: String) throws -> Stopwords {
        do { return try stoplists.resolve(spec) } catch { throw EngineError("--stopwords: \(error)") }
    }
}

extension Selection {
    /// The version's label in reports: its article's name or id, with the version when there are several.
    public var label: String {
        article.versions.count > 1 ? "\(article.displayName)@\(version.number)" : article.displayName
    }
}

/// Text with line breaks and runs of whitespace as single spaces, for one table cell or CSV field.
func oneLine(_ s: String) -> String {
    s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
}
