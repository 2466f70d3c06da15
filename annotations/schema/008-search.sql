-- copydesk schema, migration 8: the full-text index of the articles' titles
-- and bodies, for `copydesk search` (desk_search).
--
-- article_fts is an FTS5 index with external content: it keeps no copy of
-- the text.  Its content is the view article_search_src, the article with
-- its boilerplate (mark kind 'boilerplate') blanked out by
-- copydesk_search_body() byte for byte, so boilerplate is not indexed and
-- the offsets of snippets are the body's.  The tokenizer "copydesk" and that
-- function are made on every connection by copydesk (core/src/store/fts.c):
-- the sqlite3 shell can read the other tables but not this one.  Each word
-- is indexed folded (no accents, no case, đ -> d) and, at the same position,
-- exact behind a marker byte, so that one index serves the accentless and
-- the exact search.
--
-- search_upgrade holds ranges of ids next..last not yet indexed; a row goes
-- when its articles all are.  They are indexed in short steps
-- (desk_search_index, as migration 4's sentence upgrade): those of a
-- database made before this migration, and those of each import batch,
-- which records its range in its own transaction and has it indexed right
-- after its commit, so that the index never lengthens the batch's write
-- lock.  Until then a search does not find them.  copydesk never deletes articles; one deleted behind its
-- back keeps its index entry, which the search's join with article drops.

CREATE VIEW article_search_src AS
SELECT a.id AS id, a.title AS title,
       copydesk_search_body(a.body, (SELECT group_concat(m.start || ' ' || m."end", ' ')
                                     FROM mark m
                                     WHERE m.article_id = a.id AND m.kind = 'boilerplate'))
           AS body
FROM article a;

-- prefix = '1 2 3': prefix indexes of 1, 2 and 3 characters, so that a short
-- prefix ("kinh t*", "th*") reads one doclist instead of merging those of
-- every term that begins so (a one-letter prefix took seconds at 100,000
-- articles).  3, because an accented word's folded token has a marker byte
-- in front ("\x02the" for "thế"): "th*" looks for "th*" and "\x02th*".  It
-- costs about a third more import time and index size (SEARCH_NOTES.md).
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, body,
    content = 'article_search_src', content_rowid = 'id',
    tokenize = 'copydesk', prefix = '1 2 3'
);
-- Merge segments 16 at a time, not 4: an import commits one segment a batch,
-- and merging them 4 by 4 cost a sixth of the import's time (a search reads
-- a few more segments).
INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16);

CREATE TABLE search_upgrade (
    id   INTEGER PRIMARY KEY,
    next INTEGER NOT NULL,
    last INTEGER NOT NULL
);
INSERT INTO search_upgrade (id, next, last)
SELECT 1, (SELECT min(id) FROM article), (SELECT max(id) FROM article)
WHERE EXISTS (SELECT 1 FROM article);
