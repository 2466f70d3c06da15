/*
 * tagging.h - entity tagging without curses or the database: the word under
 * the cursor, a selection's range, the span under the cursor and the next
 * or previous one, and how spans look on screen (colours with underline for
 * nesting, or brackets without colour).  view_reader.c calls these; the unit
 * tests (test_tagging.c) check them as strings.
 *
 * Spans come as an array in nesting order (by start, then longest first),
 * as desk_spans_get() gives them.  Offsets are code points, end exclusive.
 */
#ifndef COPYDESK_TAGGING_H
#define COPYDESK_TAGGING_H

#include <stddef.h>
#include <stdint.h>

#include "copydesk/copydesk.h"
#include "layout.h"

/* Spans as the reader draws them, by start, then longest first (desk_spans_get's order). */
struct tagging_span {
	int64_t id;
	int64_t start, end;
	int label;     /* index in the label set, or -1 */
	int64_t reach; /* the furthest end of this span and all before it: tagging_prepare() */
};

/* Fill in reach, so that the spans holding a place are found without a scan of all. */
void tagging_prepare(struct tagging_span *s, size_t n);

/*
 * The word holding the grapheme at cp: a run of letters and digits as the
 * reader's w and b see it (a syllable in Vietnamese), without the
 * punctuation or spaces after it.  DESK_NOTFOUND when cp is not in a word.
 */
int tagging_word_at(int64_t *start, int64_t *end, const desk_text *t, int64_t cp);

/*
 * A selection from the anchor's grapheme to the cursor's (either order),
 * both included.  When the later end is the first grapheme of a word, the
 * whole word is taken (v w w covers three words).  Trimmed of white space
 * at both ends; *start == *end when nothing is left.
 */
void tagging_selection(int64_t *start, int64_t *end, const desk_text *t, int64_t anchor,
                       int64_t cursor);

/*
 * The spans holding cp, innermost (shortest) first, as indexes into s (at
 * most max); how many.  For picking an outer one of nested spans.
 */
size_t tagging_holding(long *out, size_t max, const struct tagging_span *s, size_t n, int64_t cp);

/*
 * The innermost (shortest) span holding cp, -1 if none; *depth how many hold
 * it.  s is prepared (tagging_prepare); it takes a binary search and a walk
 * back over the spans that reach cp, not a scan of all of them.
 */
long tagging_innermost(const struct tagging_span *s, size_t n, int64_t cp, int *depth);

/* The first span starting after cp (next) or the last starting before it (prev); -1 if none. */
long tagging_next(const struct tagging_span *s, size_t n, int64_t cp);
long tagging_prev(const struct tagging_span *s, size_t n, int64_t cp);

/*
 * The brackets that show spans without colour, as layout inserts: "[K " before
 * a span (K its label's key, keys[label]; "?" for none), "]" after it, or "K]"
 * when the span it closes is not the last one opened (overlapping spans).  At
 * one offset the closing brackets come first, then the opening ones,
 * outermost first.  *out is sorted, one insert per offset; caller frees.
 */
int tagging_inserts(struct layout_insert **out, size_t *nout, const struct tagging_span *s,
                    size_t n, const char *const *keys, size_t nkeys);

/*
 * Screen line row of l as two lines for tests: the text as drawn (brackets
 * included when l has them), then under each column the key of the innermost
 * span's label ('.' for none, ' ' under brackets), then '_' under every
 * column drawn underlined (held by two spans or more).  Caller frees.
 */
char *tagging_render(const struct layout *l, size_t row, const struct tagging_span *s, size_t n,
                     const char *const *keys, size_t nkeys);

#endif
