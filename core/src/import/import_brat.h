/*
 * import_brat.h - brat documents into the store: a document is a pair,
 * NAME.txt and NAME.ann, found and read together (import_brat.c) for
 * import_run.c's walk.
 */
#ifndef COPYDESK_IMPORT_BRAT_H
#define COPYDESK_IMPORT_BRAT_H

#include "import_batch.h"

/*
 * Import the brat document of path (NAME.txt or NAME.ann, or NAME): its .txt
 * with the .ann beside it (none: no annotations); an .ann without its .txt
 * is refused.  What the reader could not keep is reported as notes.
 */
int import_brat_run(import_run *r, const char *path);

/* Whether a directory walk in format fmt skips the file name (an .ann whose .txt it visits). */
int import_brat_skip(desk_format fmt, const char *path);

#endif
