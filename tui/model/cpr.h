/*
 * cpr.h - a terminal's cursor position report (ESC [ row ; col R) picked out
 * of the keys around it (cpr.c).
 */
#ifndef COPYDESK_CPR_H
#define COPYDESK_CPR_H

#include <stddef.h>

/* The longest report held: ESC [ 4 digits ; 4 digits R. */
#define CPR_HELD_MAX 12

struct cpr {
	int held[CPR_HELD_MAX]; /* the keys so far that may begin a report */
	size_t nheld;
	int row, col; /* of the last report found */
};

void cpr_init(struct cpr *c);
/*
 * Feed one key (a byte, a code point, or anything else, which is never part
 * of a report).  The keys found not to belong to a report are put in out
 * (room for CPR_HELD_MAX + 1), in their order, and *nout says how many.
 * Returns 1 when key ended a report (its place in c->row and c->col; its
 * keys are not in out), else 0.
 */
int cpr_feed(struct cpr *c, int key, int *out, size_t *nout);
/* The keys held (the start of a report that never ended) into out; their number. */
size_t cpr_flush(struct cpr *c, int *out);
/* Whether the whole of s[0..n) is one report (its place in *row and *col). */
int cpr_parse(const char *s, size_t n, int *row, int *col);

#endif
