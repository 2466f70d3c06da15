/*
 * upgrade.c - the table of what an older database still owes, and one step
 * of it (upgrade.h).  The order is the one the CLI has always taken.
 */
#include "upgrade.h"

const struct upgrade upgrade_table[] = {
    {desk_claim_index, "indexing sentences for repeats", "repeats miss them"},
    {desk_stats_index, "counting articles for the statistics", "the statistics miss them"},
    {desk_search_index, "indexing articles for search", "searches miss them"},
    {desk_article_sort_index, "sorting articles for the list",
     "the list sorts by date and title when done"},
};
const size_t upgrade_count = sizeof upgrade_table / sizeof *upgrade_table;

int
upgrade_step(size_t *which, int64_t *left, desk *d, size_t max)
{
	int rc;

	*left = 0;
	for (*which = 0; *which < upgrade_count; (*which)++) {
		if ((rc = upgrade_table[*which].step(left, d, 0)) != DESK_OK)
			return rc;
		if (*left > 0)
			return upgrade_table[*which].step(left, d, max);
	}
	return DESK_OK;
}
