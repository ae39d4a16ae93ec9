import Foundation
import Testing
@testable import LedeArticles

/// The folder part of a path, without Foundation's `deletingLastPathComponent` (which traps on a one-character
/// name here): the same answers on every other shape of path.
@Suite struct PathParentTests {
    @Test(arguments: [("x", ""), ("t", ""), ("/", "/"), ("", ""), ("/x", "/"), ("a/b", "a"), ("./x", "."), ("/a/b/", "/a"),
                      ("a//b", "a"), ("//a", "/"), ("a/", ""), ("ab", ""), ("dir/sub/file.txt", "dir/sub"), ("é/ü", "é")])
    func parentOfAPath(path: String, parent: String) {
        #expect(RawPath.parent(of: path) == parent, "\(path)")
    }

    @Test func agreesWithFoundationWhereFoundationDoesNotTrap() {
        let parts = ["a", "bc", "é", "d.txt"]
        var checked = 0
        for a in parts { for b in parts { for c in parts { for lead in ["", "/", "./"] { for trail in ["", "/"] {
            let path = lead + [a, b, c].joined(separator: "/") + trail
            // Foundation traps on what it cannot handle: a one-character name ("x", "a/", "./") and some doubled
            // slashes ("a//é"), the reason this helper exists; those are in the table above instead.
            #expect(RawPath.parent(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
            checked += 1
        } } } } }
        #expect(checked == 4 * 4 * 4 * 3 * 2)
    }
}

/// The last part of a path and its extension, without Foundation's path functions (which trap on "a//é").
@Suite struct PathComponentTests {
    @Test(arguments: [("a.txt", "a.txt", "txt", "a"), ("a/b.c.d", "b.c.d", "d", "a/b.c"), (".hidden", ".hidden", "", ".hidden"),
                      ("a.", "a.", "", "a"), ("a/.b", ".b", "", "a/.b"), ("a.b/", "a.b", "b", "a"), ("dir/x.tar.gz", "x.tar.gz", "gz", "dir/x.tar"),
                      ("a/b", "b", "", "a/b"), ("/", "/", "", "/"), ("", "", "", ""), ("x", "x", "", "x"), ("a//é", "é", "", "a//é"),
                      ("a//é.csv", "é.csv", "csv", "a//é")])
    func lastPartAndExtension(path: String, last: String, ext: String, without: String) {
        #expect(RawPath.lastComponent(of: path) == last, "\(path)")
        #expect(RawPath.pathExtension(of: path) == ext, "\(path)")
        #expect(RawPath.deletingExtension(of: path) == without, "\(path)")
    }

    @Test func agreesWithFoundationOnPathsItHandles() {
        for a in ["a", "bc", "é", ".h"] { for b in ["d.txt", "x", "e.tar.gz", "f.", "g"] { for lead in ["", "/", "./"] { for trail in ["", "/"] {
            let path = lead + a + "/" + b + trail
            let ns = path as NSString
            #expect(RawPath.lastComponent(of: path) == ns.lastPathComponent, "\(path)")
            #expect(RawPath.pathExtension(of: path) == ns.pathExtension, "\(path)")
            #expect(RawPath.deletingExtension(of: path) == ns.deletingPathExtension, "\(path)")
        } } } }
    }
}
