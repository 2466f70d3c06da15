/*
 * goldview.h - the adjudication view's layout (no terminal): an article's
 * differences between the editors' layers (gold.h) as lines of text, a
 * unit at a time: its heading (range, agreed or differs, what the gold
 * layer holds of it), then one line per editor's span, numbered by editor
 * (the digit that takes that editor's spans).  Agreed units are dim.
 * After the span units come the groups of overlapping claims whose
 * editors' verdicts differ (goldview_vlines), their index counted on from
 * the units': a heading with the verdict settled, if any, then one line per
 * claim (its number in the group is the digit that keeps it).  The
 * text is the store's, unescaped: the drawing (view_gold.c) escapes it.
 * The unit tests compare the lines as strings.
 */
#ifndef COPYDESK_GOLDVIEW_H
#define COPYDESK_GOLDVIEW_H

#include <stddef.h>

#include "copydesk/copydesk.h"

struct goldview_line {
	char *text;
	size_t unit; /* the unit it belongs to */
	int head;    /* the unit's heading */
	int dim;     /* an agreed unit's line */
};

struct goldview {
	struct goldview_line *v;
	size_t n, cap;
};

/* The lines of g (with the gold layer read with it); DESK_NOMEM on failure. */
int goldview_lines(struct goldview *out, const desk_gold_diff *g);
void goldview_free(struct goldview *gv);
/* The first line of unit u (0 when there is none). */
size_t goldview_line_of(const struct goldview *gv, size_t u);
/*
 * The next unit after cur (dir 1) or before it (-1) that differs, wrapping
 * around; cur itself when no other differs.  n, N move by these; j, k by
 * any unit.
 */
size_t goldview_next_diff(const desk_gold_diff *g, size_t cur, int dir);
/*
 * Append v's groups to gv as units base, base + 1, ... (base: the number
 * of span units); DESK_NOMEM on failure (gv keeps what it had).
 */
int goldview_vlines(struct goldview *gv, size_t base, const desk_gold_vdiff *v);
/*
 * goldview_next_diff over the span units of g and then v's groups (which
 * all differ); v may be NULL.
 */
size_t goldview_next_any(const desk_gold_diff *g, const desk_gold_vdiff *v, size_t cur, int dir);
/* How many units differ, and how many of those the gold layer settles. */
void goldview_count(const desk_gold_diff *g, size_t *differ, size_t *settled);

#endif
