/*
 * view_reader.c - the reader: an article wrapped at the window's width, with
 * a cursor that moves by grapheme, word and screen line (reader.c decides,
 * this file draws).  A header (the title in bold, then date, language and
 * source dimmed) comes before the body and scrolls with it.  Boilerplate is
 * dimmed or hidden; the editor's position is read on opening and written on
 * leaving.
 */
#include <stdlib.h>
#include <string.h>

#include "view_reader_state.h"

int
view_reader_new(struct ui *ui)
{
	if ((ui->reader = calloc(1, sizeof *ui->reader)) == NULL)
		return DESK_NOMEM;
	ui->reader->anchor = -1;
	return DESK_OK;
}

/* The reader's columns: the window's, or at most the reading width (:set width); *x0 the first. */
static int
view_reader_cols(const struct ui *ui, int *x0)
{
	int w = ui->width > 0 && ui->width < ui->cols ? ui->width : ui->cols;

	*x0 = ui->centre ? (ui->cols - w) / 2 : 0;
	return w;
}

static void
view_reader_unload(struct view_reader *v)
{
	if (v->loaded)
		reader_free(&v->r);
	view_tag_unload(v);
	view_claim_unload(v);
	view_hits_clear(v);
	v->anchor = -1;
	v->revealed = 0;
	free(v->title);
	v->title = NULL;
	v->loaded = 0;
	v->id = 0;
}

void
view_reader_free(struct ui *ui)
{
	if (ui->reader == NULL)
		return;
	view_reader_save(ui);
	view_reader_unload(ui->reader);
	free(ui->reader->cells);
	free(ui->reader);
	ui->reader = NULL;
}

int
view_reader_save(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	int rc;

	if (v == NULL || !v->loaded || v->r.cur == v->saved)
		return DESK_OK;
	if ((rc = desk_position_set(ui->d, v->id, v->r.cur)) != DESK_OK)
		return ui_error(ui, "the reading position was not saved: %s", desk_errmsg(ui->d));
	v->saved = v->r.cur;
	return DESK_OK;
}

/* The title for the status line: the stored one, or the body's first line. */
static char *
view_reader_title(const desk_article *a)
{
	const char *t = desk_article_title(a), *b = desk_article_body(a);
	size_t n = 0;
	char *s;

	if (*t)
		return strdup(t);
	while (b[n] && b[n] != '\n' && n < 200)
		n++;
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(s, b, n);
	if (desk_utf8_check(s, n, &n) != DESK_OK)
		s[n] = '\0'; /* cut in a character: end before it */
	s[n] = '\0';
	return s;
}

int
view_reader_show(struct ui *ui, int64_t id)
{
	struct view_reader *v = ui->reader;
	desk_article *a = NULL;
	const desk_mark *marks;
	size_t nmarks;
	int64_t pos = 0;
	int rc;

	view_reader_save(ui);
	if ((rc = desk_article_get(&a, ui->d, id)) != DESK_OK) {
		ui_error(ui, "article %lld: %s", (long long)id, desk_errmsg(ui->d));
		goto done;
	}
	view_reader_unload(v);
	marks = desk_article_marks(a, &nmarks);
	if ((rc = reader_init(&v->r, desk_article_body(a), desk_article_body_len(a), marks,
	                      nmarks)) != DESK_OK) {
		ui_error(ui, "article %lld: %s", (long long)id, desk_strerror(rc));
		goto done;
	}
	v->loaded = 1;
	v->id = id;
	v->title = view_reader_title(a);
	if ((rc = reader_set_header(&v->r, desk_article_title(a), desk_article_date(a),
	                            desk_article_lang(a), desk_article_source(a))) != DESK_OK ||
	    (rc = reader_resize(&v->r, ui->rows, view_reader_cols(ui, &v->x0))) != DESK_OK ||
	    (rc = reader_set_hide(&v->r, v->hide)) != DESK_OK) {
		ui_error(ui, "article %lld: %s", (long long)id, desk_strerror(rc));
		view_reader_unload(v);
		goto done;
	}
	if (desk_position_get(&pos, ui->d, id) != DESK_OK)
		pos = 0;
	reader_set_cursor(&v->r, pos);
	reader_cursor_to_top(&v->r);
	v->saved = pos;
	view_list_select(ui, id);
	if (view_tag_load(ui, 0) != DESK_OK)
		ui_error(ui, "spans of article %lld: %s", (long long)id, desk_errmsg(ui->d));
	if (ui->view == views[VIEW_READER])
		ui_dirty_all(ui);
	else
		rc = ui_switch(ui, views[VIEW_READER]);
done:
	desk_article_free(a);
	return rc;
}

int
view_reader_toggle_hide(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	int rc;

	v->hide = !v->hide;
	if ((rc = reader_set_hide(&v->r, v->hide)) != DESK_OK ||
	    (ui->bp_marks && (rc = view_tag_brackets(ui)) != DESK_OK))
		return ui_error(ui, "%s", desk_strerror(rc));
	ui_message(ui, v->hide ? "Boilerplate hidden (z shows it)" : "Boilerplate shown dimmed");
	ui_dirty_all(ui);
	return DESK_OK;
}

/* The look of the grapheme at cp: the cursor, a match, boilerplate, a byline. */
static int
view_reader_look(const struct view_reader *v, int64_t cp)
{
	const struct reader *r = &v->r;

	if (cp == r->cur)
		return UI_CURSOR;
	if ((cp >= r->match_start && cp < r->match_end) || view_hits_at(v, cp, 0))
		return UI_MATCH;
	if (reader_in_mark(r, cp, DESK_MARK_BOILERPLATE))
		return UI_DIM;
	if (reader_in_mark(r, cp, DESK_MARK_BYLINE))
		return UI_BYLINE;
	return UI_NORMAL;
}

static void
view_reader_draw_row(struct ui *ui, int row)
{
	struct view_reader *v = ui->reader;
	size_t line, n;
	const struct layout *l = reader_screen_line(&v->r, row, &line);
	const struct layout_line *ln;

	wmove(ui->body, row, 0);
	wclrtoeol(ui->body);
	if (l == NULL) {
		ui_draw_text(ui, ui->body, row, v->x0, "~", 1, UI_DIM); /* past the end, as in vi */
		return;
	}
	n = layout_cells(l, line, v->cells, v->ncells);
	for (size_t i = 0; i < n; i++) {
		struct layout_cell *c = &v->cells[i];
		attr_t a;
		short p;

		c->col += v->x0; /* the window's column */
		if (l != v->r.lay) {
			ui_draw_cell(ui, ui->body, row, c->col, c,
			             c->cp >= v->r.head_title    ? UI_DIM
			             : view_hits_at(v, c->cp, 1) ? UI_MATCH
			                                         : UI_TITLE);
			continue;
		}
		if (c->kind == LAYOUT_INSERT) {
			view_claim_draw_insert(ui, row,
			                       c); /* brackets and markers, each in its look */
			continue;
		}
		view_tag_look(ui, c->cp, view_reader_look(v, c->cp), &a, &p);
		view_claim_look(ui, c->cp, view_reader_look(v, c->cp), &a);
		ui_draw_cell_ap(ui, ui->body, row, c->col, c, a, p);
	}
	if (l != v->r.lay)
		return; /* the header: no cursor there */
	/* The cursor on a line's end (its LF, an empty line): a highlighted blank. */
	ln = &l->lines[line];
	if (v->r.cur == ln->end && ln->end < ln->next) {
		struct layout_cell blank = {.cp = ln->end,
		                            .end = ln->next,
		                            .width = 1,
		                            .kind = LAYOUT_GLYPH,
		                            .ncps = 1,
		                            .cps = {' '}};

		ui_draw_cell(ui, ui->body, row,
		             v->x0 + (ln->cols < v->r.cols ? ln->cols : v->r.cols - 1), &blank,
		             UI_CURSOR);
	}
}

static void
view_reader_draw(struct ui *ui)
{
	struct view_reader *v = ui->reader;

	if (v->ncells < (size_t)ui->cols) {
		free(v->cells);
		v->ncells = 0;
		if ((v->cells = malloc((size_t)ui->cols * sizeof *v->cells)) == NULL)
			return;
		v->ncells = (size_t)ui->cols;
	}
	view_tag_prepare(ui);
	for (int r = 0; r < ui->rows; r++)
		if (ui->dirty[r])
			view_reader_draw_row(ui, r);
}

static void
view_reader_draw_bar(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	char left[64], pos[64], right[256];
	int wl, wr;

	snprintf(left, sizeof left, " %zu/%zu ", view_list_index(ui), view_list_count(ui));
	reader_status(&v->r, pos, sizeof pos);
	snprintf(right, sizeof right, " %s  %s ", pos, desk_editor(ui->d));
	wl = ui_draw_text(ui, ui->bar, 0, 0, left, ui->cols, UI_BAR);
	wr = ui_text_width(right);
	if (wr > ui->cols - wl)
		wr = ui->cols - wl;
	ui_draw_text(ui, ui->bar, 0, wl, v->title ? v->title : "", ui->cols - wl - wr, UI_BAR);
	ui_draw_text(ui, ui->bar, 0, ui->cols - wr, right, wr, UI_BAR);
}

static void
view_reader_resize(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	int cols = view_reader_cols(ui, &v->x0);

	if (v->loaded && reader_resize(&v->r, ui->rows, cols) != DESK_OK)
		ui_error(ui, "out of memory");
	ui_dirty_all(ui);
}

void
view_reader_reflow(struct ui *ui)
{
	if (ui->view == views[VIEW_READER] && !ui->small)
		view_reader_resize(ui);
}

int
view_reader_nohl(struct ui *ui)
{
	struct reader *r = &ui->reader->r;

	if (!ui->reader->loaded || (r->match_start < 0 && ui->reader->hits == NULL))
		return 0;
	view_hits_clear(ui->reader);
	r->match_start = r->match_end = -1;
	ui_dirty_body(ui);
	return 1;
}

static int
view_reader_open(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	int x0;

	if (!v->loaded)
		return DESK_NOTFOUND;
	/* The size may have changed while another view was on screen. */
	if (v->r.rows != ui->rows || v->r.cols != view_reader_cols(ui, &x0) || v->x0 != x0)
		view_reader_resize(ui);
	return DESK_OK;
}

static void
view_reader_close(struct ui *ui)
{
	view_reader_save(ui);
}

static void
view_reader_cursor(struct ui *ui)
{
	struct view_reader *v = ui->reader;

	curs_set(1);
	wmove(ui->body, reader_cursor_y(&v->r), v->x0 + reader_col(&v->r));
}

static int64_t
view_reader_article(struct ui *ui)
{
	return ui->reader->id;
}

static void (*const view_reader_moves[VIEW_NMOVES])(struct reader *, int64_t) = {
    [VIEW_DOWN] = reader_down,
    [VIEW_UP] = reader_up,
    [VIEW_PAGE_DOWN] = reader_page_down,
    [VIEW_PAGE_UP] = reader_page_up,
    [VIEW_TOP] = reader_top,
    [VIEW_BOTTOM] = reader_bottom,
    [VIEW_GOTO] = reader_goto,
    [VIEW_LEFT] = reader_left,
    [VIEW_RIGHT] = reader_right,
    [VIEW_WORD_NEXT] = reader_word_next,
    [VIEW_WORD_PREV] = reader_word_prev,
    [VIEW_LINE_START] = reader_line_start,
    [VIEW_LINE_END] = reader_line_end,
};

/* After a motion: a scroll redraws the body, else only the cursor's old and new lines. */
static void
view_reader_moved(struct ui *ui, size_t top, int y)
{
	struct reader *r = &ui->reader->r;

	if (r->top != top || ui->reader->anchor >= 0) {
		ui_dirty_body(ui); /* a selection may grow over several lines */
	} else {
		ui_dirty_line(ui, y);
		ui_dirty_line(ui, reader_cursor_y(r));
	}
	ui_dirty_bar(ui);
}

static int
view_reader_move(struct ui *ui, enum view_move m, int64_t n)
{
	struct reader *r = &ui->reader->r;
	size_t top = r->top;
	int y = reader_cursor_y(r);

	if (view_reader_moves[m] == NULL)
		return DESK_MISUSE;
	view_reader_moves[m](r, n);
	view_reader_moved(ui, top, y);
	return DESK_OK;
}

static int
view_reader_search(struct ui *ui, const char *pattern, int backward)
{
	struct reader *r = &ui->reader->r;
	int wrapped, rc;

	if (view_hits_step(ui, pattern, backward))
		return DESK_OK; /* through the corpus search's matches */
	if ((rc = reader_search(r, pattern, backward, &wrapped)) == DESK_NOTFOUND)
		return ui_error(ui, "Not found: %s", pattern);
	if (rc != DESK_OK)
		return ui_error(ui, "search: %s", desk_strerror(rc));
	if (wrapped)
		ui_message(ui, backward ? "Search hit the top, went on from the bottom"
		                        : "Search hit the bottom, went on from the top");
	ui_dirty_body(ui); /* the old match's highlight goes, the new one comes */
	ui_dirty_bar(ui);
	return DESK_OK;
}

/* Another editor's edits: the article's spans and claims again. */
static void
view_reader_changed(struct ui *ui)
{
	if (view_tag_load(ui, 0) != DESK_OK)
		ui_error(ui, "%s", desk_errmsg(ui->d));
}

const struct view_ops view_reader_ops = {
    .name = "reader",
    .new = view_reader_new,
    .free = view_reader_free,
    .changed = view_reader_changed,
    .open = view_reader_open,
    .close = view_reader_close,
    .draw = view_reader_draw,
    .draw_bar = view_reader_draw_bar,
    .resize = view_reader_resize,
    .motion = view_reader_move,
    .search = view_reader_search,
    .cursor = view_reader_cursor,
    .article = view_reader_article,
};
