/*
 * cmd_agree.c - `copydesk agreement [--users A,B,...] [--label L] [--json]`:
 * the agreement of the editors' layers (agree.h) as tables, in the order of
 * bratiaa's report (per article, per label, overall; instance-based, then
 * overlap, then token-based), each pair's precision, recall and F1, kappa
 * and alpha; or as JSON.  Every name and title is escaped (cmd_printf).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"

/* A figure with three decimals, "-" when it is not defined (bratiaa's nan). */
static void
cmd_agree_num(FILE *f, double v)
{
	if (isnan(v))
		fputs("      -", f);
	else
		fprintf(f, "%7.3f", v);
}

static void
cmd_agree_fig(FILE *f, const char *what, const desk_agree_figures *g, int token)
{
	cmd_printf(f, "\n%s\n\nper article\n%8s %7s %7s  title\n", what, "article", "mean F1",
	           "SD F1");
	for (size_t i = 0; i < g->narticles; i++) {
		fprintf(f, "%8lld ", (long long)g->articles[i].article_id);
		cmd_agree_num(f, g->articles[i].mean_f1);
		fputc(' ', f);
		cmd_agree_num(f, g->articles[i].sd_f1);
		cmd_printf(f, "  %s\n", g->articles[i].name);
	}
	cmd_printf(f, "\nper label\n%-12s %7s %7s\n", "label", "mean F1", "SD F1");
	for (size_t i = 0; i < g->nlabels; i++) {
		cmd_printf(f, "%-12s ", g->labels[i].name);
		cmd_agree_num(f, g->labels[i].mean_f1);
		fputc(' ', f);
		cmd_agree_num(f, g->labels[i].sd_f1);
		fputc('\n', f);
	}
	fputs("\noverall: mean F1 ", f);
	cmd_agree_num(f, g->mean_f1);
	fputs(", SD F1 ", f);
	cmd_agree_num(f, g->sd_f1);
	cmd_printf(f, "\n\npairs (b against a)\n%-16s %-16s %8s %7s %7s %7s%s\n", "a", "b",
	           "articles", "P", "R", "F1", token ? "   kappa" : "");
	for (size_t i = 0; i < g->npairs; i++) {
		const desk_agree_pair *p = &g->pairs[i];

		cmd_printf(f, "%-16s %-16s %8lld ", p->a, p->b, (long long)p->articles);
		cmd_agree_num(f, p->precision);
		fputc(' ', f);
		cmd_agree_num(f, p->recall);
		fputc(' ', f);
		cmd_agree_num(f, p->f1);
		if (token) {
			fputc(' ', f);
			cmd_agree_num(f, p->kappa);
		}
		fputc('\n', f);
	}
}

/* "A,B,C" into its names (in s, cut in place). */
static int
cmd_agree_users(const char ***out, size_t *n, char *s)
{
	size_t cap = 1;

	for (const char *p = s; *p; p++)
		cap += *p == ',';
	if ((*out = calloc(cap, sizeof **out)) == NULL)
		return DESK_NOMEM;
	*n = 0;
	for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ","))
		if (*tok)
			(*out)[(*n)++] = tok;
	return DESK_OK;
}

int
cmd_agreement(struct cli *c, int argc, char **argv)
{
	desk_agree_opts o = {0};
	desk_agreement *a = NULL;
	const char **users = NULL;
	char *list = NULL, *json = NULL;
	desk *d = NULL;
	int json_out = 0, rc = DESK_OK, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else if (strcmp(argv[i], "--users") == 0 && i + 1 < argc && list == NULL)
			list = argv[++i];
		else if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
			o.label = argv[++i];
		else
			return cmd_usage(c, "agreement", "unexpected argument %s", argv[i]);
	}
	if (list != NULL) {
		if ((list = strdup(list)) == NULL ||
		    cmd_agree_users(&users, &o.nusers, list) != DESK_OK) {
			free(list);
			cmd_printf(c->err, "copydesk agreement: out of memory\n");
			return cmd_exit_status(DESK_NOMEM);
		}
		if (o.nusers < 2) {
			free(users);
			free(list);
			return cmd_usage(c, "agreement", "--users needs two editors or more (A,B)");
		}
		o.users = users;
	}
	if ((ret = cmd_open(&d, c)) != EXIT_OK_) {
		free(users);
		free(list);
		return ret;
	}
	if ((rc = desk_agreement_get(&a, d, &o)) != DESK_OK) {
		cmd_printf(c->err, "copydesk agreement: %s (%s)\n", desk_errmsg(d),
		           desk_rule_name(desk_errrule(d))[0] ? desk_rule_name(desk_errrule(d))
		                                              : desk_strerror(rc));
	} else if (json_out) {
		if ((rc = desk_agreement_json(&json, a)) == DESK_OK)
			cmd_write_json(c->out, json);
		else
			cmd_printf(c->err, "copydesk agreement: out of memory\n");
	} else {
		cmd_printf(c->out, "%zu editors:", a->neditors);
		for (size_t i = 0; i < a->neditors; i++)
			cmd_printf(c->out, "%s%s", i ? ", " : " ", a->editors[i]);
		cmd_printf(c->out, "\n%lld articles annotated by more than one of them%s%s\n",
		           (long long)a->articles, o.label ? "; spans labelled " : "",
		           o.label ? o.label : "");
		cmd_agree_fig(c->out, "instance-based (same offsets and label)", &a->instance, 0);
		cmd_agree_fig(c->out, "overlap (spans of the same label that share a character)",
		              &a->overlap, 0);
		cmd_agree_fig(c->out, "token-based (white-space tokens, bratiaa's)", &a->token, 1);
		fputs("\ntoken kappa (mean of the pairs'): ", c->out);
		cmd_agree_num(c->out, a->kappa);
		fputs("\nKrippendorff's alpha_u: ", c->out);
		cmd_agree_num(c->out, a->alpha);
		if (isnan(a->alpha))
			fputs(a->neditors < 3 ? "  (needs three editors or more)"
			                      : "  (no article every editor annotated)",
			      c->out);
		else
			fprintf(c->out, "  (%lld articles every editor annotated)",
			        (long long)a->alpha_articles);
		fputc('\n', c->out);
	}
	free(json);
	desk_agreement_free(a);
	desk_close(d);
	free(users);
	free(list);
	return cmd_exit_status(rc);
}
