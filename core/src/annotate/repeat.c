/*
 * repeat.c - the same claim across the corpus: the repeats of a claim in
 * other articles, found by an index lookup of its key's hash in the sentence
 * table (sentindex.c fills it at import), and applying a claim's research to
 * them.  Nothing here writes but apply, and apply finds the repeats before
 * it takes the write lock.
 */
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"

/* A standing claim's key and article (the key never changes once made). */
static int
repeat_claim(desk *d, int64_t claim_id, char **key, int64_t *article_id, int64_t *research_id)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*key = NULL;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT key, article_id, research_id FROM claim WHERE id = ?1 AND "
	                       "deleted_at IS NULL")) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, claim_id);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		*article_id = sqlite3_column_int64(st, 1);
		*research_id = sqlite3_column_int64(st, 2);
		if ((*key = desk_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
	} else if (r == SQLITE_DONE) {
		rc = desk_error(d, DESK_NOTFOUND, "no claim %lld", (long long)claim_id);
	} else {
		rc = desk_sqlite_error(d, "claim");
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * The first sentence of each other article with the claim's key (by the
 * key's hash), and the claims of other articles that share its research
 * (they are its repeats too, whatever their text), one per article.
 */
static int
repeat_find(desk_range **ranges, int64_t **articles, size_t *n, desk *d, int64_t claim_id)
{
	static const char sql[] =
	    "SELECT article_id, min(start), \"end\" FROM (SELECT s.article_id, s.start, s.\"end\" "
	    "FROM sentence s WHERE ?1 <> '' AND s.hash = ?2 AND s.article_id <> ?3 UNION ALL "
	    "SELECT o.article_id, o.start, o.\"end\" FROM claim o WHERE o.research_id = ?4 AND "
	    "o.deleted_at IS NULL AND o.article_id <> ?3) GROUP BY article_id ORDER BY article_id";
	sqlite3_stmt *st = NULL;
	desk_range *rv = NULL;
	int64_t *av = NULL, article_id = 0, research_id = 0;
	size_t len = 0, cap = 0;
	char *key = NULL;
	int rc, r;

	*ranges = NULL;
	*articles = NULL;
	*n = 0;
	if ((rc = repeat_claim(d, claim_id, &key, &article_id, &research_id)) != DESK_OK ||
	    (rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, hash_key(key, strlen(key)));
	sqlite3_bind_int64(st, 3, article_id);
	sqlite3_bind_int64(st, 4, research_id);
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
	free(key);
	free(rv);
	free(av);
	return rc;
}

int
desk_claim_repeats(desk_range **ranges, int64_t **articles, size_t *n, desk *d, int64_t claim_id)
{
	*ranges = NULL;
	*articles = NULL;
	*n = 0;
	if (d == NULL)
		return DESK_MISUSE;
	return repeat_find(ranges, articles, n, d, claim_id);
}

/*
 * The standing claim of the article that is linked to research_id already
 * (*linked), or else the one holding exactly start-end or the same claim
 * as claim_id (its key: the sentence without its full stop, say), with its
 * research in *was (*same); 0 when none.
 */
static int
repeat_existing(desk *d, sqlite3_stmt **cache, int64_t article_id, const desk_range *r,
                int64_t research_id, int64_t claim_id, int64_t *linked, int64_t *same, int64_t *was)
{
	static const char sql[] =
	    "SELECT id, research_id, research_id = ?4 FROM claim WHERE article_id = ?1 AND "
	    "deleted_at IS NULL AND (research_id = ?4 OR (start = ?2 AND \"end\" = ?3) OR key = "
	    "(SELECT key FROM claim WHERE id = ?5 AND key <> '')) ORDER BY research_id = ?4 DESC, "
	    "(start = ?2 AND \"end\" = ?3) DESC, id LIMIT 1";
	sqlite3_stmt *st = *cache;
	int rc = DESK_OK, s;

	*linked = *same = *was = 0;
	if (st == NULL && (rc = desk_prepare(d, cache, sql)) != DESK_OK)
		goto done;
	st = *cache;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, r->start);
	sqlite3_bind_int64(st, 3, r->end);
	sqlite3_bind_int64(st, 4, research_id);
	sqlite3_bind_int64(st, 5, claim_id);
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
	if (st != NULL)
		sqlite3_reset(st);
	return rc;
}

/*
 * A new claim of the sentence start-end of an article, linked to research_id,
 * with the key of claim_id (the sentence was found by that key).
 */
static int
repeat_add(int64_t *out, desk *d, sqlite3_stmt **cache, int64_t article_id, const desk_range *r,
           int64_t research_id, int64_t claim_id)
{
	static const char sql[] =
	    "INSERT INTO claim (article_id, start, \"end\", text, key, research_id, author, "
	    "created_at, updated_by, updated_at) SELECT a.id, ?2, ?3, substr(a.body, ?2 + 1, ?3 - "
	    "?2), (SELECT key FROM claim WHERE id = ?6), ?4, ?5, " DESK_SQL_NOW
	    ", ?5, " DESK_SQL_NOW " FROM article a WHERE a.id = ?1 AND ?3 <= a.chars";
	sqlite3_stmt *st = *cache;
	int rc = DESK_OK;

	*out = 0;
	if (st == NULL && (rc = desk_prepare(d, cache, sql)) != DESK_OK)
		goto done;
	st = *cache;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, r->start);
	sqlite3_bind_int64(st, 3, r->end);
	sqlite3_bind_int64(st, 4, research_id);
	sqlite3_bind_text(st, 5, d->editor, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, claim_id);
	if (sqlite3_step(st) != SQLITE_DONE || sqlite3_changes(d->db) != 1) {
		rc = desk_sqlite_error(d, "apply claim");
		goto done;
	}
	*out = sqlite3_last_insert_rowid(d->db);
done:
	if (st != NULL)
		sqlite3_reset(st);
	return rc;
}

static int
repeat_relink(desk *d, sqlite3_stmt **cache, int64_t claim_id, int64_t research_id)
{
	static const char sql[] =
	    "UPDATE claim SET research_id = ?2, updated_by = ?3, updated_at = " DESK_SQL_NOW
	    " WHERE id = ?1";
	sqlite3_stmt *st = *cache;
	int rc = DESK_OK;

	if (st == NULL && (rc = desk_prepare(d, cache, sql)) != DESK_OK)
		goto done;
	st = *cache;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, claim_id);
	sqlite3_bind_int64(st, 2, research_id);
	sqlite3_bind_text(st, 3, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "relink claim");
done:
	if (st != NULL)
		sqlite3_reset(st);
	return rc;
}

/*
 * Link each repeat (found before the transaction: sentences never change) to
 * research_id: new claims into added, relinked ones into relinked.
 */
static int
repeat_apply_tx(desk *d, int64_t claim_id, int64_t research_id, const desk_range *r,
                const int64_t *a, size_t n, json_t *added, json_t *relinked)
{
	sqlite3_stmt *st[3] = {NULL, NULL, NULL}; /* each prepared once for all the repeats */
	int rc = DESK_OK;

	for (size_t i = 0; i < n && rc == DESK_OK; i++) {
		int64_t linked, same, was, id;

		if ((rc = repeat_existing(d, &st[0], a[i], &r[i], research_id, claim_id, &linked,
		                          &same, &was)) != DESK_OK)
			break;
		if (linked != 0)
			continue;
		if (same != 0) {
			/* Another editor's claim keeps its research (a chief's apply relinks it).
			 */
			if ((rc = roles_require_owner(d, "claim", same, "relink")) == DESK_DENIED) {
				desk_clear_error(d);
				rc = DESK_OK;
				continue;
			}
			if (rc != DESK_OK)
				break;
			if ((rc = repeat_relink(d, &st[1], same, research_id)) == DESK_OK &&
			    json_array_append_new(relinked,
			                          json_pack("{sI sI}", "claim", (json_int_t)same,
			                                    "before", (json_int_t)was)) != 0)
				rc = desk_error(d, DESK_NOMEM, "out of memory");
			continue;
		}
		if ((rc = repeat_add(&id, d, &st[2], a[i], &r[i], research_id, claim_id)) ==
		        DESK_OK &&
		    json_array_append_new(added, json_integer(id)) != 0)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < 3; i++)
		sqlite3_finalize(st[i]);
	return rc;
}

/* The history data of claim-apply (history_actions.c), or NULL when out of memory. */
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
	int64_t research_id, article_id, *a = NULL;
	desk_range *r = NULL;
	char *snap = NULL;
	size_t n, nr = 0;
	int rc;

	if (added)
		*added = 0;
	if (d == NULL)
		return DESK_MISUSE;
	/* The lookups first, outside the write lock. */
	if ((rc = repeat_find(&r, &a, &nr, d, claim_id)) != DESK_OK)
		return rc;
	if ((rc = desk_begin(d)) != DESK_OK)
		goto done;
	if ((claims = json_array()) == NULL || (relinked = json_array()) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = claim_standing(d, claim_id, &research_id, &article_id)) != DESK_OK ||
	    (rc = roles_require_owner(d, "research", research_id, "apply")) != DESK_OK ||
	    (rc = repeat_apply_tx(d, claim_id, research_id, r, a, nr, claims, relinked)) != DESK_OK)
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
	free(r);
	free(a);
	return rc;
}
