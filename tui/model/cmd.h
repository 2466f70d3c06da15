/*
 * cmd.h - the one table of commands.
 *
 * A command is run from the shell (`copydesk NAME ARGS`), from the
 * interface's `:` prompt (`:NAME ARGS`), or by a key bound to its name in
 * keymap.c.  A row with a cli function is a subcommand; a row with a ui
 * function works in the interface.  The help screen, `copydesk help` and the
 * man page's lists are generated from this table and the keymap.
 */
#ifndef COPYDESK_CMD_H
#define COPYDESK_CMD_H

#include <stdio.h>

#include "copydesk/copydesk.h"

/* Exit statuses (sysexits.h values where one fits). */
enum {
	EXIT_OK_ = 0,
	EXIT_FAIL = 1,     /* what was asked for does not exist, or no terminal */
	EXIT_USAGE = 64,   /* bad command line */
	EXIT_DATAERR = 65, /* input refused: bad UTF-8, NUL bytes, broken JSON, ... */
	EXIT_NOINPUT = 66, /* an input file does not exist or cannot be opened */
	EXIT_SOFTWARE = 70,
	EXIT_IOERR = 74,   /* the database could not be opened, read or written */
	EXIT_TEMPFAIL = 75 /* the database stayed busy */
};

/* What a subcommand gets from main(). */
struct cli {
	const char *db_path; /* resolved: --db, $COPYDESK_DB or the XDG default */
	const char *editor;  /* $COPYDESK_EDITOR or NULL for the login name */
	FILE *out, *err;
	const char *argv0;
	/* The interface on an open database, for demo: main() gives ui_main (cli/ calls no ui/). */
	int (*interface)(desk *d);
};

struct ui; /* the interface's state (ui.h) */

typedef int (*cmd_cli_fn)(struct cli *c, int argc, char **argv);
typedef int (*cmd_ui_fn)(struct ui *ui, const char *arg);

struct cmd {
	const char *name;
	cmd_cli_fn cli; /* NULL: not a subcommand */
	cmd_ui_fn ui;   /* NULL: not available in the interface */
	const char *args;
	const char *help;
};

extern const struct cmd cmd_table[]; /* ends with a row whose name is NULL */

const struct cmd *cmd_find(const char *name);

/* Map a libcopydesk result code to an exit status. */
int cmd_exit_status(int rc);

/*
 * Open the database for a subcommand, printing the reason on failure.
 * cmd_open opens only an existing database (a mistyped --db creates
 * nothing); cmd_open_create makes it and its directories (import, the
 * interface).  Both refuse $COPYDESK_EDITOR naming someone else on a
 * database others may write.
 */
int cmd_open(desk **out, struct cli *c);
int cmd_open_create(desk **out, struct cli *c);

#endif
