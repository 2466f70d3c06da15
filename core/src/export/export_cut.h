/*
 * export/export_cut.h - what export.c takes from export_cut.c: the text
 * written without its boilerplate, and the split of an article.
 */
#ifndef COPYDESK_EXPORT_CUT_H
#define COPYDESK_EXPORT_CUT_H

#include "formats/format.h"
#include "internal.h"

/* A range of the stored body left out of the text written (code points, end exclusive). */
typedef struct export_cut {
	int64_t start, end;
	size_t bstart, bend; /* the same in bytes */
} export_cut;

/* The cuts of one document, kept from one to the next (free v at the end). */
typedef struct export_cuts {
	export_cut *v;
	size_t n, cap;
} export_cuts;

/*
 * Cut a's boilerplate out of its text (body, chars), moving its marks,
 * spans, claims and tokens to the text that is left; those inside
 * boilerplate go with it, those that straddle it too, told to o->warn.
 * DESK_NOMEM on failure.
 */
int export_cut_boilerplate(export_cuts *c, format_article *a, const desk_export_opts *o);

/*
 * The split (1 train, 2 dev, 3 test) of an article by the hash of its text
 * (article.hash) and the seed, in the proportions pct.
 */
int export_split(const char *hash, uint64_t seed, const unsigned pct[3]);

#endif
