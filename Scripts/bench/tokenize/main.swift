// Stand-alone release benchmark of LedeText's tokenizer: compiled by Scripts/bench/tokenize.sh together
// with Sources/LedeText (swiftc -O), so it measures reading + tokenising + interning + sentence and
// paragraph splitting only, without the article loaders. `Tokenizer.tokenizeConcurrently` runs on all
// cores, one local form table and one merge into the shared Vocabulary per batch of 64 files.
import Foundation

@main struct TokenizeBench {
    static func main() {
        let root = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") && Int($0) == nil } ?? "/tmp/bbc20"
        // --batch N: documents per local table / vocabulary merge (1 = merge per document).
        let batchSize = CommandLine.arguments.firstIndex(of: "--batch").flatMap { i in
            CommandLine.arguments.dropFirst(i + 1).first.flatMap { Int($0) } } ?? 64
        let enumerationStart = Date()
        var paths: [String] = []
        listFiles(root, into: &paths)
        let listing = Date().timeIntervalSince(enumerationStart)
        let vocabulary = Vocabulary()
        let start = Date()
        // Reading is part of the measured time, as it is for `cat | wc -w`.
        let files = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: paths.count)
        files.initialize(repeating: [])
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            files[i] = readFile(paths[i])
        }
        let texts = Array(files)
        files.deallocate()
        let read = Date().timeIntervalSince(start)
        let tokenizer = Tokenizer()
        let results = tokenizer.tokenizeConcurrently(texts, vocabulary: vocabulary, batchSize: batchSize)
        let seconds = Date().timeIntervalSince(start)
        let bytes = texts.reduce(0) { $0 + $1.count }
        let tokens = results.reduce(0) { $0 + $1.tokenCount }
        let sentences = results.reduce(0) { $0 + $1.sentences.count }
        print(String(format: "%d files (listed in %.3f s), %.1f MB, %d tokens, %d sentences, %d distinct forms in %.3f s (reading %.3f s; %.0f MB/s)",
                     paths.count, listing, Double(bytes) / 1e6, tokens, sentences, vocabulary.count, seconds, read,
                     Double(bytes) / 1e6 / seconds))
        // lede keeps every text loaded; freeing 44,500 token arrays at exit is not part of the work measured.
        exit(0)
    }

    /// The file's bytes straight into an array (open, fstat, read), as `cat` reads them.
    static func readFile(_ path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return [] }
        let size = Int(st.st_size)
        return [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var done = 0
            while done < size {
                let n = read(fd, buf.baseAddress! + done, size - done)
                if n <= 0 { break }
                done += n
            }
            count = done
        }
    }

    /// Regular files under `dir`, recursively, from readdir's d_type (one syscall per directory, like find).
    static func listFiles(_ dir: String, into paths: inout [String]) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let path = dir + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): listFiles(path, into: &paths)
            case Int32(DT_REG): paths.append(path)
            default: break
            }
        }
    }
}
