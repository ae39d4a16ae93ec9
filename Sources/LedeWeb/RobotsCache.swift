import LedeText

/// robots.txt rules per `scheme://host:port`, kept by the `Fetcher` that read them (RFC 9309 §2.4 allows a day;
/// a fetcher lives for one command or one refresh run).
final class RobotsCache: Sendable {
    private let entries = Locked<[String: RobotsRules]>([:])

    func rules(for host: String) -> RobotsRules? { entries.withLock { $0[host] } }
    func store(_ rules: RobotsRules, for host: String) { entries.withLock { $0[host] = rules } }
    var count: Int { entries.withLock { $0.count } }
}
