/*
 * article_page.c - the article list a page at a time: keyset pages in id
 * order, an article's rank and the article at an index, under a filter
 * (status, language, date range).  Nothing here reads the whole corpus:
 * pages walk the rowid from a key, ranks and indexes walk the narrow
 * (status, id) index, the whole list's size comes from the kept counts.
 */
#include <stdlib.h>

#include "internal.h"

/* The filter's terms: ?1 status, ?2 lang, ?3 first date, ?4 last date. */
#define PAGE_FILTER                                                                                \
	"(?1 IS NULL OR status = ?1) AND (?2 IS NULL OR lang = ?2) AND "                           \
	"(?3 IS NULL OR (date <> '' AND date >= ?3)) AND (?4 IS NULL OR (date <> '' AND date <= "  \
	"?4))"

/* The same over the (status, id) index: one range a status, merged by id. */
#define PAGE_STATUS(s) "SELECT id FROM article WHERE status = '" s "' AND id < ?5 AND " PAGE_FILTER
#define PAGE_COUNT(s)                                                                              \
	"SELECT count(*) FROM article WHERE status = '" s "' AND id < ?5 AND " PAGE_FILTER

static void
page_bind(sqlite3_stmt *st, const desk_article_filter *f)
{
	if (f == NULL)
		return;
	if (f->status != DESK_STATUS_ANY)
		sqlite3_bind_text(st, 1, desk_status_name(f->status), -1, SQLITE_STATIC);
	if (f->lang)
		sqlite3_bind_text(st, 2, f->lang, -1, SQLITE_TRANSIENT);
	if (f->date_from)
		sqlite3_bind_text(st, 3, f->date_from, -1, SQLITE_TRANSIENT);
	if (f->date_to)
		sqlite3_bind_text(st, 4, f->date_to, -1, SQLITE_TRANSIENT);
}

int
desk_article_page(desk_article ***out, size_t *n, desk *d, const desk_article_filter *f,
                  int64_t key, int backward, size_t max)
{
	sqlite3_stmt *st = NULL;
	desk_article **list = NULL;
	size_t len = 0, cap = 0;
	int rc, r;

	*out = NULL;
	*n = 0;
	if ((rc = desk_prepare(
	         d, &st,
	         backward ? "SELECT " ARTICLE_COLS " FROM article WHERE id < ?5 AND " PAGE_FILTER
	                    " ORDER BY id DESC LIMIT ?6"
	                  : "SELECT " ARTICLE_COLS " FROM article WHERE id > ?5 AND " PAGE_FILTER
	                    " ORDER BY id LIMIT ?6")) != DESK_OK)
		goto done;
	page_bind(st, f);
	sqlite3_bind_int64(st, 5, key);
	sqlite3_bind_int64(st, 6, max > INT64_MAX ? INT64_MAX : (int64_t)max);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (desk_grow(&list, &cap, len, sizeof *list) != DESK_OK ||
		    (list[len] = article_from_row(st, 0)) == NULL) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		len++;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "list a page of articles");
		goto done;
	}
	for (size_t i = 0; backward && i < len / 2; i++) { /* read downwards, handed upwards */
		desk_article *a = list[i];
		list[i] = list[len - 1 - i];
		list[len - 1 - i] = a;
	}
	*out = list;
	*n = len;
	list = NULL;
	len = 0;
done:
	sqlite3_finalize(st);
	desk_article_list_free(list, len);
	return rc;
}

static int
page_filtered(const desk_article_filter *f)
{
	return f && (f->lang || f->date_from || f->date_to);
}

int
desk_article_rank(int64_t *out, desk *d, const desk_article_filter *f, int64_t key)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	/* The kept counts are right once the stats upgrade has gone through every article. */
	if (key == INT64_MAX && !page_filtered(f))
		rc = desk_prepare(d, &st,
		                  "SELECT CASE WHEN EXISTS (SELECT 1 FROM stat_upgrade) THEN NULL "
		                  "ELSE (SELECT coalesce(sum(n), 0) FROM stat_article "
		                  "WHERE ?1 IS NULL OR status = ?1) END");
	else
		rc = desk_prepare(d, &st,
		                  "SELECT (" PAGE_COUNT("new") ") + (" PAGE_COUNT(
		                      "progress") ") + (" PAGE_COUNT("done") ")");
	if (rc != DESK_OK)
		goto done;
	page_bind(st, f);
	sqlite3_bind_int64(st, 5, key);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "count articles");
		goto done;
	}
	if (sqlite3_column_type(st, 0) == SQLITE_NULL) { /* counts not ready: the index */
		sqlite3_finalize(st);
		st = NULL;
		rc = desk_article_rank(out, d, f, INT64_MAX - 1);
		goto done;
	}
	*out = sqlite3_column_int64(st, 0);
done:
	sqlite3_finalize(st);
	return rc;
}

int
desk_article_nth(int64_t *out, desk *d, const desk_article_filter *f, int64_t i)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*out = 0;
	if (i < 0)
		return DESK_OK;
	/* A compound SELECT ordered by id merges the three index ranges: no sort. */
	if ((rc = desk_prepare(
	         d, &st,
	         PAGE_STATUS("new") " UNION ALL " PAGE_STATUS("progress") " UNION ALL " PAGE_STATUS(
	             "done") " ORDER BY 1 "
	                     "LIMIT 1 OFFSET ?6")) != DESK_OK)
		goto done;
	page_bind(st, f);
	sqlite3_bind_int64(st, 5, INT64_MAX);
	sqlite3_bind_int64(st, 6, i);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "find an article by its place");
done:
	sqlite3_finalize(st);
	return rc;
}
