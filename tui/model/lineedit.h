/*
 * lineedit.h - a one-line UTF-8 editor that works by grapheme, for the `/`
 * and `:` prompts.  Pure: no curses; keys are keymap.h's ints.
 */
#ifndef COPYDESK_LINEEDIT_H
#define COPYDESK_LINEEDIT_H

#include <stddef.h>

#include "layout.h"

struct lineedit {
	char *buf;     /* NUL-terminated UTF-8 */
	size_t len;    /* bytes */
	size_t cap;    /* bytes allocated */
	size_t cursor; /* byte offset, always on a grapheme boundary */
	int offered;   /* the line is a suggestion: the first character typed replaces it */
};

/* What a key did. */
enum {
	LINEEDIT_CONTINUE = 0, /* edited (or ignored); keep editing */
	LINEEDIT_ACCEPT,       /* Enter */
	LINEEDIT_CANCEL,       /* Esc, C-c, C-g, or Backspace on an empty line */
};

void lineedit_init(struct lineedit *le);
void lineedit_free(struct lineedit *le);
void lineedit_clear(struct lineedit *le);

/*
 * Offer s as the line, cursor at its end: the first character typed (or
 * Backspace, Delete, C-u, C-w) replaces all of it, any other key keeps it to
 * edit.  DESK_* code.
 */
int lineedit_offer(struct lineedit *le, const char *s);

/* Insert UTF-8 at the cursor; control characters are dropped.  DESK_* code. */
int lineedit_insert(struct lineedit *le, const char *s, size_t n);

/* The edits, each by whole graphemes (words for the _word ones). */
void lineedit_left(struct lineedit *le);
void lineedit_right(struct lineedit *le);
void lineedit_home(struct lineedit *le);
void lineedit_end(struct lineedit *le);
void lineedit_backspace(struct lineedit *le);
void lineedit_delete(struct lineedit *le);
void lineedit_kill_start(struct lineedit *le); /* C-u: delete to the start */
void lineedit_kill_end(struct lineedit *le);   /* C-k: delete to the end */
void lineedit_kill_word(struct lineedit *le);  /* C-w: delete the word before the cursor */

/*
 * Apply one key: a printable code point is inserted (as UTF-8), an editing
 * key edits; returns LINEEDIT_*.
 */
int lineedit_key(struct lineedit *le, int key);

/*
 * What the prompt shows in width columns: the line laid out by grapheme, and
 * of a line longer than that the screenful holding the cursor.  *text and
 * *out are the line and its layout (caller frees both), *row the screen line
 * shown, *col the cursor's column in it.  An empty line has no layout
 * (*text and *out NULL, *col 0).  Returns a DESK_* code.
 */
int lineedit_layout(const struct lineedit *le, int width, desk_text **text, struct layout **out,
                    size_t *row, int *col);

#endif
