import Foundation
import LedeSession
import LedeEngine

extension Engine {
    /// `report FILE.html [SEL]`: gathers the data, lays it out as HTML and writes the file atomically.
    public func report(_ request: ReportRequest) throws -> ReportReport {
        let clock = ContinuousClock.now
        let data = try reportData(request)
        let page = HTMLReport(data: data)
        let html = page.render()
        let bytes = Data(html.utf8)
        do { try AtomicFile.write(bytes, to: request.path) } catch { throw EngineError("\(error)") }
        let elapsed = ContinuousClock.now - clock
        return ReportReport(path: request.path, bytes: bytes.count, articles: data.overview?.articles.count ?? 0, sections: page.sections,
                            loggedResults: data.logged.count, charts: page.charts,
                            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
