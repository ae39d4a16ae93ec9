import Foundation
import LedeText
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What a load produced: the documents in input order, and every problem met.
public struct LoadedFiles: Sendable {
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
