/*
 * searchindex.c - keeping the full-text index (migration 8's article_fts) in
 * step: the importer adds the articles it stores in its own transaction
 * (search_index_range), and a database that had articles when it was
 * upgraded has them indexed afterwards in short steps (desk_search_index),
 * as the sentence index's and the statistics' upgrades.
 */
#include "internal.h"

int
search_index_range(desk *d, sqlite3_stmt **st, int64_t first, int64_t last)
{
	static const char sql[] = "INSERT INTO article_fts (rowid, title, body) SELECT id, title, "
	                          "body FROM article_search_src WHERE id BETWEEN ?1 AND ?2";
	int rc;

	if (*st == NULL && (rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	sqlite3_reset(*st);
	sqlite3_bind_int64(*st, 1, first);
	sqlite3_bind_int64(*st, 2, last);
	if (sqlite3_step(*st) != SQLITE_DONE)
		return desk_sqlite_error(d, "search index");
	return DESK_OK;
}

/*
 * next..last still to index (*have 0: none), upto the max-th article from
 * next, and how many ids are left (the articles left, as copydesk deletes
 * none; counting the articles in the range walked every row of the table, a
 * second a step at 100,000 articles).
 */
static int
search_index_left(desk *d, int *have, int64_t *next, int64_t *last, int64_t *upto, int64_t *count,
                  size_t max)
{
	static const char sql[] =
	    "SELECT u.next, u.last, coalesce((SELECT id FROM article WHERE id BETWEEN u.next AND "
	    "u.last ORDER BY id LIMIT 1 OFFSET ?1), u.last), u.last - u.next + 1 FROM "
	    "search_upgrade u WHERE u.id = 1";
	sqlite3_stmt *st = NULL;
	int rc, r;

	*have = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, max > 0 ? (int64_t)max - 1 : 0);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		*have = 1;
		*next = sqlite3_column_int64(st, 0);
		*last = sqlite3_column_int64(st, 1);
		*upto = sqlite3_column_int64(st, 2);
		*count = sqlite3_column_int64(st, 3);
	} else if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "search index upgrade");
	}
	sqlite3_finalize(st);
	return rc;
}

int
desk_search_index(int64_t *left, desk *d, size_t max)
{
	sqlite3_stmt *st = NULL;
	int64_t next = 0, last = 0, upto = 0, count = 0;
	int rc, have;

	if (left)
		*left = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if (max > 0) {
		if ((rc = desk_begin(d)) != DESK_OK)
			return rc;
		if ((rc = search_index_left(d, &have, &next, &last, &upto, &count, max)) !=
		        DESK_OK ||
		    !have)
			goto done;
		if ((rc = search_index_range(d, &st, next, upto)) != DESK_OK)
			goto done;
		sqlite3_finalize(st);
		st = NULL;
		if ((rc = desk_prepare(d, &st,
		                       upto >= last ? "DELETE FROM search_upgrade WHERE id = 1"
		                                    : "UPDATE search_upgrade SET next = ?1 + 1 "
		                                      "WHERE id = 1")) != DESK_OK)
			goto done;
		if (upto < last)
			sqlite3_bind_int64(st, 1, upto);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "search index upgrade");
			goto done;
		}
		sqlite3_finalize(st);
		st = NULL;
		if ((rc = desk_commit(d)) != DESK_OK)
			goto done;
	}
	if ((rc = search_index_left(d, &have, &next, &last, &upto, &count, 0)) == DESK_OK && have &&
	    left)
		*left = count;
	return rc;
done:
	sqlite3_finalize(st);
	desk_rollback(d);
	return rc;
}
