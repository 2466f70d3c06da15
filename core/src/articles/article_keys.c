/*
 * article_keys.c - the sentence keys of a batch of articles, worked out on
 * every processor before the batch is stored (article.c), so that the index
 * of repeats (sentindex.c) costs the write lock nothing but its rows.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* A share of a batch's articles whose sentence keys one thread works out. */
typedef struct article_keys_part {
	const desk_article_in *in;
	sentindex_keys *k;
	size_t from, to, bad;
	int rc;
} article_keys_part;

static void *
article_keys_main(void *arg)
{
	article_keys_part *p = arg;
	claimkey_scratch sc = {0};

	p->rc = DESK_OK;
	for (size_t i = p->from; i < p->to && p->rc == DESK_OK; i++)
		if (p->in[i].body != NULL &&
		    (p->rc = sentindex_keys_with(&p->k[i], &sc, p->in[i].body,
		                                 p->in[i].body_len)) != DESK_OK)
			p->bad = i;
	claimkey_scratch_free(&sc);
	return NULL;
}

/* Below this many articles a batch's keys are worked out in the caller's thread alone. */
#define ARTICLE_KEYS_PARALLEL 16
#define ARTICLE_KEYS_THREADS  8

int
article_keys_of(sentindex_keys **out, size_t *bad, const desk_article_in *in, size_t n)
{
	article_keys_part parts[ARTICLE_KEYS_THREADS];
	pthread_t threads[ARTICLE_KEYS_THREADS];
	int started[ARTICLE_KEYS_THREADS] = {0};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t np = n < ARTICLE_KEYS_PARALLEL || cpus < 2 ? 1 : (size_t)cpus;
	sentindex_keys *k;
	int rc = DESK_OK;

	*out = NULL;
	*bad = 0;
	if ((k = calloc(n ? n : 1, sizeof *k)) == NULL)
		return DESK_NOMEM;
	if (np > ARTICLE_KEYS_THREADS)
		np = ARTICLE_KEYS_THREADS;
	for (size_t i = 0; i < np; i++)
		parts[i] = (article_keys_part){in, k, n * i / np, n * (i + 1) / np, 0, DESK_OK};
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
	if (rc != DESK_OK) {
		article_keys_free(k, n);
		return rc;
	}
	*out = k;
	return DESK_OK;
}

void
article_keys_free(sentindex_keys *k, size_t n)
{
	for (size_t i = 0; k != NULL && i < n; i++)
		sentindex_keys_free(&k[i]);
	free(k);
}

void *
article_keys_job_main(void *arg)
{
	article_keys_job *j = arg;

	j->rc = article_keys_of(&j->k, &j->bad, j->in, j->n);
	return NULL;
}

/*
 * The sentence keys of n articles, worked out on every processor before the
 * write lock is taken (desk_article_add(); the importer works out its
 * batches' keys itself, while it stores the batch before).
 */
int
article_keys(desk *d, sentindex_keys **out, const desk_article_in *in, size_t n)
{
	size_t bad = 0;
	int rc = article_keys_of(out, &bad, in, n);

	if (rc != DESK_OK)
		return desk_error(d, rc, "article %zu: sentences: %s", bad, desk_strerror(rc));
	return DESK_OK;
}
