import Foundation

/// One command run in a session: its line, when, how long, how it ended, and its structured result.
public struct LogEntry: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case ok, error, cancelled }
    public var command: String
    public var startedAt: Date
    public var durationMs: Double
    public var status: Status
    public var error: String?
    public var result: JSONValue?

    public init(command: String, startedAt: Date, durationMs: Double, status: Status, error: String? = nil, result: JSONValue? = nil) {
        self.command = command; self.startedAt = startedAt; self.durationMs = durationMs
        self.status = status; self.error = error; self.result = result
    }
}

/// The session's result log. Tracks what has not been saved yet, so quitting can warn once.
public final class ResultLog: @unchecked Sendable {
    public private(set) var entries: [LogEntry] = []
    /// Entries whose results changed the session since the last save or open.
    public private(set) var unsaved = 0

    public init() {}

    public func append(_ entry: LogEntry, changesSession: Bool = true) {
        entries.append(entry)
        if changesSession && entry.status == .ok { unsaved += 1 }
    }

    public func markSaved() { unsaved = 0 }

    public func replace(with entries: [LogEntry]) {
        self.entries = entries
        unsaved = 0
    }
}
