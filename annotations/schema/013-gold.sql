-- copydesk schema, migration 13: the gold layer, what a chief settles where
-- the editors' layers differ (core/src/annotate/gold*.c).  An editor's layer is the
-- spans whose author is that editor; the gold layer is kept apart from all
-- of them, so that settling never changes an editor's own work.
--
-- Nothing is deleted for good: a gold row taken away keeps its row
-- (deleted_at set) so that undo brings back the same id; every change is
-- one 'gold' entry of the edit log (store/history_actions.c).  IF NOT
-- EXISTS: a database whose user_version was set back runs it again.

-- An article that has a gold layer.  "Take none" everywhere is a gold layer
-- with no spans: a standing row here and no standing gold_span; an article
-- without a standing row has no gold layer (exports then take the editors').
CREATE TABLE IF NOT EXISTS gold_article (
    article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    settled_by TEXT NOT NULL,
    settled_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_by TEXT,
    deleted_at TEXT                               -- NULL while the layer stands
);

-- The gold spans: offsets as span's (code points of article.body, end
-- exclusive), the editor's span each was taken from (an edited one keeps the
-- span it was edited from), whose span it was (author) and who settled it.
CREATE TABLE IF NOT EXISTS gold_span (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    label      TEXT NOT NULL REFERENCES label (name) ON UPDATE CASCADE,
    text       TEXT NOT NULL,                    -- body[start:end]
    entity_id  INTEGER REFERENCES entity (id),
    span_id    INTEGER REFERENCES span (id),     -- taken (or edited) from; NULL: none
    author     TEXT NOT NULL,                    -- the span's author; the chief for an edit
    settled_by TEXT NOT NULL,
    settled_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_by TEXT,
    deleted_at TEXT,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX IF NOT EXISTS gold_span_article ON gold_span (article_id, start, "end") WHERE deleted_at IS NULL;

-- A settled verdict.  Two editors who claim the same sentence make two
-- claims (same article, overlapping ranges), each with its own research
-- and verdict; settling keeps one claim (claim_id) with one verdict for the
-- whole group of claims overlapping [start, end).  In the gold layer the
-- kept claim carries this verdict and the other claims of the range are
-- left out; the editors' research is not changed.
CREATE TABLE IF NOT EXISTS gold_verdict (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    claim_id   INTEGER NOT NULL REFERENCES claim (id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    verdict    TEXT NOT NULL REFERENCES verdict (name) ON UPDATE CASCADE,
    settled_by TEXT NOT NULL,
    settled_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_by TEXT,
    deleted_at TEXT,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX IF NOT EXISTS gold_verdict_article ON gold_verdict (article_id, start) WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS gold_verdict_claim ON gold_verdict (claim_id) WHERE deleted_at IS NULL;
