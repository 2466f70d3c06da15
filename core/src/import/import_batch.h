/*
 * import_batch.h - the importer's run (import_run.c) over its batches
 * (import_batch.c): the parsed articles waiting to be stored, the thread
 * that stores them, and what is reported of each.
 */
#ifndef COPYDESK_IMPORT_BATCH_H
#define COPYDESK_IMPORT_BATCH_H

#include <pthread.h>

#include "import_annot.h"
#include "internal.h"

/*
 * An article of a large file, stored in its still open transaction, or a
 * note of that file (note set): reported at its commit.
 */
typedef struct import_held {
	int64_t line, id;
	int dup;
	char *title, *note;
} import_held;

/* Accepted files whose articles are stored together, in one transaction. */
typedef struct import_batch {
	import_file *files;
	size_t nfiles, capfiles, narts, bytes;
	desk_article_in *in; /* while stored: the articles, their ids, duplicates */
	int64_t *ids;
	int *dup;
	int64_t *want;     /* the ids the files give (export_load's), or NULL */
	int annotated;     /* some article has annotations: import_annot_store() */
	article_keys keys; /* worked out before the store (keys.hash NULL: by article_add) */
} import_batch;

/*
 * Parsing and storing overlap: while the store thread stores one batch in
 * the database, this thread reads and parses the files of the next.  Only
 * one thread at a time uses the desk handle: the store thread between
 * import_batch_start() and import_batch_finish(), this one otherwise, so
 * everything here that may touch r->d (errors, events) finishes the store
 * first.  Events still come in file order.
 */
typedef struct import_run {
	desk *d;
	desk_import_cb cb;
	void *ctx;
	desk_import_stats *stats;
	import_batch fill;  /* being parsed into */
	import_batch store; /* being stored */
	pthread_t thread;
	int storing;        /* the store thread runs */
	int store_rc;       /* its result */
	int rc;             /* DESK_OK, or the worst result so far */
	int cache_was;      /* the handle's cache_size before the import */
	int checkpoint_was; /* and its wal_autocheckpoint */
	int hold;           /* a large file's parts: hold their events (import_run_jsonl) */
	import_held *held;
	size_t nheld, capheld;
	char hold_msg[sizeof((desk *)0)->errmsg]; /* why a held part's store failed */
	sentindex_rows rows; /* the held parts' rows of the index, stored last in one pass */
	import_annot annot;  /* the label set, the notes of the file being parsed, research ids */
} import_run;

/* Report an event (in file order). */
void import_batch_emit(import_run *r, const desk_import_event *ev);
/* Keep the worst result of the run. */
void import_batch_note(import_run *r, int rc);
/* Refuse a file: its event, the handle's message, the run's result. */
void import_batch_refuse(import_run *r, const char *path, int rc, int64_t line, int64_t col,
                         const char *msg);
/* An error of the parsing thread (after the store thread let go of r->d). */
int import_batch_error(import_run *r, int rc, const char *what);
void import_batch_clear(import_batch *b);
void import_batch_free(import_batch *b);

/* Queue a parsed file's articles for the next batch (taking them, even on failure). */
int import_batch_queue(import_run *r, const char *path, format_article *arts, size_t n);
/* The same, and hand the batch to the store thread when it is full. */
int import_batch_add(import_run *r, const char *path, format_article *arts, size_t n);
/* Hand the batch parsed so far to the store thread, after the one before. */
int import_batch_start(import_run *r);
/* Wait for the batch being stored, and report (or hold) each of its articles. */
int import_batch_finish(import_run *r);
/* Store everything parsed so far, and report it. */
int import_batch_flush(import_run *r);
/* Report what a large file stored once it is committed (report set), or forget it. */
void import_batch_held_end(import_run *r, const char *path, int report);
/* Store a large file's held index rows in one sorted pass. */
int import_batch_rows(import_run *r);

#endif
