/*
 * view_help.c - every key of every view and every command, generated from the
 * keymap and the command table (keymap_describe), wrapped at the window's
 * width, each description's continuation lines hanging under its column.  It
 * scrolls; / searches it; q returns to the view it came from.
 */
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "layout.h"
#include "view.h"

struct view_help {
	char *buf; /* the text, one entry a line */
	size_t len, cap;
	size_t *heads; /* byte offsets of the headings' lines */
	size_t nheads, capheads;
	int *hang; /* per line of buf: the column its description starts at (0: none) */
	size_t nhang, caphang;
	int failed; /* out of memory while building */
	desk_text *text;
	struct layout *lay; /* at ui->cols */
	size_t top;
	int64_t match_start, match_end;
	struct layout_cell *cells;
};

/* Note the hang of the next line of buf. */
static void
view_help_hang(struct view_help *h, int cols)
{
	if (h->nhang == h->caphang) {
		int *p = realloc(h->hang, (h->caphang = h->caphang * 2 + 64) * sizeof *p);

		if (p == NULL) {
			h->failed = 1;
			return;
		}
		h->hang = p;
	}
	h->hang[h->nhang++] = cols;
}

/* The column where line's description (help, its end) starts. */
static int
view_help_desc_col(char *line, const char *help)
{
	size_t n = strlen(line), k = strlen(help);
	int cols;
	char c;

	if (k > n || strcmp(line + n - k, help) != 0)
		return 0; /* cut short by the buffer */
	c = line[n - k];
	line[n - k] = '\0';
	cols = ui_text_width(line);
	line[n - k] = c;
	return cols;
}

static void
view_help_add(void *ctx, const char *view, const char *keys, const char *command, const char *help)
{
	struct view_help *h = ctx;
	char line[1024];
	int n = keymap_format(line, sizeof line, view, keys, command, help);
	size_t need = (size_t)(n < 0 ? 0 : n) + 3;

	if (h->failed)
		return;
	if (keys == NULL && h->len > 0) {
		need++;
		view_help_hang(h, 0); /* the blank line before a heading */
	}
	view_help_hang(h, keys == NULL ? 0 : view_help_desc_col(line, help));
	if (h->failed)
		return;
	if (h->len + need > h->cap) {
		char *b = realloc(h->buf, h->cap = (h->len + need) * 2);

		if (b == NULL) {
			h->failed = 1;
			return;
		}
		h->buf = b;
	}
	if (keys == NULL) {
		if (h->len > 0)
			h->buf[h->len++] = '\n';
		if (h->nheads == h->capheads) {
			size_t *p =
			    realloc(h->heads, (h->capheads = h->capheads * 2 + 8) * sizeof *p);

			if (p == NULL) {
				h->failed = 1;
				return;
			}
			h->heads = p;
		}
		h->heads[h->nheads++] = h->len;
	}
	memcpy(h->buf + h->len, line, strlen(line));
	h->len += strlen(line);
	h->buf[h->len++] = '\n';
	h->buf[h->len] = '\0';
}

int
view_help_new(struct ui *ui)
{
	struct view_help *h = calloc(1, sizeof *h);
	int rc = DESK_NOMEM;

	if ((ui->help = h) == NULL)
		return rc;
	h->match_start = h->match_end = -1;
	view_help_add(h, "", NULL, NULL, "Keys (q leaves the help; :help opens it)");
	keymap_describe(view_help_add, h);
	if (h->failed)
		return rc;
	return desk_text_new(&h->text, h->buf, h->len);
}

void
view_help_free(struct ui *ui)
{
	struct view_help *h = ui->help;

	if (h == NULL)
		return;
	layout_free(h->lay);
	desk_text_free(h->text);
	free(h->buf);
	free(h->heads);
	free(h->hang);
	free(h->cells);
	free(h);
	ui->help = NULL;
}

static size_t
view_help_maxtop(const struct ui *ui)
{
	size_t n = ui->help->lay->nlines, rows = (size_t)ui->rows;

	return n > rows ? n - rows : 0;
}

static void
view_help_resize(struct ui *ui)
{
	struct view_help *h = ui->help;
	struct layout *l = NULL;
	struct layout_cell *cells;

	if (h->lay && h->lay->width == ui->cols && h->cells) {
		ui_dirty_all(ui);
		return;
	}
	if (layout_new_hang(&l, h->text, ui->cols, NULL, 0, LAYOUT_WORDS, h->hang, h->nhang) !=
	        DESK_OK ||
	    (cells = realloc(h->cells, (size_t)ui->cols * sizeof *cells)) == NULL) {
		layout_free(l);
		ui_error(ui, "out of memory");
		return;
	}
	layout_free(h->lay);
	h->lay = l;
	h->cells = cells;
	if (h->top > view_help_maxtop(ui))
		h->top = view_help_maxtop(ui);
	ui_dirty_all(ui);
}

static int
view_help_open(struct ui *ui)
{
	view_help_resize(ui);
	return ui->help->lay ? DESK_OK : DESK_NOMEM;
}

/* Whether screen line row starts a heading's line. */
static int
view_help_heading(const struct view_help *h, size_t row)
{
	size_t byte = desk_text_byte(h->text, h->lay->lines[row].start);

	for (size_t i = 0; i < h->nheads; i++)
		if (h->heads[i] == byte)
			return 1;
	return 0;
}

static void
view_help_draw(struct ui *ui)
{
	struct view_help *h = ui->help;

	for (int r = 0; r < ui->rows; r++) {
		size_t line = h->top + (size_t)r, n;
		int heading;

		if (!ui->dirty[r])
			continue;
		wmove(ui->body, r, 0);
		wclrtoeol(ui->body);
		if (line >= h->lay->nlines)
			continue;
		heading = view_help_heading(h, line);
		n = layout_cells(h->lay, line, h->cells, (size_t)ui->cols);
		for (size_t i = 0; i < n; i++) {
			int64_t cp = h->cells[i].cp;
			int look = cp >= h->match_start && cp < h->match_end ? UI_MATCH
			           : heading                                 ? UI_HEADING
			                                                     : UI_NORMAL;

			ui_draw_cell(ui, ui->body, r, h->cells[i].col, &h->cells[i], look);
		}
	}
}

static void
view_help_draw_bar(struct ui *ui)
{
	struct view_help *h = ui->help;
	size_t lines = h->lay->nlines, last = h->top + (size_t)ui->rows;
	char s[128];

	snprintf(s, sizeof s, " Help  %zu%%  (copydesk %s)",
	         (last > lines ? lines : last) * 100 / lines, desk_version());
	ui_draw_text(ui, ui->bar, 0, 0, s, ui->cols, UI_BAR);
}

static void
view_help_cursor(struct ui *ui)
{
	curs_set(0);
	wmove(ui->body, 0, 0);
}

/* Motions scroll: each gives the new first line (past the end: the last possible). */
static size_t
view_help_to_down(struct ui *ui, int64_t n)
{
	return ui->help->top + (size_t)n;
}

static size_t
view_help_to_up(struct ui *ui, int64_t n)
{
	return (size_t)n > ui->help->top ? 0 : ui->help->top - (size_t)n;
}

static size_t
view_help_to_page_down(struct ui *ui, int64_t n)
{
	return view_help_to_down(ui, n * (ui->rows > 1 ? ui->rows - 1 : 1));
}

static size_t
view_help_to_page_up(struct ui *ui, int64_t n)
{
	return view_help_to_up(ui, n * (ui->rows > 1 ? ui->rows - 1 : 1));
}

static size_t
view_help_to_top(struct ui *ui, int64_t n)
{
	(void)ui;
	(void)n;
	return 0;
}

static size_t
view_help_to_bottom(struct ui *ui, int64_t n)
{
	(void)n;
	return view_help_maxtop(ui);
}

static size_t
view_help_to_goto(struct ui *ui, int64_t n)
{
	(void)ui;
	return (size_t)n - 1;
}

static size_t (*const view_help_moves[VIEW_NMOVES])(struct ui *, int64_t) = {
    [VIEW_DOWN] = view_help_to_down,
    [VIEW_UP] = view_help_to_up,
    [VIEW_PAGE_DOWN] = view_help_to_page_down,
    [VIEW_PAGE_UP] = view_help_to_page_up,
    [VIEW_TOP] = view_help_to_top,
    [VIEW_BOTTOM] = view_help_to_bottom,
    [VIEW_GOTO] = view_help_to_goto,
};

static void
view_help_scroll(struct ui *ui, size_t top)
{
	struct view_help *h = ui->help;

	if (top > view_help_maxtop(ui))
		top = view_help_maxtop(ui);
	if (top != h->top) {
		h->top = top;
		ui_dirty_body(ui);
		ui_dirty_bar(ui);
	}
}

static int
view_help_move(struct ui *ui, enum view_move m, int64_t n)
{
	if (view_help_moves[m] == NULL)
		return DESK_MISUSE;
	view_help_scroll(ui, view_help_moves[m](ui, n));
	return DESK_OK;
}

static int
view_help_search(struct ui *ui, const char *pattern, int backward)
{
	struct view_help *h = ui->help;
	int flags = DESK_FIND_FOLD | (backward ? DESK_FIND_BACKWARD : 0);
	int64_t from, s, e;
	int wrapped = 0;
	size_t row;

	/* From the match shown, else from the screen's first line. */
	from = h->match_start >= 0 ? h->match_start : h->lay->lines[h->top].start;
	if (!backward)
		from = desk_text_next_grapheme(h->text, from);
	if (desk_text_find(h->text, pattern, from, flags, &s, &e) != DESK_OK) {
		wrapped = 1;
		if (desk_text_find(h->text, pattern, backward ? desk_text_len(h->text) : 0, flags,
		                   &s, &e) != DESK_OK)
			return ui_error(ui, "Not found: %s", pattern);
	}
	if (wrapped)
		ui_message(ui, "Search wrapped around");
	h->match_start = s;
	h->match_end = e;
	row = layout_row(h->lay, s);
	if (row < h->top || row >= h->top + (size_t)ui->rows)
		view_help_scroll(ui, row > 2 ? row - 2 : 0);
	ui_dirty_body(ui);
	return DESK_OK;
}

const struct view_ops view_help_ops = {
    .name = "help",
    .new = view_help_new,
    .free = view_help_free,
    .open = view_help_open,
    .close = NULL,
    .draw = view_help_draw,
    .draw_bar = view_help_draw_bar,
    .resize = view_help_resize,
    .motion = view_help_move,
    .search = view_help_search,
    .cursor = view_help_cursor,
    .article = NULL,
};
