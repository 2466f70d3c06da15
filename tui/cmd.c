/* cmd.c - the one table of commands, for the shell and the `:` prompt. */
#include <string.h>

#include "cmd.h"
#include "cmd_cli.h"
#include "ui_cmds.h"

const struct cmd cmd_table[] = {
    /* Subcommands (cmd_*.c). */
    {"import", cmd_import, NULL, "[--format text|jsonl] PATH...",
     "import article files, directories (their *.txt and *.jsonl) or - for standard input"},
    {"list", cmd_list, NULL, "[--status new|progress|done] [--json]",
     "list the articles: id, status, date, language, title"},
    {"show", cmd_show, NULL, "ID [--json]", "print an article; --json gives its stored fields"},
    {"status", cmd_status, NULL, "ID new|progress|done", "set an article's review status"},
    {"demo", cmd_demo, NULL, "", "open the interface on a fresh copy of the sample corpus"},
    {"help", cmd_help, NULL, "[COMMAND | --keys | --keys=man | --commands]",
     "list the commands, describe one, or list the interface's keys"},
    /* Interface commands (ui_cmds.c); keymap.c binds keys to these names. */
    UI_COMMANDS{NULL, NULL, NULL, NULL, NULL},
};

const struct cmd *
cmd_find(const char *name)
{
	for (const struct cmd *c = cmd_table; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
