/*
 * history.c - each editor's undo and redo over the edit log.
 *
 * An undoable edit is logged with history_record(), in the edit's own
 * transaction: an edit_log row (who, when, what, before/after as JSON) and a
 * 'done' row in history.  desk_undo() takes the editor's last 'done' edit,
 * puts back its "before", logs an 'undo' entry (undoes = the edit) and marks
 * it 'undone'; desk_redo() takes the editor's last undone edit (by seq),
 * applies its "after" again and logs a 'redo' entry.  A new edit drops what
 * could still be redone.  Nothing is erased from edit_log.
 *
 * The data of each action (JSON):
 *   span-add, span-delete      {"span": ID}
 *   span-relabel               {"before": {"label": "PER"}, "after": {"label": "ORG"}}
 *   span-link                  {"before": {"entity_id": 0}, "after": {"entity_id": 5}}
 *   entity-rename              {"before": {"name": "...", "external_id": "..."},
 *                               "after": {"name": "...", "external_id": "..."}}
 *   entity-merge               {"into": 3, "from": 7, "spans": [12, 15]}
 *   status                     {"before": "new", "after": "done"}
 *   suggestion-reject          {"article_id": 1, "start": 4, "end": 9, "label": "PER"}
 */
#include "internal.h"

int
history_record(desk *d, const char *action, int64_t article_id, int64_t target_id,
               const char *data)
{
	static const char drop_sql[] =
	    "UPDATE history SET state = 'dropped' WHERE editor = ?1 AND state = 'undone'";
	static const char add_sql[] =
	    "INSERT INTO history (log_id, editor, state, seq) VALUES (?1, ?2, 'done', "
	    "(SELECT coalesce(max(seq), 0) + 1 FROM history))";
	sqlite3_stmt *drop = NULL, *add = NULL;
	int rc;

	if ((rc = desk_log(d, action, article_id, target_id, data)) != DESK_OK ||
	    (rc = desk_prepare(d, &drop, drop_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &add, add_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_text(drop, 1, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(drop) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "history");
		goto done;
	}
	sqlite3_bind_int64(add, 1, sqlite3_last_insert_rowid(d->db));
	sqlite3_bind_text(add, 2, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(add) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "history");
done:
	sqlite3_finalize(drop);
	sqlite3_finalize(add);
	return rc;
}
