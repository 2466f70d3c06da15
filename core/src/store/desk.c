/* desk.c - the database handle: open/close, pragmas, result codes, errors. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#ifndef COPYDESK_VERSION
#define COPYDESK_VERSION "0.0.0"
#endif

/* How long a writer waits for another editor's transaction. */
#define DESK_BUSY_TIMEOUT_MS 10000

static const char *const desk_messages[DESK_NCODES] = {
    [DESK_OK] = "not an error",
    [DESK_ERROR] = "internal error",
    [DESK_NOMEM] = "out of memory",
    [DESK_MISUSE] = "bad arguments",
    [DESK_NOTFOUND] = "not found",
    [DESK_INVALID] = "invalid input",
    [DESK_DUPLICATE] = "duplicate",
    [DESK_IO] = "input/output error",
    [DESK_BUSY] = "database is busy",
    [DESK_SCHEMA] = "database made by a newer copydesk",
    [DESK_RANGE] = "offsets out of range",
    [DESK_CONFLICT] = "conflicting change",
    [DESK_DENIED] = "refused by the editor's role",
};

const char *
desk_version(void)
{
	return COPYDESK_VERSION;
}

const char *
desk_strerror(int rc)
{
	if (rc < 0 || rc >= DESK_NCODES)
		return "unknown error";
	return desk_messages[rc];
}

/*
 * The one place a handle's message is set: formatted into a copy first, as an
 * argument may be the handle's own message.
 */
static int
desk_verror(desk *d, int rc, const char *field, int rule, const char *fmt, va_list ap)
{
	char msg[sizeof d->errmsg];

	if (d == NULL)
		return rc;
	vsnprintf(msg, sizeof msg, fmt, ap);
	memcpy(d->errmsg, msg, sizeof msg);
	d->errfield = field;
	d->errrule = rule;
	return rc;
}

int
desk_error(desk *d, int rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rc = desk_verror(d, rc, NULL, DESK_RULE_NONE, fmt, ap);
	va_end(ap);
	return rc;
}

int
desk_error_field(desk *d, int rc, const char *field, int rule, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rc = desk_verror(d, rc, field, rule, fmt, ap);
	va_end(ap);
	return rc;
}

const char *
desk_errfield(const desk *d)
{
	return d && d->errfield ? d->errfield : "";
}

int
desk_errrule(const desk *d)
{
	return d ? d->errrule : DESK_RULE_NONE;
}

const char *
desk_rule_name(int rule)
{
	static const char *const names[DESK_NRULES] = {
	    [DESK_RULE_NONE] = "",
	    [DESK_RULE_EMPTY] = "empty",
	    [DESK_RULE_UTF8] = "utf8",
	    [DESK_RULE_URL] = "url",
	    [DESK_RULE_CITATION] = "citation",
	    [DESK_RULE_DATE] = "date",
	    [DESK_RULE_FUTURE] = "future",
	    [DESK_RULE_NOT_CANDIDATE] = "not-candidate",
	    [DESK_RULE_DISMISSED] = "dismissed",
	    [DESK_RULE_IN_USE] = "in-use",
	    [DESK_RULE_TEXT] = "text",
	    [DESK_RULE_LICENSE] = "license",
	    [DESK_RULE_QUOTE] = "quote",
	    [DESK_RULE_OPERATOR] = "operator",
	    [DESK_RULE_PAREN] = "paren",
	    [DESK_RULE_QUERY] = "query",
	    [DESK_RULE_UNKNOWN] = "unknown",
	    /* agree */
	    [DESK_RULE_TEXT_DIFFERS] = "text-differs",
	    [DESK_RULE_ONE_LAYER] = "one-layer",
	    /* gold */
	    [DESK_RULE_GOLD_SAME] = "gold-same",
	    [DESK_RULE_NO_LAYER] = "no-layer",
	    [DESK_RULE_NO_DIFFER] = "no-differ",
	    [DESK_RULE_NOT_USER] = "not-user",
	    [DESK_RULE_CHIEF_ONLY] = "chief-only",
	    [DESK_RULE_OWNER] = "owner",
	    [DESK_RULE_OWN_VERDICT] = "own-verdict",
	    [DESK_RULE_LAST_CHIEF] = "last-chief",
	};

	return rule >= 0 && rule < DESK_NRULES ? names[rule] : "";
}

int
desk_sqlite_error(desk *d, const char *what)
{
	int rc, ext = sqlite3_extended_errcode(d->db);

	switch (ext & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		rc = DESK_BUSY;
		break;
	case SQLITE_NOMEM:
		rc = DESK_NOMEM;
		break;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_FULL:
	case SQLITE_READONLY:
		rc = DESK_IO;
		break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		rc = DESK_IO;
		break;
	default:
		rc = DESK_ERROR;
	}
	/* The two an editor can do something about, named first. */
	if ((ext & 0xff) == SQLITE_FULL)
		return desk_error(d, rc, "%s: disk full: no room left where the database is (%s)",
		                  what, sqlite3_errmsg(d->db));
	if ((ext & 0xff) == SQLITE_READONLY)
		return desk_error(d, rc, "%s: read-only: the database cannot be written now (%s)",
		                  what, sqlite3_errmsg(d->db));
	return desk_error(d, rc, "%s: %s", what, sqlite3_errmsg(d->db));
}

void
desk_clear_error(desk *d)
{
	d->errmsg[0] = '\0';
	d->errfield = NULL;
	d->errrule = DESK_RULE_NONE;
}

const char *
desk_errmsg(const desk *d)
{
	if (d == NULL)
		return desk_messages[DESK_NOMEM];
	return d->errmsg[0] ? d->errmsg : desk_messages[DESK_OK];
}

const char *
desk_editor(const desk *d)
{
	return d->editor;
}

char *
desk_strdup(const char *s)
{
	return strdup(s ? s : "");
}

void
desk_now(char out[DESK_NOW_SIZE])
{
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(out, DESK_NOW_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900,
	         tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
}

void
desk_login(char *buf, size_t size)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0')
		snprintf(buf, size, "%s", pw->pw_name);
	else
		snprintf(buf, size, "uid%lu", (unsigned long)getuid());
}

/*
 * copydesk_uid(): the real uid of the process, which every append to the
 * edit log writes beside the editor's name (DESK_SQL_UID).  The real one:
 * in a setgid copydesk the effective group differs, never the user, and
 * the kernel, not the environment, says who it is.
 */
static void
desk_uid_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int64(ctx, (sqlite3_int64)getuid());
}

/*
 * What the file system says is wrong with opening path, in an editor's
 * words, before SQLite says it in its own ("unable to open database file").
 */
static int
desk_open_readonly_fs(desk *d, const char *path)
{
	return desk_error(d, DESK_IO,
	                  "%s: read-only: its file system is mounted read-only, and copydesk "
	                  "writes the database and its -wal and -shm files",
	                  path);
}

static int
desk_open_check(desk *d, const char *path, unsigned flags)
{
	struct stat st, ds;
	char *dir;
	int rc = DESK_OK;

	if (*path == '\0' || strcmp(path, ":memory:") == 0 || strncmp(path, "file:", 5) == 0)
		return DESK_OK;
	if ((dir = dbfile_dirname(path)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			rc = desk_error(d, DESK_IO, "%s: a directory, not a database", path);
		else if (dbfile_may(path, (flags & DESK_OPEN_EXISTING) ? R_OK : R_OK | W_OK) != 0 &&
		         errno == EROFS)
			rc = desk_open_readonly_fs(d, path);
		else if (dbfile_may(path, (flags & DESK_OPEN_EXISTING) ? R_OK : R_OK | W_OK) != 0)
			rc = desk_error(d, DESK_IO, "%s: permission denied: you may not %s it",
			                path, dbfile_may(path, R_OK) != 0 ? "read" : "write");
		else if (st.st_uid != geteuid() && dbfile_may(path, W_OK) != 0)
			/*
			 * A reader who is not the owner and may not write: SQLite would
			 * make the -wal and -shm files as that reader, and the owner
			 * could then not write them: the database locked for its
			 * owner.  Nothing is made; the reader is told why.
			 */
			rc = desk_error(
			    d, DESK_IO,
			    "%s: permission denied: you may read it but not write it, "
			    "and copydesk does not open a database it may not write (the "
			    "-wal and -shm files a reader makes would lock its owner out)",
			    path);
		else if (dbfile_may(dir, W_OK | X_OK) != 0 && errno == EROFS)
			rc = desk_open_readonly_fs(d, path);
		else if (dbfile_may(dir, W_OK | X_OK) != 0)
			rc = desk_error(
			    d, DESK_IO,
			    "%s: permission denied: copydesk writes its -wal and -shm files "
			    "beside the database, and you may not write in %s",
			    path, dir);
		else if (st.st_size == 0 && (flags & DESK_OPEN_EXISTING))
			rc = desk_error(d, DESK_NOTFOUND,
			                "%s: not a copydesk database (an empty file)", path);
	} else if (errno == ENOENT || errno == ENOTDIR) {
		if (stat(dir, &ds) != 0 || !S_ISDIR(ds.st_mode))
			rc = desk_error(d, (flags & DESK_OPEN_EXISTING) ? DESK_NOTFOUND : DESK_IO,
			                "%s: no such directory: %s", path, dir);
		else if (flags & DESK_OPEN_EXISTING)
			rc = desk_error(d, DESK_NOTFOUND, "%s: no such database", path);
		else if (dbfile_may(dir, W_OK | X_OK) != 0)
			rc = desk_error(d, DESK_IO,
			                "%s: permission denied: you may not create a file in %s",
			                path, dir);
	} else if (errno == EACCES) {
		rc = desk_error(d, DESK_IO, "%s: permission denied: you may not enter %s", path,
		                dir);
	} else {
		rc = desk_error(d, DESK_IO, "%s: %s", path, strerror(errno));
	}
	free(dir);
	return rc;
}

/* Why SQLite could not open or read path, in an editor's words. */
static int
desk_open_failed(desk *d, const char *path)
{
	int ext = d->db ? sqlite3_extended_errcode(d->db) : SQLITE_CANTOPEN;
	char *dir = dbfile_dirname(path);
	struct statvfs fs;
	int full = 0, ro = 0;

	/* An I/O error opening it is most often its file system's state: say which. */
	if (dir != NULL && statvfs(dir, &fs) == 0) {
		ro = (fs.f_flag & ST_RDONLY) != 0;
		full = fs.f_bavail == 0;
	}
	free(dir);
	if (ro)
		return desk_open_readonly_fs(d, path);
	if (full && ((ext & 0xff) == SQLITE_IOERR || (ext & 0xff) == SQLITE_CANTOPEN ||
	             (ext & 0xff) == SQLITE_FULL))
		return desk_error(d, DESK_IO, "%s: disk full: no room left on its file system",
		                  path);
	switch (ext & 0xff) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return desk_error(d, DESK_IO, "%s: not a copydesk database", path);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return desk_error(d, DESK_IO, "%s: permission denied: copydesk needs to write it",
		                  path);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return desk_error(d, DESK_BUSY, "%s: database is busy", path);
	case SQLITE_NOMEM:
		return desk_error(d, DESK_NOMEM, "out of memory");
	default:
		return desk_error(d, DESK_IO, "%s: cannot open: %s", path,
		                  d->db ? sqlite3_errstr(ext) : "out of memory");
	}
}

/*
 * A SQLite file that copydesk never opened (version 0, with tables of its
 * own) is someone else's database: not migrated into ours.  With
 * DESK_OPEN_EXISTING an empty one is no database either.
 */
static int
desk_open_known(desk *d, const char *path, unsigned flags)
{
	sqlite3_stmt *st = NULL;
	int tables = 0;

	if (desk_schema_version(d) != 0)
		return DESK_OK;
	if (sqlite3_prepare_v2(d->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) ==
	        SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		tables = sqlite3_column_int(st, 0);
	else
		tables = -1;
	sqlite3_finalize(st);
	if (tables < 0)
		return desk_open_failed(d, path);
	if (tables > 0)
		return desk_error(
		    d, DESK_IO, "%s: not a copydesk database (a SQLite database of something else)",
		    path);
	if (flags & DESK_OPEN_EXISTING)
		return desk_error(d, DESK_NOTFOUND, "%s: not a copydesk database (an empty one)",
		                  path);
	return DESK_OK;
}

static int
desk_exec(desk *d, const char *sql)
{
	if (sqlite3_exec(d->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return desk_sqlite_error(d, sql);
	return DESK_OK;
}

/*
 * SQLite counts every allocation under one lock for all threads unless told
 * not to before it starts: the importer's threads (each decoding JSON with a
 * connection of its own, and the store thread) spent their time waiting for
 * it.  Nothing here reads those counts.  Too late when the program started
 * SQLite itself: harmless.
 */
#define DESK_PAGE_SIZE "16384"

/*
 * Pages from one buffer for every page cache of the process, SQLite's own
 * page caches and its temporary tables alike.  Without it each temporary
 * table a query makes (a UNION, a sort) asks malloc for 20 pages at once and
 * gives them back at the end, and malloc gives them to the kernel: reading a
 * claim's history cost a millisecond of page faults, an export of 2,000
 * claims three seconds.  Pages past the buffer come from malloc as before.
 */
#define DESK_PAGES 256

static void
desk_sqlite_setup(void)
{
	static max_align_t *pages;
	int hdr = 0;

	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr) == SQLITE_OK && hdr > 0) {
		size_t slot = (16384 + (size_t)hdr + 7) / 8 * 8;

		if ((pages = malloc(slot * DESK_PAGES)) != NULL &&
		    sqlite3_config(SQLITE_CONFIG_PAGECACHE, pages, (int)slot, DESK_PAGES) !=
		        SQLITE_OK) {
			free(pages);
			pages = NULL;
		}
	}
}

int
desk_connect(desk **out, const char *path, const char *editor, unsigned flags)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	char why[DESK_FIELD_WHY], login[256];
	const char *bad;
	desk *d;
	int rc;

	*out = NULL;
	pthread_once(&once, desk_sqlite_setup);
	if (path == NULL)
		return DESK_MISUSE;
	if ((d = calloc(1, sizeof *d)) == NULL)
		return DESK_NOMEM;
	*out = d;
	if (editor == NULL || *editor == '\0')
		desk_login(login, sizeof login);
	if ((d->editor = strdup(editor && *editor ? editor : login)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	/* The name goes into every change and onto other editors' screens. */
	if ((bad = desk_field_check(why, d->editor, strlen(d->editor), DESK_EDITOR_MAX,
	                            DESK_FIELD_LINE | DESK_FIELD_NONEMPTY)) != NULL) {
		rc = desk_error(d, DESK_INVALID, "the editor's name %s", bad);
		goto done;
	}
	if ((rc = desk_open_check(d, path, flags)) != DESK_OK)
		goto done;
	if (!(flags & DESK_OPEN_EXISTING))
		dbfile_create(path);
	if (sqlite3_open_v2(path, &d->db,
	                    SQLITE_OPEN_READWRITE |
	                        ((flags & DESK_OPEN_EXISTING) ? 0 : SQLITE_OPEN_CREATE) |
	                        SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK) {
		rc = desk_open_failed(d, path);
		goto done;
	}
	sqlite3_extended_result_codes(d->db, 1);
	d->lock_report = getenv("COPYDESK_LOCK_REPORT") != NULL;
	sqlite3_busy_timeout(d->db, DESK_BUSY_TIMEOUT_MS);
	/* WAL lets editors read while another writes; NORMAL sync is durable in WAL
	 * against application crashes, and FULL guards against power loss too. */
	if ((rc = desk_exec(d, "PRAGMA foreign_keys = ON")) != DESK_OK)
		goto done;
	/*
	 * A new database gets 16 KB pages (an existing one keeps its own): an
	 * article of a few KB then lies in one page with others instead of
	 * filling most of a 4 KB page or running over into more, so the store is
	 * a tenth smaller and an import writes (twice, in WAL) a tenth less.
	 */
	if ((rc = desk_exec(d, "PRAGMA page_size = " DESK_PAGE_SIZE)) != DESK_OK)
		goto done;
	if (strcmp(path, ":memory:") != 0 &&
	    sqlite3_exec(d->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK) {
		rc = desk_open_failed(d, path);
		goto done;
	}
	if ((rc = desk_open_known(d, path, flags)) != DESK_OK)
		goto done;
	dbfile_share(path); /* the read above opened (or made) the -wal and -shm */
	if ((rc = desk_exec(d, "PRAGMA synchronous = FULL")) != DESK_OK)
		goto done;
	if (hash_register(d->db) != SQLITE_OK)
		rc = desk_sqlite_error(d, "copydesk_key_hash");
	else if (sqlite3_create_function(d->db, "copydesk_uid", 0, SQLITE_UTF8, NULL, desk_uid_fn,
	                                 NULL, NULL) != SQLITE_OK)
		rc = desk_sqlite_error(d, "copydesk_uid");
	else if (fts_register(d->db) != SQLITE_OK)
		rc = desk_sqlite_error(d, "search tokenizer");
done:
	return rc;
}

int
desk_scratch_open(sqlite3 **out)
{
	*out = NULL;
	if (sqlite3_open_v2(":memory:", out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(*out);
		*out = NULL;
		return DESK_NOMEM;
	}
	return DESK_OK;
}

void
desk_scratch_close(sqlite3 *db)
{
	sqlite3_close(db);
}

void
desk_close(desk *d)
{
	if (d == NULL)
		return;
	if (d->lock_report)
		fprintf(stderr, "copydesk: longest write lock %.3f ms\n", d->lock_max_ms);
	sqlite3_close(d->db);
	free(d->logged);
	free(d->editor);
	free(d);
}

int
desk_changed(desk *d)
{
	sqlite3_stmt *st = NULL;
	int v = d->data_version, changed = 0;

	if (sqlite3_prepare_v2(d->db, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	changed = v != d->data_version;
	d->data_version = v;
	return changed;
}

int
desk_prepare(desk *d, sqlite3_stmt **st, const char *sql)
{
	if (sqlite3_prepare_v2(d->db, sql, -1, st, NULL) != SQLITE_OK)
		return desk_sqlite_error(d, "prepare");
	return DESK_OK;
}

/*
 * How long the write lock was held: from BEGIN IMMEDIATE to the end of the
 * transaction, the longest kept in the handle (the lock-hold test and
 * bench/lock_bench.sh read it through COPYDESK_LOCK_REPORT).
 */
static void
desk_lock_end(desk *d)
{
	struct timespec now;
	double ms;

	if (d->lock_t0.tv_sec == 0 && d->lock_t0.tv_nsec == 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - d->lock_t0.tv_sec) * 1e3 +
	     (double)(now.tv_nsec - d->lock_t0.tv_nsec) / 1e6;
	if (ms > d->lock_max_ms)
		d->lock_max_ms = ms;
	d->lock_t0.tv_sec = d->lock_t0.tv_nsec = 0;
}

int
desk_begin(desk *d)
{
	char sql[40];
	int rc;

	if (d->depth >= DESK_MAXDEPTH)
		return desk_error(d, DESK_MISUSE, "transactions nested too deep");
	if (d->depth > 0 && sqlite3_get_autocommit(d->db))
		return desk_error(d, DESK_ERROR, "the edit was rolled back after an error");
	snprintf(sql, sizeof sql, "SAVEPOINT desk%d", d->depth);
	if ((rc = desk_exec(d, d->depth ? sql : "BEGIN IMMEDIATE")) != DESK_OK)
		return rc;
	if (d->depth == 0) {
		d->nlogged = 0;
		clock_gettime(CLOCK_MONOTONIC, &d->lock_t0);
	}
	d->mark[d->depth++] = d->nlogged;
	return DESK_OK;
}

int
desk_commit(desk *d)
{
	char sql[40];
	int rc;

	if (d->depth == 0)
		return desk_error(d, DESK_MISUSE, "no transaction to commit");
	if (d->depth > 1) {
		snprintf(sql, sizeof sql, "RELEASE desk%d", d->depth - 1);
		if ((rc = desk_exec(d, sql)) == DESK_OK)
			d->depth--;
		return rc; /* on failure the caller's desk_rollback() ends the level */
	}
	if ((d->on_commit != NULL && (rc = d->on_commit(d)) != DESK_OK) ||
	    (rc = desk_exec(d, "COMMIT")) != DESK_OK) {
		desk_rollback(d);
		return rc;
	}
	d->depth = 0;
	d->nlogged = 0;
	desk_lock_end(d);
	return DESK_OK;
}

void
desk_rollback(desk *d)
{
	char sql[64];

	if (d->depth > 1 && !sqlite3_get_autocommit(d->db)) {
		d->depth--;
		snprintf(sql, sizeof sql, "ROLLBACK TO desk%d; RELEASE desk%d", d->depth, d->depth);
		sqlite3_exec(d->db, sql, NULL, NULL, NULL);
		d->nlogged = d->mark[d->depth];
		return;
	}
	d->depth = 0;
	d->nlogged = 0;
	if (!sqlite3_get_autocommit(d->db))
		sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
	desk_lock_end(d);
}

int
desk_read_begin(desk *d)
{
	int rc;

	if (d->depth > 0)
		return desk_error(d, DESK_MISUSE, "a snapshot inside a write transaction");
	if (d->reads > 0) { /* inside a snapshot already: the same one */
		d->reads++;
		return DESK_OK;
	}
	if ((rc = desk_exec(d, "BEGIN DEFERRED")) != DESK_OK)
		return rc;
	d->reads = 1;
	/* A deferred transaction takes its snapshot at its first read: take it now. */
	if ((rc = desk_exec(d, "SELECT count(*) FROM sqlite_schema")) != DESK_OK)
		desk_read_end(d);
	return rc;
}

void
desk_read_end(desk *d)
{
	if (d->reads > 0 && --d->reads > 0)
		return;
	if (d->depth == 0 && !sqlite3_get_autocommit(d->db))
		sqlite3_exec(d->db, "COMMIT", NULL, NULL, NULL);
}

double
desk_lock_longest(const desk *d)
{
	return d ? d->lock_max_ms : 0;
}

int
desk_edit_begin(desk *d)
{
	if (d == NULL)
		return DESK_MISUSE;
	return desk_begin(d);
}

int
desk_edit_commit(desk *d)
{
	if (d == NULL)
		return DESK_MISUSE;
	return desk_commit(d);
}

void
desk_edit_rollback(desk *d)
{
	if (d != NULL && d->depth > 0)
		desk_rollback(d);
}

int
desk_grow(void *array, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? 2 * *cap : 16;
	void *v;

	if (n < *cap)
		return DESK_OK;
	memcpy(&v, array, sizeof v); /* the caller's pointer, whatever its type */
	if ((v = realloc(v, c * size)) == NULL)
		return DESK_NOMEM;
	memcpy(array, &v, sizeof v);
	*cap = c;
	return DESK_OK;
}

int
desk_query_text(char **out, desk *d, const char *sql, int64_t arg, const char *what)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*out = NULL;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, what);
		goto done;
	}
	if ((*out = desk_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	sqlite3_finalize(st);
	return rc;
}

int
desk_log(desk *d, const char *action, int64_t article_id, int64_t target_id, const char *data)
{
	static const char sql[] =
	    "INSERT INTO edit_log (at, editor, action, article_id, target_id, data, uid) "
	    "VALUES (" DESK_SQL_NOW ", ?1, ?2, ?3, ?4, ?5, " DESK_SQL_UID ")";
	/* The migrations' own steps (the default labels) log before 011 adds uid. */
	static const char sql_migrating[] =
	    "INSERT INTO edit_log (at, editor, action, article_id, target_id, data) "
	    "VALUES (" DESK_SQL_NOW ", ?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, d->log_uid ? sql : sql_migrating)) != DESK_OK)
		goto done;
	sqlite3_bind_text(st, 1, d->editor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
	if (article_id > 0)
		sqlite3_bind_int64(st, 3, article_id);
	if (target_id > 0)
		sqlite3_bind_int64(st, 4, target_id);
	if (data != NULL)
		sqlite3_bind_text(st, 5, data, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? DESK_OK : desk_sqlite_error(d, "edit log");
done:
	sqlite3_finalize(st);
	return rc;
}

int
desk_schema_version(const desk *d)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	if (sqlite3_prepare_v2(d->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}
