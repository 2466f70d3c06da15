-- copydesk schema, migration 3: fact verification.  A claim is a span of
-- an article to be checked; its research (verdict, evidence, review) may be
-- shared by the same claim in several articles.  See annotations/VERDICTS.md.
--
-- Offsets are code points of article.body, end exclusive, on grapheme
-- boundaries.  Status: 'check' (to check), 'proposed' (a verdict with at
-- least one piece of evidence), 'verified' (another editor approved it),
-- 'disputed' (another editor disagreed, with a reason).

-- The verdict scale (loaded from annotations/verdicts/default.json when the
-- database is made).
CREATE TABLE verdict (
    name        TEXT PRIMARY KEY CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9-]*'),
    label       TEXT NOT NULL,
    key         TEXT NOT NULL UNIQUE CHECK (length(key) = 1),
    color       TEXT NOT NULL CHECK (color IN ('black', 'red', 'green', 'yellow', 'blue',
                                               'magenta', 'cyan', 'white')),
    color256    INTEGER CHECK (color256 IS NULL OR color256 BETWEEN 0 AND 255),
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),   -- ClaimReview ratingValue
    rating_name TEXT NOT NULL,                                      -- ClaimReview alternateName
    fever       TEXT NOT NULL CHECK (fever IN ('SUPPORTS', 'REFUTES', 'NOT ENOUGH INFO')),
    description TEXT NOT NULL DEFAULT '',
    ord         INTEGER NOT NULL
) WITHOUT ROWID;

-- The research behind one or more claims: the verdict, the note, the review.
CREATE TABLE research (
    id            INTEGER PRIMARY KEY,
    status        TEXT NOT NULL DEFAULT 'check'
                  CHECK (status IN ('check', 'proposed', 'verified', 'disputed')),
    verdict       TEXT REFERENCES verdict (name) ON UPDATE CASCADE,
    note          TEXT NOT NULL DEFAULT '',
    proposed_by   TEXT,                          -- who set the verdict last
    proposed_at   TEXT,
    reviewed_by   TEXT,                          -- who approved or disputed it
    reviewed_at   TEXT,
    review_reason TEXT,                          -- why it was disputed
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Sources: a URL or a citation, the passage quoted, the day it was consulted.
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    research_id INTEGER NOT NULL REFERENCES research (id),
    source      TEXT NOT NULL CHECK (source <> ''),
    quote       TEXT NOT NULL CHECK (quote <> ''),
    consulted   TEXT NOT NULL CHECK (consulted GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    added_by    TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    deleted_by  TEXT,
    deleted_at  TEXT
);
CREATE INDEX evidence_research ON evidence (research_id) WHERE deleted_at IS NULL;

CREATE TABLE claim (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,                   -- body[start:end]
    key         TEXT NOT NULL,                   -- text folded: case, accents, number formats
    research_id INTEGER NOT NULL REFERENCES research (id),
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_by  TEXT,
    deleted_at  TEXT,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX claim_article ON claim (article_id, start) WHERE deleted_at IS NULL;
CREATE INDEX claim_key ON claim (key) WHERE deleted_at IS NULL;
CREATE INDEX claim_research ON claim (research_id) WHERE deleted_at IS NULL;

-- Every sentence of every article with its folded key, so that the same
-- claim is found in other articles with one query.  Filled lazily: the
-- first look for repeats indexes the articles that have no rows here yet
-- (import stays as fast as it was).
CREATE TABLE sentence (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    key        TEXT NOT NULL,
    PRIMARY KEY (article_id, start)
) WITHOUT ROWID;
CREATE INDEX sentence_key ON sentence (key);

-- Check-worthy candidates an editor dismissed, so that they do not come back.
CREATE TABLE candidate_dismissed (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    editor     TEXT NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (article_id, start, "end")
) WITHOUT ROWID;
