/*
 * statsview.h - the desk's figures (stats.h) laid out as lines of text for
 * a width: a heading per section, then one row per status, label, editor,
 * verdict with its name (escaped, cut to fit) and counts in aligned columns
 * and, when width > 0 leaves room, a horizontal bar scaled to the widest
 * row of the section.  `copydesk stats` prints the lines without bars
 * (width 0); the `:stats` screen draws them with bars (view_stats.c); the
 * unit tests compare statsview_render() strings.
 */
#ifndef COPYDESK_STATSVIEW_H
#define COPYDESK_STATSVIEW_H

#include <stddef.h>

#include "copydesk/copydesk.h"

struct statsview_line {
	char *text;  /* printable (escaped), at most width columns when width > 0 */
	int heading; /* a section's title line */
	int bar_col; /* where the bar starts (columns), */
	int bar_len; /* and its length in cells (0: none) */
};

struct statsview {
	struct statsview_line *v;
	size_t n, cap;
};

/* The lines of s at width columns (0: no bars, no limit); DESK_NOMEM on failure. */
int statsview_lines(struct statsview *out, const desk_stats *s, int width);
void statsview_free(struct statsview *sv);

/* A line with its bar drawn as '#' (for tests and plain output); caller frees. */
char *statsview_render(const struct statsview_line *l);

#endif
