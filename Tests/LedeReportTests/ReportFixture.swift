import Foundation
import LedeSession
import LedeAnalysis
@testable import LedeEngine

/// A small session for report tests: dated articles from two sources, one article with two versions, and a
/// hostile article (a record and a text dump with two versions) whose title, body, source and URL hold markup and script.
final class ReportFixture {
    let dir: String
    let engine = Engine()

    static let hostileTitle = "<script>document.title='pwned'</script><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
    static let hostileTextTitle = "Harbour plan vote: <script>document.title='pwned'</script>"
    static let hostileBody = """
    Officials said the <script>document.body.setAttribute('data-pwned','2')</script> harbour plan was approved.

    Read <a href="javascript:document.body.setAttribute('data-pwned','3')">the plan</a> and "quotes" & 'apostrophes' <b onmouseover=alert(1)>here</b>.

    The harbour council said the vote was close. " onerror="alert(1)
    """

    init() throws {
        dir = NSTemporaryDirectory() + "lede-report-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let topics = [("The harbour council approved a new quay after a long vote on the plan.", "Harbour Gazette"),
                      ("The central bank held interest rates as inflation eased and growth slowed.", "Money Wire"),
                      ("The striker scored twice as the home team won the cup final.", "Money Wire"),
                      ("Fishermen said the harbour plan would change their working days at the quay.", "Harbour Gazette")]
        var lines: [String] = []
        for i in 0..<24 {
            let (text, source) = topics[i % topics.count]
            let day = String(format: "2024-%02d-%02d", 1 + i / 8, 1 + (i * 3) % 28)
            lines.append(Self.record(title: "Story \(i): \(text.prefix(30))", date: day, source: source,
                                     text: "\(text)\n\nThe council said the harbour would open in spring. \(text)"))
        }
        lines.append(Self.record(title: Self.hostileTitle, date: "2024-02-10", source: "<b onmouseover=alert(1)>Wire</b>",
                                 text: Self.hostileBody, url: "javascript:alert(1)"))
        lines.append(Self.record(title: "Undated note", date: nil, source: "Money Wire", text: "The harbour plan was discussed again without a date."))
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/news.jsonl"))
        try Data(Self.version1.utf8).write(to: URL(fileURLWithPath: dir + "/fire-1.txt"))
        try Data(Self.version2.utf8).write(to: URL(fileURLWithPath: dir + "/fire-2.txt"))
        _ = try engine.load(LoadRequest(paths: [dir + "/news.jsonl"]))
        // A text dump keeps markup in its body as text (JSON bodies, and a file that starts with a tag, are read as HTML).
        try Data((Self.hostileTextTitle + "\n\n" + Self.hostileBody).utf8).write(to: URL(fileURLWithPath: dir + "/hostile-1.txt"))
        try Data((Self.hostileTextTitle + "\n\n" + Self.hostileBody
                  + "\n\nA late <img src=x onerror=\"document.body.setAttribute('data-pwned','4')\"> change.").utf8)
            .write(to: URL(fileURLWithPath: dir + "/hostile-2.txt"))
        _ = try engine.load(LoadRequest(paths: [dir + "/fire-1.txt", dir + "/fire-2.txt"], name: "fire"))
        _ = try engine.load(LoadRequest(paths: [dir + "/hostile-1.txt", dir + "/hostile-2.txt"], name: "hostile"))
        // What a user ran, as the shell logs it.
        log("keywords --top 5", try engine.keywords(KeywordsRequest(terms: TermOptions(top: 5))))
        log("plot dispersion harbour", try engine.dispersion(DispersionRequest(term: "harbour")))
        log("plot trend harbour --by month", try engine.trend(TrendRequest(subject: .term("harbour"), unit: .month)))
        log("plot hist words", try engine.histogram(HistogramRequest(statistic: .words)))
        log("kwic script", try engine.kwic(KwicRequest(term: "script")))
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func log(_ command: String, _ result: any Encodable & Sendable) {
        engine.log.append(LogEntry(command: command, startedAt: Date(timeIntervalSince1970: 1_780_000_000), durationMs: 1.5, status: .ok,
                                   typedResult: result))
    }

    static func record(title: String, date: String?, source: String, text: String, url: String? = nil) -> String {
        var o: [String: String] = ["title": title, "source": source, "text": text]
        if let date { o["published"] = date }
        if let url { o["url"] = url }
        let data = try! JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static let version1 = """
    Fire at Kessing harbour warehouse kills 12

    14 March 2026 · Source: Lede Sample Wire

    A fire at a warehouse in Kessing harbour killed 12 people on Saturday, officials said.

    Firefighters fought the blaze for six hours. The cause is not yet known.
    """

    static let version2 = """
    Kessing harbour warehouse fire: death toll rises to 15

    14 March 2026 · Source: Lede Sample Wire

    A fire at a warehouse in Kessing harbour killed 15 people on Saturday, officials said.

    Firefighters fought the blaze for six hours. "The building had no sprinklers," the fire chief said. Police have opened an inquiry.
    """
}
