/*
 * cmd_gold.c - `copydesk gold`: an article's gold layer from the shell
 * (gold.h): show it, show where the editors' layers differ, and settle it
 * (--from EDITOR, --add SPAN_ID, --remove GOLD_SPAN_ID, --none, --verdict
 * CLAIM_ID=VERDICT).  Each change is one undo step (`copydesk undo`).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cmd_cli.h"

struct cmd_gold_args {
	int64_t id;
	int json, diff, none;
	const char *from, *add, *remove, *verdict;
};

static int
cmd_gold_parse(struct cli *c, struct cmd_gold_args *a, int argc, char **argv)
{
	const char *arg = NULL, **v;
	int changes = 0;

	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];

		v = strcmp(s, "--from") == 0      ? &a->from
		    : strcmp(s, "--add") == 0     ? &a->add
		    : strcmp(s, "--remove") == 0  ? &a->remove
		    : strcmp(s, "--verdict") == 0 ? &a->verdict
		                                  : NULL;
		if (v != NULL) {
			if (i + 1 >= argc)
				return cmd_usage(c, "gold", "%s needs a value", s);
			*v = argv[++i];
			changes++;
		} else if (strcmp(s, "--json") == 0)
			a->json = 1;
		else if (strcmp(s, "--diff") == 0)
			a->diff = 1;
		else if (strcmp(s, "--none") == 0) {
			a->none = 1;
			changes++;
		} else if (s[0] != '-' && arg == NULL)
			arg = s;
		else
			return cmd_usage(c, "gold", "unexpected argument %s", s);
	}
	if (arg == NULL)
		return cmd_usage(c, "gold", "which article?");
	if (changes > 1)
		return cmd_usage(
		    c, "gold",
		    "one change at a time: --from, --add, --remove, --none or --verdict");
	if (changes == 1 && (a->json || a->diff))
		return cmd_usage(c, "gold", "--json and --diff show; they go without a change");
	return cmd_parse_id(c, "gold", "an article", arg, &a->id);
}

/* A failed call: the message with its rule, the exit status of the code. */
static int
cmd_gold_fail(struct cli *c, desk *d, int rc)
{
	if (desk_errrule(d) != DESK_RULE_NONE)
		cmd_printf(c->err, "copydesk gold: %s (rule: %s)\n", desk_errmsg(d),
		           desk_rule_name(desk_errrule(d)));
	else
		cmd_printf(c->err, "copydesk gold: %s\n", desk_errmsg(d));
	return cmd_exit_status(rc);
}

static void
cmd_gold_print(struct cli *c, const desk_gold *g, int64_t id)
{
	if (!desk_gold_exists(g)) {
		cmd_printf(c->out, "article %lld has no gold layer\n", (long long)id);
		return;
	}
	cmd_printf(c->out, "article %lld: gold layer of %zu span%s\n", (long long)id,
	           desk_gold_count(g), desk_gold_count(g) == 1 ? "" : "s");
	for (size_t i = 0; i < desk_gold_count(g); i++) {
		const desk_gold_span *s = desk_gold_at(g, i);

		cmd_printf(c->out, "%lld\t%lld\t%lld\t%s\t%s\t%s", (long long)s->id,
		           (long long)s->start, (long long)s->end, s->label, s->text, s->author);
		if (s->span_id)
			cmd_printf(c->out, " (span %lld)", (long long)s->span_id);
		cmd_printf(c->out, "\tsettled by %s\n", s->settled_by);
	}
}

/* The differences as JSON (see the man page). */
static json_t *
cmd_gold_diff_json(const desk_gold_diff *g, const desk_gold_vdiff *v)
{
	json_t *o = json_object(), *eds = json_array(), *units = json_array(),
	       *claims = json_array();

	for (size_t i = 0; i < desk_gold_diff_editors(g); i++)
		json_array_append_new(eds, json_string(desk_gold_diff_editor(g, i)));
	for (size_t i = 0; i < desk_gold_diff_units(g); i++) {
		const desk_gold_unit *u = desk_gold_diff_unit(g, i);
		json_t *spans = json_array();

		for (size_t k = u->first; k < u->first + u->n; k++) {
			const desk_gold_dspan *s = desk_gold_diff_span(g, k);

			json_array_append_new(
			    spans, json_pack("{sI ss sI sI ss ss}", "id", (json_int_t)s->id,
			                     "editor", desk_gold_diff_editor(g, s->editor), "start",
			                     (json_int_t)s->start, "end", (json_int_t)s->end,
			                     "label", s->label, "text", s->text));
		}
		json_array_append_new(units,
		                      json_pack("{sb sb sI sI so}", "agreed", u->agreed, "settled",
		                                u->settled, "start", (json_int_t)u->start, "end",
		                                (json_int_t)u->end, "spans", spans));
	}
	for (size_t i = 0; i < desk_gold_vdiff_groups(v); i++) {
		const desk_gold_vgroup *gr = desk_gold_vdiff_group(v, i);
		json_t *cl = json_array();

		for (size_t k = gr->first; k < gr->first + gr->n; k++) {
			const desk_gold_claim *x = desk_gold_vdiff_claim(v, k);

			json_array_append_new(
			    cl, json_pack("{sI ss ss* ss}", "id", (json_int_t)x->id, "author",
			                  x->author, "verdict", x->verdict, "text", x->text));
		}
		json_array_append_new(
		    claims, json_pack("{sI sI so so}", "start", (json_int_t)gr->start, "end",
		                      (json_int_t)gr->end, "claims", cl, "settled",
		                      gr->settled_id ? json_pack("{sI ss}", "claim",
		                                                 (json_int_t)gr->kept_claim,
		                                                 "verdict", gr->verdict)
		                                     : json_null()));
	}
	json_object_set_new(o, "article", json_integer((json_int_t)desk_gold_diff_article(g)));
	json_object_set_new(o, "editors", eds);
	json_object_set_new(o, "units", units);
	json_object_set_new(o, "claims", claims);
	return o;
}

static void
cmd_gold_diff_text(struct cli *c, const desk_gold_diff *g, const desk_gold_vdiff *v)
{
	cmd_printf(c->out, "editors:");
	for (size_t i = 0; i < desk_gold_diff_editors(g); i++)
		cmd_printf(c->out, " %zu %s", i + 1, desk_gold_diff_editor(g, i));
	fputc('\n', c->out);
	for (size_t i = 0; i < desk_gold_diff_units(g); i++) {
		const desk_gold_unit *u = desk_gold_diff_unit(g, i);

		cmd_printf(c->out, "unit %zu\t%s\t%lld-%lld%s\n", i + 1,
		           u->agreed ? "agreed" : "differs", (long long)u->start, (long long)u->end,
		           u->settled ? "\tsettled" : "");
		for (size_t k = u->first; k < u->first + u->n; k++) {
			const desk_gold_dspan *s = desk_gold_diff_span(g, k);

			cmd_printf(c->out, "\t%s\tspan %lld\t%lld-%lld\t%s\t%s\n",
			           desk_gold_diff_editor(g, s->editor), (long long)s->id,
			           (long long)s->start, (long long)s->end, s->label, s->text);
		}
	}
	for (size_t i = 0; i < desk_gold_vdiff_groups(v); i++) {
		const desk_gold_vgroup *gr = desk_gold_vdiff_group(v, i);

		cmd_printf(c->out, "claims\t%lld-%lld", (long long)gr->start, (long long)gr->end);
		if (gr->settled_id)
			cmd_printf(c->out, "\tsettled %s (claim %lld)", gr->verdict,
			           (long long)gr->kept_claim);
		fputc('\n', c->out);
		for (size_t k = gr->first; k < gr->first + gr->n; k++) {
			const desk_gold_claim *x = desk_gold_vdiff_claim(v, k);

			cmd_printf(c->out, "\t%s\tclaim %lld\t%s\t%s\n", x->author,
			           (long long)x->id, x->verdict ? x->verdict : "-", x->text);
		}
	}
}

static int
cmd_gold_show(struct cli *c, desk *d, const struct cmd_gold_args *a)
{
	desk_gold *g = NULL;
	desk_gold_diff *diff = NULL;
	desk_gold_vdiff *v = NULL;
	char *json = NULL;
	int rc;

	if (!a->diff) {
		if (a->json) {
			if ((rc = desk_gold_json(&json, d, a->id)) == DESK_OK)
				cmd_write_json(c->out, json);
		} else if ((rc = desk_gold_get(&g, d, a->id)) == DESK_OK)
			cmd_gold_print(c, g, a->id);
	} else if ((rc = desk_gold_diff_get(&diff, d, a->id)) == DESK_OK &&
	           (rc = desk_gold_vdiff_get(&v, d, a->id)) == DESK_OK) {
		if (a->json) {
			json_t *o = cmd_gold_diff_json(diff, v);

			if (o == NULL || (json = json_dumps(o, JSON_COMPACT)) == NULL)
				rc = DESK_NOMEM;
			else
				cmd_write_json(c->out, json);
			json_decref(o);
		} else
			cmd_gold_diff_text(c, diff, v);
	}
	free(json);
	desk_gold_free(g);
	desk_gold_diff_free(diff);
	desk_gold_vdiff_free(v);
	return rc;
}

/* --verdict CLAIM_ID=VERDICT */
static int
cmd_gold_verdict(struct cli *c, desk *d, const char *arg, int *usage)
{
	const char *eq = strchr(arg, '=');
	char idbuf[32];
	int64_t claim;

	if (eq == NULL || eq == arg || (size_t)(eq - arg) >= sizeof idbuf || eq[1] == '\0') {
		*usage = cmd_usage(c, "gold", "--verdict takes CLAIM_ID=VERDICT, not %s", arg);
		return DESK_MISUSE;
	}
	memcpy(idbuf, arg, (size_t)(eq - arg));
	idbuf[eq - arg] = '\0';
	if (cmd_parse_id(c, "gold", "a claim", idbuf, &claim) != 0) {
		*usage = EXIT_USAGE;
		return DESK_MISUSE;
	}
	return desk_gold_verdict(d, claim, eq + 1);
}

/* --add SPAN_ID and --remove GOLD_SPAN_ID: of ARTICLE only. */
static int
cmd_gold_one(struct cli *c, desk *d, const struct cmd_gold_args *a, int *usage)
{
	int64_t id, gid = 0;
	int rc;

	if (cmd_parse_id(c, "gold", a->add ? "a span" : "a gold span", a->add ? a->add : a->remove,
	                 &id) != 0) {
		*usage = EXIT_USAGE;
		return DESK_MISUSE;
	}
	if (a->add) {
		if ((rc = desk_gold_add(&gid, d, a->id, id)) == DESK_OK)
			cmd_printf(c->out, "gold span %lld from span %lld\n", (long long)gid,
			           (long long)id);
	} else if ((rc = desk_gold_remove(d, a->id, id)) == DESK_OK)
		cmd_printf(c->out, "removed gold span %lld\n", (long long)id);
	return rc;
}

int
cmd_gold(struct cli *c, int argc, char **argv)
{
	struct cmd_gold_args a = {0};
	desk *d = NULL;
	int rc, ret, usage = 0;

	if ((ret = cmd_gold_parse(c, &a, argc, argv)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (a.from) {
		if ((rc = desk_gold_from(d, a.id, a.from)) == DESK_OK)
			cmd_printf(c->out, "article %lld: gold layer from %s\n", (long long)a.id,
			           a.from);
	} else if (a.none) {
		if ((rc = desk_gold_none(d, a.id)) == DESK_OK)
			cmd_printf(c->out, "article %lld: gold layer with no spans\n",
			           (long long)a.id);
	} else if (a.add || a.remove)
		rc = cmd_gold_one(c, d, &a, &usage);
	else if (a.verdict) {
		if ((rc = cmd_gold_verdict(c, d, a.verdict, &usage)) == DESK_OK)
			cmd_printf(c->out, "settled: %s\n", a.verdict);
	} else
		rc = cmd_gold_show(c, d, &a);
	ret = usage ? usage : rc == DESK_OK ? EXIT_OK_ : cmd_gold_fail(c, d, rc);
	desk_close(d);
	return ret;
}
