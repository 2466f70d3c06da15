-- copydesk schema, migration 9: the article list's sorts (by date, by
-- title) and their keyset pages (core/src/articles/article_page.c).
--
-- article_sort is a narrow copy of what the list sorts and filters by, one
-- row an article: its date ('' when none), its title's sort key (the title
-- folded by the text module: no accents, no case, đ -> d, so that
-- "Đà Nẵng" sorts with "Da Nang"; an untitled article's key is U+10FFFF,
-- after every title), its status and language.  Its two indexes are in the
-- list's orders with the filters' columns beside them, so that a page, a
-- rank and an index in either order read the index only.
--
-- The importer adds an article's row in its own transaction (folding in C).
-- The articles of a database made before this migration get theirs
-- afterwards in short steps (desk_article_sort_index), as migration 8's
-- search index: sort_upgrade holds those next..last not yet done; the row
-- goes when they all are.  Until then the date and title sorts are refused
-- (the id order needs none of this).  The status is kept in step by a
-- trigger; copydesk never changes an article's title or date.
--
-- Every statement may run again on a database that has its objects (one
-- set back to an earlier user_version): the fill then redoes every row.

CREATE TABLE IF NOT EXISTS article_sort (
    id        INTEGER PRIMARY KEY,
    date      TEXT NOT NULL,
    title_key TEXT NOT NULL,
    status    TEXT NOT NULL,
    lang      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_sort_date ON article_sort (date, id, status, lang);
CREATE INDEX IF NOT EXISTS article_sort_title ON article_sort (title_key, id, status, lang, date);

CREATE TRIGGER IF NOT EXISTS article_sort_status AFTER UPDATE OF status ON article
WHEN old.status IS NOT new.status
BEGIN
    UPDATE article_sort SET status = new.status WHERE id = new.id;
END;
CREATE TRIGGER IF NOT EXISTS article_sort_del AFTER DELETE ON article
BEGIN
    DELETE FROM article_sort WHERE id = old.id;
END;

CREATE TABLE IF NOT EXISTS sort_upgrade (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    next INTEGER NOT NULL,
    last INTEGER NOT NULL
);
INSERT OR REPLACE INTO sort_upgrade (id, next, last)
SELECT 1, (SELECT min(id) FROM article), (SELECT max(id) FROM article)
WHERE EXISTS (SELECT 1 FROM article);

-- The label filter ("articles with a standing span of label L") probes this
-- index once an article, without reading the span rows.  Building it reads
-- the spans once (about 0.3 s at 200,000 spans), not the articles.
CREATE INDEX IF NOT EXISTS span_label_article ON span (label, article_id) WHERE deleted_at IS NULL;
