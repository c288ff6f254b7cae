-- storyline store, version 1 (SQLite). Statements end with ";" at the end of a line.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    settings TEXT NOT NULL,
    tool_version TEXT NOT NULL
);
-- One row per article id: which version is the latest; n is the full-text rowid.
CREATE TABLE article_ids (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    latest INTEGER NOT NULL
);
-- Every version of every article: raw input, cleaned article, analysis (JSON text).
CREATE TABLE articles (
    id TEXT NOT NULL REFERENCES article_ids(id),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    raw TEXT NOT NULL,
    clean TEXT NOT NULL,
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    run INTEGER REFERENCES runs(id),
    PRIMARY KEY (id, version)
);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',  -- given by the user; '' when none
    auto_title TEXT NOT NULL DEFAULT '',  -- the latest brief's title
    start_date TEXT,
    end_date TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX events_updated ON events(updated);
CREATE TABLE event_articles (
    event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article TEXT NOT NULL REFERENCES article_ids(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (event, article)
);
CREATE INDEX event_articles_article ON event_articles(article);
CREATE TABLE briefs (
    id INTEGER PRIMARY KEY,
    event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    built_at TEXT NOT NULL,
    brief TEXT NOT NULL,
    settings TEXT NOT NULL,
    run INTEGER REFERENCES runs(id)
);
CREATE INDEX briefs_event ON briefs(event, id);
-- Full-text index over the latest version of each article; rowid = article_ids.n.
CREATE VIRTUAL TABLE article_search USING fts5(
    article UNINDEXED,
    title,
    body,
    tokenize = 'porter unicode61'
);
