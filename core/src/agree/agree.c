/*
 * agree.c - desk_agreement_get(): the articles more than one editor
 * annotated (agree_load.c), each read once and counted for every pair of
 * its editors in the three ways (agree_count.c), the counts summed as
 * bratiaa sums them (per article over labels, per label over articles,
 * overall over both) and turned into each pair's F1 and their mean and
 * population SD; token kappa per pair, and alpha_u (agree_alpha.c) over the
 * articles every editor annotated when there are three or more.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "agree_load.h"

enum { AGREE_INSTANCE, AGREE_OVERLAP, AGREE_TOKEN, AGREE_KINDS };

/* One pair's sums over the articles. */
typedef struct agree_acc {
	int64_t articles;
	agree_counts c[AGREE_KINDS]; /* per label */
	int64_t *ka, *kb;            /* kappa: tokens of each category (0: O) */
	size_t kcap;
	int64_t kagree, kn;
} agree_acc;

/* Everything one run holds. */
typedef struct agree_run {
	agree_data x;
	agree_doc doc;
	agree_acc *acc; /* npairs, by agree_pair_at */
	size_t npairs;
	agree_cats cats;
	agree_unit *units; /* alpha's */
	size_t nunits, capunits;
	int64_t alpha_len;
	desk_agreement *out;
	size_t caprows[AGREE_KINDS];
	int64_t *scratch; /* 3 * nlabels: one pair's counts on one article */
} agree_run;

static size_t
agree_pair_at(size_t n, size_t i, size_t j)
{
	return i * n - i * (i + 1) / 2 + (j - i - 1);
}

static desk_agree_figures *
agree_fig(desk_agreement *a, int k)
{
	return k == AGREE_INSTANCE ? &a->instance : k == AGREE_OVERLAP ? &a->overlap : &a->token;
}

static int
agree_acc_kappa_room(agree_acc *p, size_t ncats)
{
	if (ncats + 1 <= p->kcap)
		return DESK_OK;
	size_t cap = (ncats + 1) * 2;
	int64_t *a = realloc(p->ka, cap * sizeof *a), *b;

	if (a == NULL)
		return DESK_NOMEM;
	p->ka = a;
	if ((b = realloc(p->kb, cap * sizeof *b)) == NULL)
		return DESK_NOMEM;
	p->kb = b;
	memset(p->ka + p->kcap, 0, (cap - p->kcap) * sizeof *a);
	memset(p->kb + p->kcap, 0, (cap - p->kcap) * sizeof *b);
	p->kcap = cap;
	return DESK_OK;
}

/* An article's row: the mean and SD of its pairs' F1. */
static int
agree_row(agree_run *r, int k, int64_t id, const double *f1, size_t n)
{
	desk_agree_figures *f = agree_fig(r->out, k);
	desk_agree_row *row;

	if (desk_grow(&f->articles, &r->caprows[k], f->narticles, sizeof *f->articles) != DESK_OK)
		return DESK_NOMEM;
	row = &f->articles[f->narticles];
	memset(row, 0, sizeof *row);
	if ((row->name = desk_strdup(r->doc.title)) == NULL)
		return DESK_NOMEM;
	row->article_id = id;
	agree_mean_sd(&row->mean_f1, &row->sd_f1, f1, n);
	f->narticles++;
	return DESK_OK;
}

/* One article: every pair of its editors (ed[0..ne)), in the three ways. */
static int
agree_article(agree_run *r, int64_t id, const int *ed, size_t ne, const char *label)
{
	agree_data *x = &r->x;
	agree_doc *doc = &r->doc;
	size_t L = x->nlabels, ntk = 0, np = ne * (ne - 1) / 2, q = 0;
	desk_range *tk = NULL;
	agree_span **tok = calloc(ne, sizeof *tok);
	size_t *ntok = calloc(ne, sizeof *ntok);
	int **cat = calloc(ne, sizeof *cat);
	double *f1 = malloc((np ? np : 1) * AGREE_KINDS * sizeof *f1);
	int rc;

	if (tok == NULL || ntok == NULL || cat == NULL || f1 == NULL) {
		rc = DESK_NOMEM;
		goto done;
	}
	if ((rc = agree_load_doc(doc, x, id, label)) != DESK_OK)
		goto done;
	if ((rc = wstokens_split(&tk, &ntk, doc->body, doc->blen)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < ne; i++) {
		int e = ed[i];

		doc->n[e] = agree_layer_norm(doc->spans[e], doc->n[e]);
		if ((rc = agree_layer_tokens(&tok[i], &ntok[i], doc->spans[e], doc->n[e], tk,
		                             ntk)) != DESK_OK ||
		    (cat[i] = malloc((ntk ? ntk : 1) * sizeof **cat)) == NULL ||
		    (rc = agree_token_cats(cat[i], ntk, tok[i], ntok[i], &r->cats)) != DESK_OK) {
			rc = rc ? rc : DESK_NOMEM;
			goto done;
		}
	}
	for (size_t i = 0; i < ne; i++)
		for (size_t j = i + 1; j < ne; j++, q++) {
			agree_acc *p =
			    &r->acc[agree_pair_at(x->nnames, (size_t)ed[i], (size_t)ed[j])];
			int ea = ed[i], eb = ed[j];

			p->articles++;
			for (int k = 0; k < AGREE_KINDS; k++) {
				agree_counts c = {r->scratch, r->scratch + L, r->scratch + 2 * L};
				int64_t tp = 0, fp = 0, fn = 0;

				memset(r->scratch, 0, 3 * L * sizeof *r->scratch);
				if (k == AGREE_INSTANCE)
					agree_count_exact(&c, doc->spans[ea], doc->n[ea],
					                  doc->spans[eb], doc->n[eb]);
				else if (k == AGREE_OVERLAP &&
				         (rc = agree_count_overlap(&c, doc->spans[ea], doc->n[ea],
				                                   doc->spans[eb], doc->n[eb])) !=
				             DESK_OK)
					goto done;
				else if (k == AGREE_TOKEN)
					agree_count_exact(&c, tok[i], ntok[i], tok[j], ntok[j]);
				for (size_t l = 0; l < L; l++) {
					p->c[k].tp[l] += c.tp[l];
					p->c[k].fp[l] += c.fp[l];
					p->c[k].fn[l] += c.fn[l];
					tp += c.tp[l];
					fp += c.fp[l];
					fn += c.fn[l];
				}
				f1[k * np + q] = agree_f1(tp, fp, fn);
			}
			if ((rc = agree_acc_kappa_room(p, r->cats.n)) != DESK_OK)
				goto done;
			for (size_t t = 0; t < ntk; t++) {
				p->ka[cat[i][t]]++;
				p->kb[cat[j][t]]++;
				p->kagree += cat[i][t] == cat[j][t];
			}
			p->kn += (int64_t)ntk;
		}
	for (int k = 0; k < AGREE_KINDS && rc == DESK_OK; k++)
		rc = agree_row(r, k, id, f1 + k * np, np);
	/* alpha_u's continuum: the articles every editor annotated, one after another. */
	if (rc == DESK_OK && x->nnames >= 3 && ne == x->nnames) {
		for (size_t i = 0; i < ne && rc == DESK_OK; i++)
			for (size_t s = 0; s < doc->n[ed[i]]; s++) {
				const agree_span *v = &doc->spans[ed[i]][s];

				if (desk_grow(&r->units, &r->capunits, r->nunits,
				              sizeof *r->units) != DESK_OK) {
					rc = DESK_NOMEM;
					break;
				}
				r->units[r->nunits++] =
				    (agree_unit){v->label, (int)i, r->alpha_len + v->start,
				                 r->alpha_len + v->end};
			}
		r->alpha_len += doc->chars;
		r->out->alpha_articles++;
	}
done:
	for (size_t i = 0; i < ne; i++) {
		if (tok)
			free(tok[i]);
		if (cat)
			free(cat[i]);
	}
	free(tok);
	free(ntok);
	free(cat);
	free(f1);
	free(tk);
	return rc == DESK_NOMEM ? desk_error(x->d, rc, "out of memory") : rc;
}

/* Cohen's kappa of a pair's token categories. */
static double
agree_kappa(const agree_acc *p)
{
	long double pe = 0, po, n = (long double)p->kn;

	if (p->kn == 0)
		return NAN;
	po = (long double)p->kagree / n;
	for (size_t c = 0; c < p->kcap; c++)
		pe += ((long double)p->ka[c] / n) * ((long double)p->kb[c] / n);
	return pe >= 1 ? NAN : (double)((po - pe) / (1 - pe));
}

/* The pairs, the overall figures and the labels' of one kind. */
static int
agree_finish_kind(agree_run *r, int k)
{
	desk_agree_figures *f = agree_fig(r->out, k);
	agree_data *x = &r->x;
	size_t L = x->nlabels, n = 0;
	double *v = malloc((r->npairs ? r->npairs : 1) * sizeof *v);

	if (v == NULL || (r->npairs && (f->pairs = calloc(r->npairs, sizeof *f->pairs)) == NULL) ||
	    (L && (f->labels = calloc(L, sizeof *f->labels)) == NULL)) {
		free(v);
		return DESK_NOMEM;
	}
	for (size_t i = 0; i < x->nnames; i++)
		for (size_t j = i + 1; j < x->nnames; j++) {
			agree_acc *p = &r->acc[agree_pair_at(x->nnames, i, j)];
			desk_agree_pair *o = &f->pairs[f->npairs];

			if (p->articles == 0)
				continue;
			o->a = r->out->editors[i];
			o->b = r->out->editors[j];
			o->articles = p->articles;
			for (size_t l = 0; l < L; l++) {
				o->tp += p->c[k].tp[l];
				o->fp += p->c[k].fp[l];
				o->fn += p->c[k].fn[l];
			}
			o->precision = agree_ratio(o->tp, o->tp + o->fp);
			o->recall = agree_ratio(o->tp, o->tp + o->fn);
			o->f1 = agree_f1(o->tp, o->fp, o->fn);
			o->kappa = k == AGREE_TOKEN ? agree_kappa(p) : NAN;
			v[f->npairs++] = o->f1;
		}
	agree_mean_sd(&f->mean_f1, &f->sd_f1, v, f->npairs);
	/* The labels that have a span in the articles compared, by name. */
	for (size_t l = 0; l < L; l++) {
		int used = 0;

		n = 0;
		for (size_t i = 0; i < x->nnames; i++)
			for (size_t j = i + 1; j < x->nnames; j++) {
				agree_acc *p = &r->acc[agree_pair_at(x->nnames, i, j)];

				if (p->articles == 0)
					continue;
				used |= p->c[k].tp[l] + p->c[k].fp[l] + p->c[k].fn[l] > 0;
				v[n++] = agree_f1(p->c[k].tp[l], p->c[k].fp[l], p->c[k].fn[l]);
			}
		if (!used)
			continue;
		if ((f->labels[f->nlabels].name = desk_strdup(x->labels[l])) == NULL) {
			free(v);
			return DESK_NOMEM;
		}
		agree_mean_sd(&f->labels[f->nlabels].mean_f1, &f->labels[f->nlabels].sd_f1, v, n);
		f->nlabels++;
	}
	free(v);
	return DESK_OK;
}

void
desk_agreement_free(desk_agreement *a)
{
	if (a == NULL)
		return;
	for (int k = 0; k < AGREE_KINDS; k++) {
		desk_agree_figures *f = agree_fig(a, k);

		for (size_t i = 0; i < f->nlabels; i++)
			free((char *)f->labels[i].name);
		for (size_t i = 0; i < f->narticles; i++)
			free((char *)f->articles[i].name);
		free(f->labels);
		free(f->articles);
		free(f->pairs);
	}
	for (size_t i = 0; i < a->neditors; i++)
		free((char *)a->editors[i]);
	free(a->editors);
	free(a);
}

static void
agree_run_free(agree_run *r)
{
	for (size_t p = 0; r->acc && p < r->npairs; p++) {
		for (int k = 0; k < AGREE_KINDS; k++)
			free(r->acc[p].c[k].tp); /* fp and fn share its block */
		free(r->acc[p].ka);
		free(r->acc[p].kb);
	}
	free(r->acc);
	for (size_t i = 0; i < r->x.nnames; i++)
		free(r->x.names[i]);
	free(r->x.names);
	for (size_t i = 0; i < r->x.nlabels; i++)
		free(r->x.labels[i]);
	free(r->x.labels);
	free(r->x.ae);
	agree_doc_free(&r->doc);
	agree_cats_free(&r->cats);
	free(r->units);
	free(r->scratch);
}

/* The editors into the result (it owns their names), and each pair's sums. */
static int
agree_start(agree_run *r)
{
	size_t n = r->x.nnames, L = r->x.nlabels;

	if ((r->out->editors = calloc(n ? n : 1, sizeof *r->out->editors)) == NULL)
		return DESK_NOMEM;
	for (size_t i = 0; i < n; i++)
		if ((r->out->editors[r->out->neditors++] = desk_strdup(r->x.names[i])) == NULL)
			return DESK_NOMEM;
	r->npairs = n * (n - 1) / 2;
	if ((r->acc = calloc(r->npairs ? r->npairs : 1, sizeof *r->acc)) == NULL ||
	    (r->scratch = malloc((3 * L + 1) * sizeof *r->scratch)) == NULL)
		return DESK_NOMEM;
	for (size_t p = 0; p < r->npairs; p++)
		for (int k = 0; k < AGREE_KINDS; k++) {
			int64_t *b = calloc(3 * L + 1, sizeof *b);

			if (b == NULL)
				return DESK_NOMEM;
			r->acc[p].c[k] = (agree_counts){b, b + L, b + 2 * L};
		}
	return DESK_OK;
}

int
desk_agreement_get(desk_agreement **out, desk *d, const desk_agree_opts *o)
{
	agree_run r;
	int rc, reading = 0;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	memset(&r, 0, sizeof r);
	r.x.d = d;
	if ((r.out = calloc(1, sizeof *r.out)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	r.out->kappa = r.out->alpha = NAN;
	if ((rc = desk_read_begin(d)) != DESK_OK)
		goto done;
	reading = 1;
	if ((rc = agree_load_editors(&r.x, o)) != DESK_OK ||
	    (rc = agree_load_labels(&r.x)) != DESK_OK)
		goto done;
	if (o && o->label && agree_label_of(&r.x, o->label) < 0) {
		rc = desk_error_field(d, DESK_NOTFOUND, "label", DESK_RULE_UNKNOWN,
		                      "no label %s in the label set", o->label);
		goto done;
	}
	if (r.x.nnames < 2) {
		rc = desk_error_field(d, DESK_NOTFOUND, "users", DESK_RULE_ONE_LAYER,
		                      "agreement needs two editors' layers; there %s %zu",
		                      r.x.nnames == 1 ? "is" : "are", r.x.nnames);
		goto done;
	}
	if ((rc = agree_load_articles(&r.x, o)) != DESK_OK)
		goto done;
	if ((rc = agree_start(&r)) != DESK_OK) {
		rc = desk_error(d, rc, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < r.x.nae && rc == DESK_OK;) {
		int ed[64], *eds = ed;
		size_t j = i, ne = 0;

		while (j < r.x.nae && r.x.ae[j].article == r.x.ae[i].article)
			j++;
		if (j - i > 64 && (eds = malloc((j - i) * sizeof *eds)) == NULL) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			break;
		}
		for (size_t k = i; k < j; k++)
			eds[ne++] = r.x.ae[k].editor;
		rc = agree_article(&r, r.x.ae[i].article, eds, ne, o ? o->label : NULL);
		r.out->articles++;
		if (eds != ed)
			free(eds);
		i = j;
	}
	for (int k = 0; k < AGREE_KINDS && rc == DESK_OK; k++)
		if ((rc = agree_finish_kind(&r, k)) != DESK_OK)
			rc = desk_error(d, rc, "out of memory");
	if (rc == DESK_OK) {
		double *kv = malloc((r.out->token.npairs + 1) * sizeof *kv), sd;

		if (kv == NULL) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		for (size_t p = 0; p < r.out->token.npairs; p++)
			kv[p] = r.out->token.pairs[p].kappa;
		agree_mean_sd(&r.out->kappa, &sd, kv, r.out->token.npairs);
		free(kv);
		if (r.x.nnames >= 3 && r.out->alpha_articles > 0 &&
		    agree_alpha_u(&r.out->alpha, NULL, NULL, r.units, r.nunits, (int)r.x.nnames,
		                  r.alpha_len) != DESK_OK)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
	}
done:
	if (reading)
		desk_read_end(d);
	agree_run_free(&r);
	if (rc != DESK_OK) {
		desk_agreement_free(r.out);
		return rc;
	}
	*out = r.out;
	return DESK_OK;
}

int
desk_agreement_json(char **out, const desk_agreement *a)
{
	return agree_json(out, a);
}
