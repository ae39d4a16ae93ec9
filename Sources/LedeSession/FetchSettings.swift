import Foundation

/// How `fetch`, `feed` and `refresh` fetch: `set fetch-… VALUE`, saved with the session. The engine turns these
/// into LedeWeb's `FetchConfiguration` (docs/web.md lists the rules each one sets).
public struct FetchSettings: Codable, Sendable, Equatable {
    /// Seconds for a whole fetch (every redirect hop).
    public var timeout = 30.0
    /// Seconds to resolve the name and connect (TLS handshake included).
    public var connectTimeout = 10.0
    /// The largest body accepted, in megabytes (after decompression).
    public var maxMegabytes = 10
    /// Redirects followed per URL.
    public var redirects = 10
    /// Seconds between two requests to one host.
    public var delay = 1.0
    /// Hosts fetched at once.
    public var hosts = 4
    /// Requests in flight in all.
    public var connections = 8
    /// Hosts fetched without the per-host delay (`name` or `name:port`): only servers you run yourself.
    public var politenessOff: [String] = []

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FetchSettings()
        func clamp<T: Comparable>(_ v: T?, _ range: ClosedRange<T>, _ fallback: T) -> T { v.map { range.contains($0) ? $0 : fallback } ?? fallback }
        timeout = clamp(try c.decodeIfPresent(Double.self, forKey: .timeout), FetchSettings.secondsRange, d.timeout)
        connectTimeout = clamp(try c.decodeIfPresent(Double.self, forKey: .connectTimeout), FetchSettings.secondsRange, d.connectTimeout)
        maxMegabytes = clamp(try c.decodeIfPresent(Int.self, forKey: .maxMegabytes), FetchSettings.megabytesRange, d.maxMegabytes)
        redirects = clamp(try c.decodeIfPresent(Int.self, forKey: .redirects), FetchSettings.redirectsRange, d.redirects)
        delay = clamp(try c.decodeIfPresent(Double.self, forKey: .delay), FetchSettings.delayRange, d.delay)
        hosts = clamp(try c.decodeIfPresent(Int.self, forKey: .hosts), FetchSettings.countRange, d.hosts)
        connections = clamp(try c.decodeIfPresent(Int.self, forKey: .connections), FetchSettings.countRange, d.connections)
        politenessOff = try c.decodeIfPresent([String].self, forKey: .politenessOff) ?? []
    }

    static let secondsRange = 0.1...3600.0
    static let delayRange = 0.0...600.0
    static let megabytesRange = 1...1024
    static let redirectsRange = 0...50
    static let countRange = 1...64

    /// The `set` names, each with what its value is.
    public static let options: [(name: String, expected: String)] = [
        ("fetch-timeout", "seconds from 0.1 to 3600"),
        ("fetch-connect-timeout", "seconds from 0.1 to 3600"),
        ("fetch-max-size", "megabytes from 1 to 1024"),
        ("fetch-redirects", "a number from 0 to 50"),
        ("fetch-delay", "seconds from 0 to 600"),
        ("fetch-hosts", "a number from 1 to 64"),
        ("fetch-connections", "a number from 1 to 64"),
        ("fetch-politeness-off", "host names or name:port, comma-separated, or none"),
    ]

    mutating func set(_ name: String, _ value: String) throws {
        let expected = FetchSettings.options.first { $0.name == name }?.expected ?? ""
        let bad = Settings.SettingError.badNumber(option: name, value: value, expected: expected)
        func number(_ range: ClosedRange<Double>) throws -> Double {
            guard let x = Double(value), x.isFinite, range.contains(x) else { throw bad }
            return x
        }
        func integer(_ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(value), range.contains(n) else { throw bad }
            return n
        }
        switch name {
        case "fetch-timeout": timeout = try number(FetchSettings.secondsRange)
        case "fetch-connect-timeout": connectTimeout = try number(FetchSettings.secondsRange)
        case "fetch-max-size": maxMegabytes = try integer(FetchSettings.megabytesRange)
        case "fetch-redirects": redirects = try integer(FetchSettings.redirectsRange)
        case "fetch-delay": delay = try number(FetchSettings.delayRange)
        case "fetch-hosts": hosts = try integer(FetchSettings.countRange)
        case "fetch-connections": connections = try integer(FetchSettings.countRange)
        case "fetch-politeness-off":
            let hosts = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            if hosts == ["none"] || hosts.isEmpty { politenessOff = []; return }
            // A host name or name:port: letters, digits, dots, hyphens, colons and brackets (IPv6) only.
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-:[]")
            guard hosts.allSatisfy({ $0.allSatisfy(allowed.contains) }) else { throw bad }
            politenessOff = hosts
        default: throw Settings.SettingError.unknownOption(name)
        }
    }

    var values: [(name: String, value: String)] {
        func seconds(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
        return [("fetch-timeout", seconds(timeout)), ("fetch-connect-timeout", seconds(connectTimeout)),
                ("fetch-max-size", String(maxMegabytes)), ("fetch-redirects", String(redirects)), ("fetch-delay", seconds(delay)),
                ("fetch-hosts", String(hosts)), ("fetch-connections", String(connections)),
                ("fetch-politeness-off", politenessOff.isEmpty ? "none" : politenessOff.joined(separator: ","))]
    }
}
