import Foundation
import LedeText

/// Snowball English stems for a vocabulary, via LedeText's `StemIndex` (kept for the session's vocabulary,
/// so each form is stemmed once per session).
public enum StemTable {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var index: (vocabulary: Vocabulary, stems: StemIndex)?

    /// Token id → stem id for every id of `vocabulary` now, and each stem's form.
    public static func stems(for vocabulary: Vocabulary) -> (of: [UInt32], forms: [String]) {
        let stems: StemIndex = lock.withLock {
            if let current = index, current.vocabulary === vocabulary { return current.stems }
            let made = StemIndex(vocabulary: vocabulary)
            index = (vocabulary, made)
            return made
        }
        let table = stems.stemTable()
        return (table, (0..<stems.stemCount).map { stems.form(ofStem: UInt32($0)) })
    }
}
