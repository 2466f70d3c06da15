/*
 * layout.c - an article's text as screen lines at a width (see layout.h).
 * Every boundary, width and escape comes from text.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

#define LAYOUT_TABSTOP 8

/* The terminal draws an emoji's skin tone in two columns of its own (layout_tone_cells). */
static int layout_tones;

void
layout_tone_cells(int on)
{
	layout_tones = on != 0;
}

int
layout_tones_apart(void)
{
	return layout_tones;
}

int
layout_is_tone(uint32_t c)
{
	return c >= 0x1F3FB && c <= 0x1F3FF;
}

/*
 * The escape of a grapheme of n code points from g showing the first k:
 * "<1F468 200D 1F469 +4>", or "<+6>" with none shown.
 */
static size_t
layout_escape_of(const desk_text *t, int64_t g, int64_t k, int64_t n, char *esc)
{
	size_t len = 1;

	esc[0] = '<';
	for (int64_t i = 0; i < k; i++)
		len += (size_t)snprintf(esc + len, LAYOUT_ESCMAX - len, "%s%04X", i > 0 ? " " : "",
		                        (unsigned)desk_text_char(t, g + i));
	if (k < n)
		len += (size_t)snprintf(esc + len, LAYOUT_ESCMAX - len, "%s+%lld", k > 0 ? " " : "",
		                        (long long)(n - k < 99999 ? n - k : 99999));
	esc[len++] = '>';
	esc[len] = '\0';
	return len;
}

/*
 * A grapheme of more code points than a cell holds, as the escape that
 * stands for it (ASCII, a byte a column): its first three code points at
 * most, fewer when the line is narrower than that (a cluster of six
 * trailing Hangul jamo drew 19 columns on a prompt of 14), and at least
 * "<+6>".
 */
static int
layout_long_escape(const desk_text *t, int64_t g, int64_t end, char *esc, int width)
{
	int64_t n = end - g, k = n < 3 ? n : 3;
	size_t len;

	while ((len = layout_escape_of(t, g, k, n, esc)) > (size_t)width && k > 0)
		k--;
	return (int)len;
}

/* A walk over graphemes that steps over hidden ones. */
struct layout_walk {
	const struct layout *l;
	int64_t g;   /* the next grapheme */
	size_t hi;   /* the first hidden range that ends after g */
	int col;     /* display column of g */
	int skipped; /* hidden text was stepped over */
};

static int
layout_range_cmp(const void *a, const void *b)
{
	const struct layout_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* The first hidden range that ends after cp. */
static size_t
layout_hidden_from(const struct layout *l, int64_t cp)
{
	size_t lo = 0, hi = l->nhidden;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->hidden[mid].end <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The insert before the grapheme at cp, or NULL. */
static const struct layout_insert *
layout_insert_at(const struct layout *l, int64_t cp)
{
	size_t lo = 0, hi = l->nins;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->ins[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->nins && l->ins[lo].cp == cp ? &l->ins[lo] : NULL;
}

static int
layout_insert_width(const struct layout *l, int64_t cp)
{
	const struct layout_insert *in = layout_insert_at(l, cp);

	return in ? in->width : 0;
}

int
layout_is_hidden(const struct layout *l, int64_t cp)
{
	size_t i = layout_hidden_from(l, cp);

	return i < l->nhidden && l->hidden[i].start <= cp;
}

static void
layout_walk_init(struct layout_walk *w, const struct layout *l, int64_t g)
{
	w->l = l;
	w->g = g;
	w->hi = layout_hidden_from(l, g);
	w->col = 0;
	w->skipped = 0;
}

/* Step w->g over hidden graphemes (a grapheme is hidden when it starts in a range). */
static void
layout_walk_skip(struct layout_walk *w)
{
	const struct layout *l = w->l;

	for (;;) {
		while (w->hi < l->nhidden && l->hidden[w->hi].end <= w->g)
			w->hi++;
		if (w->hi == l->nhidden || l->hidden[w->hi].start > w->g)
			return;
		w->g = l->hidden[w->hi].end;
		if (!desk_text_is_grapheme(l->text, w->g))
			w->g = desk_text_next_grapheme(l->text, w->g);
		w->skipped = 1;
	}
}

/* Measure the grapheme at g drawn at col; with detail, also what to draw. */
static void
layout_measure(const struct layout *l, int64_t g, int col, struct layout_cell *c, int detail)
{
	const desk_text *t = l->text;
	uint32_t ch = desk_text_char(t, g);
	char esc[12];
	size_t elen = 0;

	c->cp = g;
	c->end = desk_text_next_grapheme(t, g);
	c->col = col;
	c->ncps = 0;
	c->esc[0] = '\0';
	if (ch == '\t') {
		c->kind = LAYOUT_TAB;
		c->width = LAYOUT_TABSTOP - col % LAYOUT_TABSTOP;
		if (col < l->width && col + c->width > l->width)
			c->width = l->width - col;
	} else if (desk_char_escape(ch, esc) > 0) {
		c->kind = LAYOUT_ESCAPE;
		c->width = desk_text_grapheme_width(t, g);
	} else if (c->end - g > LAYOUT_MAXCPS) {
		/* More than a cell holds: all of it as an escape, not a part. */
		c->kind = LAYOUT_ESCAPE;
		c->width = layout_long_escape(t, g, c->end, c->esc, l->width);
		return;
	} else {
		c->width = desk_text_grapheme_width(t, g);
		c->kind = c->width > 0 ? LAYOUT_GLYPH : LAYOUT_LONE;
		if (c->width == 0)
			c->width = 1;
		/* A terminal that gives a skin tone columns of its own: so does the layout. */
		for (int64_t i = g + 1; layout_tones && c->kind == LAYOUT_GLYPH && i < c->end; i++)
			if (layout_is_tone(desk_text_char(t, i)))
				c->width += 2;
	}
	if (!detail || c->kind == LAYOUT_TAB)
		return;
	if (c->kind == LAYOUT_LONE)
		c->cps[c->ncps++] = ' ';
	for (int64_t i = g; i < c->end; i++) {
		int n = desk_char_escape(ch = desk_text_char(t, i), esc);

		if (c->kind == LAYOUT_ESCAPE && n > 0 && elen + (size_t)n < sizeof c->esc) {
			memcpy(c->esc + elen, esc, (size_t)n + 1);
			elen += (size_t)n;
		} else if (c->kind != LAYOUT_ESCAPE && n == 0 && c->ncps < LAYOUT_MAXCPS) {
			c->cps[c->ncps++] = ch;
		}
	}
}

/*
 * Where the line starting at start, after indent blank columns, ends; *drop
 * when it shows only hidden text.
 */
static void
layout_break(const struct layout *l, int64_t start, int indent, struct layout_line *ln, int *drop)
{
	const desk_text *t = l->text;
	int64_t len = desk_text_len(t), brk = -1;
	int brkcols = 0;
	struct layout_walk w;
	struct layout_cell c;

	layout_walk_init(&w, l, start);
	w.col = indent;
	ln->start = start;
	ln->indent = indent;
	for (;;) {
		int64_t g;
		uint32_t ch;
		int extra;

		layout_walk_skip(&w);
		g = w.g;
		extra = layout_insert_width(l, g);
		ln->end = ln->next = g;
		ln->cols = w.col;
		if (g >= len) {
			ln->cols += extra; /* a closing bracket at the end */
			break;
		}
		if ((ch = desk_text_char(t, g)) == '\n') {
			ln->next = g + 1;
			ln->cols += extra;
			break;
		}
		if (w.col > indent && desk_text_break(t, g) == DESK_BREAK_MANDATORY)
			break; /* after a line or paragraph separator, a form feed, ... */
		if (!(l->flags & LAYOUT_GRAPHEMES) && w.col > indent &&
		    desk_text_break(t, g) == DESK_BREAK_ALLOWED) {
			brk = g;
			brkcols = w.col;
		}
		layout_measure(l, g, w.col + extra, &c, 0);
		if (w.col > indent && w.col + extra + c.width > l->width) {
			int64_t e = g;

			/* Spaces at the edge hang past it when a break may follow them. */
			while (desk_text_char(t, e) == ' ')
				e++;
			if (ch == ' ' && (e == len || desk_text_char(t, e) == '\n' ||
			                  desk_text_break(t, e) != DESK_BREAK_NO)) {
				ln->end = ln->next = e;
				if (e < len && desk_text_char(t, e) == '\n')
					ln->next = e + 1;
			} else if (brk > start) {
				ln->end = ln->next = brk;
				ln->cols = brkcols;
			}
			break;
		}
		w.col += extra + c.width;
		w.g = c.end;
	}
	*drop = w.skipped && ln->cols == indent;
}

int
layout_hang_cols(int cols, int width)
{
	if (cols <= 0)
		return 0;
	if (width - cols >= LAYOUT_HANG_ROOM)
		return cols;
	if (cols > LAYOUT_HANG_FALLBACK)
		cols = LAYOUT_HANG_FALLBACK;
	return width - cols >= LAYOUT_HANG_MIN ? cols : 0;
}

static int layout_make(struct layout **out, const desk_text *text, int width,
                       const struct layout_range *hidden, size_t nhidden, int flags,
                       const int *hang, size_t nhang, const struct layout_insert *ins, size_t nins);

int
layout_new(struct layout **out, const desk_text *text, int width, const struct layout_range *hidden,
           size_t nhidden, int flags)
{
	return layout_new_hang(out, text, width, hidden, nhidden, flags, NULL, 0);
}

int
layout_new_hang(struct layout **out, const desk_text *text, int width,
                const struct layout_range *hidden, size_t nhidden, int flags, const int *hang,
                size_t nhang)
{
	return layout_make(out, text, width, hidden, nhidden, flags, hang, nhang, NULL, 0);
}

int
layout_new_insert(struct layout **out, const desk_text *text, int width,
                  const struct layout_range *hidden, size_t nhidden, int flags,
                  const struct layout_insert *ins, size_t nins)
{
	return layout_make(out, text, width, hidden, nhidden, flags, NULL, 0, ins, nins);
}

static int
layout_make(struct layout **out, const desk_text *text, int width,
            const struct layout_range *hidden, size_t nhidden, int flags, const int *hang,
            size_t nhang, const struct layout_insert *ins, size_t nins)
{
	struct layout *l = NULL;
	int64_t len = desk_text_len(text), pos = 0, counted = 0;
	size_t cap = 0, para = 0;
	int rc = DESK_NOMEM;

	*out = NULL;
	if ((l = calloc(1, sizeof *l)) == NULL)
		goto done;
	l->text = text;
	l->width = width < 1 ? 1 : width;
	l->flags = flags;
	if (nhidden > 0 && (l->hidden = malloc(nhidden * sizeof *l->hidden)) == NULL)
		goto done;
	if (nins > 0) {
		if ((l->ins = malloc(nins * sizeof *l->ins)) == NULL)
			goto done;
		memcpy(l->ins, ins, nins * sizeof *l->ins);
		l->nins = nins;
	}
	for (size_t i = 0; i < nhidden; i++) {
		struct layout_range r = hidden[i];

		r.start = r.start < 0 ? 0 : r.start;
		r.end = r.end > len ? len : r.end;
		if (r.start < r.end)
			l->hidden[l->nhidden++] = r;
	}
	if (l->nhidden > 1)
		qsort(l->hidden, l->nhidden, sizeof *l->hidden, layout_range_cmp);
	for (size_t i = 1, j = 0; i <= l->nhidden; i++) { /* merge overlapping ranges */
		if (i == l->nhidden) {
			l->nhidden = j + 1;
			break;
		}
		if (l->hidden[i].start <= l->hidden[j].end) {
			if (l->hidden[i].end > l->hidden[j].end)
				l->hidden[j].end = l->hidden[i].end;
		} else {
			l->hidden[++j] = l->hidden[i];
		}
	}
	while (pos < len || l->nlines == 0) {
		struct layout_line ln;
		int drop = 0, indent = 0;

		for (; counted < pos; counted++) /* the paragraph pos is in */
			para += desk_text_char(text, counted) == '\n';
		/* A line that continues its paragraph hangs. */
		if (pos > 0 && desk_text_char(text, pos - 1) != '\n' && para < nhang)
			indent = layout_hang_cols(hang[para], l->width);
		if (pos < len) {
			layout_break(l, pos, indent, &ln, &drop);
		} else {
			ln = (struct layout_line){len, len, len, 0,
			                          0}; /* nothing (visible) at all */
		}
		if (!drop) {
			if (l->nlines == cap) {
				struct layout_line *n;

				cap = cap ? cap * 2 : 256;
				if ((n = realloc(l->lines, cap * sizeof *n)) == NULL)
					goto done;
				l->lines = n;
			}
			l->lines[l->nlines++] = ln;
		}
		if (pos == len)
			break;
		pos = ln.next;
	}
	*out = l;
	l = NULL;
	rc = DESK_OK;
done:
	layout_free(l);
	return rc;
}

void
layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	free(l->hidden);
	free(l->ins);
	free(l->lines);
	free(l);
}

size_t
layout_row(const struct layout *l, int64_t cp)
{
	size_t lo = 0, hi = l->nlines - 1;

	while (lo < hi) { /* the last line starting at or before cp */
		size_t mid = lo + (hi - lo + 1) / 2;

		if (l->lines[mid].start <= cp)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/*
 * Walk the cells of line row, calling fn on each until it returns nonzero;
 * returns the cell fn stopped at in *c (and 1), or 0 with w->col the end.
 */
static int
layout_walk_line(const struct layout *l, size_t row, struct layout_walk *w, struct layout_cell *c,
                 int detail, int (*fn)(const struct layout_cell *, void *), void *ctx)
{
	const struct layout_line *ln = &l->lines[row];
	int64_t len = desk_text_len(l->text);

	layout_walk_init(w, l, ln->start);
	w->col = ln->indent;
	for (;;) {
		const struct layout_insert *in;

		layout_walk_skip(w);
		/* An insert at a soft break belongs to the next line. */
		if ((in = layout_insert_at(l, w->g)) != NULL &&
		    (w->g < ln->end || ln->end < ln->next || ln->end == len)) {
			memset(c, 0, sizeof *c);
			c->cp = c->end = w->g;
			c->col = w->col;
			c->width = in->width;
			c->kind = LAYOUT_INSERT;
			memcpy(c->esc, in->text, sizeof c->esc);
			c->esc[sizeof c->esc - 1] = '\0';
			if (fn(c, ctx))
				return 1;
			w->col += c->width;
		}
		if (w->g >= ln->end)
			return 0;
		layout_measure(l, w->g, w->col, c, detail);
		if (fn(c, ctx))
			return 1;
		w->col += c->width;
		w->g = c->end;
	}
}

static int
layout_holds_cp(const struct layout_cell *c, void *ctx)
{
	return c->end > *(const int64_t *)ctx;
}

void
layout_pos(const struct layout *l, int64_t cp, size_t *row, int *col)
{
	struct layout_walk w;
	struct layout_cell c;

	*row = layout_row(l, cp);
	*col = layout_walk_line(l, *row, &w, &c, 0, layout_holds_cp, &cp) ? c.col : w.col;
}

struct layout_at {
	int col;
	int64_t last; /* the last cell's grapheme so far, or -1 */
};

static int
layout_covers_col(const struct layout_cell *c, void *ctx)
{
	struct layout_at *at = ctx;

	if (c->kind == LAYOUT_INSERT) {
		/* Display only: a column on it means the grapheme after it. */
		if (c->col + c->width > at->col)
			at->col = c->col + c->width;
		return 0;
	}
	at->last = c->cp;
	return c->col + c->width > at->col;
}

int64_t
layout_cp_at(const struct layout *l, size_t row, int col)
{
	const struct layout_line *ln = &l->lines[row];
	struct layout_at at = {col, -1};
	struct layout_walk w;
	struct layout_cell c;

	if (layout_walk_line(l, row, &w, &c, 0, layout_covers_col, &at))
		return c.cp;
	if (ln->end < ln->next || at.last < 0)
		return ln->end; /* its LF, or an empty line */
	return at.last;
}

struct layout_fill {
	struct layout_cell *cells;
	size_t n, max;
	int width;
};

static int
layout_fill_cell(const struct layout_cell *c, void *ctx)
{
	struct layout_fill *f = ctx;

	if (c->col >= f->width || f->n == f->max)
		return 1;
	f->cells[f->n++] = *c;
	return 0;
}

size_t
layout_cells(const struct layout *l, size_t row, struct layout_cell *cells, size_t max)
{
	struct layout_fill f = {cells, 0, max, l->width};
	struct layout_walk w;
	struct layout_cell c;

	layout_walk_line(l, row, &w, &c, 1, layout_fill_cell, &f);
	return f.n;
}

char *
layout_render_line(const struct layout *l, size_t row)
{
	const desk_text *t = l->text;
	const struct layout_line *ln = &l->lines[row];
	size_t n, cap, len = 0;
	struct layout_cell *cells = NULL;
	char *s = NULL, esc[12];

	cap = 8 * (desk_text_byte(t, ln->end) - desk_text_byte(t, ln->start)) + (size_t)ln->indent +
	      64 + (size_t)l->width * LAYOUT_ESCMAX;
	if ((cells = malloc((size_t)l->width * sizeof *cells)) == NULL || (s = malloc(cap)) == NULL)
		goto done;
	n = layout_cells(l, row, cells, (size_t)l->width);
	memset(s, ' ', (size_t)ln->indent);
	len = (size_t)ln->indent;
	for (size_t i = 0; i < n; i++) {
		const struct layout_cell *c = &cells[i];

		if (c->kind == LAYOUT_TAB || c->kind == LAYOUT_LONE) {
			size_t k = c->kind == LAYOUT_TAB ? (size_t)c->width : 1;

			memset(s + len, ' ', k);
			len += k;
		}
		if (c->kind == LAYOUT_ESCAPE || c->kind == LAYOUT_INSERT) {
			memcpy(s + len, c->esc, strlen(c->esc));
			len += strlen(c->esc);
			continue;
		}
		for (int64_t cp = c->cp; c->kind != LAYOUT_TAB && cp < c->end; cp++) {
			size_t a = desk_text_byte(t, cp), b = desk_text_byte(t, cp + 1);

			if (desk_char_escape(desk_text_char(t, cp), esc) > 0)
				continue;
			memcpy(s + len, desk_text_utf8(t) + a, b - a);
			len += b - a;
		}
	}
	s[len] = '\0';
done:
	free(cells);
	return s;
}
