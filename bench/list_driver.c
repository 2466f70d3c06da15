/*
 * list_driver.c - `list_driver DB [RUNS]`: what the article list does on a
 * key, timed on DB with each sort and filter: the first screen (the count
 * and the first page of 256), G (the last page), g (the first page again),
 * a jump to an index in the middle (nth, then the page after it), the
 * cursor's rank there, and a jump to a date (desk_article_date_index, then
 * its page).  RUNS times each (default 5); prints the median milliseconds
 * per step and the list's size.  Run by hand on a copy of a large database
 * (it opens it, which migrates it).  The id order without a
 * filter is the baseline (the list before the sorts).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copydesk/copydesk.h"

#define LIST_PAGE 256
#define LIST_RUNS 31

static double
list_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
list_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* A page from key; its last id (0 when empty) into *last, its first into *first. */
static int
list_page(desk *d, const desk_article_filter *f, int64_t key, int backward, int64_t *first,
          int64_t *last)
{
	desk_article **a = NULL;
	size_t n = 0;
	int rc = desk_article_page(&a, &n, d, f, key, backward, LIST_PAGE);

	*first = n ? desk_article_id(a[0]) : 0;
	*last = n ? desk_article_id(a[n - 1]) : 0;
	desk_article_list_free(a, n);
	return rc;
}

enum { STEP_FIRST, STEP_G_END, STEP_G_TOP, STEP_MIDDLE, STEP_RANK, STEP_DATE, NSTEPS };
static const char *const list_steps[] = {"first", "G", "g", "middle", "rank", "date"};

static int
list_run(desk *d, const char *name, const desk_article_filter *f, int runs)
{
	double t[NSTEPS][LIST_RUNS];
	int64_t total = 0, first, last, id, at, mid_id = 0;

	for (int r = 0; r < runs; r++) {
		double t0 = list_ms();

		if (desk_article_rank(&total, d, f, INT64_MAX) != DESK_OK ||
		    list_page(d, f, 0, 0, &first, &last) != DESK_OK)
			goto bad;
		t[STEP_FIRST][r] = list_ms() - t0;
		t0 = list_ms();
		if (list_page(d, f, INT64_MAX, 1, &first, &last) != DESK_OK)
			goto bad;
		t[STEP_G_END][r] = list_ms() - t0;
		t0 = list_ms();
		if (list_page(d, f, 0, 0, &first, &last) != DESK_OK)
			goto bad;
		t[STEP_G_TOP][r] = list_ms() - t0;
		t0 = list_ms();
		if (desk_article_nth(&id, d, f, total / 2 - 1) != DESK_OK ||
		    list_page(d, f, id, 0, &mid_id, &last) != DESK_OK)
			goto bad;
		t[STEP_MIDDLE][r] = list_ms() - t0;
		t0 = list_ms();
		if (mid_id && desk_article_rank(&at, d, f, mid_id) != DESK_OK)
			goto bad;
		t[STEP_RANK][r] = list_ms() - t0;
		t0 = list_ms();
		if (desk_article_date_index(&at, d, f, "2025-06-15") != DESK_OK ||
		    desk_article_nth(&id, d, f, at > 0 ? at - 1 : 0) != DESK_OK ||
		    list_page(d, f, at > 0 ? id : 0, 0, &first, &last) != DESK_OK)
			goto bad;
		t[STEP_DATE][r] = list_ms() - t0;
	}
	printf("%-28s %7lld", name, (long long)total);
	for (int s = 0; s < NSTEPS; s++) {
		qsort(t[s], (size_t)runs, sizeof t[s][0], list_cmp);
		printf(" %s %.1f", list_steps[s], t[s][runs / 2]);
	}
	printf("\n");
	return 0;
bad:
	fprintf(stderr, "list_driver: %s: %s\n", name, desk_errmsg(d));
	return 1;
}

int
main(int argc, char **argv)
{
	desk *d = NULL;
	int runs = argc > 2 ? atoi(argv[2]) : 5, bad = 0;
	static const char *const sorts[] = {"id", "date", "title"};

	if (argc < 2 || runs < 1 || runs > LIST_RUNS) {
		fprintf(stderr, "usage: list_driver DB [RUNS (1-%d)]\n", LIST_RUNS);
		return 2;
	}
	if (desk_open(&d, argv[1], "bench") != DESK_OK) {
		fprintf(stderr, "list_driver: %s: %s\n", argv[1], desk_errmsg(d));
		return 1;
	}
	for (int s = 0; s < 3; s++) {
		desk_article_filter f[] = {
		    {.status = DESK_STATUS_ANY},
		    {.status = DESK_STATUS_NEW},
		    {.status = DESK_STATUS_ANY, .lang = "vi"},
		    {.status = DESK_STATUS_ANY, .date_from = "2025-01-01", .date_to = "2025-06-30"},
		    {.status = DESK_STATUS_ANY, .label = "PER"},
		    {.status = DESK_STATUS_ANY, .label = "ORG"},
		    {.status = DESK_STATUS_ANY, .claim_status = "proposed"},
		};
		static const char *const names[] = {
		    "all",       "status=new",       "lang=vi",       "from..to (6 months)",
		    "label=PER", "label=ORG (none)", "claim=proposed"};
		char name[64];

		for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
			f[i].sort = (desk_article_sort)s;
			snprintf(name, sizeof name, "%s %s", sorts[s], names[i]);
			bad |= list_run(d, name, &f[i], runs);
		}
	}
	desk_close(d);
	return bad;
}
