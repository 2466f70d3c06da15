/*
 * lineedit.c - the prompts' line editor.  Every boundary (grapheme, word)
 * comes from text.h: the line is wrapped in a desk_text for each edit, which
 * is cheap at a prompt's length.
 */
#include <stdlib.h>
#include <string.h>

#include "copydesk/copydesk.h"
#include "keymap.h"
#include "lineedit.h"

void
lineedit_init(struct lineedit *le)
{
	memset(le, 0, sizeof *le);
}

void
lineedit_free(struct lineedit *le)
{
	free(le->buf);
	lineedit_init(le);
}

void
lineedit_clear(struct lineedit *le)
{
	le->len = le->cursor = 0;
	le->offered = 0;
	if (le->buf)
		le->buf[0] = '\0';
}

static int
lineedit_reserve(struct lineedit *le, size_t n)
{
	char *b;
	size_t cap;

	if (le->len + n + 1 <= le->cap)
		return DESK_OK;
	cap = (le->len + n + 1) * 2;
	if ((b = realloc(le->buf, cap)) == NULL)
		return DESK_NOMEM;
	if (le->buf == NULL)
		b[0] = '\0'; /* a new buffer: the empty line's terminator, moved by inserts */
	le->buf = b;
	le->cap = cap;
	return DESK_OK;
}

/*
 * Move to or cut towards a boundary that desk_text finds from the cursor;
 * step gives the new code point from (text, cursor cp).  Returns the byte
 * offset, or the cursor when the line cannot be wrapped (no memory).
 */
static size_t
lineedit_find(const struct lineedit *le, int64_t (*step)(const desk_text *, int64_t))
{
	desk_text *t = NULL;
	size_t at = le->cursor;

	if (le->len == 0 || desk_text_new(&t, le->buf, le->len) != DESK_OK)
		return at;
	at = desk_text_byte(t, step(t, desk_text_cp(t, le->cursor)));
	desk_text_free(t);
	return at;
}

/* The cursor if it is on a grapheme boundary, else the end of its grapheme. */
static int64_t
lineedit_snap(const desk_text *t, int64_t cp)
{
	return desk_text_is_grapheme(t, cp) ? cp : desk_text_next_grapheme(t, cp);
}

/*
 * Remove bytes [from, to) and leave the cursor at from, or past the grapheme
 * it is now inside: what was on either side may join into one (two Hangul
 * jamo, two regional indicators; found by fuzzing).
 */
static void
lineedit_cut(struct lineedit *le, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(le->buf + from, le->buf + to, le->len - to + 1);
	le->len -= to - from;
	le->cursor = from;
	le->cursor = lineedit_find(le, lineedit_snap);
}

int
lineedit_insert(struct lineedit *le, const char *s, size_t n)
{
	size_t k = 0;
	int rc;

	if (n == 0)
		return DESK_OK;
	if (desk_utf8_check(s, n, NULL) != DESK_OK)
		return DESK_INVALID;
	if ((rc = lineedit_reserve(le, n)) != DESK_OK)
		return rc;
	memmove(le->buf + le->cursor + n, le->buf + le->cursor, le->len - le->cursor + 1);
	/* Controls would reach the terminal or end the line: keep them out. */
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
			le->buf[le->cursor + k++] = s[i];
	if (k < n)
		memmove(le->buf + le->cursor + k, le->buf + le->cursor + n,
		        le->len - le->cursor + 1);
	le->len += k;
	le->cursor += k;
	/* Text after the cursor may now join the insertion in one grapheme (a mark). */
	le->cursor = lineedit_find(le, lineedit_snap);
	return DESK_OK;
}

int
lineedit_offer(struct lineedit *le, const char *s)
{
	int rc;

	lineedit_clear(le);
	if ((rc = lineedit_insert(le, s, strlen(s))) != DESK_OK)
		return rc;
	le->offered = le->len > 0;
	return DESK_OK;
}

void
lineedit_left(struct lineedit *le)
{
	le->cursor = lineedit_find(le, desk_text_prev_grapheme);
}

void
lineedit_right(struct lineedit *le)
{
	le->cursor = lineedit_find(le, desk_text_next_grapheme);
}

void
lineedit_home(struct lineedit *le)
{
	le->cursor = 0;
}

void
lineedit_end(struct lineedit *le)
{
	le->cursor = le->len;
}

void
lineedit_backspace(struct lineedit *le)
{
	size_t to = le->cursor;

	lineedit_cut(le, lineedit_find(le, desk_text_prev_grapheme), to);
}

void
lineedit_delete(struct lineedit *le)
{
	lineedit_cut(le, le->cursor, lineedit_find(le, desk_text_next_grapheme));
}

void
lineedit_kill_start(struct lineedit *le)
{
	lineedit_cut(le, 0, le->cursor);
}

void
lineedit_kill_end(struct lineedit *le)
{
	lineedit_cut(le, le->cursor, le->len);
}

void
lineedit_kill_word(struct lineedit *le)
{
	lineedit_cut(le, lineedit_find(le, desk_text_prev_word), le->cursor);
}

/* The editing keys; printable characters go through lineedit_insert(). */
static const struct {
	int key;
	void (*fn)(struct lineedit *);
} lineedit_keys[] = {
    {KEYMAP_LEFT, lineedit_left},
    {KEYMAP_CTRL('b'), lineedit_left},
    {KEYMAP_RIGHT, lineedit_right},
    {KEYMAP_CTRL('f'), lineedit_right},
    {KEYMAP_HOME, lineedit_home},
    {KEYMAP_CTRL('a'), lineedit_home},
    {KEYMAP_END, lineedit_end},
    {KEYMAP_CTRL('e'), lineedit_end},
    {KEYMAP_BACKSPACE, lineedit_backspace},
    {0x7f, lineedit_backspace},
    {KEYMAP_CTRL('h'), lineedit_backspace},
    {KEYMAP_DELETE, lineedit_delete},
    {KEYMAP_CTRL('d'), lineedit_delete},
    {KEYMAP_CTRL('u'), lineedit_kill_start},
    {KEYMAP_CTRL('k'), lineedit_kill_end},
    {KEYMAP_CTRL('w'), lineedit_kill_word},
};

/* A code point as UTF-8 into buf (4 bytes); 0 for what is not a character. */
static size_t
lineedit_utf8(char *buf, int c)
{
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xc0 | c >> 6);
		buf[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c >= 0xd800 && c < 0xe000)
		return 0;
	if (c < 0x10000) {
		buf[0] = (char)(0xe0 | c >> 12);
		buf[1] = (char)(0x80 | (c >> 6 & 0x3f));
		buf[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	buf[0] = (char)(0xf0 | c >> 18);
	buf[1] = (char)(0x80 | (c >> 12 & 0x3f));
	buf[2] = (char)(0x80 | (c >> 6 & 0x3f));
	buf[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Keys that take an offered line away whole rather than edit it. */
static int
lineedit_replaces(int key)
{
	return (key >= 0x20 && key != 0x7f && key < KEYMAP_SPECIAL) || key == KEYMAP_BACKSPACE ||
	       key == 0x7f || key == KEYMAP_CTRL('h') || key == KEYMAP_DELETE ||
	       key == KEYMAP_CTRL('d') || key == KEYMAP_CTRL('u') || key == KEYMAP_CTRL('w');
}

int
lineedit_key(struct lineedit *le, int key)
{
	if (le->offered) {
		le->offered = 0;
		if (lineedit_replaces(key)) {
			lineedit_clear(le);
			if (key >= KEYMAP_SPECIAL || key < 0x20 || key == 0x7f)
				return LINEEDIT_CONTINUE; /* cleared: the first Backspace does not
				                             cancel */
		}
	}
	if (key >= 0x20 && key != 0x7f && key < KEYMAP_SPECIAL) {
		char buf[4];

		lineedit_insert(le, buf, lineedit_utf8(buf, key));
		return LINEEDIT_CONTINUE;
	}
	if (key == KEYMAP_ENTER || key == '\n')
		return LINEEDIT_ACCEPT;
	if (key == KEYMAP_ESC || key == KEYMAP_CTRL('c') || key == KEYMAP_CTRL('g'))
		return LINEEDIT_CANCEL;
	if ((key == KEYMAP_BACKSPACE || key == 0x7f || key == KEYMAP_CTRL('h')) && le->len == 0)
		return LINEEDIT_CANCEL;
	for (size_t i = 0; i < sizeof lineedit_keys / sizeof *lineedit_keys; i++) {
		if (lineedit_keys[i].key == key) {
			lineedit_keys[i].fn(le);
			break;
		}
	}
	return LINEEDIT_CONTINUE;
}

int
lineedit_layout(const struct lineedit *le, int width, desk_text **text, struct layout **out,
                size_t *row, int *col)
{
	desk_text *t = NULL;
	struct layout *l = NULL;
	int rc = DESK_OK;

	*text = NULL;
	*out = NULL;
	*row = 0;
	*col = 0;
	if (le->len == 0)
		goto done;
	if ((rc = desk_text_new(&t, le->buf, le->len)) != DESK_OK ||
	    (rc = layout_new(&l, t, width < 1 ? 1 : width, NULL, 0, LAYOUT_GRAPHEMES)) != DESK_OK)
		goto done;
	layout_pos(l, desk_text_cp(t, le->cursor), row, col);
	*text = t;
	*out = l;
	t = NULL;
	l = NULL;
done:
	layout_free(l);
	desk_text_free(t);
	return rc;
}
