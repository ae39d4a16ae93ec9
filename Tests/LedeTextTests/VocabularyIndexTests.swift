import Foundation
import Testing
@testable import LedeText

@Suite struct VocabularyIndexTests {
    @Test func stemIndexGivesDenseSharedStemIDs() {
        let vocabulary = Vocabulary()
        let ids = vocabulary.intern(["running", "runs", "run", "news", "u.s.", "1990s", "http://a.b/cats"])
        let index = StemIndex(vocabulary: vocabulary)
        #expect(index.stem(of: ids[0]) == index.stem(of: ids[1]))
        #expect(index.stem(of: ids[1]) == index.stem(of: ids[2]))
        #expect(index.form(ofStem: index.stem(of: ids[0])) == "run")
        #expect(index.form(ofStem: index.stem(of: ids[3])) == "news")
        #expect(index.form(ofStem: index.stem(of: ids[4])) == "u.s.")
        #expect(index.form(ofStem: index.stem(of: ids[5])) == "1990s")
        #expect(index.form(ofStem: index.stem(of: ids[6])) == "http://a.b/cats")
        #expect(index.stemCount == 5)
        // The vocabulary grows after the index was made.
        let later = vocabulary.intern("runner")
        #expect(index.form(ofStem: index.stem(of: later)) == "runner")
        #expect(index.stemTable().count == vocabulary.count)
        #expect(index.stemTable()[Int(ids[1])] == index.stem(of: ids[0]))
    }

    @Test func indexesAreSafeUnderConcurrentUse() async {
        let vocabulary = Vocabulary()
        let stems = StemIndex(vocabulary: vocabulary)
        let words = (0..<2_000).map { "word\($0 % 500)ing" }
        await withTaskGroup(of: Void.self) { group in
            for chunk in 0..<8 {
                group.addTask {
                    for w in words[(chunk * 250)..<((chunk + 1) * 250)] {
                        let id = vocabulary.intern(w)
                        _ = stems.stem(of: id)
                    }
                }
            }
        }
        #expect(vocabulary.count == 500)
        #expect(stems.stemTable().count == 500)
    }
}
