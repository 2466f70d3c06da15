/*
 * cmd_users.c - `copydesk users`: the user list and its roles, for chiefs
 * (the core refuses anyone else: DESK_DENIED, exit 77, with the rule).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmd_cli.h"

/*
 * A failure said on standard error with its rule, and with --json also as
 * {"error": MESSAGE, "rule": RULE} on standard output, for scripts.
 */
static int
cmd_users_fail(struct cli *c, desk *d, int rc, int json_out)
{
	const char *rule = desk_rule_name(desk_errrule(d));

	cmd_printf(c->err, "copydesk users: %s\n", desk_errmsg(d));
	if (json_out) {
		json_t *o = json_pack("{ss ss}", "error", desk_errmsg(d), "rule", rule);
		char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;

		if (s != NULL)
			cmd_write_json(c->out, s);
		free(s);
		json_decref(o);
	}
	/* A name refused is a bad argument, as the editor's own name is (64). */
	return rc == DESK_INVALID ? EXIT_USAGE : cmd_exit_status(rc);
}

/* users [--json]: name, role, added by, added at (the creator: "(creator)"). */
static int
cmd_users_list(struct cli *c, desk *d, int json_out)
{
	desk_users *u = NULL;
	char *json = NULL;
	int rc;

	if (json_out) {
		if ((rc = desk_users_json(&json, d)) == DESK_OK)
			cmd_write_json(c->out, json);
	} else if ((rc = desk_users_get(&u, d)) == DESK_OK) {
		for (size_t i = 0; i < desk_users_count(u); i++) {
			const desk_user *x = desk_users_at(u, i);

			cmd_printf(c->out, "%s\t%s\t%s\t%s\n", x->name, desk_role_name(x->role),
			           x->creator ? "(creator)" : x->added_by, x->added_at);
		}
	}
	free(json);
	desk_users_free(u);
	return rc == DESK_OK ? EXIT_OK_ : cmd_users_fail(c, d, rc, json_out);
}

int
cmd_users(struct cli *c, int argc, char **argv)
{
	const char *verb = NULL, *name = NULL, *role_s = NULL;
	desk_role role = DESK_ROLE_NONE;
	desk *d = NULL;
	int json_out = 0, rc, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
			role_s = argv[++i];
		else if (verb == NULL &&
		         (strcmp(argv[i], "add") == 0 || strcmp(argv[i], "remove") == 0))
			verb = argv[i];
		else if (verb != NULL && name == NULL)
			name = argv[i];
		else
			return cmd_usage(c, "users", "unexpected argument %s", argv[i]);
	}
	if (verb != NULL && name == NULL)
		return cmd_usage(c, "users", "%s needs a user's name", verb);
	if (verb != NULL && strcmp(verb, "add") == 0 &&
	    (role_s == NULL || desk_role_parse(&role, role_s) != DESK_OK))
		return cmd_usage(c, "users", "add needs --role editor or --role chief");
	if ((verb == NULL || strcmp(verb, "remove") == 0) && role_s != NULL)
		return cmd_usage(c, "users", "--role goes with add");
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (verb == NULL) {
		ret = cmd_users_list(c, d, json_out);
		goto done;
	}
	rc = strcmp(verb, "add") == 0 ? desk_user_add(d, name, role) : desk_user_remove(d, name);
	if (rc != DESK_OK) {
		ret = cmd_users_fail(c, d, rc, json_out);
		goto done;
	}
	if (strcmp(verb, "add") == 0)
		cmd_printf(c->err, "copydesk users: %s is a%s %s\n", name,
		           role == DESK_ROLE_EDITOR ? "n" : "", desk_role_name(role));
	else
		cmd_printf(c->err, "copydesk users: %s removed\n", name);
	ret = EXIT_OK_;
done:
	desk_close(d);
	return ret;
}
