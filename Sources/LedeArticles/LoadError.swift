import Foundation
import LedeText
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

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
