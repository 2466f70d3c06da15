/*
 * history.c - the edit log's record of undoable edits, and the undo step
 * each transaction makes of them.
 *
 * An undoable edit is logged with history_record(), in the edit's own
 * transaction: an edit_log row (who, when, what, before/after as JSON; the
 * data of each action is listed in history_actions.c).  When the
 * transaction commits, history_commit() adds one 'done' row in history for
 * it, or for a 'group' entry listing all the edits of the transaction
 * (nested desk_begin() levels are savepoints of one transaction).  A new
 * edit drops what could still be redone.  Nothing is erased from edit_log.
 * Undo and redo are history_undo.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

/* A new article in progress: the first edit in it moves it, logged in the same step. */
static int
history_touch(desk *d, int64_t article_id)
{
	static const char sql[] = "UPDATE article SET status = 'progress', updated_by = ?2, "
	                          "updated_at = " DESK_SQL_NOW " WHERE id = ?1 AND status = 'new'";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_text(st, 2, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "set status");
	else if (sqlite3_changes(d->db) > 0)
		rc = history_record(d, "status-auto", article_id, 0,
		                    "{\"before\":\"new\",\"after\":\"progress\"}");
	sqlite3_finalize(st);
	return rc;
}

static int history_commit(desk *d);

int
history_record(desk *d, const char *action, int64_t article_id, int64_t target_id, const char *data)
{
	int rc;

	if (d->depth == 0)
		return desk_error(d, DESK_MISUSE, "an edit outside a transaction");
	if ((rc = desk_log(d, action, article_id, target_id, data)) != DESK_OK)
		return rc;
	if (desk_grow(&d->logged, &d->caplogged, d->nlogged, sizeof *d->logged) != DESK_OK)
		return desk_error(d, DESK_NOMEM, "out of memory");
	d->logged[d->nlogged++] = sqlite3_last_insert_rowid(d->db);
	d->on_commit = history_commit; /* the transaction's edits: one undo step */
	/* The first edit of a new article puts it in progress, in the same step. */
	if (article_id > 0 && strncmp(action, "status", 6) != 0)
		return history_touch(d, article_id);
	return DESK_OK;
}

/* Make the edits the transaction logged one undo step, as it commits (desk_commit()). */
static int
history_commit(desk *d)
{
	static const char drop_sql[] =
	    "UPDATE history SET state = 'dropped' WHERE editor = ?1 AND state = 'undone'";
	static const char add_sql[] =
	    "INSERT INTO history (log_id, editor, state, seq) VALUES (?1, ?2, 'done', "
	    "(SELECT coalesce(max(seq), 0) + 1 FROM history))";
	static const char group_sql[] =
	    "SELECT coalesce(article_id, 0) FROM edit_log WHERE id = ?1";
	sqlite3_stmt *drop = NULL, *add = NULL, *group = NULL;
	char *ids = NULL;
	int64_t log_id;
	int rc;

	if (d->nlogged == 0)
		return DESK_OK;
	log_id = d->logged[0];
	if (d->nlogged > 1) {
		/* Several edits: one 'group' entry listing them is the undo step. */
		json_t *edits = json_array(), *o = json_pack("{so}", "edits", edits);

		for (size_t i = 0; o != NULL && i < d->nlogged; i++)
			json_array_append_new(edits, json_integer((json_int_t)d->logged[i]));
		ids = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		if (ids == NULL) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		if ((rc = desk_prepare(d, &group, group_sql)) != DESK_OK)
			goto done;
		sqlite3_bind_int64(group, 1, d->logged[0]);
		if (sqlite3_step(group) != SQLITE_ROW) {
			rc = desk_sqlite_error(d, "history");
			goto done;
		}
		if ((rc = desk_log(d, "group", sqlite3_column_int64(group, 0), 0, ids)) != DESK_OK)
			goto done;
		log_id = sqlite3_last_insert_rowid(d->db);
	}
	if ((rc = desk_prepare(d, &drop, drop_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &add, add_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_text(drop, 1, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(drop) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "history");
		goto done;
	}
	sqlite3_bind_int64(add, 1, log_id);
	sqlite3_bind_text(add, 2, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(add) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "history");
done:
	sqlite3_finalize(group);
	sqlite3_finalize(drop);
	sqlite3_finalize(add);
	free(ids);
	return rc;
}
