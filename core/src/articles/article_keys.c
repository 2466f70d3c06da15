/*
 * article_keys.c - what a batch of articles needs before it is stored,
 * worked out on every processor before the batch's transaction (article.c):
 * each article's sentences as rows of the index of repeats (sentindex.c),
 * already in the index's order, and the hash and length of each body.  The
 * write lock then costs the batch nothing but its inserts.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* Below this many articles a batch's keys are worked out in the caller's thread alone. */
#define ARTICLE_KEYS_PARALLEL 16
#define ARTICLE_KEYS_THREADS  8

/* A share of a batch's articles that one thread works out. */
typedef struct article_keys_part {
	const desk_article_in *in;
	article_keys *k; /* hash and chars: each part fills its own range */
	sentindex_rows rows;
	size_t from, to, bad;
	int rc;
} article_keys_part;

static void *
article_keys_main(void *arg)
{
	article_keys_part *p = arg;
	claimkey_scratch sc = {0};
	sentindex_keys keys = {0};

	p->rc = DESK_OK;
	for (size_t i = p->from; i < p->to && p->rc == DESK_OK; i++) {
		const desk_article_in *a = &p->in[i];

		if (a->body == NULL)
			continue;
		hash_hex(p->k->hash[i], a->body, a->body_len);
		p->k->chars[i] = desk_utf8_count(a->body, a->body_len);
		if ((p->rc = sentindex_keys_with(&keys, &sc, a->body, a->body_len)) != DESK_OK ||
		    (p->rc = sentindex_rows_add(&p->rows, (int64_t)i, &keys)) != DESK_OK)
			p->bad = i;
		sentindex_keys_free(&keys);
	}
	claimkey_scratch_free(&sc);
	if (p->rc == DESK_OK)
		sentindex_rows_sort(&p->rows);
	return NULL;
}

/* The parts' sorted rows into out, in the index's order (their runs merged). */
static int
article_keys_merge(sentindex_rows *out, article_keys_part *parts, size_t np)
{
	size_t total = 0;

	for (size_t i = 0; i < np; i++)
		total += parts[i].rows.n;
	memset(out, 0, sizeof *out);
	if (np == 1) {
		*out = parts[0].rows;
		memset(&parts[0].rows, 0, sizeof parts[0].rows);
		return DESK_OK;
	}
	if (total > 0 && (out->v = malloc(total * sizeof *out->v)) == NULL)
		return DESK_NOMEM;
	out->cap = total;
	for (size_t i = 0; i < np; i++) {
		if (parts[i].rows.n > 0)
			memcpy(out->v + out->n, parts[i].rows.v, parts[i].rows.n * sizeof *out->v);
		out->n += parts[i].rows.n;
	}
	sentindex_rows_sort(out);
	return DESK_OK;
}

int
article_keys_of(article_keys *out, size_t *bad, const desk_article_in *in, size_t n)
{
	article_keys_part parts[ARTICLE_KEYS_THREADS];
	pthread_t threads[ARTICLE_KEYS_THREADS];
	int started[ARTICLE_KEYS_THREADS] = {0};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t np = n < ARTICLE_KEYS_PARALLEL || cpus < 2 ? 1 : (size_t)cpus;
	int rc = DESK_OK;

	memset(out, 0, sizeof *out);
	*bad = 0;
	out->n = n;
	out->hash = calloc(n ? n : 1, sizeof *out->hash);
	out->chars = calloc(n ? n : 1, sizeof *out->chars);
	if (out->hash == NULL || out->chars == NULL) {
		article_keys_free(out);
		return DESK_NOMEM;
	}
	if (np > ARTICLE_KEYS_THREADS)
		np = ARTICLE_KEYS_THREADS;
	for (size_t i = 0; i < np; i++)
		parts[i] =
		    (article_keys_part){in, out, {0}, n * i / np, n * (i + 1) / np, 0, DESK_OK};
	for (size_t i = 1; i < np; i++)
		started[i] = pthread_create(&threads[i], NULL, article_keys_main, &parts[i]) == 0;
	article_keys_main(&parts[0]);
	for (size_t i = 1; i < np; i++) {
		if (started[i])
			pthread_join(threads[i], NULL);
		else
			article_keys_main(&parts[i]);
	}
	for (size_t i = 0; i < np && rc == DESK_OK; i++)
		if (parts[i].rc != DESK_OK) {
			rc = parts[i].rc;
			*bad = parts[i].bad;
		}
	if (rc == DESK_OK)
		rc = article_keys_merge(&out->rows, parts, np);
	for (size_t i = 0; i < np; i++)
		sentindex_rows_free(&parts[i].rows);
	if (rc != DESK_OK)
		article_keys_free(out);
	return rc;
}

void
article_keys_free(article_keys *k)
{
	if (k == NULL)
		return;
	sentindex_rows_free(&k->rows);
	free(k->hash);
	free(k->chars);
	memset(k, 0, sizeof *k);
}

void *
article_keys_job_main(void *arg)
{
	article_keys_job *j = arg;

	j->rc = article_keys_of(&j->k, &j->bad, j->in, j->n);
	return NULL;
}

/*
 * The keys of n articles, worked out on every processor before the write
 * lock is taken (desk_article_add(); the importer works out its batches'
 * keys itself, while it stores the batch before).
 */
int
article_keys_make(desk *d, article_keys *out, const desk_article_in *in, size_t n)
{
	size_t bad = 0;
	int rc = article_keys_of(out, &bad, in, n);

	if (rc != DESK_OK)
		return desk_error(d, rc, "article %zu: sentences: %s", bad, desk_strerror(rc));
	return DESK_OK;
}
