/*
 * annsearch_driver.c - `annsearch_driver DB [RUNS]`: the searches over
 * annotations read from standard input, one a line, "label L [QUERY]",
 * "claims STATUS [QUERY]", "entity ID [QUERY]" or "text - QUERY" (the
 * full-text search, desk_search, as the baseline), each RUNS times (default
 * 9) on one open handle, printing "median_ms max_ms results line" for
 * annsearch_bench.sh.  A page of 20.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copydesk/copydesk.h"

static double
annbench_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
annbench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One search of the line's kind; its count of results, or -1. */
static long
annbench_once(desk *d, const char *kind, const char *arg, const char *q)
{
	desk_filter f = {0};
	desk_annsearch_opts o = {.filter = &f};
	desk_annsearch_results *r = NULL;
	desk_search_results *t = NULL;
	long n;

	if (strcmp(kind, "text") == 0) {
		if (desk_search(&t, d, q, NULL) != DESK_OK)
			return -1;
		n = (long)desk_search_count(t);
		desk_search_free(t);
		return n;
	}
	if (strcmp(kind, "label") == 0)
		o.label = arg;
	else if (strcmp(kind, "claims") == 0)
		f.claim_status = arg;
	else if (strcmp(kind, "entity") == 0)
		o.entity = strtoll(arg, NULL, 10);
	if (desk_annsearch(&r, d, q, &o) != DESK_OK)
		return -1;
	n = (long)desk_annsearch_count(r);
	desk_annsearch_free(r);
	return n;
}

int
main(int argc, char **argv)
{
	int runs = argc > 2 ? atoi(argv[2]) : 9;
	char line[512];
	double *t;
	desk *d = NULL;

	if (argc < 2 || runs < 1 || (t = calloc((size_t)runs, sizeof *t)) == NULL) {
		fprintf(stderr, "usage: annsearch_driver DB [RUNS] < searches\n");
		return 64;
	}
	if (desk_open_ext(&d, argv[1], "bench", DESK_OPEN_EXISTING) != DESK_OK) {
		fprintf(stderr, "annsearch_driver: %s\n", d ? desk_errmsg(d) : argv[1]);
		return 1;
	}
	while (fgets(line, sizeof line, stdin)) {
		char *kind, *arg, *q;
		long n = 0;

		line[strcspn(line, "\n")] = '\0';
		if ((kind = strtok(line, " ")) == NULL || (arg = strtok(NULL, " ")) == NULL)
			continue;
		q = strtok(NULL, "");
		for (int i = 0; i < runs; i++) {
			double s = annbench_ms();

			n = annbench_once(d, kind, arg, q);
			t[i] = annbench_ms() - s;
		}
		qsort(t, (size_t)runs, sizeof *t, annbench_cmp);
		printf("%.1f %.1f %ld %s %s%s%s\n", t[runs / 2], t[runs - 1], n, kind, arg,
		       q ? " " : "", q ? q : "");
		fflush(stdout);
	}
	free(t);
	desk_close(d);
	return 0;
}
