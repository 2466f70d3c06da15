/*
 * import_batch.c - the importer's batches: the parsed articles of accepted
 * files waiting to be stored, their sentence keys worked out on every
 * processor, the thread that stores a batch (article_add) while the next is
 * parsed, and the events that report each article in file order (held back
 * until a large file's transaction commits).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_batch.h"

/* A batch is stored when it holds this many articles or body bytes. */
#define IMPORT_BATCH_ARTICLES 1000
#define IMPORT_BATCH_BYTES    ((size_t)32 << 20)

void
import_batch_emit(import_run *r, const desk_import_event *ev)
{
	if (r->cb)
		r->cb(r->ctx, ev);
}

/* Worse results win: a failing database over unreadable files over bad data. */
static int
import_batch_rank(int rc)
{
	switch (rc) {
	case DESK_OK:
		return 0;
	case DESK_INVALID:
		return 1;
	case DESK_NOTFOUND:
		return 2;
	case DESK_IO:
		return 3;
	default:
		return 4;
	}
}

void
import_batch_note(import_run *r, int rc)
{
	if (import_batch_rank(rc) > import_batch_rank(r->rc))
		r->rc = rc;
}

void
import_batch_refuse(import_run *r, const char *path, int rc, int64_t line, int64_t col,
                    const char *msg)
{
	desk_import_event ev = {0};

	import_batch_finish(r); /* its events go first, and it must let go of r->d */
	ev.what = DESK_IMPORT_REFUSED;
	ev.path = path;
	ev.line = line;
	ev.column = col;
	ev.message = msg;
	ev.rc = rc;
	if (line > 0)
		desk_error(r->d, rc, "%s:%lld:%lld: %s", path, (long long)line, (long long)col,
		           msg);
	else
		desk_error(r->d, rc, "%s: %s", path, msg);
	if (r->stats)
		r->stats->refused++;
	import_batch_note(r, rc);
	import_batch_emit(r, &ev);
}

/* An error of this thread's (the store thread must let go of r->d first). */
int
import_batch_error(import_run *r, int rc, const char *what)
{
	import_batch_finish(r);
	return desk_error(r->d, rc, "%s", what);
}

/* Drop what import_batch_start() made for the batch, keeping its files. */
static void
import_batch_unprepare(import_batch *b)
{
	article_keys_free(&b->keys);
	free(b->in);
	free(b->ids);
	free(b->dup);
	free(b->want);
	b->in = NULL;
	b->ids = NULL;
	b->dup = NULL;
	b->want = NULL;
}

void
import_batch_clear(import_batch *b)
{
	for (size_t i = 0; i < b->nfiles; i++) {
		free(b->files[i].path);
		format_articles_free(b->files[i].arts, b->files[i].n);
		import_notes_free(b->files[i].notes, b->files[i].nnotes);
	}
	import_batch_unprepare(b);
	b->nfiles = b->narts = b->bytes = 0;
	b->annotated = 0;
}

void
import_batch_free(import_batch *b)
{
	import_batch_clear(b);
	free(b->files);
}

/*
 * Store the batch: its articles, and when some have annotations, these
 * after them in the same transaction (on a duplicate, onto the stored
 * article).
 */
static void *
import_batch_main(void *arg)
{
	import_run *r = arg;
	import_batch *b = &r->store;
	int rc;

	if (!b->annotated) {
		r->store_rc = article_add(r->d, b->in, b->keys.hash ? &b->keys : NULL, b->narts,
		                          NULL, b->ids, b->dup, r->hold ? &r->rows : NULL);
		if (r->store_rc == DESK_OK)
			search_index_all(r->d); /* after the commit, in short steps */
		return NULL;
	}
	if ((rc = desk_begin(r->d)) == DESK_OK) {
		if ((rc = article_add(r->d, b->in, b->keys.hash ? &b->keys : NULL, b->narts,
		                      b->want, b->ids, b->dup, r->hold ? &r->rows : NULL)) ==
		        DESK_OK &&
		    (rc = import_annot_store(&r->annot, b->files, b->nfiles, b->ids, b->dup)) ==
		        DESK_OK)
			rc = desk_commit(r->d);
		if (rc != DESK_OK)
			desk_rollback(r->d);
	}
	if (rc == DESK_OK)
		search_index_all(r->d);
	r->store_rc = rc;
	return NULL;
}

/* A file's notes whose line comes before line (all: INT64_MAX), from *at on. */
static void
import_batch_notes(import_run *r, const import_file *f, size_t *at, int64_t line)
{
	for (; *at < f->nnotes && f->notes[*at].line <= line; (*at)++) {
		desk_import_event ev = {0};

		ev.what = DESK_IMPORT_NOTE;
		ev.path = f->path;
		ev.line = f->notes[*at].line;
		ev.message = f->notes[*at].msg;
		import_batch_emit(r, &ev);
	}
}

/* Keep what to report of an article stored in a large file's open transaction. */
static int
import_batch_hold(import_run *r, const format_article *a, int64_t id, int dup)
{
	import_held *h;

	if (desk_grow(&r->held, &r->capheld, r->nheld, sizeof *r->held) != DESK_OK)
		return DESK_NOMEM;
	h = &r->held[r->nheld];
	h->line = a->line;
	h->id = id;
	h->dup = dup;
	h->title = h->note = NULL;
	if (a->in.title && (h->title = desk_strdup(a->in.title)) == NULL)
		return DESK_NOMEM;
	r->nheld++;
	return DESK_OK;
}

/* Keep a large file's notes before line (all: INT64_MAX), from *at on, taking them. */
static int
import_batch_hold_notes(import_run *r, import_file *f, size_t *at, int64_t line)
{
	for (; *at < f->nnotes && f->notes[*at].line <= line; (*at)++) {
		import_held *h;

		if (desk_grow(&r->held, &r->capheld, r->nheld, sizeof *r->held) != DESK_OK)
			return DESK_NOMEM;
		h = &r->held[r->nheld++];
		memset(h, 0, sizeof *h);
		h->line = f->notes[*at].line;
		h->note = f->notes[*at].msg;
		f->notes[*at].msg = NULL;
	}
	return DESK_OK;
}

/* Wait for the batch being stored, and report each of its articles. */
int
import_batch_finish(import_run *r)
{
	import_batch *b = &r->store;
	int rc;

	if (r->storing) {
		pthread_join(r->thread, NULL);
		r->storing = 0;
	}
	if (b->narts == 0)
		return DESK_OK;
	if ((rc = r->store_rc) != DESK_OK && r->hold) {
		/* A part of a large file: the file is refused once, as a whole. */
		snprintf(r->hold_msg, sizeof r->hold_msg, "%s", desk_errmsg(r->d));
		import_batch_clear(b);
		return rc;
	}
	if (rc != DESK_OK) {
		/* Nothing of the batch was stored: say so for each of its files. */
		char msg[sizeof r->d->errmsg];
		import_batch gone = *b;

		snprintf(msg, sizeof msg, "%s", desk_errmsg(r->d));
		memset(b, 0, sizeof *b); /* import_batch_refuse() finishes the store again */
		for (size_t i = 0; i < gone.nfiles; i++)
			import_batch_refuse(r, gone.files[i].path, rc, 0, 0, msg);
		import_batch_note(r, rc);
		import_batch_free(&gone);
		return rc;
	}
	for (size_t i = 0, k = 0, nt = 0; i < b->nfiles; i++, nt = 0) {
		for (size_t j = 0; j < b->files[i].n; j++, k++) {
			desk_import_event ev = {0};

			if (r->hold) {
				if ((rc = import_batch_hold_notes(r, &b->files[i], &nt,
				                                  b->files[i].arts[j].line)) !=
				        DESK_OK ||
				    (rc = import_batch_hold(r, &b->files[i].arts[j], b->ids[k],
				                            b->dup[k])) != DESK_OK) {
					import_batch_clear(b);
					snprintf(r->hold_msg, sizeof r->hold_msg, "out of memory");
					return rc;
				}
				continue;
			}
			import_batch_notes(r, &b->files[i], &nt, b->files[i].arts[j].line);
			ev.what = b->dup[k] ? DESK_IMPORT_DUPLICATE : DESK_IMPORT_ADDED;
			ev.path = b->files[i].path;
			ev.line = b->files[i].arts[j].line;
			ev.article_id = b->ids[k];
			ev.title = b->in[k].title ? b->in[k].title : "";
			if (r->stats) {
				if (b->dup[k])
					r->stats->duplicates++;
				else
					r->stats->added++;
			}
			import_batch_emit(r, &ev);
		}
		if (!r->hold)
			import_batch_notes(r, &b->files[i], &nt, INT64_MAX);
		else if (import_batch_hold_notes(r, &b->files[i], &nt, INT64_MAX) != DESK_OK) {
			import_batch_clear(b);
			snprintf(r->hold_msg, sizeof r->hold_msg, "out of memory");
			return DESK_NOMEM;
		}
	}
	import_batch_clear(b);
	return DESK_OK;
}

/*
 * Hand the batch parsed so far to the store thread (after the one before).
 * Its sentence keys are worked out first, on every processor, while the
 * store thread still stores the batch before (and waits for the disk).
 */
int
import_batch_start(import_run *r)
{
	import_batch t, *b = &r->store, *f = &r->fill;
	size_t bad = 0;
	int rc, krc = DESK_OK;

	if (f->narts > 0) { /* keys of a batch of ARTICLE_KEYS_OVERLAP: article_add()'s */
		f->in = malloc(f->narts * sizeof *f->in);
		f->ids = malloc(f->narts * sizeof *f->ids);
		f->dup = malloc(f->narts * sizeof *f->dup);
		f->want = f->annotated ? malloc(f->narts * sizeof *f->want) : NULL;
		if (f->in == NULL || f->ids == NULL || f->dup == NULL ||
		    (f->annotated && f->want == NULL))
			krc = DESK_NOMEM;
		else {
			for (size_t i = 0, k = 0; i < f->nfiles; i++)
				for (size_t j = 0; j < f->files[i].n; j++, k++) {
					f->in[k] = f->files[i].arts[j].in;
					if (f->want)
						f->want[k] = f->files[i].arts[j].id;
				}
			if (f->narts < ARTICLE_KEYS_OVERLAP)
				krc = article_keys_of(&f->keys, &bad, f->in, f->narts);
		}
	}
	if ((rc = import_batch_finish(r)) != DESK_OK || f->narts == 0) {
		import_batch_unprepare(f);
		return rc;
	}
	t = *b; /* empty: swap, so both keep their arrays */
	*b = *f;
	*f = t;
	if (krc != DESK_OK) { /* refused as a failed store would be */
		if (b->in == NULL || b->ids == NULL || b->dup == NULL)
			r->store_rc = desk_error(r->d, krc, "out of memory");
		else
			r->store_rc = desk_error(r->d, krc, "article %zu: sentences: %s", bad,
			                         desk_strerror(krc));
		return import_batch_finish(r);
	}
	if (pthread_create(&r->thread, NULL, import_batch_main, r) == 0)
		r->storing = 1;
	else
		import_batch_main(r); /* no thread: store it here */
	return DESK_OK;
}

/* Store everything parsed so far, and report it. */
int
import_batch_flush(import_run *r)
{
	int rc = import_batch_start(r);

	return rc != DESK_OK ? rc : import_batch_finish(r);
}

/* Queue a parsed file's articles for the next batch (taking them, even on failure). */
int
import_batch_queue(import_run *r, const char *path, format_article *arts, size_t n)
{
	import_batch *b = &r->fill;
	size_t bytes = 0;

	if (b->nfiles == b->capfiles) {
		size_t cap = b->capfiles ? 2 * b->capfiles : 64;
		import_file *f = realloc(b->files, cap * sizeof *f);

		if (f == NULL) {
			format_articles_free(arts, n);
			return import_batch_error(r, DESK_NOMEM, "out of memory");
		}
		b->files = f;
		b->capfiles = cap;
	}
	if ((b->files[b->nfiles].path = desk_strdup(path)) == NULL) {
		format_articles_free(arts, n);
		return import_batch_error(r, DESK_NOMEM, "out of memory");
	}
	b->files[b->nfiles].arts = arts;
	b->files[b->nfiles].n = n;
	b->files[b->nfiles].notes = r->annot.notes; /* the file's notes go with it */
	b->files[b->nfiles].nnotes = r->annot.nnotes;
	r->annot.notes = NULL;
	r->annot.nnotes = r->annot.capnotes = 0;
	b->nfiles++;
	b->narts += n;
	for (size_t i = 0; i < n; i++) {
		bytes += arts[i].in.body_len;
		b->annotated |= import_annotated(&arts[i]);
	}
	b->bytes += bytes;
	return DESK_OK;
}

/* Report what a large file stored once it is committed, or forget it. */
void
import_batch_held_end(import_run *r, const char *path, int report)
{
	for (size_t i = 0; i < r->nheld; i++) {
		import_held *h = &r->held[i];
		desk_import_event ev = {0};

		if (report && h->note != NULL) {
			ev.what = DESK_IMPORT_NOTE;
			ev.path = path;
			ev.line = h->line;
			ev.message = h->note;
			import_batch_emit(r, &ev);
		} else if (report) {
			ev.what = h->dup ? DESK_IMPORT_DUPLICATE : DESK_IMPORT_ADDED;
			ev.path = path;
			ev.line = h->line;
			ev.article_id = h->id;
			ev.title = h->title ? h->title : "";
			if (r->stats) {
				if (h->dup)
					r->stats->duplicates++;
				else
					r->stats->added++;
			}
			import_batch_emit(r, &ev);
		}
		free(h->title);
		free(h->note);
	}
	r->nheld = 0;
}

/*
 * The index rows of a large file's parts, in one sorted pass at the end of
 * its transaction: part by part, each part's rows would land all over the
 * index's tree, and the tree's pages be written out, read back and written
 * again.  Its failure is a failed store's.
 */
int
import_batch_rows(import_run *r)
{
	sqlite3_stmt *st = NULL;
	int rc;

	sentindex_rows_sort(&r->rows);
	if ((rc = sentindex_rows_store(r->d, &st, &r->rows)) != DESK_OK)
		snprintf(r->hold_msg, sizeof r->hold_msg, "%s", desk_errmsg(r->d));
	sqlite3_finalize(st);
	sentindex_rows_free(&r->rows);
	return rc;
}

int
import_batch_add(import_run *r, const char *path, format_article *arts, size_t n)
{
	int rc = import_batch_queue(r, path, arts, n);

	if (rc != DESK_OK)
		return rc;
	if (r->fill.narts >= IMPORT_BATCH_ARTICLES || r->fill.bytes >= IMPORT_BATCH_BYTES)
		return import_batch_start(r);
	return DESK_OK;
}
