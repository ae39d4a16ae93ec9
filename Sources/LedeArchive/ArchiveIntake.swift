import Foundation
import LedeArticles
import LedeText

/// Prepares a load into an archive, on the loader's worker threads: each file's bytes are fingerprinted before
/// parsing; a file whose bytes the archive already holds from that path (read by this parser version) is not
/// parsed at all; the bytes of every other file are compressed there, in parallel, for the single writer; and
/// each parsed document's text key is computed while its body is at hand (the store then rebuilds a body from
/// its tokens only for a text the archive does not hold).
///
///     let intake = try ArchiveIntake(archive: archive)
///     var options = LoadOptions(); options.beforeParsing = intake.beforeParsing; options.afterParsing = intake.afterParsing
///     let report = try ArticleLoader(options: options).load(paths: paths, vocabulary: vocabulary)
///     let outcomes = try archive.store(intake.documents(from: report))   // in batches for a large load
///     // intake.unchanged: the files skipped, with the articles the archive holds from them
public final class ArchiveIntake: Sendable {
    private let known: [String: KnownSource]
    private let knownRaws: Set<Fingerprint>
    private let directory: String
    private let state = Locked(State())
    private let compressors = Locked<[CompressorBox]>([])

    private struct State {
        var rawByPath: [String: Fingerprint] = [:]
        var copies: [Fingerprint: RawCopy] = [:]
        var claimed: Set<Fingerprint> = []
        var unchanged: [UnchangedFile] = []
    }
    /// Text keys by file path, in shards by the path's hash: the workers that parse files add to them at once.
    private let textKeyShards = (0..<16).map { _ in Locked<[String: [TextKey]]>([:]) }

    /// A file skipped because the archive holds its exact bytes, and the articles read from them.
    public struct UnchangedFile: Sendable, Equatable {
        /// Its place among the load's files (`LoadOptions.beforeParsing`): the report lists them in that order.
        public var place: Int
        public var path: String
        public var articles: [String]
        public var numbers: [Int]
    }

    public init(archive: Archive) throws {
        known = try archive.sourceIndex()
        knownRaws = try archive.rawHashes()
        directory = SourcePath.currentDirectory()
    }

    /// For `LoadOptions.beforeParsing`.
    public var beforeParsing: @Sendable (Int, String, Data) -> Bool {
        { [self] place, path, data in self.inspect(place: place, path: path, data: data) }
    }

    /// Fingerprints a file's bytes: false (do not parse) when the archive holds them from this path; else
    /// keeps a compressed copy for `documents(from:)` and returns true.
    public func inspect(place: Int = 0, path: String, data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            let hash = Fingerprint.of(bytes)
            if let source = known[SourcePath.key(path, from: directory)], source.rawHash == hash {
                let file = UnchangedFile(place: place, path: path, articles: source.articles.map(\.id), numbers: source.articles.map(\.number))
                state.withLock { $0.unchanged.append(file) }
                return false
            }
            let held = knownRaws.contains(hash)
            let mustCompress = state.withLock { s in
                s.rawByPath[path] = hash
                return !held && s.claimed.insert(hash).inserted
            }
            if mustCompress {
                let box = compressors.withLock { $0.popLast() } ?? CompressorBox()
                let copy = RawCopy.make(bytes, hash: hash, compressor: box.compressor)
                compressors.withLock { $0.append(box) }
                state.withLock { $0.copies[hash] = copy }
            }
            return true
        }
    }

    /// For `LoadOptions.afterParsing`.
    public var afterParsing: @Sendable (String, [ParsedDocument]) -> Void {
        { [self] path, documents in
            guard documents.allSatisfy(\.hasBody) else { return }
            let keys = documents.map { TextKey($0) }
            self.textKeyShards[path.hashValue & 15].withLock { $0[path] = keys }
        }
    }

    /// The text keys of a load's documents (a file's documents consecutive, as a loader gives them), where this
    /// intake saw them parsed.
    public func textKeys(for documents: [ParsedDocument]) -> [TextKey?] {
        var keys: [TextKey?] = []
        keys.reserveCapacity(documents.count)
        var inFile = 0
        for i in documents.indices {
            inFile = i > 0 && documents[i].path == documents[i - 1].path ? inFile + 1 : 0
            let path = documents[i].path
            keys.append(textKeyShards[path.hashValue & 15].withLock { $0[path] }.flatMap { inFile < $0.count ? $0[inFile] : nil })
        }
        return keys
    }

    /// The files skipped as unchanged so far (and not taken), in no particular order.
    public var unchanged: [UnchangedFile] { state.withLock { $0.unchanged } }

    /// Takes the files skipped as unchanged whose place is before `place`, in the order of their places (a load
    /// handed on a part at a time has inspected every file before the part's end).
    public func takeUnchanged(before place: Int) -> [UnchangedFile] {
        let taken = state.withLock { s -> [UnchangedFile] in
            let taken = s.unchanged.filter { $0.place < place }
            if !taken.isEmpty { s.unchanged.removeAll { $0.place < place } }
            return taken
        }
        return taken.sorted { $0.place < $1.place }
    }

    /// The raw copy kept for a file this intake saw (a reference when the archive already holds the bytes).
    public func raw(forPath path: String) -> RawCopy? {
        state.withLock { s in
            guard let hash = s.rawByPath[path] else { return nil }
            return s.copies[hash] ?? .reference(hash: hash, size: 0)
        }
    }

    /// The report's documents, ready for `Archive.store`: each with its body (the report's tokenised text when
    /// it has one), its file's raw copy, and its word count.
    public func documents(from report: LoadedFiles, name: String? = nil, loadedAt: Date = Date()) -> [ArchiveDocument] {
        let hasTexts = report.texts.count == report.documents.count
        let keys = textKeys(for: report.documents)
        return report.documents.indices.map { i in
            let d = report.documents[i]
            let body: ArchiveDocument.Body = hasTexts ? .text(report.texts[i]) : .bytes(d.bodyUTF8)
            return ArchiveDocument(document: d, body: body, name: name, raw: raw(forPath: d.path), loadedAt: loadedAt,
                                   words: hasTexts ? report.texts[i].tokenCount : nil, textKey: keys[i])
        }
    }
}

/// A compressor handed from worker to worker (one at a time).
private final class CompressorBox: @unchecked Sendable {
    let compressor = RawCompressor()
}
