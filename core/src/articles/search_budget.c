/*
 * search_budget.c - desk_search_budget(): a deadline for what the
 * connection runs next, by SQLite's progress handler, so that a search run
 * on a key press (the interface narrowing as the editor types) costs at most
 * its budget however common the words are.
 */
#include <time.h>

#include "internal.h"

/* SQLite's virtual machine steps between two looks at the clock. */
#define SEARCH_BUDGET_STEPS 2000

static int
search_budget_check(void *ctx)
{
	desk *d = ctx;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec < d->budget_end.tv_sec ||
	    (now.tv_sec == d->budget_end.tv_sec && now.tv_nsec < d->budget_end.tv_nsec))
		return 0;
	d->budget_spent = 1;
	return 1; /* SQLITE_INTERRUPT */
}

int
desk_search_budget(desk *d, int ms)
{
	if (d == NULL || ms < 0)
		return DESK_MISUSE;
	d->budget_spent = 0;
	if (ms == 0) {
		sqlite3_progress_handler(d->db, 0, NULL, NULL);
		return DESK_OK;
	}
	clock_gettime(CLOCK_MONOTONIC, &d->budget_end);
	d->budget_end.tv_sec += ms / 1000;
	d->budget_end.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (d->budget_end.tv_nsec >= 1000000000L) {
		d->budget_end.tv_sec++;
		d->budget_end.tv_nsec -= 1000000000L;
	}
	sqlite3_progress_handler(d->db, SEARCH_BUDGET_STEPS, search_budget_check, d);
	return DESK_OK;
}

int
desk_search_budget_spent(const desk *d)
{
	return d && d->budget_spent;
}
