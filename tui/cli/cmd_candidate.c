/*
 * cmd_candidate.c - `copydesk candidates`, `dismiss`, `repeats` and `apply`:
 * what to check in an article, and the same claim in other articles.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"

/* An article with its body as text; the message and the result code on failure. */
static int
cmd_candidate_article(desk_article **art, desk_text **t, struct cli *c, const char *name, desk *d,
                      int64_t id)
{
	int rc;

	*t = NULL;
	if ((rc = desk_article_get(art, d, id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk %s: %s\n", name, desk_errmsg(d));
		return rc;
	}
	rc = desk_text_new(t, desk_article_body(*art), desk_article_body_len(*art));
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk %s: article %lld: %s\n", name, (long long)id,
		           desk_strerror(rc));
	return rc;
}

/* The reasons of a candidate, "figure,percent". */
static void
cmd_candidate_why(char *buf, size_t size, int why)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int flag = 1; flag <= DESK_WHY_COMPARISON && used < size; flag <<= 1)
		if (why & flag)
			used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "," : "",
			                         desk_why_name(flag));
}

static json_t *
cmd_candidate_json(const desk_candidate *k, const desk_text *t)
{
	const char *s = desk_text_utf8(t);
	size_t from = desk_text_byte(t, k->start), to = desk_text_byte(t, k->end);
	json_t *o = json_object(), *why = json_array();

	for (int flag = 1; flag <= DESK_WHY_COMPARISON; flag <<= 1)
		if (k->why & flag)
			json_array_append_new(why, json_string(desk_why_name(flag)));
	json_object_set_new(o, "start", json_integer(k->start));
	json_object_set_new(o, "end", json_integer(k->end));
	json_object_set_new(o, "score", json_integer(k->score));
	json_object_set_new(o, "why", why);
	json_object_set_new(o, "text", json_stringn(s + from, to - from));
	return o;
}

/* candidates ID [--json] */
int
cmd_candidates(struct cli *c, int argc, char **argv)
{
	desk_candidate *ks = NULL;
	desk_article *art = NULL;
	desk_text *t = NULL;
	const char *arg = NULL;
	json_t *all = NULL;
	char *json = NULL, why[160];
	desk *d = NULL;
	size_t n = 0;
	int64_t id = 0;
	int json_out = 0, rc, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else if (arg == NULL && argv[i][0] != '-')
			arg = argv[i];
		else
			return cmd_usage(c, "candidates", "unexpected argument %s", argv[i]);
	}
	if (arg == NULL)
		return cmd_usage(c, "candidates", "which article?");
	if ((ret = cmd_parse_id(c, "candidates", "an article", arg, &id)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = cmd_candidate_article(&art, &t, c, "candidates", d, id)) != DESK_OK)
		goto done;
	if ((rc = desk_claim_candidates(&ks, &n, d, id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk candidates: %s\n", desk_errmsg(d));
		goto done;
	}
	if (json_out) {
		all = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(all, cmd_candidate_json(&ks[i], t));
		if ((json = json_dumps(all, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) == NULL) {
			rc = DESK_NOMEM;
			goto done;
		}
		cmd_write_json(c->out, json);
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		size_t from = desk_text_byte(t, ks[i].start), to = desk_text_byte(t, ks[i].end);

		cmd_candidate_why(why, sizeof why, ks[i].why);
		cmd_printf(c->out, "%lld\t%lld\t%d\t%s\t", (long long)ks[i].start,
		           (long long)ks[i].end, ks[i].score, why);
		cmd_write_text(c->out, desk_text_utf8(t) + from, to - from);
		fputc('\n', c->out);
	}
done:
	free(json);
	json_decref(all);
	free(ks);
	desk_text_free(t);
	desk_article_free(art);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* dismiss ID START END */
int
cmd_dismiss(struct cli *c, int argc, char **argv)
{
	desk_article *art = NULL;
	desk_text *t = NULL;
	desk *d = NULL;
	int64_t id = 0, start = 0, end = 0;
	int rc, ret;

	if (argc != 4)
		return cmd_usage(c, "dismiss", "needs an article id, a start and an end");
	if ((ret = cmd_parse_id(c, "dismiss", "an article", argv[1], &id)) != 0)
		return ret;
	if (desk_parse_int(&start, argv[2]) != DESK_OK)
		return cmd_usage(c, "dismiss", "not an offset: %s", argv[2]);
	if (desk_parse_int(&end, argv[3]) != DESK_OK)
		return cmd_usage(c, "dismiss", "not an offset: %s", argv[3]);
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = cmd_candidate_article(&art, &t, c, "dismiss", d, id)) != DESK_OK)
		goto done;
	if (start < 0 || start >= end || end > desk_text_len(t)) {
		cmd_printf(c->err,
		           "copydesk dismiss: %lld-%lld is not a range of article %lld (%lld code "
		           "points)\n",
		           (long long)start, (long long)end, (long long)id,
		           (long long)desk_text_len(t));
		rc = DESK_RANGE;
		goto done;
	}
	if ((rc = desk_claim_dismiss(d, id, start, end)) != DESK_OK)
		cmd_printf(c->err, "copydesk dismiss: %s\n", desk_errmsg(d));
done:
	desk_text_free(t);
	desk_article_free(art);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* One claim id argument, the database open and the claim read. */
static int
cmd_candidate_claim(desk_claim **cl, desk **d, struct cli *c, const char *name, int argc,
                    char **argv)
{
	int64_t id = 0;
	int rc, ret;

	*cl = NULL;
	*d = NULL;
	if (argc != 2)
		return cmd_usage(c, name, "needs a claim id");
	if ((ret = cmd_parse_id(c, name, "a claim", argv[1], &id)) != 0)
		return ret;
	if ((ret = cmd_open(d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_claim_get(cl, *d, id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk %s: %s\n", name, desk_errmsg(*d));
		return cmd_exit_status(rc);
	}
	return EXIT_OK_;
}

/* repeats CLAIM_ID: article, start, end and text of each sentence holding the claim. */
int
cmd_repeats(struct cli *c, int argc, char **argv)
{
	desk_range *ranges = NULL;
	int64_t *articles = NULL;
	desk_article *art = NULL;
	desk_claim *cl = NULL;
	desk_text *t = NULL;
	desk *d = NULL;
	size_t n = 0;
	int rc = DESK_OK, ret;

	if ((ret = cmd_candidate_claim(&cl, &d, c, "repeats", argc, argv)) != EXIT_OK_)
		goto done;
	if ((rc = desk_claim_repeats(&ranges, &articles, &n, d, cl->id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk repeats: %s\n", desk_errmsg(d));
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		size_t from, to;

		if ((rc = cmd_candidate_article(&art, &t, c, "repeats", d, articles[i])) != DESK_OK)
			goto done;
		from = desk_text_byte(t, ranges[i].start);
		to = desk_text_byte(t, ranges[i].end);
		cmd_printf(c->out, "%lld\t%lld\t%lld\t", (long long)articles[i],
		           (long long)ranges[i].start, (long long)ranges[i].end);
		cmd_write_text(c->out, desk_text_utf8(t) + from, to - from);
		fputc('\n', c->out);
		desk_text_free(t);
		desk_article_free(art);
		t = NULL;
		art = NULL;
	}
done:
	desk_text_free(t);
	desk_article_free(art);
	free(ranges);
	free(articles);
	desk_claim_free(cl);
	desk_close(d);
	return rc != DESK_OK ? cmd_exit_status(rc) : ret;
}

/* apply CLAIM_ID: claim the repeats with the same research, then list the claims sharing it. */
int
cmd_apply(struct cli *c, int argc, char **argv)
{
	desk_claim_filter f = {0, DESK_CLAIM_ANY, NULL};
	desk_claims *cs = NULL;
	desk_claim *cl = NULL;
	desk *d = NULL;
	size_t added = 0;
	int rc = DESK_OK, ret;

	if ((ret = cmd_candidate_claim(&cl, &d, c, "apply", argc, argv)) != EXIT_OK_)
		goto done;
	if ((rc = desk_claim_apply(&added, d, cl->id)) != DESK_OK ||
	    (rc = desk_claims_get(&cs, d, &f)) != DESK_OK) {
		cmd_printf(c->err, "copydesk apply: %s\n", desk_errmsg(d));
		goto done;
	}
	cmd_printf(c->err, "copydesk apply: %zu claim%s added with the research of claim %lld\n",
	           added, added == 1 ? "" : "s", (long long)cl->id);
	for (size_t i = 0; i < desk_claims_count(cs); i++) {
		const desk_claim *o = desk_claims_at(cs, i);

		if (o->research_id == cl->research_id)
			cmd_claim_print(c->out, o);
	}
done:
	desk_claims_free(cs);
	desk_claim_free(cl);
	desk_close(d);
	return rc != DESK_OK ? cmd_exit_status(rc) : ret;
}
