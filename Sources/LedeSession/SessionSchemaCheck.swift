import Foundation

/// Checks a parsed session file against `session.schema.json`, the subset of JSON Schema it uses (`type`, `const`,
/// `enum`, `required`, `properties`, `additionalProperties`, `items`, `minItems`, `minimum`, `pattern`,
/// `format: date-time`, `$ref` into `$defs`). The schema file is the one description of the format: `open` refuses
/// a file with the first field that breaks it, named by its path (`articles[2].versions[0].words: -5 is below 0`).
struct SessionSchemaCheck {
    private let root: [String: Any]
    private var patterns: [String: NSRegularExpression] = [:]
    private let dates = ISO8601DateFormatter()

    /// The schema shipped with lede; nil if the resource is missing (then only decoding checks the file).
    init?() {
        guard let url = Bundle.module.url(forResource: "session.schema", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let schema = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        self.init(schema: schema)
    }

    init(schema: [String: Any]) {
        root = schema
    }

    /// The first problem in `value`, or nil when it matches the schema.
    mutating func problem(in value: Any) -> String? {
        check(value, root, path: "")
    }

    private mutating func check(_ value: Any, _ schema: [String: Any], path: String) -> String? {
        var schema = schema
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else { return nil }
            schema = target
        }
        let at = path.isEmpty ? "top level" : path
        if let constant = schema["const"], !Self.equal(value, constant) {
            return "\(at): \(Self.show(value)) should be \(Self.show(constant))"
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
            return "\(at): \(Self.show(value)) is not one of \(options.map(Self.show).joined(separator: ", "))"
        }
        if let type = schema["type"] as? String, let wrong = Self.typeProblem(value, type) {
            return "\(at): \(wrong)"
        }
        if let minimum = schema["minimum"], let low = Self.number(minimum), let number = Self.number(value), number < low {
            return "\(at): \(Self.show(value)) is below \(Self.show(minimum))"
        }
        if let string = value as? String {
            if let pattern = schema["pattern"] as? String {
                let regex: NSRegularExpression?
                if let cached = patterns[pattern] { regex = cached } else {
                    regex = try? NSRegularExpression(pattern: pattern)
                    patterns[pattern] = regex
                }
                if let regex, regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) == nil {
                    return "\(at): \(Self.show(string)) does not match \(pattern)"
                }
            }
            if schema["format"] as? String == "date-time", dates.date(from: string) == nil {
                return "\(at): \(Self.show(string)) is not an ISO 8601 date and time"
            }
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                return "\(path.isEmpty ? "" : path + ".")\(key) is missing"
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : path + "." + key
                if let sub = properties[key] as? [String: Any] {
                    if let problem = check(object[key]!, sub, path: child) { return problem }
                } else if schema["additionalProperties"] as? Bool == false {
                    return "\(child) is not a field of a session file"
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum {
                return "\(at) has \(array.count) items; at least \(minimum) expected"
            }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() {
                    if let problem = check(item, items, path: "\(path)[\(i)]") { return problem }
                }
            }
        }
        return nil
    }

    // MARK: JSON values as JSONSerialization gives them

    private static func isBoolean(_ value: Any) -> Bool {
        guard let n = value as? NSNumber, !(value is String) else { return false }
        return String(cString: n.objCType) == "c"
    }

    private static func number(_ value: Any) -> Double? {
        guard !isBoolean(value), let n = value as? NSNumber else { return nil }
        return n.doubleValue
    }

    private static func typeProblem(_ value: Any, _ type: String) -> String? {
        let ok: Bool
        switch type {
        case "string": ok = value is String
        case "boolean": ok = isBoolean(value)
        case "number": ok = number(value).map { $0.isFinite } ?? false
        case "integer":
            guard let n = value as? NSNumber, let x = number(value) else { ok = false; break }
            if x.rounded() != x || abs(x) > 9_007_199_254_740_992 || (String(cString: n.objCType) == "Q" && n.uint64Value > UInt64(Int.max)) {
                return "\(show(value)) is not a whole number lede can hold"
            }
            ok = true
        case "object": ok = value is [String: Any]
        case "array": ok = value is [Any]
        case "null": ok = value is NSNull
        default: ok = true
        }
        return ok ? nil : "\(show(value)) is not \(type == "integer" || type == "array" || type == "object" ? "an" : "a") \(type)"
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if isBoolean(a) != isBoolean(b) { return false }
        if let x = number(a), let y = number(b) { return x == y }
        return false
    }

    /// A value as it would be written in JSON, cut short.
    private static func show(_ value: Any) -> String {
        let text: String
        if let s = value as? String { text = "'" + s + "'" }
        else if isBoolean(value) { text = (value as! NSNumber).boolValue ? "true" : "false" }
        else if let n = value as? NSNumber { text = n.stringValue }
        else if value is NSNull { text = "null" }
        else if value is [Any] { text = "a list" }
        else if value is [String: Any] { text = "an object" }
        else { text = "\(value)" }
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
