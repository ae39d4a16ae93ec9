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
        let expansion = FileExpander.expand(paths)
        let run = Run(files: expansion.files, vocabulary: vocabulary, progress: progress)
        var report = parse(run.files[...], run)
        try Cancellation.check()
        report.problems.insert(contentsOf: expansion.problems, at: 0)
        report.skipped = expansion.skipped
        return report
    }

    /// Loads as `load(paths:vocabulary:progress:)` does, handing the documents to `each` a part at a time (the
    /// documents of `partSize` consecutive files, in order) on the calling thread, while the files after them
    /// are parsed on the other threads: what `each` does with a part (store it) overlaps the parsing of the next.
    /// `each` returns false, or throws, to end the load: files not parsed by then are not parsed. Returns the
    /// load's files, bytes, problems and skipped files; its documents and texts went to `each`.
    public func load(paths: [String], vocabulary: Vocabulary? = nil, partSize: Int,
                     progress: (@Sendable (Int, Int, Int) -> Void)? = nil,
                     each: (LoadedFiles) throws -> Bool) throws -> LoadedFiles {
        LibXML2.initialised
        let expansion = FileExpander.expand(paths)
        let run = Run(files: expansion.files, vocabulary: vocabulary, progress: progress)
        let size = max(1, partSize)
        let parts = stride(from: 0, to: run.files.count, by: size).map { $0..<min(run.files.count, $0 + size) }
        let parsed = PartQueue()
        let ended = DispatchGroup()
        ended.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            for (k, range) in parts.enumerated() {
                guard parsed.waitForRoom(), !Cancellation.isRequested else { break }
                parsed.put(k, parse(run.files[range], run))
            }
            parsed.endParsing()
            ended.leave()
        }
        var totals = LoadedFiles()
        totals.problems = expansion.problems
        totals.skipped = expansion.skipped
        totals.vocabulary = vocabulary
        defer {
            parsed.stop()
            ended.wait()
        }
        for k in parts.indices {
            guard var part = parsed.take(k) else { break }
            totals.files += part.files
            totals.bytes += part.bytes
            totals.problems.append(contentsOf: part.problems)
            part.problems = []
            try Cancellation.check()
            if try !each(part) { break }
        }
        try Cancellation.check()
        return totals
    }

    /// What every part of one load shares: the files, the token tables kept from chunk to chunk, the lock that
    /// parses large files one at a time, and the progress count.
    private final class Run: Sendable {
        let files: [String]
        let vocabulary: Vocabulary?
        let progress: (@Sendable (Int, Int, Int) -> Void)?
        // One token table per worker, kept from chunk to chunk: a chunk merges only the forms that are new to
        // its worker, and asks the stoplist only about those.
        let pool = Locked<[ParseTokens]>([])
        // Large files parse one at a time, so the memory bound holds for one of them at once (MemoryBudget).
        let largeFiles = Locked(())
        let done = Locked((files: 0, bytes: 0))

        init(files: [String], vocabulary: Vocabulary?, progress: (@Sendable (Int, Int, Int) -> Void)?) {
            self.files = files; self.vocabulary = vocabulary; self.progress = progress
        }
    }

    /// Parsed parts, handed from the parsing thread to the caller's in order; the parser waits while a part it
    /// parsed has not been taken, so it runs one part ahead of the caller, not a whole load ahead.
    private final class PartQueue: @unchecked Sendable {
        private let lock = NSCondition()
        private var parts: [Int: LoadedFiles] = [:]
        private var parsingEnded = false
        private var stopped = false

        /// The parser, before each part: false when the caller wants no more parts.
        func waitForRoom() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            while !stopped && !parts.isEmpty { lock.wait() }
            return !stopped
        }

        func put(_ k: Int, _ part: LoadedFiles) {
            lock.lock()
            parts[k] = part
            lock.broadcast()
            lock.unlock()
        }

        /// The parser ended (every part parsed, or stopped).
        func endParsing() {
            lock.lock()
            parsingEnded = true
            lock.broadcast()
            lock.unlock()
        }

        /// Part `k`, waiting for it; nil when parsing ended before it.
        func take(_ k: Int) -> LoadedFiles? {
            lock.lock()
            defer { lock.unlock() }
            while parts[k] == nil && !parsingEnded { lock.wait() }
            let part = parts.removeValue(forKey: k)
            lock.broadcast()
            return part
        }

        func stop() {
            lock.lock()
            stopped = true
            lock.broadcast()
            lock.unlock()
        }
    }

    /// Parses consecutive files on all cores: their documents (and texts) in order, and their problems.
    private func parse(_ files: ArraySlice<String>, _ run: Run) -> LoadedFiles {
        var report = LoadedFiles()
        report.vocabulary = run.vocabulary
        let vocabulary = run.vocabulary
        // Small chunks when there are few files: HTML pages differ in cost by 100×, and 181 pages in chunks of
        // 11 left one core idle at the end of the phase; tens of thousands of text files still go 64 at a time.
        let chunk = max(1, min(64, files.count / (Parallel.cores * 64)))
        let first = files.startIndex
        let chunks = Parallel.map(count: files.count, chunk: chunk) { range -> [FileResult] in
            var tokens = run.pool.withLock { $0.popLast() } ?? ParseTokens(keepsTexts: vocabulary != nil, expectedBytes: 1 << 20)
            defer { run.pool.withLock { [tokens] in $0.append(tokens) } }
            var results = ((first + range.lowerBound)..<(first + range.upperBound)).map { file in
                parseFile(files[file], place: file, tokens: &tokens, largeFiles: run.largeFiles)
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
            if let progress = run.progress {
                let bytes = results.reduce(0) { $0 + $1.bytes }
                let (f, b) = run.done.withLock { done in
                    done.files += range.count; done.bytes += bytes
                    return (done.files, done.bytes)
                }
                progress(f, b, run.files.count)
            }
            return results
        }
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

    func parseFile(_ path: String, place: Int, tokens: inout ParseTokens, largeFiles: Locked<Void>) -> FileResult {
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
        if let beforeParsing = options.beforeParsing, !beforeParsing(place, path, data) { return result }
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
            options.afterParsing?(path, docs)
            result.documents = docs
        } catch let error as LoadError {
            result.problems.append(.init(path: path, message: error.description, severity: .error))
        } catch {
            result.problems.append(.init(path: path, message: "\(error)", severity: .error))
        }
        return result
    }
}
