// Stand-alone release benchmark of LedeText's tokenizer: compiled by Scripts/bench/tokenize.sh together
// with Sources/LedeText (swiftc -O), so it measures reading + tokenising + interning + sentence and
// paragraph splitting only, without the article loaders. `Tokenizer.tokenizeConcurrently` runs on all
// cores, one local form table and one merge into the shared Vocabulary per batch of 64 files.
import Foundation

@main struct TokenizeBench {
    static func main() {
        let root = CommandLine.arguments.dropFirst().first ?? "/tmp/bbc20"
        let perDocument = CommandLine.arguments.contains("--per-document")
        var paths: [String] = []
        let e = FileManager.default.enumerator(atPath: root)
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            let full = root + "/" + p
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { paths.append(full) }
        }
        let vocabulary = Vocabulary()
        let start = Date()
        // Reading is part of the measured time, as it is for `cat | wc -w`.
        let files = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: paths.count)
        files.initialize(repeating: [])
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            files[i] = FileManager.default.contents(atPath: paths[i]).map { [UInt8]($0) } ?? []
        }
        let texts = Array(files)
        files.deallocate()
        let read = Date().timeIntervalSince(start)
        let tokenizer = Tokenizer()
        let results = tokenizer.tokenizeConcurrently(texts, vocabulary: vocabulary, batchSize: perDocument ? 1 : 64)
        let seconds = Date().timeIntervalSince(start)
        let bytes = texts.reduce(0) { $0 + $1.count }
        let tokens = results.reduce(0) { $0 + $1.tokens.count }
        let sentences = results.reduce(0) { $0 + $1.sentences.count }
        print(String(format: "%d files, %.1f MB, %d tokens, %d sentences, %d distinct forms in %.3f s (reading %.3f s; %.0f MB/s)",
                     paths.count, Double(bytes) / 1e6, tokens, sentences, vocabulary.count, seconds, read,
                     Double(bytes) / 1e6 / seconds))
    }
}
