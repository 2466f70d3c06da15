/*
 * view_list.c - the article list: status, date, language and title, one
 * article a line.  An article without a title shows its first words, dimmed.
 * The cursor stays on its article across the reader, reloads and other
 * editors' imports.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "listfilter.h"
#include "listwin.h"
#include "view.h"

#define VIEW_LIST_EMPTY "No articles. Import some with: copydesk import PATH"

/* How much of an untitled article's body its line shows, at most (bytes). */
#define VIEW_LIST_SNIPPET 400

/* Rows held at most (a few screens). */
#define VIEW_LIST_WINDOW 256

struct view_list_row {
	desk_article *a;    /* without its body */
	desk_status status; /* kept current by view_list_refresh() */
	char *snippet;      /* an untitled article's first words, read when first drawn */
};

/*
 * The list is the articles of a filter in its order (id, date or title);
 * only a window of it is held (rows [w.base, w.base + w.len) of w.total),
 * read a page at a time by keyset queries as the screen moves.  In id order
 * articles only ever come at the end (ids grow), so an article's index
 * stays put while others import; in the other orders an import reads the
 * list again around the cursor's article.
 */
struct view_list {
	struct view_list_row *rows; /* [w.len] */
	struct listwin w;
	struct listfilter lf;  /* what the editor set */
	desk_article_filter f; /* lf for the store (points into lf) */
	int64_t since;         /* the edit log's position the statuses are as of */
	size_t loads;          /* how many times the list was read again from scratch */
	size_t sel;            /* the cursor, an index into the whole list */
	size_t top;            /* the first article shown */
};

int
view_list_new(struct ui *ui)
{
	if ((ui->list = calloc(1, sizeof *ui->list)) == NULL)
		return DESK_NOMEM;
	ui->list->w.cap = VIEW_LIST_WINDOW;
	listfilter_init(&ui->list->lf);
	ui->list->f = listfilter_get(&ui->list->lf);
	return DESK_OK;
}

static void
view_list_row_free(struct view_list_row *r)
{
	free(r->snippet);
	desk_article_free(r->a);
}

static void
view_list_clear(struct view_list *v)
{
	for (size_t i = 0; i < v->w.len; i++)
		view_list_row_free(&v->rows[i]);
	free(v->rows);
	v->rows = NULL;
	v->w.len = 0;
	v->w.base = 0;
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

/* Row i of the list if the window holds it. */
static struct view_list_row *
view_list_row(struct view_list *v, size_t i)
{
	return i >= v->w.base && i < v->w.base + v->w.len ? &v->rows[i - v->w.base] : NULL;
}

/*
 * Read what plan p says and put it in the window: new rows after it, before
 * it, or a new window in its place.
 */
static int
view_list_read(struct ui *ui, struct listwin_plan *p)
{
	struct view_list *v = ui->list;
	struct view_list_row *rows = NULL;
	desk_article **arts = NULL;
	int64_t key = 0, total;
	size_t n = 0, drop, keep;
	int rc = DESK_OK, backward = 0;

	switch (p->read) {
	case LISTWIN_NONE:
		return DESK_OK;
	case LISTWIN_AFTER:
		key = desk_article_id(v->rows[v->w.len - 1].a);
		break;
	case LISTWIN_BEFORE:
		key = desk_article_id(v->rows[0].a);
		backward = 1;
		break;
	case LISTWIN_TOP:
		break;
	case LISTWIN_BOTTOM:
		/* The end as it is now: others may have imported since the count. */
		if ((rc = desk_article_rank(&total, ui->d, &v->f, INT64_MAX)) != DESK_OK)
			return rc;
		v->w.total = (size_t)total;
		key = INT64_MAX;
		backward = 1;
		break;
	case LISTWIN_AT:
		/* The page starts after the article before it. */
		if (p->start > 0 &&
		    (rc = desk_article_nth(&key, ui->d, &v->f, (int64_t)p->start - 1)) != DESK_OK)
			return rc;
		if (p->start > 0 && key == 0) /* the list got shorter: its end */
			return view_list_read(ui,
			                      &(struct listwin_plan){LISTWIN_BOTTOM, 0, p->count});
		break;
	}
	if ((rc = desk_article_page(&arts, &n, ui->d, &v->f, key, backward, p->count)) != DESK_OK)
		return rc;
	if (p->read == LISTWIN_AFTER || p->read == LISTWIN_BEFORE) {
		keep = v->w.len;
		if ((rows = realloc(v->rows, (keep + n) * sizeof *rows)) == NULL) {
			desk_article_list_free(arts, n);
			return DESK_NOMEM;
		}
		v->rows = rows;
		if (p->read == LISTWIN_BEFORE)
			memmove(rows + n, rows, keep * sizeof *rows);
		for (size_t i = 0; i < n; i++)
			rows[(p->read == LISTWIN_BEFORE ? 0 : keep) + i] =
			    (struct view_list_row){arts[i], desk_article_status(arts[i]), NULL};
		drop = listwin_got(&v->w, p, n);
		/* Keep the window within its size: drop the far end. */
		if (p->read == LISTWIN_AFTER) {
			for (size_t i = 0; i < drop; i++)
				view_list_row_free(&rows[i]);
			memmove(rows, rows + drop, (keep + n - drop) * sizeof *rows);
		} else {
			for (size_t i = keep + n - drop; i < keep + n; i++)
				view_list_row_free(&rows[i]);
		}
	} else {
		if (n > 0 && (rows = calloc(n, sizeof *rows)) == NULL) {
			desk_article_list_free(arts, n);
			return DESK_NOMEM;
		}
		for (size_t i = 0; i < n; i++)
			rows[i] =
			    (struct view_list_row){arts[i], desk_article_status(arts[i]), NULL};
		view_list_clear(v);
		v->rows = rows;
		listwin_got(&v->w, p, n);
	}
	free(arts); /* the articles now belong to the rows */
	return DESK_OK;
}

/* Hold rows [lo, hi) of the list, reading what is missing. */
static int
view_list_hold(struct ui *ui, size_t lo, size_t hi)
{
	struct listwin_plan p = listwin_plan(&ui->list->w, lo, hi);

	return view_list_read(ui, &p);
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
	size_t rows = view_list_rows(ui), top = v->top, n = v->w.total;

	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + rows)
		v->top = v->sel - rows + 1;
	if (n <= rows)
		v->top = 0;
	else if (v->top > n - rows)
		v->top = n - rows;
	if (v->top != top)
		ui_dirty_body(ui);
	if (view_list_hold(ui, v->top, v->top + rows) != DESK_OK)
		ui_error(ui, "%s", desk_errmsg(ui->d));
}

/* Move the cursor to article i, drawing again only the two lines that change. */
static void
view_list_set(struct ui *ui, size_t i)
{
	struct view_list *v = ui->list;

	if (v->w.total == 0)
		return;
	if (i >= v->w.total)
		i = v->w.total - 1;
	ui_dirty_line(ui, (int)(v->sel - v->top));
	v->sel = i;
	view_list_scroll(ui);
	ui_dirty_line(ui, (int)(v->sel - v->top));
	ui_dirty_bar(ui);
}

/* Article id's row in the window (in the list's order, not id order), or NULL. */
static struct view_list_row *
view_list_find(const struct view_list *v, int64_t id)
{
	for (size_t i = 0; i < v->w.len; i++)
		if (desk_article_id(v->rows[i].a) == id)
			return &v->rows[i];
	return NULL;
}

/* Article id's index in the list, or the list's size when it is not there. */
static int
view_list_index_of(size_t *out, struct ui *ui, int64_t id)
{
	struct view_list *v = ui->list;
	struct view_list_row *r = view_list_find(v, id);
	int64_t rank, at;
	int rc;

	if (r) {
		*out = v->w.base + (size_t)(r - v->rows);
		return DESK_OK;
	}
	*out = v->w.total;
	if (id <= 0 || (rc = desk_article_rank(&rank, ui->d, &v->f, id)) != DESK_OK)
		return id <= 0 ? DESK_OK : rc;
	if ((size_t)rank >= v->w.total)
		return DESK_OK;
	if (v->f.sort != DESK_SORT_ID) {
		/* The article at that rank is id only if id is in the list. */
		if ((rc = desk_article_nth(&at, ui->d, &v->f, rank)) != DESK_OK)
			return rc;
		if (at == id)
			*out = (size_t)rank;
	} else {
		desk_article **a = NULL;
		size_t n = 0;

		if ((rc = desk_article_page(&a, &n, ui->d, &v->f, id - 1, 0, 1)) != DESK_OK)
			return rc;
		if (n == 1 && desk_article_id(a[0]) == id)
			*out = (size_t)rank;
		desk_article_list_free(a, n);
	}
	return DESK_OK;
}

int
view_list_reload(struct ui *ui)
{
	struct view_list *v = ui->list;
	int64_t id = view_list_selected(ui), total;
	size_t rel = v->sel - v->top, sel = v->sel;
	desk_article_state *none = NULL;
	int64_t since = -1;
	size_t nnone = 0;
	int rc, added;

	/* The log's position first: an edit between the two is read again, not lost. */
	if ((rc = desk_article_changes(&none, &nnone, &added, ui->d, &since)) != DESK_OK ||
	    (rc = desk_article_rank(&total, ui->d, &v->f, INT64_MAX)) != DESK_OK)
		return rc;
	view_list_clear(v);
	v->w.total = (size_t)total;
	v->since = since;
	v->loads++;
	/* The same article if it is still there, else the one now in its place. */
	if (id != 0 && (rc = view_list_index_of(&sel, ui, id)) == DESK_OK && sel >= v->w.total)
		sel = v->sel;
	v->sel = v->w.total == 0 ? 0 : sel < v->w.total ? sel : v->w.total - 1;
	v->top = v->sel > rel ? v->sel - rel : 0;
	view_list_scroll(ui);
	ui_dirty_body(ui);
	ui_dirty_bar(ui);
	return DESK_OK;
}

int64_t
view_list_selected(struct ui *ui)
{
	struct view_list_row *r = view_list_row(ui->list, ui->list->sel);

	return r ? desk_article_id(r->a) : 0;
}

size_t
view_list_index(struct ui *ui)
{
	return ui->list->w.total ? ui->list->sel + 1 : 0;
}

size_t
view_list_count(struct ui *ui)
{
	return ui->list->w.total;
}

void
view_list_select(struct ui *ui, int64_t id)
{
	size_t i;

	if (view_list_index_of(&i, ui, id) == DESK_OK && i < ui->list->w.total)
		view_list_set(ui, i);
}

int64_t
view_list_neighbour(struct ui *ui, int delta)
{
	struct view_list *v = ui->list;

	if (v->w.total == 0 || (delta < 0 && v->sel == 0) ||
	    (delta > 0 && v->sel + 1 >= v->w.total))
		return 0;
	view_list_set(ui, delta < 0 ? v->sel - 1 : v->sel + 1);
	return view_list_selected(ui);
}

void
view_list_set_status(struct ui *ui, int64_t id, desk_status s)
{
	struct view_list *v = ui->list;
	struct view_list_row *r = view_list_find(v, id);
	size_t i;

	/* Outside the window there is nothing to change: it is read fresh when shown. */
	if (r && r->status != s) {
		r->status = s;
		i = v->w.base + (size_t)(r - v->rows);
		if (i >= v->top)
			ui_dirty_line(ui, (int)(i - v->top));
	}
}

int
view_list_refresh(struct ui *ui)
{
	struct view_list *v = ui->list;
	desk_article_state *c = NULL;
	int64_t total;
	size_t n = 0;
	int rc, added = 0, end;

	if ((rc = desk_article_changes(&c, &n, &added, ui->d, &v->since)) != DESK_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		view_list_set_status(ui, c[i].id, c[i].status);
	free(c);
	/*
	 * A status filter: a changed article may leave or join the list.  Another
	 * order: new articles land anywhere.  Read the list again around the cursor.
	 */
	if ((n > 0 && v->f.status != DESK_STATUS_ANY) || (added && v->f.sort != DESK_SORT_ID))
		return view_list_reload(ui);
	/* New articles (an import) come at the end: only the count changes. */
	if (!added)
		return DESK_OK;
	if ((rc = desk_article_rank(&total, ui->d, &v->f, INT64_MAX)) != DESK_OK)
		return rc;
	end = v->w.base + v->w.len == v->w.total;
	v->w.total = (size_t)total;
	v->loads++;
	/* A window that held the end reads on into the new articles while it has room. */
	if (end && v->w.len > 0 &&
	    (rc = view_list_hold(ui, v->w.base,
	                         v->w.base + v->w.cap < v->w.total ? v->w.base + v->w.cap
	                                                           : v->w.total)) != DESK_OK)
		return rc;
	view_list_scroll(ui);
	ui_dirty_body(ui);
	ui_dirty_bar(ui);
	return DESK_OK;
}

desk_status
view_list_status(struct ui *ui, int64_t id)
{
	struct view_list_row *r = view_list_find(ui->list, id);

	return r ? r->status : DESK_STATUS_ANY;
}

size_t
view_list_loads(struct ui *ui)
{
	return ui->list->loads;
}

/* The first words of row r's article body, with its line ends and tabs as spaces. */
static const char *
view_list_snippet(struct ui *ui, struct view_list_row *r)
{
	desk_article *a = NULL;
	size_t len, bad;
	char *s;

	if (r->snippet)
		return r->snippet;
	if (desk_article_get(&a, ui->d, desk_article_id(r->a)) != DESK_OK)
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
	r->snippet = s;
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
	struct view_list_row *r = view_list_row(v, i);
	const desk_article *a;
	const char *title;
	int sel, x = 0;
	desk_status st;
	attr_t at;
	short p;

	wmove(ui->body, row, 0);
	wclrtoeol(ui->body);
	if (v->w.total == 0 && row == 0)
		ui_draw_text(ui, ui->body, 0, 0, VIEW_LIST_EMPTY, ui->cols, UI_NORMAL);
	if (r == NULL)
		return;
	a = r->a;
	sel = i == v->sel;
	st = r->status;
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
		ui_draw_text(ui, ui->body, row, x, view_list_snippet(ui, r), ui->cols - x - 1,
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
	char left[256], filter[192];
	const char *ed = desk_editor(ui->d);
	int w = ui_text_width(ed) + 1;

	/* Where the cursor is, how many the list holds, its order and its filter. */
	listfilter_describe(&ui->list->lf, filter, sizeof filter);
	snprintf(left, sizeof left, " Articles %zu/%zu%s%s%s%s", view_list_index(ui),
	         ui->list->w.total, ui->list->lf.sort != DESK_SORT_ID ? " by " : "",
	         ui->list->lf.sort != DESK_SORT_ID ? desk_article_sort_name(ui->list->lf.sort) : "",
	         *filter ? " | " : "", filter);
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
	size_t max = v->w.total > rows ? v->w.total - rows : 0;

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
	if (v->w.total == 0)
		return DESK_OK;
	to = view_list_moves[m](ui, n);
	if (v->top != old)
		ui_dirty_body(ui);
	view_list_set(ui, to >= v->w.total ? v->w.total - 1 : to);
	return DESK_OK;
}

int
view_list_set_filter(struct ui *ui, const struct listfilter *lf, char *err, size_t errlen)
{
	struct view_list *v = ui->list;
	struct listfilter old = v->lf;
	int rc;

	v->lf = *lf;
	v->f = listfilter_get(&v->lf);
	if ((rc = view_list_reload(ui)) != DESK_OK) {
		/* The failure's message, before the old list is read again. */
		snprintf(err, errlen, "%s", desk_errmsg(ui->d));
		v->lf = old;
		v->f = listfilter_get(&v->lf);
		view_list_reload(ui);
	}
	return rc;
}

const struct listfilter *
view_list_filter(struct ui *ui)
{
	return &ui->list->lf;
}

int
view_list_date(struct ui *ui, const char *date)
{
	struct view_list *v = ui->list;
	int64_t i;
	int rc;

	if ((rc = desk_article_date_index(&i, ui->d, &v->f, date)) != DESK_OK)
		return rc;
	if (v->w.total > 0)
		view_list_set(ui, (size_t)i < v->w.total ? (size_t)i : v->w.total - 1);
	return DESK_OK;
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
    .search = view_search_corpus, /* `/` searches the corpus (view_search.c) */
    .cursor = view_list_cursor,
    .article = view_list_article,
};
