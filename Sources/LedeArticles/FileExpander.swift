import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns the user's path arguments into a list of files: folders recursively (hidden entries skipped,
/// symlink loops detected), glob patterns expanded, each missing path reported.
enum FileExpander {
    struct Expansion { var files: [String] = []; var problems: [LoadProblem] = []; var skipped: [String] = [] }

    /// Files that describe a corpus rather than belong to it (README.TXT in the BBC folder, LICENSE, …):
    /// skipped when a folder or glob is expanded, loaded when named explicitly. Matched on the name without
    /// its extension, case-insensitively.
    static let corpusFileNames: Set<String> = ["readme", "license", "licence", "copying", "copyright", "changelog",
                                               "changes", "notice", "authors", "contributing", "manifest", "install"]

    static func isCorpusFile(_ path: String) -> Bool {
        // Every such name starts with a letter: a numbered article file ("001.txt") is answered at once.
        guard let first = PathName.lastComponent(path).utf8.first, (first | 0x20) &- 0x61 < 26 else { return false }
        return corpusFileNames.contains(PathName.lowercasedBaseName(path))
    }

    static func expand(_ paths: [String]) -> Expansion {
        var out = Expansion()
        var seen = Set<String>()
        for arg in paths {
            let path = (arg as NSString).expandingTildeInPath
            if path.contains(where: { "*?[".contains($0) }) && !FileManager.default.fileExists(atPath: path) {
                let matches = glob(path)
                if matches.isEmpty { out.problems.append(.init(path: arg, message: "no files match this pattern", severity: .error)) }
                for m in matches {
                    if isCorpusFile(m) { out.skipped.append(m); continue }
                    add(m, arg: arg, into: &out, seen: &seen)
                }
            } else {
                add(path, arg: arg, into: &out, seen: &seen)
            }
        }
        return out
    }

    static func add(_ path: String, arg: String, into out: inout Expansion, seen: inout Set<String>) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            out.problems.append(.init(path: arg, message: "no such file or folder", severity: .error))
            return
        }
        if isDir.boolValue {
            var visited = Set<String>()
            walk(path, into: &out, visited: &visited, seen: &seen)
        } else if seen.insert(path).inserted {
            out.files.append(path)
        }
    }

    static func walk(_ dir: String, into out: inout Expansion, visited: inout Set<String>, seen: inout Set<String>) {
        let real = (dir as NSString).resolvingSymlinksInPath
        guard visited.insert(real).inserted else {
            out.problems.append(.init(path: dir, message: "symlink loop; folder skipped", severity: .warning))
            return
        }
        // readdir with d_type: no stat per regular file (a corpus folder holds tens of thousands of them).
        guard let stream = opendir(dir) else {
            out.problems.append(.init(path: dir, message: "cannot read folder (permission denied?)", severity: .error))
            return
        }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }     // hidden entries, and . and ..
            entries.append((name, entry.pointee.d_type))
        }
        closedir(stream)
        entries.sort { $0.name < $1.name }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        for (name, type) in entries {
            let child = prefix + name
            var isDir: Bool
            if type == UInt8(DT_DIR) { isDir = true }
            else if type == UInt8(DT_REG) { isDir = false }
            else {
                // Symlinks and file systems without d_type: follow the link as `stat` does.
                var info = stat()
                guard stat(child, &info) == 0 else {
                    out.problems.append(.init(path: child, message: "broken link or unreadable entry; skipped", severity: .warning))
                    continue
                }
                isDir = (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isDir { walk(child, into: &out, visited: &visited, seen: &seen) }
            else if isCorpusFile(name) { out.skipped.append(child) }
            else if seen.insert(child).inserted { out.files.append(child) }
        }
        visited.remove(real)
    }

    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i], let s = String(validatingCString: p) {
                if PathName.lastComponent(s).hasPrefix(".") { continue }
                out.append(s)
            }
        }
        return out
    }
}
