import Foundation
import LedeText
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One problem met while loading: the file (or argument) and what is wrong with it.
public struct LoadProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case warning, error }
    public var path: String
    public var message: String
    public var severity: Severity
    public init(path: String, message: String, severity: Severity) {
        self.path = path; self.message = message; self.severity = severity
    }
    public var description: String { "\(path): \(message)" }
}

public struct LoadOptions: Sendable {
    public var maxFileSize: Int = 64 << 20
    /// `--field text=article_body` style overrides for JSON records.
    public var fieldOverrides: [String: String] = [:]
    /// Called by the worker that read a file, with its bytes, before they are parsed; false leaves the file
    /// unparsed (an archive that already holds these exact bytes: an unchanged file costs a hash, not a parse).
    public var beforeParsing: (@Sendable (_ path: String, _ bytes: Data) -> Bool)?
    public init() {}
}

/// What a load produced: the documents in input order, and every problem met.
public struct LoadReport: Sendable {
    public var documents: [ParsedDocument] = []
    /// Each document's tokenised body, in the same order, when the load was given a vocabulary; else empty.
    /// The documents then no longer hold their bodies (`ParsedDocument.hasBody`): the texts rebuild them.
    public var texts: [TokenizedText] = []
    /// The vocabulary `texts` were interned in.
    public var vocabulary: Vocabulary?
    public var problems: [LoadProblem] = []
    public var files = 0
    public var bytes = 0
    /// README/LICENSE-style files met while expanding folders and globs, not loaded (see `FileExpander`).
    public var skipped: [String] = []
    public init() {}
}

/// Expands paths (files, folders recursively, globs) and parses each file by its detected format, in parallel.
public struct ArticleLoader: Sendable {
    /// Names the parsing rules that made a document: raised whenever a change to a parser can change what it
    /// extracts from the same bytes (an archive records it with each version, so old versions can be re-parsed).
    public static let parserVersion = "1"

    public var options: LoadOptions
    public init(options: LoadOptions = LoadOptions()) { self.options = options }

    /// `progress` is called from worker threads with (files done, bytes done, files total).
    /// With a `vocabulary`, each document's body is also tokenised and interned there (`LoadReport.texts`):
    /// in the same pass as parsing, a chunk of files per batch, while each body is still in cache.
    public func load(paths: [String], vocabulary: Vocabulary? = nil,
                     progress: (@Sendable (Int, Int, Int) -> Void)? = nil) throws -> LoadReport {
        _ = ArticleLoader.heapTuned
        var report = LoadReport()
        report.vocabulary = vocabulary
        let expansion = FileExpander.expand(paths)
        report.problems.append(contentsOf: expansion.problems)
        report.skipped = expansion.skipped
        let files = expansion.files
        // One token table per worker, kept from chunk to chunk: a chunk merges only the forms that are new to
        // its worker, and asks the stoplist only about those.
        let pool = Mutex<[ParseTokens]>([])
        var results = ParallelMap.mapChunks(files, progress: progress) { chunk in
            var tokens = pool.withLock { $0.popLast() } ?? ParseTokens(keepsTexts: vocabulary != nil, expectedBytes: 1 << 20)
            defer { pool.withLock { [tokens] in $0.append(tokens) } }
            var results = chunk.map { path in
                try? Cancellation.check()
                return parseFile(path, tokens: &tokens)
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
            return results
        }
        try Cancellation.check()
        // Sized once, and each file's result released as soon as it is copied: with tens of thousands of
        // files, a doubling array and the per-file arrays alive together were ~20 MB of the peak.
        let documentCount = results.reduce(0) { $0 + $1.documents.count }
        report.documents.reserveCapacity(documentCount)
        if vocabulary != nil { report.texts.reserveCapacity(documentCount) }
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
        return report
    }

    /// A load allocates hundreds of MB in small pieces; glibc grows its heaps by the request plus M_TOP_PAD
    /// (128 KB by default), one syscall and a trip through the kernel each time. A 64 MB pad cuts the system
    /// time of loading /tmp/bbc20 by about a quarter (0.43 s → 0.31 s); the pad is address space, not resident
    /// memory (peak RSS unchanged). Fast bins are turned off (M_MXFAST 0; each thread's cache still serves
    /// small blocks): the first large allocation after the parallel phase otherwise walked every small block
    /// the workers had freed (malloc_consolidate, about 1.5 % of a bbc20 load). Set once, on the first load.
    static let heapTuned: Bool = {
        #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which the Glibc module does not export: look it up instead.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let M_TOP_PAD: Int32 = -2, M_MXFAST: Int32 = 1
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }  // RTLD_DEFAULT
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        return mallopt(M_TOP_PAD, 64 << 20) == 1 && mallopt(M_MXFAST, 0) == 1
        #else
        return false
        #endif
    }()

    struct FileResult: Sendable {
        var documents: [ParsedDocument] = []
        var texts: [TokenizedText] = []
        var problems: [LoadProblem] = []
        var bytes = 0
    }

    func parseFile(_ path: String, tokens: inout ParseTokens) -> FileResult {
        var result = FileResult()
        if Cancellation.isRequested { return result }
        let data: Data
        switch FileBytes.read(path, limit: options.maxFileSize) {
        case .success(let bytes): data = bytes
        case .failure(.tooLarge(let size)):
            result.problems.append(.init(path: path, message: "file is \(ByteCount.format(size)), over --max-size \(ByteCount.format(options.maxFileSize)); skipped", severity: .error))
            return result
        case .failure(.unreadable(let reason)):
            result.problems.append(.init(path: path, message: "cannot read file (\(reason))", severity: .error))
            return result
        }
        result.bytes = data.count
        if let beforeParsing = options.beforeParsing, !beforeParsing(path, data) { return result }
        do {
            let docs = try DocumentParser.parse(data: data, path: path, options: options, tokens: &tokens)
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

/// Why a file could not be loaded.
public enum LoadError: Error, CustomStringConvertible, Equatable {
    case empty, binary, noBody(String), malformed(String)
    public var description: String {
        switch self {
        case .empty: return "file is empty"
        case .binary: return "binary file (contains NUL bytes); skipped"
        case .noBody(let why): return "no article text found (\(why))"
        case .malformed(let why): return why
        }
    }
}

public enum ByteCount {
    public static func format(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1 << 20 { return String(format: "%.1f KB", Double(n) / 1024) }
        if n < 1 << 30 { return String(format: "%.1f MB", Double(n) / 1048576) }
        return String(format: "%.1f GB", Double(n) / 1073741824)
    }
}

/// Reads a whole file with POSIX open/fstat/read into one buffer: no Foundation attribute dictionary and no
/// intermediate copy (the loader reads tens of thousands of small files).
enum FileBytes {
    enum Failure: Error { case tooLarge(Int), unreadable(String) }

    static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.unreadable("is a folder")) }
        let size = Int(info.st_size)
        if size > limit { return .failure(.tooLarge(size)) }
        // Read into a malloc'd buffer that Data then owns: `Data(count:)` would zero every byte first.
        guard let base = malloc(max(1, size)) else { return .failure(.unreadable("out of memory")) }
        var filled = 0
        while filled < size {
            let n = Glibc.read(fd, base + filled, size - filled)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                free(base)
                return .failure(.unreadable(reason))
            }
            if n == 0 { break }          // the file shrank while we read it
            filled += n
        }
        var data = Data(bytesNoCopy: base, count: filled, deallocator: .free)
        // Files that report no size (e.g. /proc, pipes) are read to their end in pieces.
        if size == 0 {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 { if errno == EINTR { continue }; return .failure(.unreadable(String(cString: strerror(errno)))) }
                if n == 0 { break }
                data.append(contentsOf: chunk[0..<n])
                if data.count > limit { return .failure(.tooLarge(data.count)) }
            }
        }
        return .success(data)
    }
}
