import Foundation
import Synchronization
import LedeText

/// What readability needs to know about each vocabulary form, computed once per form (not per token):
/// syllables, letters and digits, whether it is on the Dale–Chall easy list, and whether Gunning's rules
/// exempt it from "complex" although it has three or more syllables.
public struct WordFacts: Sendable {
    public var syllables: [UInt8] = []
    public var letters: [UInt8] = []
    public var digits: [UInt8] = []
    public var easy: [Bool] = []
    /// Hyphenated compounds, and words whose third syllable is only an -es/-ed/-ing ending (Gunning 1952).
    public var fogExempt: [Bool] = []
    /// The same facts packed per id, so the per-token loop makes one load.
    var packed: [PackedFact] = []

    public init() {}

    public var count: Int { syllables.count }

    /// How to count a form's syllables and whether it is familiar (Dale–Chall).
    public struct Sources: Sendable {
        public var syllables: @Sendable (String) -> Int
        /// Syllables of a form only when a dictionary knows it (to recognise a real base word).
        public var dictionarySyllables: @Sendable (String) -> Int?
        public var isEasy: @Sendable (String) -> Bool
        public init(syllables: @escaping @Sendable (String) -> Int, dictionarySyllables: @escaping @Sendable (String) -> Int?,
                    isEasy: @escaping @Sendable (String) -> Bool) {
            self.syllables = syllables; self.dictionarySyllables = dictionarySyllables; self.isEasy = isEasy
        }
    }

    /// Adds facts for the forms from `count` on (forms are append-only, so ids never change). The forms
    /// are independent, so large batches (a first corpus load: tens of thousands) are split over the cores.
    public mutating func extend(with forms: [String], sources: Sources) {
        guard forms.count > count else { return }
        let start = count, added = forms.count - start
        let batch = Parallel.mapPerCore(count: added, minimumPerCore: 2048) { range in
            range.map { WordFacts.fact(forms[start + $0], sources: sources) }
        }.joined()
        syllables.reserveCapacity(forms.count); letters.reserveCapacity(forms.count); digits.reserveCapacity(forms.count)
        easy.reserveCapacity(forms.count); fogExempt.reserveCapacity(forms.count); packed.reserveCapacity(forms.count)
        for f in batch {
            syllables.append(f.syllables); letters.append(f.letters); digits.append(f.digits)
            easy.append(f.easy); fogExempt.append(f.fogExempt)
        }
        packed.append(contentsOf: batch)
    }

    static func fact(_ form: String, sources: Sources) -> PackedFact {
        let sy = form.isEmpty ? 0 : sources.syllables(form)
        var l = 0, d = 0
        for b in form.utf8 {
            if (b &- 0x30) < 10 { d += 1 }
            else if ((b | 0x20) &- 0x61) < 26 { l += 1 }
            else if b >= 0xC0 { l += 1 }       // a non-ASCII character's lead byte: letters beyond ASCII
        }
        // Amounts such as "1.13bn" or "600m" are numbers, not unfamiliar words.
        return PackedFact(syllables: UInt8(clamping: sy), letters: UInt8(clamping: l), digits: UInt8(clamping: d),
                          easy: d > 0 ? true : sources.isEasy(form),
                          fogExempt: sy >= 3 && WordFacts.isFogExempt(form, syllables: sy, sources: sources))
    }

    /// Gunning's exemptions: hyphenated compounds, and words that reach three syllables only through an
    /// -es, -ed or -ing ending ("created", "repeating"): a dictionary base word of one or two syllables,
    /// one fewer than the word ("benefited" stays complex: "benefit" has three already).
    static func isFogExempt(_ form: String, syllables: Int, sources: Sources) -> Bool {
        if form.contains("-") { return true }
        for suffix in ["ing", "ed", "es"] where form.hasSuffix(suffix) && form.count > suffix.count + 2 {
            let base = String(form.dropLast(suffix.count))
            var candidates = [base, base + "e"]                       // "repeat", "create"
            if let last = base.last, base.dropLast().last == last {     // "stopped" → "stop"
                candidates.append(String(base.dropLast()))
            }
            for candidate in candidates {
                if let s = sources.dictionarySyllables(candidate), s == syllables - 1, s < 3 { return true }
            }
        }
        return false
    }
}

struct PackedFact {
    var syllables: UInt8, letters: UInt8, digits: UInt8, easy: Bool, fogExempt: Bool
}
