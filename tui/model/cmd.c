/* cmd.c - a command by name in the one table (cmd.h, cmd_table.c). */
#include <string.h>

#include "cmd.h"

const struct cmd *
cmd_find(const char *name)
{
	for (const struct cmd *c = cmd_table; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
