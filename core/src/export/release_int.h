/* release_int.h - what release.c and release_card.c share; not public. */
#ifndef COPYDESK_RELEASE_INT_H
#define COPYDESK_RELEASE_INT_H

#include <stdio.h>

#include "internal.h"

#define RELEASE_MAXFORMATS 8

/* Everything the card and the MANIFEST say, gathered before they are written. */
typedef struct release_exporter release_exporter;
typedef struct release_info {
	const desk_release_opts *o;
	const release_exporter *ex;
	desk_format formats[RELEASE_MAXFORMATS];
	size_t nformats;
	desk_stats *split[3]; /* the figures of train, dev and test */
	int64_t tokens[3];
	desk_labels *labels;
	desk_verdicts *verdicts;
	char *org_name, *org_url, *license, *name, *description; /* config; NULL: unset */
	int schema;
	desk_agreement *agree; /* the released articles' layers compared; NULL: one layer */
} release_info;

/*
 * What runs each export: desk_export and desk_format_export_kind, or, in
 * the tests, the export's run with a writer of their own (export_run).
 */
struct release_exporter {
	int (*run)(desk *d, const desk_export_opts *o, FILE *out, const char *dir,
	           desk_export_stats *stats);
	int (*kind)(desk_format f);
};

/* desk_release() with the exports run by ex. */
int release_run(desk *d, const char *dir, const desk_release_opts *o, desk_release_stats *stats,
                const release_exporter *ex);

/* "train", "dev", "test" for 1, 2, 3. */
const char *release_split_name(int split);

/*
 * The agreement of the released articles' layers (release_agree.c) into
 * ri->agree when more than one editor has spans in them (NULL otherwise).
 */
int release_agree(desk *d, release_info *ri);

/* The README.md dataset card; DESK_IO when writing fails. */
int release_card(FILE *f, const release_info *ri);

/* s escaped for a line of text (desk_escape, LF and TAB too) into f. */
void release_put_line(FILE *f, const char *s);

#endif
