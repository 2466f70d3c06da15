/* cmd_help.c - `copydesk help`: the commands and keys, from their tables. */
#include <string.h>

#include "cmd_cli.h"
#include "keymap.h"

/* The subcommands, as `copydesk --help` and `copydesk help` list them. */
void
cmd_help_commands(FILE *f)
{
	for (const struct cmd *c = cmd_table; c->name; c++) {
		if (c->cli == NULL)
			continue;
		cmd_printf(f, "  %s %s\n      %s\n", c->name, c->args, c->help);
	}
}

int
cmd_help(struct cli *c, int argc, char **argv)
{
	const struct cmd *cmd;

	if (argc == 1) {
		cmd_printf(c->out, "copydesk commands:\n");
		cmd_help_commands(c->out);
		cmd_printf(c->out, "\nKeys of the interface: copydesk help --keys\n");
		return EXIT_OK_;
	}
	if (argc != 2)
		return cmd_usage(c, "help", "too many arguments");
	if (strcmp(argv[1], "--keys") == 0) {
		keymap_print_text(c->out);
		return EXIT_OK_;
	}
	if (strcmp(argv[1], "--keys=man") == 0) {
		keymap_print_man(c->out);
		return EXIT_OK_;
	}
	if (strcmp(argv[1], "--commands") == 0) {
		for (cmd = cmd_table; cmd->name; cmd++)
			cmd_printf(c->out, "%s\t%s\t%s\n", cmd->name, cmd->cli ? "cli" : "ui",
			           cmd->args);
		return EXIT_OK_;
	}
	if ((cmd = cmd_find(argv[1])) == NULL)
		return cmd_usage(c, "help", "no command %s", argv[1]);
	cmd_printf(c->out, "%s %s\n    %s\n", cmd->name, cmd->args, cmd->help);
	if (cmd->cli == NULL)
		cmd_printf(c->out, "    (in the interface: :%s)\n", cmd->name);
	return EXIT_OK_;
}
