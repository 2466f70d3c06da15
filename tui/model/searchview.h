/*
 * searchview.h - the interface's corpus search without a terminal: how the
 * `/` line chooses the mode, the snippet's marked pieces, how many results
 * to ask for as the cursor moves, the query searched as the editor types,
 * and moving through an article's matches.  Pure: no store, no
 * terminal (view_search.c and view_reader.c draw).
 */
#ifndef COPYDESK_SEARCHVIEW_H
#define COPYDESK_SEARCHVIEW_H

#include <stddef.h>

#include "copydesk/copydesk.h"

/*
 * The `/` line: a leading "=" asks for the exact mode (accents respected:
 * "=Đảng"), which *exact says; the query follows, white space before it
 * skipped.
 */
#define SEARCHVIEW_EXACT '='
const char *searchview_query(const char *line, int *exact);

/*
 * What marks a match in the snippets the view asks for: control bytes, so
 * that no text looks like them (a body's own control characters are drawn
 * as escapes, never taken as marks: they are not these two).
 */
#define SEARCHVIEW_OPEN  "\x0e"
#define SEARCHVIEW_CLOSE "\x0f"

/* A piece of a snippet: s[0..n), inside a match or not. */
struct searchview_piece {
	const char *s;
	size_t n;
	int marked;
};

/*
 * Cut snippet at its marks into at most max pieces (the marks left out,
 * empty pieces dropped); how many.  A mark left open runs to the end.
 */
size_t searchview_pieces(const char *snippet, struct searchview_piece *out, size_t max);

/* Results asked for at a time, and at most in all (memory stays bounded). */
#define SEARCHVIEW_STEP 100
#define SEARCHVIEW_MAX  1000

/*
 * The result limit to ask for with the cursor at sel and rows results on
 * the screen, when have came for a limit of asked: more when the cursor is
 * within a screen of the end and the last search filled its limit, never
 * above SEARCHVIEW_MAX; 0 when what is held will do.
 */
size_t searchview_limit(size_t sel, size_t rows, size_t have, size_t asked);

/* The longest a search may take on a key while the prompt is open (desk_search_budget). */
#define SEARCHVIEW_BUDGET_MS 30

/*
 * The query searched while line is being typed: line, with a star after its
 * last word when that word may not be finished (no space after it yet, at
 * least SEARCHVIEW_PREFIX code points, not an operator, no quote left open),
 * so "luong cu" already finds "Lương Cường".  Into out (size bytes: a line
 * that does not fit is taken as it is); out.
 */
#define SEARCHVIEW_PREFIX 2
const char *searchview_typing(char *out, size_t size, const char *line);

/* "N results", "N+ results" (more may come), "No result"; snprintf's result. */
int searchview_count(char *buf, size_t size, size_t n, int more);

/*
 * An article's matches: title ranges [0, ntitle) then body ranges [ntitle,
 * n).  The one after cur (backward: before it), wrapping round (*wrapped
 * set); cur == n (none yet) gives the first (backward: the last).
 */
size_t searchview_step(size_t cur, size_t n, int backward, int *wrapped);

/* Whether code point cp lies in one of r[0..n) (sorted, not overlapping). */
int searchview_in(const desk_search_range *r, size_t n, int64_t cp);

#endif
