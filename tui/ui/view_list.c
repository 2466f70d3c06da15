/*
 * view_list.c - the article list: status, date, language and title, one
 * article a line.  An article without a title shows its first words, dimmed.
 * The cursor stays on its article across the reader, reloads and other
 * editors' imports.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"

#define VIEW_LIST_EMPTY "No articles. Import some with: copydesk import PATH"

/* How much of an untitled article's body its line shows, at most (bytes). */
#define VIEW_LIST_SNIPPET 400

struct view_list {
	desk_article **arts; /* without bodies, in id order */
	desk_status *status; /* [n]: each one's status, kept current by view_list_refresh() */
	size_t n;
	int64_t since;  /* the edit log's position the statuses are as of */
	size_t loads;   /* how many times the whole list was read */
	char **snippet; /* [n]: an untitled article's first words, read when first drawn */
	size_t sel;     /* the cursor */
	size_t top;     /* the first article shown */
};

int
view_list_new(struct ui *ui)
{
	return (ui->list = calloc(1, sizeof *ui->list)) ? DESK_OK : DESK_NOMEM;
}

static void
view_list_clear(struct view_list *v)
{
	for (size_t i = 0; v->snippet && i < v->n; i++)
		free(v->snippet[i]);
	free(v->snippet);
	free(v->status);
	desk_article_list_free(v->arts, v->n);
	v->status = NULL;
	v->snippet = NULL;
	v->arts = NULL;
	v->n = 0;
}

void
view_list_free(struct ui *ui)
{
	if (ui->list == NULL)
		return;
	view_list_clear(ui->list);
	free(ui->list);
	ui->list = NULL;
}

static size_t
view_list_rows(const struct ui *ui)
{
	return ui->rows > 0 ? (size_t)ui->rows : 1;
}

/* Keep the cursor on screen, and no more empty room below the last article than needed. */
static void
view_list_scroll(struct ui *ui)
{
	struct view_list *v = ui->list;
	size_t rows = view_list_rows(ui), top = v->top;

	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + rows)
		v->top = v->sel - rows + 1;
	if (v->n <= rows)
		v->top = 0;
	else if (v->top > v->n - rows)
		v->top = v->n - rows;
	if (v->top != top)
		ui_dirty_body(ui);
}

/* Move the cursor to article i, drawing again only the two lines that change. */
static void
view_list_set(struct ui *ui, size_t i)
{
	struct view_list *v = ui->list;

	if (v->n == 0)
		return;
	if (i >= v->n)
		i = v->n - 1;
	ui_dirty_line(ui, (int)(v->sel - v->top));
	v->sel = i;
	view_list_scroll(ui);
	ui_dirty_line(ui, (int)(v->sel - v->top));
	ui_dirty_bar(ui);
}

int
view_list_reload(struct ui *ui)
{
	struct view_list *v = ui->list;
	int64_t id = view_list_selected(ui);
	size_t rel = v->sel - v->top, sel = v->sel, n = 0;
	desk_article **arts = NULL;
	desk_article_state *none = NULL;
	desk_status *status = NULL;
	char **snippet = NULL;
	int64_t since = -1;
	size_t nnone = 0;
	int rc, added;

	/* The log's position first: an edit between the two is read again, not lost. */
	if ((rc = desk_article_changes(&none, &nnone, &added, ui->d, &since)) != DESK_OK ||
	    (rc = desk_article_list(&arts, &n, ui->d, DESK_STATUS_ANY)) != DESK_OK)
		return rc;
	if (n > 0 && ((snippet = calloc(n, sizeof *snippet)) == NULL ||
	              (status = calloc(n, sizeof *status)) == NULL)) {
		free(snippet);
		desk_article_list_free(arts, n);
		return DESK_NOMEM;
	}
	for (size_t i = 0; i < n; i++)
		status[i] = desk_article_status(arts[i]);
	view_list_clear(v);
	v->arts = arts;
	v->status = status;
	v->n = n;
	v->snippet = snippet;
	v->since = since;
	v->loads++;
	/* The same article if it is still there, else the one now in its place. */
	for (size_t i = 0; i < n; i++)
		if (desk_article_id(arts[i]) == id)
			sel = i;
	v->sel = n == 0 ? 0 : sel < n ? sel : n - 1;
	v->top = v->sel > rel ? v->sel - rel : 0;
	view_list_scroll(ui);
	ui_dirty_body(ui);
	ui_dirty_bar(ui);
	return DESK_OK;
}

int64_t
view_list_selected(struct ui *ui)
{
	struct view_list *v = ui->list;

	return v->n ? desk_article_id(v->arts[v->sel]) : 0;
}

size_t
view_list_index(struct ui *ui)
{
	return ui->list->n ? ui->list->sel + 1 : 0;
}

size_t
view_list_count(struct ui *ui)
{
	return ui->list->n;
}

void
view_list_select(struct ui *ui, int64_t id)
{
	struct view_list *v = ui->list;

	for (size_t i = 0; i < v->n; i++)
		if (desk_article_id(v->arts[i]) == id)
			view_list_set(ui, i);
}

int64_t
view_list_neighbour(struct ui *ui, int delta)
{
	struct view_list *v = ui->list;

	if (v->n == 0 || (delta < 0 && v->sel == 0) || (delta > 0 && v->sel + 1 >= v->n))
		return 0;
	view_list_set(ui, delta < 0 ? v->sel - 1 : v->sel + 1);
	return view_list_selected(ui);
}

/* Article id's index in the list (in id order), or v->n. */
static size_t
view_list_find(const struct view_list *v, int64_t id)
{
	size_t lo = 0, hi = v->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t m = desk_article_id(v->arts[mid]);

		if (m == id)
			return mid;
		if (m < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return v->n;
}

void
view_list_set_status(struct ui *ui, int64_t id, desk_status s)
{
	struct view_list *v = ui->list;
	size_t i = view_list_find(v, id);

	if (i < v->n && v->status[i] != s) {
		v->status[i] = s;
		if (i >= v->top)
			ui_dirty_line(ui, (int)(i - v->top));
	}
}

int
view_list_refresh(struct ui *ui)
{
	struct view_list *v = ui->list;
	desk_article_state *c = NULL;
	size_t n = 0;
	int rc, added = 0;

	if ((rc = desk_article_changes(&c, &n, &added, ui->d, &v->since)) != DESK_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		view_list_set_status(ui, c[i].id, c[i].status);
	free(c);
	/* New articles (an import): only then is the whole list read again. */
	return added ? view_list_reload(ui) : DESK_OK;
}

desk_status
view_list_status(struct ui *ui, int64_t id)
{
	size_t i = view_list_find(ui->list, id);

	return i < ui->list->n ? ui->list->status[i] : DESK_STATUS_ANY;
}

size_t
view_list_loads(struct ui *ui)
{
	return ui->list->loads;
}

/* The first words of article i's body, with its line ends and tabs as spaces. */
static const char *
view_list_snippet(struct ui *ui, size_t i)
{
	struct view_list *v = ui->list;
	desk_article *a = NULL;
	size_t len, bad;
	char *s;

	if (v->snippet[i])
		return v->snippet[i];
	if (desk_article_get(&a, ui->d, desk_article_id(v->arts[i])) != DESK_OK)
		return "";
	len = desk_article_body_len(a);
	if (len > VIEW_LIST_SNIPPET)
		len = VIEW_LIST_SNIPPET;
	if ((s = malloc(len + 1)) != NULL) {
		memcpy(s, desk_article_body(a), len);
		if (desk_utf8_check(s, len, &bad) != DESK_OK)
			len = bad; /* cut inside a character: end before it */
		s[len] = '\0';
		for (size_t k = 0; k < len; k++)
			if (s[k] == '\n' || s[k] == '\t')
				s[k] = ' ';
	}
	desk_article_free(a);
	v->snippet[i] = s;
	return s ? s : "";
}

/* The look of each status in the list. */
static const int view_list_status_look[] = {
    [DESK_STATUS_NEW] = UI_NEW,
    [DESK_STATUS_PROGRESS] = UI_PROGRESS,
    [DESK_STATUS_DONE] = UI_DONE,
};

static void
view_list_draw_row(struct ui *ui, int row)
{
	struct view_list *v = ui->list;
	size_t i = v->top + (size_t)row;
	const desk_article *a;
	const char *title;
	int sel, x = 0;
	desk_status st;
	attr_t at;
	short p;

	wmove(ui->body, row, 0);
	wclrtoeol(ui->body);
	if (v->n == 0 && row == 0)
		ui_draw_text(ui, ui->body, 0, 0, VIEW_LIST_EMPTY, ui->cols, UI_NORMAL);
	if (i >= v->n)
		return;
	a = v->arts[i];
	sel = i == v->sel;
	st = v->status[i];
	x += ui_draw_text(ui, ui->body, row, x, " ", 1, sel ? UI_SELECT : UI_NORMAL);
	ui_draw_text(ui, ui->body, row, x, desk_status_name(st), 8,
	             sel ? UI_SELECT : view_list_status_look[st]);
	x += 9;
	ui_draw_text(ui, ui->body, row, x, *desk_article_date(a) ? desk_article_date(a) : "-", 10,
	             sel ? UI_SELECT : UI_NORMAL);
	x += 11;
	ui_draw_text(ui, ui->body, row, x, desk_article_lang(a), 2, sel ? UI_SELECT : UI_NORMAL);
	x += 4;
	title = desk_article_title(a);
	if (*title)
		ui_draw_text(ui, ui->body, row, x, title, ui->cols - x - 1,
		             sel ? UI_SELECT : UI_NORMAL);
	else
		ui_draw_text(ui, ui->body, row, x, view_list_snippet(ui, i), ui->cols - x - 1,
		             sel ? UI_SELECT : UI_DIM);
	if (sel) { /* the cursor line is one bar across the screen */
		ui_draw_look(ui, UI_SELECT, &at, &p);
		mvwchgat(ui->body, row, 0, -1, at, p, NULL);
	}
}

static void
view_list_draw(struct ui *ui)
{
	for (int r = 0; r < ui->rows; r++)
		if (ui->dirty[r])
			view_list_draw_row(ui, r);
}

static void
view_list_draw_bar(struct ui *ui)
{
	char left[64];
	const char *ed = desk_editor(ui->d);
	int w = ui_text_width(ed) + 1;

	snprintf(left, sizeof left, " Articles %zu/%zu", view_list_index(ui), ui->list->n);
	ui_draw_text(ui, ui->bar, 0, 0, left, ui->cols - w - 1, UI_BAR);
	ui_draw_text(ui, ui->bar, 0, ui->cols - w, ed, w, UI_BAR);
}

static void
view_list_resize(struct ui *ui)
{
	view_list_scroll(ui);
	ui_dirty_body(ui);
}

static int
view_list_open(struct ui *ui)
{
	view_list_scroll(ui);
	return view_list_refresh(ui); /* the edits made in other views */
}

static void
view_list_cursor(struct ui *ui)
{
	curs_set(0);
	wmove(ui->body, (int)(ui->list->sel - ui->list->top), 0);
}

static int64_t
view_list_article(struct ui *ui)
{
	return view_list_selected(ui);
}

/* A page: the screen less one line, which stays in view. */
static size_t
view_list_page(const struct ui *ui)
{
	size_t rows = view_list_rows(ui);

	return rows > 1 ? rows - 1 : 1;
}

/* Motions: each returns the article to put the cursor on (past the end: the last). */
static size_t
view_list_to_down(struct ui *ui, int64_t n)
{
	return ui->list->sel + (size_t)n;
}

static size_t
view_list_to_up(struct ui *ui, int64_t n)
{
	size_t sel = ui->list->sel;

	return (size_t)n > sel ? 0 : sel - (size_t)n;
}

/* Pages scroll the list; the cursor keeps its line on the screen. */
static size_t
view_list_to_page_down(struct ui *ui, int64_t n)
{
	struct view_list *v = ui->list;
	size_t rows = view_list_rows(ui), rel = v->sel - v->top;
	size_t max = v->n > rows ? v->n - rows : 0;

	if (v->top >= max)
		return SIZE_MAX;
	v->top = (size_t)n * view_list_page(ui) < max - v->top
	             ? v->top + (size_t)n * view_list_page(ui)
	             : max;
	return v->top + rel;
}

static size_t
view_list_to_page_up(struct ui *ui, int64_t n)
{
	struct view_list *v = ui->list;
	size_t rel = v->sel - v->top;

	if (v->top == 0)
		return 0;
	v->top =
	    (size_t)n * view_list_page(ui) < v->top ? v->top - (size_t)n * view_list_page(ui) : 0;
	return v->top + rel;
}

static size_t
view_list_to_top(struct ui *ui, int64_t n)
{
	(void)ui;
	(void)n;
	return 0;
}

static size_t
view_list_to_bottom(struct ui *ui, int64_t n)
{
	(void)ui;
	(void)n;
	return SIZE_MAX;
}

static size_t
view_list_to_goto(struct ui *ui, int64_t n)
{
	(void)ui;
	return (size_t)n - 1;
}

static size_t (*const view_list_moves[VIEW_NMOVES])(struct ui *, int64_t) = {
    [VIEW_DOWN] = view_list_to_down,
    [VIEW_UP] = view_list_to_up,
    [VIEW_PAGE_DOWN] = view_list_to_page_down,
    [VIEW_PAGE_UP] = view_list_to_page_up,
    [VIEW_TOP] = view_list_to_top,
    [VIEW_BOTTOM] = view_list_to_bottom,
    [VIEW_GOTO] = view_list_to_goto,
};

static int
view_list_move(struct ui *ui, enum view_move m, int64_t n)
{
	struct view_list *v = ui->list;
	size_t old = v->top, to;

	if (view_list_moves[m] == NULL)
		return DESK_MISUSE;
	if (v->n == 0)
		return DESK_OK;
	to = view_list_moves[m](ui, n);
	if (v->top != old)
		ui_dirty_body(ui);
	view_list_set(ui, to >= v->n ? v->n - 1 : to);
	return DESK_OK;
}

/* Whether article i's title (or its first words, when read) holds the folded pattern. */
static int
view_list_matches(struct view_list *v, size_t i, const char *pat)
{
	const char *s = desk_article_title(v->arts[i]);
	char *f = NULL;
	int hit;

	if (*s == '\0' && v->snippet[i])
		s = v->snippet[i];
	if (desk_fold(&f, NULL, s, strlen(s)) != DESK_OK)
		return 0;
	hit = strstr(f, pat) != NULL;
	free(f);
	return hit;
}

static int
view_list_search(struct ui *ui, const char *pattern, int backward)
{
	struct view_list *v = ui->list;
	char *pat = NULL;
	size_t i = v->sel;

	if (v->n == 0)
		return ui_error(ui, "No articles to search");
	if (desk_fold(&pat, NULL, pattern, strlen(pattern)) != DESK_OK)
		return ui_error(ui, "out of memory");
	for (size_t k = 1; k <= v->n; k++) {
		i = backward ? (v->sel + v->n - k) % v->n : (v->sel + k) % v->n;
		if (view_list_matches(v, i, pat)) {
			if (backward ? i > v->sel : i <= v->sel)
				ui_message(ui, "Search wrapped around");
			view_list_set(ui, i);
			free(pat);
			return DESK_OK;
		}
	}
	free(pat);
	return ui_error(ui, "Not found in the titles: %s", pattern);
}

/* Another editor's edits: the statuses they changed. */
static void
view_list_changed(struct ui *ui)
{
	if (view_list_refresh(ui) == DESK_OK) {
		if (ui->view == views[VIEW_LIST])
			ui_dirty_body(ui);
		ui_dirty_bar(ui);
	}
}

const struct view_ops view_list_ops = {
    .name = "list",
    .new = view_list_new,
    .free = view_list_free,
    .start = view_list_reload,
    .changed = view_list_changed,
    .open = view_list_open,
    .close = NULL,
    .draw = view_list_draw,
    .draw_bar = view_list_draw_bar,
    .resize = view_list_resize,
    .motion = view_list_move,
    .search = view_list_search,
    .cursor = view_list_cursor,
    .article = view_list_article,
};
