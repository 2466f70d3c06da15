/*
 * cmd_search.c - `copydesk search QUERY [--json] [--limit N] [--exact]
 * [--status S] [--label L]`: the articles that match, best first (search.h), as
 * "id<TAB>date<TAB>title" lines each followed by an indented snippet with the
 * matches in [brackets], or a JSON array of {id, date, title, snippet}.  A
 * malformed query is a usage error (64) naming the rule it broke.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"

int
cmd_search(struct cli *c, int argc, char **argv)
{
	desk_search_opts o = {0};
	desk_search_results *r = NULL;
	const char *query = NULL;
	char *json = NULL, *end;
	desk *d = NULL;
	int json_out = 0, rc, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else if (strcmp(argv[i], "--exact") == 0)
			o.exact = 1;
		else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			unsigned long long n;

			errno = 0;
			n = strtoull(argv[++i], &end, 10);
			if (errno || *end || end == argv[i] || n == 0 || n > 10000 ||
			    argv[i][0] == '-')
				return cmd_usage(c, "search",
				                 "--limit takes a number from 1 to 10000, not %s",
				                 argv[i]);
			o.limit = (size_t)n;
		} else if (strcmp(argv[i], "--status") == 0 && i + 1 < argc) {
			desk_status s;

			if (desk_status_parse(&s, argv[++i]) != DESK_OK)
				return cmd_usage(c, "search", "no status %s (new, progress, done)",
				                 argv[i]);
			o.status = desk_status_name(s);
		} else if (strcmp(argv[i], "--label") == 0 && i + 1 < argc) {
			o.label = argv[++i];
		} else if (query == NULL && (argv[i][0] != '-' || argv[i][1] == '\0'))
			query = argv[i];
		else
			return cmd_usage(c, "search", "unexpected argument %s", argv[i]);
	}
	if (query == NULL)
		return cmd_usage(c, "search", "no query given");
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_search(&r, d, query, &o)) != DESK_OK) {
		if (rc == DESK_INVALID) {
			cmd_printf(c->err, "copydesk search: %s (rule: %s)\n", desk_errmsg(d),
			           desk_rule_name(desk_errrule(d)));
			desk_close(d);
			return EXIT_USAGE;
		}
		cmd_printf(c->err, "copydesk search: %s\n", desk_errmsg(d));
	} else if (json_out) {
		if ((rc = desk_search_json(&json, r)) == DESK_OK)
			cmd_write_json(c->out, json);
		else
			cmd_printf(c->err, "copydesk search: out of memory\n");
	} else {
		for (size_t i = 0; i < desk_search_count(r); i++) {
			const desk_search_hit *h = desk_search_get(r, i);

			cmd_printf(c->out, "%lld\t%s\t%s\n    %s\n", (long long)h->id, h->date,
			           h->title, h->snippet);
		}
	}
	free(json);
	desk_search_free(r);
	desk_close(d);
	return cmd_exit_status(rc);
}
