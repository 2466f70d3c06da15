/*
 * article_sort.c - keeping migration 9's article_sort (what the list sorts
 * and filters by, with the title folded) in step: the importer adds the
 * rows of the articles it stores in its own transaction (article_sort_range),
 * and a database that had articles when it was upgraded gets them
 * afterwards in short steps (desk_article_sort_index).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* An untitled article's key: U+10FFFF, after every folded title. */
#define ARTICLE_SORT_UNTITLED "\xf4\x8f\xbf\xbf"

int
article_sort_range(desk *d, int64_t first, int64_t last)
{
	sqlite3_stmt *get = NULL, *put = NULL;
	char *key = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &get,
	                       "SELECT id, title, date, status, lang FROM article WHERE id "
	                       "BETWEEN ?1 AND ?2")) != DESK_OK ||
	    (rc = desk_prepare(d, &put,
	                       "INSERT OR REPLACE INTO article_sort (id, title_key, date, status, "
	                       "lang) VALUES (?1, ?2, ?3, ?4, ?5)")) != DESK_OK)
		goto done;
	sqlite3_bind_int64(get, 1, first);
	sqlite3_bind_int64(get, 2, last);
	while ((r = sqlite3_step(get)) == SQLITE_ROW) {
		const char *title = (const char *)sqlite3_column_text(get, 1);
		size_t len = (size_t)sqlite3_column_bytes(get, 1);

		free(key);
		key = NULL;
		if (len > 0 && desk_fold(&key, NULL, title, len) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		sqlite3_reset(put);
		sqlite3_bind_int64(put, 1, sqlite3_column_int64(get, 0));
		sqlite3_bind_text(put, 2, key ? key : ARTICLE_SORT_UNTITLED, -1, SQLITE_STATIC);
		for (int c = 2; c <= 4; c++)
			sqlite3_bind_value(put, c + 1, sqlite3_column_value(get, c));
		if (sqlite3_step(put) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "sort keys");
			goto done;
		}
	}
	if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "sort keys");
done:
	free(key);
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	return rc;
}

/* The upgrade's next..last (*have 0: done). */
static int
article_sort_left(desk *d, int *have, int64_t *next, int64_t *last)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*have = 0;
	if ((rc = desk_prepare(d, &st, "SELECT next, last FROM sort_upgrade WHERE id = 1")) !=
	    DESK_OK)
		return rc;
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		*have = 1;
		*next = sqlite3_column_int64(st, 0);
		*last = sqlite3_column_int64(st, 1);
	} else if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "sort keys upgrade");
	}
	sqlite3_finalize(st);
	return rc;
}

int
desk_article_sort_index(int64_t *left, desk *d, size_t max)
{
	sqlite3_stmt *st = NULL;
	int64_t next = 0, last = 0, upto;
	int rc, have;

	if (left)
		*left = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if (max == 0) {
		/* Ids, not articles: a bound that costs no count of the table. */
		if ((rc = article_sort_left(d, &have, &next, &last)) == DESK_OK && have && left)
			*left = last - next + 1;
		return rc;
	}
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = article_sort_left(d, &have, &next, &last)) != DESK_OK || !have)
		goto done;
	upto = last - next < (int64_t)max ? last : next + (int64_t)max - 1;
	if ((rc = article_sort_range(d, next, upto)) != DESK_OK)
		goto done;
	if ((rc = desk_prepare(d, &st,
	                       upto >= last ? "DELETE FROM sort_upgrade WHERE id = 1"
	                                    : "UPDATE sort_upgrade SET next = ?1 WHERE id = 1")) !=
	    DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, upto + 1);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "sort keys upgrade");
		goto done;
	}
	if (left)
		*left = upto >= last ? 0 : last - upto;
	sqlite3_finalize(st);
	return desk_commit(d);
done:
	sqlite3_finalize(st);
	desk_rollback(d);
	return rc;
}
