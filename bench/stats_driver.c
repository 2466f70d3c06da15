/*
 * stats_driver.c - `stats_driver DB [RUNS]`: desk_stats_get() on DB, RUNS
 * times (default 20) without a filter (the kept counts), and 3 times with
 * a filter (--label PER, counted over the articles), printing the median
 * and the slowest of each in milliseconds and the totals, for
 * stats_bench.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copydesk/copydesk.h"

static double
stats_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
stats_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Run desk_stats_get runs times; print "what median max totals". */
static int
stats_time(desk *d, const char *what, const desk_filter *f, int runs)
{
	double *t = calloc((size_t)runs, sizeof *t);
	desk_stats *s = NULL;

	if (t == NULL)
		return 1;
	for (int i = 0; i < runs; i++) {
		double t0 = stats_ms();

		desk_stats_free(s);
		if (desk_stats_get(&s, d, f) != DESK_OK) {
			fprintf(stderr, "stats_driver: %s\n", desk_errmsg(d));
			free(t);
			return 1;
		}
		t[i] = stats_ms() - t0;
	}
	qsort(t, (size_t)runs, sizeof *t, stats_cmp);
	printf("%-28s %9.3f %9.3f   articles %lld spans %lld claims %lld editors %zu (%s)\n", what,
	       t[runs / 2], t[runs - 1], (long long)s->total_articles, (long long)s->total_spans,
	       (long long)s->total_claims, s->neditors, s->counted ? "kept counts" : "counted");
	desk_stats_free(s);
	free(t);
	return 0;
}

int
main(int argc, char **argv)
{
	desk_filter f;
	desk *d = NULL;
	int runs = argc > 2 ? atoi(argv[2]) : 20, rc;

	if (argc < 2 || runs < 1) {
		fprintf(stderr, "usage: stats_driver DB [RUNS]\n");
		return 2;
	}
	if (desk_open_ext(&d, argv[1], NULL, DESK_OPEN_EXISTING) != DESK_OK) {
		fprintf(stderr, "stats_driver: %s\n", desk_errmsg(d));
		desk_close(d);
		return 1;
	}
	memset(&f, 0, sizeof f);
	f.label = "PER";
	printf("%-28s %9s %9s\n", "desk_stats_get", "median ms", "max ms");
	rc = stats_time(d, "no filter", NULL, runs) || stats_time(d, "--label PER", &f, 3);
	desk_close(d);
	return rc;
}
