-- copydesk schema, migration 14: editors' layers, for agreement (agree/).
--
-- An editor's layer of an article is the spans whose author is that editor.
-- Agreement compares the layers of the articles more than one editor
-- annotated, and an editor may have annotated an article and found nothing
-- to tag: a brat project's empty .ann (bratiaa counts that document for the
-- pair, with no spans on that side).  Such a layer has no span to show it,
-- so the import of a multi-annotator brat project writes one row here for
-- every .ann file it stores, empty or not.  A layer is therefore an
-- article's standing spans by the editor, or a row here (core/src/agree/).
CREATE TABLE IF NOT EXISTS layer (
    article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    editor     TEXT NOT NULL,
    source     TEXT NOT NULL DEFAULT '',   -- the .ann it came from
    created_at TEXT NOT NULL,
    PRIMARY KEY (article_id, editor)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS layer_editor ON layer (editor, article_id);

-- Each editor's articles in id order, from the index alone: agreement
-- merges these lists to find the articles more than one editor annotated
-- without reading any span row or article of the others.  deleted_at (NULL
-- in every entry) is in it so that SQLite reads the index alone, not each
-- span's row (a partial index is not covering for its own WHERE column).
CREATE INDEX IF NOT EXISTS span_author ON span (author, article_id, deleted_at)
    WHERE deleted_at IS NULL;
