/*
 * view_spans.c - the reader's article's spans, one a line under column
 * headers: label (in its colour), where (code points), text, entity, author
 * and time (on a wide screen) and the words around it, so that two spans of
 * one name can be told apart.  Enter jumps to the span in the
 * reader; q goes back to it.  The spans are the reader's (view_tag.c), so an
 * edit or another editor's change shows here too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "menu.h"
#include "view_reader_state.h"

struct view_spans {
	struct menu m;
};

int
view_spans_new(struct ui *ui)
{
	if ((ui->spans = calloc(1, sizeof *ui->spans)) == NULL)
		return DESK_NOMEM;
	ui->spans->m.head = 1;
	return DESK_OK;
}

void
view_spans_free(struct ui *ui)
{
	free(ui->spans);
	ui->spans = NULL;
}

static size_t
view_spans_count(struct ui *ui)
{
	const desk_spans *s = view_tag_spans(ui);

	return s ? desk_spans_count(s) : 0;
}

/* The columns: label, where (code points), text, entity, context (and who, when wide). */
#define VIEW_SPANS_LABEL  7
#define VIEW_SPANS_AT     9
#define VIEW_SPANS_TEXT   18
#define VIEW_SPANS_ENTITY 12
#define VIEW_SPANS_BY     24 /* only from VIEW_SPANS_WIDE columns on */
#define VIEW_SPANS_WIDE   110
#define VIEW_SPANS_AROUND 12 /* code points of context on either side */

/* Append code points [a, b) of t to buf (n bytes used), white space made one space; the new n. */
static size_t
view_spans_put(char *buf, size_t size, size_t n, const desk_text *t, int64_t a, int64_t b)
{
	const char *u = desk_text_utf8(t);

	for (int64_t cp = a; cp < b; cp++) {
		size_t i = desk_text_byte(t, cp), k = desk_text_byte(t, cp + 1) - i;
		int space = u[i] == ' ' || u[i] == '\n' || u[i] == '\t' || u[i] == '\r';

		if (n + k + 1 >= size)
			break; /* never a cut code point */
		if (space && n > 0 && buf[n - 1] == ' ')
			continue;
		memcpy(buf + n, space ? " " : u + i, space ? 1 : k);
		n += space ? 1 : k;
	}
	buf[n] = '\0';
	return n;
}

/*
 * What is around the span in the article, the span itself as […], so that
 * two spans of one name can be told apart: "…tịch nước […] đón Tập Cận…".
 */
static void
view_spans_context(struct ui *ui, const desk_span *s, char *buf, size_t size)
{
	const desk_text *t = ui->reader ? ui->reader->r.text : NULL;
	int64_t len, a, b;
	size_t n = 0;

	buf[0] = '\0';
	if (t == NULL || size < 16 || s->end > (len = desk_text_len(t)) || s->start > s->end)
		return;
	a = desk_text_grapheme_start(t, s->start > VIEW_SPANS_AROUND ? s->start - VIEW_SPANS_AROUND
	                                                             : 0);
	b = s->end + VIEW_SPANS_AROUND < len
	        ? desk_text_grapheme_start(t, s->end + VIEW_SPANS_AROUND)
	        : len;
	if (a > 0)
		n += (size_t)snprintf(buf + n, size - n, "\u2026");
	n = view_spans_put(buf, size, n, t, a, s->start);
	if (n + 8 < size)
		n += (size_t)snprintf(buf + n, size - n, "[\u2026]");
	n = view_spans_put(buf, size, n, t, s->end, b);
	if (b < len && n + 4 < size)
		snprintf(buf + n, size - n, "\u2026");
}

static void
view_spans_draw_header(struct ui *ui)
{
	char h[256];

	snprintf(h, sizeof h, " %-*s %-*s %-*s %-*s %s%s", VIEW_SPANS_LABEL, "Label", VIEW_SPANS_AT,
	         "Where", VIEW_SPANS_TEXT, "Text", VIEW_SPANS_ENTITY, "Entity",
	         ui->cols >= VIEW_SPANS_WIDE ? "By, when                 " : "", "Around it");
	menu_header(ui, h);
}

static void
view_spans_draw_row(struct ui *ui, int row)
{
	struct menu *m = &ui->spans->m;
	const desk_spans *ss = view_tag_spans(ui);
	size_t i = menu_item(m, row);
	const desk_span *s;
	int x = 1, li, sel, look;
	attr_t a;
	short p;
	char buf[256];

	if (row < m->head) {
		view_spans_draw_header(ui);
		return;
	}
	wmove(ui->body, row, 0);
	wclrtoeol(ui->body);
	if (m->n == 0 && row == m->head)
		ui_draw_text(
		    ui, ui->body, row, 1,
		    "No spans yet: in the reader, a label's key tags the word under the cursor",
		    ui->cols - 1, UI_NORMAL);
	if (i >= m->n || ss == NULL)
		return;
	s = desk_spans_at(ss, i);
	sel = i == m->sel;
	look = sel ? UI_SELECT : UI_NORMAL;
	li = ui_label_index(ui, s->label);
	menu_cell(ui, row, x, s->label, VIEW_SPANS_LABEL, sel ? UI_SELECT : UI_HEADING);
	if (!sel && li >= 0)
		mvwchgat(ui->body, row, x,
		         ui_text_width(s->label) < VIEW_SPANS_LABEL ? ui_text_width(s->label)
		                                                    : VIEW_SPANS_LABEL,
		         ui->label_attr[li], ui->label_pair[li], NULL);
	x += VIEW_SPANS_LABEL + 1;
	snprintf(buf, sizeof buf, "%lld-%lld", (long long)s->start, (long long)s->end);
	menu_cell(ui, row, x, buf, VIEW_SPANS_AT, sel ? UI_SELECT : UI_DIM);
	x += VIEW_SPANS_AT + 1;
	menu_cell(ui, row, x, s->text, VIEW_SPANS_TEXT, look);
	x += VIEW_SPANS_TEXT + 1;
	menu_cell(ui, row, x, *s->entity ? s->entity : "-", VIEW_SPANS_ENTITY, look);
	x += VIEW_SPANS_ENTITY + 1;
	if (ui->cols >= VIEW_SPANS_WIDE) {
		snprintf(buf, sizeof buf, "%s %.16s", s->updated_by, s->updated_at);
		menu_cell(ui, row, x, buf, VIEW_SPANS_BY, sel ? UI_SELECT : UI_DIM);
		x += VIEW_SPANS_BY + 1;
	}
	view_spans_context(ui, s, buf, sizeof buf);
	if (x < ui->cols - 1)
		menu_cell(ui, row, x, buf, ui->cols - x - 1, sel ? UI_SELECT : UI_DIM);
	if (sel) {
		ui_draw_look(ui, UI_SELECT, &a, &p);
		mvwchgat(ui->body, row, 0, -1, a, p, NULL);
	}
}

static void
view_spans_draw(struct ui *ui)
{
	ui->spans->m.n = view_spans_count(ui); /* the reader may have read them again */
	menu_scroll(ui, &ui->spans->m);
	for (int r = 0; r < ui->rows; r++)
		if (ui->dirty[r])
			view_spans_draw_row(ui, r);
}

static void
view_spans_draw_bar(struct ui *ui)
{
	char s[96];

	snprintf(s, sizeof s, " Spans %zu/%zu  (Enter: to the span, q: back)",
	         ui->spans->m.n ? ui->spans->m.sel + 1 : 0, ui->spans->m.n);
	ui_draw_text(ui, ui->bar, 0, 0, s, ui->cols, UI_BAR);
}

static void
view_spans_resize(struct ui *ui)
{
	menu_resize(ui, &ui->spans->m);
}

static int
view_spans_open(struct ui *ui)
{
	const desk_span *cur = view_tag_span(ui);
	const desk_spans *ss = view_tag_spans(ui);
	struct menu *m = &ui->spans->m;

	m->n = view_spans_count(ui);
	/* On the span under the reader's cursor. */
	for (size_t i = 0; cur && ss && i < m->n; i++)
		if (desk_spans_at(ss, i)->id == cur->id)
			m->sel = i;
	menu_scroll(ui, m);
	return DESK_OK;
}

static void
view_spans_cursor(struct ui *ui)
{
	menu_cursor(ui, &ui->spans->m);
}

static int
view_spans_move(struct ui *ui, enum view_move mv, int64_t n)
{
	ui->spans->m.n = view_spans_count(ui);
	return menu_move(ui, &ui->spans->m, mv, n);
}

static int64_t
view_spans_article(struct ui *ui)
{
	return views[VIEW_READER]->article(ui);
}

const struct view_ops view_spans_ops = {
    .name = "spans",
    .new = view_spans_new,
    .free = view_spans_free,
    .open = view_spans_open,
    .draw = view_spans_draw,
    .draw_bar = view_spans_draw_bar,
    .resize = view_spans_resize,
    .motion = view_spans_move,
    .cursor = view_spans_cursor,
    .article = view_spans_article,
};

/* Enter in the span list: to the span. */
int
view_spans_jump(struct ui *ui)
{
	const desk_spans *ss = view_tag_spans(ui);
	struct menu *m = &ui->spans->m;
	int64_t start, id;

	if (ss == NULL || m->sel >= desk_spans_count(ss))
		return ui_error(ui, "No span here");
	start = desk_spans_at(ss, m->sel)->start;
	id = desk_spans_at(ss, m->sel)->id;
	if (ui_switch(ui, views[VIEW_READER]) != DESK_OK)
		return DESK_ERROR;
	view_tag_goto(ui, start);
	view_tag_choose(ui, id); /* x, r and e act on it, also when nested */
	return DESK_OK;
}
