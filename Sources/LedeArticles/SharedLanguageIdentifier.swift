import LedeText

/// The `LanguageIdentifier` a load's workers share: the process's (`LanguageIdentifier.shared`, built the first
/// time a page needs one: reading its word profiles costs more than most pages' extraction), or one given.
public final class SharedLanguageIdentifier: Sendable {
    private let identifier = Locked<LanguageIdentifier?>(nil)

    public init() {}

    /// Shares an identifier the caller already holds.
    public init(_ identifier: LanguageIdentifier) { self.identifier.withLock { $0 = identifier } }

    var value: LanguageIdentifier {
        identifier.withLock { held in
            if let held { return held }
            let made = LanguageIdentifier.shared
            held = made
            return made
        }
    }
}
