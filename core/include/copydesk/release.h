/*
 * release.h - a dataset release: the chosen formats of the articles a
 * filter takes, split into train, dev and test by a stable hash of each
 * article's text and a seed (desk_split_of), with a README.md dataset card
 * (YAML front matter as dataset hubs read it) and a MANIFEST (versions,
 * filters and options, counts, the SHA-256 of every file).  Two releases of
 * an unchanged database are byte-identical: nothing in them comes from the
 * clock.  annotations/FORMATS.md ("Dataset release") describes the layout.
 */
#ifndef COPYDESK_RELEASE_H
#define COPYDESK_RELEASE_H

#include "desk.h"
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct desk_release_opts {
	/*
	 * What each export is given: the filter (its split_pct and seed are the
	 * release's; its split is set for each part), with_boilerplate, scheme,
	 * doccano_entities, warn and progress (format is set for each file).
	 */
	desk_export_opts exp;
	const desk_format *formats; /* NULL: jsonl and conll */
	size_t nformats;
	int force; /* replace a directory that is not empty */
} desk_release_opts;

typedef struct desk_release_stats {
	int64_t articles[3], tokens[3], spans[3], claims[3]; /* train, dev, test */
	size_t files;                                        /* listed in the MANIFEST */
} desk_release_stats;

/*
 * Write the release into dir, which must not exist or be empty (else
 * DESK_CONFLICT, unless force).  Everything is written into a new sibling
 * directory first and renamed to dir at the end, so a failed release leaves
 * nothing (DESK_IO with the file, for a file that could not be written).
 * DESK_MISUSE for a format that cannot be exported or percentages that do
 * not add up to 100.  stats may be NULL.
 */
int desk_release(desk *d, const char *dir, const desk_release_opts *o, desk_release_stats *stats);

/* The file a format's split is written to ("train.conll", "brat/train"); NULL if none. */
const char *desk_release_file(char *buf, size_t size, desk_format f, int split);

#ifdef __cplusplus
}
#endif
#endif
