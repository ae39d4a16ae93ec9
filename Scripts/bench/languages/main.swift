// Stand-alone release benchmark of LedeText's language tools, compiled by Scripts/bench/languages.sh together
// with Sources/LedeText (swiftc -O):
// 1. English stems of the BBC vocabulary: lede's SnowballEnglishStemmer against libstemmer's English, side by side
//    (median of 5 passes each), and how many stems differ;
// 2. LanguageIdentifier: building it, then identifying every BBC article (one core), and what it answered.
import Foundation

@main struct LanguagesBench {
    static func main() {
        let root = CommandLine.arguments.dropFirst().first ?? "../shared/corpora/bbc"
        var paths: [String] = []
        listFiles(root, into: &paths)
        paths.sort()
        let texts = paths.map { readFile($0) }.filter { !$0.isEmpty }
        let vocabulary = Vocabulary()
        _ = Tokenizer().tokenizeConcurrently(texts, vocabulary: vocabulary)
        let forms = vocabulary.allForms().filter { form in form.utf8.allSatisfy { ($0 &- 0x61) < 26 || $0 == 0x27 || $0 == 0x2D } }
        print("BBC: \(texts.count) articles, \(vocabulary.count) forms, \(forms.count) stemmed (lower-case letters, ' and - only)")

        // 1. Stemmers.
        let lib = SnowballStemmer.libstemmerEnglish()!
        var porterStems: [String] = [], libStems: [String] = []
        let porter = median(5) { porterStems = forms.map { SnowballEnglishStemmer.stem($0) } }
        let libstemmer = median(5) { libStems = forms.map { lib.stem($0) } }
        let differ = zip(porterStems, libStems).filter { $0 != $1 }.count
        print(String(format: "English stems: SnowballEnglishStemmer %.1f ms, libstemmer %.1f ms (libstemmer/Porter %.2f); %d of %d stems differ",
                     porter * 1000, libstemmer * 1000, libstemmer / porter, differ, forms.count))
        for (f, (a, b)) in zip(forms, zip(porterStems, libStems)).filter({ $0.1.0 != $0.1.1 }).prefix(8) { print("  \(f): lede \(a), libstemmer \(b)") }

        // 2. Language identification.
        let buildStart = Date()
        let identifier = LanguageIdentifier()
        let build = Date().timeIntervalSince(buildStart)
        var answers: [String: Int] = [:]
        let identify = median(3) {
            answers = [:]
            for t in texts { t.withUnsafeBufferPointer { answers[identifier.identify(utf8: $0)?.code ?? "nil", default: 0] += 1 } }
        }
        print(String(format: "LanguageIdentifier: built in %.1f ms; %d articles in %.1f ms (%.1f µs each, one core): %@",
                     build * 1000, texts.count, identify * 1000, identify * 1e6 / Double(texts.count),
                     answers.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        // A headline the first stage cannot decide: the first one builds the Latin trigram profiles.
        let headline = "Storm leaves thousands of homes without power"
        var firstCall = 0.0, laterCalls = 0.0
        firstCall = median(1) { _ = identifier.identify(headline) }
        laterCalls = median(5) { for _ in 0..<1000 { _ = identifier.identify(headline) } } / 1000
        print(String(format: "second stage: first text %.1f ms (builds the Latin trigram profiles), then %.1f µs a text",
                     firstCall * 1000, laterCalls * 1e6))
    }

    static func median(_ runs: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<runs { let s = Date(); body(); times.append(Date().timeIntervalSince(s)) }
        return times.sorted()[runs / 2]
    }

    static func listFiles(_ path: String, into out: inout [String]) {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for item in items where !item.hasPrefix(".") && !item.uppercased().hasPrefix("README") {
            let full = path + "/" + item
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir) {
                if isDir.boolValue { listFiles(full, into: &out) } else { out.append(full) }
            }
        }
    }

    static func readFile(_ path: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }
}
