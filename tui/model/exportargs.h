/*
 * exportargs.h - the options of `export` (and the FILTERS that `release`
 * and `stats` share with it), parsed in one place for the command line and
 * the interface's `:export` prompt.  No terminal, no database.
 */
#ifndef COPYDESK_EXPORTARGS_H
#define COPYDESK_EXPORTARGS_H

#include <stdio.h>

#include "copydesk/copydesk.h"

/* Which options a command takes. */
enum {
	EXPORTARGS_FILTERS =
	    1, /* --status --label --user --since --articles --verdict --claim-status */
	EXPORTARGS_EXPORT =
	    2, /* --format --output --with-boilerplate --doccano-entities --scheme */
};

typedef struct exportargs {
	desk_export_opts o; /* format (DESK_FORMAT_AUTO: not given), filter, options */
	const char *output; /* --output PATH, or NULL */
	int64_t *ids;       /* --articles, o.filter.articles points here */
	size_t nids, capids;
	char err[256]; /* why the last exportargs_take() failed */
} exportargs;

/*
 * If argv[*i] is one of the options `which` allows, take it and its value
 * (as `--opt VALUE` or `--opt=VALUE`; *i moves past them): 1.  Not one of
 * them: 0.  A bad value: -1 with the reason in a->err.  Values point into
 * argv, which must outlive a.
 */
int exportargs_take(exportargs *a, unsigned which, int argc, char **argv, int *i);

/* The synopsis of the options `which` allows, for usage lines and help. */
const char *exportargs_usage(unsigned which);

void exportargs_free(exportargs *a);

/*
 * Run the export a describes on d: into the directory a->output for a
 * directory format, else into the file a->output (written under a temporary
 * name beside it and renamed when complete, so a failed export leaves no
 * half file), else to out (standard output; NULL: refused).  A DESK_* code;
 * on failure err says why, naming the file.
 */
int exportargs_run(exportargs *a, desk *d, FILE *out, desk_export_stats *st, char *err,
                   size_t errlen);

/*
 * Split a prompt's line into words in place (white space between them;
 * "double" or 'single' quotes keep spaces in a word): at most max words
 * into argv; the count, or -1 (err set) for an unclosed quote or too many.
 */
int exportargs_split(char *line, char **argv, int max, char *err, size_t errlen);

#endif
