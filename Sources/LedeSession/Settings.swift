import Foundation

/// Session settings changed with `set OPTION VALUE`; saved with the session.
public struct Settings: Codable, Sendable, Equatable {
    public enum OutputFormat: String, Codable, Sendable, CaseIterable {
        case table, plain, json, csv, tsv, jsonl

        /// The format a file name asks for: `.csv`, `.tsv`/`.tab`, `.json`, `.jsonl`/`.ndjson`; nil for any other.
        public init?(fileName: String) {
            switch (fileName as NSString).pathExtension.lowercased() {
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
    }

    /// The option names `set` accepts, with the values each takes.
    public static let options: [(name: String, values: [String])] = [
        ("format", OutputFormat.allCases.map(\.rawValue)),
        ("color", Switch.allCases.map(\.rawValue)),
        ("pager", ["auto", "off"]),
        ("bail", ["on", "off"]),
        ("echo", ["on", "off"]),
        ("timer", ["on", "off"]),
    ]

    public enum SettingError: Error, CustomStringConvertible {
        case unknownOption(String), badValue(option: String, value: String, allowed: [String])
        public var description: String {
            switch self {
            case .unknownOption(let o):
                return "unknown setting '\(o)' (settings: \(Settings.options.map(\.name).joined(separator: ", ")))"
            case .badValue(let o, let v, let allowed):
                return "'\(v)' is not a value for \(o) (expected \(allowed.joined(separator: "|")))"
            }
        }
    }

    public mutating func set(_ option: String, _ value: String) throws {
        guard let spec = Settings.options.first(where: { $0.name == option.lowercased() }) else {
            throw SettingError.unknownOption(option)
        }
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
        [("format", format.rawValue), ("color", color.rawValue), ("pager", pager.rawValue),
         ("bail", bail ? "on" : "off"), ("echo", echo ? "on" : "off"), ("timer", timer ? "on" : "off")]
    }
}
