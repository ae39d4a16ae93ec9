import Foundation
import LedeArticles
import LedeArchive

/// An open archive and what the session knows of it: which workspace version each stored version is (the
/// workspace orders versions by date, the archive numbers them in the order they were stored), and the tags
/// the archive holds from other programs (origin `user`), which lede keeps as they are.
public final class ArchiveLink {
    public let archive: Archive
    /// The file as the user named it.
    public let file: String
    /// Stored version (article id, the archive's number) → the workspace's version.
    var versions: [VersionKey: ArticleVersion] = [:]
    /// Per article id, the tags whose origin in the archive is `user`.
    var userTags: [String: Set<String>] = [:]
    /// Names the log entries of this process (`session_log.session`).
    let session: String

    init(archive: Archive, file: String) {
        self.archive = archive
        self.file = file
        session = "\(ProcessInfo.processInfo.processIdentifier)-\(ArchiveLink.stamp(Date()))"
    }

    struct VersionKey: Hashable {
        var article: String
        var number: Int
    }

    /// The workspace's version of a stored one, when it is in the workspace.
    func version(_ article: String, _ number: Int) -> ArticleVersion? { versions[VersionKey(article: article, number: number)] }

    /// Room for `count` more versions at once (opening an archive records every one).
    func reserve(_ count: Int) { versions.reserveCapacity(versions.count + count) }

    func record(_ version: ArticleVersion, article: String, number: Int) {
        versions[VersionKey(article: article, number: number)] = version
    }

    private static func stamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
