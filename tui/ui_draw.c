/*
 * ui_draw.c - looks (colours or attributes) and the drawing of text.  Text
 * reaches curses only as layout cells: printable graphemes as wide
 * characters, everything else as its escape in reverse video, so no control
 * character or escape sequence from an article is ever sent to the terminal.
 */
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
};

void
ui_draw_init(struct ui *ui)
{
	const char *no = getenv("NO_COLOR"); /* https://no-color.org: set and not empty */

	ui->colors = 0;
	int dflt = 0;

	if (has_colors() && (no == NULL || *no == '\0') && start_color() == OK) {
		dflt = use_default_colors() == OK;
		ui->colors = COLORS >= 256 && COLOR_PAIRS > UI_NATTRS ? 256 : 8;
	}
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

void
ui_draw_cell(const struct ui *ui, WINDOW *w, int y, int x, const struct layout_cell *c, int look)
{
	int maxx = getmaxx(w);
	attr_t a;
	short p;

	if (x < 0 || x >= maxx)
		return;
	ui_draw_look(ui, look, &a, &p);
	if (c->kind == LAYOUT_ESCAPE) {
		/* Reversed whatever the look, so an escape never passes for text. */
		if (look == UI_NORMAL || look == UI_DIM || look == UI_BYLINE)
			ui_draw_look(ui, UI_ESCAPE, &a, &p);
		else
			a |= A_REVERSE | A_UNDERLINE;
		for (int i = 0; c->esc[i] && i < c->width && x + i < maxx; i++)
			mvwaddch(w, y, x + i, (chtype)(unsigned char)c->esc[i] | a | COLOR_PAIR(p));
		return;
	}
	if (c->kind == LAYOUT_TAB) {
		for (int i = 0; i < c->width && x + i < maxx; i++)
			mvwaddch(w, y, x + i, ' ' | a | COLOR_PAIR(p));
		return;
	}
	if (x + c->width <= maxx) {
		wchar_t wc[LAYOUT_MAXCPS + 1];
		cchar_t cc;

		/* wchar_t holds UCS-4 code points (__STDC_ISO_10646__ on Linux and the BSDs). */
		for (int i = 0; i < c->ncps; i++)
			wc[i] = (wchar_t)c->cps[i];
		wc[c->ncps] = L'\0';
		if (setcchar(&cc, wc, a, p, NULL) == OK)
			mvwadd_wch(w, y, x, &cc);
	}
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
