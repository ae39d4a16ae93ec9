import Foundation
import LedeSession

/// TAB completion that knows the context: verbs first; then the options of the verb being typed;
/// article ids and names where a selector is expected; file paths after load/source/save/open and `>`.
public struct Completion: Equatable, Sendable {
    /// The partial word being completed, as typed.
    public var partial: String
    /// Full candidate words (each starts with `partial`); directories end in "/".
    public var candidates: [String]

    /// The longest prefix shared by every candidate.
    public var commonPrefix: String {
        guard var prefix = candidates.first else { return partial }
        for c in candidates.dropFirst() {
            while !c.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

public enum Completer {
    public static func complete(_ textBeforeCursor: String, shell: Shell) -> Completion {
        let endsInSpace = textBeforeCursor.last.map { $0 == " " || $0 == "\t" } ?? true
        var words = textBeforeCursor.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let partial = endsInSpace ? "" : (words.popLast() ?? "")
        // Redirection: a path, whatever the verb.
        if let last = words.last, last == ">" || last == ">>" { return paths(partial, shell: shell) }
        if partial.hasPrefix(">") {
            let inner = paths(String(partial.drop(while: { $0 == ">" })), shell: shell)
            let marker = String(partial.prefix(while: { $0 == ">" }))
            return Completion(partial: partial, candidates: inner.candidates.map { marker + $0 })
        }
        guard let verbWord = words.first else {
            return Completion(partial: partial, candidates: CommandRegistry.allNames.filter { $0.hasPrefix(partial.lowercased()) && $0 != "." }.sorted())
        }
        guard let type = CommandRegistry.lookup(verbWord) else { return Completion(partial: partial, candidates: []) }
        if partial.hasPrefix("-") {
            return Completion(partial: partial, candidates: optionNames(of: type).filter { $0.hasPrefix(partial) })
        }
        if let previous = words.last, previous.hasPrefix("--"), takesPath(option: previous) {
            return paths(partial, shell: shell)
        }
        // After an option that takes a value: its values when they are a fixed set (`keywords --by `), else nothing
        // (a number or a free word: article ids would be wrong there).
        if let previous = words.last, previous.hasPrefix("-"), previous != "--vs", let option = option(previous, of: type), option.takesValue {
            return Completion(partial: partial, candidates: option.values.filter { $0.lowercased().hasPrefix(partial.lowercased()) })
        }
        // `keyness --vs` takes selectors or a reference corpus on disk: a path once the word looks like one.
        if words.last(where: { $0.hasPrefix("--") }) == "--vs", partial.contains("/") || partial.hasPrefix("~") || partial.hasPrefix(".") {
            return paths(partial, shell: shell)
        }
        switch Completer.argumentKind(type) {
        case .none, .words: return Completion(partial: partial, candidates: [])
        case .paths: return paths(partial, shell: shell)
        case .verbs:
            return Completion(partial: partial, candidates: CommandRegistry.commands.map { Completer.verb($0) }.filter { $0.hasPrefix(partial) }.sorted())
        case .settings:
            let args = words.dropFirst().filter { !$0.hasPrefix("-") }
            if args.isEmpty {
                return Completion(partial: partial, candidates: Settings.options.map(\.name).filter { $0.hasPrefix(partial) })
            }
            let values = Settings.options.first { $0.name == args.first!.lowercased() }?.values ?? []
            return Completion(partial: partial, candidates: args.count == 1 ? values.filter { $0.hasPrefix(partial) } : [])
        case .selectors:
            // Prefixes (`da` → `date:`) and operators when the word could be one; then what is loaded.
            var candidates = selectors(shell).filter { $0.hasPrefix(partial) }
            if candidates.isEmpty, !partial.isEmpty, !partial.contains(":") {
                candidates += SelectorField.allCases.map { $0.rawValue + ":" }.filter { $0.hasPrefix(partial.lowercased()) && !candidates.contains($0) }
            }
            return Completion(partial: partial, candidates: candidates)
        }
    }

    static func argumentKind<T: ShellCommand>(_ type: T.Type) -> ArgumentKind { T.argumentKind }
    static func verb<T: ShellCommand>(_ type: T.Type) -> String { T.verb }

    /// Article ids, names, `NAME@N` for multi-version articles, `all`, and `tag:`/`source:` values.
    static func selectors(_ shell: Shell) -> [String] {
        var out: [String] = ["all"]
        var tags = Set<String>(), sources = Set<String>()
        for a in shell.workspace.articles {
            out.append(a.id)
            if let name = a.name {
                out.append(name)
                if a.versions.count > 1 {
                    out.append(contentsOf: (1...a.versions.count).map { "\(name)@\($0)" } + ["\(name)@latest", "\(name)@all"])
                }
            }
            for t in a.tags { if let word = t.lowercased().split(separator: " ").first { tags.insert("tag:" + word) } }
            if let s = a.latest.metadata.source?.lowercased().split(separator: " ").first { sources.insert("source:" + s) }
        }
        out += shell.workspace.collections.map(\.name)
        var seen = Set<String>()
        return (out + tags.sorted() + sources.sorted()).filter { seen.insert($0).inserted }
    }

    /// Option names (`--stem`, `-n`) read from the command's own help, so they never drift from its declaration.
    public static func optionNames(of type: any ShellCommand.Type) -> [String] {
        let help = type.helpMessage(columns: 200)
        var names: [String] = []
        var seen = Set<String>()
        let scalars = Array(help)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "-", i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "," || scalars[i - 1] == "[" || scalars[i - 1] == "(" {
                var j = i + 1
                if j < scalars.count, scalars[j] == "-" { j += 1 }
                let start = j
                while j < scalars.count, scalars[j].isLetter || scalars[j].isNumber || scalars[j] == "-" { j += 1 }
                if j > start, scalars[start].isLetter {
                    let name = String(scalars[i..<j])
                    if seen.insert(name).inserted { names.append(name) }
                }
                i = j
                continue
            }
            i += 1
        }
        return names.filter { $0.hasPrefix("--") } + names.filter { !$0.hasPrefix("--") }
    }

    /// An option as the command's own help declares it: whether it takes a value, and the values when they are a
    /// fixed set (`(values: source, date, article)`).
    struct OptionSpec: Equatable { var takesValue: Bool; var values: [String] }

    static func option(_ name: String, of type: any ShellCommand.Type) -> OptionSpec? {
        // One line per option at a width no help wraps at.
        for line in type.helpMessage(columns: 10_000).split(separator: "\n") {
            let trimmed = line.drop(while: { $0 == " " })
            guard trimmed.hasPrefix("-") else { continue }
            let names = trimmed.split(separator: " ", maxSplits: 4).prefix(3).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            guard names.contains(name) else { continue }
            let takesValue = trimmed.range(of: name + " <") != nil
            var values: [String] = []
            if let r = trimmed.range(of: "(values: ") {
                let rest = trimmed[r.upperBound...]
                let end = rest.firstIndex { $0 == ";" || $0 == ")" } ?? rest.endIndex
                values = rest[..<end].components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            return OptionSpec(takesValue: takesValue, values: values)
        }
        return nil
    }

    static func takesPath(option: String) -> Bool {
        ["--taxonomy", "--stopwords", "--model", "--save", "--file", "--output", "--vs-file"].contains(option)
    }

    /// File paths matching a partial path; folders end in "/". Hidden entries only when asked for.
    public static func paths(_ partial: String, shell: Shell) -> Completion {
        let expanded = partial.hasPrefix("~") ? (partial as NSString).expandingTildeInPath : partial
        let dirPart: String
        let base: String
        if let slash = expanded.lastIndex(of: "/") {
            dirPart = String(expanded[...slash])
            base = String(expanded[expanded.index(after: slash)...])
        } else {
            dirPart = ""
            base = expanded
        }
        let listDir = dirPart.isEmpty ? "." : shell.resolvePath(dirPart)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: listDir) else {
            return Completion(partial: partial, candidates: [])
        }
        let typedDir = partial.hasPrefix("~") ? String(partial[..<(partial.lastIndex(of: "/").map { partial.index(after: $0) } ?? partial.endIndex)]) : dirPart
        var out: [String] = []
        for name in entries.sorted() where name.hasPrefix(base) && (base.hasPrefix(".") || !name.hasPrefix(".")) {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (listDir as NSString).appendingPathComponent(name), isDirectory: &isDir)
            out.append(typedDir + name + (isDir.boolValue ? "/" : ""))
        }
        return Completion(partial: partial, candidates: out)
    }
}
