/*
 * import_annot.h - the annotations of imported documents (import_annot.c):
 * checked against the database's label set and verdict scale before a file
 * is queued, stored after its articles in the batch's transaction; and the
 * readers' notes that go with each file.  Below the batches
 * (import_batch.c), which hold an import_annot and call it.
 */
#ifndef COPYDESK_IMPORT_ANNOT_H
#define COPYDESK_IMPORT_ANNOT_H

#include "import.h"

/* Something a reader could not keep (format_notes), told before the article of its line. */
typedef struct import_note {
	int64_t line;
	char *msg;
} import_note;

/* The parsed articles of one accepted file, waiting in the batch, with its readers' notes. */
typedef struct import_file {
	char *path;
	format_article *arts;
	size_t n;
	import_note *notes;
	size_t nnotes;
} import_file;

/* Names the database knows (labels, verdicts), read at the start of a run. */
typedef struct import_names {
	char **v;
	size_t n;
} import_names;

/* A file's research ids to the store's (a hash table, file id 0: empty). */
typedef struct import_rmap {
	struct {
		int64_t file, store;
	} * v;
	size_t n, cap;
} import_rmap;

/*
 * What the checks and the store need over a run: the names the database
 * knows, the notes of the file being parsed (until its articles are queued
 * with them), and the research ids of the file being stored (store thread).
 */
typedef struct import_annot {
	desk *d;
	import_names labels, verdicts;
	import_note *notes;
	size_t nnotes, capnotes;
	import_rmap rmap;
	char *rmap_file;
	int chief; /* the importing editor is a chief: may import others' names */
} import_annot;

/* Read the label set and verdict scale (at the start of a run); close frees all. */
int import_annot_open(import_annot *x, desk *d);
void import_annot_close(import_annot *x);
/* Whether an article has more than a plain article's fields. */
int import_annotated(const format_article *a);
/*
 * The checks of a parsed file's annotations (*annotated set when it has
 * some): a failure refuses the file.  Ranges are widened to whole
 * graphemes, with a note.
 */
int import_annot_check(import_annot *x, format_article *arts, size_t n, int *annotated,
                       format_error *err);
/* Store the annotations of a stored batch's files (ids, dup: its articles', in order). */
int import_annot_store(import_annot *x, const import_file *files, size_t nfiles, const int64_t *ids,
                       const int *dup);
/* A reader's note (format_notes; ctx: the import_annot), kept in x->notes. */
void import_note_add(void *ctx, int64_t line, const char *msg);
void import_notes_free(import_note *v, size_t n);
void import_notes_drop(import_annot *x);

#endif
