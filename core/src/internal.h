/* internal.h - what the core's files share; not part of the public API. */
#ifndef COPYDESK_INTERNAL_H
#define COPYDESK_INTERNAL_H

#include <sqlite3.h>

#include "copydesk/copydesk.h"

struct desk {
	sqlite3 *db;
	char *editor;
	char errmsg[512];
	int data_version;
	int64_t sentences_upto; /* every article up to this id has its sentence rows (repeat.c) */
};

/* Set the handle's message (printf-style) and return rc. */
int desk_error(desk *d, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Map a SQLite failure on d->db to a result code and message. */
int desk_sqlite_error(desk *d, const char *what);
void desk_clear_error(desk *d);

/* Short write transactions: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK. */
int desk_begin(desk *d);
int desk_commit(desk *d);
void desk_rollback(desk *d);

/* Prepare a statement, setting the error on failure. */
int desk_prepare(desk *d, sqlite3_stmt **st, const char *sql);

/* Append to the edit log inside the caller's transaction; data is JSON or NULL. */
/*
 * Room in the array *array (of elements of size bytes, n used, *cap
 * allocated) for one more, doubling from 16: DESK_OK or DESK_NOMEM, the
 * array untouched on failure.  array is the address of the array pointer.
 */
int desk_grow(void *array, size_t *cap, size_t n, size_t size);

/*
 * The text of the first column of the one row sql gives (?1 bound to arg if
 * it has a parameter), e.g. a list as JSON; what names it in errors.
 */
int desk_query_text(char **out, desk *d, const char *sql, int64_t arg, const char *what);

int desk_log(desk *d, const char *action, int64_t article_id, int64_t target_id, const char *data);

/*
 * history.c: log an edit the editor can undo (edit_log plus the editor's
 * history), in the edit's own transaction; data is the action's JSON as
 * listed at the top of history.c.  Drops what the editor could redo.
 */
int history_record(desk *d, const char *action, int64_t article_id, int64_t target_id,
                   const char *data);

/* Run the ordered migrations (schema.c). */
int schema_migrate(desk *d);

/* The longest article body, in bytes (importers and desk_article_add). */
#define DESK_BODY_MAX ((size_t)64 << 20)

/* The time now as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now') writes it. */
#define DESK_NOW_SIZE 64
void desk_now(char out[DESK_NOW_SIZE]);

/* Hash for duplicate detection: FNV-1a 64 over 8-byte words, 16 hex digits + NUL. */
void desk_hash(char out[17], const char *s, size_t len);

/* strdup that tolerates NULL (gives "") and reports failure as NULL. */
char *desk_strdup(const char *s);

#endif
