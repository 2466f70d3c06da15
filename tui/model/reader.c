/*
 * reader.c - the reader's cursor, scrolling and search over a layout (see
 * reader.h).  No curses here: view_reader.c draws what this decides.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* A column past every line's end: j and k after $ stay at the ends of lines. */
#define READER_EOL (INT_MAX / 2)

int
reader_init(struct reader *r, const char *body, size_t len, const desk_mark *marks, size_t nmarks)
{
	int rc;

	memset(r, 0, sizeof *r);
	r->rows = 24;
	r->cols = 80;
	r->match_start = r->match_end = -1;
	if ((rc = desk_text_new(&r->text, body, len)) != DESK_OK)
		goto done;
	if (nmarks > 0) {
		if ((r->marks = malloc(nmarks * sizeof *r->marks)) == NULL) {
			rc = DESK_NOMEM;
			goto done;
		}
		memcpy(r->marks, marks, nmarks * sizeof *r->marks);
		r->nmarks = nmarks;
	}
	rc = reader_resize(r, r->rows, r->cols);
done:
	if (rc != DESK_OK)
		reader_free(r);
	return rc;
}

void
reader_free(struct reader *r)
{
	desk_text_free(r->text);
	desk_text_free(r->head);
	layout_free(r->headlay);
	free(r->marks);
	free(r->ins);
	for (int i = 0; i < READER_CACHE; i++)
		layout_free(r->cache[i]);
	memset(r, 0, sizeof *r);
	r->match_start = r->match_end = -1;
}

/* The layout for the current width and hiding, from the cache or made now; the header's too. */
static int
reader_layout(struct reader *r)
{
	struct layout_range *hidden = NULL;
	struct layout *l = NULL;
	size_t n = 0;
	int i, rc = DESK_OK;

	if (r->head && (r->headlay == NULL || r->headlay->width != r->cols)) {
		layout_free(r->headlay);
		r->headlay = NULL;
		if ((rc = layout_new(&r->headlay, r->head, r->cols, NULL, 0, LAYOUT_WORDS)) !=
		    DESK_OK)
			goto done;
	}

	for (i = 0; i < READER_CACHE && r->cache[i]; i++)
		if (r->cache[i]->width == r->cols && r->cache_hide[i] == r->hide)
			break;
	if (i < READER_CACHE && r->cache[i]) {
		l = r->cache[i];
	} else {
		if (r->hide && r->nmarks > 0 &&
		    (hidden = malloc(r->nmarks * sizeof *hidden)) == NULL) {
			rc = DESK_NOMEM;
			goto done;
		}
		for (size_t m = 0; r->hide && m < r->nmarks; m++)
			if (r->marks[m].kind == DESK_MARK_BOILERPLATE)
				hidden[n++] =
				    (struct layout_range){r->marks[m].start, r->marks[m].end};
		if ((rc = layout_new_insert(&l, r->text, r->cols, hidden, n, LAYOUT_WORDS, r->ins,
		                            r->nins)) != DESK_OK)
			goto done;
		i = READER_CACHE - 1;
		layout_free(r->cache[i]);
	}
	/* Most recently used first. */
	memmove(r->cache + 1, r->cache, (size_t)i * sizeof *r->cache);
	memmove(r->cache_hide + 1, r->cache_hide, (size_t)i * sizeof *r->cache_hide);
	r->cache[0] = l;
	r->cache_hide[0] = r->hide;
	r->lay = l;
done:
	free(hidden);
	return rc;
}

size_t
reader_lines(const struct reader *r)
{
	return r->lay->nlines;
}

size_t
reader_head_lines(const struct reader *r)
{
	return r->headlay ? r->headlay->nlines : 0;
}

/* The cursor's line counted from the header's first. */
static size_t
reader_vrow(const struct reader *r)
{
	return reader_head_lines(r) + reader_row(r);
}

int
reader_cursor_y(const struct reader *r)
{
	return (int)(reader_vrow(r) - r->top);
}

const struct layout *
reader_screen_line(const struct reader *r, int y, size_t *line)
{
	size_t v = r->top + (size_t)y, nhead = reader_head_lines(r);

	if (y < 0)
		return NULL;
	if (v < nhead) {
		*line = v;
		return r->headlay;
	}
	*line = v - nhead;
	return *line < r->lay->nlines ? r->lay : NULL;
}

int
reader_status(const struct reader *r, char *buf, size_t size)
{
	size_t row = reader_row(r) + 1, lines = reader_lines(r);

	return snprintf(buf, size, "%s%zu/%zu %3zu%%", r->hide ? "[z] " : "", row, lines,
	                row * 100 / lines);
}

static size_t
reader_maxtop(const struct reader *r)
{
	size_t n = reader_head_lines(r) + r->lay->nlines, rows = (size_t)r->rows;

	return n > rows ? n - rows : 0;
}

size_t
reader_row(const struct reader *r)
{
	return layout_row(r->lay, r->cur);
}

int
reader_col(const struct reader *r)
{
	size_t row;
	int col;

	layout_pos(r->lay, r->cur, &row, &col);
	return col < r->cols ? col : r->cols - 1;
}

/*
 * Keep the cursor's line on screen, and the screen within the text; on the
 * text's first line, the header above it.
 */
static void
reader_scroll(struct reader *r)
{
	size_t row = reader_vrow(r), rows = (size_t)r->rows;

	if (reader_row(r) == 0)
		r->top = row < rows ? 0 : row - rows + 1;
	if (row < r->top)
		r->top = row;
	if (row >= r->top + rows)
		r->top = row - rows + 1;
	if (r->top > reader_maxtop(r))
		r->top = reader_maxtop(r);
}

static int
reader_hidden(const struct reader *r, int64_t cp)
{
	return layout_is_hidden(r->lay, cp);
}

/* The cursor on a shown grapheme: cp's, else the next shown, else the last shown. */
static int64_t
reader_snap(const struct reader *r, int64_t cp)
{
	const desk_text *t = r->text;
	int64_t len = desk_text_len(t), p;

	if (len == 0)
		return 0;
	if (cp >= len)
		cp = desk_text_prev_grapheme(t, len);
	p = cp = desk_text_grapheme_start(t, cp < 0 ? 0 : cp);
	while (p < len && reader_hidden(r, p))
		p = desk_text_next_grapheme(t, p);
	if (p < len)
		return p;
	while (cp > 0 && reader_hidden(r, cp))
		cp = desk_text_prev_grapheme(t, cp);
	return cp;
}

/* Move the cursor to cp after a sideways motion: the column to keep is the new one. */
static void
reader_move(struct reader *r, int64_t cp)
{
	size_t row;

	r->cur = reader_snap(r, cp);
	reader_scroll(r);
	layout_pos(r->lay, r->cur, &row, &r->want);
}

/* Relayout, keeping the cursor's line where it was on the screen. */
static int
reader_relayout(struct reader *r)
{
	size_t row = r->lay ? reader_vrow(r) : 0;
	size_t rel = row >= r->top ? row - r->top : 0;
	int rc;

	if ((rc = reader_layout(r)) != DESK_OK)
		return rc;
	r->cur = reader_snap(r, r->cur);
	row = reader_vrow(r);
	if (rel >= (size_t)r->rows)
		rel = (size_t)r->rows - 1;
	r->top = row > rel ? row - rel : 0;
	reader_scroll(r);
	return DESK_OK;
}

int
reader_resize(struct reader *r, int rows, int cols)
{
	r->rows = rows < 1 ? 1 : rows;
	r->cols = cols < 1 ? 1 : cols;
	return reader_relayout(r);
}

/* Append s to buf (size bytes, NUL-terminated), after sep when buf is not empty. */
static void
reader_join(char *buf, size_t size, const char *sep, const char *s)
{
	size_t n = strlen(buf);

	if (*s == '\0')
		return;
	snprintf(buf + n, size - n, "%s%s", n > 0 ? sep : "", s);
}

int
reader_set_header(struct reader *r, const char *title, const char *date, const char *lang,
                  const char *source)
{
	size_t size = strlen(title) + strlen(date) + strlen(lang) + strlen(source) + 32;
	desk_text *t = NULL;
	char *buf = NULL, *meta;
	int rc = DESK_NOMEM;

	if ((buf = malloc(size)) == NULL)
		goto done;
	buf[0] = '\0';
	reader_join(buf, size, "", title);
	if (*title)
		strcat(buf, "\n");
	meta = buf + strlen(buf);
	reader_join(meta, size - (size_t)(meta - buf), " \u00b7 ", date);
	reader_join(meta, size - (size_t)(meta - buf), " \u00b7 ", lang);
	reader_join(meta, size - (size_t)(meta - buf), " \u00b7 ", source);
	if (*buf) {
		strcat(buf, *meta ? "\n\n" : "\n");
		if ((rc = desk_text_new(&t, buf, strlen(buf))) != DESK_OK)
			goto done;
	}
	desk_text_free(r->head);
	layout_free(r->headlay);
	r->head = t;
	r->headlay = NULL;
	t = NULL;
	r->head_title = r->head && *title ? desk_text_cp(r->head, strlen(title)) : 0;
	rc = reader_relayout(r);
done:
	desk_text_free(t);
	free(buf);
	return rc;
}

int
reader_set_inserts(struct reader *r, const struct layout_insert *ins, size_t n)
{
	struct layout_insert *copy = NULL;
	struct layout *old;
	int rc;

	if (n == r->nins && (n == 0 || memcmp(ins, r->ins, n * sizeof *ins) == 0))
		return DESK_OK;
	if (n > 0 && (copy = malloc(n * sizeof *copy)) == NULL)
		return DESK_NOMEM;
	if (n > 0)
		memcpy(copy, ins, n * sizeof *copy);
	free(r->ins);
	r->ins = copy;
	r->nins = n;
	old = r->lay;
	/* Every cached layout had the old brackets; the one in use goes after the relayout. */
	for (int i = 0; i < READER_CACHE; i++) {
		if (r->cache[i] != old)
			layout_free(r->cache[i]);
		r->cache[i] = NULL;
	}
	if ((rc = reader_relayout(r)) != DESK_OK) {
		r->cache[0] = r->lay = old; /* keep showing the old one */
		return rc;
	}
	layout_free(old);
	return DESK_OK;
}

/* Add text to the insert at cp in out (sorted), before or after what is there. */
static void
reader_insert_at(struct layout_insert *out, size_t *n, int64_t cp, const char *text, int first)
{
	size_t i = 0, len = strlen(text);
	struct layout_insert *in;

	while (i < *n && out[i].cp < cp)
		i++;
	if (i == *n || out[i].cp != cp) {
		memmove(out + i + 1, out + i, (*n - i) * sizeof *out);
		out[i] = (struct layout_insert){.cp = cp, .width = 0, .text = ""};
		(*n)++;
	}
	in = &out[i];
	if (strlen(in->text) + len >= sizeof in->text)
		return; /* no room: the bracket is left out, the text still shows */
	if (first) {
		memmove(in->text + len, in->text, strlen(in->text) + 1);
		memcpy(in->text, text, len);
	} else {
		strcat(in->text, text);
	}
	in->width += (int)len; /* ASCII: a byte is a column */
}

int
reader_boilerplate_inserts(const struct reader *r, const struct layout_insert *ins, size_t n,
                           struct layout_insert **out, size_t *nout)
{
	struct layout_insert *o;
	size_t k = n;

	*out = NULL;
	*nout = 0;
	if ((o = malloc((n + 2 * r->nmarks + 1) * sizeof *o)) == NULL)
		return DESK_NOMEM;
	if (n > 0)
		memcpy(o, ins, n * sizeof *o);
	for (size_t i = 0; !r->hide && i < r->nmarks; i++) {
		const desk_mark *m = &r->marks[i];

		if (m->kind != DESK_MARK_BOILERPLATE || m->start >= m->end)
			continue;
		/* Outside a span's brackets at the same place: "[~[P" ... "]~]". */
		reader_insert_at(o, &k, m->start, READER_BP_OPEN, 1);
		reader_insert_at(o, &k, m->end, READER_BP_CLOSE, 0);
	}
	*out = o;
	*nout = k;
	return DESK_OK;
}

int
reader_set_hide(struct reader *r, int hide)
{
	r->hide = hide != 0;
	return reader_relayout(r);
}

void
reader_set_cursor(struct reader *r, int64_t cp)
{
	reader_move(r, cp);
}

void
reader_cursor_to_top(struct reader *r)
{
	size_t row = reader_vrow(r), max = reader_maxtop(r);

	r->top = row < max ? row : max;
	reader_scroll(r); /* on the first line, the header too */
}

void
reader_left(struct reader *r, int64_t n)
{
	int64_t p = r->cur;

	while (n-- > 0 && p > 0) {
		int64_t q = desk_text_prev_grapheme(r->text, p);

		while (q > 0 && reader_hidden(r, q))
			q = desk_text_prev_grapheme(r->text, q);
		if (reader_hidden(r, q))
			break;
		p = q;
	}
	reader_move(r, p);
}

void
reader_right(struct reader *r, int64_t n)
{
	int64_t len = desk_text_len(r->text), p = r->cur;

	while (n-- > 0) {
		int64_t q = desk_text_next_grapheme(r->text, p);

		while (q < len && reader_hidden(r, q))
			q = desk_text_next_grapheme(r->text, q);
		if (q >= len)
			break;
		p = q;
	}
	reader_move(r, p);
}

void
reader_word_next(struct reader *r, int64_t n)
{
	int64_t len = desk_text_len(r->text), p = r->cur;

	while (n-- > 0 && p < len) {
		p = desk_text_next_word(r->text, p);
		while (p < len && reader_hidden(r, p))
			p = desk_text_next_word(r->text, p);
	}
	reader_move(r, p); /* past the last word: the last grapheme */
}

void
reader_word_prev(struct reader *r, int64_t n)
{
	int64_t p = r->cur;

	while (n-- > 0 && p > 0) {
		p = desk_text_prev_word(r->text, p);
		while (p > 0 && reader_hidden(r, p))
			p = desk_text_prev_word(r->text, p);
	}
	reader_move(r, p);
}

/* The last grapheme a screen line shows ($), or its LF when it shows none. */
static int64_t
reader_eol(const struct reader *r, size_t row)
{
	return layout_cp_at(r->lay, row, r->lay->lines[row].cols - 1);
}

/* To screen line row at the column j and k keep ($ there after a $). */
static void
reader_to_row(struct reader *r, size_t row)
{
	if (row >= r->lay->nlines)
		row = r->lay->nlines - 1;
	r->cur = r->want == READER_EOL ? reader_eol(r, row) : layout_cp_at(r->lay, row, r->want);
	reader_scroll(r);
}

void
reader_down(struct reader *r, int64_t n)
{
	size_t row = reader_row(r), last = r->lay->nlines - 1;

	reader_to_row(r, (size_t)n > last - row ? last : row + (size_t)n);
}

void
reader_up(struct reader *r, int64_t n)
{
	size_t row = reader_row(r);

	reader_to_row(r, (size_t)n > row ? 0 : row - (size_t)n);
}

/* A page: the screen less one line, which stays in view for context. */
static size_t
reader_page(const struct reader *r)
{
	return r->rows > 1 ? (size_t)r->rows - 1 : 1;
}

void
reader_page_down(struct reader *r, int64_t n)
{
	while (n-- > 0) {
		size_t max = reader_maxtop(r), top = r->top;

		if (top >= max) { /* the end is in view: to the last line */
			reader_to_row(r, r->lay->nlines - 1);
			break;
		}
		r->top = top + reader_page(r) < max ? top + reader_page(r) : max;
		reader_to_row(r, reader_row(r) + (r->top - top));
	}
}

void
reader_page_up(struct reader *r, int64_t n)
{
	while (n-- > 0) {
		size_t top = r->top, row = reader_vrow(r), nhead = reader_head_lines(r);

		if (top == 0) {
			reader_to_row(r, 0);
			break;
		}
		r->top = top > reader_page(r) ? top - reader_page(r) : 0;
		row -= top - r->top; /* in the header: to the text's first line */
		reader_to_row(r, row > nhead ? row - nhead : 0);
	}
}

void
reader_top(struct reader *r, int64_t n)
{
	(void)n;
	r->top = 0;
	reader_move(r, 0);
}

void
reader_bottom(struct reader *r, int64_t n)
{
	(void)n;
	reader_move(r, layout_cp_at(r->lay, r->lay->nlines - 1, 0));
}

void
reader_goto(struct reader *r, int64_t line)
{
	size_t row, n = r->lay->nlines, v;

	row = line < 1 ? 0 : (size_t)line > n ? n - 1 : (size_t)line - 1;
	v = reader_head_lines(r) + row;
	if (v < r->top || v >= r->top + (size_t)r->rows) {
		reader_move(r, layout_cp_at(r->lay, row, 0));
		reader_cursor_to_top(r);
	} else {
		reader_move(r, layout_cp_at(r->lay, row, 0));
	}
}

void
reader_line_start(struct reader *r, int64_t n)
{
	(void)n;
	reader_move(r, layout_cp_at(r->lay, reader_row(r), 0));
}

void
reader_line_end(struct reader *r, int64_t n)
{
	(void)n;
	reader_move(r, reader_eol(r, reader_row(r)));
	r->want = READER_EOL;
}

/* The first shown match from cp onwards (or the last before it). */
static int
reader_find(const struct reader *r, const char *pat, int64_t cp, int backward, int64_t *s,
            int64_t *e)
{
	int flags = DESK_FIND_FOLD | (backward ? DESK_FIND_BACKWARD : 0);
	int rc;

	while ((rc = desk_text_find(r->text, pat, cp, flags, s, e)) == DESK_OK &&
	       reader_hidden(r, *s)) {
		if (backward && *s == 0)
			return DESK_NOTFOUND;
		cp = backward ? *s : desk_text_next_grapheme(r->text, *s);
	}
	return rc;
}

int
reader_search(struct reader *r, const char *pattern, int backward, int *wrapped)
{
	int64_t len = desk_text_len(r->text), s, e;
	size_t row;
	int rc;

	*wrapped = 0;
	if (pattern == NULL || *pattern == '\0')
		return DESK_MISUSE;
	rc = reader_find(r, pattern, backward ? r->cur : desk_text_next_grapheme(r->text, r->cur),
	                 backward, &s, &e);
	if (rc == DESK_NOTFOUND) {
		*wrapped = 1;
		rc = reader_find(r, pattern, backward ? len : 0, backward, &s, &e);
	}
	if (rc != DESK_OK)
		return rc;
	r->match_start = s;
	r->match_end = e;
	r->cur = reader_snap(r, s);
	layout_pos(r->lay, r->cur, &row, &r->want);
	row += reader_head_lines(r);
	if (row < r->top || row >= r->top + (size_t)r->rows) {
		/* Far away: show the match a third down the screen, with what leads to it. */
		r->top = row > (size_t)r->rows / 3 ? row - (size_t)r->rows / 3 : 0;
	}
	reader_scroll(r);
	return DESK_OK;
}

int
reader_in_mark(const struct reader *r, int64_t cp, desk_mark_kind kind)
{
	for (size_t i = 0; i < r->nmarks; i++)
		if (r->marks[i].kind == kind && r->marks[i].start <= cp && cp < r->marks[i].end)
			return 1;
	return 0;
}
