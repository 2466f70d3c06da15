/*
 * upgrade.h - the work a database left by an older copydesk still owes (the
 * sentence index, the statistics' counts, the search index, the list's sort
 * keys), done in short steps: the CLI does it all at open with progress, the
 * interface a step at a time while the editor does nothing, so that it
 * opens at once whatever the corpus.
 */
#ifndef COPYDESK_UPGRADE_H
#define COPYDESK_UPGRADE_H

#include <stddef.h>
#include <stdint.h>

#include "copydesk/copydesk.h"

struct upgrade {
	int (*step)(int64_t *left, desk *d, size_t max); /* max 0: only say what is left */
	const char *what;                                /* "indexing articles for search" */
	const char *meanwhile;                           /* what misses it until it is done */
};

extern const struct upgrade upgrade_table[];
extern const size_t upgrade_count;

/*
 * One step of max articles of the first upgrade with work left (*which its
 * index, *left what it still has after the step); *which is upgrade_count
 * and *left 0 when nothing is left.
 */
int upgrade_step(size_t *which, int64_t *left, desk *d, size_t max);

#endif
