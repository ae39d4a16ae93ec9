import Foundation
@testable import LedeSession
import LedeArticles

/// The session-file reader: the version check, the schema check of every field, decoding and the article checks;
/// a file it accepts is restored into a workspace from its saved texts, as `open` does.
final class SessionTarget: FuzzTarget {
    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let document = try? SessionFile.read(data: Data(bytes), path: "fuzz.json") else { return }
        let workspace = Workspace()
        for article in document.articles {
            let versions = article.versions.map { v in
                (ParsedDocument(path: v.sourcePath, format: v.format, metadata: v.metadata, paragraphs: v.text ?? [],
                                dropped: v.dropped ?? [], recordKey: v.recordKey), v.loadedAt)
            }
            workspace.restore(id: article.id, name: article.name, tags: article.tags, versions: versions)
        }
        _ = try? workspace.select(["all"])
    }
}
