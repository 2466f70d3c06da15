/*
 * sentindex.c - the sentence index that finds a claim's repeats: for every
 * sentence of every article, the 64-bit hash of its claim key and its range
 * (annotations/schema/004-sentence-hash.sql).
 *
 * The keys are worked out where the text is in hand and no lock is held: by
 * the importer's parse, or by desk_article_add() before its transaction.  The
 * articles of a database made before the index existed are indexed once, in
 * short steps of their own (desk_claim_index), on upgrade.  Nothing here runs
 * when claims are read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void
sentindex_keys_free(sentindex_keys *k)
{
	free(k->v);
	k->v = NULL;
	k->n = 0;
}

int
sentindex_keys_of(sentindex_keys *out, const char *body, size_t len)
{
	claimkey_scratch sc = {0};
	int rc = sentindex_keys_with(out, &sc, body, len);

	claimkey_scratch_free(&sc);
	return rc;
}

int
sentindex_keys_with(sentindex_keys *out, claimkey_scratch *sc, const char *body, size_t len)
{
	desk_text *t = NULL;
	desk_range *r = NULL;
	size_t n = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	if (len == 0)
		return DESK_OK;
	if ((rc = desk_text_new(&t, body, len)) != DESK_OK ||
	    (rc = desk_sentences(&r, &n, t)) != DESK_OK)
		goto done;
	if (n > 0 && (out->v = malloc(n * sizeof *out->v)) == NULL) {
		rc = DESK_NOMEM;
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		size_t a = desk_text_byte(t, r[i].start), b = desk_text_byte(t, r[i].end);
		int64_t hash;
		int empty;

		/* desk_text_new() checked the UTF-8: no desk_claim_key() check per sentence. */
		if ((rc = claimkey_hash(&hash, &empty, sc, body + a, b - a)) != DESK_OK)
			goto done;
		if (!empty) { /* no words: nothing a claim could match */
			out->v[out->n].hash = hash;
			out->v[out->n].start = r[i].start;
			out->v[out->n].end = r[i].end;
			out->n++;
		}
	}
done:
	if (rc != DESK_OK)
		sentindex_keys_free(out);
	free(r);
	desk_text_free(t);
	return rc;
}

static int
sentindex_row_cmp(const void *x, const void *y)
{
	const sentindex_row *a = x, *b = y;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->article_id != b->article_id)
		return a->article_id < b->article_id ? -1 : 1;
	return (a->start > b->start) - (a->start < b->start);
}

int
sentindex_row_before(const sentindex_row *a, const sentindex_row *b)
{
	return sentindex_row_cmp(a, b) < 0;
}

/*
 * The rows in the index's order by merging the runs already in order: a
 * batch's rows arrive as one sorted run per part of it (article_keys.c, a
 * large file's parts), so a few passes sort millions of rows.  qsort() when
 * the memory for a merge is not there.
 */
void
sentindex_rows_sort(sentindex_rows *rows)
{
	sentindex_row *a = rows->v, *b;
	size_t n = rows->n, runs = 1;

	if (rows->sorted || n < 2) {
		rows->sorted = 1;
		return;
	}
	for (size_t i = 1; i < n; i++)
		runs += sentindex_row_cmp(&a[i], &a[i - 1]) < 0;
	if (runs == 1) {
		rows->sorted = 1;
		return;
	}
	if (runs > n / 8 || (b = malloc(n * sizeof *b)) == NULL) {
		qsort(a, n, sizeof *a, sentindex_row_cmp);
		rows->sorted = 1;
		return;
	}
	while (runs > 1) { /* one pass: merge each pair of neighbouring runs from a into b */
		size_t at = 0, w = 0;

		runs = 0;
		while (at < n) {
			size_t mid = at + 1, end;

			while (mid < n && sentindex_row_cmp(&a[mid], &a[mid - 1]) >= 0)
				mid++;
			end = mid < n ? mid + 1 : n;
			while (end < n && sentindex_row_cmp(&a[end], &a[end - 1]) >= 0)
				end++;
			for (size_t i = at, j = mid; i < mid || j < end;)
				b[w++] =
				    j >= end || (i < mid && sentindex_row_cmp(&a[j], &a[i]) >= 0)
				        ? a[i++]
				        : a[j++];
			at = end;
			runs++;
		}
		sentindex_row *t = a;
		a = b;
		b = t;
	}
	if (a != rows->v) { /* the sorted rows are in the scratch array: it becomes the rows' */
		free(rows->v);
		rows->v = a;
		rows->cap = n;
	} else {
		free(b);
	}
	rows->sorted = 1;
}

int
sentindex_rows_add(sentindex_rows *rows, int64_t article_id, const sentindex_keys *k)
{
	if (rows->n + k->n > rows->cap) {
		size_t cap = rows->cap ? rows->cap : 1024;
		sentindex_row *w;

		while (cap < rows->n + k->n)
			cap *= 2;
		if ((w = realloc(rows->v, cap * sizeof *w)) == NULL)
			return DESK_NOMEM;
		rows->v = w;
		rows->cap = cap;
	}
	rows->sorted = 0;
	for (size_t i = 0; i < k->n; i++)
		rows->v[rows->n++] =
		    (sentindex_row){k->v[i].hash, article_id, k->v[i].start, k->v[i].end};
	return DESK_OK;
}

void
sentindex_rows_free(sentindex_rows *rows)
{
	free(rows->v);
	memset(rows, 0, sizeof *rows);
}

/*
 * The rows in the order of the index: each insert lands next to the one
 * before, in pages already in the cache, instead of somewhere in the tree.
 */
/* Rows per statement of a large store: one step stores them all. */
#define SENTINDEX_ROWS_STEP 64

/* Bind rows v[0..n) to st from its first parameter and run it. */
static int
sentindex_rows_step(desk *d, sqlite3_stmt *st, const sentindex_row *v, size_t n)
{
	sqlite3_reset(st);
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, (int)(4 * i + 1), v[i].hash);
		sqlite3_bind_int64(st, (int)(4 * i + 2), v[i].article_id);
		sqlite3_bind_int64(st, (int)(4 * i + 3), v[i].start);
		sqlite3_bind_int64(st, (int)(4 * i + 4), v[i].end);
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		return desk_sqlite_error(d, "index sentences");
	return DESK_OK;
}

int
sentindex_rows_store(desk *d, sqlite3_stmt **ins, sentindex_rows *rows)
{
	static const char sql[] = "INSERT OR IGNORE INTO sentence (hash, article_id, start, "
	                          "\"end\") VALUES (?, ?, ?, ?)";
	sqlite3_stmt *many = NULL;
	size_t i = 0;
	int rc = DESK_OK;

	if (rows->n == 0)
		return DESK_OK;
	if (*ins == NULL && (rc = desk_prepare(d, ins, sql)) != DESK_OK)
		return rc;
	sentindex_rows_sort(rows);
	if (rows->n >= SENTINDEX_ROWS_STEP) {
		char big[sizeof sql + SENTINDEX_ROWS_STEP * sizeof ", (?, ?, ?, ?)"];
		size_t k = (size_t)snprintf(big, sizeof big, "%s", sql);

		for (size_t j = 1; j < SENTINDEX_ROWS_STEP; j++)
			k += (size_t)snprintf(big + k, sizeof big - k, ", (?, ?, ?, ?)");
		if ((rc = desk_prepare(d, &many, big)) != DESK_OK)
			return rc;
		for (; rc == DESK_OK && i + SENTINDEX_ROWS_STEP <= rows->n;
		     i += SENTINDEX_ROWS_STEP)
			rc = sentindex_rows_step(d, many, rows->v + i, SENTINDEX_ROWS_STEP);
		sqlite3_finalize(many);
	}
	for (; rc == DESK_OK && i < rows->n; i++)
		rc = sentindex_rows_step(d, *ins, rows->v + i, 1);
	return rc;
}

/* Run one statement (?1, ?2 bound to a and b when it has them) in the caller's transaction. */
static int
sentindex_exec(desk *d, const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	if (sqlite3_bind_parameter_count(st) >= 2) {
		sqlite3_bind_int64(st, 1, a);
		sqlite3_bind_int64(st, 2, b);
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "index sentences");
	sqlite3_finalize(st);
	return rc;
}

/* Whether migration 3's table of folded sentences is still there (an upgrade empties it). */
static int
sentindex_has_v3(desk *d, int *has)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*has = 0;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = "
	                       "'sentence_v3'")) != DESK_OK)
		return rc;
	*has = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return DESK_OK;
}

int
sentindex_migrated(desk *d)
{
	sqlite3_stmt *st = NULL;
	int rc, empty = 0;

	if ((rc = desk_prepare(d, &st, "SELECT NOT EXISTS (SELECT 1 FROM sentence_v3)")) != DESK_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		empty = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return empty ? sentindex_exec(d, "DROP TABLE sentence_v3", 0, 0) : DESK_OK;
}

/* The articles an upgrade still has to index: next..last by id, or *have 0. */
static int
sentindex_upgrade_range(desk *d, int *have, int64_t *next, int64_t *last)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*have = 0;
	*next = *last = 0;
	if ((rc = desk_prepare(d, &st, "SELECT next, last FROM sentence_upgrade WHERE id = 1")) !=
	    DESK_OK)
		return rc;
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		*have = 1;
		*next = sqlite3_column_int64(st, 0);
		*last = sqlite3_column_int64(st, 1);
	} else if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "index sentences");
	}
	sqlite3_finalize(st);
	return rc;
}

/* How many articles there are with ids from..to (a range of the rowid: no scan beyond it). */
static int
sentindex_count(int64_t *out, desk *d, int64_t from, int64_t to)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	if ((rc = desk_prepare(
	         d, &st, "SELECT count(*) FROM article WHERE id BETWEEN ?1 AND ?2")) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		rc = desk_sqlite_error(d, "index sentences");
	sqlite3_finalize(st);
	return rc;
}

/* One article's keys worked out for a step, before its transaction. */
typedef struct sentindex_todo {
	int64_t id;
	sentindex_keys keys;
} sentindex_todo;

/* The keys of up to max articles from next..last; *upto: the last id read. */
static int
sentindex_read(sentindex_todo *todo, size_t *n, int64_t *upto, desk *d, int64_t next, int64_t last,
               size_t max)
{
	static const char sql[] =
	    "SELECT id, body FROM article WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3";
	sqlite3_stmt *st = NULL;
	claimkey_scratch sc = {0}; /* one set of key buffers for the step's articles */
	int rc, r;

	*n = 0;
	*upto = last;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, next);
	sqlite3_bind_int64(st, 2, last);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		const char *body = (const char *)sqlite3_column_text(st, 1);

		todo[*n].id = sqlite3_column_int64(st, 0);
		if ((rc = sentindex_keys_with(&todo[*n].keys, &sc, body ? body : "",
		                              (size_t)sqlite3_column_bytes(st, 1))) != DESK_OK) {
			rc = desk_error(d, rc, "sentences of article %lld: %s",
			                (long long)todo[*n].id, desk_strerror(rc));
			break;
		}
		(*n)++;
	}
	if (rc == DESK_OK && r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "index sentences");
	/* A full step stops at its last article; a short one reached the end. */
	if (rc == DESK_OK && *n == max)
		*upto = todo[*n - 1].id;
	sqlite3_finalize(st);
	claimkey_scratch_free(&sc);
	return rc;
}

/* Store a step's keys and move the upgrade past upto, if no one did it meanwhile. */
static int
sentindex_write(desk *d, const sentindex_todo *todo, size_t n, int64_t next, int64_t last,
                int64_t upto)
{
	sqlite3_stmt *ins = NULL, *st = NULL;
	sentindex_rows rows = {0};
	int64_t now_next, now_last;
	int rc, have, v3 = 0;

	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = sentindex_upgrade_range(d, &have, &now_next, &now_last)) != DESK_OK)
		goto done;
	if (!have || now_next != next || now_last != last)
		goto done; /* another editor's step stored these: nothing to do */
	for (size_t i = 0; i < n && rc == DESK_OK; i++)
		if (sentindex_rows_add(&rows, todo[i].id, &todo[i].keys) != DESK_OK)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
	if (rc == DESK_OK)
		rc = sentindex_rows_store(d, &ins, &rows); /* as an import stores them */
	/* Migration 3's rows of these articles go (a range of its primary key), the table last. */
	if (rc == DESK_OK && (rc = sentindex_has_v3(d, &v3)) == DESK_OK && v3)
		rc = sentindex_exec(d, "DELETE FROM sentence_v3 WHERE article_id BETWEEN ?1 AND ?2",
		                    next, upto);
	if (rc == DESK_OK && v3 && upto >= last)
		rc = sentindex_exec(d, "DROP TABLE sentence_v3", 0, 0);
	if (rc != DESK_OK)
		goto done;
	if ((rc = desk_prepare(
	         d, &st,
	         upto >= last ? "DELETE FROM sentence_upgrade WHERE id = 1"
	                      : "UPDATE sentence_upgrade SET next = ?1 WHERE id = 1")) != DESK_OK)
		goto done;
	if (upto < last)
		sqlite3_bind_int64(st, 1, upto + 1);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "index sentences");
		goto done;
	}
	rc = desk_commit(d);
done:
	sentindex_rows_free(&rows);
	sqlite3_finalize(ins);
	sqlite3_finalize(st);
	desk_rollback(d); /* after an error, or when there was nothing to write */
	return rc;
}

int
desk_claim_index(int64_t *left, desk *d, size_t max)
{
	sentindex_todo *todo = NULL;
	int64_t next, last, upto = 0;
	size_t n = 0;
	int rc, have;

	if (left)
		*left = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = sentindex_upgrade_range(d, &have, &next, &last)) != DESK_OK || !have)
		return rc;
	if (max > 0) {
		if ((todo = calloc(max, sizeof *todo)) == NULL)
			return desk_error(d, DESK_NOMEM, "out of memory");
		if ((rc = sentindex_read(todo, &n, &upto, d, next, last, max)) != DESK_OK ||
		    (rc = sentindex_write(d, todo, n, next, last, upto)) != DESK_OK ||
		    (rc = sentindex_upgrade_range(d, &have, &next, &last)) != DESK_OK)
			goto done;
	}
	if (have && left)
		rc = sentindex_count(left, d, next, last);
done:
	for (size_t i = 0; i < n; i++)
		sentindex_keys_free(&todo[i].keys);
	free(todo);
	return rc;
}
