/*
 * ui_cmds.c - the interface's commands (rows of cmd_table.c, listed in
 * ui_cmds.h), and running them by name for keys and the `:` prompt.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "ui_cmds.h"
#include "view.h"
#include "view_claim.h"

const struct cmd *
ui_cmds_find(const char *name, int *ambiguous)
{
	const struct cmd *found = NULL;
	size_t n = strlen(name), matches = 0;

	*ambiguous = 0;
	for (const struct cmd *c = cmd_table; c->name; c++)
		if (c->ui && strcmp(c->name, name) == 0)
			return c;
	for (const struct cmd *c = cmd_table; n > 0 && c->name; c++) {
		if (c->ui && strncmp(c->name, name, n) == 0) {
			found = c;
			matches++;
		}
	}
	*ambiguous = matches > 1;
	return matches == 1 ? found : NULL;
}

/* The interface's commands whose names begin with prefix, as "a, b, c" in list. */
static size_t
ui_cmds_matching(const char *prefix, char *list, size_t size)
{
	size_t n = strlen(prefix), len = 0, k = 0;

	list[0] = '\0';
	for (const struct cmd *c = cmd_table; c->name; c++) {
		if (c->ui == NULL || strncmp(c->name, prefix, n) != 0)
			continue;
		if (len < size)
			len += (size_t)snprintf(list + len, size - len, "%s%s", k ? ", " : "",
			                        c->name);
		k++;
	}
	return k;
}

int
ui_cmds_run(struct ui *ui, const char *name, const char *arg)
{
	int ambiguous;
	const struct cmd *c = ui_cmds_find(name, &ambiguous);

	if (c == NULL && ambiguous) {
		char list[256];

		ui_cmds_matching(name, list, sizeof list);
		return ui_error(ui, "%s: ambiguous, which one? %s", name, list);
	}
	if (c == NULL && cmd_find(name) != NULL)
		return ui_error(ui, "%s: a shell command (copydesk %s), not one of the interface",
		                name, name);
	if (c == NULL)
		return ui_error(ui, "%s: no such command; :help lists them", name);
	return c->ui(ui, arg && *arg ? arg : NULL);
}

int
ui_cmds_run_line(struct ui *ui, const char *line)
{
	char name[64];
	size_t n = 0;

	while (*line == ' ' || *line == ':')
		line++;
	if (*line == '\0')
		return 0;
	if (isdigit((unsigned char)*line))
		return ui_cmds_run(ui, "goto", line); /* :120 as in vi and less */
	while (*line && *line != ' ' && n + 1 < sizeof name)
		name[n++] = *line++;
	name[n] = '\0';
	while (*line == ' ')
		line++;
	return ui_cmds_run(ui, name, line);
}

/* A count argument: 1 when absent, else a positive number. */
static int
ui_cmds_count(struct ui *ui, const char *arg, int64_t *n)
{
	char num[32];
	size_t len;

	*n = 1;
	if (arg == NULL)
		return 0;
	for (len = strlen(arg); len > 0 && arg[len - 1] == ' ';)
		len--;
	snprintf(num, sizeof num, "%.*s", (int)len, arg);
	if (len >= sizeof num || desk_parse_id(n, num) != DESK_OK)
		return ui_error(ui, "%s: not a count (a number from 1)", arg);
	return 0;
}

static int
ui_cmds_move(struct ui *ui, enum view_move m, const char *arg)
{
	int64_t n;
	int rc;

	if ((rc = ui_cmds_count(ui, arg, &n)) != 0)
		return rc;
	if (ui->view->motion == NULL || ui->view->motion(ui, m, n) == DESK_MISUSE)
		return ui_error(ui, "not in the %s view", ui->view->name);
	return 0;
}

int
ui_cmds_quit(struct ui *ui, const char *arg)
{
	(void)arg;
	ui->quit = 1;
	return 0;
}

int
ui_cmds_close(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view == views[VIEW_LIST]) {
		ui_message(ui, "q quits");
		return 0;
	}
	if (ui->view == views[VIEW_HELP] && ui->back)
		return ui_switch(ui, ui->back);
	if (ui->view == views[VIEW_SPANS])
		return ui_switch(ui, views[VIEW_READER]);
	if (ui->view == views[VIEW_ENTITIES])
		return ui_switch(ui, view_entities_back(ui));
	if (ui->view == views[VIEW_CLAIMS] || ui->view == views[VIEW_CLAIM])
		return ui_switch(ui, view_claims_back(ui));
	if (ui->view == views[VIEW_STATS])
		return ui_switch(ui, view_stats_back(ui));
	if (ui->view == views[VIEW_GOLD])
		return ui_switch(ui, view_gold_back(ui));
	if (view_search_back(ui))
		return ui_switch(ui, views[VIEW_SEARCH]);
	return ui_switch(ui, views[VIEW_LIST]);
}

int
ui_cmds_help(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view == views[VIEW_HELP])
		return 0;
	ui->back = ui->view;
	return ui_switch(ui, views[VIEW_HELP]);
}

int
ui_cmds_prompt(struct ui *ui, const char *arg)
{
	(void)arg;
	ui_prompt_open(ui, ':');
	return 0;
}

int
ui_cmds_redraw(struct ui *ui, const char *arg)
{
	(void)arg;
	ui->redraw = 1;
	return 0;
}

int
ui_cmds_down(struct ui *ui, const char *arg)
{
	return ui_cmds_move(ui, VIEW_DOWN, arg);
}

int
ui_cmds_up(struct ui *ui, const char *arg)
{
	return ui_cmds_move(ui, VIEW_UP, arg);
}

int
ui_cmds_page_down(struct ui *ui, const char *arg)
{
	return ui_cmds_move(ui, VIEW_PAGE_DOWN, arg);
}

int
ui_cmds_page_up(struct ui *ui, const char *arg)
{
	return ui_cmds_move(ui, VIEW_PAGE_UP, arg);
}

int
ui_cmds_top(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_move(ui, VIEW_TOP, NULL);
}

int
ui_cmds_bottom(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_move(ui, VIEW_BOTTOM, NULL);
}

int
ui_cmds_goto(struct ui *ui, const char *arg)
{
	if (arg == NULL)
		return ui_error(ui, "goto: which line? (:goto 120)");
	return ui_cmds_move(ui, VIEW_GOTO, arg);
}

int
ui_cmds_left(struct ui *ui, const char *arg)
{
	return ui_cmds_move(ui, VIEW_LEFT, arg);
}

int
ui_cmds_right(struct ui *ui, const char *arg)
{
	return ui_cmds_move(ui, VIEW_RIGHT, arg);
}

int
ui_cmds_word_next(struct ui *ui, const char *arg)
{
	return ui_cmds_move(ui, VIEW_WORD_NEXT, arg);
}

int
ui_cmds_word_prev(struct ui *ui, const char *arg)
{
	return ui_cmds_move(ui, VIEW_WORD_PREV, arg);
}

int
ui_cmds_line_start(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_move(ui, VIEW_LINE_START, NULL);
}

int
ui_cmds_line_end(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_move(ui, VIEW_LINE_END, NULL);
}

/* Report label keys the reader's keys take (once). */
static void
ui_cmds_label_warn(struct ui *ui)
{
	char msg[256] = "";
	size_t n = ui->labels ? desk_labels_count(ui->labels) : 0, len = 0;

	if (ui->label_warned)
		return;
	ui->label_warned = 1;
	for (size_t i = 0; i < n; i++) {
		const desk_label *l = desk_labels_at(ui->labels, i);
		int key = keymap_key_parse(l->key);
		const char *cmd = key >= 0 ? keymap_lookup("reader", key) : NULL;

		if (cmd && len < sizeof msg)
			len += (size_t)snprintf(msg + len, sizeof msg - len, "%s%s (%s is %s)",
			                        len ? ", " : "", l->name, l->key, cmd);
	}
	if (len)
		ui_message(ui, "Label keys taken by the reader: %s; :tag LABEL tags with them",
		           msg);
}

int
ui_cmds_open(struct ui *ui, const char *arg)
{
	int64_t id = view_list_selected(ui);

	(void)arg;
	if (ui->view == views[VIEW_SEARCH])
		return view_search_open_article(ui);
	if (ui->view != views[VIEW_LIST])
		return ui_error(ui, "open: in the list and the search's results only");
	if (id == 0)
		return ui_error(ui, "No articles. Import some with: copydesk import PATH");
	if (view_reader_show(ui, id) != DESK_OK)
		return DESK_ERROR;
	ui_cmds_label_warn(ui);
	return DESK_OK;
}

static int
ui_cmds_neighbour(struct ui *ui, int delta)
{
	int64_t id;

	if (ui->view != views[VIEW_READER])
		return ui_error(ui, "in the reader only");
	if ((id = view_list_neighbour(ui, delta)) == 0) {
		ui_message(ui,
		           delta > 0 ? "This is the last article" : "This is the first article");
		return 0;
	}
	return view_reader_show(ui, id);
}

int
ui_cmds_next_article(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_neighbour(ui, 1);
}

int
ui_cmds_prev_article(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_neighbour(ui, -1);
}

static int
ui_cmds_find_again(struct ui *ui, int backward)
{
	if (ui->search == NULL)
		return ui_error(ui, "No previous search; / searches");
	if (ui->view->search == NULL)
		return ui_error(ui, "no search in the %s view", ui->view->name);
	return ui->view->search(ui, ui->search, backward);
}

int
ui_cmds_search(struct ui *ui, const char *arg)
{
	char *s;

	if (arg == NULL) {
		ui_prompt_open(ui, '/');
		return 0;
	}
	if ((s = strdup(arg)) == NULL)
		return ui_error(ui, "out of memory");
	free(ui->search);
	ui->search = s;
	return ui_cmds_find_again(ui, 0);
}

int
ui_cmds_search_next(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_find_again(ui, 0);
}

int
ui_cmds_search_prev(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_find_again(ui, 1);
}

int
ui_cmds_boilerplate(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view != views[VIEW_READER])
		return ui_error(ui, "boilerplate: in the reader only");
	return view_reader_toggle_hide(ui);
}

int
ui_cmds_status(struct ui *ui, const char *arg)
{
	int64_t id = ui->view->article ? ui->view->article(ui) : 0;
	desk_status s;
	int rc;

	if (arg == NULL || desk_status_parse(&s, arg) != DESK_OK || s == DESK_STATUS_ANY)
		return ui_error(ui, "status: new, progress or done? (:status done)");
	if (id == 0)
		return ui_error(ui, "status: no article here");
	if ((rc = desk_article_set_status(ui->d, id, s)) != DESK_OK)
		return ui_error(ui, "status: %s", desk_errmsg(ui->d));
	view_list_set_status(ui, id, s);
	ui_message(ui, "Article %lld is now %s", (long long)id,
	           s == DESK_STATUS_PROGRESS ? "in progress" : desk_status_name(s));
	return 0;
}

int
ui_cmds_status_next(struct ui *ui, const char *arg)
{
	static const char *const next[] = {"progress", "done", "new"};
	int64_t id = ui->view->article ? ui->view->article(ui) : 0;
	desk_article *a = NULL;
	desk_status s;

	(void)arg;
	if (id == 0)
		return ui_error(ui, "status: no article here");
	if (desk_article_get(&a, ui->d, id) != DESK_OK)
		return ui_error(ui, "status: %s", desk_errmsg(ui->d));
	s = desk_article_status(a);
	desk_article_free(a);
	return ui_cmds_status(ui, next[s >= 0 && s <= 2 ? s : 0]);
}

int
ui_cmds_reload(struct ui *ui, const char *arg)
{
	int rc;

	(void)arg;
	if (ui->view == views[VIEW_STATS])
		return view_stats_reload(ui);
	if ((rc = view_list_reload(ui)) != DESK_OK)
		return ui_error(ui, "reload: %s", desk_errmsg(ui->d));
	ui_message(ui, "%zu article%s", view_list_count(ui), view_list_count(ui) == 1 ? "" : "s");
	return 0;
}

int
ui_cmds_stats(struct ui *ui, const char *arg)
{
	(void)arg;
	return view_stats_open_from(ui, ui->view);
}

/* --- Settings --------------------------------------------------------------- */

int
ui_cmds_nohlsearch(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view == views[VIEW_READER])
		view_reader_nohl(ui);
	return 0;
}

/* The widest reading line :set width takes (0: the window's). */
#define UI_CMDS_MINWIDTH 20
#define UI_CMDS_MAXWIDTH 1000

int
ui_cmds_set_quiet(struct ui *ui, const char *arg)
{
	int64_t v;

	if (strncmp(arg, "width=", 6) == 0) {
		if (desk_parse_int(&v, arg + 6) != DESK_OK ||
		    (v != 0 && (v < UI_CMDS_MINWIDTH || v > UI_CMDS_MAXWIDTH)))
			return DESK_ERROR;
		ui->width = (int)v;
		return 0;
	}
	if (strcmp(arg, "align=left") == 0 || strcmp(arg, "align=centre") == 0 ||
	    strcmp(arg, "align=center") == 0) {
		ui->centre = arg[6] == 'c';
		return 0;
	}
	return DESK_ERROR;
}

int
ui_cmds_set(struct ui *ui, const char *arg)
{
	const char *align;

	if (arg && ui_cmds_set_quiet(ui, arg) != 0)
		return ui_error(ui,
		                "set: %s: width=N (0: the window's, else %d to %d) or "
		                "align=left|centre",
		                arg, UI_CMDS_MINWIDTH, UI_CMDS_MAXWIDTH);
	view_reader_reflow(ui);
	align = ui->centre ? "centred" : "at the left";
	if (ui->width)
		ui_message(ui, "Reading lines at most %d columns wide, %s (width=%d align=%s)",
		           ui->width, align, ui->width, ui->centre ? "centre" : "left");
	else
		ui_message(ui, "Reading lines as wide as the window (width=0 align=%s)",
		           ui->centre ? "centre" : "left");
	return 0;
}

/* Enter in the span, entity or claim list: to what is under the cursor, in the reader. */
int
ui_cmds_jump(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view == views[VIEW_SPANS])
		return view_spans_jump(ui);
	if (ui->view == views[VIEW_CLAIMS])
		return view_claims_jump(ui); /* (a hook for view_claims.c) */
	if (ui->view != views[VIEW_ENTITIES])
		return ui_error(ui, "jump: in the span and entity lists");
	return view_entities_jump(ui);
}
