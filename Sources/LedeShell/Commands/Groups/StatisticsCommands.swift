import ArgumentParser
import LedeText
import LedeArticles
import LedeAnalysis
import LedeSession

/// The statistics verbs (stats, sentences, keywords, keyness, kwic, collocations), in the order `help` lists them.
extension CommandRegistry {
    static let statisticsCommands: [any ShellCommand.Type] = [
        StatsCommand.self, SentencesCommand.self, KeywordsCommand.self, KeynessCommand.self,
        KwicCommand.self, CollocationsCommand.self,
    ]
}

/// What the statistics commands share: stopword lists, term units, grouping, labels.
enum StatisticsSupport {
    /// `--stopwords none|LANG|FILE`, with the option named in the error.
    static func stopwords(_ spec: String, shell: Shell, verb: String) throws -> Stopwords {
        let looksLikePath = spec.contains("/") || spec.hasPrefix("~") || spec.hasPrefix(".")
        do { return try Stopwords.resolve(looksLikePath ? shell.resolvePath(spec) : spec) }
        catch { throw CommandError("\(verb): --stopwords: \(error)") }
    }

    /// A selection, refusing an empty one.
    static func select(_ selectors: [String], shell: Shell) throws -> [Selection] {
        let picked = try shell.workspace.select(selectors)
        if picked.isEmpty { throw CommandError("the selection is empty") }
        return picked
    }

    /// An article version's label: its name or id, with the version when the article has several.
    static func label(_ s: Selection) -> String {
        s.article.versions.count > 1 ? "\(s.article.displayName)@\(s.version.number)" : s.article.displayName
    }

    /// Term units for keyword counting, with stems when asked.
    static func units(vocabulary: Vocabulary, forms: [String], stopwords: Stopwords, ngram: Int, stem: Bool) throws -> TermUnits {
        do {
            return try TermUnits(forms: forms, stopwords: stopwords, ngram: ngram,
                                 stems: stem ? StemTable.stems(for: vocabulary) : nil, kinds: vocabulary.forms)
        } catch { throw CommandError("\(error)") }
    }

    enum Grouping: String, CaseIterable, ExpressibleByArgument { case source, date, article }

    /// Splits a selection into named groups, in order of first appearance.
    static func group(_ selection: [Selection], by grouping: Grouping?) -> [(name: String, items: [Selection])] {
        guard let grouping else { return [("selection", selection)] }
        var order: [String] = []
        var groups: [String: [Selection]] = [:]
        for s in selection {
            let key: String
            switch grouping {
            case .article: key = label(s)
            case .source: key = s.version.metadata.source ?? "(no source)"
            case .date: key = (s.version.metadata.published).map { String($0.prefix(10)) } ?? "(no date)"
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(s)
        }
        if grouping == .date { order.sort() }
        return order.map { ($0, groups[$0]!) }
    }
}

extension StatisticsSupport {
    /// Text with line breaks and runs of whitespace as single spaces, for one table cell.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
