/*
 * article.h - articles: the stored text, its metadata and review status.
 *
 * Offsets anywhere in copydesk are Unicode code points of the stored NFC
 * body, end exclusive.
 */
#ifndef COPYDESK_ARTICLE_H
#define COPYDESK_ARTICLE_H

#include "desk.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	DESK_STATUS_NEW = 0,
	DESK_STATUS_PROGRESS = 1,
	DESK_STATUS_DONE = 2,
	DESK_STATUS_ANY = -1 /* only as a list filter */
} desk_status;

/* "new", "progress", "done"; desk_status_parse() accepts these and "in-progress". */
const char *desk_status_name(desk_status s);
int desk_status_parse(desk_status *out, const char *name);

/* Kinds of marked range in an article. */
typedef enum {
	DESK_MARK_BOILERPLATE = 1, /* web-page furniture: follow links, captions, related links */
	DESK_MARK_BYLINE = 2,      /* the author line */
} desk_mark_kind;

typedef struct desk_mark {
	int64_t start, end; /* code points, end exclusive */
	desk_mark_kind kind;
} desk_mark;

/* An article as read from the store (opaque; accessors below). */
typedef struct desk_article desk_article;

/*
 * What an importer hands to the store.  body must be valid NFC UTF-8 with LF
 * line ends; title/date/lang/source may be NULL.  marks are code-point
 * ranges of body.
 */
typedef struct desk_article_in {
	const char *title;
	const char *date; /* YYYY-MM-DD */
	const char *lang; /* "vi" or "en" */
	const char *source;
	const char *body;
	size_t body_len; /* bytes */
	const desk_mark *marks;
	size_t nmarks;
} desk_article_in;

/*
 * Store a batch of articles in one transaction, all or nothing.  ids[i] gets
 * the new id, or the id of the stored article with the same text (then
 * dup[i] is set to 1 and nothing is stored for it).  ids and dup may be NULL.
 */
int desk_article_add(desk *d, const desk_article_in *in, size_t n, int64_t *ids, int *dup);

/* Load one article with its body and marks. */
int desk_article_get(desk_article **out, desk *d, int64_t id);
void desk_article_free(desk_article *a);

/*
 * List articles in id order, without their bodies (desk_article_body() is
 * NULL on these).  status DESK_STATUS_ANY lists all.
 */
int desk_article_list(desk_article ***out, size_t *n, desk *d, desk_status status);
void desk_article_list_free(desk_article **list, size_t n);

int desk_article_count(int64_t *out, desk *d);

/*
 * Paging the list (what a screen shows, never the whole corpus).  A filter
 * says which articles a list holds; NULL or a zeroed filter with status
 * DESK_STATUS_ANY holds them all.  Dates are YYYY-MM-DD, both ends kept;
 * an article without a date is outside any date range.
 */
typedef enum {
	DESK_SORT_ID = 0,    /* oldest import first */
	DESK_SORT_DATE = 1,  /* newest date first, then the higher id; undated last */
	DESK_SORT_TITLE = 2, /* title folded (accents, case, đ -> d), then id; untitled last */
} desk_article_sort;

/* "id", "date", "title"; desk_article_sort_parse() accepts these. */
const char *desk_article_sort_name(desk_article_sort s);
int desk_article_sort_parse(desk_article_sort *out, const char *name);

typedef struct desk_article_filter {
	desk_status status;    /* DESK_STATUS_ANY: every status */
	const char *lang;      /* "vi", "en"; NULL: both */
	const char *date_from; /* NULL: no lower bound */
	const char *date_to;   /* NULL: no upper bound */
	/* Added for the list's sorts and filters (zero: as before). */
	desk_article_sort sort;   /* the list's order */
	const char *label;        /* with a standing span of this label; NULL: any */
	const char *claim_status; /* with a claim in this status ("check", ...); NULL: any */
} desk_article_filter;

/*
 * Up to max articles of f's list in id order, without bodies, into *out (n
 * of them; desk_article_list_free()): the first ones with an id above key,
 * or with backward the last ones with an id below key (INT64_MAX: the end
 * of the list), always in ascending id order.  One keyset query: it costs
 * the page, not the corpus, wherever the page is.
 */
int desk_article_page(desk_article ***out, size_t *n, desk *d, const desk_article_filter *f,
                      int64_t key, int backward, size_t max);

/*
 * How many articles of f's list have an id below key (INT64_MAX: the whole
 * list).  The whole list with only a status filter comes from the kept
 * counts; else it counts the (status, id) index, never the article rows.
 */
int desk_article_rank(int64_t *out, desk *d, const desk_article_filter *f, int64_t key);

/* The id of the article at index i (from 0) of f's list, or 0 past its end. */
int desk_article_nth(int64_t *out, desk *d, const desk_article_filter *f, int64_t i);

/*
 * In f's order (f->sort), key and the pages are as above with "above" and
 * "below" meaning after and before in that order (key 0: the start,
 * INT64_MAX: the end; rows always come in the list's order); rank counts
 * the articles before key.  The date and title orders read migration 9's
 * sort keys: while a database made before it has not had them all
 * (desk_article_sort_index), they fail with DESK_BUSY and a message.  With
 * a label or claim-status filter, ranks and indexes are exact and cost one
 * index probe an article before the place (about 0.15 s for the whole list
 * at 100,000 articles); without, they count an index.
 */

/*
 * The index in f's list of the first article dated date (YYYY-MM-DD) or,
 * when none is, of the first one after it in time (by date: the next
 * older; else the first dated later, in f's order); the list's size when
 * there is none.
 */
int desk_article_date_index(int64_t *out, desk *d, const desk_article_filter *f, const char *date);

/*
 * A database made before migration 9: give its articles their sort keys, up
 * to max of them in one short transaction; *left gets how many are left (an
 * upper bound).  max 0 only reports.
 */
int desk_article_sort_index(int64_t *left, desk *d, size_t max);

int desk_article_set_status(desk *d, int64_t id, desk_status s);

/*
 * For a caller that keeps a list of articles: the articles whose status the
 * edits, undos and redos logged since *since changed, each with its status
 * now, into *out (n of them; free()); *added is 1 when articles were
 * imported since (read the list again); *since moves on to the last entry
 * of the log.  It costs what changed, not the corpus.  *since < 0 gives
 * nothing and only sets the position: take it before reading the list.
 */
typedef struct desk_article_state {
	int64_t id;
	desk_status status;
} desk_article_state;
int desk_article_changes(desk_article_state **out, size_t *n, int *added, desk *d, int64_t *since);

int64_t desk_article_id(const desk_article *a);
const char *desk_article_title(const desk_article *a);  /* "" when none */
const char *desk_article_date(const desk_article *a);   /* "" when none */
const char *desk_article_lang(const desk_article *a);   /* "vi" or "en" */
const char *desk_article_source(const desk_article *a); /* "" when none */
const char *desk_article_body(const desk_article *a);   /* NFC UTF-8 */
/* The first 120 code points of the body outside boilerplate (for untitled articles in lists). */
const char *desk_article_excerpt(const desk_article *a);
size_t desk_article_body_len(const desk_article *a);    /* bytes */
int64_t desk_article_body_chars(const desk_article *a); /* code points */
const char *desk_article_hash(const desk_article *a);
const char *desk_article_imported_by(const desk_article *a);
const char *desk_article_imported_at(const desk_article *a); /* ISO 8601 UTC */
desk_status desk_article_status(const desk_article *a);
const desk_mark *desk_article_marks(const desk_article *a, size_t *n);

/*
 * The article as one JSON object: its stored fields, the body verbatim and
 * its marks ({"kind", "start", "end"}); caller frees.
 */
int desk_article_json(char **out, desk *d, int64_t id);

/* The list as a JSON array of objects without bodies; caller frees. */
int desk_article_list_json(char **out, desk *d, desk_status status);

/* The editor's remembered reading position (a code point) in an article; 0 if none. */
int desk_position_get(int64_t *out, desk *d, int64_t article_id);
int desk_position_set(desk *d, int64_t article_id, int64_t pos);

#ifdef __cplusplus
}
#endif
#endif
