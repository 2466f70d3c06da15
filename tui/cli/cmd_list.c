/* cmd_list.c - `copydesk list` and `copydesk show`: the store, read back. */
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"

/* Parse --status S and --json, shared by list-like commands. */
static int
cmd_list_opts(struct cli *c, const char *name, int argc, char **argv, desk_status *status,
              int *json, const char **arg)
{
	for (int i = 1; i < argc; i++) {
		const char *v = NULL;

		if (strcmp(argv[i], "--json") == 0) {
			*json = 1;
			continue;
		}
		if (strcmp(argv[i], "--status") == 0 && i + 1 < argc)
			v = argv[++i];
		else if (strncmp(argv[i], "--status=", 9) == 0)
			v = argv[i] + 9;
		else if (argv[i][0] != '-' && arg != NULL && *arg == NULL) {
			*arg = argv[i];
			continue;
		} else
			return cmd_usage(c, name, "unexpected argument %s", argv[i]);
		if (status == NULL || desk_status_parse(status, v) != DESK_OK)
			return cmd_usage(c, name, "unknown status %s (new, progress or done)", v);
	}
	return 0;
}

int
cmd_list(struct cli *c, int argc, char **argv)
{
	desk_status status = DESK_STATUS_ANY;
	desk_article **list = NULL;
	desk *d = NULL;
	char *json = NULL;
	size_t n = 0;
	int json_out = 0, rc, ret;

	if ((ret = cmd_list_opts(c, "list", argc, argv, &status, &json_out, NULL)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (json_out) {
		if ((rc = desk_article_list_json(&json, d, status)) == DESK_OK)
			cmd_write_json(c->out, json);
	} else if ((rc = desk_article_list(&list, &n, d, status)) == DESK_OK) {
		for (size_t i = 0; i < n; i++) {
			const desk_article *a = list[i];
			const char *t = desk_article_title(a);

			cmd_printf(c->out, "%lld\t%s\t%s\t%s\t", (long long)desk_article_id(a),
			           desk_status_name(desk_article_status(a)),
			           *desk_article_date(a) ? desk_article_date(a) : "-",
			           desk_article_lang(a));
			if (*t == '\0') {
				/* Untitled: the first line of the body, marked as such. */
				t = desk_article_excerpt(a);
				fputs("[", c->out);
				cmd_write_text(c->out, t, strcspn(t, "\n"));
				fputs("…]", c->out);
			} else {
				cmd_write_text(c->out, t, strlen(t));
			}
			fputc('\n', c->out);
		}
	}
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk list: %s\n", desk_errmsg(d));
	free(json);
	desk_article_list_free(list, n);
	desk_close(d);
	return cmd_exit_status(rc);
}

int
cmd_show(struct cli *c, int argc, char **argv)
{
	const char *arg = NULL;
	desk_article *a = NULL;
	desk *d = NULL;
	char *json = NULL;
	int64_t id;
	int json_out = 0, rc, ret;

	if ((ret = cmd_list_opts(c, "show", argc, argv, NULL, &json_out, &arg)) != 0)
		return ret;
	if (arg == NULL)
		return cmd_usage(c, "show", "which article?");
	if ((ret = cmd_parse_id(c, "show", "an article", arg, &id)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (json_out) {
		if ((rc = desk_article_json(&json, d, id)) == DESK_OK)
			cmd_write_json(c->out, json);
	} else if ((rc = desk_article_get(&a, d, id)) == DESK_OK) {
		const char *fields[][2] = {
		    {"Title", desk_article_title(a)},
		    {"Date", desk_article_date(a)},
		    {"Language", desk_article_lang(a)},
		    {"Source", desk_article_source(a)},
		    {"Status", desk_status_name(desk_article_status(a))},
		    {"Imported-By", desk_article_imported_by(a)},
		    {"Imported-At", desk_article_imported_at(a)},
		};
		for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
			cmd_printf(c->out, "%s: ", fields[i][0]);
			cmd_write_text(c->out, fields[i][1], strlen(fields[i][1]));
			fputc('\n', c->out);
		}
		fputc('\n', c->out);
		cmd_write_text(c->out, desk_article_body(a), desk_article_body_len(a));
		fputc('\n', c->out);
	}
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk show: %s\n", desk_errmsg(d));
	free(json);
	desk_article_free(a);
	desk_close(d);
	return cmd_exit_status(rc);
}

int
cmd_status(struct cli *c, int argc, char **argv)
{
	desk_status s;
	desk *d = NULL;
	int64_t id;
	int rc, ret;

	if (argc != 3)
		return cmd_usage(c, "status", "needs an article id and a status");
	if ((ret = cmd_parse_id(c, "status", "an article", argv[1], &id)) != 0)
		return ret;
	if (desk_status_parse(&s, argv[2]) != DESK_OK || s == DESK_STATUS_ANY)
		return cmd_usage(c, "status", "unknown status %s (new, progress or done)", argv[2]);
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_article_set_status(d, id, s)) != DESK_OK)
		cmd_printf(c->err, "copydesk status: %s\n", desk_errmsg(d));
	desk_close(d);
	return cmd_exit_status(rc);
}
