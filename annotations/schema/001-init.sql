-- copydesk schema, migration 1: articles, their marked ranges, reading
-- positions and the edit log.  Migrations run in file-name order, each in
-- one transaction, and set PRAGMA user_version to their number.  Later
-- migrations add spans, entities, claims and verdicts as new tables that
-- refer to article(id) and write to edit_log; nothing here needs rewriting.
--
-- Offsets (start, end, pos) are code points of article.body, end exclusive.
-- Times are ISO 8601 UTC with milliseconds ("2026-11-23T16:20:01.123Z").

CREATE TABLE article (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT ''
                CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    lang        TEXT NOT NULL CHECK (lang IN ('vi', 'en')),
    source      TEXT NOT NULL DEFAULT '',       -- file path or URL
    body        TEXT NOT NULL,                  -- NFC UTF-8, LF line ends
    chars       INTEGER NOT NULL,               -- length of body in code points
    hash        TEXT NOT NULL,                  -- 64-bit FNV-1a (by words) of body, hex; narrows duplicates
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'progress', 'done')),
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX article_hash ON article (hash);
CREATE INDEX article_status ON article (status, id);

-- Ranges the importer recognised: web boilerplate (kept in the body, dimmed
-- or hidden by the reader, left out by exports) and bylines.
CREATE TABLE mark (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('boilerplate', 'byline')),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX mark_article ON mark (article_id, start);

-- Where each editor last was in each article.  This is interface state, not
-- an edit of the corpus, so it is not written to the edit log.
CREATE TABLE position (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    editor     TEXT NOT NULL,
    pos        INTEGER NOT NULL CHECK (pos >= 0),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (article_id, editor)
) WITHOUT ROWID;

-- Every change to the corpus, appended in the same transaction as the
-- change: who, when, what.  Undo (later) appends an entry naming the entry
-- it undoes; nothing is ever deleted from here.
CREATE TABLE edit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    editor     TEXT NOT NULL,
    action     TEXT NOT NULL,                   -- 'import', 'status', ...
    article_id INTEGER REFERENCES article (id) ON DELETE SET NULL,
    target_id  INTEGER,                         -- the row acted on (span, claim, ...)
    data       TEXT CHECK (data IS NULL OR json_valid(data)), -- before/after, as JSON
    undoes     INTEGER REFERENCES edit_log (id)
);
CREATE INDEX edit_log_article ON edit_log (article_id, id);
CREATE INDEX edit_log_editor ON edit_log (editor, id);
