/* cmd_history.c - `copydesk undo` and `copydesk redo`: the editor's last edit. */
#include <string.h>

#include "cmd_cli.h"

static int
cmd_history_run(struct cli *c, int argc, const char *name, int (*fn)(int64_t *, desk *))
{
	int64_t article = 0;
	desk *d = NULL;
	char what[128];
	int rc, ret, undo = strcmp(name, "undo") == 0;

	if (argc != 1)
		return cmd_usage(c, name, "takes no arguments");
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	/* What it is, in an editor's words, for the message ("Undone: the tagging"). */
	if (desk_history_next(what, sizeof what, d, undo) != DESK_OK)
		snprintf(what, sizeof what, "the last edit");
	if ((rc = fn(&article, d)) == DESK_OK) {
		cmd_printf(c->out, "%s: %s", undo ? "Undone" : "Redone", what);
		if (article > 0)
			cmd_printf(c->out, " in article %lld", (long long)article);
		fputc('\n', c->out);
	} else if (rc == DESK_NOTFOUND) {
		cmd_printf(c->err, "copydesk %s: nothing to %s for %s\n", name, name,
		           desk_editor(d));
	} else {
		cmd_printf(c->err, "copydesk %s: %s\n", name, desk_errmsg(d));
	}
	desk_close(d);
	return cmd_exit_status(rc);
}

int
cmd_undo(struct cli *c, int argc, char **argv)
{
	(void)argv;
	return cmd_history_run(c, argc, "undo", desk_undo);
}

int
cmd_redo(struct cli *c, int argc, char **argv)
{
	(void)argv;
	return cmd_history_run(c, argc, "redo", desk_redo);
}
