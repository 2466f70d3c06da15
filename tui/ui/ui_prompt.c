/*
 * ui_prompt.c - the `:` (command) and `/` (search) prompts on the message
 * line: keys go to the line editor (lineedit.c), Enter runs the line, Up and
 * Down browse the prompt's history (prompthist.c), Tab completes a command's
 * name or argument.  A prompt opened for one command (e's link) shows the
 * command as a fixed label: the line is its argument only.
 */
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "keymap.h"
#include "layout.h"
#include "ui_cmds.h"
#include "ui_state.h"
#include "view_claim.h"

/* The history of the prompt kind, or NULL (the evidence form has none). */
static struct prompthist *
ui_prompt_hist(struct ui *ui, int kind)
{
	if (kind == ':' && ui->prompt_cmd == NULL)
		return &ui->hist[0];
	if (kind == '/')
		return &ui->hist[1];
	return NULL;
}

/* Run the accepted line: a command, or a search (an empty one repeats the last). */
static void
ui_prompt_run(struct ui *ui, int kind, const char *cmd)
{
	char *line = strdup(ui->edit.buf ? ui->edit.buf : "");
	struct prompthist *h = ui_prompt_hist(ui, kind);

	if (line == NULL) {
		ui_error(ui, "out of memory");
		return;
	}
	if (h)
		prompthist_add(h, line);
	if (kind == VIEW_EVIDENCE_PROMPT)
		view_evidence_accept(ui, line); /* the next field, or the evidence added */
	else if (kind == ':' && cmd && *line == '\0')
		ui_message(ui, "Cancelled: %s needs something typed", cmd);
	else if (kind == ':' && cmd)
		ui_cmds_run(ui, cmd, line);
	else if (kind == ':')
		ui_cmds_run_line(ui, line);
	else if (*line)
		ui_cmds_run(ui, "search", line);
	else
		ui_cmds_run(ui, "search-next", NULL);
	free(line);
}

/* Up and Down: the line from the history, if there is one that way. */
static void
ui_prompt_browse(struct ui *ui, struct prompthist *h, int older)
{
	const char *s = older ? prompthist_older(h, ui->edit.buf) : prompthist_newer(h);

	if (s == NULL)
		return;
	lineedit_clear(&ui->edit);
	lineedit_insert(&ui->edit, s, strlen(s));
}

/* Tab: complete the word before the cursor; several matches are listed on the status line. */
static void
ui_prompt_complete(struct ui *ui)
{
	char out[512];
	size_t n;

	if (ui->prompt != ':' || ui->edit.cursor != ui->edit.len)
		return;
	n = ui_cmds_complete(ui, ui->prompt_cmd, ui->edit.buf ? ui->edit.buf : "", out, sizeof out,
	                     ui->matches, sizeof ui->matches);
	if (n == 0) {
		snprintf(ui->matches, sizeof ui->matches, "no match");
	} else {
		lineedit_clear(&ui->edit);
		lineedit_insert(&ui->edit, out, strlen(out));
	}
	if (n == 1)
		ui->matches[0] = '\0';
	ui->dirty_bar = 1;
}

void
ui_prompt_key(struct ui *ui, int key)
{
	int kind = ui->prompt, r;
	const char *cmd = ui->prompt_cmd;
	struct prompthist *h = ui_prompt_hist(ui, kind);

	ui->dirty_msg = 1;
	if (ui->matches[0]) {
		ui->matches[0] = '\0';
		ui->dirty_bar = 1;
	}
	if (h && (key == KEYMAP_UP || key == KEYMAP_DOWN)) {
		ui_prompt_browse(ui, h, key == KEYMAP_UP);
		return;
	}
	if (key == '\t') {
		ui_prompt_complete(ui);
		return;
	}
	if ((r = lineedit_key(&ui->edit, key)) == LINEEDIT_CONTINUE) {
		if (kind == '/') /* the corpus search narrows as the line is typed */
			view_search_live(ui, ui->edit.buf ? ui->edit.buf : "");
		return;
	}
	ui->prompt = 0;
	ui->prompt_cmd = NULL;
	if (h)
		prompthist_reset(h);
	if (r == LINEEDIT_ACCEPT)
		ui_prompt_run(ui, kind, cmd);
	else if (kind == VIEW_EVIDENCE_PROMPT)
		view_evidence_cancel(ui);
	else if (kind == '/')
		view_search_cancel(ui);
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
	} else if (ui->prompt_cmd) {
		/* ":link " as a label: the command is not part of the line edited. */
		char label[64];

		snprintf(label, sizeof label, ":%s ", ui->prompt_cmd);
		x = ui_draw_text(ui, ui->msg, 0, 0, label, ui->cols / 2, UI_HEADING);
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
		ui_draw_cell(ui, ui->msg, 0, x + cells[i].col, &cells[i],
		             ui->edit.offered ? UI_SELECT : UI_NORMAL);
done:
	wmove(ui->msg, 0, x + (col < width ? col : width));
	free(cells);
	layout_free(l);
	desk_text_free(t);
}

/* --- The histories and settings between runs ------------------------------ */

/* The file NAME beside the default database, its directories made when make. */
static char *
ui_prompt_path(const char *name, int make)
{
	char *path = datadir_path(name);

	if (path != NULL && make && datadir_mkdirs(path) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

#define UI_PROMPT_STATE "interface"

void
ui_prompt_load(struct ui *ui)
{
	char *path = ui_prompt_path(UI_PROMPT_STATE, 0);
	struct prompthist set;
	FILE *f = path ? fopen(path, "r") : NULL;

	free(path);
	if (f == NULL)
		return;
	prompthist_read(&ui->hist[0], f, ':');
	rewind(f);
	prompthist_read(&ui->hist[1], f, '/');
	rewind(f);
	prompthist_init(&set);
	prompthist_read(&set, f, '=');
	fclose(f);
	/* Settings (:set), quietly: a bad one from an older version is passed over. */
	for (size_t i = 0; i < set.n; i++)
		ui_cmds_set_quiet(ui, set.lines[i]);
	prompthist_free(&set);
}

void
ui_prompt_save(struct ui *ui)
{
	char *path = ui_prompt_path(UI_PROMPT_STATE, 1), *tmp = NULL;
	FILE *f = NULL;

	if (path == NULL || (tmp = malloc(strlen(path) + 5)) == NULL)
		goto done;
	sprintf(tmp, "%s.new", path);
	if ((f = fopen(tmp, "w")) == NULL)
		goto done;
	prompthist_write(&ui->hist[0], f, ':');
	prompthist_write(&ui->hist[1], f, '/');
	fprintf(f, "=width=%d\n=align=%s\n", ui->width, ui->centre ? "centre" : "left");
	if (fclose(f) == 0)
		rename(tmp, path);
	else
		remove(tmp);
done:
	free(path);
	free(tmp);
}

void
ui_prompt_draw_over(struct ui *ui)
{
	view_evidence_draw_reason(ui);
}

void
ui_prompt_end(struct ui *ui)
{
	view_evidence_cancel(ui);
}
