/*
 * ui_cmds_tag.c - the tagging commands (rows of ui_cmds.h): tag, untag,
 * relabel, link, the selection, span motions, suggestions, undo and redo,
 * and the span and entity screens.  Each edit is one core
 * call, committed when the key is pressed; the views show it afterwards.
 */
#include <stdlib.h>
#include <string.h>

#include "ui_cmds.h"
#include "view.h"

/*
 * The label the argument names, as the database spells it ("per" is PER);
 * NULL with an error message when there is none such.
 */
static const char *
ui_cmds_label(struct ui *ui, const char *what, const char *arg)
{
	int i;

	if (arg == NULL) {
		ui_error(ui, "%s: which label? (:%s PER)", what, what);
		return NULL;
	}
	if ((i = ui_label_index(ui, arg)) < 0) {
		ui_error(ui, "%s: no label %s (copydesk labels lists them)", what, arg);
		return NULL;
	}
	return desk_labels_at(ui->labels, (size_t)i)->name;
}

int
ui_cmds_tag(struct ui *ui, const char *arg)
{
	const char *label = ui_cmds_label(ui, "tag", arg);

	return label ? view_tag_add(ui, label) : DESK_ERROR;
}

int
ui_cmds_untag(struct ui *ui, const char *arg)
{
	(void)arg;
	return view_tag_delete(ui);
}

int
ui_cmds_relabel(struct ui *ui, const char *arg)
{
	const desk_span *s;
	const char *label;

	if (arg)
		return (label = ui_cmds_label(ui, "relabel", arg)) ? view_tag_relabel(ui, label)
		                                                   : DESK_ERROR;
	if (ui->view != views[VIEW_READER])
		return ui_error(ui, "relabel: in the reader only");
	if ((s = view_tag_span(ui)) == NULL)
		return ui_error(ui, "relabel: no span under the cursor");
	ui->pending = "relabel";
	ui_message(ui, "Relabel %s \u201c%s\u201d: press a label's key (another key cancels)",
	           s->label, s->text);
	return DESK_OK;
}

int
ui_cmds_link(struct ui *ui, const char *arg)
{
	const desk_span *s;
	const char *name;

	if (arg)
		return view_tag_link(ui, strcmp(arg, "-") == 0 ? NULL : arg);
	if (ui->view != views[VIEW_READER])
		return ui_error(ui, "link: in the reader only");
	if ((s = view_tag_span(ui)) == NULL)
		return ui_error(ui, "link: no span under the cursor");
	/*
	 * The entity's name (or the span's text) offered: typing replaces it, a
	 * motion keeps it to edit; the command is a label, not part of the line.
	 */
	name = *s->entity ? s->entity : s->text;
	ui_prompt_command(ui, "link", name);
	return DESK_OK;
}

int
ui_cmds_select(struct ui *ui, const char *arg)
{
	(void)arg;
	return view_tag_select(ui);
}

int
ui_cmds_cancel(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view == views[VIEW_READER]) {
		view_tag_cancel(ui);
		view_reader_nohl(ui); /* Esc also takes the search highlight away */
	}
	return DESK_OK;
}

int
ui_cmds_span_next(struct ui *ui, const char *arg)
{
	(void)arg;
	return view_tag_jump(ui, 1);
}

int
ui_cmds_span_prev(struct ui *ui, const char *arg)
{
	(void)arg;
	return view_tag_jump(ui, -1);
}

int
ui_cmds_tag_all(struct ui *ui, const char *arg)
{
	size_t n;

	(void)arg;
	if (view_tag_same(ui, 1, 0, &n) != DESK_OK)
		return DESK_ERROR;
	if (n)
		ui_message(ui, "Tagged %zu more in this article (u undoes one at a time)", n);
	else
		ui_message(ui, "No other occurrence in this article");
	return DESK_OK;
}

int
ui_cmds_span_outer(struct ui *ui, const char *arg)
{
	(void)arg;
	return view_tag_outer(ui);
}

int
ui_cmds_fold(struct ui *ui, const char *arg)
{
	if (arg == NULL || *arg == '\0')
		ui->fold = !ui->fold;
	else if (strcmp(arg, "on") == 0 || strcmp(arg, "off") == 0)
		ui->fold = strcmp(arg, "on") == 0;
	else
		return ui_error(ui, "fold: on or off, not %s", arg);
	ui_message(ui, ui->fold ? "a and A also find other case and no accents (Viet Nam, VIỆT NAM)"
	                        : "a and A find the same text only");
	return DESK_OK;
}

int
ui_cmds_tag_corpus(struct ui *ui, const char *arg)
{
	size_t n;

	if (arg && strcmp(arg, "yes") == 0) {
		if (view_tag_same(ui, 0, 0, &n) != DESK_OK)
			return DESK_ERROR;
		ui_message(ui, "Tagged %zu occurrence%s across the corpus", n, n == 1 ? "" : "s");
		return DESK_OK;
	}
	if (view_tag_same(ui, 0, 1, &n) != DESK_OK)
		return DESK_ERROR;
	if (n == 0) {
		ui_message(ui, "No other occurrence in the corpus");
		return DESK_OK;
	}
	snprintf(ui->confirm, sizeof ui->confirm, "tag-corpus yes");
	ui_message(ui, "Tag %zu occurrence%s across the corpus? (y: yes, another key: no)", n,
	           n == 1 ? "" : "s");
	return DESK_OK;
}

int
ui_cmds_accept(struct ui *ui, const char *arg)
{
	(void)arg;
	return view_tag_accept(ui, 0);
}

int
ui_cmds_accept_all(struct ui *ui, const char *arg)
{
	size_t n;

	if (arg && strcmp(arg, "yes") == 0)
		return view_tag_accept(ui, 1);
	if (ui->view != views[VIEW_READER])
		return ui_error(ui, "accept-all: in the reader only");
	if ((n = view_tag_suggestions(ui)) == 0) {
		ui_message(ui, "No suggestions in this article");
		return DESK_OK;
	}
	/* As A does: one key must not tag a whole article unasked. */
	snprintf(ui->confirm, sizeof ui->confirm, "accept-all yes");
	ui_message(ui, "Accept %zu suggestion%s in this article? (y: yes, another key: no)", n,
	           n == 1 ? "" : "s");
	return DESK_OK;
}

int
ui_cmds_reject(struct ui *ui, const char *arg)
{
	(void)arg;
	return view_tag_reject(ui);
}

/* After an undo or redo in article id (0: corpus-wide): show what it changed. */
static int
ui_cmds_history(struct ui *ui, int redo)
{
	const char *what = redo ? "Redone" : "Undone";
	int64_t id = 0;
	char msg[512], edit[128];
	int rc;

	/* What it is in an editor's words ("the tagging"), for the message after it. */
	if (desk_history_next(edit, sizeof edit, ui->d, !redo) != DESK_OK)
		snprintf(edit, sizeof edit, "the last edit");
	rc = redo ? desk_redo(&id, ui->d) : desk_undo(&id, ui->d);

	if (rc == DESK_NOTFOUND) {
		ui_message(ui, redo ? "Nothing to redo" : "Nothing to undo");
		return DESK_OK;
	}
	/* A refusal says it in full: "cannot undo the tagging: ...". */
	if (rc != DESK_OK)
		return ui_error(ui, "%s", desk_errmsg(ui->d));
	view_list_refresh(ui); /* a status may have changed: only those are read */
	if (ui->view == views[VIEW_ENTITIES])
		view_entities_reload(ui);
	if (ui->view == views[VIEW_STATS])
		view_stats_reload(ui);
	if (ui->view == views[VIEW_GOLD])
		view_gold_reload(ui);
	ui->message[0] = '\0';
	if (id != 0 && ui->view == views[VIEW_READER] && ui->view->article(ui) == id) {
		view_tag_load(ui, 1); /* says what came back or went, and goes there */
	} else if (id != 0 && (ui->view == views[VIEW_READER] || ui->view == views[VIEW_LIST])) {
		if (view_reader_show(ui, id) != DESK_OK)
			return DESK_ERROR;
	}
	snprintf(msg, sizeof msg, "%s", ui->message);
	if (*msg)
		ui_message(ui, "%s: %s, %s", what, edit, msg);
	else if (id)
		ui_message(ui, "%s: %s in article %lld", what, edit, (long long)id);
	else
		ui_message(ui, "%s: %s", what, edit);
	return DESK_OK;
}

int
ui_cmds_undo(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_history(ui, 0);
}

int
ui_cmds_redo(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_history(ui, 1);
}

int
ui_cmds_spans(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view != views[VIEW_READER])
		return ui_error(ui, "spans: in the reader (open an article first)");
	return ui_switch(ui, views[VIEW_SPANS]);
}

int
ui_cmds_entities(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view == views[VIEW_ENTITIES])
		return DESK_OK;
	view_entities_from(ui, ui->view == views[VIEW_HELP] ? ui->back : ui->view);
	return ui_switch(ui, views[VIEW_ENTITIES]);
}
