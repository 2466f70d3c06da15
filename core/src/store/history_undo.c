/*
 * history_undo.c - each editor's undo and redo over the edit log.
 *
 * desk_undo() takes the editor's last 'done' edit (history.c), puts back its
 * "before" as its action says (history_actions.c), logs an 'undo' entry
 * (undoes = the edit) and marks it 'undone'; desk_redo() takes the editor's
 * last undone edit (by seq), applies its "after" again and logs a 'redo'
 * entry.  An edit whose target changed since is refused, naming who changed
 * it, except a soft one, which is left as it is.  An editor's undo and redo
 * touch only their own spans and claims, as their edits do (roles.c): an
 * edit made on another's while a chief, or before the roles, stays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "roles.h"

/* The edit undo or redo works on. */
typedef struct history_edit {
	int64_t log_id, article_id, target_id;
	char *action, *data;
} history_edit;

/* The editor's last 'done' edit (undo) or last 'undone' one by seq (redo). */
static int
history_undo_last(history_edit *e, desk *d, int undo)
{
	static const char undo_sql[] =
	    "SELECT h.log_id, e.action, coalesce(e.article_id, 0), coalesce(e.target_id, 0), "
	    "e.data FROM history h JOIN edit_log e ON e.id = h.log_id WHERE h.editor = ?1 AND "
	    "h.state = 'done' ORDER BY h.log_id DESC LIMIT 1";
	static const char redo_sql[] =
	    "SELECT h.log_id, e.action, coalesce(e.article_id, 0), coalesce(e.target_id, 0), "
	    "e.data FROM history h JOIN edit_log e ON e.id = h.log_id WHERE h.editor = ?1 AND "
	    "h.state = 'undone' ORDER BY h.seq DESC LIMIT 1";
	sqlite3_stmt *st = NULL;
	int rc, r;

	memset(e, 0, sizeof *e);
	if ((rc = desk_prepare(d, &st, undo ? undo_sql : redo_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_text(st, 1, d->editor, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_DONE) {
		rc = desk_error(d, DESK_NOTFOUND, "nothing to %s", undo ? "undo" : "redo");
		goto done;
	}
	if (r != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "history");
		goto done;
	}
	e->log_id = sqlite3_column_int64(st, 0);
	e->article_id = sqlite3_column_int64(st, 2);
	e->target_id = sqlite3_column_int64(st, 3);
	e->action = desk_strdup((const char *)sqlite3_column_text(st, 1));
	e->data = desk_strdup((const char *)sqlite3_column_text(st, 4));
	if (e->action == NULL || e->data == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	sqlite3_finalize(st);
	return rc;
}

/* Prepare sql bound as the comment on history_action says. */
static int
history_undo_bind(sqlite3_stmt **st, desk *d, const char *sql, const history_edit *e, int undo,
                  int flip)
{
	int rc;

	if ((rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(*st, 1, e->target_id);
	sqlite3_bind_text(*st, 2, e->data, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 3, undo ? "after" : "before", -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 4, undo ? "before" : "after", -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 5, d->editor, -1, SQLITE_STATIC);
	sqlite3_bind_int64(*st, 6, e->article_id);
	sqlite3_bind_int(*st, 7, flip ? !undo : undo);
	return DESK_OK;
}

/* DESK_CONFLICT naming who changed the edit's target since, or DESK_OK. */
static int
history_undo_check(desk *d, const history_action *a, const history_action *sql,
                   const history_edit *e, int undo)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = history_undo_bind(&st, d, sql->check, e, undo, a->flip)) != DESK_OK)
		goto done;
	if ((r = sqlite3_step(st)) == SQLITE_DONE)
		rc = desk_error(d, DESK_CONFLICT, "cannot %s %s: the %s no longer exists",
		                undo ? "undo" : "redo", history_actions_words(e->action), a->what);
	else if (r != SQLITE_ROW)
		rc = desk_sqlite_error(d, "history");
	else if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		rc = desk_error(d, DESK_CONFLICT, "cannot %s %s: %s since", undo ? "undo" : "redo",
		                history_actions_words(e->action),
		                (const char *)sqlite3_column_text(st, 0));
done:
	sqlite3_finalize(st);
	return rc;
}

static int
history_undo_apply(desk *d, const history_action *a, const history_action *sql,
                   const history_edit *e, int undo)
{
	sqlite3_stmt *st = NULL;
	int rc = DESK_OK;

	for (size_t i = 0; i < 3 && sql->apply[i] != NULL; i++) {
		if ((rc = history_undo_bind(&st, d, sql->apply[i], e, undo, a->flip)) != DESK_OK)
			goto done;
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, undo ? "undo" : "redo");
			goto done;
		}
		sqlite3_finalize(st);
		st = NULL;
	}
done:
	sqlite3_finalize(st);
	return rc;
}

/*
 * Log the undo (undoes = the edit) or the redo (undoes = the undo being
 * redone) and move the history row to its new state with the next seq.
 */
static int
history_undo_mark(desk *d, const history_edit *e, int undo)
{
	static const char data_sql[] = "SELECT json_object('action', ?1)";
	static const char undoes_sql[] =
	    "UPDATE edit_log SET undoes = CASE WHEN ?2 THEN ?3 ELSE (SELECT max(id) FROM edit_log "
	    "WHERE action = 'undo' AND undoes = ?3) END WHERE id = ?1";
	static const char state_sql[] =
	    "UPDATE history SET state = ?2, seq = (SELECT max(seq) + 1 FROM history) "
	    "WHERE log_id = ?1";
	sqlite3_stmt *data = NULL, *undoes = NULL, *state = NULL;
	int rc;

	if ((rc = desk_prepare(d, &data, data_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_text(data, 1, e->action, -1, SQLITE_STATIC);
	if (sqlite3_step(data) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "history");
		goto done;
	}
	if ((rc = desk_log(d, undo ? "undo" : "redo", e->article_id, e->target_id,
	                   (const char *)sqlite3_column_text(data, 0))) != DESK_OK ||
	    (rc = desk_prepare(d, &undoes, undoes_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &state, state_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(undoes, 1, sqlite3_last_insert_rowid(d->db));
	sqlite3_bind_int(undoes, 2, undo);
	sqlite3_bind_int64(undoes, 3, e->log_id);
	sqlite3_bind_int64(state, 1, e->log_id);
	sqlite3_bind_text(state, 2, undo ? "undone" : "done", -1, SQLITE_STATIC);
	if (sqlite3_step(undoes) != SQLITE_DONE || sqlite3_step(state) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "history");
done:
	sqlite3_finalize(data);
	sqlite3_finalize(undoes);
	sqlite3_finalize(state);
	return rc;
}

/* What each action's target is, for the owner's check, and where its data names it. */
static const struct {
	const char *action, *kind, *path;
} history_undo_owned[] = {
    {"span-add", "span", "$.span"},
    {"span-delete", "span", "$.span"},
    {"span-relabel", "span", "$.span"},
    {"span-link", "span", "$.span"},
    {"claim-add", "claim", "$.claim"},
    {"claim-delete", "claim", "$.claim"},
    {"research-verdict", "research", "$.research"},
    {"research-note", "research", "$.research"},
    {"evidence-add", "evidence", "$.evidence"},
    {"evidence-delete", "evidence", "$.evidence"},
    {"claim-apply", "research", "$.research"},
};

/* DESK_DENIED (rule owner) when the edit's target is another editor's and the editor no chief. */
static int
history_undo_owner(desk *d, const history_edit *e, int undo)
{
	sqlite3_stmt *st = NULL;
	char what[64];
	int rc = DESK_OK;

	if (strcmp(e->action, "gold") == 0) { /* the gold layer is the chiefs' (annotate/gold.c) */
		snprintf(what, sizeof what, "%s a change of the gold layer",
		         undo ? "undo" : "redo");
		return roles_require_chief(d, what);
	}
	for (size_t i = 0; i < sizeof history_undo_owned / sizeof *history_undo_owned; i++) {
		if (strcmp(history_undo_owned[i].action, e->action) != 0)
			continue;
		if ((rc = desk_prepare(d, &st, "SELECT coalesce(json_extract(?1, ?2), ?3)")) !=
		    DESK_OK)
			return rc;
		sqlite3_bind_text(st, 1, e->data, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, history_undo_owned[i].path, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, e->target_id);
		snprintf(what, sizeof what, "%s %s:", undo ? "undo" : "redo",
		         history_actions_words(e->action));
		if (sqlite3_step(st) != SQLITE_ROW)
			rc = desk_sqlite_error(d, "history");
		else
			rc = roles_require_owner(d, history_undo_owned[i].kind,
			                         sqlite3_column_int64(st, 0), what);
		sqlite3_finalize(st);
		break;
	}
	return rc;
}

/*
 * Undo or redo one edit: refused (DESK_CONFLICT) when its target is no
 * longer as the edit left it, except for a soft action, which is then left
 * as it is.
 */
static int
history_undo_one(desk *d, const history_edit *e, int undo)
{
	const history_action *a, *sql;
	int rc;

	if ((a = history_actions_find(e->action)) == NULL)
		return desk_error(d, DESK_ERROR, "cannot %s \"%s\": unknown action",
		                  undo ? "undo" : "redo", e->action);
	sql = a->check ? a : history_actions_find(a->like);
	if ((rc = history_undo_owner(d, e, undo)) != DESK_OK)
		return rc;
	if ((rc = history_undo_check(d, a, sql, e, undo)) == DESK_CONFLICT && a->soft) {
		desk_clear_error(d);
		return DESK_OK;
	}
	if (rc != DESK_OK)
		return rc;
	return history_undo_apply(d, a, sql, e, undo);
}

/* Undo a group's edits last first, or redo them first first. */
static int
history_undo_group(desk *d, const history_edit *g, int undo)
{
	static const char sql[] =
	    "SELECT e.id, e.action, coalesce(e.article_id, 0), coalesce(e.target_id, 0), e.data "
	    "FROM json_each(?1, '$.edits') j JOIN edit_log e ON e.id = j.value "
	    "ORDER BY CASE WHEN ?2 THEN -j.key ELSE j.key END";
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_text(st, 1, g->data, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, undo);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		history_edit m = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 2),
		                  sqlite3_column_int64(st, 3), (char *)sqlite3_column_text(st, 1),
		                  (char *)sqlite3_column_text(st, 4)};

		if (m.action == NULL || m.data == NULL) {
			rc = desk_error(d, DESK_ERROR, "history: a broken edit in a group");
			goto done;
		}
		if ((rc = history_undo_one(d, &m, undo)) != DESK_OK)
			goto done;
	}
	if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "history");
done:
	sqlite3_finalize(st);
	return rc;
}

/* Undo (undo 1) or redo (undo 0) the editor's last edit, in one transaction. */
static int
history_undo_step(int64_t *article_id, desk *d, int undo)
{
	history_edit e = {0};
	int rc;

	if (article_id)
		*article_id = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = history_undo_last(&e, d, undo)) != DESK_OK)
		goto done;
	if (strcmp(e.action, "group") == 0)
		rc = history_undo_group(d, &e, undo);
	else
		rc = history_undo_one(d, &e, undo);
	if (rc != DESK_OK || (rc = history_undo_mark(d, &e, undo)) != DESK_OK ||
	    (rc = desk_commit(d)) != DESK_OK)
		goto done;
	if (article_id)
		*article_id = e.article_id;
done:
	free(e.action);
	free(e.data);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

/*
 * An edit in an editor's words; a group by what it holds: "the tagging (5
 * edits made together)", "the new claim and 3 other edits made together".
 */
static int
history_undo_describe(char *buf, size_t size, desk *d, const history_edit *e)
{
	static const char sql[] =
	    "SELECT (SELECT action FROM edit_log WHERE id = (SELECT min(CAST(value AS INTEGER)) "
	    "FROM json_each(?1, '$.edits') JOIN edit_log l ON l.id = value "
	    "WHERE l.action <> 'status-auto')), "
	    "count(*), count(DISTINCT l.action) FROM json_each(?1, '$.edits') "
	    "JOIN edit_log l ON l.id = value WHERE l.action <> 'status-auto'";
	sqlite3_stmt *st = NULL;
	const char *first;
	int rc = DESK_OK, n, kinds;

	if (strcmp(e->action, "group") != 0) {
		snprintf(buf, size, "%s", history_actions_words(e->action));
		return DESK_OK;
	}
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_text(st, 1, e->data, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "history");
		goto done;
	}
	first = (const char *)sqlite3_column_text(st, 0);
	n = sqlite3_column_int(st, 1);
	kinds = sqlite3_column_int(st, 2);
	if (first == NULL || n <= 1)
		snprintf(buf, size, "%s", history_actions_words(first ? first : e->action));
	else if (kinds == 1)
		snprintf(buf, size, "%s (%d edits made together)", history_actions_words(first), n);
	else
		snprintf(buf, size, "%s and %d other edit%s made together",
		         history_actions_words(first), n - 1, n - 1 == 1 ? "" : "s");
done:
	sqlite3_finalize(st);
	return rc;
}

int
desk_history_next(char *buf, size_t size, desk *d, int undo)
{
	history_edit e = {0};
	int rc;

	if (size > 0)
		buf[0] = '\0';
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = history_undo_last(&e, d, undo)) == DESK_OK)
		rc = history_undo_describe(buf, size, d, &e);
	free(e.action);
	free(e.data);
	return rc;
}

int
desk_undo(int64_t *article_id, desk *d)
{
	return history_undo_step(article_id, d, 1);
}

int
desk_redo(int64_t *article_id, desk *d)
{
	return history_undo_step(article_id, d, 0);
}
