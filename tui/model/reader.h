/*
 * reader.h - the reader's state and motions, without curses: a text, its
 * layout at the window's size, the cursor (a grapheme) and the first line
 * shown.  view_reader.c draws it and turns keys into these calls; the unit
 * tests call them directly.
 *
 * A header may come before the text, as mutt's pager shows an e-mail's: the
 * title, a line with date, language and source, and a blank line.  It scrolls
 * with the text, but the cursor never goes into it: positions, offsets and
 * the line numbers of reader_status and reader_goto are the text's.  When the
 * cursor is on the text's first line, the header is on the screen above it
 * (as much of it as fits).
 */
#ifndef COPYDESK_READER_H
#define COPYDESK_READER_H

#include "copydesk/copydesk.h"
#include "layout.h"

/* Layouts kept per (width, boilerplate hidden), so resizing back and forth is free. */
#define READER_CACHE 4

struct reader {
	desk_text *text;
	desk_mark *marks; /* copied from the article */
	size_t nmarks;
	struct layout *cache[READER_CACHE];
	int cache_hide[READER_CACHE]; /* whether cache[i] hides boilerplate */
	struct layout *lay;           /* the one in use, one of cache[] */
	desk_text *head;              /* the header's lines (NULL: none) */
	int64_t head_title;           /* the title is head's code points before this */
	struct layout *headlay;       /* head at cols */
	int rows, cols;
	int hide;                       /* boilerplate hidden */
	int64_t cur;                    /* the cursor: a grapheme's first code point */
	size_t top;                     /* first line shown: the header's, then the text's */
	int want;                       /* the display column j and k aim for */
	int64_t match_start, match_end; /* the last search match, or -1 */
	struct layout_insert *ins;      /* display-only brackets (spans without colour) */
	size_t nins;
};

/* Take a copy of body and marks; the reader starts at 0, 80x24. */
int reader_init(struct reader *r, const char *body, size_t len, const desk_mark *marks,
                size_t nmarks);
void reader_free(struct reader *r);

/*
 * Show a header before the text: the title (none when empty), then date,
 * language and source (the ones not empty) joined by " · ", then a blank
 * line.  No header when all are empty.
 */
int reader_set_header(struct reader *r, const char *title, const char *date, const char *lang,
                      const char *source);

/* The window's text area changed size: lay out again, keeping the cursor's line on screen. */
int reader_resize(struct reader *r, int rows, int cols);

/*
 * Lay the text out with these display-only inserts (tagging_inserts), or
 * none; the cursor stays on its grapheme and its line where it was.
 */
int reader_set_inserts(struct reader *r, const struct layout_insert *ins, size_t n);

/*
 * For a terminal that cannot dim: ins (sorted by cp, one per cp, as
 * tagging_inserts makes them) with each shown stretch of boilerplate between
 * READER_BP_OPEN and READER_BP_CLOSE, outside the inserts at the same
 * places.  *out sorted, one per cp; caller frees.  DESK_* code.
 */
#define READER_BP_OPEN  "[~"
#define READER_BP_CLOSE "~]"
int reader_boilerplate_inserts(const struct reader *r, const struct layout_insert *ins, size_t n,
                               struct layout_insert **out, size_t *nout);

/* Hide boilerplate (DESK_MARK_BOILERPLATE) or show it again. */
int reader_set_hide(struct reader *r, int hide);

/* Put the cursor on cp's grapheme (the next shown one if cp is hidden) and scroll to it. */
void reader_set_cursor(struct reader *r, int64_t cp);

/* Scroll so that the cursor's line is the first shown (when the text is long enough). */
void reader_cursor_to_top(struct reader *r);

/* Motions; n is a count (>= 1).  Each keeps the cursor on screen. */
void reader_left(struct reader *r, int64_t n);
void reader_right(struct reader *r, int64_t n);
void reader_word_next(struct reader *r, int64_t n);
void reader_word_prev(struct reader *r, int64_t n);
void reader_down(struct reader *r, int64_t n);
void reader_up(struct reader *r, int64_t n);
void reader_page_down(struct reader *r, int64_t n);
void reader_page_up(struct reader *r, int64_t n);
void reader_top(struct reader *r, int64_t n);     /* n ignored */
void reader_bottom(struct reader *r, int64_t n);  /* n ignored */
void reader_goto(struct reader *r, int64_t line); /* 1-based screen line */
void reader_line_start(struct reader *r, int64_t n);
void reader_line_end(struct reader *r, int64_t n);

/*
 * Search for pattern, folded (case, accents, đ), from the cursor: forward
 * finds the next match after it, backward the last before it; either wraps
 * around once (*wrapped set).  Matches in hidden text are passed over.
 * DESK_OK puts the cursor on the match; DESK_NOTFOUND leaves it.
 */
int reader_search(struct reader *r, const char *pattern, int backward, int *wrapped);

/* The cursor's screen line and column (the column within the width). */
size_t reader_row(const struct reader *r);
int reader_col(const struct reader *r);
size_t reader_lines(const struct reader *r);
/* The header's lines at the width (0 without one). */
size_t reader_head_lines(const struct reader *r);
/* The window row (from 0) the cursor is on. */
int reader_cursor_y(const struct reader *r);

/*
 * What window row y (from 0) shows: a line of the header (the layout
 * headlay) or of the text (lay), as *line of the layout returned; NULL past
 * the end.
 */
const struct layout *reader_screen_line(const struct reader *r, int y, size_t *line);

/*
 * Where the cursor is, as the status line shows it: "LINE/LINES PCT%", the
 * cursor's screen line (1-based) of all, and "[z] " before it while
 * boilerplate is hidden.  snprintf's result.
 */
int reader_status(const struct reader *r, char *buf, size_t size);

/* Whether the grapheme at cp lies in a mark of kind. */
int reader_in_mark(const struct reader *r, int64_t cp, desk_mark_kind kind);

#endif
