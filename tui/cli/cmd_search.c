/*
 * cmd_search.c - `copydesk search [QUERY] [--json] [--limit N] [--after ID]
 * [--exact] [--entity ID] [FILTERS]`: the articles that match, best first
 * (search.h), as "id<TAB>date<TAB>title" lines each followed by an indented
 * snippet with the matches in [brackets], or a JSON array of {id, date,
 * title, snippet}.  --label L, --entity ID, --claim-status S or --verdict V
 * search the annotations instead (desk_annsearch): the spans of L that hold
 * the query, the articles that mention the entity, the claims of that status
 * or verdict that hold it ("claim<TAB>id<TAB>date<TAB>title" lines; JSON
 * objects with "claim"), by id, a page after --after.  The FILTERS are
 * export's (exportargs.c).  A malformed query or an unknown name is a usage
 * error (64) naming the rule it broke.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"
#include "exportargs.h"

/* A number from 1 to max at argv[i], for option opt: 0 when it is not one. */
static int64_t
cmd_search_number(const char *s, uint64_t max)
{
	unsigned long long n;
	char *end;

	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno || *end || end == s || n == 0 || n > max || s[0] == '-')
		return 0;
	return (int64_t)n;
}

/* A failed search: 64 with the rule for what the caller gave wrong. */
static int
cmd_search_fail(struct cli *c, desk *d, int rc)
{
	if (rc == DESK_INVALID || (rc == DESK_NOTFOUND && desk_errrule(d) == DESK_RULE_UNKNOWN)) {
		cmd_printf(c->err, "copydesk search: %s (field: %s, rule: %s)\n", desk_errmsg(d),
		           desk_errfield(d), desk_rule_name(desk_errrule(d)));
		return rc == DESK_INVALID ? EXIT_USAGE : cmd_exit_status(rc);
	}
	cmd_printf(c->err, "copydesk search: %s\n", desk_errmsg(d));
	return cmd_exit_status(rc);
}

/* The annotations' search (label, entity or claims) printed. */
static int
cmd_search_ann(struct cli *c, desk *d, const char *query, desk_annsearch_opts *o, int json_out)
{
	desk_annsearch_results *r = NULL;
	char *json = NULL;
	int rc;

	if ((rc = desk_annsearch(&r, d, query, o)) != DESK_OK)
		return cmd_search_fail(c, d, rc);
	if (json_out) {
		if ((rc = desk_annsearch_json(&json, r)) == DESK_OK)
			cmd_write_json(c->out, json);
		else
			cmd_printf(c->err, "copydesk search: out of memory\n");
	} else {
		for (size_t i = 0; i < desk_annsearch_count(r); i++) {
			const desk_annsearch_hit *h = desk_annsearch_get(r, i);

			if (h->claim)
				cmd_printf(c->out, "%lld\t", (long long)h->claim);
			cmd_printf(c->out, "%lld\t%s\t%s\n    %s\n", (long long)h->id, h->date,
			           h->title, h->snippet);
		}
	}
	free(json);
	desk_annsearch_free(r);
	return cmd_exit_status(rc);
}

/* The full-text search printed. */
static int
cmd_search_text(struct cli *c, desk *d, const char *query, desk_search_opts *o, int json_out)
{
	desk_search_results *r = NULL;
	char *json = NULL;
	int rc;

	if ((rc = desk_search(&r, d, query, o)) != DESK_OK)
		return cmd_search_fail(c, d, rc);
	if (json_out) {
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
	return cmd_exit_status(rc);
}

int
cmd_search(struct cli *c, int argc, char **argv)
{
	desk_search_opts o = {0};
	desk_annsearch_opts ao = {0};
	exportargs a = {0};
	const desk_filter *f = &a.o.filter;
	const char *query = NULL;
	desk *d = NULL;
	int json_out = 0, ret, r, ann;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else if (strcmp(argv[i], "--exact") == 0)
			o.exact = ao.exact = 1;
		else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			if ((ao.limit = o.limit = (size_t)cmd_search_number(argv[++i], 10000)) ==
			    0) {
				ret = cmd_usage(c, "search",
				                "--limit takes a number from 1 to 10000, not %s",
				                argv[i]);
				goto done;
			}
		} else if ((strcmp(argv[i], "--after") == 0 || strcmp(argv[i], "--entity") == 0) &&
		           i + 1 < argc) {
			int64_t n = cmd_search_number(argv[i + 1], INT64_MAX);

			if (n == 0) {
				ret = cmd_usage(c, "search", "%s takes an id, not %s", argv[i],
				                argv[i + 1]);
				goto done;
			}
			*(argv[i][2] == 'a' ? &ao.after : &ao.entity) = n;
			i++;
		} else if (strcmp(argv[i], "--with-boilerplate") == 0) {
			ret =
			    cmd_usage(c, "search", "--with-boilerplate is for export, not search");
			goto done;
		} else if ((r = exportargs_take(&a, EXPORTARGS_FILTERS, argc, argv, &i)) != 0) {
			if (r < 0) {
				ret = cmd_usage(c, "search", "%s", a.err);
				goto done;
			}
		} else if (query == NULL && (argv[i][0] != '-' || argv[i][1] == '\0'))
			query = argv[i];
		else {
			ret = cmd_usage(c, "search", "unexpected argument %s", argv[i]);
			goto done;
		}
	}
	ann = f->label || ao.entity || f->claim_status || f->verdict;
	if ((f->label != NULL) + (ao.entity != 0) + (f->claim_status || f->verdict) > 1) {
		ret =
		    cmd_usage(c, "search",
		              "--label, --entity and --claim-status/--verdict each choose what is "
		              "searched: give one");
		goto done;
	}
	if (!ann && (query == NULL || f->user || f->since || f->articles || ao.after)) {
		ret = cmd_usage(c, "search",
		                query ? "--user, --since, --articles and --after go with --label, "
		                        "--entity, --claim-status or --verdict"
		                      : "no query given");
		goto done;
	}
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		goto done;
	if (ann) {
		ao.label = f->label;
		ao.filter = f;
		ret = cmd_search_ann(c, d, query, &ao, json_out);
	} else {
		o.status = f->status;
		ret = cmd_search_text(c, d, query, &o, json_out);
	}
	desk_close(d);
done:
	exportargs_free(&a);
	return ret;
}
