/*
 * view_search.c - the corpus search's results: `/` on the list (or here)
 * runs desk_search over every article's title and body and shows the best
 * first, two lines an article: its id, date and title, then its snippet with
 * the matches marked.  While the `/` prompt is open the search runs again
 * after each key, stopped when it takes over SEARCHVIEW_BUDGET_MS;
 * Enter opens the article under the cursor in the reader at its first match
 * (view_hits.c), q goes back to the list.  Results come SEARCHVIEW_STEP at a
 * time, asked for again with a larger limit as the cursor nears the end, at
 * most SEARCHVIEW_MAX of them held.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "searchview.h"
#include "view.h"

struct view_search {
	char *line;  /* the `/` line the results are of (the mode's prefix in it) */
	char *typed; /* the line last searched while typing */
	desk_search_results *res;
	size_t asked;      /* the limit res was asked for with */
	size_t sel, top;   /* result indexes: the cursor, the first shown */
	long long last_us; /* the last search's time */
	int fresh;         /* res came while typing: Enter takes it as it is */
	int live;          /* the view came on screen while the prompt was open */
	int64_t reading;   /* the article opened from here: the reader's q comes back */
	char error[256];   /* why the line typed cannot be searched (on the status line) */
};

int
view_search_new(struct ui *ui)
{
	if ((ui->searchv = calloc(1, sizeof *ui->searchv)) == NULL)
		return DESK_NOMEM;
	return DESK_OK;
}

void
view_search_free(struct ui *ui)
{
	struct view_search *v = ui->searchv;

	if (v == NULL)
		return;
	desk_search_free(v->res);
	free(v->line);
	free(v->typed);
	free(v);
	ui->searchv = NULL;
}

static long long
view_search_now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* Results on the screen: two lines each. */
static size_t
view_search_rows(const struct ui *ui)
{
	return ui->rows >= 4 ? (size_t)ui->rows / 2 : 1;
}

static void
view_search_scroll(struct ui *ui)
{
	struct view_search *v = ui->searchv;
	size_t rows = view_search_rows(ui), top = v->top;

	if (v->sel < v->top)
		v->top = v->sel;
	else if (v->sel >= v->top + rows)
		v->top = v->sel - rows + 1;
	if (v->top != top)
		ui_dirty_body(ui);
}

/*
 * Search for line with room for limit results; the results replace the
 * held ones (the cursor kept when keep), else v->error says why not.
 */
static int
view_search_run(struct ui *ui, const char *line, size_t limit, int keep)
{
	struct view_search *v = ui->searchv;
	desk_search_opts o = {.limit = limit, .open = SEARCHVIEW_OPEN, .close = SEARCHVIEW_CLOSE};
	const char *q = searchview_query(line, &o.exact);
	desk_search_results *r = NULL;
	long long t0 = view_search_now_us();
	char *copy;
	int rc;

	rc = desk_search(&r, ui->d, q, &o);
	v->last_us = view_search_now_us() - t0;
	if (rc != DESK_OK) {
		snprintf(v->error, sizeof v->error, "%s", desk_errmsg(ui->d));
		return rc;
	}
	if ((copy = strdup(line)) == NULL) {
		desk_search_free(r);
		snprintf(v->error, sizeof v->error, "out of memory");
		return DESK_NOMEM;
	}
	v->error[0] = '\0';
	desk_search_free(v->res);
	free(v->line);
	v->res = r;
	v->line = copy;
	v->asked = limit;
	if (!keep)
		v->sel = v->top = 0;
	if (v->sel >= desk_search_count(r))
		v->sel = desk_search_count(r) ? desk_search_count(r) - 1 : 0;
	ui_dirty_body(ui);
	ui_dirty_bar(ui);
	return DESK_OK;
}

/* The cursor near the end of what is held: ask for more. */
static void
view_search_more(struct ui *ui)
{
	struct view_search *v = ui->searchv;
	size_t want =
	    searchview_limit(v->sel, view_search_rows(ui), desk_search_count(v->res), v->asked);
	char *line;

	if (want == 0 || v->line == NULL || (line = strdup(v->line)) == NULL)
		return;
	if (view_search_run(ui, line, want, 1) != DESK_OK)
		ui_error(ui, "search: %s", ui->searchv->error);
	free(line);
}

/* The first results: a screen's worth and some, the rest as the cursor goes. */
static size_t
view_search_first(const struct ui *ui)
{
	size_t rows = view_search_rows(ui) + 1;

	return rows < SEARCHVIEW_STEP ? SEARCHVIEW_STEP : rows;
}

static void
view_search_report(struct ui *ui)
{
	struct view_search *v = ui->searchv;
	char count[64];
	size_t n = desk_search_count(v->res);

	searchview_count(count, sizeof count, n, n == v->asked && n < SEARCHVIEW_MAX);
	ui_message(ui, "%s for %s in %lld ms (Enter reads, n and N: the others, q: the list)",
	           count, v->line, v->last_us / 1000);
}

int
view_search_corpus(struct ui *ui, const char *pattern, int backward)
{
	struct view_search *v = ui->searchv;
	int fresh = v->fresh, live = v->live, rc;
	char typing[1024];
	char *shown;

	/* Enter takes the results shown as the line was typed (its last word a prefix). */
	if (fresh && v->line &&
	    strcmp(searchview_typing(typing, sizeof typing, pattern), v->line) == 0)
		pattern = v->line;
	v->fresh = 0;
	v->live = 0;
	free(v->typed);
	v->typed = NULL;
	/* n and N on the results: the next and previous article found. */
	if (ui->view == views[VIEW_SEARCH] && !fresh && v->line && strcmp(pattern, v->line) == 0) {
		rc = views[VIEW_SEARCH]->motion(ui, backward ? VIEW_UP : VIEW_DOWN, 1);
		return rc;
	}
	if (!fresh || v->line == NULL || strcmp(pattern, v->line) != 0 || v->error[0])
		rc = view_search_run(ui, pattern, view_search_first(ui), 0);
	else
		rc = DESK_OK; /* typed, searched and shown already */
	if (rc != DESK_OK) {
		/* Results that came while typing are not this line's: back to the list. */
		if (ui->view == views[VIEW_SEARCH] && (live || v->res == NULL))
			ui_switch(ui, views[VIEW_LIST]);
		return ui_error(ui, "search: %s", v->error);
	}
	if ((rc = ui_switch(ui, views[VIEW_SEARCH])) != DESK_OK)
		return rc;
	/* n and N (here and in the reader) go on with the line searched. */
	if (ui->search != v->line && (shown = strdup(v->line)) != NULL) {
		free(ui->search);
		ui->search = shown;
	}
	view_search_report(ui);
	return DESK_OK;
}

void
view_search_live(struct ui *ui, const char *line)
{
	struct view_search *v = ui->searchv;
	char typing[1024];
	int exact, rc, spent;

	if (ui->view != views[VIEW_LIST] && ui->view != views[VIEW_SEARCH])
		return; /* the reader's `/` searches its own article */
	if (v->typed && strcmp(v->typed, line) == 0)
		return; /* the cursor moved, the line did not change */
	free(v->typed);
	v->typed = strdup(line);
	if (*searchview_query(line, &exact) == '\0')
		return;
	line = searchview_typing(typing, sizeof typing, line);
	/* A key costs at most the budget: a longer search stops, Enter runs it whole. */
	desk_search_budget(ui->d, SEARCHVIEW_BUDGET_MS);
	rc = view_search_run(ui, line, view_search_first(ui), 0);
	spent = desk_search_budget_spent(ui->d);
	desk_search_budget(ui->d, 0);
	if (rc != DESK_OK) {
		/* The core's message on the status line, while the prompt is open. */
		if (spent)
			snprintf(ui->matches, sizeof ui->matches,
			         "Enter searches (narrowing stops after %d ms)",
			         SEARCHVIEW_BUDGET_MS);
		else
			snprintf(ui->matches, sizeof ui->matches, "%s", v->error);
		ui_dirty_bar(ui);
		return;
	}
	v->fresh = 1;
	if (ui->view == views[VIEW_LIST] && ui_switch(ui, views[VIEW_SEARCH]) == DESK_OK)
		v->live = 1;
}

void
view_search_cancel(struct ui *ui)
{
	struct view_search *v = ui->searchv;

	if (v->live && ui->view == views[VIEW_SEARCH])
		ui_switch(ui, views[VIEW_LIST]);
	v->live = v->fresh = 0;
	v->error[0] = '\0';
	free(v->typed);
	v->typed = NULL;
	ui_dirty_bar(ui);
}

int
view_search_open_article(struct ui *ui)
{
	struct view_search *v = ui->searchv;
	const desk_search_hit *h = desk_search_get(v->res, v->sel);
	int exact;
	const char *q = searchview_query(v->line, &exact);

	if (h == NULL)
		return ui_error(ui, "No result to read");
	if (view_reader_show(ui, h->id) != DESK_OK)
		return DESK_ERROR;
	v->reading = h->id;
	return view_reader_hits(ui, v->line, q, exact);
}

int
view_search_back(struct ui *ui)
{
	return ui->searchv->reading != 0 && ui->searchv->res != NULL &&
	       ui->view == views[VIEW_READER] && ui->view->article(ui) == ui->searchv->reading;
}

/* Draw s[0..n) at (y, x), at most cols columns; the columns used. */
static int
view_search_piece(struct ui *ui, int y, int x, const char *s, size_t n, int cols, int look)
{
	char buf[512];

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (desk_utf8_check(buf, n, &n) != DESK_OK)
		buf[n] = '\0'; /* cut in a character */
	return ui_draw_text(ui, ui->body, y, x, buf, cols, look);
}

static void
view_search_draw_row(struct ui *ui, int row)
{
	struct view_search *v = ui->searchv;
	size_t i = v->top + (size_t)row / 2;
	const desk_search_hit *h = desk_search_get(v->res, i);
	int sel = i == v->sel, x = 0, look = sel ? UI_SELECT : UI_NORMAL;
	struct searchview_piece p[32];
	char id[32];
	attr_t at;
	short pair;

	wmove(ui->body, row, 0);
	wclrtoeol(ui->body);
	if (h == NULL) {
		if (row == 0 && desk_search_count(v->res) == 0)
			ui_draw_text(ui, ui->body, 0, 0, "No article matches.", ui->cols,
			             UI_NORMAL);
		return;
	}
	if (row % 2 == 0) {
		snprintf(id, sizeof id, " %6lld ", (long long)h->id);
		x += ui_draw_text(ui, ui->body, row, x, id, ui->cols, look);
		x += ui_draw_text(ui, ui->body, row, x, *h->date ? h->date : "-", 10, look) + 2;
		if (x < ui->cols - 1)
			ui_draw_text(ui, ui->body, row, x, *h->title ? h->title : "(untitled)",
			             ui->cols - x - 1, sel ? UI_SELECT : UI_HEADING);
	} else {
		size_t n = searchview_pieces(h->snippet, p, sizeof p / sizeof *p);

		x = 8;
		for (size_t k = 0; k < n && x < ui->cols - 1; k++)
			x += view_search_piece(ui, row, x, p[k].s, p[k].n, ui->cols - x - 1,
			                       p[k].marked ? UI_MATCH : look);
	}
	if (sel && row % 2 == 0) { /* the cursor's title line is one bar across the screen */
		ui_draw_look(ui, UI_SELECT, &at, &pair);
		mvwchgat(ui->body, row, 0, -1, at, pair, NULL);
	}
}

static void
view_search_draw(struct ui *ui)
{
	for (int r = 0; r < ui->rows; r++)
		if (ui->dirty[r])
			view_search_draw_row(ui, r);
}

static void
view_search_draw_bar(struct ui *ui)
{
	struct view_search *v = ui->searchv;
	size_t n = desk_search_count(v->res);
	char left[128], count[64];
	int w;

	searchview_count(count, sizeof count, n, n == v->asked && n < SEARCHVIEW_MAX);
	if (n)
		snprintf(left, sizeof left, " Search %zu of %s  /", v->sel + 1, count);
	else
		snprintf(left, sizeof left, " Search: %s  /", count);
	w = ui_draw_text(ui, ui->bar, 0, 0, left, ui->cols, UI_BAR);
	ui_draw_text(ui, ui->bar, 0, w, v->line ? v->line : "", ui->cols - w, UI_BAR);
}

static void
view_search_resize(struct ui *ui)
{
	view_search_scroll(ui);
	ui_dirty_body(ui);
}

static int
view_search_open(struct ui *ui)
{
	return ui->searchv->res ? DESK_OK : DESK_NOTFOUND;
}

static void
view_search_cursor(struct ui *ui)
{
	struct view_search *v = ui->searchv;

	curs_set(0);
	wmove(ui->body, (int)(v->sel - v->top) * 2, 0);
}

static int64_t
view_search_article(struct ui *ui)
{
	const desk_search_hit *h = desk_search_get(ui->searchv->res, ui->searchv->sel);

	return h ? h->id : 0;
}

static int
view_search_move(struct ui *ui, enum view_move m, int64_t n)
{
	struct view_search *v = ui->searchv;
	size_t rows = view_search_rows(ui), page = rows > 1 ? rows - 1 : 1, old = v->sel;
	size_t count = desk_search_count(v->res), to = v->sel, k = (size_t)n;

	if (count == 0)
		return m < VIEW_LEFT ? DESK_OK : DESK_MISUSE;
	switch (m) {
	case VIEW_DOWN:
		to = v->sel + k;
		break;
	case VIEW_UP:
		to = k > v->sel ? 0 : v->sel - k;
		break;
	case VIEW_PAGE_DOWN:
		to = v->sel + k * page;
		break;
	case VIEW_PAGE_UP:
		to = k * page > v->sel ? 0 : v->sel - k * page;
		break;
	case VIEW_TOP:
		to = 0;
		break;
	case VIEW_BOTTOM:
		to = SIZE_MAX;
		break;
	case VIEW_GOTO:
		to = k - 1;
		break;
	default:
		return DESK_MISUSE;
	}
	v->sel = to >= count ? count - 1 : to;
	view_search_more(ui); /* near the end: the next results */
	count = desk_search_count(v->res);
	if (to != SIZE_MAX && to < count)
		v->sel = to;
	view_search_scroll(ui);
	if (old >= v->top && old - v->top < rows) {
		ui_dirty_line(ui, (int)(old - v->top) * 2);
		ui_dirty_line(ui, (int)(old - v->top) * 2 + 1);
	}
	ui_dirty_line(ui, (int)(v->sel - v->top) * 2);
	ui_dirty_line(ui, (int)(v->sel - v->top) * 2 + 1);
	ui_dirty_bar(ui);
	return DESK_OK;
}

const struct view_ops view_search_ops = {
    .name = "search",
    .new = view_search_new,
    .free = view_search_free,
    .open = view_search_open,
    .draw = view_search_draw,
    .draw_bar = view_search_draw_bar,
    .resize = view_search_resize,
    .motion = view_search_move,
    .search = view_search_corpus,
    .cursor = view_search_cursor,
    .article = view_search_article,
};
