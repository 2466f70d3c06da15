/*
 * ui_cmds_list.c - the article list's commands: its sort (`:sort`, `o`
 * cycles), its filter (`:filter`) and a jump to a date (`:to-date`).
 */
#include <stdio.h>
#include <string.h>

#include "listfilter.h"
#include "ui_cmds.h"
#include "view.h"

/* Set the list's filter and sort to lf, and say what the list now is. */
static int
ui_cmds_list_apply(struct ui *ui, const struct listfilter *lf, const char *what)
{
	char err[256], desc[192];

	if (ui->view != views[VIEW_LIST])
		return ui_error(ui, "%s: only in the article list", what);
	if (view_list_set_filter(ui, lf, err, sizeof err) != DESK_OK)
		return ui_error(ui, "%s: %s", what, err);
	listfilter_describe(lf, desc, sizeof desc);
	ui_message(ui, "%zu article%s, by %s%s%s", view_list_count(ui),
	           view_list_count(ui) == 1 ? "" : "s", desk_article_sort_name(lf->sort),
	           *desc ? ", " : "", desc);
	return 0;
}

int
ui_cmds_sort(struct ui *ui, const char *arg)
{
	struct listfilter lf = *view_list_filter(ui);

	if (arg == NULL || desk_article_sort_parse(&lf.sort, arg) != DESK_OK)
		return ui_error(ui, "sort: date, id or title? (:sort date)");
	return ui_cmds_list_apply(ui, &lf, "sort");
}

int
ui_cmds_sort_next(struct ui *ui, const char *arg)
{
	struct listfilter lf = *view_list_filter(ui);

	(void)arg;
	lf.sort = lf.sort == DESK_SORT_ID     ? DESK_SORT_DATE
	          : lf.sort == DESK_SORT_DATE ? DESK_SORT_TITLE
	                                      : DESK_SORT_ID;
	return ui_cmds_list_apply(ui, &lf, "sort");
}

int
ui_cmds_filter(struct ui *ui, const char *arg)
{
	struct listfilter lf = *view_list_filter(ui);
	char err[256];

	if (listfilter_parse(&lf, arg, err, sizeof err) != 0)
		return ui_error(ui, "filter: %s", err);
	return ui_cmds_list_apply(ui, &lf, "filter");
}

int
ui_cmds_date(struct ui *ui, const char *arg)
{
	if (ui->view != views[VIEW_LIST])
		return ui_error(ui, "to-date: only in the article list");
	if (arg == NULL || !desk_date_valid(arg, strlen(arg)))
		return ui_error(ui, "to-date: which day? (:to-date 2024-05-01)");
	if (view_list_date(ui, arg) != DESK_OK)
		return ui_error(ui, "to-date: %s", desk_errmsg(ui->d));
	ui_message(ui, "Article %zu of %zu: the first dated %s, or the nearest",
	           view_list_index(ui), view_list_count(ui), arg);
	return 0;
}
