import Foundation
import LedeText
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

public struct LoadOptions: Sendable {
    public var maxFileSize: Int = 64 << 20
    /// `--field text=article_body` style overrides for JSON records.
    public var fieldOverrides: [String: String] = [:]
    /// Stoplists of declared page languages, read once per catalog (a session passes its own).
    public var stoplists = StopwordCatalog()
    /// Tells a page's language when it declares none or the wrong one (for the stoplist of the boilerplate rules).
    public var languages = SharedLanguageIdentifier()
    /// The charset a server declared for the bytes (`Content-Type`), for a fetched page: it outranks `<meta charset>`.
    public var declaredCharset: String?
    /// Called by the worker that read a file, with its place among the load's files (0, 1, … in the order the
    /// load lists them) and its bytes, before they are parsed; false leaves the file unparsed (an archive that
    /// already holds these exact bytes: an unchanged file costs a hash, not a parse).
    public var beforeParsing: (@Sendable (_ file: Int, _ path: String, _ bytes: Data) -> Bool)?
    /// Called by the same worker with the file's documents, while their bodies are at hand (before a tokenising
    /// load releases them).
    public var afterParsing: (@Sendable (_ path: String, _ documents: [ParsedDocument]) -> Void)?
    /// The memory a file may take while it loads; refuses files that cannot fit.
    public var memory = MemoryBudget()
    public init() {}
}
