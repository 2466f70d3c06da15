/*
 * ui_state.c - what the views and the commands change in the interface's
 * state (ui_state.h) without knowing the event loop: the lines to draw
 * again, the message line, the view on screen (by its row of the views'
 * table, views.c), a prompt opened.  The loop (ui.c) reads what they left.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui_state.h"

void
ui_dirty_line(struct ui *ui, int row)
{
	if (row >= 0 && row < ui->rows)
		ui->dirty[row] = 1;
}

void
ui_dirty_body(struct ui *ui)
{
	if (ui->dirty)
		memset(ui->dirty, 1, (size_t)ui->rows);
}

void
ui_dirty_bar(struct ui *ui)
{
	ui->dirty_bar = 1;
}

void
ui_dirty_all(struct ui *ui)
{
	ui_dirty_body(ui);
	ui->dirty_bar = ui->dirty_msg = 1;
}

static void
ui_vmessage(struct ui *ui, int error, const char *fmt, va_list ap)
{
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	ui->message_error = error;
	ui->dirty_msg = 1;
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ui_vmessage(ui, 0, fmt, ap);
	va_end(ap);
}

int
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ui_vmessage(ui, 1, fmt, ap);
	va_end(ap);
	return DESK_ERROR;
}

int
ui_switch(struct ui *ui, const struct view_ops *view)
{
	const struct view_ops *old = ui->view;
	int rc;

	if (old == view)
		return 0;
	if (old && old->close)
		old->close(ui);
	ui->view = view;
	if (view->open && (rc = view->open(ui)) != DESK_OK) {
		ui->view = old && old != view ? old : views[VIEW_HOME];
		if (ui->view->open)
			ui->view->open(ui);
		ui_dirty_all(ui);
		return rc;
	}
	ui_dirty_all(ui);
	return 0;
}

void
ui_prompt_open(struct ui *ui, int kind)
{
	lineedit_clear(&ui->edit);
	ui->prompt = kind;
	ui->prompt_cmd = NULL;
	ui->matches[0] = '\0';
	ui->dirty_msg = 1;
}

void
ui_prompt_command(struct ui *ui, const char *name, const char *offer)
{
	ui_prompt_open(ui, ':');
	ui->prompt_cmd = name;
	if (offer && lineedit_offer(&ui->edit, offer) != DESK_OK)
		lineedit_clear(&ui->edit);
}

int
ui_scroll(size_t *top, enum view_move m, int64_t n, size_t page, size_t max)
{
	size_t t = *top, k = n > 0 ? (size_t)n : 0;

	switch (m) {
	case VIEW_DOWN:
		t += k;
		break;
	case VIEW_UP:
		t = k > t ? 0 : t - k;
		break;
	case VIEW_PAGE_DOWN:
		t += k * page;
		break;
	case VIEW_PAGE_UP:
		t = k * page > t ? 0 : t - k * page;
		break;
	case VIEW_TOP:
		t = 0;
		break;
	case VIEW_BOTTOM:
		t = max;
		break;
	case VIEW_GOTO:
		t = k > 0 ? k - 1 : 0;
		break;
	default:
		return DESK_MISUSE;
	}
	*top = t > max ? max : t;
	return DESK_OK;
}
