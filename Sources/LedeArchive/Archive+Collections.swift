import Foundation

/// Tags, models, feeds, fetch state and the session log: small tables, one transaction per call.
extension Archive {
    // MARK: Tags

    /// Sets articles' tags: for each article, its tags of the origins in `replacing` are removed first (so
    /// tagging again with the taxonomy replaces the taxonomy's tags and keeps the user's). One transaction.
    public func setTags(_ tagsByArticle: [String: [ArchiveTag]], replacing: Set<TagOrigin> = []) throws {
        try locked {
            try writeTransaction {
                let find = try connection.statement("SELECT article FROM articles WHERE article = CAST(substr(?1, 2) AS INTEGER) AND id = ?1")
                let remove = try connection.statement("DELETE FROM tags WHERE article = ? AND origin = ?")
                let insert = try connection.statement("""
                    INSERT INTO tags (article, tag, origin, model, score, created) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (article, tag) DO UPDATE SET origin = excluded.origin, model = excluded.model, score = excluded.score
                    """)
                let now = ArchiveDate.format(Date())
                for (id, tags) in tagsByArticle.sorted(by: { $0.key < $1.key }) {
                    find.reset()
                    find.bind(1, id)
                    guard try find.step() else { throw ArchiveError.unknownArticle(path: path, id: id) }
                    let article = find.int64(0)
                    find.reset()
                    for origin in replacing.sorted(by: { $0.rawValue < $1.rawValue }) {
                        remove.reset()
                        remove.bindAll([.integer(article), .text(origin.rawValue)])
                        try remove.run()
                    }
                    for t in tags {
                        insert.reset()
                        insert.bindAll([.integer(article), .text(t.tag), .text(t.origin.rawValue), .of(t.model),
                                        t.score.map { .real($0) } ?? .null, .text(now)])
                        try insert.run()
                    }
                }
            }
        }
    }

    /// Removes tags (all of an article's when `tags` is nil).
    public func removeTags(_ tags: [String]?, from articleID: String) throws {
        try locked {
            try writeTransaction {
                if let tags {
                    let s = try connection.statement("DELETE FROM tags WHERE article = (SELECT article FROM articles WHERE article = CAST(substr(?1, 2) AS INTEGER) AND id = ?1) AND tag = ?2")
                    for t in tags { s.reset(); s.bindAll([.text(articleID), .text(t)]); try s.run() }
                } else {
                    let s = try connection.statement("DELETE FROM tags WHERE article = (SELECT article FROM articles WHERE article = CAST(substr(?1, 2) AS INTEGER) AND id = ?1)")
                    s.bind(1, articleID)
                    try s.run()
                }
            }
        }
    }

    /// Every article's tags, by article id.
    public func tags() throws -> [String: [ArchiveTag]] {
        try locked {
            try readTransaction {
                let ids = try connection.statement("SELECT article, id FROM articles WHERE article IN (SELECT article FROM tags)")
                var idOf: [Int64: String] = [:]
                while try ids.step() { idOf[ids.int64(0)] = ids.text(1) }
                ids.reset()
                var out: [String: [ArchiveTag]] = [:]
                for (article, tags) in try allTags() { if let id = idOf[article] { out[id] = tags } }
                return out
            }
        }
    }

    func allTags() throws -> [Int64: [ArchiveTag]] {
        let s = try connection.statement("SELECT article, tag, origin, model, score FROM tags ORDER BY article, tag")
        var out: [Int64: [ArchiveTag]] = [:]
        while try s.step() {
            out[s.int64(0), default: []].append(ArchiveTag(s.text(1) ?? "", origin: TagOrigin(rawValue: s.text(2) ?? "") ?? .user,
                                                           model: s.text(3), score: s.optionalDouble(4)))
        }
        s.reset()
        return out
    }

    func tagNames() throws -> [Int64: [String]] {
        try allTags().mapValues { $0.map(\.tag) }
    }

    // MARK: Models

    /// Stores a model under its name, replacing one of the same name.
    public func saveModel(_ model: ArchiveModel) throws {
        try locked {
            try writeTransaction {
                let s = try connection.statement("""
                    INSERT INTO models (name, kind, data, created) VALUES (?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, data = excluded.data, created = excluded.created
                    """)
                s.bindAll([.text(model.name), .text(model.kind), .text(model.json), .text(ArchiveDate.format(model.created))])
                try s.run()
            }
        }
    }

    public func model(named name: String) throws -> ArchiveModel? {
        try models().first { $0.name == name }
    }

    public func models() throws -> [ArchiveModel] {
        try locked {
            let s = try connection.statement("SELECT name, kind, data, created FROM models ORDER BY name")
            var out: [ArchiveModel] = []
            while try s.step() {
                out.append(ArchiveModel(name: s.text(0) ?? "", kind: s.text(1) ?? "", json: s.text(2) ?? "",
                                        created: ArchiveDate.parse(s.text(3) ?? "") ?? Date(timeIntervalSince1970: 0)))
            }
            s.reset()
            return out
        }
    }

    public func deleteModel(named name: String) throws {
        try locked {
            try writeTransaction {
                let s = try connection.statement("DELETE FROM models WHERE name = ?")
                s.bind(1, name)
                try s.run()
            }
        }
    }

    // MARK: Feeds and fetch state

    /// Adds a feed; one with the same URL is kept as it is (its title updated when a new one is given).
    public func addFeed(_ feed: FeedRecord) throws {
        try locked {
            try writeTransaction {
                let s = try connection.statement("""
                    INSERT INTO feeds (url, title, added, last_read, items_given) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (url) DO UPDATE SET title = coalesce(excluded.title, title)
                    """)
                s.bindAll([.text(feed.url), .of(feed.title), .text(ArchiveDate.format(feed.added)),
                           .of(feed.lastRead.map(ArchiveDate.format)), .integer(Int64(feed.itemsGiven))])
                try s.run()
            }
        }
    }

    /// Records that a feed was read: when, and how many items it gave.
    public func markFeedRead(url: String, at date: Date, itemsGiven: Int, title: String? = nil) throws {
        try locked {
            try writeTransaction {
                let s = try connection.statement(
                    "UPDATE feeds SET last_read = ?, items_given = ?, title = coalesce(?, title) WHERE url = ?")
                s.bindAll([.text(ArchiveDate.format(date)), .integer(Int64(itemsGiven)), .of(title), .text(url)])
                try s.run()
                if connection.changes == 0 { throw ArchiveError.failed(path: path, reason: "no feed \(url)") }
            }
        }
    }

    public func feeds() throws -> [FeedRecord] {
        try locked {
            let s = try connection.statement("SELECT url, title, added, last_read, items_given FROM feeds ORDER BY feed")
            var out: [FeedRecord] = []
            while try s.step() {
                out.append(FeedRecord(url: s.text(0) ?? "", title: s.text(1), added: ArchiveDate.parse(s.text(2) ?? "") ?? Date(timeIntervalSince1970: 0),
                                      lastRead: s.text(3).flatMap(ArchiveDate.parse), itemsGiven: s.int(4)))
            }
            s.reset()
            return out
        }
    }

    /// Adds a feed's items; an item already recorded (same guid) keeps its first sighting, and gets the
    /// article id when one is given now. Returns the items that were new.
    @discardableResult
    public func recordFeedItems(_ items: [FeedItemRecord], feedURL: String) throws -> [FeedItemRecord] {
        try locked {
            try writeTransaction {
                guard let feed = try feedRow(feedURL) else { throw ArchiveError.failed(path: path, reason: "no feed \(feedURL)") }
                let insert = try connection.statement("""
                    INSERT INTO feed_items (feed, guid, url, title, published, first_seen, article)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT article FROM articles WHERE article = CAST(substr(?7, 2) AS INTEGER) AND id = ?7)) ON CONFLICT (feed, guid) DO NOTHING
                    """)
                let link = try connection.statement(
                    "UPDATE feed_items SET article = (SELECT article FROM articles WHERE article = CAST(substr(?1, 2) AS INTEGER) AND id = ?1) WHERE feed = ?2 AND guid = ?3")
                var new: [FeedItemRecord] = []
                for item in items {
                    insert.reset()
                    insert.bindAll([.integer(feed), .text(item.guid), .of(item.url), .of(item.title), .of(item.published),
                                    .text(ArchiveDate.format(item.firstSeen)), .of(item.articleID)])
                    try insert.run()
                    if connection.changes > 0 {
                        new.append(item)
                    } else if let id = item.articleID {
                        link.reset()
                        link.bindAll([.text(id), .integer(feed), .text(item.guid)])
                        try link.run()
                    }
                }
                return new
            }
        }
    }

    public func feedItems(feedURL: String) throws -> [FeedItemRecord] {
        try locked {
            try readTransaction {
                guard let feed = try feedRow(feedURL) else { return [] }
                let s = try connection.statement("""
                    SELECT i.guid, i.url, i.title, i.published, i.first_seen, a.id FROM feed_items i
                    LEFT JOIN articles a ON a.article = i.article WHERE i.feed = ? ORDER BY i.first_seen, i.guid
                    """)
                s.bind(1, feed)
                var out: [FeedItemRecord] = []
                while try s.step() {
                    out.append(FeedItemRecord(guid: s.text(0) ?? "", url: s.text(1), title: s.text(2), published: s.text(3),
                                              firstSeen: ArchiveDate.parse(s.text(4) ?? "") ?? Date(timeIntervalSince1970: 0),
                                              articleID: s.text(5)))
                }
                s.reset()
                return out
            }
        }
    }

    private func feedRow(_ url: String) throws -> Int64? {
        let s = try connection.statement("SELECT feed FROM feeds WHERE url = ?")
        s.bind(1, url)
        defer { s.reset() }
        return try s.step() ? s.int64(0) : nil
    }

    public func fetchState(url: String) throws -> FetchState? {
        try locked {
            let s = try connection.statement(
                "SELECT url, etag, last_modified, last_status, last_fetched, last_error FROM fetch_state WHERE url = ?")
            s.bind(1, url)
            defer { s.reset() }
            guard try s.step() else { return nil }
            return FetchState(url: s.text(0) ?? url, etag: s.text(1), lastModified: s.text(2), lastStatus: s.optionalInt(3),
                              lastFetched: s.text(4).flatMap(ArchiveDate.parse), lastError: s.text(5))
        }
    }

    public func saveFetchState(_ state: FetchState) throws {
        try saveFetchStates([state])
    }

    /// Saves what several fetches said, in one transaction (a refresh of many pages).
    public func saveFetchStates(_ states: [FetchState]) throws {
        if states.isEmpty { return }
        try locked {
            try writeTransaction {
                let s = try connection.statement("""
                    INSERT INTO fetch_state (url, etag, last_modified, last_status, last_fetched, last_error) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                        last_status = excluded.last_status, last_fetched = excluded.last_fetched, last_error = excluded.last_error
                    """)
                for state in states {
                    s.reset()
                    s.bindAll([.text(state.url), .of(state.etag), .of(state.lastModified), .of(state.lastStatus),
                               .of(state.lastFetched.map(ArchiveDate.format)), .of(state.lastError)])
                    try s.run()
                }
            }
        }
    }

    /// What the last fetch of each of these URLs said (those with none are left out), in one read.
    public func fetchStates(urls: [String]) throws -> [String: FetchState] {
        if urls.isEmpty { return [:] }
        return try locked {
            try readTransaction {
                let s = try connection.statement(
                    "SELECT url, etag, last_modified, last_status, last_fetched, last_error FROM fetch_state WHERE url = ?")
                var out: [String: FetchState] = [:]
                for url in urls {
                    s.reset()
                    s.bind(1, url)
                    if try s.step() {
                        out[url] = FetchState(url: s.text(0) ?? url, etag: s.text(1), lastModified: s.text(2), lastStatus: s.optionalInt(3),
                                              lastFetched: s.text(4).flatMap(ArchiveDate.parse), lastError: s.text(5))
                    }
                }
                s.reset()
                return out
            }
        }
    }

    // MARK: Session log

    public func appendLog(_ entries: [LogEntry]) throws {
        if entries.isEmpty { return }
        try locked {
            try writeTransaction {
                let s = try connection.statement("""
                    INSERT INTO session_log (session, command, started, duration_ms, status, error, result) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                for e in entries {
                    s.reset()
                    s.bindAll([.of(e.session), .text(e.command), .text(ArchiveDate.format(e.started)), .real(e.durationMs),
                               .text(e.status), .of(e.error), .of(e.resultJSON)])
                    try s.run()
                }
            }
        }
    }

    /// The log, oldest first (the last `limit` entries when given).
    public func log(limit: Int? = nil) throws -> [LogEntry] {
        try locked {
            let sql = limit.map { "SELECT * FROM (SELECT session, command, started, duration_ms, status, error, result, entry FROM session_log ORDER BY entry DESC LIMIT \($0)) ORDER BY entry" }
                ?? "SELECT session, command, started, duration_ms, status, error, result FROM session_log ORDER BY entry"
            let s = try connection.statement(sql)
            var out: [LogEntry] = []
            while try s.step() {
                out.append(LogEntry(session: s.text(0), command: s.text(1) ?? "",
                                    started: ArchiveDate.parse(s.text(2) ?? "") ?? Date(timeIntervalSince1970: 0),
                                    durationMs: s.double(3), status: s.text(4) ?? "", error: s.text(5), resultJSON: s.text(6)))
            }
            s.reset()
            return out
        }
    }
}
