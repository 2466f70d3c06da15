/*
 * release_agree.c - the agreement section of a release's dataset card: when
 * the released articles hold more than one editor's spans, the figures of
 * `copydesk agreement` (agree.h) over exactly those articles (the export's
 * selection of the release's filter, every split), with its label; the
 * card shows each way's overall mean and SD, the labels' and the pairs'.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "export.h"
#include "release_int.h"

int
release_agree(desk *d, release_info *ri)
{
	desk_filter f = ri->o->exp.filter;
	desk_agree_opts o = {0};
	sqlite3_stmt *st = NULL;
	int64_t *ids = NULL, shared = 0;
	size_t n = 0, cap = 0;
	char *json = NULL;
	int rc, s;

	for (int k = 0; k < 3; k++)
		shared += ri->split[k]->shared_articles > 0 ? ri->split[k]->shared_articles : 0;
	if (shared == 0 || f.user != NULL) /* one layer: nothing to compare */
		return DESK_OK;
	f.split = 0;
	if (f.articles != NULL && (json = export_ids_json(&f)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if ((rc = export_select(d, &st, export_articles_sql, &f, json)) != DESK_OK)
		goto done;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if (desk_grow(&ids, &cap, n, sizeof *ids) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	if (s != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "release articles");
		goto done;
	}
	o.articles = ids;
	o.narticles = n;
	o.label = f.label;
	rc = desk_agreement_get(&ri->agree, d, &o);
	if (rc == DESK_NOTFOUND) { /* fewer than two editors after all: no section */
		ri->agree = NULL;
		rc = DESK_OK;
	}
done:
	sqlite3_finalize(st);
	free(ids);
	free(json);
	return rc;
}

static void
release_agree_num(FILE *f, double v)
{
	if (isnan(v))
		fputs("–", f);
	else
		fprintf(f, "%.3f", v);
}

static void
release_agree_meansd(FILE *f, double mean, double sd)
{
	release_agree_num(f, mean);
	fputs(" | ", f);
	release_agree_num(f, sd);
}

void
release_agree_card(FILE *f, const desk_agreement *a)
{
	const desk_agree_figures *g[3] = {&a->instance, &a->overlap, &a->token};
	static const char *const what[3] = {"instance (exact offsets and label)",
	                                    "overlap (same label, sharing a character)",
	                                    "token (white-space tokens)"};

	fprintf(f,
	        "The editors' layers (each editor's spans) compared over the %lld released "
	        "article%s that more than one of them annotated, as bratiaa reports agreement "
	        "(copydesk's `agreement` command gives the same figures; its man page and "
	        "core/src/agree/README.md define them).  Editors: ",
	        (long long)a->articles, a->articles == 1 ? "" : "s");
	for (size_t i = 0; i < a->neditors; i++) {
		fputs(i ? ", " : "", f);
		release_put_md(f, a->editors[i]);
	}
	fputs(".\n\n| F1 | mean | SD |\n|---|---:|---:|\n", f);
	for (int k = 0; k < 3; k++) {
		fprintf(f, "| %s | ", what[k]);
		release_agree_meansd(f, g[k]->mean_f1, g[k]->sd_f1);
		fputs(" |\n", f);
	}
	fputs("\nPer label (instance-based F1 over the pairs):\n\n| label | mean | SD |\n"
	      "|---|---:|---:|\n",
	      f);
	for (size_t i = 0; i < a->instance.nlabels; i++) {
		fputs("| ", f);
		release_put_md(f, a->instance.labels[i].name);
		fputs(" | ", f);
		release_agree_meansd(f, a->instance.labels[i].mean_f1, a->instance.labels[i].sd_f1);
		fputs(" |\n", f);
	}
	fputs("\nPairs (b measured against a):\n\n| a | b | articles | P | R | F1 | overlap F1 "
	      "| token F1 | token kappa |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
	      f);
	for (size_t i = 0; i < a->instance.npairs; i++) {
		const desk_agree_pair *p = &a->instance.pairs[i];

		fputs("| ", f);
		release_put_md(f, p->a);
		fputs(" | ", f);
		release_put_md(f, p->b);
		fprintf(f, " | %lld | ", (long long)p->articles);
		release_agree_num(f, p->precision);
		fputs(" | ", f);
		release_agree_num(f, p->recall);
		fputs(" | ", f);
		release_agree_num(f, p->f1);
		fputs(" | ", f);
		release_agree_num(f, a->overlap.pairs[i].f1);
		fputs(" | ", f);
		release_agree_num(f, a->token.pairs[i].f1);
		fputs(" | ", f);
		release_agree_num(f, a->token.pairs[i].kappa);
		fputs(" |\n", f);
	}
	fputs("\nToken kappa (mean of the pairs'): ", f);
	release_agree_num(f, a->kappa);
	fputs("; Krippendorff's alpha_u: ", f);
	release_agree_num(f, a->alpha);
	if (isnan(a->alpha))
		fputs(a->neditors < 3 ? " (it needs three editors or more)"
		                      : " (no article every editor annotated)",
		      f);
	else
		fprintf(f, " (over the %lld articles every editor annotated)",
		        (long long)a->alpha_articles);
	fputs(".  – : not defined (no span on either side of a pair).\n\n", f);
}
