-- copydesk schema, migration 7: the tokenization an article keeps.  An
-- article imported from CoNLL keeps its file's own tokens (and the columns
-- between a token and its tag, such as POS and chunk tags), so that its
-- export gives back the same tokens instead of copydesk's own tokenization.
-- Articles without a row are tokenized by the exporter.  (Migration 6 is the
-- configuration and the statistics' counters.)
--
-- data: a JSON array, one element per token in text order:
--   [start, end]                  a token (code points of article.body, end exclusive)
--   [start, end, 1]               a token that ends a sentence
--   [start, end, s, "NNP\tB-NP"]  with its extra columns (s 0 or 1)
CREATE TABLE article_tokens (
    article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    data       TEXT NOT NULL CHECK (json_valid(data))
);
