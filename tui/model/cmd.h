/*
 * cmd.h - what a command is, the one table of them, and the program's exit
 * statuses; cmd.c finds a command by name, cmd_table.c (on top) holds the rows.
 *
 * A command is run from the shell (`copydesk NAME ARGS`), from the
 * interface's `:` prompt (`:NAME ARGS`), or by a key bound to its name in
 * keymap.c.  A row with a cli function is a subcommand; a row with a ui
 * function works in the interface.  The help screen, `copydesk help` and the
 * man page's lists are generated from this table and the keymap.
 */
#ifndef COPYDESK_CMD_H
#define COPYDESK_CMD_H

#include "copydesk/copydesk.h"

/* Exit statuses (sysexits.h values where one fits). */
enum {
	EXIT_OK_ = 0,
	EXIT_FAIL = 1,     /* what was asked for does not exist, or no terminal */
	EXIT_USAGE = 64,   /* bad command line */
	EXIT_DATAERR = 65, /* input refused: bad UTF-8, NUL bytes, broken JSON, ... */
	EXIT_NOINPUT = 66, /* an input file does not exist or cannot be opened */
	EXIT_SOFTWARE = 70,
	EXIT_IOERR = 74,    /* the database could not be opened, read or written */
	EXIT_TEMPFAIL = 75, /* the database stayed busy */
	EXIT_NOPERM = 77    /* refused by the editor's role (DESK_DENIED: roles) */
};

struct cli; /* what a subcommand gets from main() (cli/cmd_cli.h) */
struct ui;  /* the interface's state (ui/ui_state.h) */

typedef int (*cmd_cli_fn)(struct cli *c, int argc, char **argv);
typedef int (*cmd_ui_fn)(struct ui *ui, const char *arg);

struct cmd {
	const char *name;
	cmd_cli_fn cli; /* NULL: not a subcommand */
	cmd_ui_fn ui;   /* NULL: not available in the interface */
	const char *args;
	const char *help;
};

/* The rows (cmd_table.c, on top: they name cli/ and ui/ functions); a NULL name ends them. */
extern const struct cmd cmd_table[];

const struct cmd *cmd_find(const char *name);

#endif
