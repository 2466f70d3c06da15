/*
 * ui_prompt.c - the `:` (command) and `/` (search) prompts on the message
 * line: keys go to the line editor (lineedit.c), Enter runs the line.
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "ui_cmds.h"
#include "ui_state.h"
#include "view_claim.h"

void
ui_prompt_open(struct ui *ui, int kind)
{
	lineedit_clear(&ui->edit);
	ui->prompt = kind;
	ui->dirty_msg = 1;
}

/* Run the accepted line: a command, or a search (an empty one repeats the last). */
static void
ui_prompt_run(struct ui *ui, int kind)
{
	char *line = strdup(ui->edit.buf ? ui->edit.buf : "");

	if (line == NULL) {
		ui_error(ui, "out of memory");
		return;
	}
	if (kind == VIEW_EVIDENCE_PROMPT)
		view_evidence_accept(ui, line); /* the next field, or the evidence added */
	else if (kind == ':')
		ui_cmds_run_line(ui, line);
	else if (*line)
		ui_cmds_run(ui, "search", line);
	else
		ui_cmds_run(ui, "search-next", NULL);
	free(line);
}

void
ui_prompt_key(struct ui *ui, int key)
{
	int kind = ui->prompt, r;

	ui->dirty_msg = 1;
	if ((r = lineedit_key(&ui->edit, key)) == LINEEDIT_CONTINUE)
		return;
	ui->prompt = 0;
	if (r == LINEEDIT_ACCEPT)
		ui_prompt_run(ui, kind);
	else if (kind == VIEW_EVIDENCE_PROMPT)
		view_evidence_cancel(ui);
}

void
ui_prompt_draw(struct ui *ui)
{
	struct layout_cell *cells = NULL;
	struct layout *l = NULL;
	desk_text *t = NULL;
	int width = ui->cols - 2, col = 0, x = 1;
	size_t row, n;

	if (ui->prompt == VIEW_EVIDENCE_PROMPT) {
		/* The form's field: "Quote: "; after a refusal (its reason above, whole) "Quote
		 * again: ". */
		const char *error, *label = view_evidence_label(ui, &error);
		int look = error ? UI_ERROR : UI_HEADING;

		x = 0;
		x += ui_draw_text(ui, ui->msg, 0, x, label, ui->cols / 2, look);
		x += ui_draw_text(ui, ui->msg, 0, x, error ? " again: " : ": ", 8, look);
		width = ui->cols - x - 1;
	} else {
		mvwaddch(ui->msg, 0, 0, (chtype)ui->prompt);
	}
	if (width < 1 || lineedit_layout(&ui->edit, width, &t, &l, &row, &col) != DESK_OK ||
	    l == NULL || (cells = malloc((size_t)width * sizeof *cells)) == NULL)
		goto done;
	/* A line longer than the screen shows the screenful that holds the cursor. */
	n = layout_cells(l, row, cells, (size_t)width);
	for (size_t i = 0; i < n; i++)
		ui_draw_cell(ui, ui->msg, 0, x + cells[i].col, &cells[i], UI_NORMAL);
done:
	wmove(ui->msg, 0, x + (col < width ? col : width));
	free(cells);
	layout_free(l);
	desk_text_free(t);
}
