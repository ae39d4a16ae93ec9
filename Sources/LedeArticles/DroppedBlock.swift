import Foundation
import LedeText
import Synchronization

/// A block the loader did not keep as body text, and why (the "explain" of loading).
public struct DroppedBlock: Codable, Sendable, Equatable {
    public var text: String
    public var reason: String
    /// How many kept paragraphs came before it in the document, so kept and dropped blocks can be shown in
    /// their original order; nil when unknown.
    public var position: Int?
    public init(text: String, reason: String, position: Int? = nil) {
        self.text = text; self.reason = reason; self.position = position
    }
}
