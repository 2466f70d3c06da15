/*
 * searchindex.c - keeping the full-text index (migration 8's article_fts) in
 * step.  A batch of the importer records its new ids as pending in its own
 * transaction (search_index_pending: one row, whatever the batch's size),
 * and the importer then indexes them in short steps after its commit
 * (desk_search_index), as a database that had articles when it was upgraded
 * has them indexed: the tokenizing and FTS5's work never lengthen the
 * batch's write lock.  Pending ranges left by a killed import are finished
 * by the next import or open.
 */
#include "internal.h"

/* Articles a step indexes: tens of milliseconds of write lock. */
#define SEARCH_INDEX_STEP 250

int
search_index_pending(desk *d, sqlite3_stmt **st, int64_t first, int64_t last)
{
	static const char sql[] = "INSERT INTO search_upgrade (next, last) VALUES (?1, ?2)";
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

static int
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
 * The first pending range (its row *row): next..last still to index (*have
 * 0: none), upto the max-th article from next, and how many ids are left in
 * every range (the articles left, as copydesk deletes
 * none; counting the articles in the range walked every row of the table, a
 * second a step at 100,000 articles).
 */
static int
search_index_left(desk *d, int *have, int64_t *row, int64_t *next, int64_t *last, int64_t *upto,
                  int64_t *count, size_t max)
{
	static const char sql[] =
	    "SELECT u.next, u.last, coalesce((SELECT id FROM article WHERE id BETWEEN u.next AND "
	    "u.last ORDER BY id LIMIT 1 OFFSET ?1), u.last), (SELECT sum(last - next + 1) FROM "
	    "search_upgrade), u.id FROM search_upgrade u ORDER BY u.id LIMIT 1";
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
		*row = sqlite3_column_int64(st, 4);
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
	int64_t row = 0, next = 0, last = 0, upto = 0, count = 0;
	int rc, have;

	if (left)
		*left = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if (max > 0) {
		if ((rc = desk_begin(d)) != DESK_OK)
			return rc;
		if ((rc = search_index_left(d, &have, &row, &next, &last, &upto, &count, max)) !=
		        DESK_OK ||
		    !have)
			goto done;
		if ((rc = search_index_range(d, &st, next, upto)) != DESK_OK)
			goto done;
		sqlite3_finalize(st);
		st = NULL;
		if ((rc = desk_prepare(d, &st,
		                       upto >= last ? "DELETE FROM search_upgrade WHERE id = ?2"
		                                    : "UPDATE search_upgrade SET next = ?1 + 1 "
		                                      "WHERE id = ?2")) != DESK_OK)
			goto done;
		if (upto < last)
			sqlite3_bind_int64(st, 1, upto);
		sqlite3_bind_int64(st, 2, row);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "search index upgrade");
			goto done;
		}
		sqlite3_finalize(st);
		st = NULL;
		if ((rc = desk_commit(d)) != DESK_OK)
			goto done;
	}
	if ((rc = search_index_left(d, &have, &row, &next, &last, &upto, &count, 0)) == DESK_OK &&
	    have && left)
		*left = count;
	return rc;
done:
	sqlite3_finalize(st);
	desk_rollback(d);
	return rc;
}

/*
 * Index every pending range now, SEARCH_INDEX_STEP articles a transaction,
 * unless a transaction is open (its owner's articles are indexed after it).
 * A failure leaves the rest pending for the next import or open.
 */
int
search_index_all(desk *d)
{
	int64_t left = 1;
	int rc = DESK_OK;

	if (!sqlite3_get_autocommit(d->db))
		return DESK_OK;
	while (left > 0 && rc == DESK_OK)
		rc = desk_search_index(&left, d, SEARCH_INDEX_STEP);
	return rc;
}
