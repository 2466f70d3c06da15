/*
 * view_claims.c - the claims screen (of the article read, or of the corpus)
 * and one claim's detail.  The list shows, under column headers, status,
 * verdict, repeats (how many other articles hold the same claim), the
 * article (of the corpus) and text, by article then place (desk_claims_page's
 * order: only a window of VIEW_CLAIMS_WINDOW rows is held, read a page at a
 * time by keyset queries as the cursor moves, as the article list does); f cycles the status shown,
 * v the verdict, a switches between the article and the corpus, Enter opens the claim's article at
 * the claim.  The detail shows the verdict, status, note, the entities tagged inside, where else
 * the claim is, the evidence, and the claim's history from the edit log in the order it happened
 * (who marked, proposed, disputed with what reason, approved), wrapped at the window's width.  Both
 * are read again after every edit and when another editor changed the database.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimview.h"
#include "layout.h"
#include "listwin.h"
#include "menu.h"
#include "view_claim.h"

/* Rows held at most: a few screens. */
#define VIEW_CLAIMS_WINDOW 64

/* A claim of the list as its line shows it. */
struct view_claims_row {
	desk_claim_place at;
	desk_claim_status status;
	char *verdict, *text;
	int64_t repeats;
};

struct view_claims {
	/* The list: m.n is the whole list's size, m.sel and m.top indexes into it. */
	struct menu m;
	struct view_claims_row *rows; /* [w.len], rows [w.base, w.base + w.len) */
	struct listwin w;
	int64_t article;          /* 0: the corpus */
	desk_claim_status status; /* DESK_CLAIM_ANY: all */
	int verdict;              /* an index in ui->verdicts, or -1: all */
	const struct view_ops *back;
	/* The detail. */
	desk_claim *claim;
	int64_t claim_id;
	char *buf;
	size_t len, cap;
	desk_text *text;
	struct layout *lay;
	size_t top;
	struct layout_cell *cells;
	const struct view_ops *detail_back;
};

int
view_claims_new(struct ui *ui)
{
	if ((ui->claims = calloc(1, sizeof *ui->claims)) == NULL)
		return DESK_NOMEM;
	ui->claims->m.head = 1;
	ui->claims->w.cap = VIEW_CLAIMS_WINDOW;
	ui->claims->status = DESK_CLAIM_ANY;
	ui->claims->verdict = -1;
	return DESK_OK;
}

static void
view_claims_unload_detail(struct view_claims *v)
{
	desk_claim_free(v->claim);
	layout_free(v->lay);
	desk_text_free(v->text);
	v->claim = NULL;
	v->lay = NULL;
	v->text = NULL;
}

static void
view_claims_clear(struct view_claims *v)
{
	for (size_t i = 0; i < v->w.len; i++) {
		free(v->rows[i].verdict);
		free(v->rows[i].text);
	}
	free(v->rows);
	v->rows = NULL;
	v->w.len = v->w.base = 0;
}

void
view_claims_free(struct ui *ui)
{
	if (ui->claims == NULL)
		return;
	view_claims_clear(ui->claims);
	view_claims_unload_detail(ui->claims);
	free(ui->claims->buf);
	free(ui->claims->cells);
	free(ui->claims);
	ui->claims = NULL;
	desk_verdicts_free(ui->verdicts);
	ui->verdicts = NULL;
}

/* --- The list ---------------------------------------------------------- */

/* Row i of the list if the window holds it. */
static const struct view_claims_row *
view_claims_row(const struct view_claims *v, size_t i)
{
	return i >= v->w.base && i < v->w.base + v->w.len ? &v->rows[i - v->w.base] : NULL;
}

static const struct view_claims_row *
view_claims_selected(struct ui *ui)
{
	return view_claims_row(ui->claims, ui->claims->m.sel);
}

/* The filter the list shows. */
static desk_claim_filter
view_claims_filter(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	desk_claim_filter f = {v->article, v->status, NULL};

	if (v->verdict >= 0 && ui->verdicts &&
	    (size_t)v->verdict < desk_verdicts_count(ui->verdicts))
		f.verdict = desk_verdicts_at(ui->verdicts, (size_t)v->verdict)->name;
	return f;
}

/* rows[i] from a claim read; DESK_NOMEM. */
static int
view_claims_row_set(struct view_claims_row *r, const desk_claim *c)
{
	*r = (struct view_claims_row){{c->article_id, c->start, c->id},
	                              c->status,
	                              strdup(c->verdict),
	                              strdup(c->text),
	                              c->repeats};
	return r->verdict && r->text ? DESK_OK : DESK_NOMEM;
}

/* Read what plan p says into the window (as view_list_read does for articles). */
static int
view_claims_read(struct ui *ui, const struct listwin_plan *p)
{
	struct view_claims *v = ui->claims;
	desk_claim_filter f = view_claims_filter(ui);
	desk_claim_place key = {INT64_MIN, 0, 0};
	struct view_claims_row *rows = NULL;
	desk_claims *cs = NULL;
	size_t n, keep = 0, at = 0, drop;
	int rc, backward = 0, found = 1;

	switch (p->read) {
	case LISTWIN_NONE:
		return DESK_OK;
	case LISTWIN_AFTER:
		key = v->rows[v->w.len - 1].at;
		break;
	case LISTWIN_BEFORE:
		key = v->rows[0].at;
		backward = 1;
		break;
	case LISTWIN_TOP:
		break;
	case LISTWIN_BOTTOM:
		key = (desk_claim_place){INT64_MAX, 0, 0};
		backward = 1;
		break;
	case LISTWIN_AT:
		if ((rc = desk_claims_nth(&key, &found, ui->d, &f, (int64_t)p->start)) != DESK_OK)
			return rc;
		if (!found) /* the list got shorter: its end */
			return view_claims_read(
			    ui, &(struct listwin_plan){LISTWIN_BOTTOM, 0, p->count});
		key.id--; /* the page starts at that claim */
		break;
	}
	if ((rc = desk_claims_page(&cs, ui->d, &f, &key, backward, p->count)) != DESK_OK)
		return rc;
	n = desk_claims_count(cs);
	if (p->read == LISTWIN_AFTER || p->read == LISTWIN_BEFORE) {
		keep = v->w.len;
		at = p->read == LISTWIN_BEFORE ? 0 : keep;
	} else {
		view_claims_clear(v);
	}
	if ((rows = realloc(v->rows, (keep + n + 1) * sizeof *rows)) == NULL) {
		desk_claims_free(cs);
		return DESK_NOMEM;
	}
	v->rows = rows;
	if (at == 0 && keep > 0)
		memmove(rows + n, rows, keep * sizeof *rows);
	for (size_t i = 0; i < n; i++)
		if (view_claims_row_set(&rows[at + i], desk_claims_at(cs, i)) != DESK_OK)
			rc = DESK_NOMEM; /* kept as it is: freed with the window */
	desk_claims_free(cs);
	if (p->read == LISTWIN_BOTTOM)
		v->w.total = v->m.n; /* the end as the count says */
	drop = listwin_got(&v->w, p, n);
	/* Keep the window within its size: drop the far end. */
	for (size_t i = 0; i < drop; i++) {
		struct view_claims_row *r =
		    &rows[p->read == LISTWIN_AFTER ? i : keep + n - drop + i];

		free(r->verdict);
		free(r->text);
	}
	if (p->read == LISTWIN_AFTER && drop > 0)
		memmove(rows, rows + drop, (keep + n - drop) * sizeof *rows);
	v->m.n = v->w.total;
	return rc;
}

/* Keep the cursor on screen and the window holding the screen's rows. */
static void
view_claims_hold(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	size_t rows = ui->rows - v->m.head > 0 ? (size_t)(ui->rows - v->m.head) : 1;
	struct listwin_plan p;

	menu_scroll(ui, &v->m);
	p = listwin_plan(&v->w, v->m.top, v->m.top + rows);
	if (view_claims_read(ui, &p) != DESK_OK)
		ui_error(ui, "claims: %s", desk_errmsg(ui->d));
}

/* The index of the claim at place `at` in the list, or the list's size when it is not there. */
static int
view_claims_index_of(size_t *out, struct ui *ui, desk_claim_place at)
{
	struct view_claims *v = ui->claims;
	desk_claim_filter f = view_claims_filter(ui);
	desk_claim_place before = {at.article_id, at.start, at.id - 1};
	desk_claims *cs = NULL;
	int64_t rank;
	int rc;

	*out = v->m.n;
	for (size_t i = 0; i < v->w.len; i++)
		if (v->rows[i].at.id == at.id) {
			*out = v->w.base + i;
			return DESK_OK;
		}
	if ((rc = desk_claims_rank(&rank, ui->d, &f, &at)) != DESK_OK ||
	    (rc = desk_claims_page(&cs, ui->d, &f, &before, 0, 1)) != DESK_OK)
		return rc;
	if (desk_claims_count(cs) == 1 && desk_claims_at(cs, 0)->id == at.id)
		*out = (size_t)rank;
	desk_claims_free(cs);
	return DESK_OK;
}

/* Read the list again: its size, and the window around the same claim if it is still there. */
static int
view_claims_reload_list(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	const struct view_claims_row *cur = view_claims_selected(ui);
	desk_claim_place at = cur ? cur->at : (desk_claim_place){0, 0, 0};
	desk_claim_filter f;
	size_t sel = v->m.sel;
	int64_t total;
	int rc;

	if (ui->verdicts == NULL && (rc = view_claim_verdicts(ui)) != DESK_OK)
		return rc;
	f = view_claims_filter(ui);
	if ((rc = desk_claims_rank(&total, ui->d, &f, NULL)) != DESK_OK)
		return rc;
	view_claims_clear(v);
	v->m.n = v->w.total = (size_t)total;
	if (at.id != 0 && (rc = view_claims_index_of(&sel, ui, at)) == DESK_OK && sel >= v->m.n)
		sel = v->m.sel;
	v->m.sel = sel;
	view_claims_hold(ui);
	ui_dirty_body(ui);
	ui_dirty_bar(ui);
	return DESK_OK;
}

/*
 * The column headers: the number column is the claim's repeats, how many
 * other articles hold the same claim (R gives them this research).
 */
static void
view_claims_draw_header(struct ui *ui)
{
	char h[160];

	snprintf(h, sizeof h, " %-9s %-13s %s %s%s", "Status", "Verdict", "Repeats",
	         ui->claims->article == 0 ? "Article " : "", "Claim (Repeats: in other articles)");
	menu_header(ui, h);
}

static void
view_claims_draw_row(struct ui *ui, int row)
{
	struct view_claims *v = ui->claims;
	size_t i = menu_item(&v->m, row);
	const struct view_claims_row *c;
	char num[32];
	int sel, x = 1, vi;
	attr_t a;
	short p;

	if (row < v->m.head) {
		view_claims_draw_header(ui);
		return;
	}
	wmove(ui->body, row, 0);
	wclrtoeol(ui->body);
	if (v->m.n == 0 && row == v->m.head)
		ui_draw_text(ui, ui->body, row, 1,
		             "No claims here: in the reader, c makes the sentence under the cursor "
		             "a claim (f and v change the filters)",
		             ui->cols - 1, UI_NORMAL);
	if (i >= v->m.n || (c = view_claims_row(v, i)) == NULL)
		return;
	sel = i == v->m.sel;
	vi = view_claim_verdict_index(ui, c->verdict);
	menu_cell(ui, row, x, desk_claim_status_name(c->status), 9, sel ? UI_SELECT : UI_HEADING);
	x += 10;
	menu_cell(ui, row, x, vi >= 0 ? desk_verdicts_at(ui->verdicts, (size_t)vi)->label : "-", 13,
	          sel ? UI_SELECT : UI_NORMAL);
	if (!sel && vi >= 0) {
		a = ui->verdict_attr[vi];
		p = ui->verdict_pair[vi];
		mvwchgat(ui->body, row, x,
		         ui_text_width(desk_verdicts_at(ui->verdicts, (size_t)vi)->label), a, p,
		         NULL);
	}
	x += 14;
	snprintf(num, sizeof num, "%7lld", (long long)c->repeats);
	menu_cell(ui, row, x, num, 7, sel ? UI_SELECT : UI_DIM);
	x += 8;
	if (v->article == 0) {
		snprintf(num, sizeof num, "%7lld", (long long)c->at.article_id);
		menu_cell(ui, row, x, num, 7, sel ? UI_SELECT : UI_DIM);
		x += 8;
	}
	menu_cell(ui, row, x, c->text, ui->cols - x - 1, sel ? UI_SELECT : UI_NORMAL);
	if (sel) {
		ui_draw_look(ui, UI_SELECT, &a, &p);
		mvwchgat(ui->body, row, 0, -1, a, p, NULL);
	}
}

static void
view_claims_draw(struct ui *ui)
{
	for (int r = 0; r < ui->rows; r++)
		if (ui->dirty[r])
			view_claims_draw_row(ui, r);
}

static void
view_claims_draw_bar(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	char s[256], scope[32];

	if (v->article)
		snprintf(scope, sizeof scope, "article %lld", (long long)v->article);
	else
		snprintf(scope, sizeof scope, "all articles");
	snprintf(s, sizeof s,
	         " Claims %zu/%zu  %s  status: %s  verdict: %s  (f v a: filters, Enter: to it)",
	         v->m.n ? v->m.sel + 1 : 0, v->m.n, scope,
	         v->status == DESK_CLAIM_ANY ? "any" : desk_claim_status_name(v->status),
	         v->verdict >= 0 ? desk_verdicts_at(ui->verdicts, (size_t)v->verdict)->name
	                         : "any");
	ui_draw_text(ui, ui->bar, 0, 0, s, ui->cols, UI_BAR);
}

static void
view_claims_resize(struct ui *ui)
{
	menu_resize(ui, &ui->claims->m);
	view_claims_hold(ui);
}

static int
view_claims_list_open(struct ui *ui)
{
	int rc;

	if ((rc = view_claims_reload_list(ui)) != DESK_OK)
		ui_error(ui, "claims: %s", desk_errmsg(ui->d));
	return rc;
}

static void
view_claims_cursor(struct ui *ui)
{
	menu_cursor(ui, &ui->claims->m);
}

static int
view_claims_move(struct ui *ui, enum view_move mv, int64_t n)
{
	int rc = menu_move(ui, &ui->claims->m, mv, n);

	view_claims_hold(ui);
	return rc;
}

static int64_t
view_claims_article(struct ui *ui)
{
	const struct view_claims_row *c = view_claims_selected(ui);

	return c ? c->at.article_id : ui->claims->article;
}

/* Another editor's edits: the list and the detail again. */
static void
view_claims_changed(struct ui *ui)
{
	if (view_claims_reload(ui) != DESK_OK)
		ui_error(ui, "claims: %s", desk_errmsg(ui->d));
}

const struct view_ops view_claims_ops = {
    .name = "claims",
    .new = view_claims_new,
    .free = view_claims_free,
    .changed = view_claims_changed,
    .open = view_claims_list_open,
    .draw = view_claims_draw,
    .draw_bar = view_claims_draw_bar,
    .resize = view_claims_resize,
    .motion = view_claims_move,
    .cursor = view_claims_cursor,
    .article = view_claims_article,
};

int
view_claims_open_list(struct ui *ui, int64_t article)
{
	struct view_claims *v = ui->claims;
	const desk_claim *here = ui->view == views[VIEW_READER] ? view_claim_at_cursor(ui) : NULL;

	if (ui->view != views[VIEW_CLAIMS] && ui->view != views[VIEW_CLAIM])
		v->back = ui->view == views[VIEW_HELP] ? ui->back : ui->view;
	if (v->article != article) {
		v->m.sel = v->m.top = 0;
		v->article = article;
	}
	if (ui->view == views[VIEW_CLAIMS])
		return view_claims_reload_list(ui);
	if (ui_switch(ui, views[VIEW_CLAIMS]) != DESK_OK)
		return DESK_ERROR;
	/* On the claim under the reader's cursor. */
	if (here != NULL) {
		size_t i;

		if (view_claims_index_of(
		        &i, ui, (desk_claim_place){here->article_id, here->start, here->id}) ==
		        DESK_OK &&
		    i < v->m.n)
			v->m.sel = i;
		view_claims_hold(ui);
	}
	return DESK_OK;
}

int
view_claims_cycle_status(struct ui *ui)
{
	struct view_claims *v = ui->claims;

	v->status = v->status == DESK_CLAIM_DISPUTED ? DESK_CLAIM_ANY : v->status + 1;
	v->m.sel = v->m.top = 0;
	return view_claims_reload_list(ui);
}

int
view_claims_cycle_verdict(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	size_t n = ui->verdicts ? desk_verdicts_count(ui->verdicts) : 0;

	v->verdict = (size_t)(v->verdict + 1) >= n ? -1 : v->verdict + 1;
	v->m.sel = v->m.top = 0;
	return view_claims_reload_list(ui);
}

int
view_claims_toggle_scope(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	int64_t id = v->back == views[VIEW_READER] ? views[VIEW_READER]->article(ui) : 0;

	if (v->article == 0 && id == 0)
		return ui_error(ui, "claims: open an article to see its claims only");
	v->article = v->article ? 0 : id;
	v->m.sel = v->m.top = 0;
	return view_claims_reload_list(ui);
}

int
view_claims_jump(struct ui *ui)
{
	const struct view_claims_row *r = view_claims_selected(ui);
	const desk_claim *c;
	int64_t article, start, id;

	if (r == NULL)
		return ui_error(ui, "No claim here");
	article = r->at.article_id;
	start = r->at.start;
	id = r->at.id;
	if (views[VIEW_READER]->article(ui) == article) {
		if (ui_switch(ui, views[VIEW_READER]) != DESK_OK)
			return DESK_ERROR;
	} else if (view_reader_show(ui, article) != DESK_OK) {
		return DESK_ERROR;
	}
	view_tag_goto(ui, start);
	if ((c = view_claim_find(ui, id)) != NULL)
		view_claim_describe(ui, "Claim", c);
	return DESK_OK;
}

/* --- The detail ---------------------------------------------------------- */

static void view_claims_put(struct view_claims *v, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
view_claims_put(struct view_claims *v, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (v->len + (size_t)n + 2 > v->cap) {
		size_t cap = (v->len + (size_t)n + 2) * 2;
		char *b = realloc(v->buf, cap);

		if (b == NULL)
			return;
		v->buf = b;
		v->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(v->buf + v->len, v->cap - v->len, fmt, ap);
	va_end(ap);
	v->len += (size_t)n;
	v->buf[v->len++] = '\n';
	v->buf[v->len] = '\0';
}

/*
 * The claim's history, oldest first (desk_claim_history): who marked it,
 * proposed, disputed with what reason, approved, when; a reason stays after
 * the verdict changed.
 */
static void
view_claims_history(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	desk_claim_event *ev = NULL;
	const char *prev = "";
	size_t n = 0;
	char what[1024], when[20];

	if (desk_claim_history(&ev, &n, ui->d, v->claim->id) != DESK_OK) {
		view_claims_put(v, "History:  %s", desk_errmsg(ui->d));
		return;
	}
	view_claims_put(v, "%s", "");
	view_claims_put(v, "History (UTC):");
	for (size_t i = 0; i < n; i++) {
		int vi = view_claim_verdict_index(ui, ev[i].verdict);

		claimview_event(what, sizeof what, &ev[i], v->claim->id,
		                vi >= 0 ? desk_verdicts_at(ui->verdicts, (size_t)vi)->label : NULL,
		                prev);
		claimview_event_time(when, ev[i].at);
		view_claims_put(v, "%s  %s %s", when, ev[i].editor, what);
		if (*ev[i].status)
			prev = ev[i].status;
	}
	desk_claim_history_free(ev, n);
}

/* The detail's text, one item a line, from the claim read. */
static void
view_claims_text(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	const desk_claim *c = v->claim;
	int vi = view_claim_verdict_index(ui, c->verdict);

	v->len = 0;
	view_claims_put(v, "Claim %lld in article %lld: \u201c%s\u201d", (long long)c->id,
	                (long long)c->article_id, c->text);
	view_claims_put(v, "%s", "");
	view_claims_put(v, "Status:   %s", desk_claim_status_name(c->status));
	if (vi >= 0)
		view_claims_put(v, "Verdict:  %s (%s)",
		                desk_verdicts_at(ui->verdicts, (size_t)vi)->label,
		                desk_verdicts_at(ui->verdicts, (size_t)vi)->description);
	else
		view_claims_put(v, "Verdict:  none yet (V then a verdict's key)");
	view_claims_put(v, "Note:     %s", *c->note ? c->note : "-");
	if (c->repeats)
		view_claims_put(v, "Also in %lld other article%s (R gives them this research)",
		                (long long)c->repeats, c->repeats == 1 ? "" : "s");
	else
		view_claims_put(v, "Also in:  no other article");
	for (size_t i = 0; i < c->nentities; i++) {
		const desk_span *s = c->entities[i];

		view_claims_put(v, "%s %s \u201c%s\u201d%s%s",
		                i ? "         " : "Entities:", s->label, s->text,
		                *s->entity ? " \u2192 " : "", s->entity);
	}
	view_claims_put(v, "%s", "");
	view_claims_put(v, "Evidence: %zu (+ adds one)", c->nevidence);
	for (size_t i = 0; i < c->nevidence; i++) {
		const desk_evidence *e = &c->evidence[i];

		view_claims_put(v, "%zu. %s (consulted %s, added by %s)", i + 1, e->source,
		                e->consulted, e->added_by);
		view_claims_put(v, "   \u201c%s\u201d", e->quote);
	}
	view_claims_history(ui);
}

static int
view_claims_layout(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	int rc;

	layout_free(v->lay);
	desk_text_free(v->text);
	v->lay = NULL;
	v->text = NULL;
	if ((rc = desk_text_new(&v->text, v->buf ? v->buf : "", v->len)) != DESK_OK)
		return rc;
	return layout_new(&v->lay, v->text, ui->cols > 1 ? ui->cols - 1 : 1, NULL, 0, LAYOUT_WORDS);
}

static int
view_claims_reload_detail(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	desk_claim *c = NULL;
	int rc;

	if (ui->verdicts == NULL && (rc = view_claim_verdicts(ui)) != DESK_OK)
		return rc;
	if ((rc = desk_claim_get(&c, ui->d, v->claim_id)) != DESK_OK)
		return rc;
	desk_claim_free(v->claim);
	v->claim = c;
	view_claims_text(ui);
	if ((rc = view_claims_layout(ui)) != DESK_OK)
		return rc;
	ui_dirty_all(ui);
	return DESK_OK;
}

static void
view_claims_detail_draw(struct ui *ui)
{
	struct view_claims *v = ui->claims;
	size_t n;

	if (v->cells == NULL && (v->cells = malloc(1024 * sizeof *v->cells)) == NULL)
		return;
	for (int r = 0; r < ui->rows; r++) {
		size_t line = v->top + (size_t)r;

		if (!ui->dirty[r])
			continue;
		wmove(ui->body, r, 0);
		wclrtoeol(ui->body);
		if (v->lay == NULL || line >= v->lay->nlines)
			continue;
		n = layout_cells(v->lay, line, v->cells, 1024);
		for (size_t i = 0; i < n; i++)
			ui_draw_cell(ui, ui->body, r, v->cells[i].col, &v->cells[i],
			             line == 0 ? UI_TITLE : UI_NORMAL);
	}
}

static void
view_claims_detail_draw_bar(struct ui *ui)
{
	char s[160];

	snprintf(
	    s, sizeof s,
	    " Claim %lld  (V verdict, + evidence, m note, = approve, ! dispute, R repeats, q back)",
	    (long long)ui->claims->claim_id);
	ui_draw_text(ui, ui->bar, 0, 0, s, ui->cols, UI_BAR);
}

static void
view_claims_detail_resize(struct ui *ui)
{
	if (view_claims_layout(ui) != DESK_OK)
		ui_error(ui, "out of memory");
	ui_dirty_all(ui);
}

static int
view_claims_detail_open(struct ui *ui)
{
	int rc;

	ui->claims->top = 0;
	if ((rc = view_claims_reload_detail(ui)) != DESK_OK)
		ui_error(ui, "claim %lld: %s", (long long)ui->claims->claim_id, desk_errmsg(ui->d));
	return rc;
}

static void
view_claims_detail_cursor(struct ui *ui)
{
	curs_set(0);
	wmove(ui->body, 0, 0);
}

static int
view_claims_detail_move(struct ui *ui, enum view_move mv, int64_t n)
{
	struct view_claims *v = ui->claims;
	size_t lines = v->lay ? v->lay->nlines : 0, rows = (size_t)ui->rows, top = v->top;
	size_t max = lines > rows ? lines - rows : 0;

	if (mv == VIEW_GOTO || ui_scroll(&top, mv, n, rows, max) != DESK_OK)
		return DESK_MISUSE;
	v->top = top;
	ui_dirty_body(ui);
	return DESK_OK;
}

static int64_t
view_claims_detail_article(struct ui *ui)
{
	return ui->claims->claim ? ui->claims->claim->article_id : 0;
}

const struct view_ops view_claim_ops = {
    .name = "claim",
    .open = view_claims_detail_open,
    .draw = view_claims_detail_draw,
    .draw_bar = view_claims_detail_draw_bar,
    .resize = view_claims_detail_resize,
    .motion = view_claims_detail_move,
    .cursor = view_claims_detail_cursor,
    .article = view_claims_detail_article,
};

int
view_claims_open_detail(struct ui *ui, int64_t claim_id)
{
	struct view_claims *v = ui->claims;

	if (ui->view != views[VIEW_CLAIM])
		v->detail_back = ui->view == views[VIEW_HELP] ? ui->back : ui->view;
	v->claim_id = claim_id;
	if (ui->view == views[VIEW_CLAIM])
		return view_claims_reload_detail(ui);
	return ui_switch(ui, views[VIEW_CLAIM]);
}

int
view_claims_reload(struct ui *ui)
{
	int rc = DESK_OK;

	if (ui->view == views[VIEW_CLAIMS])
		rc = view_claims_reload_list(ui);
	else if (ui->view == views[VIEW_CLAIM])
		rc = view_claims_reload_detail(ui);
	return rc;
}

const struct view_ops *
view_claims_back(struct ui *ui)
{
	const struct view_ops *b =
	    ui->view == views[VIEW_CLAIM] ? ui->claims->detail_back : ui->claims->back;

	return b ? b : views[VIEW_LIST];
}

int64_t
view_claims_current(struct ui *ui)
{
	const struct view_claims_row *c;

	if (ui->view == views[VIEW_CLAIM])
		return ui->claims->claim_id;
	if (ui->view == views[VIEW_CLAIMS])
		return (c = view_claims_selected(ui)) ? c->at.id : 0;
	return 0;
}
