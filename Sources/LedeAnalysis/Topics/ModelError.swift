import Foundation
import LedeText

public struct ModelError: Error, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }
}
