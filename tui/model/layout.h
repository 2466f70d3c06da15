/*
 * layout.h - an article's text as screen lines at a width.  Pure: no curses.
 *
 * Lines break where Unicode allows (desk_text_break), at every LF, and inside
 * a word only when the word is wider than the screen, then between
 * graphemes.  A grapheme is never split, a wide character never straddles the
 * right edge (a one-column gap is left), tabs go to the next multiple of 8,
 * and a character that must not reach the terminal (ESC, other controls,
 * bidi overrides) is a cell showing its escape ("^[") instead.  Spaces where
 * a line wraps hang past the edge (kept in the line, not drawn).
 *
 * Hidden ranges (hidden boilerplate) take no room; a line left with nothing
 * but hidden text is dropped.
 *
 * A paragraph (a LF-separated line of the text) may hang: its continuation
 * lines start after a number of blank columns, as man pages and tig's help
 * indent a description under its column.  The blank columns are display only:
 * they hold no cell and map to no code point.
 */
#ifndef COPYDESK_LAYOUT_H
#define COPYDESK_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "copydesk/copydesk.h"

/* How many code points of one grapheme a cell keeps for drawing (ncurses' CCHARW_MAX). */
#define LAYOUT_MAXCPS 5
/* Room for the escapes of one grapheme ("<U+202E>", "^["). */
#define LAYOUT_ESCMAX 32
/* A hanging indent is kept while it leaves this many columns for the text, */
#define LAYOUT_HANG_ROOM 20
/* else it falls back to this many (or fewer), */
#define LAYOUT_HANG_FALLBACK 4
/* and to none when even that leaves fewer than this many. */
#define LAYOUT_HANG_MIN 8

enum {
	LAYOUT_WORDS = 0,     /* break lines at break opportunities (an article) */
	LAYOUT_GRAPHEMES = 1, /* break at any grapheme (a status line, a title) */
};

struct layout_range {
	int64_t start, end; /* code points, end exclusive */
};

struct layout_line {
	int64_t start; /* first code point of the line */
	int64_t end;   /* end of what the line shows; a LF (or nothing) sits here */
	int64_t next;  /* where the next line starts: end, or end + 1 after a LF */
	int cols;      /* display columns used, indent included, hanging spaces left out */
	int indent;    /* blank columns before the first cell (a hanging indent) */
};

/* What one cell (one grapheme) shows. */
enum {
	LAYOUT_GLYPH,  /* cps: a printable grapheme */
	LAYOUT_LONE,   /* cps: marks with no base, drawn on a space */
	LAYOUT_TAB,    /* blank columns */
	LAYOUT_ESCAPE, /* esc: a character that must not be sent, as text; drawn reversed */
	LAYOUT_INSERT, /* esc: display-only text (a span's bracket); cp == end, no code point */
};

/*
 * Display-only text drawn before the grapheme at cp (or at a line's end when
 * cp is its LF or the text's end): brackets around spans.  Like a hanging
 * indent it takes columns but holds no code point: no cursor goes there.
 * text is printable and width columns wide.
 */
struct layout_insert {
	int64_t cp;
	int width;
	char text[LAYOUT_ESCMAX];
};

struct layout_cell {
	int64_t cp, end; /* the grapheme's code points */
	int col, width;  /* where it is drawn; col + width may pass the width (hanging) */
	int kind;
	int ncps;
	uint32_t cps[LAYOUT_MAXCPS]; /* GLYPH and LONE: base then marks (more are not drawn) */
	char esc[LAYOUT_ESCMAX];     /* ESCAPE: the escapes, NUL-terminated */
};

struct layout {
	const desk_text *text; /* not owned */
	int width;
	int flags;
	struct layout_range *hidden; /* sorted, merged */
	size_t nhidden;
	struct layout_line *lines;
	size_t nlines;
	struct layout_insert *ins; /* sorted by cp, one per cp */
	size_t nins;
};

/*
 * Lay out all of text at width columns (at least 1).  hidden (may be NULL)
 * is copied.  text must outlive the layout.  Returns a DESK_* code.
 */
int layout_new(struct layout **out, const desk_text *text, int width,
               const struct layout_range *hidden, size_t nhidden, int flags);
/*
 * The same with hanging indents: the continuation lines of paragraph i (0 for
 * the text's first line, i after its i-th LF) start at column
 * layout_hang_cols(hang[i], width); paragraphs past nhang do not hang.  hang
 * may be NULL.
 */
int layout_new_hang(struct layout **out, const desk_text *text, int width,
                    const struct layout_range *hidden, size_t nhidden, int flags, const int *hang,
                    size_t nhang);
/* The same with inserts (copied; sorted by cp, at most one per cp). */
int layout_new_insert(struct layout **out, const desk_text *text, int width,
                      const struct layout_range *hidden, size_t nhidden, int flags,
                      const struct layout_insert *ins, size_t nins);
void layout_free(struct layout *l);

/*
 * The indent a hang of cols columns gets at width: cols while it leaves
 * LAYOUT_HANG_ROOM columns, else at most LAYOUT_HANG_FALLBACK while that
 * leaves LAYOUT_HANG_MIN, else 0.
 */
int layout_hang_cols(int cols, int width);

/*
 * Whether the terminal draws an emoji's skin tone (U+1F3FB-U+1F3FF) in two
 * columns of its own after the emoji rather than joined to it (tmux 3.3
 * does): layouts made afterwards give it those columns, and ui_draw.c draws
 * it in a cell of its own.  Off by default.
 */
void layout_tone_cells(int on);
int layout_tones_apart(void);
int layout_is_tone(uint32_t c);

/* Whether the grapheme at cp is in a hidden range. */
int layout_is_hidden(const struct layout *l, int64_t cp);

/*
 * The cells of screen line row that start on screen (col < width), in order;
 * returns how many were written, at most max.  max = width always suffices.
 */
size_t layout_cells(const struct layout *l, size_t row, struct layout_cell *cells, size_t max);

/* The screen line holding cp, and its display column there. */
size_t layout_row(const struct layout *l, int64_t cp);
void layout_pos(const struct layout *l, int64_t cp, size_t *row, int *col);

/*
 * The grapheme of line row at display column col (the one covering it), or
 * the line's last position when col is past its end: its LF, or its last
 * grapheme when it wraps.
 */
int64_t layout_cp_at(const struct layout *l, size_t row, int col);

/*
 * Line row as a UTF-8 string, as it would be drawn: its indent as spaces,
 * escapes as their text, tabs as spaces, hanging spaces left out.  Caller frees; NULL if no memory.
 */
char *layout_render_line(const struct layout *l, size_t row);

#endif
