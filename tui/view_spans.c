/*
 * view_spans.c - the reader's article's spans, one a line: label (in its
 * colour), text, entity, author and time.  Enter jumps to the span in the
 * reader; q goes back to it.  The spans are the reader's (view_tag.c), so an
 * edit or another editor's change shows here too.
 */
#include <stdio.h>
#include <stdlib.h>

#include "menu.h"

struct view_spans {
	struct menu m;
};

int
view_spans_new(struct ui *ui)
{
	return (ui->spans = calloc(1, sizeof *ui->spans)) ? DESK_OK : DESK_NOMEM;
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

static void
view_spans_draw_row(struct ui *ui, int row)
{
	struct menu *m = &ui->spans->m;
	const desk_spans *ss = view_tag_spans(ui);
	size_t i = m->top + (size_t)row;
	const desk_span *s;
	int x = 1, li, sel;
	attr_t a;
	short p;
	char when[32];

	wmove(ui->body, row, 0);
	wclrtoeol(ui->body);
	if (m->n == 0 && row == 0)
		ui_draw_text(
		    ui, ui->body, 0, 1,
		    "No spans yet: in the reader, a label's key tags the word under the cursor",
		    ui->cols - 1, UI_NORMAL);
	if (i >= m->n || ss == NULL)
		return;
	s = desk_spans_at(ss, i);
	sel = i == m->sel;
	li = ui_label_index(ui, s->label);
	ui_draw_text(ui, ui->body, row, x, s->label, 7, sel ? UI_SELECT : UI_HEADING);
	if (!sel && li >= 0)
		mvwchgat(ui->body, row, x,
		         ui_text_width(s->label) < 7 ? ui_text_width(s->label) : 7,
		         ui->label_attr[li], ui->label_pair[li], NULL);
	x += 8;
	ui_draw_text(ui, ui->body, row, x, s->text, 30, sel ? UI_SELECT : UI_NORMAL);
	x += 31;
	ui_draw_text(ui, ui->body, row, x, *s->entity ? s->entity : "-", 16,
	             sel ? UI_SELECT : UI_NORMAL);
	x += 17;
	snprintf(when, sizeof when, "%s %.16s", s->updated_by, s->updated_at);
	ui_draw_text(ui, ui->body, row, x, when, ui->cols - x - 1, sel ? UI_SELECT : UI_DIM);
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
	return view_reader_ops.article(ui);
}

const struct view_ops view_spans_ops = {
    .name = "spans",
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
	if (ui_switch(ui, &view_reader_ops) != DESK_OK)
		return DESK_ERROR;
	view_tag_goto(ui, start);
	view_tag_choose(ui, id); /* x, r and e act on it, also when nested */
	return DESK_OK;
}
