/* menu.c - a cursor over rows (see menu.h). */
#include "menu.h"

/* How many items fit under the headers. */
static size_t
menu_rows(const struct ui *ui, const struct menu *m)
{
	return ui->rows - m->head > 0 ? (size_t)(ui->rows - m->head) : 1;
}

int
menu_row(const struct menu *m, size_t i)
{
	return m->head + (int)(i - m->top);
}

size_t
menu_item(const struct menu *m, int r)
{
	return r < m->head ? m->n : m->top + (size_t)(r - m->head);
}

int
menu_cell(struct ui *ui, int row, int x, const char *s, int w, int look)
{
	if (w > ui->cols - 1 - x)
		w = ui->cols - 1 - x;
	return w > 0 ? ui_draw_text(ui, ui->body, row, x, s, w, look) : 0;
}

void
menu_header(struct ui *ui, const char *text)
{
	attr_t a;
	short p;

	wmove(ui->body, 0, 0);
	wclrtoeol(ui->body);
	ui_draw_text(ui, ui->body, 0, 0, text, ui->cols - 1, UI_HEADING);
	ui_draw_look(ui, UI_HEADING, &a, &p);
	mvwchgat(ui->body, 0, 0, -1, a | A_UNDERLINE, p, NULL);
}

void
menu_scroll(struct ui *ui, struct menu *m)
{
	size_t rows = menu_rows(ui, m), top = m->top;

	if (m->n == 0)
		m->sel = 0;
	else if (m->sel >= m->n)
		m->sel = m->n - 1;
	if (m->sel < m->top)
		m->top = m->sel;
	if (m->sel >= m->top + rows)
		m->top = m->sel - rows + 1;
	if (m->n <= rows)
		m->top = 0;
	else if (m->top > m->n - rows)
		m->top = m->n - rows;
	if (m->top != top)
		ui_dirty_body(ui);
}

void
menu_resize(struct ui *ui, struct menu *m)
{
	menu_scroll(ui, m);
	ui_dirty_all(ui);
}

void
menu_cursor(struct ui *ui, const struct menu *m)
{
	curs_set(0);
	wmove(ui->body, menu_row(m, m->sel), 0);
}

int
menu_move(struct ui *ui, struct menu *m, enum view_move mv, int64_t n)
{
	size_t rows = menu_rows(ui, m), page = rows > 1 ? rows - 1 : 1, to = m->sel;

	switch (mv) {
	case VIEW_DOWN:
		to = m->sel + (size_t)n;
		break;
	case VIEW_UP:
		to = (size_t)n > m->sel ? 0 : m->sel - (size_t)n;
		break;
	case VIEW_PAGE_DOWN:
		to = m->sel + (size_t)n * page;
		break;
	case VIEW_PAGE_UP:
		to = (size_t)n * page > m->sel ? 0 : m->sel - (size_t)n * page;
		break;
	case VIEW_TOP:
		to = 0;
		break;
	case VIEW_BOTTOM:
		to = m->n;
		break;
	case VIEW_GOTO:
		to = (size_t)n - 1;
		break;
	default:
		return DESK_MISUSE;
	}
	ui_dirty_line(ui, menu_row(m, m->sel));
	m->sel = to;
	menu_scroll(ui, m);
	ui_dirty_line(ui, menu_row(m, m->sel));
	ui_dirty_bar(ui);
	return DESK_OK;
}
