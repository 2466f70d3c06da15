/*
 * agree_json.c - the figures as JSON (desk_agreement_json), in the shape
 * the issue gives: {"editors", "instance": {"overall", "labels",
 * "articles", "pairs"}, "token": {...}, "kappa", "alpha"}, and the overlap
 * figures and the counts as further keys.  A figure that is not defined is
 * null (JSON has no NaN).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "agree_int.h"

static json_t *
agree_num(double v)
{
	return isnan(v) || isinf(v) ? json_null() : json_real(v);
}

static json_t *
agree_meansd(double mean, double sd)
{
	return json_pack("{soso}", "mean_f1", agree_num(mean), "sd_f1", agree_num(sd));
}

static json_t *
agree_fig_json(const desk_agree_figures *f, int token)
{
	json_t *o = json_object(), *labels = json_object(), *arts = json_object(),
	       *pairs = json_array();

	if (o == NULL || labels == NULL || arts == NULL || pairs == NULL)
		goto fail;
	for (size_t i = 0; i < f->nlabels; i++)
		if (json_object_set_new(labels, f->labels[i].name,
		                        agree_meansd(f->labels[i].mean_f1, f->labels[i].sd_f1)) !=
		    0)
			goto fail;
	for (size_t i = 0; i < f->narticles; i++) {
		const desk_agree_row *r = &f->articles[i];
		json_t *e = agree_meansd(r->mean_f1, r->sd_f1);
		char id[24];

		snprintf(id, sizeof id, "%lld", (long long)r->article_id);
		if (e == NULL || json_object_set_new(e, "title", json_string(r->name)) != 0 ||
		    json_object_set_new(arts, id, e) != 0)
			goto fail;
	}
	for (size_t i = 0; i < f->npairs; i++) {
		const desk_agree_pair *p = &f->pairs[i];
		json_t *e =
		    json_pack("{sssssosososIsIsIsI}", "a", p->a, "b", p->b, "precision",
		              agree_num(p->precision), "recall", agree_num(p->recall), "f1",
		              agree_num(p->f1), "articles", (json_int_t)p->articles, "tp",
		              (json_int_t)p->tp, "fp", (json_int_t)p->fp, "fn", (json_int_t)p->fn);

		if (e == NULL ||
		    (token && json_object_set_new(e, "kappa", agree_num(p->kappa)) != 0) ||
		    json_array_append_new(pairs, e) != 0)
			goto fail;
	}
	if (json_object_set_new(o, "overall", agree_meansd(f->mean_f1, f->sd_f1)) != 0 ||
	    json_object_set_new(o, "labels", labels) != 0)
		goto fail_lists;
	labels = NULL;
	if (json_object_set_new(o, "articles", arts) != 0)
		goto fail_lists;
	arts = NULL;
	if (json_object_set_new(o, "pairs", pairs) != 0)
		goto fail_lists;
	return o;
fail:
fail_lists:
	json_decref(o);
	json_decref(labels);
	json_decref(arts);
	json_decref(pairs);
	return NULL;
}

int
agree_json(char **out, const desk_agreement *a)
{
	json_t *o = json_object(), *ed = json_array(), *ins = agree_fig_json(&a->instance, 0),
	       *ovl = agree_fig_json(&a->overlap, 0), *tok = agree_fig_json(&a->token, 1);
	int rc = DESK_NOMEM;

	*out = NULL;
	for (size_t i = 0; ed && i < a->neditors; i++)
		if (json_array_append_new(ed, json_string(a->editors[i])) != 0)
			goto done;
	if (o == NULL || ed == NULL || ins == NULL || ovl == NULL || tok == NULL)
		goto done;
	if (json_object_set(o, "editors", ed) == 0 &&
	    json_object_set_new(o, "articles_compared", json_integer(a->articles)) == 0 &&
	    json_object_set(o, "instance", ins) == 0 && json_object_set(o, "token", tok) == 0 &&
	    json_object_set_new(o, "kappa", agree_num(a->kappa)) == 0 &&
	    json_object_set_new(o, "alpha", agree_num(a->alpha)) == 0 &&
	    json_object_set_new(o, "alpha_articles", json_integer(a->alpha_articles)) == 0 &&
	    json_object_set(o, "overlap", ovl) == 0 &&
	    (*out = json_dumps(o, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))) != NULL)
		rc = DESK_OK;
done:
	json_decref(o);
	json_decref(ed);
	json_decref(ins);
	json_decref(ovl);
	json_decref(tok);
	return rc;
}
