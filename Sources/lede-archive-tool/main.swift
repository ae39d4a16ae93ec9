// lede-archive-tool: drives the archive library from a process of its own, for Scripts/bench/archive.sh and as
// the child that the fault tests kill or starve of disk. Until the shell stores into archives, this is how the
// library is measured end to end.
//
//   lede-archive-tool load PATH...                        load and tokenise (what `load` does today)
//   lede-archive-tool archive-load ARCHIVE PATH... [--batch N] [--index-on-store] [--progress]
//                                                         the same, storing into ARCHIVE (skips unchanged files),
//                                                         N documents a transaction ("committed N" after each)
//   lede-archive-tool list ARCHIVE                        open and list every article (metadata only)
//   lede-archive-tool read ARCHIVE                        open, read every text back and tokenise it
//   lede-archive-tool index ARCHIVE                       bring the search index up to date
//   lede-archive-tool search ARCHIVE QUERY [--runs N]     search N times, print the median
//   lede-archive-tool size ARCHIVE                        what the archive holds
//   lede-archive-tool write ARCHIVE --batches N --batch-size K [--fsize-limit BYTES]
//                                                         store generated articles batch by batch, printing
//                                                         "committed N" after each commit (fault tests)
import Foundation
import LedeArchive
import LedeArticles
import LedeText
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

func option(_ name: String, in args: inout [String]) -> String? {
    guard let k = args.firstIndex(of: name), k + 1 < args.count else { return nil }
    let value = args[k + 1]
    args.removeSubrange(k...(k + 1))
    return value
}

func flag(_ name: String, in args: inout [String]) -> Bool {
    guard let k = args.firstIndex(of: name) else { return false }
    args.remove(at: k)
    return true
}

func say(_ line: String) {
    print(line)
    fflush(nil)
}

/// The documents of generated batch `b` (deterministic, every one different): the fault tests check what
/// survived against these.
func generatedDocument(batch b: Int, index k: Int) -> ParsedDocument {
    let paragraphs = (0..<4).map { p in
        "Report \(b)-\(k), part \(p): the harbour council met on day \(b * 1000 + k) and discussed item \(p) of the plan, "
            + String(repeating: "with residents asking about the quay and the ferry timetable \(k % 7). ", count: 3)
    }
    return ParsedDocument(path: "/generated/batch\(b)/doc\(k).txt", format: .text,
                          metadata: ArticleMetadata(title: "Report \(b)-\(k)", published: "2026-01-\(String(format: "%02d", 1 + k % 28))"),
                          paragraphs: paragraphs)
}

func openArchive(_ path: String, indexing: Archive.Indexing = .automatic) -> Archive {
    var options = Archive.Options()
    options.indexing = indexing
    do { return try Archive(path: path, options: options) } catch { fail("\(error)") }
}

var args = Array(CommandLine.arguments.dropFirst())
guard !args.isEmpty else { fail("usage: lede-archive-tool load|archive-load|list|read|index|search|size|write …") }
let command = args.removeFirst()
switch command {
case "load":
    let t0 = now()
    let vocabulary = Vocabulary()
    let report = try ArticleLoader().load(paths: args, vocabulary: vocabulary)
    say(String(format: "load: %d documents from %d files in %.3f s", report.documents.count, report.files, now() - t0))

case "archive-load":
    let batch = Int(option("--batch", in: &args) ?? "") ?? 8192
    let indexOnStore = flag("--index-on-store", in: &args)
    let progress = flag("--progress", in: &args)
    guard !args.isEmpty else { fail("archive-load ARCHIVE PATH...") }
    let path = args.removeFirst()
    let t0 = now()
    let archive = openArchive(path, indexing: indexOnStore ? .onStore : .automatic)
    do {
        let intake = try ArchiveIntake(archive: archive)
        var options = LoadOptions()
        options.beforeParsing = intake.beforeParsing
        options.afterParsing = intake.afterParsing
        let vocabulary = Vocabulary()
        let report = try ArticleLoader(options: options).load(paths: args, vocabulary: vocabulary)
        let t1 = now()
        if ProcessInfo.processInfo.environment["LEDE_ARCHIVE_TIMING"] != nil {
            let t = now()
            var total = 0
            for text in report.texts { total += text.utf8.count }
            say(String(format: "rebuild %d bytes serially: %.3f s", total, now() - t))
        }
        let documents = intake.documents(from: report)
        var added = 0, versions = 0, unchanged = 0
        var start = 0
        while start < documents.count {
            let end = min(documents.count, start + batch)
            for outcome in try archive.store(Array(documents[start..<end])) {
                switch outcome {
                case .added: added += 1
                case .newVersion: versions += 1
                case .unchanged: unchanged += 1
                }
            }
            start = end
            if progress { say("committed \(end)") }
        }
        let t2 = now()
        say(String(format: "archive-load: %d files (%d skipped unchanged by hash), %d added, %d new versions, %d unchanged; load %.3f s + store %.3f s = %.3f s",
                   report.files, intake.unchanged.count, added, versions, unchanged, t1 - t0, t2 - t1, t2 - t0))
        archive.close()
    } catch { fail("\(error)") }

case "list":
    guard let path = args.first else { fail("list ARCHIVE") }
    let t0 = now()
    let archive = openArchive(path)
    do {
        let list = try archive.listArticles()
        say(String(format: "list: %d articles in %.3f s (open and list, in process)", list.count, now() - t0))
        archive.close()
    } catch { fail("\(error)") }

case "read":
    guard let path = args.first else { fail("read ARCHIVE") }
    let t0 = now()
    let archive = openArchive(path)
    do {
        // Each batch of articles is tokenised on the other cores while the next batch is read; each stored text
        // once (versions that share a text share its tokens), as a workspace would.
        final class Totals: @unchecked Sendable { var tokens = 0, texts = 0 }
        let totals = Totals()
        let vocabulary = Vocabulary()
        let tokenizing = DispatchQueue(label: "tokenise")
        var seen = Set<Int64>()
        var articleCount = 0, versionCount = 0
        try archive.readArticles(batchSize: 2048) { batch in
            var bodies: [[UInt8]] = []
            for a in batch {
                articleCount += 1
                for v in a.versions {
                    versionCount += 1
                    if seen.insert(v.textID).inserted { bodies.append(v.document.bodyUTF8) }
                }
            }
            let ready = bodies
            tokenizing.async {
                let texts = Tokenizer().tokenizeConcurrently(ready, vocabulary: vocabulary)
                totals.texts += texts.count
                totals.tokens += texts.reduce(0) { $0 + $1.tokenCount }
            }
        }
        tokenizing.sync {}
        say(String(format: "read: %d articles, %d versions, %d distinct texts, %d tokens; read and tokenise %.3f s",
                   articleCount, versionCount, totals.texts, totals.tokens, now() - t0))
        archive.close()
    } catch { fail("\(error)") }

case "index":
    guard let path = args.first else { fail("index ARCHIVE") }
    let t0 = now()
    let archive = openArchive(path)
    do {
        let n = try archive.updateSearchIndex()
        say(String(format: "index: %d texts indexed in %.3f s", n, now() - t0))
        archive.close()
    } catch { fail("\(error)") }

case "search":
    let runs = Int(option("--runs", in: &args) ?? "") ?? 21
    guard args.count >= 2 else { fail("search ARCHIVE QUERY") }
    let archive = openArchive(args[0])
    do {
        let t0 = now()
        let first = try archive.search(args[1])
        let firstTime = now() - t0
        var times: [Double] = []
        var result = first
        for _ in 0..<runs {
            let t = now()
            result = try archive.search(args[1])
            times.append(now() - t)
        }
        times.sort()
        say(String(format: "search %@: %d matching texts, %d hits shown; first %.1f ms (indexes what is new), median of %d %.2f ms",
                   args[1], result.matchingTexts, result.hits.count, firstTime * 1000, runs, times[times.count / 2] * 1000))
        if let hit = result.hits.first { say("  best: \(hit.articleID)@\(hit.version) \(hit.snippetText())") }
        archive.close()
    } catch { fail("\(error)") }

case "size":
    guard let path = args.first else { fail("size ARCHIVE") }
    let archive = openArchive(path)
    do {
        try archive.checkpoint()
        let s = try archive.summary()
        say("size: \(s.fileBytes) bytes; \(s.articles) articles, \(s.versions) versions, \(s.texts) texts, \(s.rawFiles) raw files (\(s.rawBytes) bytes, \(s.storedRawBytes) stored), \(s.unindexedTexts) texts not indexed")
        archive.close()
    } catch { fail("\(error)") }

case "write":
    let batches = Int(option("--batches", in: &args) ?? "") ?? 10
    let batchSize = Int(option("--batch-size", in: &args) ?? "") ?? 100
    if let limit = option("--fsize-limit", in: &args).flatMap(Int.init) {
        signal(SIGXFSZ, SIG_IGN)
        var r = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
        #if canImport(Glibc)
        if setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &r) != 0 { fail("setrlimit failed") }
        #endif
    }
    guard let path = args.first else { fail("write ARCHIVE --batches N --batch-size K") }
    let archive = openArchive(path)
    var committed = 0
    for b in 0..<batches {
        let documents = (0..<batchSize).map { ArchiveDocument(generatedDocument(batch: b, index: $0), loadedAt: Date()) }
        do { _ = try archive.store(documents) } catch { fail("\(error)") }
        committed += batchSize
        say("committed \(committed)")
    }
    archive.close()

default:
    fail("unknown command \(command)")
}
