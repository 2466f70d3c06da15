/*
 * view_gold.c - adjudication (J from the reader or the article list): the
 * editors' spans of one article side by side where they differ, and where
 * they agree dimmed (the lines are goldview.c's), one unit under the
 * cursor.  j/k move by unit, n/N to the next or previous difference; a
 * digit takes that editor's spans, b takes both (all), x none, e edits
 * (a : prompt with the unit's range and label); u undoes as everywhere.
 * Each settles through the core (gold.h): one transaction, one undo step.
 * Reads one article's spans: nothing of the corpus.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "goldview.h"
#include "view.h"

struct view_gold {
	int64_t article;
	desk_gold_diff *g;
	struct goldview gv;
	size_t cur, top; /* the unit under the cursor; the first line shown */
	const struct view_ops *back;
};

int
view_gold_new(struct ui *ui)
{
	return (ui->gold = calloc(1, sizeof *ui->gold)) ? DESK_OK : DESK_NOMEM;
}

void
view_gold_free(struct ui *ui)
{
	if (ui->gold == NULL)
		return;
	goldview_free(&ui->gold->gv);
	desk_gold_diff_free(ui->gold->g);
	free(ui->gold);
	ui->gold = NULL;
}

/* Keep the cursor's unit on screen. */
static void
view_gold_scroll(struct ui *ui)
{
	struct view_gold *v = ui->gold;
	size_t first = goldview_line_of(&v->gv, v->cur), last = first, rows;

	while (last + 1 < v->gv.n && v->gv.v[last + 1].unit == v->cur)
		last++;
	rows = ui->rows > 0 ? (size_t)ui->rows : 1;
	if (first < v->top)
		v->top = first;
	else if (last >= v->top + rows)
		v->top = last + 1 - rows > first ? first : last + 1 - rows;
}

/* Read the article's differences again, the cursor kept on its unit's place. */
int
view_gold_reload(struct ui *ui)
{
	struct view_gold *v = ui->gold;
	desk_gold_diff *g = NULL;
	struct goldview gv;

	if (v->article == 0)
		return DESK_OK;
	if (desk_gold_diff_get(&g, ui->d, v->article) != DESK_OK)
		return ui_error(ui, "adjudicate: %s", desk_errmsg(ui->d));
	if (goldview_lines(&gv, g) != DESK_OK) {
		desk_gold_diff_free(g);
		return ui_error(ui, "out of memory");
	}
	desk_gold_diff_free(v->g);
	goldview_free(&v->gv);
	v->g = g;
	v->gv = gv;
	if (v->cur >= desk_gold_diff_units(g))
		v->cur = desk_gold_diff_units(g) ? desk_gold_diff_units(g) - 1 : 0;
	view_gold_scroll(ui);
	ui_dirty_all(ui);
	return DESK_OK;
}

int
view_gold_open_for(struct ui *ui, int64_t article)
{
	struct view_gold *v = ui->gold;
	size_t differ, settled;

	if (ui->view != views[VIEW_GOLD])
		v->back = ui->view;
	if (v->article != article) {
		v->article = article;
		v->cur = v->top = 0;
	}
	if (view_gold_reload(ui) != DESK_OK)
		return DESK_ERROR;
	if (desk_gold_diff_units(v->g) > 0 && desk_gold_diff_unit(v->g, 0)->agreed)
		v->cur = goldview_next_diff(v->g, 0, 1);
	view_gold_scroll(ui);
	if (ui_switch(ui, views[VIEW_GOLD]) != DESK_OK)
		return DESK_ERROR;
	goldview_count(v->g, &differ, &settled);
	if (desk_gold_diff_editors(v->g) == 0)
		ui_message(ui, "No editor has tagged this article: nothing to adjudicate");
	else
		ui_message(ui,
		           "%zu difference%s between %zu editor%s; 1-%zu takes an editor's, b "
		           "both, x none, e edits, u undoes",
		           differ, differ == 1 ? "" : "s", desk_gold_diff_editors(v->g),
		           desk_gold_diff_editors(v->g) == 1 ? "" : "s",
		           desk_gold_diff_editors(v->g));
	return DESK_OK;
}

const struct view_ops *
view_gold_back(struct ui *ui)
{
	return ui->gold->back ? ui->gold->back : views[VIEW_HOME];
}

/* What take did, in words, for the status line. */
static void
view_gold_said(struct ui *ui, int take, size_t unit)
{
	const desk_gold_unit *u = desk_gold_diff_unit(ui->gold->g, unit);
	char what[160];

	if (take >= 0)
		snprintf(what, sizeof what, "took %s's",
		         desk_gold_diff_editor(ui->gold->g, (size_t)take));
	else
		snprintf(what, sizeof what, "%s",
		         take == DESK_GOLD_BOTH ? "took both" : "took none");
	ui_message(ui, "%lld-%lld: %s; u undoes", u ? (long long)u->start : 0LL,
	           u ? (long long)u->end : 0LL, what);
}

int
view_gold_take(struct ui *ui, int take)
{
	struct view_gold *v = ui->gold;
	size_t unit = v->cur;

	if (v->g == NULL || desk_gold_diff_units(v->g) == 0)
		return ui_error(ui, "nothing to settle here");
	if (take >= 0 && (size_t)take >= desk_gold_diff_editors(v->g))
		return ui_error(ui, "no editor %d: 1-%zu", take + 1, desk_gold_diff_editors(v->g));
	if (desk_gold_take(ui->d, v->g, unit, take) != DESK_OK)
		return ui_error(ui, "adjudicate: %s", desk_errmsg(ui->d));
	view_gold_said(ui, take, unit);
	if (view_gold_reload(ui) != DESK_OK)
		return DESK_ERROR;
	/* On to the next difference, as a reviewer works down the article. */
	v->cur =
	    goldview_next_diff(v->g, unit, 1) > unit ? goldview_next_diff(v->g, unit, 1) : unit;
	view_gold_scroll(ui);
	ui_dirty_all(ui);
	return DESK_OK;
}

/* e: the : prompt offers the unit's first span's range and label to edit. */
int
view_gold_edit_prompt(struct ui *ui)
{
	struct view_gold *v = ui->gold;
	const desk_gold_unit *u = v->g ? desk_gold_diff_unit(v->g, v->cur) : NULL;
	const desk_gold_dspan *s;
	char offer[96];

	if (u == NULL)
		return ui_error(ui, "nothing to settle here");
	s = desk_gold_diff_span(v->g, u->first);
	snprintf(offer, sizeof offer, "%lld %lld %s", (long long)s->start, (long long)s->end,
	         s->label);
	ui_prompt_command(ui, "settle-edit", offer);
	return DESK_OK;
}

int
view_gold_edit(struct ui *ui, int64_t start, int64_t end, const char *label)
{
	struct view_gold *v = ui->gold;
	size_t unit = v->cur;

	if (v->g == NULL || desk_gold_diff_unit(v->g, unit) == NULL)
		return ui_error(ui, "settle-edit: in the adjudication view (J)");
	if (desk_gold_edit(ui->d, v->g, unit, start, end, label) != DESK_OK)
		return ui_error(ui, "settle-edit: %s", desk_errmsg(ui->d));
	ui_message(ui, "%lld-%lld: gold is %lld-%lld %s; u undoes",
	           (long long)desk_gold_diff_unit(v->g, unit)->start,
	           (long long)desk_gold_diff_unit(v->g, unit)->end, (long long)start,
	           (long long)end, label);
	return view_gold_reload(ui);
}

int
view_gold_next(struct ui *ui, int dir)
{
	struct view_gold *v = ui->gold;

	if (v->g == NULL || desk_gold_diff_units(v->g) == 0)
		return DESK_OK;
	v->cur = goldview_next_diff(v->g, v->cur, dir);
	view_gold_scroll(ui);
	ui_dirty_all(ui);
	return DESK_OK;
}

static int
view_gold_open(struct ui *ui)
{
	ui_dirty_all(ui);
	return DESK_OK;
}

static void
view_gold_changed(struct ui *ui)
{
	if (ui->view == views[VIEW_GOLD])
		view_gold_reload(ui);
}

static void
view_gold_draw(struct ui *ui)
{
	struct view_gold *v = ui->gold;

	for (int r = 0; r < ui->rows; r++) {
		size_t i = v->top + (size_t)r;
		const struct goldview_line *l;
		int look;

		if (!ui->dirty[r])
			continue;
		wmove(ui->body, r, 0);
		wclrtoeol(ui->body);
		if (i >= v->gv.n)
			continue;
		l = &v->gv.v[i];
		look = l->unit == v->cur ? UI_SELECT
		       : l->dim          ? UI_DIM
		       : l->head         ? UI_HEADING
		                         : UI_NORMAL;
		ui_draw_text(ui, ui->body, r, 0, l->text, ui->cols, look);
	}
}

static void
view_gold_draw_bar(struct ui *ui)
{
	struct view_gold *v = ui->gold;
	size_t differ = 0, settled = 0;
	char s[200];

	if (v->g)
		goldview_count(v->g, &differ, &settled);
	snprintf(s, sizeof s,
	         " Adjudication: article %lld  unit %zu/%zu  %zu difference%s  1-9 b x e, n N, q",
	         (long long)v->article, v->g && desk_gold_diff_units(v->g) ? v->cur + 1 : 0,
	         v->g ? desk_gold_diff_units(v->g) : 0, differ, differ == 1 ? "" : "s");
	ui_draw_text(ui, ui->bar, 0, 0, s, ui->cols, UI_BAR);
}

static void
view_gold_resize(struct ui *ui)
{
	view_gold_scroll(ui);
	ui_dirty_all(ui);
}

static void
view_gold_cursor(struct ui *ui)
{
	curs_set(0);
	wmove(ui->body, 0, 0);
}

static int
view_gold_move(struct ui *ui, enum view_move m, int64_t n)
{
	struct view_gold *v = ui->gold;
	size_t units = v->g ? desk_gold_diff_units(v->g) : 0, cur = v->cur;

	if (units == 0)
		return DESK_OK;
	switch (m) {
	case VIEW_DOWN:
	case VIEW_PAGE_DOWN:
		cur = cur + (size_t)n < units ? cur + (size_t)n : units - 1;
		break;
	case VIEW_UP:
	case VIEW_PAGE_UP:
		cur = (size_t)n < cur ? cur - (size_t)n : 0;
		break;
	case VIEW_TOP:
		cur = 0;
		break;
	case VIEW_BOTTOM:
		cur = units - 1;
		break;
	default:
		return DESK_MISUSE;
	}
	v->cur = cur;
	view_gold_scroll(ui);
	ui_dirty_all(ui);
	return DESK_OK;
}

static int64_t
view_gold_article(struct ui *ui)
{
	return ui->gold->article;
}

const struct view_ops view_gold_ops = {
    .name = "gold",
    .new = view_gold_new,
    .free = view_gold_free,
    .changed = view_gold_changed,
    .open = view_gold_open,
    .close = NULL,
    .draw = view_gold_draw,
    .draw_bar = view_gold_draw_bar,
    .resize = view_gold_resize,
    .motion = view_gold_move,
    .search = NULL,
    .cursor = view_gold_cursor,
    .article = view_gold_article,
};
