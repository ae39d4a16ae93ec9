import Foundation
import LedeText

/// One command run in a session: its line, when, how long, how it ended, and its structured result.
/// The result is kept as the command's own typed value and encoded only when written (`save`, `--json`):
/// converting every result to a JSON tree up front would cost as much as the command on big selections.
public struct LogEntry: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case ok, error, cancelled }
    public var command: String
    public var startedAt: Date
    public var durationMs: Double
    public var status: Status
    public var error: String?
    private var stored: StoredResult?

    /// The result as a JSON tree (converted on first use for a typed result).
    public var result: JSONValue? { stored?.json }

    public init(command: String, startedAt: Date, durationMs: Double, status: Status, error: String? = nil, result: JSONValue? = nil) {
        self.command = command; self.startedAt = startedAt; self.durationMs = durationMs
        self.status = status; self.error = error; self.stored = result.map(StoredResult.init(json:))
    }

    public init(command: String, startedAt: Date, durationMs: Double, status: Status, error: String? = nil,
                typedResult: (any Encodable & Sendable)?) {
        self.command = command; self.startedAt = startedAt; self.durationMs = durationMs
        self.status = status; self.error = error; self.stored = typedResult.map(StoredResult.init(typed:))
    }

    enum CodingKeys: String, CodingKey { case command, startedAt, durationMs, status, error, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        command = try c.decode(String.self, forKey: .command)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        durationMs = try c.decode(Double.self, forKey: .durationMs)
        status = try c.decode(Status.self, forKey: .status)
        error = try c.decodeIfPresent(String.self, forKey: .error)
        stored = try c.decodeIfPresent(JSONValue.self, forKey: .result).map(StoredResult.init(json:))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(command, forKey: .command)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(durationMs, forKey: .durationMs)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(error, forKey: .error)
        if let stored { try stored.encode(to: c.superEncoder(forKey: .result)) }
    }

    /// An entry read from a line of a session file: its fields now, its result when first asked for.
    static func fromSessionLine(_ line: Data, decoder: JSONDecoder) throws -> LogEntry {
        struct Fields: Decodable {
            var command: String, startedAt: Date, durationMs: Double, status: Status, error: String?
        }
        let f = try decoder.decode(Fields.self, from: line)
        var entry = LogEntry(command: f.command, startedAt: f.startedAt, durationMs: f.durationMs, status: f.status, error: f.error,
                             result: nil)
        if line.range(of: Data("\"result\":".utf8)) != nil { entry.stored = StoredResult(entryLine: line) }
        return entry
    }

    /// The line a session file read this entry from, to write it again as it was.
    var sessionLine: Data? { stored?.entryLine }

    /// The entry without its result: what the log keeps of commands whose output is not a session result
    /// (`show`, `list`, `help`…), so a saved session does not carry every text it showed.
    public var withoutResult: LogEntry {
        var entry = self
        entry.stored = nil
        return entry
    }

    public static func == (a: LogEntry, b: LogEntry) -> Bool {
        a.command == b.command && a.startedAt == b.startedAt && a.durationMs == b.durationMs
            && a.status == b.status && a.error == b.error && a.result == b.result
    }
}

/// A logged result: a typed value encoded straight from its own Codable conformance, or a JSON tree read
/// back from a session file.
final class StoredResult: Sendable {
    private let typed: (any Encodable & Sendable)?
    /// A whole log entry as a session file holds it: its result is parsed only when asked for.
    let entryLine: Data?
    private let tree: Locked<JSONValue?>

    init(json: JSONValue) { typed = nil; entryLine = nil; tree = Locked(json) }
    init(typed: any Encodable & Sendable) { self.typed = typed; entryLine = nil; tree = Locked(nil) }
    init(entryLine: Data) { typed = nil; self.entryLine = entryLine; tree = Locked(nil) }

    /// The result as a JSON tree; a result read back from a session file is expanded (`ResultCompaction`).
    var json: JSONValue? {
        tree.withLock { tree in
            if tree == nil, let typed { tree = try? JSONValue.from(typed) }
            if tree == nil, let entryLine, case .object(let entry)? = try? JSONParser.parse(entryLine) { tree = entry["result"] }
            return tree.map(ResultCompaction.expand)
        }
    }

    func encode(to encoder: Encoder) throws {
        if let typed { try typed.encode(to: encoder) }
        else if entryLine != nil { try json.encode(to: encoder) }
        else { try tree.withLock { $0 }.encode(to: encoder) }
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
