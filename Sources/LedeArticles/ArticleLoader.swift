import Foundation
import LedeText
#if canImport(Glibc)
import Glibc
#endif

/// Expands paths (files, folders recursively, globs) and parses each file by its detected format, in parallel.
public struct ArticleLoader: Sendable {
    /// Names the parsing rules that made a document: raised whenever a change to a parser can change what it
    /// extracts from the same bytes (an archive records it with each version, so old versions can be re-parsed).
    public static let parserVersion = "1"

    public var options: LoadOptions
    public init(options: LoadOptions = LoadOptions()) { self.options = options }

    /// `progress` is called from worker threads with (files done, bytes done, files total).
    /// With a `vocabulary`, each document's body is also tokenised and interned there (`LoadedFiles.texts`):
    /// in the same pass as parsing, a chunk of files per batch, while each body is still in cache.
    public func load(paths: [String], vocabulary: Vocabulary? = nil,
                     progress: (@Sendable (Int, Int, Int) -> Void)? = nil) throws -> LoadedFiles {
        LibXML2.initialised
        var report = LoadedFiles()
        report.vocabulary = vocabulary
        let expansion = FileExpander.expand(paths)
        report.problems.append(contentsOf: expansion.problems)
        report.skipped = expansion.skipped
        let files = expansion.files
        // One token table per worker, kept from chunk to chunk: a chunk merges only the forms that are new to
        // its worker, and asks the stoplist only about those.
        let pool = Locked<[ParseTokens]>([])
        // Large files parse one at a time, so the memory bound holds for one of them at once (MemoryBudget).
        let largeFiles = Locked(())
        let done = Locked((files: 0, bytes: 0))
        // Small chunks when there are few files: HTML pages differ in cost by 100×, and 181 pages in chunks of
        // 11 left one core idle at the end of the phase; tens of thousands of text files still go 64 at a time.
        let chunk = max(1, min(64, files.count / (Parallel.cores * 64)))
        let chunks = Parallel.map(count: files.count, chunk: chunk) { range -> [FileResult] in
            var tokens = pool.withLock { $0.popLast() } ?? ParseTokens(keepsTexts: vocabulary != nil, expectedBytes: 1 << 20)
            defer { pool.withLock { [tokens] in $0.append(tokens) } }
            var results = files[range].map { path in
                try? Cancellation.check()
                return parseFile(path, tokens: &tokens, largeFiles: largeFiles)
            }
            var texts = tokens.endChunk(into: vocabulary)[...]
            if !texts.isEmpty {
                for i in results.indices {
                    results[i].texts = Array(texts.prefix(results[i].documents.count))
                    texts = texts.dropFirst(results[i].documents.count)
                    // Each text rebuilds its body from its tokens: the documents need not keep a copy.
                    for j in results[i].documents.indices { results[i].documents[j].releaseBody() }
                }
            }
            if let progress {
                let bytes = results.reduce(0) { $0 + $1.bytes }
                let (f, b) = done.withLock { done in
                    done.files += range.count; done.bytes += bytes
                    return (done.files, done.bytes)
                }
                progress(f, b, files.count)
            }
            return results
        }
        try Cancellation.check()
        // Sized once, and each file's result released as soon as it is copied: with tens of thousands of
        // files, a doubling array and the per-file arrays alive together were ~20 MB of the peak.
        let documentCount = chunks.reduce(0) { $0 + $1.reduce(0) { $0 + $1.documents.count } }
        report.documents.reserveCapacity(documentCount)
        if vocabulary != nil { report.texts.reserveCapacity(documentCount) }
        for var results in chunks {
            for i in results.indices {
                var r = FileResult()
                swap(&r, &results[i])
                report.files += 1
                report.bytes += r.bytes
                // A file's one document and text are moved, not copied: a copy retains each (an object another core
                // made: a cache miss per document, tens of thousands in all).
                if r.documents.count == 1 { report.documents.append(r.documents.removeLast()) } else { report.documents.append(contentsOf: r.documents) }
                if r.texts.count == 1 { report.texts.append(r.texts.removeLast()) } else { report.texts.append(contentsOf: r.texts) }
                report.problems.append(contentsOf: r.problems)
            }
        }
        return report
    }

    struct FileResult: Sendable {
        var documents: [ParsedDocument] = []
        var texts: [TokenizedText] = []
        var problems: [LoadProblem] = []
        var bytes = 0
    }

    func parseFile(_ path: String, tokens: inout ParseTokens, largeFiles: Locked<Void>) -> FileResult {
        var result = FileResult()
        if Cancellation.isRequested { return result }
        let data: Data
        switch FileBytes.read(path, limit: options.maxFileSize, memory: options.memory) {
        case .success(let bytes): data = bytes
        case .failure(.tooLarge(let size)):
            result.problems.append(.init(path: path, message: "file is \(ByteCount.format(size)), over --max-size \(ByteCount.format(options.maxFileSize)); skipped", severity: .error))
            return result
        case .failure(.needsMemory(let refusal)):
            result.problems.append(.init(path: path, message: refusal, severity: .error))
            return result
        case .failure(.unreadable(let reason)):
            result.problems.append(.init(path: path, message: "cannot read file (\(reason))", severity: .error))
            return result
        }
        result.bytes = data.count
        if let beforeParsing = options.beforeParsing, !beforeParsing(path, data) { return result }
        do {
            let docs: [ParsedDocument]
            if data.count >= MemoryBudget.largeFile {
                docs = try largeFiles.withLock { _ in
                    // Asked again now that the large file before this one is done.
                    if let refusal = options.memory.refusal(forFileOf: data.count) { throw LoadError.malformed(refusal) }
                    return try DocumentParser.parse(data: data, path: path, options: options, tokens: &tokens)
                }
            } else {
                docs = try DocumentParser.parse(data: data, path: path, options: options, tokens: &tokens)
            }
            for d in docs { result.problems.append(contentsOf: d.warnings.map { LoadProblem(path: path, message: $0, severity: .warning) }) }
            result.documents = docs
        } catch let error as LoadError {
            result.problems.append(.init(path: path, message: error.description, severity: .error))
        } catch {
            result.problems.append(.init(path: path, message: "\(error)", severity: .error))
        }
        return result
    }
}
