/*
 * gold.h - adjudication: where the editors' layers of an article differ,
 * and the gold layer a chief settles them into.
 *
 * An editor's layer is the spans whose author is that editor.  The gold
 * layer is kept apart from them (migration 13): settling never changes an
 * editor's spans.  An article has a gold layer once anything was settled in
 * it, even when that is "take none" everywhere (a gold layer with no spans).
 * Export and release take the gold layer where an article has one
 * (desk_filter.layer).  Every gold change is one transaction, logged in the
 * edit log, and one undo step (desk_undo).  Only chiefs adjudicate.
 */
#ifndef COPYDESK_GOLD_H
#define COPYDESK_GOLD_H

#include <stddef.h>
#include <stdint.h>

#include "desk.h"

#ifdef __cplusplus
extern "C" {
#endif

/* --- The gold layer ----------------------------------------------------- */

typedef struct desk_gold_span {
	int64_t id, article_id;
	int64_t start, end; /* code points, end exclusive */
	const char *label;
	const char *text;   /* body[start:end] */
	int64_t entity_id;  /* 0 if none */
	int64_t span_id;    /* the editor's span it was taken (or edited) from; 0: none */
	const char *author; /* that span's author; the chief for an edited one */
	const char *settled_by, *settled_at;
} desk_gold_span;

typedef struct desk_gold desk_gold;

/* The article's gold layer (DESK_NOTFOUND for no such article). */
int desk_gold_get(desk_gold **out, desk *d, int64_t article_id);
/* Whether the article has a gold layer (it may hold no span). */
int desk_gold_exists(const desk_gold *g);
size_t desk_gold_count(const desk_gold *g);
const desk_gold_span *desk_gold_at(const desk_gold *g, size_t i);
void desk_gold_free(desk_gold *g);
/* {"article": ID, "gold": true|false, "spans": [{id, start, end, label, text, ...}]} */
int desk_gold_json(char **out, desk *d, int64_t article_id);

/* --- Changes (each one transaction and one undo step) -------------------- */

/*
 * The article's gold layer becomes editor's spans (all others taken away).
 * DESK_NOTFOUND (rule unknown) when editor has no span in the article.
 */
int desk_gold_from(desk *d, int64_t article_id, const char *editor);
/*
 * Add an editor's span (by id) of the article to its gold layer; *out gets
 * the gold span's id.  DESK_NOTFOUND (rule unknown) when the span is not a
 * standing span of the article; DESK_DUPLICATE (rule gold-same) when a gold
 * span has its range and label already.
 */
int desk_gold_add(int64_t *out, desk *d, int64_t article_id, int64_t span_id);
/* Take a gold span of the article away (the article keeps its gold layer). */
int desk_gold_remove(desk *d, int64_t article_id, int64_t gold_span_id);
/* "Take none" everywhere: the article's gold layer holds no span. */
int desk_gold_none(desk *d, int64_t article_id);

/* --- Differences -------------------------------------------------------- */

/* An editor's span as the differences show it. */
typedef struct desk_gold_dspan {
	int64_t id, start, end;
	const char *label, *text;
	size_t editor; /* index in desk_gold_diff_editor() */
} desk_gold_dspan;

/*
 * A unit of the article: spans that agree exactly (same range and label,
 * one from each editor who annotated it), or a group where they differ:
 * spans that overlap one another, or a span not every editor has.
 */
typedef struct desk_gold_unit {
	int agreed;
	int64_t start, end; /* the union of its spans' ranges */
	size_t first, n;    /* its spans: desk_gold_diff_span(first .. first + n - 1) */
	int settled;        /* the gold layer holds a span taken from one of them, or the
	                       article has a gold layer and none was taken (settled as none) */
} desk_gold_unit;

typedef struct desk_gold_diff desk_gold_diff;

/*
 * The article's editors (the authors of its standing spans, by name) and
 * its units in text order.  Reads one article: its spans and gold spans.
 */
int desk_gold_diff_get(desk_gold_diff **out, desk *d, int64_t article_id);
int64_t desk_gold_diff_article(const desk_gold_diff *g);
size_t desk_gold_diff_editors(const desk_gold_diff *g);
const char *desk_gold_diff_editor(const desk_gold_diff *g, size_t i);
size_t desk_gold_diff_units(const desk_gold_diff *g);
const desk_gold_unit *desk_gold_diff_unit(const desk_gold_diff *g, size_t i);
const desk_gold_dspan *desk_gold_diff_span(const desk_gold_diff *g, size_t i);
/* The gold layer as it was read with the differences. */
const desk_gold *desk_gold_diff_gold(const desk_gold_diff *g);
void desk_gold_diff_free(desk_gold_diff *g);

/* What settling a unit takes: one editor's spans (0, 1, ...), all of them, none. */
enum { DESK_GOLD_BOTH = -1, DESK_GOLD_NONE = -2 };

/*
 * Settle unit i of the differences: its gold spans (those taken from its
 * spans) are replaced by editor take's spans of the unit, all its spans
 * (DESK_GOLD_BOTH; the same range and label once) or none.
 */
int desk_gold_take(desk *d, const desk_gold_diff *g, size_t unit, int take);
/*
 * Settle unit i with one gold span of [start, end) and label (widened to
 * grapheme boundaries), in place of the unit's gold spans.
 */
int desk_gold_edit(desk *d, const desk_gold_diff *g, size_t unit, int64_t start, int64_t end,
                   const char *label);

/* --- Claims' verdicts --------------------------------------------------- */

typedef struct desk_gold_claim {
	int64_t id, start, end;
	const char *text, *author;
	const char *verdict; /* the claim's research's verdict; NULL: none yet */
} desk_gold_claim;

/*
 * A group of the article's claims that overlap one another, of several
 * editors, whose verdicts differ; settled when a verdict was settled for it.
 */
typedef struct desk_gold_vgroup {
	int64_t start, end;
	size_t first, n;     /* desk_gold_vdiff_claim(first .. first + n - 1) */
	int64_t settled_id;  /* the gold_verdict row; 0: not settled */
	int64_t kept_claim;  /* the claim the settlement keeps */
	const char *verdict; /* the settled verdict, or NULL */
} desk_gold_vgroup;

typedef struct desk_gold_vdiff desk_gold_vdiff;

int desk_gold_vdiff_get(desk_gold_vdiff **out, desk *d, int64_t article_id);
size_t desk_gold_vdiff_groups(const desk_gold_vdiff *v);
const desk_gold_vgroup *desk_gold_vdiff_group(const desk_gold_vdiff *v, size_t i);
const desk_gold_claim *desk_gold_vdiff_claim(const desk_gold_vdiff *v, size_t i);
void desk_gold_vdiff_free(desk_gold_vdiff *v);

/*
 * Settle the verdict of the claims that overlap claim_id (those of its
 * group): the gold layer keeps claim_id with verdict (by name), in place of
 * any verdict settled before for the range.  DESK_NOTFOUND for no such claim
 * or verdict.
 */
int desk_gold_verdict(desk *d, int64_t claim_id, const char *verdict);

#ifdef __cplusplus
}
#endif
#endif
