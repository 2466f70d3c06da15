/*
 * import_run.c - article files into the store: reading files, directories and
 * standard input, parsing each with import_parse() and handing the parsed
 * articles to desk_article_add() in batches.
 *
 * Each file is all or nothing.  It is read, normalised and parsed whole
 * before anything of it reaches the store, so a refused file stores nothing;
 * the articles of several accepted files may share one transaction (a batch),
 * which is what makes importing thousands of small files fast.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import_batch.h"
#include "import_brat.h"

/*
 * A large JSON Lines file: all or nothing as any file, in one transaction,
 * but parsed a part at a time, each part stored while the next is parsed,
 * in memory that does not grow with the file.  What it stored is reported
 * when the transaction commits.
 */
static int
import_run_jsonl(import_run *r, const char *path, const char *buf, size_t blen)
{
	format_error err = {0};
	size_t at = blen >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, total = 0;
	int64_t ln = 0;
	int rc, parsed = DESK_OK, stored = DESK_OK;

	if ((rc = import_batch_flush(r)) != DESK_OK)
		return rc;
	if ((rc = desk_begin(r->d)) != DESK_OK) {
		format_fail(&err, rc, 0, 0, "%s", desk_errmsg(r->d));
		goto refuse;
	}
	r->hold = 1;
	while (at < blen && parsed == DESK_OK) {
		size_t to = blen - at > IMPORT_PART_BYTES ? at + IMPORT_PART_BYTES : blen, n = 0,
		       plen;
		const char *nl = to < blen ? memchr(buf + to, '\n', blen - to) : NULL, *part;
		format_article *arts = NULL;
		char *copy = NULL;

		to = nl ? (size_t)(nl - buf) + 1 : blen;
		if ((parsed = format_check_part(&copy, &plen, buf + at, to - at, ln, ln == 0,
		                                &err)) != DESK_OK)
			break;
		part = copy ? copy : buf + at;
		plen = copy ? plen : to - at;
		parsed = import_parse_jsonl(&arts, &n, path, part, plen, ln, &err);
		if (parsed == DESK_OK &&
		    (parsed = import_annot_check(&r->annot, arts, n, &(int){0}, &err)) != DESK_OK) {
			format_articles_free(arts, n);
			n = 0;
		}
		for (const char *q = part; (q = memchr(q, '\n', (size_t)(part + plen - q))) != NULL;
		     q++)
			ln++;
		free(copy);
		if (parsed != DESK_OK)
			break;
		at = to;
		total += n;
		if (n == 0)
			continue;
		if ((parsed = import_batch_queue(r, path, arts, n)) != DESK_OK) {
			format_fail(&err, parsed, 0, 0, "out of memory");
			break;
		}
		if ((stored = import_batch_start(r)) != DESK_OK)
			break; /* the part before failed */
	}
	if (stored == DESK_OK)
		stored = import_batch_finish(r);
	else
		import_batch_finish(r);
	r->hold = 0;
	if (parsed == DESK_OK && stored == DESK_OK && total == 0)
		parsed = format_fail(&err, DESK_INVALID, 1, 1, "no articles (only blank lines)");
	if (parsed == DESK_OK && stored == DESK_OK)
		stored = import_batch_rows(r);
	if (parsed == DESK_OK && stored == DESK_OK && (rc = desk_commit(r->d)) == DESK_OK) {
		import_batch_held_end(r, path, 1);
		return DESK_OK;
	}
	if (parsed == DESK_OK) /* the store failed: its message */
		format_fail(&err, stored != DESK_OK ? stored : rc, 0, 0, "%s",
		            stored != DESK_OK ? r->hold_msg : desk_errmsg(r->d));
	desk_rollback(r->d);
	sentindex_rows_free(&r->rows);
	import_batch_held_end(r, path, 0);
refuse:
	import_batch_refuse(r, path, err.rc, err.line, err.column, err.msg);
	return err.rc == DESK_NOMEM ? DESK_NOMEM : DESK_OK;
}

/* Parse one file's bytes; queue its articles, or refuse it. */
static int
import_run_data(import_run *r, const char *path, const char *data, size_t len, desk_format fmt)
{
	format_error err = {0};
	format_notes notes = {import_note_add, &r->annot};
	format_article *arts = NULL;
	size_t n = 0;
	int rc, annotated = 0;

	if (r->stats)
		r->stats->files++;
	fmt = import_format(fmt, path, data, len);
	if (fmt == DESK_FORMAT_JSONL && len > IMPORT_PART_BYTES)
		return import_run_jsonl(r, path, data, len);
	rc = import_parse(&arts, &n, path, path, data, len, fmt, &notes, &err);
	if (rc == DESK_OK &&
	    (rc = import_annot_check(&r->annot, arts, n, &annotated, &err)) != DESK_OK) {
		format_articles_free(arts, n); /* a bad annotation refuses the whole file */
		arts = NULL;
		n = 0;
	}
	if (rc != DESK_OK) {
		import_notes_drop(&r->annot);
		/* Report in file order: what was parsed before this file goes first. */
		if ((rc = import_batch_flush(r)) != DESK_OK)
			return rc;
		import_batch_refuse(r, path, err.rc, err.line, err.column, err.msg);
		return err.rc == DESK_NOMEM ? DESK_NOMEM : DESK_OK;
	}
	return import_batch_add(r, path, arts, n);
}

/* Read all of fd into a new buffer. */
static int
import_read_fd(int fd, char **out, size_t *outlen)
{
	size_t len = 0, cap = 0;
	char *buf = NULL;
	struct stat st;

	/* A regular file is read in one go: the size plus one to see the end. */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size <= FORMAT_MAX_FILE)
		cap = (size_t)st.st_size + 1;
	if ((buf = malloc(cap ? cap : 65536)) == NULL)
		return DESK_NOMEM;
	cap = cap ? cap : 65536;
	for (;;) {
		ssize_t k;

		if (len == cap) {
			char *b;

			cap *= 2;
			if (cap > FORMAT_MAX_FILE + 4096) {
				free(buf);
				errno = EFBIG;
				return DESK_IO;
			}
			if ((b = realloc(buf, cap)) == NULL) {
				free(buf);
				return DESK_NOMEM;
			}
			buf = b;
		}
		if ((k = read(fd, buf + len, cap - len)) < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return DESK_IO;
		}
		if (k == 0)
			break;
		len += (size_t)k;
	}
	*out = buf;
	*outlen = len;
	return DESK_OK;
}

/*
 * Import one file by path (or fd 0 when path is NULL, reported as name).  A
 * large regular file is mapped rather than read: it is parsed where it lies,
 * without a copy in memory (a small one is read: cheaper than a mapping).
 */
static int
import_run_file(import_run *r, const char *path, const char *name, desk_format fmt)
{
	char *data = NULL;
	void *map = MAP_FAILED;
	size_t len = 0;
	struct stat st;
	int fd, rc = DESK_OK;

	if (path && import_format(fmt, path, "", 0) == DESK_FORMAT_BRAT)
		return import_brat_run(r, path); /* a pair of files, not one */
	fd = path ? open(path, O_RDONLY | O_CLOEXEC) : 0;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uint64_t)st.st_size > IMPORT_PART_BYTES && (uint64_t)st.st_size <= FORMAT_MAX_FILE &&
	    (map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) != MAP_FAILED) {
		posix_madvise(map, (size_t)st.st_size, POSIX_MADV_SEQUENTIAL);
		data = map;
		len = (size_t)st.st_size;
	}
	if (fd < 0 || (map == MAP_FAILED && (rc = import_read_fd(fd, &data, &len)) == DESK_IO)) {
		int e = errno;

		if (r->stats)
			r->stats->files++;
		if (fd > 0)
			close(fd);
		rc = e == ENOENT ? DESK_NOTFOUND : DESK_IO;
		import_batch_flush(r);
		import_batch_refuse(r, name, rc, 0, 0, strerror(e));
		return DESK_OK;
	}
	if (fd > 0)
		close(fd);
	if (rc != DESK_OK)
		return import_batch_error(r, rc, "out of memory");
	rc = import_run_data(r, name, data ? data : "", len, fmt);
	if (map != MAP_FAILED)
		munmap(map, len);
	else
		free(data);
	return rc;
}

/* A directory's entries worth visiting. */
typedef struct import_entry {
	char *path;
	int dir;
} import_entry;

typedef struct import_entries {
	import_entry *v;
	size_t n, cap;
} import_entries;

static int
import_entries_add(import_entries *e, char *path, int dir)
{
	if (e->n == e->cap) {
		size_t cap = e->cap ? 2 * e->cap : 256;
		import_entry *v = realloc(e->v, cap * sizeof *v);

		if (v == NULL) {
			free(path);
			return DESK_NOMEM;
		}
		e->v = v;
		e->cap = cap;
	}
	e->v[e->n].path = path;
	e->v[e->n].dir = dir;
	e->n++;
	return DESK_OK;
}

static int
import_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const import_entry *)a)->path, ((const import_entry *)b)->path);
}

static int
import_is_article_name(const char *name, desk_format fmt)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
	       (n > 6 && strcmp(name + n - 6, ".jsonl") == 0) ||
	       (fmt == DESK_FORMAT_BRAT && n > 4 && strcmp(name + n - 4, ".ann") == 0);
}

/*
 * The article files and subdirectories of dir.  Hidden entries are skipped,
 * and symbolic links to directories are not followed (no loops).
 */
static int
import_list_dir(import_run *r, const char *dir, desk_format fmt, import_entries *out)
{
	size_t dlen = strlen(dir);
	const char *sep = dlen > 0 && dir[dlen - 1] == '/' ? "" : "/";
	DIR *dp = opendir(dir);
	struct dirent *e;
	int rc = DESK_OK;

	if (dp == NULL) {
		int err = errno;

		import_batch_refuse(r, dir, err == ENOENT ? DESK_NOTFOUND : DESK_IO, 0, 0,
		                    strerror(err));
		return DESK_OK;
	}
	while (rc == DESK_OK && (e = readdir(dp)) != NULL) {
		size_t n = dlen + strlen(e->d_name) + 2;
		struct stat st;
		char *p;

		if (e->d_name[0] == '.')
			continue;
		if ((p = malloc(n)) == NULL) {
			rc = DESK_NOMEM;
			break;
		}
		snprintf(p, n, "%s%s%s", dir, sep, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rc = import_entries_add(out, p, 1);
		else if (import_is_article_name(e->d_name, fmt))
			rc = import_entries_add(out, p, 0);
		else
			free(p);
	}
	closedir(dp);
	return rc;
}

/* Import a directory: its files and subdirectories in name order. */
static int
import_run_dir(import_run *r, const char *dir, desk_format fmt)
{
	import_entries ents = {0};
	int rc;

	if ((rc = import_list_dir(r, dir, fmt, &ents)) != DESK_OK)
		goto done;
	qsort(ents.v, ents.n, sizeof *ents.v, import_entry_cmp);
	for (size_t i = 0; i < ents.n && rc == DESK_OK; i++)
		rc = ents.v[i].dir ? import_run_dir(r, ents.v[i].path, fmt)
		     : import_brat_skip(fmt, ents.v[i].path)
		         ? DESK_OK
		         : import_run_file(r, ents.v[i].path, ents.v[i].path, fmt);
done:
	for (size_t i = 0; i < ents.n; i++)
		free(ents.v[i].path);
	free(ents.v);
	if (rc == DESK_NOMEM)
		import_batch_error(r, rc, "out of memory");
	return rc;
}

/*
 * The page cache for an import: the sentence index takes each article's
 * rows in the order of their hashes, all over its tree, and in SQLite's
 * default 2 MB each insert would read a page back from the file (an import
 * of 100,000 articles went 12 times as slow as one of 10,000).  Pages are
 * allocated as they are used.
 *
 * And the checkpoints: by default each batch's commit copies the log back
 * into the database (the log is past 1,000 pages after any batch), syncs
 * it, and the next batch dirties the same pages of the index again.  An
 * import checkpoints once the log holds 64 MB instead.  The handle gets both
 * back after.
 */
#define IMPORT_CACHE_KB   131072
#define IMPORT_CHECKPOINT 16384

static int
import_pragma(desk *d, const char *name, int value)
{
	sqlite3_stmt *st = NULL;
	char sql[64];
	int was = 0;

	snprintf(sql, sizeof sql, "PRAGMA %s", name);
	if (sqlite3_prepare_v2(d->db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		was = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	snprintf(sql, sizeof sql, "PRAGMA %s = %d", name, value);
	sqlite3_exec(d->db, sql, NULL, NULL, NULL);
	return was;
}

static void
import_pragmas(import_run *r)
{
	r->cache_was = import_pragma(r->d, "cache_size", -IMPORT_CACHE_KB);
	r->checkpoint_was = import_pragma(r->d, "wal_autocheckpoint", IMPORT_CHECKPOINT);
}

/* Store what is left, and turn the run into the function's result. */
static int
import_finish(import_run *r, int rc)
{
	if (rc == DESK_OK)
		rc = import_batch_flush(r);
	import_batch_finish(r); /* after an error, the thread may still run */
	search_index_all(r->d); /* a held file's articles, once it committed */
	import_batch_free(&r->fill);
	import_batch_free(&r->store);
	import_batch_held_end(r, NULL, 0);
	free(r->held);
	sentindex_rows_free(&r->rows);
	import_annot_close(&r->annot);
	import_pragma(r->d, "cache_size", r->cache_was);
	import_pragma(r->d, "wal_autocheckpoint", r->checkpoint_was);
	if (rc != DESK_OK)
		return rc;
	if (r->rc == DESK_OK)
		desk_clear_error(r->d);
	return r->rc;
}

int
desk_import_path(desk *d, const char *path, desk_format fmt, desk_import_cb cb, void *ctx,
                 desk_import_stats *stats)
{
	import_run r = {.d = d, .cb = cb, .ctx = ctx, .stats = stats, .rc = DESK_OK};
	struct stat st;
	int rc;

	if (d == NULL || path == NULL || *path == '\0')
		return desk_error(d, DESK_MISUSE, "no path to import");
	import_pragmas(&r);
	if ((rc = import_annot_open(&r.annot, d)) != DESK_OK) {
		/* nothing read yet */
	} else if (strcmp(path, "-") == 0) {
		rc = import_run_file(&r, NULL, "<stdin>", fmt);
	} else if (stat(path, &st) != 0) {
		import_batch_refuse(&r, path, errno == ENOENT ? DESK_NOTFOUND : DESK_IO, 0, 0,
		                    errno == ENOENT ? "no such file or directory"
		                                    : strerror(errno));
		rc = DESK_OK;
	} else if (S_ISDIR(st.st_mode) && fmt == DESK_FORMAT_BRAT && import_project_is(path)) {
		rc = import_project_run(&r, path); /* one folder per annotator */
	} else if (S_ISDIR(st.st_mode)) {
		rc = import_run_dir(&r, path, fmt);
	} else {
		rc = import_run_file(&r, path, path, fmt);
	}
	return import_finish(&r, rc);
}

int
desk_import_buffer(desk *d, const char *name, const char *data, size_t len, desk_format fmt,
                   desk_import_cb cb, void *ctx, desk_import_stats *stats)
{
	import_run r = {.d = d, .cb = cb, .ctx = ctx, .stats = stats, .rc = DESK_OK};
	int rc;

	if (d == NULL || (data == NULL && len > 0))
		return desk_error(d, DESK_MISUSE, "no data to import");
	import_pragmas(&r);
	if ((rc = import_annot_open(&r.annot, d)) == DESK_OK)
		rc = import_run_data(&r, name ? name : "<buffer>", data ? data : "", len, fmt);
	return import_finish(&r, rc);
}
