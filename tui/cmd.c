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
    {"labels", cmd_labels, NULL, "[--json] | import [--replace] FILE",
     "list the label set (name, key, colour, description), or load a label file into it"},
    {"tag", cmd_tag, NULL,
     "ID START END LABEL [--entity NAME] | ID --text TEXT LABEL [--all] [--fold] [--entity NAME]",
     "tag code points START to END (end exclusive) of an article, or the first (--all: every) "
     "whole-word occurrence of TEXT; prints the span"},
    {"untag", cmd_untag, NULL, "ID SPAN_ID", "remove a span from an article"},
    {"spans", cmd_spans, NULL, "ID [--json]",
     "list an article's spans: id, start, end, label, text, entity, author"},
    {"entities", cmd_entities, NULL, "[--json]",
     "list the entities: id, name, external id, mentions, aliases"},
    {"entity", cmd_entity, NULL, "rename ID NAME [--external QID] | merge INTO FROM",
     "rename an entity (and set its external id), or merge one into another"},
    {"undo", cmd_undo, NULL, "", "undo your last edit (a span, an entity, a status)"},
    {"redo", cmd_redo, NULL, "", "redo the edit you last undid"},
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
