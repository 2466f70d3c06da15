/*
 * view_stats.c - the statistics screen (:stats): the desk's figures
 * (desk_stats_get, read from the kept counts: a few rows whatever the
 * corpus) laid out by statsview.c at the window's width, each row's bar
 * drawn in full blocks (visible without colour) scaled to the largest of
 * its section.  It scrolls; r reads the figures again (as does another
 * editor's change while it is on screen, and undo or redo); q returns to
 * the view it came from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "statsview.h"
#include "view.h"

#define VIEW_STATS_BLOCK "\u2588" /* █ */

struct view_stats {
	desk_stats *s;
	struct statsview sv; /* s at width */
	int width;
	size_t top;
	int stale; /* the database changed while another view was on screen */
	const struct view_ops *back;
};

int
view_stats_new(struct ui *ui)
{
	return (ui->stats = calloc(1, sizeof *ui->stats)) ? DESK_OK : DESK_NOMEM;
}

void
view_stats_free(struct ui *ui)
{
	if (ui->stats == NULL)
		return;
	statsview_free(&ui->stats->sv);
	desk_stats_free(ui->stats->s);
	free(ui->stats);
	ui->stats = NULL;
}

static size_t
view_stats_maxtop(const struct ui *ui)
{
	size_t n = ui->stats->sv.n, rows = (size_t)ui->rows;

	return n > rows ? n - rows : 0;
}

/* Lay the figures out at the window's width. */
static void
view_stats_resize(struct ui *ui)
{
	struct view_stats *v = ui->stats;
	struct statsview sv;

	if (v->s == NULL)
		return;
	if (statsview_lines(&sv, v->s, ui->cols) != DESK_OK) {
		ui_error(ui, "out of memory");
		return;
	}
	statsview_free(&v->sv);
	v->sv = sv;
	v->width = ui->cols;
	if (v->top > view_stats_maxtop(ui))
		v->top = view_stats_maxtop(ui);
	ui_dirty_all(ui);
}

int
view_stats_reload(struct ui *ui)
{
	struct view_stats *v = ui->stats;
	desk_stats *s;
	int rc;

	if ((rc = desk_stats_get(&s, ui->d, NULL)) != DESK_OK)
		return ui_error(ui, "stats: %s", desk_errmsg(ui->d));
	desk_stats_free(v->s);
	v->s = s;
	v->stale = 0;
	view_stats_resize(ui);
	return DESK_OK;
}

int
view_stats_open_from(struct ui *ui, const struct view_ops *back)
{
	if (back != views[VIEW_STATS])
		ui->stats->back = back;
	return ui_switch(ui, views[VIEW_STATS]);
}

static int
view_stats_open(struct ui *ui)
{
	struct view_stats *v = ui->stats;

	if (v->s == NULL || v->stale)
		return view_stats_reload(ui);
	if (v->width != ui->cols)
		view_stats_resize(ui);
	ui_dirty_all(ui);
	return DESK_OK;
}

const struct view_ops *
view_stats_back(struct ui *ui)
{
	return ui->stats->back ? ui->stats->back : views[VIEW_HOME];
}

static void
view_stats_changed(struct ui *ui)
{
	if (ui->view == views[VIEW_STATS])
		view_stats_reload(ui);
	else
		ui->stats->stale = 1;
}

static void
view_stats_draw(struct ui *ui)
{
	struct view_stats *v = ui->stats;

	for (int r = 0; r < ui->rows; r++) {
		size_t i = v->top + (size_t)r;
		const struct statsview_line *l;
		int x;

		if (!ui->dirty[r])
			continue;
		wmove(ui->body, r, 0);
		wclrtoeol(ui->body);
		if (i >= v->sv.n)
			continue;
		l = &v->sv.v[i];
		ui_draw_text(ui, ui->body, r, 0, l->text, ui->cols,
		             l->heading ? UI_HEADING : UI_NORMAL);
		/* The bar: full blocks (seen with or without colour), to the window's edge at most.
		 */
		for (x = l->bar_col; x < l->bar_col + l->bar_len && x < ui->cols; x++)
			ui_draw_text(ui, ui->body, r, x, VIEW_STATS_BLOCK, 1, UI_NORMAL);
	}
}

static void
view_stats_draw_bar(struct ui *ui)
{
	struct view_stats *v = ui->stats;
	size_t lines = v->sv.n ? v->sv.n : 1, last = v->top + (size_t)ui->rows;
	char s[160];

	snprintf(s, sizeof s, " Statistics  %zu%%  r reads again, q returns",
	         (last > lines ? lines : last) * 100 / lines);
	ui_draw_text(ui, ui->bar, 0, 0, s, ui->cols, UI_BAR);
}

static void
view_stats_cursor(struct ui *ui)
{
	curs_set(0);
	wmove(ui->body, 0, 0);
}

static int
view_stats_move(struct ui *ui, enum view_move m, int64_t n)
{
	struct view_stats *v = ui->stats;
	size_t page = (size_t)(ui->rows > 1 ? ui->rows - 1 : 1), top = v->top, max;

	max = view_stats_maxtop(ui);
	if (ui_scroll(&top, m, n, page, max) != DESK_OK)
		return DESK_MISUSE;
	if (top != v->top) {
		v->top = top;
		ui_dirty_body(ui);
		ui_dirty_bar(ui);
	}
	return DESK_OK;
}

const struct view_ops view_stats_ops = {
    .name = "stats",
    .new = view_stats_new,
    .free = view_stats_free,
    .changed = view_stats_changed,
    .open = view_stats_open,
    .close = NULL,
    .draw = view_stats_draw,
    .draw_bar = view_stats_draw_bar,
    .resize = view_stats_resize,
    .motion = view_stats_move,
    .search = NULL,
    .cursor = view_stats_cursor,
    .article = NULL,
};
