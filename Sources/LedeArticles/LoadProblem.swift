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
