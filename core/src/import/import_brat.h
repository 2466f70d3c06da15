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

/*
 * The brat document of tpath and apath (no such .ann: no annotations),
 * titled name; with editor set (a project's annotator folder), its .ann,
 * even an empty one, is that editor's layer of the article
 * (import_project.c).  given_ann: the .ann was named, and a missing .txt
 * is its fault.
 */
int import_brat_doc(import_run *r, const char *tpath, const char *apath, const char *name,
                    const char *editor, int given_ann);

/*
 * A multi-annotator brat project: dir holds no documents of its own, and
 * one folder per annotator whose documents (by path within the folder) two
 * folders or more share.  0 when dir is not one (an ordinary walk then).
 */
int import_project_is(const char *dir);
/* Import such a project (import_project.c): each folder's .ann files as its layer. */
int import_project_run(import_run *r, const char *dir);

/* Whether a directory walk in format fmt skips the file name (an .ann whose .txt it visits). */
int import_brat_skip(desk_format fmt, const char *path);

#endif
