-- copydesk schema, migration 2: labels, entities, spans, suggestions and
-- the undo history.  See annotations/LABELS.md for the label scheme.
--
-- Offsets are code points of article.body, end exclusive, on grapheme
-- boundaries.  Nothing is deleted for good by an edit: a deleted span keeps
-- its row (deleted_at set) so that undo brings back the same id, and the
-- edit log keeps every change.

-- The database's own copy of the label scheme (loaded from
-- annotations/labels/news.json when the database is made; replaced or
-- extended by `copydesk labels import`).
CREATE TABLE label (
    name        TEXT PRIMARY KEY CHECK (name <> '' AND name NOT GLOB '*[^A-Za-z0-9_-]*'),
    key         TEXT NOT NULL UNIQUE CHECK (length(key) = 1),
    color       TEXT NOT NULL CHECK (color IN ('black', 'red', 'green', 'yellow', 'blue',
                                               'magenta', 'cyan', 'white')),
    color256    INTEGER CHECK (color256 IS NULL OR color256 BETWEEN 0 AND 255),
    description TEXT NOT NULL DEFAULT '',
    ord         INTEGER NOT NULL
) WITHOUT ROWID;

-- Who or what the spans name: one row for all its aliases ("Tập Cận Bình",
-- "Xi Jinping").  A merged entity keeps its row, pointing at the survivor.
CREATE TABLE entity (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    external_id TEXT NOT NULL DEFAULT '',        -- e.g. a Wikidata QID, "Q1234"
    merged_into INTEGER REFERENCES entity (id),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX entity_name ON entity (name);

CREATE TABLE span (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    label      TEXT NOT NULL REFERENCES label (name) ON UPDATE CASCADE,
    text       TEXT NOT NULL,                    -- body[start:end], for lists and the gazetteer
    entity_id  INTEGER REFERENCES entity (id),
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_by TEXT,
    deleted_at TEXT,                              -- NULL while the span stands
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX span_article ON span (article_id, start, "end") WHERE deleted_at IS NULL;
CREATE INDEX span_text ON span (text) WHERE deleted_at IS NULL;
CREATE INDEX span_entity ON span (entity_id) WHERE deleted_at IS NULL;

-- Suggestions an editor turned down, so that they do not come back.
CREATE TABLE suggestion_rejected (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    label      TEXT NOT NULL,
    editor     TEXT NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (article_id, start, "end", label)
) WITHOUT ROWID;

-- Each editor's undo stack over the edit log: an edit is 'done' until
-- undone; undoing appends an 'undo' entry to edit_log (undoes = the edit)
-- and redoing a 'redo' entry (undoes = the undo).  A new edit drops what
-- could still be redone ('dropped').  Survives restarts of the program.
CREATE TABLE history (
    log_id  INTEGER PRIMARY KEY REFERENCES edit_log (id),
    editor  TEXT NOT NULL,
    state   TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),
    seq     INTEGER NOT NULL                      -- order of the last undo/redo, for redo
);
CREATE INDEX history_editor ON history (editor, state, log_id);
