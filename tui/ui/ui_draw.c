/*
 * ui_draw.c - looks (colours or attributes) and the drawing of text.  Text
 * reaches curses only as layout cells: printable graphemes as wide
 * characters, everything else as its escape in reverse video, so no control
 * character or escape sequence from an article is ever sent to the terminal.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "layout.h"
#include "ui_state.h"

/* Each look without colour, with 8 colours, with 256 (foreground, background; -1: default). */
static const struct {
	attr_t mono;
	short fg8, bg8;
	attr_t attr8;
	short fg256, bg256;
	attr_t attr256;
} ui_draw_looks[UI_NATTRS] = {
    [UI_NORMAL] = {A_NORMAL, -1, -1, A_NORMAL, -1, -1, A_NORMAL},
    [UI_DIM] = {A_DIM, -1, -1, A_DIM, 244, -1, A_NORMAL},
    [UI_ESCAPE] = {A_REVERSE, COLOR_RED, -1, A_REVERSE, 203, -1, A_REVERSE},
    [UI_SELECT] = {A_REVERSE, COLOR_BLACK, COLOR_CYAN, A_NORMAL, 231, 24, A_BOLD},
    [UI_BAR] = {A_REVERSE, COLOR_WHITE, COLOR_BLUE, A_BOLD, 254, 238, A_NORMAL},
    [UI_MATCH] = {A_UNDERLINE | A_BOLD, COLOR_BLACK, COLOR_YELLOW, A_NORMAL, 16, 220, A_NORMAL},
    [UI_CURSOR] = {A_REVERSE, -1, -1, A_REVERSE, -1, -1, A_REVERSE},
    [UI_ERROR] = {A_BOLD, COLOR_RED, -1, A_BOLD, 196, -1, A_BOLD},
    [UI_HEADING] = {A_BOLD, COLOR_YELLOW, -1, A_BOLD, 75, -1, A_BOLD},
    [UI_NEW] = {A_BOLD, COLOR_YELLOW, -1, A_BOLD, 221, -1, A_BOLD},
    [UI_PROGRESS] = {A_NORMAL, COLOR_CYAN, -1, A_NORMAL, 81, -1, A_NORMAL},
    [UI_DONE] = {A_DIM, COLOR_GREEN, -1, A_NORMAL, 114, -1, A_NORMAL},
    [UI_BYLINE] = {A_NORMAL, COLOR_MAGENTA, -1, A_NORMAL, 176, -1, A_NORMAL},
    [UI_TITLE] = {A_BOLD, -1, -1, A_BOLD, -1, -1, A_BOLD},
    [UI_SUGGEST] = {A_UNDERLINE | A_DIM, -1, -1, A_UNDERLINE | A_DIM, 244, -1, A_UNDERLINE},
    [UI_BRACKET] = {A_BOLD, -1, -1, A_BOLD, -1, -1, A_BOLD},
    [UI_CLAIM] = {A_BOLD, COLOR_MAGENTA, -1, A_BOLD, 176, -1, A_BOLD},
    [UI_CANDIDATE] = {A_DIM, -1, -1, A_DIM, 244, -1, A_NORMAL},
};

void
ui_draw_init(struct ui *ui)
{
	const char *no = getenv("NO_COLOR"); /* https://no-color.org: set and not empty */

	ui->colors = 0;
	int dflt = 0;

	if (has_colors() && (no == NULL || *no == '\0') && start_color() == OK) {
		dflt = use_default_colors() == OK;
		ui->default_colors = dflt;
		ui->colors = COLORS >= 256 && COLOR_PAIRS > UI_NATTRS ? 256 : 8;
	}
	/*
	 * What the terminal cannot show (vt100: no colour, no dim, no italics)
	 * gets the markers: candidates between brackets, boilerplate too.
	 */
	if (!(term_attrs() & A_ITALIC))
		ui->cand_marks = 1;
	ui->bp_marks = ui->colors == 0 && !(term_attrs() & A_DIM);
	for (int i = 0; i < UI_NATTRS; i++) {
		ui->pair[i] = 0;
		ui->attr[i] = ui_draw_looks[i].mono;
		if (ui->colors == 0 || i == UI_NORMAL)
			continue;
		short fg = ui->colors == 256 ? ui_draw_looks[i].fg256 : ui_draw_looks[i].fg8;
		short bg = ui->colors == 256 ? ui_draw_looks[i].bg256 : ui_draw_looks[i].bg8;

		ui->attr[i] = ui->colors == 256 ? ui_draw_looks[i].attr256 : ui_draw_looks[i].attr8;
		/* Without the terminal's own colours (-1), white on black stands in. */
		if (init_pair((short)i, fg < 0 && !dflt ? COLOR_WHITE : fg,
		              bg < 0 && !dflt ? COLOR_BLACK : bg) == OK)
			ui->pair[i] = (short)i;
	}
}

void
ui_draw_look(const struct ui *ui, int look, attr_t *attr, short *pair)
{
	*attr = ui->attr[look];
	*pair = ui->pair[look];
}

int
ui_label_index(const struct ui *ui, const char *name)
{
	size_t n = ui->labels ? desk_labels_count(ui->labels) : 0;

	const desk_label *l = name ? desk_labels_find(ui->labels, name) : NULL;

	/* desk_labels_find: the exact name, else the same ignoring case. */
	for (size_t i = 0; l && i < n; i++)
		if (desk_labels_at(ui->labels, i) == l)
			return (int)i;
	return -1;
}

int
ui_label_by_key(const struct ui *ui, int key)
{
	size_t n = ui->labels ? desk_labels_count(ui->labels) : 0;

	for (size_t i = 0; i < n; i++) {
		wchar_t wc;
		const char *k = desk_labels_at(ui->labels, i)->key;

		if (mbtowc(&wc, k, strlen(k)) > 0 && (int)wc == key)
			return (int)i;
		if ((unsigned char)k[0] < 0x80 && k[0] == key)
			return (int)i;
	}
	return -1;
}

int
ui_draw_labels(struct ui *ui)
{
	desk_labels *l = NULL;
	int rc;

	size_t n;
	attr_t *attr;
	short *pairs;

	if ((rc = desk_labels_get(&l, ui->d)) != DESK_OK)
		return rc;
	n = desk_labels_count(l);
	if ((attr = calloc(n ? n : 1, sizeof *attr)) == NULL ||
	    (pairs = calloc(n ? n : 1, sizeof *pairs)) == NULL) {
		free(attr);
		desk_labels_free(l);
		return DESK_NOMEM;
	}
	desk_labels_free(ui->labels);
	free(ui->label_attr);
	free(ui->label_pair);
	ui->labels = l;
	ui->label_attr = attr;
	ui->label_pair = pairs;
	for (size_t i = 0; i < n; i++) {
		const desk_label *lb = desk_labels_at(l, i);
		int pair = UI_NATTRS + UI_MAXVERDICTS + (int)i;
		short fg;

		/* Without colour: bold, and brackets around the span (view_reader.c). */
		ui->label_attr[i] = ui->colors ? A_NORMAL : A_BOLD;
		ui->label_pair[i] = 0;
		if (ui->colors == 0)
			continue;
		fg =
		    ui->colors == 256 && lb->color256 >= 0 ? (short)lb->color256 : (short)lb->color;
		if (ui->colors == 8 || lb->color256 < 0)
			ui->label_attr[i] = A_BOLD;
		if (pair < COLOR_PAIRS && pair <= SHRT_MAX &&
		    init_pair((short)pair, fg, ui->default_colors ? -1 : COLOR_BLACK) == OK) {
			ui->label_pair[i] = (short)pair;
			continue;
		}
		/* No pair left: an earlier label's of the same colour, if any. */
		for (size_t j = 0; j < i; j++) {
			const desk_label *o = desk_labels_at(l, j);

			if (o->color == lb->color && o->color256 == lb->color256) {
				ui->label_attr[i] = ui->label_attr[j];
				ui->label_pair[i] = ui->label_pair[j];
				break;
			}
		}
	}
	return DESK_OK;
}

void
ui_draw_cell(const struct ui *ui, WINDOW *w, int y, int x, const struct layout_cell *c, int look)
{
	attr_t a;
	short p;

	if (c->kind == LAYOUT_ESCAPE &&
	    (look == UI_NORMAL || look == UI_DIM || look == UI_BYLINE)) {
		/* Reversed whatever the look, so an escape never passes for text. */
		ui_draw_look(ui, UI_ESCAPE, &a, &p);
		ui_draw_cell_ap(ui, w, y, x, c, a, p);
		return;
	}
	ui_draw_look(ui, look, &a, &p);
	if (c->kind == LAYOUT_ESCAPE)
		a |= A_REVERSE | A_UNDERLINE;
	ui_draw_cell_ap(ui, w, y, x, c, a, p);
}

/* Whether a grapheme's code point i starts a cell of its own (see ui_draw_grapheme). */
static int
ui_draw_apart(const struct layout_cell *c, int i)
{
	uint32_t prev = c->cps[i - 1], ch = c->cps[i];

	if (prev >= 0x1F1E6 && prev <= 0x1F1FF && ch >= 0x1F1E6 && ch <= 0x1F1FF)
		return 1; /* a flag's second regional indicator */
	return layout_tones_apart() && layout_is_tone(ch) && prev != 0x200D;
}

/*
 * One grapheme whole, every code point of it sent together.  setcchar()
 * keeps only the zero-width characters after the first, so an emoji's skin
 * tone or the parts joined by ZWJ would be dropped: the cell's characters
 * are filled in after it (curses sends them all).  Where curses would count
 * the grapheme narrower than the terminal draws it, the grapheme is split
 * into cells that send the same bytes and keep curses' columns right: a
 * flag's two regional indicators (one column each to wcwidth, two together
 * on screen), and a skin tone where the terminal draws it apart.
 */
static void
ui_draw_grapheme(WINDOW *w, int y, int x, const struct layout_cell *c, attr_t a, short p)
{
	int i = 0;

	while (i < c->ncps) {
		/* wchar_t holds UCS-4 code points (__STDC_ISO_10646__ on Linux and the BSDs). */
		wchar_t one[2] = {(wchar_t)c->cps[i], L'\0'};
		int cw = wcwidth(one[0]);
		cchar_t cc;

		if (setcchar(&cc, one, a, p, NULL) != OK)
			return;
		for (int k = 1; ++i < c->ncps && !ui_draw_apart(c, i); k++)
			if (k < CCHARW_MAX)
				cc.chars[k] = (wchar_t)c->cps[i];
		mvwadd_wch(w, y, x, &cc);
		x += cw > 0 ? cw : 1;
	}
}

void
ui_draw_cell_ap(const struct ui *ui, WINDOW *w, int y, int x, const struct layout_cell *c, attr_t a,
                short p)
{
	int maxx = getmaxx(w);

	(void)ui;
	if (x < 0 || x >= maxx)
		return;
	if (c->kind == LAYOUT_INSERT) {
		wchar_t wc[LAYOUT_ESCMAX];
		size_t n = mbstowcs(wc, c->esc, LAYOUT_ESCMAX - 1);

		/* A wide label key takes two columns. */
		for (size_t i = 0; n != (size_t)-1 && i < n && x < maxx; i++) {
			wchar_t one[2] = {wc[i], L'\0'};
			cchar_t cc;

			if (setcchar(&cc, one, a, p, NULL) == OK)
				mvwadd_wch(w, y, x, &cc);
			x += desk_char_width((uint32_t)wc[i]);
		}
		return;
	}
	if (c->kind == LAYOUT_ESCAPE) {
		a |= A_REVERSE;
		for (int i = 0; c->esc[i] && i < c->width && x + i < maxx; i++)
			mvwaddch(w, y, x + i, (chtype)(unsigned char)c->esc[i] | a | COLOR_PAIR(p));
		return;
	}
	if (c->kind == LAYOUT_TAB) {
		for (int i = 0; i < c->width && x + i < maxx; i++)
			mvwaddch(w, y, x + i, ' ' | a | COLOR_PAIR(p));
		return;
	}
	if (x + c->width <= maxx)
		ui_draw_grapheme(w, y, x, c, a, p);
}

/* A line of s laid out (by grapheme) at width; NULL if s is not valid UTF-8 or no memory. */
static struct layout *
ui_draw_layout(const char *s, int width, desk_text **t)
{
	struct layout *l = NULL;

	if (desk_text_new(t, s, strlen(s)) != DESK_OK)
		return NULL;
	if (layout_new(&l, *t, width, NULL, 0, LAYOUT_GRAPHEMES) != DESK_OK) {
		desk_text_free(*t);
		*t = NULL;
	}
	return l;
}

int
ui_text_width(const char *s)
{
	desk_text *t = NULL;
	struct layout *l = ui_draw_layout(s, 1 << 24, &t);
	int w = l ? l->lines[0].cols : 0;

	layout_free(l);
	desk_text_free(t);
	return w;
}

int
ui_draw_text(const struct ui *ui, WINDOW *w, int y, int x, const char *s, int cols, int look)
{
	struct layout_cell *cells = NULL;
	struct layout *l = NULL;
	desk_text *t = NULL;
	int used = 0, cut;
	size_t n;

	if (cols <= 0)
		return 0;
	if ((l = ui_draw_layout(s, cols, &t)) == NULL)
		goto done;
	if ((cut = l->nlines > 1) && cols > 1) {
		/* It does not fit: one column less, for the ellipsis. */
		layout_free(l);
		if (layout_new(&l, t, cols - 1, NULL, 0, LAYOUT_GRAPHEMES) != DESK_OK) {
			l = NULL;
			goto done;
		}
	}
	if ((cells = malloc((size_t)cols * sizeof *cells)) == NULL)
		goto done;
	n = layout_cells(l, 0, cells, (size_t)cols);
	for (size_t i = 0; i < n; i++) {
		ui_draw_cell(ui, w, y, x + cells[i].col, &cells[i], look);
		used = cells[i].col + cells[i].width;
	}
	if (used > cols)
		used = cols;
	if (cut && used < cols) {
		attr_t a;
		short p;
		cchar_t cc;

		ui_draw_look(ui, look, &a, &p);
		if (setcchar(&cc, L"\u2026", a, p, NULL) == OK)
			mvwadd_wch(w, y, x + used, &cc);
		used++;
	}
done:
	free(cells);
	layout_free(l);
	desk_text_free(t);
	return used;
}
