/*
 * main.c - copydesk [--db FILE] [COMMAND [ARGS]]
 *
 * Global options, then the command's row of the command table (cmd_table.c).  With
 * no command, on a terminal, the interface opens.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"
#include "privilege.h"
#include "ui.h"

void cmd_help_commands(FILE *f);

static void
main_usage(FILE *f)
{
	fprintf(f, "usage: copydesk [--db FILE] [COMMAND [ARGS]]\n"
	           "       copydesk --help | --version\n\n"
	           "With no command, on a terminal, copydesk opens the interface.\n\n"
	           "Commands:\n");
	cmd_help_commands(f);
	fprintf(f, "\nOptions:\n"
	           "  --db FILE     the database (default $COPYDESK_DB, else\n"
	           "                $XDG_DATA_HOME/copydesk/copydesk.db)\n"
	           "  -h, --help    this help\n"
	           "  -V, --version the version\n\n"
	           "Environment: COPYDESK_DB, COPYDESK_EDITOR, XDG_DATA_HOME, NO_COLOR.\n"
	           "See copydesk(1).\n");
}

/* copydesk with no command: the interface on the editor's database. */
static int
main_interface(struct cli *c)
{
	desk *d = NULL;
	int ret;

	if (!cmd_have_terminal()) {
		fprintf(c->err, "copydesk: not a terminal: the interface needs one; "
		                "see copydesk --help for the commands\n");
		return EXIT_FAIL;
	}
	if ((ret = cmd_open_interface(&d, c)) != EXIT_OK_)
		return ret;
	ret = ui_main(d);
	desk_close(d);
	return ret;
}

int
main(int argc, char **argv)
{
	struct cli c = {.out = stdout, .err = stderr, .argv0 = argv[0], .interface = ui_main};
	const struct cmd *cmd;
	char *db = NULL;
	const char *editor = getenv("COPYDESK_EDITOR");
	int i, ret;

	/* A setgid copydesk drops the desk's group before anything else (privilege.c). */
	if (privilege_init() != 0)
		return EXIT_SOFTWARE;
	setlocale(LC_ALL, "");
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc && argv[i + 1][0] != '\0') {
			free(db);
			db = strdup(argv[++i]);
		} else if (strcmp(argv[i], "--db") == 0 ||
		           (strncmp(argv[i], "--db=", 5) == 0 && argv[i][5] == '\0')) {
			fprintf(stderr, "copydesk: --db needs a value: the database file, as in "
			                "copydesk --db FILE list\n");
			free(db);
			return EXIT_USAGE;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			free(db);
			db = strdup(argv[i] + 5);
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			main_usage(stdout);
			free(db);
			return EXIT_OK_;
		} else if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0) {
			printf("copydesk %s\n", desk_version());
			free(db);
			return EXIT_OK_;
		} else {
			cmd_printf(stderr, "copydesk: unknown option %s\n", argv[i]);
			main_usage(stderr);
			free(db);
			return EXIT_USAGE;
		}
	}
	if (db == NULL && (db = cmd_default_db()) == NULL) {
		fprintf(stderr, "copydesk: out of memory\n");
		return EXIT_SOFTWARE;
	}
	c.db_path = db;
	c.editor = editor && *editor ? editor : NULL;
	if (i == argc) {
		ret = main_interface(&c);
	} else if ((cmd = cmd_find(argv[i])) == NULL || cmd->cli == NULL) {
		cmd_printf(stderr, "copydesk: unknown command %s\n", argv[i]);
		main_usage(stderr);
		ret = EXIT_USAGE;
	} else {
		ret = cmd->cli(&c, argc - i, argv + i);
	}
	free(db);
	return ret;
}
