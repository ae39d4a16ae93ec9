import Foundation
import LedeText

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
    public init() {}
}

/// What a load produced: the documents in input order, and every problem met.
public struct LoadReport: Sendable {
    public var documents: [ParsedDocument] = []
    public var problems: [LoadProblem] = []
    public var files = 0
    public var bytes = 0
    /// README/LICENSE-style files met while expanding folders and globs, not loaded (see `FileExpander`).
    public var skipped: [String] = []
    public init() {}
}

/// Expands paths (files, folders recursively, globs) and parses each file by its detected format, in parallel.
public struct ArticleLoader: Sendable {
    public var options: LoadOptions
    public init(options: LoadOptions = LoadOptions()) { self.options = options }

    /// `progress` is called from worker threads with (files done, bytes done, files total).
    public func load(paths: [String], progress: (@Sendable (Int, Int, Int) -> Void)? = nil) throws -> LoadReport {
        var report = LoadReport()
        let expansion = FileExpander.expand(paths)
        report.problems.append(contentsOf: expansion.problems)
        report.skipped = expansion.skipped
        let files = expansion.files
        let results = ParallelMap.map(files, progress: progress) { path in
            try? Cancellation.check()
            return parseFile(path)
        }
        try Cancellation.check()
        for r in results {
            report.files += 1
            report.bytes += r.bytes
            report.documents.append(contentsOf: r.documents)
            report.problems.append(contentsOf: r.problems)
        }
        return report
    }

    struct FileResult: Sendable {
        var documents: [ParsedDocument] = []
        var problems: [LoadProblem] = []
        var bytes = 0
    }

    func parseFile(_ path: String) -> FileResult {
        var result = FileResult()
        if Cancellation.isRequested { return result }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        if size > options.maxFileSize {
            result.problems.append(.init(path: path, message: "file is \(ByteCount.format(size)), over --max-size \(ByteCount.format(options.maxFileSize)); skipped", severity: .error))
            return result
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            result.problems.append(.init(path: path, message: "cannot read file (permission denied?)", severity: .error))
            return result
        }
        result.bytes = data.count
        do {
            let docs = try DocumentParser.parse(data: data, path: path, options: options)
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
