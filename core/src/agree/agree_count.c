/*
 * agree_count.c - the counts of one pair of layers on one article, each way
 * of matching as agree/README.md defines it: instance-based and token-based
 * as bratiaa's evaluation.py (sets of (label, offsets); multisets of
 * (label, token)), the one-to-one overlap matching, each token's category
 * for kappa, and numpy's arithmetic (F1 with 0/0 as NaN, mean, population
 * standard deviation).  Pure: no database.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agree_int.h"

static int
agree_span_cmp(const void *x, const void *y)
{
	const agree_span *a = x, *b = y;

	if (a->label != b->label)
		return a->label < b->label ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

size_t
agree_layer_norm(agree_span *v, size_t n)
{
	size_t k = 0;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, agree_span_cmp);
	for (size_t i = 1; i < n; i++)
		if (agree_span_cmp(&v[k], &v[i]) != 0)
			v[++k] = v[i];
	return k + 1;
}

void
agree_count_exact(agree_counts *c, const agree_span *a, size_t na, const agree_span *b, size_t nb)
{
	size_t i = 0, j = 0;

	while (i < na || j < nb) {
		int k = i == na ? 1 : j == nb ? -1 : agree_span_cmp(&a[i], &b[j]);

		if (k == 0) {
			c->tp[a[i].label]++;
			i++;
			j++;
		} else if (k < 0) {
			c->fn[a[i++].label]++;
		} else {
			c->fp[b[j++].label]++;
		}
	}
}

/* Kuhn's augmenting path from a's span i through the spans of b it overlaps. */
static int
agree_augment(size_t i, const agree_span *a, const agree_span *b, size_t nb, long *match,
              unsigned char *seen)
{
	for (size_t j = 0; j < nb; j++) {
		if (seen[j] || b[j].start >= a[i].end || a[i].start >= b[j].end)
			continue;
		seen[j] = 1;
		if (match[j] < 0 || agree_augment((size_t)match[j], a, b, nb, match, seen)) {
			match[j] = (long)i;
			return 1;
		}
	}
	return 0;
}

int
agree_count_overlap(agree_counts *c, const agree_span *a, size_t na, const agree_span *b, size_t nb)
{
	size_t i = 0, j = 0;

	/* Label by label: both layers are sorted by label first. */
	while (i < na || j < nb) {
		int label = i == na                   ? b[j].label
		            : j == nb                 ? a[i].label
		            : a[i].label < b[j].label ? a[i].label
		                                      : b[j].label;
		size_t i1 = i, j1 = j, matched = 0;
		long *match;
		unsigned char *seen;

		while (i1 < na && a[i1].label == label)
			i1++;
		while (j1 < nb && b[j1].label == label)
			j1++;
		if (i1 > i && j1 > j) {
			if ((match = malloc((j1 - j) * sizeof *match)) == NULL ||
			    (seen = malloc(j1 - j)) == NULL) {
				free(match);
				return DESK_NOMEM;
			}
			for (size_t k = 0; k < j1 - j; k++)
				match[k] = -1;
			for (size_t k = 0; k < i1 - i; k++) {
				memset(seen, 0, j1 - j);
				matched +=
				    (size_t)agree_augment(k, a + i, b + j, j1 - j, match, seen);
			}
			free(match);
			free(seen);
		}
		c->tp[label] += (int64_t)matched;
		c->fn[label] += (int64_t)(i1 - i - matched);
		c->fp[label] += (int64_t)(j1 - j - matched);
		i = i1;
		j = j1;
	}
	return DESK_OK;
}

int
agree_layer_tokens(agree_span **out, size_t *n, const agree_span *v, size_t nv,
                   const desk_range *tk, size_t ntk)
{
	agree_span *t = NULL;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < nv; i++) {
		size_t lo = 0, hi = ntk;

		/* The first token that ends after the span starts (bratiaa's overlapping_tokens).
		 */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (tk[mid].end <= v[i].start)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo; k < ntk && tk[k].start < v[i].end; k++) {
			if (desk_grow(&t, &cap, *n, sizeof *t) != DESK_OK) {
				free(t);
				*n = 0;
				return DESK_NOMEM;
			}
			t[(*n)++] = (agree_span){(int64_t)k, (int64_t)k + 1, v[i].label};
		}
	}
	if (*n > 1)
		qsort(t, *n, sizeof *t, agree_span_cmp);
	*out = t;
	return DESK_OK;
}

/* The category numbered for key (made if new): 1, 2, ... */
static int
agree_cat_of(agree_cats *cats, const char *key)
{
	char *k;

	for (size_t i = 0; i < cats->n; i++)
		if (strcmp(cats->key[i], key) == 0)
			return (int)i + 1;
	if ((k = desk_strdup(key)) == NULL ||
	    desk_grow(&cats->key, &cats->cap, cats->n, sizeof *cats->key) != DESK_OK) {
		free(k);
		return -1;
	}
	cats->key[cats->n++] = k;
	return (int)cats->n;
}

static int
agree_tok_bytok(const void *x, const void *y)
{
	const agree_span *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->label < b->label ? -1 : a->label > b->label;
}

int
agree_token_cats(int *cat, size_t ntk, const agree_span *t, size_t nt, agree_cats *cats)
{
	agree_span *v = NULL;

	memset(cat, 0, ntk * sizeof *cat);
	if (nt == 0)
		return DESK_OK;
	if ((v = malloc(nt * sizeof *v)) == NULL)
		return DESK_NOMEM;
	memcpy(v, t, nt * sizeof *v);
	if (nt > 1)
		qsort(v, nt, sizeof *v, agree_tok_bytok);
	for (size_t i = 0; i < nt;) {
		char key[256];
		size_t len = 0, j = i;
		int last = -1, c;

		for (; j < nt && v[j].start == v[i].start; j++)
			if (v[j].label != last && len + 16 < sizeof key) {
				len += (size_t)snprintf(key + len, sizeof key - len, "%s%d",
				                        len ? "," : "", v[j].label);
				last = v[j].label;
			}
		key[len] = '\0';
		if ((c = agree_cat_of(cats, key)) < 0) {
			free(v);
			return DESK_NOMEM;
		}
		if ((size_t)v[i].start < ntk)
			cat[v[i].start] = c;
		i = j;
	}
	free(v);
	return DESK_OK;
}

void
agree_cats_free(agree_cats *cats)
{
	for (size_t i = 0; i < cats->n; i++)
		free(cats->key[i]);
	free(cats->key);
	memset(cats, 0, sizeof *cats);
}

double
agree_ratio(int64_t num, int64_t den)
{
	return den == 0 ? NAN : (double)num / (double)den;
}

double
agree_f1(int64_t tp, int64_t fp, int64_t fn)
{
	return agree_ratio(2 * tp, 2 * tp + fp + fn);
}

void
agree_mean_sd(double *mean, double *sd, const double *v, size_t n)
{
	long double s = 0, q = 0, m;

	if (n == 0) {
		*mean = *sd = NAN;
		return;
	}
	for (size_t i = 0; i < n; i++)
		s += v[i];
	m = s / (long double)n;
	for (size_t i = 0; i < n; i++)
		q += (v[i] - m) * (v[i] - m);
	*mean = (double)m;
	*sd = (double)sqrtl(q / (long double)n);
}
