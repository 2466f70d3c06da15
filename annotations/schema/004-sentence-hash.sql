-- copydesk schema, migration 4: the sentence index as hashes, filled at
-- import.  Migration 3's table held a copy of every sentence's folded text
-- (3.3 times the corpus) and was filled on first use, in the transaction of
-- whoever looked for repeats first.  Now each row is what finding a claim's
-- repeats needs: the 64-bit hash of the sentence's claim key (desk_claim_key,
-- hashed by copydesk_key_hash()) and where the sentence is.  The importer
-- works the keys out while it parses, outside the write lock; the articles of
-- an older database are indexed once, in short steps, on upgrade
-- (desk_claim_index, following sentence_upgrade).  Articles are never
-- deleted, so the rows need no foreign key (and no index on article_id).

-- Migration 3's table is emptied by the upgrade's steps and dropped by the
-- last (schema.c drops it here when it is empty): dropping it now would
-- hold the write lock as long as freeing a table larger than the corpus.
ALTER TABLE sentence RENAME TO sentence_v3;
CREATE TABLE sentence (
    hash       INTEGER NOT NULL,            -- FNV-1a 64 of the sentence's claim key
    article_id INTEGER NOT NULL,
    start      INTEGER NOT NULL,            -- code points of article.body, end exclusive
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (hash, article_id, start)
) WITHOUT ROWID;

-- The articles stored before this migration, next..last by id, still to be
-- indexed; the row goes when they all are.
CREATE TABLE sentence_upgrade (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    next INTEGER NOT NULL,
    last INTEGER NOT NULL
);
INSERT INTO sentence_upgrade (id, next, last)
SELECT 1, (SELECT min(id) FROM article), (SELECT max(id) FROM article)
WHERE EXISTS (SELECT 1 FROM article);
