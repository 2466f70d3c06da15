/*
 * cmd_config.c - `copydesk config`: the desk's settings (config.h), listed,
 * read, set or unset; a change is an edit that `copydesk undo` takes back.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"

/* Every key: its value (or "-"), aligned, then what it holds. */
static int
cmd_config_list(struct cli *c, desk *d, int json)
{
	desk_config_list l;
	char *s = NULL;
	int rc, w = 0;

	if (json) {
		if ((rc = desk_config_json(&s, d)) == DESK_OK)
			cmd_write_json(c->out, s);
		free(s);
		return rc;
	}
	if ((rc = desk_config_list_get(&l, d)) != DESK_OK)
		return rc;
	for (size_t i = 0; i < l.n; i++)
		if ((int)strlen(l.v[i].key) > w)
			w = (int)strlen(l.v[i].key);
	for (size_t i = 0; i < l.n; i++) {
		const desk_config_item *it = &l.v[i];

		if (it->value)
			cmd_printf(c->out, "%-*s  %s\n", w, it->key, it->value);
		else
			cmd_printf(c->out, "%-*s  -  (unset: %s)\n", w, it->key, it->what);
	}
	desk_config_list_free(&l);
	return DESK_OK;
}

int
cmd_config(struct cli *c, int argc, char **argv)
{
	const char *args[2] = {NULL, NULL}, *unset = NULL;
	int json = 0, nargs = 0, rc, ret, changed = 0, not_set = 0;
	char *v = NULL;
	desk *d = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--unset") == 0 && i + 1 < argc)
			unset = argv[++i];
		else if (strcmp(argv[i], "--") == 0 && i + 1 < argc && nargs < 2)
			args[nargs++] = argv[++i];
		else if ((argv[i][0] != '-' || nargs == 1) && nargs < 2)
			args[nargs++] = argv[i]; /* a value may start with '-' */
		else
			return cmd_usage(c, "config", "unexpected argument %s", argv[i]);
	}
	if ((unset && (nargs > 0 || json)) || (json && nargs > 0))
		return cmd_usage(c, "config", "--unset KEY and --json go alone");
	/* Settings may come before the first import: setting one makes the database. */
	if ((ret = nargs == 2 ? cmd_open_create(&d, c) : cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (unset) {
		if ((rc = desk_config_unset(&changed, d, unset)) == DESK_OK)
			cmd_printf(c->err,
			           changed ? "copydesk config: %s unset (undo: copydesk undo)\n"
			                   : "copydesk config: %s was not set\n",
			           unset);
	} else if (nargs == 2) {
		if ((rc = desk_config_set(&changed, d, args[0], args[1])) == DESK_OK)
			cmd_printf(c->err,
			           changed
			               ? "copydesk config: %s set to \"%s\" (undo: copydesk undo)\n"
			               : "copydesk config: %s is \"%s\" already\n",
			           args[0], args[1]);
	} else if (nargs == 1) {
		if ((rc = desk_config_get(&v, d, args[0])) == DESK_OK && v) {
			cmd_write_text(c->out, v, strlen(v));
			fputc('\n', c->out);
		} else if (rc == DESK_OK) {
			cmd_printf(c->err, "copydesk config: %s is not set\n", args[0]);
			not_set = 1;
		}
	} else {
		rc = cmd_config_list(c, d, json);
	}
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk config: %s\n", desk_errmsg(d));
	if (rc == DESK_NOTFOUND && strcmp(desk_errfield(d), "key") == 0)
		ret = EXIT_USAGE; /* no such setting */
	else
		ret = not_set ? EXIT_FAIL : cmd_exit_status(rc);
	free(v);
	desk_close(d);
	return ret;
}
