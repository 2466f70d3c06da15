/*
 * article_page.c - the article list a page at a time: keyset pages in the
 * list's order (id, date or title), an article's rank and the article at
 * an index, under a filter (status, language, date range, label present,
 * claim status).  Nothing here reads the whole corpus: in id order pages
 * walk the rowid from a key, ranks and indexes walk the narrow (status, id)
 * index, the whole list's size comes from the kept counts; in date and
 * title order they walk migration 9's article_sort indexes, which hold the
 * filters' columns, from the key's (sort key, id).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * The filter's terms over table t: ?1 status, ?2 lang, ?3 first date, ?4
 * last date, ?8 a label a standing span has, ?9 a claim's status.
 */
#define PAGE_BASIC                                                                                 \
	"(?1 IS NULL OR status = ?1) AND (?2 IS NULL OR lang = ?2) AND "                           \
	"(?3 IS NULL OR (date <> '' AND date >= ?3)) AND (?4 IS NULL OR (date <> '' AND date <= "  \
	"?4))"
#define PAGE_TERMS(t)                                                                              \
	PAGE_BASIC                                                                                 \
	" AND (?8 IS NULL OR EXISTS (SELECT 1 FROM span sp WHERE sp.label = ?8 AND "               \
	"sp.article_id = " t ".id AND sp.deleted_at IS NULL)) AND (?9 IS NULL OR EXISTS (SELECT "  \
	"1 FROM claim c JOIN research r ON r.id = c.research_id WHERE c.article_id = " t           \
	".id AND c.deleted_at IS NULL AND r.status = ?9))"
#define PAGE_FILTER PAGE_TERMS("article")
#define SORT_FILTER PAGE_TERMS("article_sort")

/* The same over the (status, id) index: one range a status, merged by id. */
#define PAGE_STATUS(s) "SELECT id FROM article WHERE status = '" s "' AND id < ?5 AND " PAGE_FILTER
#define PAGE_COUNT(s)                                                                              \
	"SELECT count(*) FROM article WHERE status = '" s "' AND id < ?5 AND " PAGE_FILTER

static const char *const page_sort_names[] = {"id", "date", "title"};

const char *
desk_article_sort_name(desk_article_sort s)
{
	return (unsigned)s < 3 ? page_sort_names[s] : "id";
}

int
desk_article_sort_parse(desk_article_sort *out, const char *name)
{
	for (int i = 0; name && i < 3; i++)
		if (strcmp(name, page_sort_names[i]) == 0) {
			*out = (desk_article_sort)i;
			return DESK_OK;
		}
	return DESK_INVALID;
}

static desk_article_sort
page_sort(const desk_article_filter *f)
{
	return f && (f->sort == DESK_SORT_DATE || f->sort == DESK_SORT_TITLE) ? f->sort
	                                                                      : DESK_SORT_ID;
}

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
	if (f->label)
		sqlite3_bind_text(st, 8, f->label, -1, SQLITE_TRANSIENT);
	if (f->claim_status)
		sqlite3_bind_text(st, 9, f->claim_status, -1, SQLITE_TRANSIENT);
}

/*
 * The date and title orders: (sort key, id) over article_sort, newest date
 * first (then the higher id) or folded title first (then the lower id).
 */
struct page_order {
	const char *col;    /* the sort key's column */
	const char *after;  /* the comparison that means "after" in the list's order */
	const char *before; /* and "before" */
	const char *down;   /* ORDER BY direction of the list's order */
	const char *up;     /* and the reverse */
};

static const struct page_order page_orders[] = {
    [DESK_SORT_ID] = {"id", ">", "<", "ASC", "DESC"},
    [DESK_SORT_DATE] = {"date", "<", ">", "DESC", "ASC"},
    [DESK_SORT_TITLE] = {"title_key", ">", "<", "ASC", "DESC"},
};

static int
page_filtered(const desk_article_filter *f)
{
	return f && (f->lang || f->date_from || f->date_to || f->label || f->claim_status);
}

/*
 * Whether to read article_sort: in the date and title orders, and in id
 * order under a filter once the sort keys are all there (its rows are
 * narrow and its indexes hold the filters' columns; the articles' rows are
 * not).
 */
static int
page_narrow(desk *d, const desk_article_filter *f)
{
	sqlite3_stmt *st = NULL;
	int ready = 0;

	if (page_sort(f) != DESK_SORT_ID)
		return 1;
	if (!page_filtered(f) ||
	    desk_prepare(d, &st, "SELECT NOT EXISTS (SELECT 1 FROM sort_upgrade)") != DESK_OK)
		return 0;
	ready = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return ready;
}

/*
 * Whether f's label or claim status has no article at all: one probe, so
 * that a label nobody uses does not scan the list for nothing.
 */
static int
page_none(desk *d, const desk_article_filter *f)
{
	sqlite3_stmt *st = NULL;
	int none = 0;

	if (f == NULL || (f->label == NULL && f->claim_status == NULL) ||
	    desk_prepare(d, &st,
	                 "SELECT (?8 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM span WHERE label = "
	                 "?8 AND deleted_at IS NULL)) OR (?9 IS NOT NULL AND NOT EXISTS (SELECT 1 "
	                 "FROM claim c JOIN research r ON r.id = c.research_id WHERE r.status = ?9 "
	                 "AND c.deleted_at IS NULL))") != DESK_OK)
		return 0;
	page_bind(st, f);
	none = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return none;
}

/* Whether the sort keys are all there (migration 9's upgrade done). */
static int
page_ready(desk *d)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, "SELECT count(*) FROM sort_upgrade")) != DESK_OK)
		return rc;
	if ((r = sqlite3_step(st)) != SQLITE_ROW)
		rc = desk_sqlite_error(d, "sort keys");
	else if (sqlite3_column_int64(st, 0) > 0)
		rc = desk_error(d, DESK_BUSY,
		                "the list's sort keys are not ready yet (open the database with "
		                "copydesk once to finish them)");
	sqlite3_finalize(st);
	return rc;
}

/* Prepare sql (a format taking the order's strings) bound with f and the key's sort value. */
static int
page_prepare(desk *d, sqlite3_stmt **st, const desk_article_filter *f, int64_t key, const char *fmt,
             ...)
{
	const struct page_order *o = &page_orders[page_sort(f)];
	sqlite3_stmt *k = NULL;
	char sql[2048];
	va_list ap;
	int rc, r;

	*st = NULL;
	if ((rc = page_ready(d)) != DESK_OK)
		return rc;
	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	if ((rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	page_bind(*st, f);
	sqlite3_bind_int64(*st, 5, key);
	if (key <= 0 || key == INT64_MAX)
		return DESK_OK;
	snprintf(sql, sizeof sql, "SELECT %s FROM article_sort WHERE id = ?1", o->col);
	if ((rc = desk_prepare(d, &k, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(k, 1, key);
	if ((r = sqlite3_step(k)) == SQLITE_ROW)
		sqlite3_bind_value(*st, 7, sqlite3_column_value(k, 0));
	else
		rc = r == SQLITE_DONE ? desk_error(d, DESK_NOTFOUND, "no article %lld in the list",
		                                   (long long)key)
		                      : desk_sqlite_error(d, "sort keys");
done:
	sqlite3_finalize(k);
	if (rc != DESK_OK) {
		sqlite3_finalize(*st);
		*st = NULL;
	}
	return rc;
}

/* Hand a page over in the list's order (backward: it was read the other way). */
static void
page_hand(desk_article ***out, size_t *n, desk_article **list, size_t len, int backward)
{
	for (size_t i = 0; backward && i < len / 2; i++) {
		desk_article *a = list[i];
		list[i] = list[len - 1 - i];
		list[len - 1 - i] = a;
	}
	*out = list;
	*n = len;
}

/* The articles of the ids st gives, in that order (reversed with backward). */
static int
page_fetch(desk_article ***out, size_t *n, desk *d, sqlite3_stmt *st, int backward)
{
	sqlite3_stmt *get = NULL;
	desk_article **list = NULL;
	size_t len = 0, cap = 0;
	int rc, r;

	if ((rc = desk_prepare(d, &get, "SELECT " ARTICLE_COLS " FROM article WHERE id = ?1")) !=
	    DESK_OK)
		return rc;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_reset(get);
		sqlite3_bind_int64(get, 1, sqlite3_column_int64(st, 0));
		if (sqlite3_step(get) != SQLITE_ROW)
			continue; /* gone behind copydesk's back */
		if (desk_grow(&list, &cap, len, sizeof *list) != DESK_OK ||
		    (list[len] = article_from_row(get, 0)) == NULL) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		len++;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "list a page of articles");
		goto done;
	}
	page_hand(out, n, list, len, backward);
	list = NULL;
	len = 0;
done:
	sqlite3_finalize(get);
	desk_article_list_free(list, len);
	return rc;
}

static int
page_sorted(desk_article ***out, size_t *n, desk *d, const desk_article_filter *f, int64_t key,
            int backward, size_t max)
{
	const struct page_order *o = &page_orders[page_sort(f)];
	int from_end = backward ? key == INT64_MAX : key <= 0;
	sqlite3_stmt *st = NULL;
	int rc;

	if (backward ? key <= 0 : key == INT64_MAX)
		return DESK_OK; /* nothing before the start or after the end */
	if (page_none(d, f))
		return DESK_OK;
	if ((rc =
	         page_prepare(d, &st, f, key,
	                      "SELECT id FROM article_sort WHERE %s%s%s%s%s AND " SORT_FILTER
	                      " ORDER BY %s %s, id %s LIMIT ?6",
	                      from_end ? "" : "(", from_end ? "" : o->col, from_end ? "" : ", id) ",
	                      from_end   ? "1"
	                      : backward ? o->before
	                                 : o->after,
	                      from_end ? "" : " (?7, ?5)", o->col, backward ? o->up : o->down,
	                      backward ? o->up : o->down)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 6, max > INT64_MAX ? INT64_MAX : (int64_t)max);
	rc = page_fetch(out, n, d, st, backward);
	sqlite3_finalize(st);
	return rc;
}

/* What page_sorted_one() asks article_sort. */
enum page_one {
	PAGE_NTH,        /* the id at index i */
	PAGE_RANK,       /* how many come before key */
	PAGE_DATE,       /* the first article of the first date on or after date (0: none) */
	PAGE_DATE_NEWER, /* how many are dated after date */
	PAGE_TOTAL       /* how many there are */
};

/* One number from a query over article_sort in f's order. */
static int
page_sorted_one(int64_t *out, desk *d, const desk_article_filter *f, enum page_one what,
                int64_t key, const char *date, int64_t i)
{
	const struct page_order *o = &page_orders[page_sort(f)];
	sqlite3_stmt *st = NULL;
	int rc, r;

	*out = 0;
	if (page_none(d, f))
		return DESK_OK;
	switch (what) {
	case PAGE_NTH:
		rc = page_prepare(d, &st, f, 0,
		                  "SELECT id FROM article_sort WHERE " SORT_FILTER
		                  " ORDER BY %s %s, id %s LIMIT 1 OFFSET ?6",
		                  o->col, o->down, o->down);
		break;
	case PAGE_RANK:
		rc = page_prepare(d, &st, f, key,
		                  "SELECT count(*) FROM article_sort WHERE (%s, id) %s (?7, ?5) "
		                  "AND " SORT_FILTER,
		                  o->col, o->before);
		break;
	case PAGE_DATE:
		rc = page_prepare(d, &st, f, 0,
		                  "SELECT id FROM article_sort WHERE date = (SELECT min(date) FROM "
		                  "article_sort WHERE date >= ?10 AND " SORT_FILTER
		                  ") AND " SORT_FILTER " ORDER BY %s %s, id %s LIMIT 1",
		                  o->col, o->down, o->down);
		break;
	case PAGE_DATE_NEWER:
		rc = page_prepare(
		    d, &st, f, 0,
		    "SELECT count(*) FROM article_sort WHERE date > ?10 AND " SORT_FILTER);
		break;
	default:
		/* Driven by the label's spans and the status's claims, not probed an article at a
		 * time. */
		rc = page_prepare(
		    d, &st, f, 0, "SELECT count(*) FROM article_sort WHERE %s%s" PAGE_BASIC,
		    f->label ? "id IN (SELECT article_id FROM span WHERE label = ?8 AND "
		               "deleted_at IS NULL) AND "
		             : "",
		    f->claim_status ? "id IN (SELECT c.article_id FROM claim c JOIN research "
		                      "r ON r.id = c.research_id WHERE r.status = ?9 AND "
		                      "c.deleted_at IS NULL) AND "
		                    : "");
		break;
	}
	if (rc != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 6, i);
	if (date)
		sqlite3_bind_text(st, 10, date, -1, SQLITE_TRANSIENT);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "find an article by its place");
	sqlite3_finalize(st);
	return rc;
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
	if (page_narrow(d, f))
		return page_sorted(out, n, d, f, key, backward, max);
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
	page_hand(out, n, list, len, backward);
	list = NULL;
	len = 0;
done:
	sqlite3_finalize(st);
	desk_article_list_free(list, len);
	return rc;
}

int
desk_article_rank(int64_t *out, desk *d, const desk_article_filter *f, int64_t key)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	/* The whole list's size is the same in any order. */
	if (page_narrow(d, f)) {
		if (key <= 0)
			return DESK_OK;
		if (key < INT64_MAX - 1)
			return page_sorted_one(out, d, f, PAGE_RANK, key, NULL, 0);
		if (page_filtered(f))
			return page_sorted_one(out, d, f, PAGE_TOTAL, 0, NULL, 0);
	}
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
	if (page_narrow(d, f))
		return page_sorted_one(out, d, f, PAGE_NTH, 0, NULL, i);
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

int
desk_article_date_index(int64_t *out, desk *d, const desk_article_filter *f, const char *date)
{
	desk_article_filter any = {.status = DESK_STATUS_ANY};
	int64_t id = 0;
	int rc;

	*out = 0;
	if (date == NULL || *date == '\0')
		return desk_error(d, DESK_MISUSE, "no date");
	if (f == NULL)
		f = &any;
	/* Newest first: the articles dated after it come before it. */
	if (page_sort(f) == DESK_SORT_DATE)
		return page_sorted_one(out, d, f, PAGE_DATE_NEWER, 0, date, 0);
	if ((rc = page_sorted_one(&id, d, f, PAGE_DATE, 0, date, 0)) != DESK_OK)
		return rc;
	return desk_article_rank(out, d, f, id == 0 ? INT64_MAX : id);
}
