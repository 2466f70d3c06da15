-- copydesk schema, migration 6: the desk's configuration and the counts
-- its statistics are made of.
--
-- config: `copydesk config KEY VALUE`; the known keys and the rule of each
-- value are core/src/store/config.c's.  Every change is an undoable edit
-- ("config", in edit_log).
--
-- The stat_* tables are counts kept by the triggers below as the edits
-- happen, so that `copydesk stats` reads a few dozen rows instead of
-- scanning the corpus: articles per status, standing spans per label,
-- standing spans and claims per editor per day (the day the span or claim
-- was made: the last 7 days are a sum of 7 rows per editor), standing claims
-- per (research status, verdict).  A standing span or claim is one whose
-- deleted_at is NULL; undo, redo, delete, relabel and a label's rename
-- (ON UPDATE CASCADE) all go through the same triggers.
--
-- A database with articles when this migration runs has them counted once
-- afterwards, in short steps (desk_stats_index, as migration 4's sentence
-- upgrade): stat_upgrade holds the articles next..last not yet counted, and
-- the triggers leave the rows of those articles alone meanwhile (they are
-- counted as they are when their step comes).  Until the row is gone,
-- desk_stats_get counts by scanning.

CREATE TABLE config (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE stat_article (
    status TEXT PRIMARY KEY,
    n      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE stat_label (
    label TEXT PRIMARY KEY,
    n     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE stat_editor_day (
    editor TEXT NOT NULL,
    day    TEXT NOT NULL,                        -- YYYY-MM-DD (UTC) of created_at
    spans  INTEGER NOT NULL DEFAULT 0,
    claims INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (editor, day)
) WITHOUT ROWID;

CREATE TABLE stat_claim (
    status  TEXT NOT NULL,
    verdict TEXT NOT NULL,                       -- '' for none
    n       INTEGER NOT NULL,
    PRIMARY KEY (status, verdict)
) WITHOUT ROWID;

CREATE TABLE stat_upgrade (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    next INTEGER NOT NULL,
    last INTEGER NOT NULL
);
INSERT INTO stat_upgrade (id, next, last)
SELECT 1, (SELECT min(id) FROM article), (SELECT max(id) FROM article)
WHERE EXISTS (SELECT 1 FROM article);

-- Articles (never deleted by copydesk; the delete trigger keeps the counts
-- right if one is).
CREATE TRIGGER stat_article_ins AFTER INSERT ON article
WHEN NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE new.id BETWEEN next AND last)
BEGIN
    INSERT INTO stat_article (status, n) VALUES (new.status, 1)
    ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER stat_article_del AFTER DELETE ON article
WHEN NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE old.id BETWEEN next AND last)
BEGIN
    UPDATE stat_article SET n = n - 1 WHERE status = old.status;
END;
CREATE TRIGGER stat_article_upd AFTER UPDATE OF status ON article
WHEN old.status IS NOT new.status
 AND NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE new.id BETWEEN next AND last)
BEGIN
    UPDATE stat_article SET n = n - 1 WHERE status = old.status;
    INSERT INTO stat_article (status, n) VALUES (new.status, 1)
    ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;

-- Spans: a standing span counts for its label and for its author's day.
CREATE TRIGGER stat_span_ins AFTER INSERT ON span
WHEN new.deleted_at IS NULL
 AND NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE new.article_id BETWEEN next AND last)
BEGIN
    INSERT INTO stat_label (label, n) VALUES (new.label, 1)
    ON CONFLICT (label) DO UPDATE SET n = n + 1;
    INSERT INTO stat_editor_day (editor, day, spans) VALUES (new.author, substr(new.created_at, 1, 10), 1)
    ON CONFLICT (editor, day) DO UPDATE SET spans = spans + 1;
END;
CREATE TRIGGER stat_span_del AFTER DELETE ON span
WHEN old.deleted_at IS NULL
 AND NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE old.article_id BETWEEN next AND last)
BEGIN
    UPDATE stat_label SET n = n - 1 WHERE label = old.label;
    UPDATE stat_editor_day SET spans = spans - 1
    WHERE editor = old.author AND day = substr(old.created_at, 1, 10);
END;
-- An update takes the old row's count away and adds the new row's, when
-- what is counted changed.
CREATE TRIGGER stat_span_upd_old AFTER UPDATE OF deleted_at, label, author, created_at ON span
WHEN old.deleted_at IS NULL
 AND (new.deleted_at IS NOT NULL OR old.label IS NOT new.label OR old.author IS NOT new.author
      OR substr(old.created_at, 1, 10) IS NOT substr(new.created_at, 1, 10))
 AND NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE old.article_id BETWEEN next AND last)
BEGIN
    UPDATE stat_label SET n = n - 1 WHERE label = old.label;
    UPDATE stat_editor_day SET spans = spans - 1
    WHERE editor = old.author AND day = substr(old.created_at, 1, 10);
END;
CREATE TRIGGER stat_span_upd_new AFTER UPDATE OF deleted_at, label, author, created_at ON span
WHEN new.deleted_at IS NULL
 AND (old.deleted_at IS NOT NULL OR old.label IS NOT new.label OR old.author IS NOT new.author
      OR substr(old.created_at, 1, 10) IS NOT substr(new.created_at, 1, 10))
 AND NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE new.article_id BETWEEN next AND last)
BEGIN
    INSERT INTO stat_label (label, n) VALUES (new.label, 1)
    ON CONFLICT (label) DO UPDATE SET n = n + 1;
    INSERT INTO stat_editor_day (editor, day, spans) VALUES (new.author, substr(new.created_at, 1, 10), 1)
    ON CONFLICT (editor, day) DO UPDATE SET spans = spans + 1;
END;

-- Claims: a standing claim counts for its research's (status, verdict) and
-- for its author's day.
CREATE TRIGGER stat_claim_ins AFTER INSERT ON claim
WHEN new.deleted_at IS NULL
 AND NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE new.article_id BETWEEN next AND last)
BEGIN
    INSERT INTO stat_claim (status, verdict, n)
    SELECT status, coalesce(verdict, ''), 1 FROM research WHERE id = new.research_id
    ON CONFLICT (status, verdict) DO UPDATE SET n = n + 1;
    INSERT INTO stat_editor_day (editor, day, claims) VALUES (new.author, substr(new.created_at, 1, 10), 1)
    ON CONFLICT (editor, day) DO UPDATE SET claims = claims + 1;
END;
CREATE TRIGGER stat_claim_del AFTER DELETE ON claim
WHEN old.deleted_at IS NULL
 AND NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE old.article_id BETWEEN next AND last)
BEGIN
    UPDATE stat_claim SET n = n - 1 WHERE (status, verdict) =
        (SELECT status, coalesce(verdict, '') FROM research WHERE id = old.research_id);
    UPDATE stat_editor_day SET claims = claims - 1
    WHERE editor = old.author AND day = substr(old.created_at, 1, 10);
END;
CREATE TRIGGER stat_claim_upd_old AFTER UPDATE OF deleted_at, research_id, author, created_at ON claim
WHEN old.deleted_at IS NULL
 AND (new.deleted_at IS NOT NULL OR old.research_id IS NOT new.research_id
      OR old.author IS NOT new.author
      OR substr(old.created_at, 1, 10) IS NOT substr(new.created_at, 1, 10))
 AND NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE old.article_id BETWEEN next AND last)
BEGIN
    UPDATE stat_claim SET n = n - 1 WHERE (status, verdict) =
        (SELECT status, coalesce(verdict, '') FROM research WHERE id = old.research_id);
    UPDATE stat_editor_day SET claims = claims - 1
    WHERE editor = old.author AND day = substr(old.created_at, 1, 10);
END;
CREATE TRIGGER stat_claim_upd_new AFTER UPDATE OF deleted_at, research_id, author, created_at ON claim
WHEN new.deleted_at IS NULL
 AND (old.deleted_at IS NOT NULL OR old.research_id IS NOT new.research_id
      OR old.author IS NOT new.author
      OR substr(old.created_at, 1, 10) IS NOT substr(new.created_at, 1, 10))
 AND NOT EXISTS (SELECT 1 FROM stat_upgrade WHERE new.article_id BETWEEN next AND last)
BEGIN
    INSERT INTO stat_claim (status, verdict, n)
    SELECT status, coalesce(verdict, ''), 1 FROM research WHERE id = new.research_id
    ON CONFLICT (status, verdict) DO UPDATE SET n = n + 1;
    INSERT INTO stat_editor_day (editor, day, claims) VALUES (new.author, substr(new.created_at, 1, 10), 1)
    ON CONFLICT (editor, day) DO UPDATE SET claims = claims + 1;
END;

-- A research's status or verdict moves all its standing claims (those
-- already counted) from one (status, verdict) to the other: a count over
-- the claim_research index, as many rows as claims share the research.
CREATE TRIGGER stat_research_upd AFTER UPDATE OF status, verdict ON research
WHEN old.status IS NOT new.status OR old.verdict IS NOT new.verdict
BEGIN
    UPDATE stat_claim SET n = n - (SELECT count(*) FROM claim c WHERE c.research_id = new.id
        AND c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM stat_upgrade u
        WHERE c.article_id BETWEEN u.next AND u.last))
    WHERE status = old.status AND verdict = coalesce(old.verdict, '');
    INSERT INTO stat_claim (status, verdict, n)
    SELECT new.status, coalesce(new.verdict, ''), count(*) FROM claim c
    WHERE c.research_id = new.id AND c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM
        stat_upgrade u WHERE c.article_id BETWEEN u.next AND u.last)
    ON CONFLICT (status, verdict) DO UPDATE SET n = n + excluded.n;
END;
