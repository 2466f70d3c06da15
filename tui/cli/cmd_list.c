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

/* What `copydesk list` was asked: the filter and order, where to start, how many. */
struct cmd_list_args {
	desk_article_filter f;
	int64_t after, limit; /* limit -1: all */
	int json;
};

/* The value of option name at argv[*i] ("--name V" or "--name=V"), or NULL. */
static const char *
cmd_list_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int
cmd_list_args(struct cli *c, int argc, char **argv, struct cmd_list_args *a)
{
	desk_claim_status cs;
	const char *v;

	*a = (struct cmd_list_args){.f = {.status = DESK_STATUS_ANY}, .limit = -1};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			a->json = 1;
		else if ((v = cmd_list_value(argc, argv, &i, "--status")) != NULL) {
			if (desk_status_parse(&a->f.status, v) != DESK_OK)
				return cmd_usage(c, "list",
				                 "unknown status %s (new, progress or done)", v);
		} else if ((v = cmd_list_value(argc, argv, &i, "--lang")) != NULL) {
			if (strcmp(v, "vi") && strcmp(v, "en"))
				return cmd_usage(c, "list", "unknown language %s (vi or en)", v);
			a->f.lang = v;
		} else if ((v = cmd_list_value(argc, argv, &i, "--from")) != NULL) {
			if (!desk_date_valid(v, strlen(v)))
				return cmd_usage(c, "list", "not a date: %s (YYYY-MM-DD)", v);
			a->f.date_from = v;
		} else if ((v = cmd_list_value(argc, argv, &i, "--to")) != NULL) {
			if (!desk_date_valid(v, strlen(v)))
				return cmd_usage(c, "list", "not a date: %s (YYYY-MM-DD)", v);
			a->f.date_to = v;
		} else if ((v = cmd_list_value(argc, argv, &i, "--label")) != NULL) {
			a->f.label = v;
		} else if ((v = cmd_list_value(argc, argv, &i, "--claim-status")) != NULL) {
			if (desk_claim_status_parse(&cs, v) != DESK_OK || cs == DESK_CLAIM_ANY)
				return cmd_usage(
				    c, "list",
				    "unknown claim status %s (check, proposed, verified "
				    "or disputed)",
				    v);
			a->f.claim_status = desk_claim_status_name(cs);
		} else if ((v = cmd_list_value(argc, argv, &i, "--sort")) != NULL) {
			if (desk_article_sort_parse(&a->f.sort, v) != DESK_OK)
				return cmd_usage(c, "list", "unknown sort %s (id, date or title)",
				                 v);
		} else if ((v = cmd_list_value(argc, argv, &i, "--limit")) != NULL) {
			if (cmd_parse_id(c, "list", "a count", v, &a->limit) != 0)
				return EXIT_USAGE;
		} else if ((v = cmd_list_value(argc, argv, &i, "--after")) != NULL) {
			if (cmd_parse_id(c, "list", "an article", v, &a->after) != 0)
				return EXIT_USAGE;
		} else
			return cmd_usage(c, "list", "unexpected argument %s", argv[i]);
	}
	if (a->json && (a->f.lang || a->f.date_from || a->f.date_to || a->f.label ||
	                a->f.claim_status || a->f.sort || a->after || a->limit >= 0))
		return cmd_usage(c, "list", "--json takes only --status");
	return 0;
}

static void
cmd_list_row(struct cli *c, const desk_article *a)
{
	const char *t = desk_article_title(a);

	cmd_printf(c->out, "%lld\t%s\t%s\t%s\t", (long long)desk_article_id(a),
	           desk_status_name(desk_article_status(a)),
	           *desk_article_date(a) ? desk_article_date(a) : "-", desk_article_lang(a));
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

/* A page at a time: memory bounded by the page, the first rows out at once. */
#define CMD_LIST_PAGE 512

int
cmd_list(struct cli *c, int argc, char **argv)
{
	struct cmd_list_args a;
	desk_article **list = NULL;
	desk *d = NULL;
	char *json = NULL;
	size_t n = 0;
	int64_t key, left;
	int rc = DESK_OK, ret;

	if ((ret = cmd_list_args(c, argc, argv, &a)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (a.json) {
		if ((rc = desk_article_list_json(&json, d, a.f.status)) == DESK_OK)
			cmd_write_json(c->out, json);
	} else {
		size_t max;

		key = a.after;
		left = a.limit;
		do {
			max = left >= 0 && left < CMD_LIST_PAGE ? (size_t)left : CMD_LIST_PAGE;
			if (max == 0 ||
			    (rc = desk_article_page(&list, &n, d, &a.f, key, 0, max)) != DESK_OK)
				break;
			for (size_t i = 0; i < n; i++)
				cmd_list_row(c, list[i]);
			if (n > 0)
				key = desk_article_id(list[n - 1]);
			if (left >= 0)
				left -= (int64_t)n;
			desk_article_list_free(list, n);
			list = NULL;
		} while (n > 0 && n == max);
		n = 0;
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
