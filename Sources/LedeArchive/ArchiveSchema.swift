/// The archive's tables, as numbered migrations: a new archive runs them all; an older one runs those past its
/// `PRAGMA user_version`, each in one transaction with the new version number. docs/archive.md documents every
/// table and column; change both together, and never edit a migration that has shipped: add one.
enum ArchiveSchema {
    /// Marks the SQLite file as a lede archive (`PRAGMA application_id`; the bytes "lede").
    static let applicationID: Int32 = 0x6C65_6465

    static var currentVersion: Int { migrations.count }

    static let migrations: [String] = [
        // 1: articles, their versions (text, raw bytes, metadata), tags, models, feeds, fetch state, the log.
        """
        CREATE TABLE archive_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE articles (
            article INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            name TEXT,
            created TEXT NOT NULL
        );
        CREATE INDEX articles_by_name ON articles(name) WHERE name IS NOT NULL;
        CREATE TABLE raw_files (
            raw INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            codec TEXT NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE texts (
            text INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            title TEXT,
            body TEXT NOT NULL,
            paragraphs INTEGER NOT NULL,
            paragraph_bounds BLOB
        );
        CREATE TABLE versions (
            version INTEGER PRIMARY KEY,
            article INTEGER NOT NULL REFERENCES articles(article),
            number INTEGER NOT NULL,
            text INTEGER NOT NULL REFERENCES texts(text),
            raw INTEGER REFERENCES raw_files(raw),
            raw_hash TEXT,
            content_hash TEXT NOT NULL,
            format TEXT NOT NULL,
            source_path TEXT,
            source_url TEXT,
            record_key TEXT,
            published TEXT,
            modified TEXT,
            source TEXT,
            author TEXT,
            url TEXT,
            language TEXT,
            dropped TEXT,
            warnings TEXT,
            words INTEGER,
            loaded_at TEXT NOT NULL,
            fetched_at TEXT,
            http_status INTEGER,
            http_headers TEXT,
            parser_version TEXT NOT NULL,
            UNIQUE (article, number)
        );
        CREATE INDEX versions_by_url ON versions(url) WHERE url IS NOT NULL;
        CREATE INDEX versions_by_text ON versions(text);
        CREATE TABLE tags (
            article INTEGER NOT NULL REFERENCES articles(article),
            tag TEXT NOT NULL,
            origin TEXT NOT NULL CHECK (origin IN ('taxonomy', 'model', 'user')),
            model TEXT,
            score REAL,
            created TEXT NOT NULL,
            PRIMARY KEY (article, tag)
        ) WITHOUT ROWID;
        CREATE INDEX tags_by_tag ON tags(tag);
        CREATE TABLE models (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            data TEXT NOT NULL,
            created TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE feeds (
            feed INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            added TEXT NOT NULL,
            last_read TEXT,
            items_given INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE feed_items (
            feed INTEGER NOT NULL REFERENCES feeds(feed),
            guid TEXT NOT NULL,
            url TEXT,
            title TEXT,
            published TEXT,
            first_seen TEXT NOT NULL,
            article INTEGER REFERENCES articles(article),
            PRIMARY KEY (feed, guid)
        ) WITHOUT ROWID;
        CREATE TABLE fetch_state (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            last_status INTEGER,
            last_fetched TEXT,
            last_error TEXT
        ) WITHOUT ROWID;
        CREATE TABLE session_log (
            entry INTEGER PRIMARY KEY,
            session TEXT,
            command TEXT NOT NULL,
            started TEXT NOT NULL,
            duration_ms REAL NOT NULL,
            status TEXT NOT NULL,
            error TEXT,
            result TEXT
        );
        """,
        // 2: full-text search over each text's title and body (filled on demand, see `Archive.updateSearchIndex`),
        // and two views that join what an analyst usually wants.
        """
        CREATE VIRTUAL TABLE search_index USING fts5(
            title, body, content = 'texts', content_rowid = 'text', tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO archive_info (key, value) VALUES ('search_indexed_upto', '0');
        CREATE VIEW article_versions AS
            SELECT a.id, a.name, v.number AS version, t.title, v.published, v.modified, v.source, v.author, v.url,
                   v.language, v.format, v.source_path, v.source_url, v.record_key, v.loaded_at, v.fetched_at,
                   v.parser_version, v.words, v.content_hash, v.raw_hash, t.body
            FROM versions v JOIN articles a ON a.article = v.article JOIN texts t ON t.text = v.text;
        CREATE VIEW latest_versions AS
            SELECT * FROM article_versions av
            WHERE av.version = (SELECT max(number) FROM versions v JOIN articles a ON a.article = v.article WHERE a.id = av.id);
        """,
    ]
}
