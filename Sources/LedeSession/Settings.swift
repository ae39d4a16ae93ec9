import Foundation
import LedeArticles

/// Session settings changed with `set OPTION VALUE`; saved with the session.
public struct Settings: Codable, Sendable, Equatable {
    public enum OutputFormat: String, Codable, Sendable, CaseIterable {
        case table, plain, json, csv, tsv, jsonl

        /// The format a file name asks for: `.csv`, `.tsv`/`.tab`, `.json`, `.jsonl`/`.ndjson`; nil for any other.
        public init?(fileName: String) {
            switch RawPath.pathExtension(of: fileName).lowercased() {
            case "csv": self = .csv
            case "tsv", "tab": self = .tsv
            case "json": self = .json
            case "jsonl", "ndjson": self = .jsonl
            default: return nil
            }
        }
    }
    public enum Switch: String, Codable, Sendable, CaseIterable { case auto, on, off }

    public var format: OutputFormat = .table
    public var color: Switch = .auto
    public var pager: Switch = .auto
    public var bail = false
    public var echo = false
    public var timer = false
    /// How `fetch`, `feed` and `refresh` fetch (docs/web.md): see `FetchSettings`.
    public var fetch = FetchSettings()
    /// Documents stored per transaction when loading into an archive: a process killed mid-load keeps every batch
    /// committed before it; larger batches store a little faster.
    public var archiveBatch = Settings.defaultArchiveBatch
    public static let defaultArchiveBatch = 4096
    public static let archiveBatchRange = 1...1_000_000

    public init() {}

    /// Missing settings take their defaults, so files from older versions still open.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(OutputFormat.self, forKey: .format) ?? .table
        color = try c.decodeIfPresent(Switch.self, forKey: .color) ?? .auto
        pager = try c.decodeIfPresent(Switch.self, forKey: .pager) ?? .auto
        bail = try c.decodeIfPresent(Bool.self, forKey: .bail) ?? false
        echo = try c.decodeIfPresent(Bool.self, forKey: .echo) ?? false
        timer = try c.decodeIfPresent(Bool.self, forKey: .timer) ?? false
        fetch = try c.decodeIfPresent(FetchSettings.self, forKey: .fetch) ?? FetchSettings()
        archiveBatch = try c.decodeIfPresent(Int.self, forKey: .archiveBatch) ?? Settings.defaultArchiveBatch
        if !Settings.archiveBatchRange.contains(archiveBatch) { archiveBatch = Settings.defaultArchiveBatch }
    }

    private enum CodingKeys: String, CodingKey { case format, color, pager, bail, echo, timer, fetch, archiveBatch }

    /// Settings left at their defaults since older files are not written, so a session file stays as it was.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(color, forKey: .color)
        try c.encode(pager, forKey: .pager)
        try c.encode(bail, forKey: .bail)
        try c.encode(echo, forKey: .echo)
        try c.encode(timer, forKey: .timer)
        if fetch != FetchSettings() { try c.encode(fetch, forKey: .fetch) }
        if archiveBatch != Settings.defaultArchiveBatch { try c.encode(archiveBatch, forKey: .archiveBatch) }
    }

    /// The option names `set` accepts, with the values each takes (none listed: a number or names).
    public static let options: [(name: String, values: [String])] = {
        var all = general
        for f in FetchSettings.options { all.append((f.name, [])) }
        all.append(("archive-batch", []))
        return all
    }()

    private static let general: [(name: String, values: [String])] = [
        ("format", OutputFormat.allCases.map(\.rawValue)),
        ("color", Switch.allCases.map(\.rawValue)),
        ("pager", ["auto", "off"]),
        ("bail", ["on", "off"]),
        ("echo", ["on", "off"]),
        ("timer", ["on", "off"]),
    ]

    public enum SettingError: Error, CustomStringConvertible {
        case unknownOption(String), badValue(option: String, value: String, allowed: [String])
        case badNumber(option: String, value: String, expected: String)
        public var description: String {
            switch self {
            case .unknownOption(let o):
                return "unknown setting '\(o)' (settings: \(Settings.options.map(\.name).joined(separator: ", ")))"
            case .badValue(let o, let v, let allowed):
                return "'\(v)' is not a value for \(o) (expected \(allowed.joined(separator: "|")))"
            case .badNumber(let o, let v, let expected):
                return "'\(v)' is not a value for \(o) (expected \(expected))"
            }
        }
    }

    public mutating func set(_ option: String, _ value: String) throws {
        guard let spec = Settings.options.first(where: { $0.name == option.lowercased() }) else {
            throw SettingError.unknownOption(option)
        }
        if spec.name == "archive-batch" {
            guard let n = Int(value), Settings.archiveBatchRange.contains(n) else {
                throw SettingError.badNumber(option: spec.name, value: value, expected: "a number of documents from 1 to 1000000")
            }
            archiveBatch = n
            return
        }
        if spec.name.hasPrefix("fetch-") { try fetch.set(spec.name, value); return }
        let v = value.lowercased()
        guard spec.values.contains(v) else { throw SettingError.badValue(option: spec.name, value: value, allowed: spec.values) }
        switch spec.name {
        case "format": format = OutputFormat(rawValue: v)!
        case "color": color = Switch(rawValue: v)!
        case "pager": pager = Switch(rawValue: v)!
        case "bail": bail = v == "on"
        case "echo": echo = v == "on"
        default: timer = v == "on"
        }
    }

    /// Current values, in the order of `options`.
    public var values: [(name: String, value: String)] {
        var all: [(name: String, value: String)] = [
            ("format", format.rawValue), ("color", color.rawValue), ("pager", pager.rawValue),
            ("bail", bail ? "on" : "off"), ("echo", echo ? "on" : "off"), ("timer", timer ? "on" : "off")]
        all.append(contentsOf: fetch.values)
        all.append(("archive-batch", String(archiveBatch)))
        return all
    }
}
