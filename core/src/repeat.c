/*
 * repeat.c - the same claim across the corpus: the sentence table (every
 * article's sentences with their keys, filled on first use), the repeats of
 * a claim in other articles, and applying a claim's research to them.
 */
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"

/* Sentence rows, computed before the short transaction that stores them. */
typedef struct repeat_row {
	int64_t article_id, start, end;
	char *key;
} repeat_row;

typedef struct repeat_rows {
	repeat_row *v;
	size_t n, cap;
} repeat_rows;

static void
repeat_rows_free(repeat_rows *rows)
{
	for (size_t i = 0; i < rows->n; i++)
		free(rows->v[i].key);
	free(rows->v);
	rows->v = NULL;
	rows->n = rows->cap = 0;
}

/* One article's sentences and their keys into rows (reads only). */
static int
repeat_rows_article(repeat_rows *rows, desk *d, int64_t article_id)
{
	desk_text *t = NULL;
	desk_range *r = NULL;
	size_t n = 0;
	int rc;

	if ((rc = claim_body(&t, d, article_id)) != DESK_OK)
		goto done;
	if ((rc = desk_sentences(&r, &n, t)) != DESK_OK) {
		rc = desk_error(d, rc, "sentences of article %lld: %s", (long long)article_id,
		                desk_strerror(rc));
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		size_t a = desk_text_byte(t, r[i].start), b = desk_text_byte(t, r[i].end);
		repeat_row *row;

		if (desk_grow(&rows->v, &rows->cap, rows->n, sizeof *rows->v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		row = &rows->v[rows->n];
		row->article_id = article_id;
		row->start = r[i].start;
		row->end = r[i].end;
		if ((rc = desk_claim_key(&row->key, desk_text_utf8(t) + a, b - a)) != DESK_OK) {
			rc = desk_error(d, rc, "claim key: %s", desk_strerror(rc));
			goto done;
		}
		rows->n++;
	}
done:
	free(r);
	desk_text_free(t);
	return rc;
}

/* Store rows in the caller's transaction. */
static int
repeat_rows_store(desk *d, const repeat_rows *rows)
{
	static const char ins_sql[] = "INSERT OR IGNORE INTO sentence (article_id, start, \"end\", "
	                              "key) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *ins = NULL;
	int rc;

	if ((rc = desk_prepare(d, &ins, ins_sql)) != DESK_OK)
		return rc;
	for (size_t i = 0; i < rows->n && rc == DESK_OK; i++) {
		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, rows->v[i].article_id);
		sqlite3_bind_int64(ins, 2, rows->v[i].start);
		sqlite3_bind_int64(ins, 3, rows->v[i].end);
		sqlite3_bind_text(ins, 4, rows->v[i].key, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = desk_sqlite_error(d, "index sentences");
	}
	sqlite3_finalize(ins);
	return rc;
}

/*
 * Index up to max articles that have no sentence rows: their sentences are
 * worked out first, then stored in one short transaction of their own (or
 * the caller's), so other editors' writes never wait for the analysis.
 * *stored: the rows stored.
 */
static int
repeat_index_batch(desk *d, size_t max, size_t *stored)
{
	static const char todo_sql[] =
	    "SELECT id FROM article a WHERE a.chars > 0 AND NOT EXISTS (SELECT 1 FROM sentence s "
	    "WHERE s.article_id = a.id) ORDER BY id LIMIT ?1";
	int in_tx = !sqlite3_get_autocommit(d->db), rc, r;
	repeat_rows rows = {NULL, 0, 0};
	sqlite3_stmt *todo = NULL;
	int64_t *ids = NULL;
	size_t n = 0;

	*stored = 0;
	if ((ids = malloc((max ? max : 1) * sizeof *ids)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if ((rc = desk_prepare(d, &todo, todo_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(todo, 1, (sqlite3_int64)max);
	while (n < max && (r = sqlite3_step(todo)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(todo, 0);
	sqlite3_finalize(todo);
	todo = NULL;
	for (size_t i = 0; i < n; i++)
		if ((rc = repeat_rows_article(&rows, d, ids[i])) != DESK_OK)
			goto done;
	if (rows.n == 0)
		goto done;
	if (!in_tx && (rc = desk_begin(d)) != DESK_OK)
		goto done;
	if ((rc = repeat_rows_store(d, &rows)) != DESK_OK) {
		if (!in_tx)
			desk_rollback(d);
		goto done;
	}
	if (!in_tx && (rc = desk_commit(d)) != DESK_OK)
		goto done;
	*stored = rows.n;
done:
	sqlite3_finalize(todo);
	repeat_rows_free(&rows);
	free(ids);
	return rc;
}

/* How many articles have no sentence rows yet. */
static int
repeat_pending(int64_t *out, desk *d)
{
	static const char sql[] =
	    "SELECT count(*) FROM article a WHERE a.chars > 0 AND NOT EXISTS (SELECT 1 "
	    "FROM sentence s WHERE s.article_id = a.id)";
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "index sentences");
		goto done;
	}
	*out = sqlite3_column_int64(st, 0);
done:
	sqlite3_finalize(st);
	return rc;
}

/* Articles a batch of the index takes: each batch is one short transaction. */
#define REPEAT_BATCH 100

/*
 * The newest article's id, and whether this handle has seen every article up
 * to it indexed: articles only come with higher ids, so then there is nothing
 * to look for (the index is checked on every list of claims).
 */
static int
repeat_done(int *done, int64_t *newest, desk *d)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*done = 0;
	if ((rc = desk_prepare(d, &st, "SELECT coalesce(max(id), 0) FROM article")) != DESK_OK)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = desk_sqlite_error(d, "index sentences");
	else
		*newest = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	*done = rc == DESK_OK && *newest == d->sentences_upto;
	return rc;
}

int
repeat_index(desk *d)
{
	int64_t newest = 0;
	size_t stored;
	int rc, done;

	if ((rc = repeat_done(&done, &newest, d)) != DESK_OK || done)
		return rc;
	do
		rc = repeat_index_batch(d, REPEAT_BATCH, &stored);
	while (rc == DESK_OK && stored > 0);
	if (rc == DESK_OK)
		d->sentences_upto = newest;
	return rc;
}

int
desk_claim_index(int64_t *left, desk *d, size_t max)
{
	int64_t newest = 0, pending = 0;
	size_t stored;
	int rc, done;

	if (left)
		*left = 0;
	if ((rc = repeat_done(&done, &newest, d)) != DESK_OK || done)
		return rc;
	if ((rc = repeat_index_batch(d, max, &stored)) != DESK_OK ||
	    (rc = repeat_pending(&pending, d)) != DESK_OK)
		return rc;
	if (pending == 0)
		d->sentences_upto = newest;
	if (left)
		*left = pending;
	return DESK_OK;
}

/* The first sentence of each other article whose key holds the claim's key. */
static int
repeat_find(desk_range **ranges, int64_t **articles, size_t *n, desk *d, int64_t claim_id)
{
	static const char sql[] =
	    "SELECT s.article_id, min(s.start), s.\"end\" FROM claim c JOIN sentence s ON "
	    "s.article_id <> c.article_id AND instr(s.key, c.key) > 0 WHERE c.id = ?1 AND "
	    "c.key <> '' GROUP BY s.article_id ORDER BY s.article_id";
	sqlite3_stmt *st = NULL;
	desk_range *rv = NULL;
	int64_t *av = NULL;
	size_t len = 0, cap = 0;
	int rc, r;

	*ranges = NULL;
	*articles = NULL;
	*n = 0;
	if ((rc = claim_standing(d, claim_id, NULL, NULL)) != DESK_OK ||
	    (rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, claim_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			desk_range *v = realloc(rv, (cap = cap ? 2 * cap : 8) * sizeof *v);
			int64_t *a;

			if (v == NULL) {
				rc = desk_error(d, DESK_NOMEM, "out of memory");
				goto done;
			}
			rv = v;
			if ((a = realloc(av, cap * sizeof *a)) == NULL) {
				rc = desk_error(d, DESK_NOMEM, "out of memory");
				goto done;
			}
			av = a;
		}
		av[len] = sqlite3_column_int64(st, 0);
		rv[len].start = sqlite3_column_int64(st, 1);
		rv[len++].end = sqlite3_column_int64(st, 2);
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "repeats");
		goto done;
	}
	*ranges = rv;
	*articles = av;
	*n = len;
	rv = NULL;
	av = NULL;
done:
	sqlite3_finalize(st);
	free(rv);
	free(av);
	return rc;
}

int
desk_claim_repeats(desk_range **ranges, int64_t **articles, size_t *n, desk *d, int64_t claim_id)
{
	int rc;

	*ranges = NULL;
	*articles = NULL;
	*n = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = repeat_index(d)) != DESK_OK)
		return rc;
	return repeat_find(ranges, articles, n, d, claim_id);
}

/*
 * The standing claim of the article that is linked to research_id already
 * (*linked), or else the one holding exactly start-end (*same, with its
 * research in *was); 0 when none.
 */
static int
repeat_existing(desk *d, int64_t article_id, const desk_range *r, int64_t research_id,
                int64_t *linked, int64_t *same, int64_t *was)
{
	static const char sql[] =
	    "SELECT id, research_id, research_id = ?4 FROM claim WHERE article_id = ?1 AND "
	    "deleted_at IS NULL AND (research_id = ?4 OR (start = ?2 AND \"end\" = ?3)) "
	    "ORDER BY research_id = ?4 DESC, id LIMIT 1";
	sqlite3_stmt *st = NULL;
	int rc, s;

	*linked = *same = *was = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, r->start);
	sqlite3_bind_int64(st, 3, r->end);
	sqlite3_bind_int64(st, 4, research_id);
	if ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 2))
			*linked = sqlite3_column_int64(st, 0);
		else {
			*same = sqlite3_column_int64(st, 0);
			*was = sqlite3_column_int64(st, 1);
		}
	} else if (s != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "claims");
	}
done:
	sqlite3_finalize(st);
	return rc;
}

/* A new claim of the sentence start-end of an article, linked to research_id. */
static int
repeat_add(int64_t *out, desk *d, int64_t article_id, const desk_range *r, int64_t research_id)
{
	static const char sql[] =
	    "INSERT INTO claim (article_id, start, \"end\", text, key, research_id, author, "
	    "created_at, updated_by, updated_at) SELECT a.id, s.start, s.\"end\", "
	    "substr(a.body, s.start + 1, s.\"end\" - s.start), s.key, ?4, ?5, " CLAIM_NOW
	    ", ?5, " CLAIM_NOW
	    " FROM article a JOIN sentence s ON s.article_id = a.id AND s.start = ?2 AND "
	    "s.\"end\" = ?3 WHERE a.id = ?1";
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, r->start);
	sqlite3_bind_int64(st, 3, r->end);
	sqlite3_bind_int64(st, 4, research_id);
	sqlite3_bind_text(st, 5, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE || sqlite3_changes(d->db) != 1) {
		rc = desk_sqlite_error(d, "apply claim");
		goto done;
	}
	*out = sqlite3_last_insert_rowid(d->db);
done:
	sqlite3_finalize(st);
	return rc;
}

static int
repeat_relink(desk *d, int64_t claim_id, int64_t research_id)
{
	static const char sql[] =
	    "UPDATE claim SET research_id = ?2, updated_by = ?3, updated_at = " CLAIM_NOW
	    " WHERE id = ?1";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, claim_id);
	sqlite3_bind_int64(st, 2, research_id);
	sqlite3_bind_text(st, 3, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "relink claim");
done:
	sqlite3_finalize(st);
	return rc;
}

/* Link each repeat to research_id: new claims into added, relinked ones into relinked. */
static int
repeat_apply_tx(desk *d, int64_t claim_id, int64_t research_id, json_t *added, json_t *relinked)
{
	desk_range *r = NULL;
	int64_t *a = NULL;
	size_t n = 0;
	int rc;

	if ((rc = repeat_index(d)) != DESK_OK ||
	    (rc = repeat_find(&r, &a, &n, d, claim_id)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		int64_t linked, same, was, id;

		if ((rc = repeat_existing(d, a[i], &r[i], research_id, &linked, &same, &was)) !=
		    DESK_OK)
			goto done;
		if (linked != 0)
			continue;
		if (same != 0) {
			if ((rc = repeat_relink(d, same, research_id)) != DESK_OK)
				goto done;
			if (json_array_append_new(relinked,
			                          json_pack("{sI sI}", "claim", (json_int_t)same,
			                                    "before", (json_int_t)was)) != 0) {
				rc = desk_error(d, DESK_NOMEM, "out of memory");
				goto done;
			}
			continue;
		}
		if ((rc = repeat_add(&id, d, a[i], &r[i], research_id)) != DESK_OK)
			goto done;
		if (json_array_append_new(added, json_integer(id)) != 0) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
	}
done:
	free(r);
	free(a);
	return rc;
}

/* The history data of claim-apply (history.c), or NULL when out of memory. */
static json_t *
repeat_apply_data(int64_t claim_id, int64_t research_id, json_t *claims, json_t *relinked,
                  const char *snapshot)
{
	json_t *data = json_pack("{sI sI sO sO}", "claim", (json_int_t)claim_id, "research",
	                         (json_int_t)research_id, "claims", claims, "relinked", relinked);
	json_t *snap = json_loads(snapshot, 0, NULL);

	if (data == NULL || snap == NULL || json_object_update(data, snap) != 0) {
		json_decref(data);
		data = NULL;
	}
	json_decref(snap);
	return data;
}

int
desk_claim_apply(size_t *added, desk *d, int64_t claim_id)
{
	json_t *claims = NULL, *relinked = NULL;
	int64_t research_id, article_id;
	char *snap = NULL;
	size_t n;
	int rc;

	if (added)
		*added = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((claims = json_array()) == NULL || (relinked = json_array()) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = claim_standing(d, claim_id, &research_id, &article_id)) != DESK_OK ||
	    (rc = repeat_apply_tx(d, claim_id, research_id, claims, relinked)) != DESK_OK)
		goto done;
	n = json_array_size(claims) + json_array_size(relinked);
	/* With the research as it is now ("state", "evidence"): undo refuses once it changed. */
	if (n > 0 && ((rc = desk_query_text(&snap, d,
	                                    "SELECT json_object(" CLAIM_RESEARCH_SNAPSHOT("?1") ")",
	                                    research_id, "research")) != DESK_OK ||
	              (rc = claim_record(d, "claim-apply", article_id, claim_id,
	                                 repeat_apply_data(claim_id, research_id, claims, relinked,
	                                                   snap))) != DESK_OK))
		goto done;
	if ((rc = desk_commit(d)) == DESK_OK && added)
		*added = n;
done:
	if (rc != DESK_OK)
		desk_rollback(d);
	json_decref(claims);
	json_decref(relinked);
	free(snap);
	return rc;
}
