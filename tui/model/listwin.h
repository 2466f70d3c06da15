/*
 * listwin.h - which rows of a long list to hold: a window of at most cap
 * rows, from base, around what the screen shows.  Given the rows wanted,
 * listwin_plan() says what to read (nothing, a page after or before the
 * window, the first or last rows, or a page at an index); the caller reads
 * it with keyset queries and tells listwin_*_got() what came.  Pure: no
 * store, no terminal.
 */
#ifndef COPYDESK_LISTWIN_H
#define COPYDESK_LISTWIN_H

#include <stddef.h>

struct listwin {
	size_t base;  /* the list index of the window's first row */
	size_t len;   /* rows held */
	size_t total; /* rows in the list */
	size_t cap;   /* rows held at most */
};

enum listwin_read {
	LISTWIN_NONE,   /* the window holds them */
	LISTWIN_AFTER,  /* count rows after the window's last */
	LISTWIN_BEFORE, /* count rows before the window's first */
	LISTWIN_TOP,    /* the first count rows: a new window */
	LISTWIN_BOTTOM, /* the last count rows: a new window */
	LISTWIN_AT,     /* count rows from index start: a new window */
};

struct listwin_plan {
	enum listwin_read read;
	size_t start, count;
};

/* What to read so that the window holds rows [lo, hi) (cut at the list's end). */
struct listwin_plan listwin_plan(const struct listwin *w, size_t lo, size_t hi);

/*
 * After the read: got rows came.  Returns how many rows to drop at the
 * window's front (AFTER) or back (BEFORE) to keep it within cap; the window
 * then holds them.
 */
size_t listwin_got(struct listwin *w, const struct listwin_plan *p, size_t got);

#endif
