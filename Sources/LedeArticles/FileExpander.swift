import Foundation
import LedeText
#if canImport(Glibc)
import Glibc
#endif

/// Turns the user's path arguments into a list of files: folders recursively (hidden entries skipped,
/// symlink loops detected), glob patterns expanded, each missing path reported.
enum FileExpander {
    struct Expansion { var files: [String] = []; var problems: [LoadProblem] = []; var skipped: [String] = [] }

    /// Files that describe a corpus rather than belong to it (README.TXT in the BBC folder, LICENSE, …), and
    /// lede's own scripts (`*.lede`, often kept beside the articles they load): skipped when a folder or glob
    /// is expanded, loaded when named explicitly. Names are matched without their extension, case-insensitively.
    static let corpusFileNames: Set<String> = ["readme", "license", "licence", "copying", "copyright", "changelog",
                                               "changes", "notice", "authors", "contributing", "manifest", "install"]

    static func isCorpusFile(_ path: String) -> Bool {
        // Every such name starts with a letter: a numbered article file ("001.txt") is answered at once.
        if path.utf8.count > 5, path.utf8.suffix(5).elementsEqual(".lede".utf8) { return true }
        guard let first = PathName.lastComponent(path).utf8.first, (first | 0x20) &- 0x61 < 26 else { return false }
        return corpusFileNames.contains(PathName.lowercasedBaseName(path))
    }

    static func expand(_ paths: [String]) -> Expansion {
        var out = Expansion()
        // A folder's walk lists each file once; the same file can come twice only through two arguments, a
        // glob, or a symbolic link, so only then are the paths checked against each other (hashing every path
        // of a 44,500-file folder cost more than listing it).
        var mayRepeat = paths.count > 1
        var followedLinks = false
        for arg in paths {
            let path = (arg as NSString).expandingTildeInPath
            var info = stat()
            if path.contains(where: { "*?[".contains($0) }) && RawPath.stat(path, &info) != 0 {
                let matches = glob(path)
                if matches.isEmpty { out.problems.append(.init(path: arg, message: "no files match this pattern", severity: .error)) }
                mayRepeat = mayRepeat || matches.count > 1
                for m in matches {
                    if isCorpusFile(m) { out.skipped.append(m); continue }
                    add(m, arg: arg, into: &out, mayRepeat: &mayRepeat, followedLinks: &followedLinks)
                }
            } else {
                add(path, arg: arg, into: &out, mayRepeat: &mayRepeat, followedLinks: &followedLinks)
            }
        }
        if followedLinks {
            // Through links, one file can be listed under several paths: keep the first path to each file.
            var seen = Set<FileID>()
            out.files = out.files.filter { FileID(path: $0).map { seen.insert($0).inserted } ?? true }
        } else if mayRepeat {
            var seen = Set<String>()
            out.files = out.files.filter { seen.insert($0).inserted }
        }
        return out
    }

    static func add(_ path: String, arg: String, into out: inout Expansion, mayRepeat: inout Bool, followedLinks: inout Bool) {
        var info = stat()
        guard RawPath.stat(path, &info) == 0 else {
            out.problems.append(.init(path: arg, message: errno == ENOENT ? "no such file or folder" : "cannot read (\(String(cString: strerror(errno))))", severity: .error))
            return
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            let walked = walk(path, visited: [])
            out.files += walked.expansion.files
            out.problems += walked.expansion.problems
            out.skipped += walked.expansion.skipped
            followedLinks = followedLinks || walked.followedLinks
        } else {
            out.files.append(path)
        }
    }

    /// The files under `dir`, in name order (a subfolder's files where its name sorts). Subfolders are
    /// listed in parallel when there are several: listing a large corpus is mostly the kernel reading
    /// directories. `visited` holds the folders above, to stop at symlink loops. Only regular files are listed:
    /// a FIFO, socket or device in a folder is reported and skipped (reading one could block for ever).
    static func walk(_ dir: String, visited: Set<FileID>) -> (expansion: Expansion, followedLinks: Bool) {
        var out = Expansion()
        // A folder is known by its device and inode, which every path to it shares, however many links lead there.
        guard let id = FileID(path: dir) else {
            out.problems.append(.init(path: dir, message: "cannot read folder (\(String(cString: strerror(errno))))", severity: .error))
            return (out, false)
        }
        guard !visited.contains(id) else {
            out.problems.append(.init(path: dir, message: "symlink loop; folder skipped", severity: .warning))
            return (out, true)
        }
        var visited = visited
        visited.insert(id)
        // readdir with d_type: no stat per regular file (a corpus folder holds tens of thousands of them).
        guard let stream = RawPath.opendir(dir) else {
            out.problems.append(.init(path: dir, message: "cannot read folder (permission denied?)", severity: .error))
            return (out, false)
        }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = RawPath.name(of: entry)
            if name.hasPrefix(".") { continue }     // hidden entries, and . and ..
            entries.append((name, entry.pointee.d_type))
        }
        closedir(stream)
        entries.sort { $0.name < $1.name }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        // Each listed entry: a file, or a subfolder (its index among `folders`).
        enum Entry { case file(String), folder(Int) }
        var listed: [Entry] = []
        var folders: [String] = []
        var followedLinks = false
        for (name, type) in entries {
            let child = prefix + name
            var isDir: Bool
            if type == UInt8(DT_DIR) { isDir = true }
            else if type == UInt8(DT_REG) { isDir = false }
            else {
                // Symlinks and file systems without d_type: follow the link as `stat` does.
                followedLinks = true
                var info = stat()
                guard RawPath.stat(child, &info) == 0 else {
                    out.problems.append(.init(path: child, message: "broken link or unreadable entry; skipped", severity: .warning))
                    continue
                }
                isDir = (info.st_mode & S_IFMT) == S_IFDIR
                if !isDir, let kind = FileBytes.irregularKind(info.st_mode) {
                    out.problems.append(.init(path: child, message: "is \(kind), not a regular file; skipped", severity: .warning))
                    continue
                }
            }
            if isDir { listed.append(.folder(folders.count)); folders.append(child) }
            else if isCorpusFile(name) { out.skipped.append(child) }
            else { listed.append(.file(child)) }
        }
        let subfolders = folders, above = visited
        let walked = Parallel.map(count: subfolders.count) { walk(subfolders[$0], visited: above) }
        for entry in listed {
            switch entry {
            case .file(let path): out.files.append(path)
            case .folder(let k):
                out.files += walked[k].expansion.files
                out.problems += walked[k].expansion.problems
                out.skipped += walked[k].expansion.skipped
                followedLinks = followedLinks || walked[k].followedLinks
            }
        }
        return (out, followedLinks)
    }

    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard RawPath.withCString(pattern, { Glibc.glob($0, 0, nil, &g) }) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] {
                let s = RawPath.decode(p)
                if PathName.lastComponent(s).hasPrefix(".") { continue }
                out.append(s)
            }
        }
        return out
    }
}
