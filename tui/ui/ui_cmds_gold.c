/*
 * ui_cmds_gold.c - the adjudication's commands (view_gold.c): open it for
 * the article read or under the cursor, and settle the difference under
 * the cursor (take an editor's spans, both, none, an edit; keep a claim
 * with a verdict); move between
 * differences.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_cmds.h"
#include "view.h"

static int
ui_cmds_gold_here(struct ui *ui, const char *name)
{
	if (ui->view != views[VIEW_GOLD]) {
		ui_error(ui, "%s: in the adjudication view (J in the reader or the list)", name);
		return 0;
	}
	return 1;
}

int
ui_cmds_adjudicate(struct ui *ui, const char *arg)
{
	int64_t id = 0;

	(void)arg;
	if (ui->view == views[VIEW_READER])
		id = views[VIEW_READER]->article(ui);
	else if (ui->view == views[VIEW_LIST])
		id = view_list_selected(ui);
	else if (ui->view == views[VIEW_GOLD])
		return view_gold_reload(ui);
	if (id == 0)
		return ui_error(ui, "adjudicate: in the reader or the article list");
	return view_gold_open_for(ui, id);
}

int
ui_cmds_gold_take(struct ui *ui, const char *arg)
{
	int64_t n;

	if (!ui_cmds_gold_here(ui, "settle-take"))
		return DESK_MISUSE;
	if (arg == NULL || desk_parse_int(&n, arg) != DESK_OK || n < 1 || n > 99)
		return ui_error(ui, "settle-take: which editor? 1, 2, ...");
	return view_gold_take(ui, (int)n - 1);
}

int
ui_cmds_gold_both(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_gold_here(ui, "settle-both") ? view_gold_take(ui, DESK_GOLD_BOTH)
	                                            : DESK_MISUSE;
}

int
ui_cmds_gold_none(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_gold_here(ui, "settle-none") ? view_gold_take(ui, DESK_GOLD_NONE)
	                                            : DESK_MISUSE;
}

int
ui_cmds_gold_edit(struct ui *ui, const char *arg)
{
	char label[64];
	long long start, end;

	if (!ui_cmds_gold_here(ui, "settle-edit"))
		return DESK_MISUSE;
	if (arg == NULL)
		return view_gold_edit_prompt(ui);
	if (sscanf(arg, "%lld %lld %63s", &start, &end, label) != 3)
		return ui_error(ui, "settle-edit: START END LABEL, e.g. 4 10 PER");
	return view_gold_edit(ui, start, end, label);
}

int
ui_cmds_gold_verdict(struct ui *ui, const char *arg)
{
	char verdict[64];
	int n;

	if (!ui_cmds_gold_here(ui, "settle-verdict"))
		return DESK_MISUSE;
	if (arg == NULL || sscanf(arg, "%d %63s", &n, verdict) != 2 || n < 1)
		return ui_error(ui, "settle-verdict: N VERDICT, e.g. 2 misleading");
	return view_gold_verdict(ui, n - 1, verdict);
}

int
ui_cmds_gold_next(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_gold_here(ui, "settle-next") ? view_gold_next(ui, 1) : DESK_MISUSE;
}

int
ui_cmds_gold_prev(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_gold_here(ui, "settle-prev") ? view_gold_next(ui, -1) : DESK_MISUSE;
}
