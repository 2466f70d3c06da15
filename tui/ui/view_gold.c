/*
 * view_gold.c - adjudication (J from the reader or the article list): the
 * editors' spans of one article side by side where they differ, and where
 * they agree dimmed (the lines are goldview.c's), one unit under the
 * cursor.  j/k move by unit, n/N to the next or previous difference; a
 * digit takes that editor's spans, b takes both (all), x none, e edits
 * (a : prompt with the unit's range and label); u undoes as everywhere.
 * After the span units, the groups of claims whose editors' verdicts
 * differ: a digit keeps that claim of the group with its verdict, e offers
 * :settle-verdict to keep one with another verdict; a verdict has no
 * "both" or "none" (gold.h settles one claim with one verdict), so b and
 * x say so.
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
	desk_gold_vdiff *vd; /* the claims' verdicts; units desk_gold_diff_units(g) on */
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
	desk_gold_vdiff_free(ui->gold->vd);
	free(ui->gold);
	ui->gold = NULL;
}

/* Span units and claims' groups: the cursor's range. */
static size_t
view_gold_units(const struct view_gold *v)
{
	return v->g ? desk_gold_diff_units(v->g) + (v->vd ? desk_gold_vdiff_groups(v->vd) : 0) : 0;
}

/* The claims' group under the cursor, or NULL on a span unit. */
static const desk_gold_vgroup *
view_gold_vgroup(const struct view_gold *v)
{
	if (v->g == NULL || v->vd == NULL || v->cur < desk_gold_diff_units(v->g))
		return NULL;
	return desk_gold_vdiff_group(v->vd, v->cur - desk_gold_diff_units(v->g));
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
	desk_gold_vdiff *vd = NULL;
	struct goldview gv;

	if (v->article == 0)
		return DESK_OK;
	if (desk_gold_diff_get(&g, ui->d, v->article) != DESK_OK ||
	    desk_gold_vdiff_get(&vd, ui->d, v->article) != DESK_OK) {
		desk_gold_diff_free(g);
		return ui_error(ui, "adjudicate: %s", desk_errmsg(ui->d));
	}
	if (goldview_lines(&gv, g) != DESK_OK) {
		desk_gold_diff_free(g);
		desk_gold_vdiff_free(vd);
		return ui_error(ui, "out of memory");
	}
	if (goldview_vlines(&gv, desk_gold_diff_units(g), vd) != DESK_OK) {
		goldview_free(&gv);
		desk_gold_diff_free(g);
		desk_gold_vdiff_free(vd);
		return ui_error(ui, "out of memory");
	}
	desk_gold_diff_free(v->g);
	desk_gold_vdiff_free(v->vd);
	goldview_free(&v->gv);
	v->g = g;
	v->vd = vd;
	v->gv = gv;
	if (v->cur >= view_gold_units(v))
		v->cur = view_gold_units(v) ? view_gold_units(v) - 1 : 0;
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
		v->cur = goldview_next_any(v->g, v->vd, 0, 1);
	view_gold_scroll(ui);
	if (ui_switch(ui, views[VIEW_GOLD]) != DESK_OK)
		return DESK_ERROR;
	goldview_count(v->g, &differ, &settled);
	if (desk_gold_diff_editors(v->g) == 0 && desk_gold_vdiff_groups(v->vd) > 0)
		ui_message(ui, "%zu claims' verdict%s differ: a digit keeps that claim's, u undoes",
		           desk_gold_vdiff_groups(v->vd),
		           desk_gold_vdiff_groups(v->vd) == 1 ? "" : "s");
	else if (desk_gold_diff_editors(v->g) == 0)
		ui_message(ui, "No editor has tagged this article: nothing to adjudicate");
	else if (desk_gold_vdiff_groups(v->vd) > 0)
		ui_message(
		    ui, "%zu difference%s in spans, %zu in verdicts: 1-%zu b x e settle, u undoes",
		    differ, differ == 1 ? "" : "s", desk_gold_vdiff_groups(v->vd),
		    desk_gold_diff_editors(v->g));
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

/*
 * On a claims' group: keep claim take of the group with verdict (NULL: the
 * claim's own).
 */
static int
view_gold_keep_claim(struct ui *ui, const desk_gold_vgroup *gr, int take, const char *with)
{
	struct view_gold *v = ui->gold;
	const desk_gold_claim *c;
	size_t unit = v->cur;
	char *verdict, *author;
	int64_t id;

	if (take < 0)
		return ui_error(
		    ui, "a verdict cannot be taken %s: 1-%zu keeps a claim's, e another verdict",
		    take == DESK_GOLD_BOTH ? "from both" : "as none", gr->n);
	if ((size_t)take >= gr->n)
		return ui_error(ui, "no claim %d here: 1-%zu", take + 1, gr->n);
	c = desk_gold_vdiff_claim(v->vd, gr->first + (size_t)take);
	if (with == NULL && c->verdict == NULL)
		return ui_error(ui, "%s's claim %lld has no verdict to take", c->author,
		                (long long)c->id);
	id = c->id;
	verdict = strdup(with ? with : c->verdict);
	author = strdup(c->author);
	if (verdict == NULL || author == NULL) {
		free(verdict);
		free(author);
		return ui_error(ui, "out of memory");
	}
	if (desk_gold_verdict(ui->d, id, verdict) != DESK_OK) {
		ui_error(ui, "adjudicate: %s", desk_errmsg(ui->d));
	} else {
		ui_message(ui, "%lld-%lld: verdict %s, %s's claim %lld; u undoes",
		           (long long)gr->start, (long long)gr->end, verdict, author,
		           (long long)id);
		if (view_gold_reload(ui) == DESK_OK) {
			size_t next = goldview_next_any(v->g, v->vd, unit, 1);

			v->cur = next > unit ? next : unit;
			view_gold_scroll(ui);
		}
	}
	free(verdict);
	free(author);
	ui_dirty_all(ui);
	return DESK_OK;
}

int
view_gold_take(struct ui *ui, int take)
{
	struct view_gold *v = ui->gold;
	size_t unit = v->cur;

	if (view_gold_vgroup(v))
		return view_gold_keep_claim(ui, view_gold_vgroup(v), take, NULL);
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
	v->cur = goldview_next_any(v->g, v->vd, unit, 1) > unit
	             ? goldview_next_any(v->g, v->vd, unit, 1)
	             : unit;
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

	if (view_gold_vgroup(v)) {
		const desk_gold_claim *c = desk_gold_vdiff_claim(v->vd, view_gold_vgroup(v)->first);

		snprintf(offer, sizeof offer, "1 %.80s", c->verdict ? c->verdict : "");
		ui_prompt_command(ui, "settle-verdict", offer);
		return DESK_OK;
	}
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

	if (v->g == NULL || desk_gold_diff_unit(v->g, unit) == NULL || view_gold_vgroup(v))
		return ui_error(
		    ui, "settle-edit: on a difference of spans in the adjudication view (J)");
	if (desk_gold_edit(ui->d, v->g, unit, start, end, label) != DESK_OK)
		return ui_error(ui, "settle-edit: %s", desk_errmsg(ui->d));
	ui_message(ui, "%lld-%lld: gold is %lld-%lld %s; u undoes",
	           (long long)desk_gold_diff_unit(v->g, unit)->start,
	           (long long)desk_gold_diff_unit(v->g, unit)->end, (long long)start,
	           (long long)end, label);
	return view_gold_reload(ui);
}

int
view_gold_verdict(struct ui *ui, int take, const char *verdict)
{
	const desk_gold_vgroup *gr = view_gold_vgroup(ui->gold);

	if (gr == NULL)
		return ui_error(
		    ui, "settle-verdict: on claims whose verdicts differ (after the spans)");
	return view_gold_keep_claim(ui, gr, take, verdict);
}

int
view_gold_next(struct ui *ui, int dir)
{
	struct view_gold *v = ui->gold;

	if (view_gold_units(v) == 0)
		return DESK_OK;
	v->cur = goldview_next_any(v->g, v->vd, v->cur, dir);
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
	differ += v->vd ? desk_gold_vdiff_groups(v->vd) : 0;
	snprintf(s, sizeof s,
	         " Adjudication: article %lld  unit %zu/%zu  %zu difference%s  1-9 b x e, n N, q",
	         (long long)v->article, view_gold_units(v) ? v->cur + 1 : 0, view_gold_units(v),
	         differ, differ == 1 ? "" : "s");
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
	size_t units = view_gold_units(v), cur = v->cur;

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
