import Foundation
import Testing
@testable import LedeShell

@Suite struct CompleterTests {
    @Test func verbsAtTheStart() {
        let h = ShellHarness()
        #expect(Completer.complete("lo", shell: h.shell).candidates == ["load"])
        #expect(Completer.complete("s", shell: h.shell).candidates.contains("show"))
        #expect(Completer.complete("s", shell: h.shell).candidates.contains("save"))
        #expect(Completer.complete("", shell: h.shell).candidates.count >= 10)
    }

    @Test func optionsOfTheVerbBeingTyped() {
        let h = ShellHarness()
        let c = Completer.complete("load x --m", shell: h.shell)
        #expect(c.candidates == ["--max-size"])
        #expect(Completer.complete("show a1 --", shell: h.shell).candidates.contains("--blocks"))
    }

    @Test func articleIdsAndNamesWhereASelectorGoes() {
        let h = ShellHarness()
        let a = h.file("a.txt", ShellHarness.article)
        h.run("load \(a) --as talks")
        h.run("load \(h.file("b.txt", ShellHarness.article.replacingOccurrences(of: "six hours", with: "seven hours")))  --as talks")
        h.run("load \(a)")
        let c = Completer.complete("show ta", shell: h.shell)
        #expect(c.candidates == ["talks", "talks@1", "talks@2", "talks@latest", "talks@all"])
        #expect(c.commonPrefix == "talks")
        #expect(Completer.complete("show a", shell: h.shell).candidates == ["all", "a1", "a2"])
    }

    @Test func pathsAfterLoadAndRedirect() {
        let h = ShellHarness()
        h.file("corpus/one.txt", "x")
        h.file("corpus/two.txt", "x")
        h.file("corpus/.hidden", "x")
        let c = Completer.complete("load \(h.dir)/corpus/", shell: h.shell)
        #expect(c.candidates == ["\(h.dir)/corpus/one.txt", "\(h.dir)/corpus/two.txt"])
        #expect(Completer.complete("load \(h.dir)/cor", shell: h.shell).candidates == ["\(h.dir)/corpus/"])
        #expect(Completer.complete("list > \(h.dir)/corpus/o", shell: h.shell).candidates == ["\(h.dir)/corpus/one.txt"])
        #expect(Completer.complete("list >\(h.dir)/corpus/t", shell: h.shell).candidates == [">\(h.dir)/corpus/two.txt"])
        // keyness --vs: selectors, or a reference corpus on disk once the word looks like a path.
        h.run("load \(h.file("story.txt", ShellHarness.article)) --as one")
        #expect(Completer.complete("keyness a1 --vs \(h.dir)/corpus/t", shell: h.shell).candidates == ["\(h.dir)/corpus/two.txt"])
        #expect(Completer.complete("keyness a1 --vs o", shell: h.shell).candidates == ["one"])
    }

    @Test func settingNamesThenValues() {
        let h = ShellHarness()
        #expect(Completer.complete("set fo", shell: h.shell).candidates == ["format"])
        #expect(Completer.complete("set format c", shell: h.shell).candidates == ["csv"])
        #expect(Completer.complete("help ke", shell: h.shell).candidates.allSatisfy { $0.hasPrefix("ke") })
    }
}
