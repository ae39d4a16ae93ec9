import ArgumentParser
import Foundation
import LedeArticles
import LedeSession

struct OpenCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a saved session: its articles, settings and result log replace the current ones.")
    static let recordsResult = false
    static let argumentKind = ArgumentKind.paths

    @Argument(help: "The session file.") var file: String

    struct Result: CommandResult {
        var file: String, articles: Int, versions: Int, results: Int, warnings: [String]
        var display: [DisplayBlock] {
            [.text("opened \(file): \(Format.plural(articles, "article")) (\(Format.plural(versions, "version"))), \(Format.plural(results, "result"))"
                   + (warnings.isEmpty ? "" : "; \(Format.plural(warnings.count, "warning"))"))]
        }
    }

    mutating func execute(in shell: Shell) throws -> any CommandResult {
        let path = shell.resolvePath(file)
        // Read and rebuild everything before touching the session: a bad file leaves it as it was.
        let doc = try SessionFile.read(path)
        let workspace = Workspace()
        var warnings: [String] = []
        var versions = 0
        for saved in doc.articles {
            var restored: [(ParsedDocument, Date)] = []
            for v in saved.versions {
                versions += 1
                if let text = v.text {
                    restored.append((ParsedDocument(path: v.sourcePath, format: v.format, metadata: v.metadata, paragraphs: text,
                                                    dropped: v.dropped ?? [], recordKey: v.recordKey), v.loadedAt))
                    continue
                }
                // Saved without text: read the source again and check it is still the same text.
                let reloaded = (FileManager.default.contents(atPath: v.sourcePath)).flatMap { data in
                    try? DocumentParser.parse(data: data, path: v.sourcePath)
                }
                let match = reloaded?.first { ContentHash.of(TextNormalizer.normalise($0.body)) == v.contentHash }
                    ?? reloaded?.first { $0.recordKey == v.recordKey && v.recordKey != nil }
                if let match {
                    if ContentHash.of(TextNormalizer.normalise(match.body)) != v.contentHash {
                        warnings.append("\(saved.id)@\(v.number): \(v.sourcePath) changed since the session was saved")
                    }
                    var d = match
                    d.metadata = v.metadata
                    restored.append((d, v.loadedAt))
                } else {
                    warnings.append("\(saved.id)@\(v.number): \(v.sourcePath) is missing or changed; kept metadata only (save with --with-text to keep text)")
                    restored.append((ParsedDocument(path: v.sourcePath, format: v.format, metadata: v.metadata, paragraphs: [],
                                                    recordKey: v.recordKey), v.loadedAt))
                }
            }
            workspace.restore(id: saved.id, name: saved.name, tags: saved.tags, versions: restored)
        }
        shell.workspace = workspace
        shell.settings = doc.settings
        shell.log.replace(with: doc.log)
        for w in warnings { shell.warn(w) }
        return Result(file: file, articles: doc.articles.count, versions: versions, results: doc.log.count, warnings: warnings)
    }
}
