/*
 * history.c - each editor's undo and redo over the edit log.
 *
 * An undoable edit is logged with history_record(), in the edit's own
 * transaction: an edit_log row (who, when, what, before/after as JSON).
 * When the transaction commits, history_commit() adds one 'done' row in
 * history for it, or for a 'group' entry listing all the edits of the
 * transaction (nested desk_begin() levels are savepoints of one
 * transaction).  desk_undo() takes the editor's last 'done' edit, puts back
 * its "before", logs an 'undo' entry (undoes = the edit) and marks it
 * 'undone'; desk_redo() takes the editor's last undone edit (by seq),
 * applies its "after" again and logs a 'redo' entry.  A new edit drops what
 * could still be redone.  Nothing is erased from edit_log.
 *
 * The data of each action (JSON):
 *   span-add, span-delete      {"span": ID, "label": "PER", "entity_id": 0}: taking
 *                              the span away is refused when they changed
 *   span-relabel               {"before": {"label": "PER"}, "after": {"label": "ORG"}}
 *   span-link                  {"before": {"entity_id": 0}, "after": {"entity_id": 5}}
 *   entity-rename              {"before": {"name": "...", "external_id": "..."},
 *                               "after": {"name": "...", "external_id": "..."}}
 *   entity-merge               {"into": 3, "from": 7, "spans": [12, 15]}
 *   status                     {"before": "new", "after": "done"}
 *   status-auto                {"before": "new", "after": "progress"}: the first edit
 *                              of a new article puts it in progress; soft: when someone
 *                              set another status since, undo and redo leave it
 *   group                      {"edits": [log ids]}: the edits of one transaction
 *                              (a bulk edit, a claim with its research, an edit and its
 *                              status-auto), undone last first and redone first first,
 *                              all or none
 *   suggestion-reject          {"article_id": 1, "start": 4, "end": 9, "label": "PER"}
 *   claim-add, claim-delete    {"claim": ID, "research": RID, "state": R, "evidence": [EIDs]}:
 *                              the claim with its research as the edit left it (R as
 *                              below, the standing evidence); taking the claim away is
 *                              refused when they changed (older edits: {"claim": ID})
 *   research-verdict, research-note, claim-approve, claim-dispute
 *                              {"claim": ID, "research": RID, "before": R, "after": R}
 *   evidence-add, evidence-delete
 *                              {"evidence": EID, "research": RID, "before": R, "after": R}
 *       where R is the research row's state: {"status", "verdict", "note", "proposed_by",
 *       "proposed_at", "reviewed_by", "reviewed_at", "review_reason"} (null for NULL);
 *       undo puts "before" back whole (so undoing an approval makes it proposed again,
 *       without the review), redo "after"
 *   claim-apply                {"claim": ID, "research": RID, "claims": [new claim ids],
 *                               "relinked": [{"claim": ID, "before": old RID}],
 *                               "state": R, "evidence": [EIDs]}: undo refuses when the
 *                               research changed since (older edits: no state)
 *   candidate-dismiss          {"article_id": 1, "start": 0, "end": 42}
 *   entity-delete              {"entities": [the rows of the entity and those merged into it],
 *                               "spans": [[span id, entity id] of deleted spans naming one]}
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

/* --- Undo and redo ------------------------------------------------------ */

/*
 * What undo and redo do for each action.  The statements are bound to
 *   ?1 the edit's target_id, ?2 its data, ?3 "before" or "after" (the state
 *   that must hold now), ?4 the other one (the state to put back), ?5 the
 *   editor, ?6 the edit's article_id, ?7 the flip: 1 to undo, 0 to redo
 *   (span-delete counts the other way round: its undo restores).
 * check gives one row and one column: NULL when the current state is ?3's,
 * else the message saying who changed it; no row means the thing is gone.
 * apply runs one or two statements that put back ?4's state.
 */
typedef struct history_action {
	const char *name;
	const char *words; /* in an editor's words: "cannot undo the tagging: ..." */
	int flip;
	const char *what; /* for "... no longer exists" */
	const char *check;
	const char *apply[3];
	const char *like; /* without check: the action whose statements it runs, flipped */
	int soft;         /* a conflict leaves it as it is instead of refusing */
} history_action;

#define HISTORY_SPAN_ID "coalesce(json_extract(?2, '$.span'), ?1)"
#define HISTORY_SPAN_GONE                                                                          \
	"WHEN s.deleted_at IS NOT NULL THEN printf('span %d was deleted by %s', s.id, "            \
	"s.deleted_by) "

#define HISTORY_CLAIM_ID "coalesce(json_extract(?2, '$.claim'), ?1)"
#define HISTORY_DISMISSED                                                                          \
	"r.article_id = json_extract(?2, '$.article_id') AND r.start = json_extract(?2, "          \
	"'$.start') AND r.\"end\" = json_extract(?2, '$.end')"
/* The research row r is not in ?3's state; put it in ?4's. */
#define HISTORY_RF(f) "r." f " IS NOT json_extract(?2, '$.' || ?3 || '." f "')"
#define HISTORY_RS(f) f " = json_extract(?2, '$.' || ?4 || '." f "'), "
/* clang-format off */
#define HISTORY_RESEARCH_CHANGED                                                                   \
	"(" HISTORY_RF("status") " OR " HISTORY_RF("verdict") " OR " HISTORY_RF("note")            \
	" OR " HISTORY_RF("proposed_by") " OR " HISTORY_RF("proposed_at")                          \
	" OR " HISTORY_RF("reviewed_by") " OR " HISTORY_RF("reviewed_at")                          \
	" OR " HISTORY_RF("review_reason") ")"
/* The research r of a claim-add or -delete is not as its "state" and "evidence". */
#define HISTORY_CS(f) "r." f " IS NOT json_extract(?2, '$.state." f "')"
#define HISTORY_CLAIM_RESEARCH_CHANGED                                                             \
	"(" HISTORY_CS("status") " OR " HISTORY_CS("verdict") " OR " HISTORY_CS("note")            \
	" OR " HISTORY_CS("proposed_by") " OR " HISTORY_CS("proposed_at")                          \
	" OR " HISTORY_CS("reviewed_by") " OR " HISTORY_CS("reviewed_at")                          \
	" OR " HISTORY_CS("review_reason") " OR (SELECT json_group_array(id) FROM (SELECT id "     \
	"FROM evidence WHERE research_id = r.id AND deleted_at IS NULL ORDER BY id)) IS NOT "      \
	"json_extract(?2, '$.evidence'))"
#define HISTORY_RESEARCH_PUT                                                                       \
	"UPDATE research SET " HISTORY_RS("status") HISTORY_RS("verdict") HISTORY_RS("note")       \
	HISTORY_RS("proposed_by") HISTORY_RS("proposed_at") HISTORY_RS("reviewed_by")              \
	HISTORY_RS("reviewed_at") HISTORY_RS("review_reason")                                      \
	"updated_by = ?5, updated_at = " DESK_SQL_NOW " WHERE id = json_extract(?2, '$.research')"
/* clang-format on */

static const history_action history_actions[] = {
    {"span-add",
     "the tagging",
     0,
     "span",
     /* ?7: the span stands now and goes; else it is deleted now and comes back. */
     "SELECT CASE WHEN ?7 AND s.deleted_at IS NOT NULL THEN printf('span %d was deleted by %s', "
     "s.id, s.deleted_by) "
     /* the span goes with its label and entity as the edit left them (older edits: any) */
     "WHEN ?7 AND s.label IS NOT coalesce(json_extract(?2, '$.label'), s.label) THEN "
     "printf('span %d was relabelled %s by %s', s.id, s.label, s.updated_by) "
     "WHEN ?7 AND coalesce(s.entity_id, 0) IS NOT coalesce(json_extract(?2, '$.entity_id'), "
     "coalesce(s.entity_id, 0)) THEN printf('span %d was linked to %s by %s', s.id, "
     "coalesce((SELECT printf('\"%s\"', name) FROM entity WHERE id = s.entity_id), 'no "
     "entity'), s.updated_by) "
     "WHEN NOT ?7 AND s.deleted_at IS NULL THEN printf('span %d was restored by %s', s.id, "
     "s.updated_by) "
     "WHEN NOT ?7 AND EXISTS (SELECT 1 FROM span o WHERE o.article_id = s.article_id AND "
     "o.start = s.start AND o.\"end\" = s.\"end\" AND o.label = s.label AND o.deleted_at IS "
     "NULL) THEN (SELECT printf('span %d tags the same range as %s, by %s', o.id, o.label, "
     "o.author) FROM span o WHERE o.article_id = s.article_id AND o.start = s.start AND "
     "o.\"end\" = s.\"end\" AND o.label = s.label AND o.deleted_at IS NULL) END "
     "FROM span s WHERE s.id = " HISTORY_SPAN_ID,
     {"UPDATE span SET deleted_at = CASE WHEN ?7 THEN " DESK_SQL_NOW " END, "
      "deleted_by = CASE WHEN ?7 THEN ?5 END, updated_by = ?5, updated_at = " DESK_SQL_NOW
      " WHERE id = " HISTORY_SPAN_ID,
      NULL},
     NULL,
     0},
    {"span-delete", "the untagging", 1, "span", NULL, {NULL, NULL}, "span-add", 0},
    {"span-relabel",
     "the new label",
     0,
     "span",
     "SELECT CASE " HISTORY_SPAN_GONE
     "WHEN s.label IS NOT json_extract(?2, '$.' || ?3 || '.label') THEN "
     "printf('span %d was relabelled %s by %s', s.id, s.label, s.updated_by) "
     "WHEN NOT EXISTS (SELECT 1 FROM label WHERE name = json_extract(?2, '$.' || ?4 || "
     "'.label')) THEN printf('label %s no longer exists', json_extract(?2, '$.' || ?4 || "
     "'.label')) "
     "WHEN EXISTS (SELECT 1 FROM span o WHERE o.article_id = s.article_id AND o.start = "
     "s.start AND o.\"end\" = s.\"end\" AND o.deleted_at IS NULL AND o.id <> s.id AND o.label "
     "= json_extract(?2, '$.' || ?4 || '.label')) THEN printf('another span tags the same "
     "range as %s', json_extract(?2, '$.' || ?4 || '.label')) END "
     "FROM span s WHERE s.id = ?1",
     {"UPDATE span SET label = json_extract(?2, '$.' || ?4 || '.label'), updated_by = ?5, "
      "updated_at = " DESK_SQL_NOW " WHERE id = ?1",
      NULL},
     NULL,
     0},
    {"span-link",
     "the link to an entity",
     0,
     "span",
     "SELECT CASE " HISTORY_SPAN_GONE
     "WHEN coalesce(s.entity_id, 0) <> json_extract(?2, '$.' || ?3 || '.entity_id') THEN "
     "printf('span %d was linked to %s by %s', s.id, coalesce((SELECT printf('\"%s\"', name) "
     "FROM entity WHERE id = s.entity_id), 'no entity'), s.updated_by) END "
     "FROM span s WHERE s.id = ?1",
     {"UPDATE span SET entity_id = nullif(json_extract(?2, '$.' || ?4 || '.entity_id'), 0), "
      "updated_by = ?5, updated_at = " DESK_SQL_NOW " WHERE id = ?1",
      NULL},
     NULL,
     0},
    {"entity-rename",
     "the renaming of an entity",
     0,
     "entity",
     "SELECT CASE WHEN name IS NOT json_extract(?2, '$.' || ?3 || '.name') OR external_id IS "
     "NOT coalesce(json_extract(?2, '$.' || ?3 || '.external_id'), '') THEN "
     "printf('entity %d was renamed \"%s\" by %s', id, name, updated_by) END "
     "FROM entity WHERE id = ?1",
     {"UPDATE entity SET name = json_extract(?2, '$.' || ?4 || '.name'), external_id = "
      "coalesce(json_extract(?2, '$.' || ?4 || '.external_id'), ''), updated_by = ?5, "
      "updated_at = " DESK_SQL_NOW " WHERE id = ?1",
      NULL},
     NULL,
     0},
    {"entity-merge",
     "the merging of entities",
     0,
     "entity",
     /* ?7: "from" is merged into "into" now and comes apart; else it merges again. */
     "SELECT CASE WHEN ?7 AND f.merged_into IS NOT json_extract(?2, '$.into') THEN "
     "printf('entity %d was changed by %s', f.id, f.updated_by) "
     "WHEN NOT ?7 AND f.merged_into IS NOT NULL THEN printf('entity %d was merged again by "
     "%s', f.id, f.updated_by) "
     "ELSE (SELECT printf('span %d was linked elsewhere by %s', s.id, s.updated_by) FROM "
     "json_each(?2, '$.spans') j JOIN span s ON s.id = j.value WHERE s.entity_id IS NOT "
     "json_extract(?2, CASE WHEN ?7 THEN '$.into' ELSE '$.from' END) LIMIT 1) END "
     "FROM entity f WHERE f.id = json_extract(?2, '$.from')",
     {"UPDATE span SET entity_id = json_extract(?2, CASE WHEN ?7 THEN '$.from' ELSE '$.into' "
      "END), updated_by = ?5, updated_at = " DESK_SQL_NOW
      " WHERE id IN (SELECT value FROM json_each(?2, '$.spans'))",
      "UPDATE entity SET merged_into = CASE WHEN ?7 THEN NULL ELSE json_extract(?2, '$.into') "
      "END, updated_by = ?5, updated_at = " DESK_SQL_NOW " WHERE id = json_extract(?2, "
      "'$.from')"},
     NULL,
     0},
    {"status",
     "the change of status",
     0,
     "article",
     "SELECT CASE WHEN status IS NOT json_extract(?2, '$.' || ?3) THEN "
     "printf('article %d was set to %s by %s', id, status, updated_by) END "
     "FROM article WHERE id = ?6",
     {"UPDATE article SET status = json_extract(?2, '$.' || ?4), updated_by = ?5, "
      "updated_at = " DESK_SQL_NOW " WHERE id = ?6",
      NULL},
     NULL,
     0},
    {"status-auto", "the change of status", 0, "article", NULL, {NULL, NULL}, "status", 1},
    {"suggestion-reject",
     "the rejection of a suggestion",
     0,
     "suggestion",
     /* ?7: the rejection stands now and goes; else it comes back. */
     "SELECT CASE WHEN ?7 AND NOT EXISTS (SELECT 1 FROM suggestion_rejected r WHERE "
     "r.article_id = json_extract(?2, '$.article_id') AND r.start = json_extract(?2, "
     "'$.start') AND r.\"end\" = json_extract(?2, '$.end') AND r.label = json_extract(?2, "
     "'$.label')) THEN 'the rejection was taken back' "
     "WHEN NOT ?7 THEN (SELECT printf('rejected again by %s', r.editor) FROM "
     "suggestion_rejected r WHERE r.article_id = json_extract(?2, '$.article_id') AND "
     "r.start = json_extract(?2, '$.start') AND r.\"end\" = json_extract(?2, '$.end') AND "
     "r.label = json_extract(?2, '$.label')) END",
     {"DELETE FROM suggestion_rejected WHERE ?7 AND article_id = json_extract(?2, "
      "'$.article_id') AND start = json_extract(?2, '$.start') AND \"end\" = "
      "json_extract(?2, '$.end') AND label = json_extract(?2, '$.label')",
      "INSERT INTO suggestion_rejected (article_id, start, \"end\", label, editor, at) "
      "SELECT json_extract(?2, '$.article_id'), json_extract(?2, '$.start'), "
      "json_extract(?2, '$.end'), json_extract(?2, '$.label'), ?5, " DESK_SQL_NOW " WHERE NOT ?7"},
     NULL,
     0},
    {"claim-add",
     "the new claim",
     0,
     "claim",
     /* ?7: the claim stands now and goes; else it is deleted now and comes back. */
     "SELECT CASE WHEN ?7 AND c.deleted_at IS NOT NULL THEN printf('claim %d was deleted by "
     "%s', c.id, c.deleted_by) "
     /* the claim goes with its research as the edit left it (older edits: an empty one) */
     "WHEN ?7 AND c.research_id IS NOT coalesce(json_extract(?2, '$.research'), "
     "c.research_id) THEN printf('claim %d was given the research of another claim by %s', "
     "c.id, c.updated_by) "
     "WHEN ?7 AND (SELECT CASE WHEN json_type(?2, '$.state') IS NULL THEN r.status <> "
     "'check' OR r.verdict IS NOT NULL OR r.note <> '' OR EXISTS (SELECT 1 FROM evidence e "
     "WHERE e.research_id = r.id AND e.deleted_at IS NULL) ELSE " HISTORY_CLAIM_RESEARCH_CHANGED
     " END FROM research r WHERE r.id = c.research_id) THEN (SELECT printf('claim %d was "
     "researched by %s', c.id, coalesce(r.proposed_by, (SELECT e.added_by FROM evidence e "
     "WHERE e.research_id = r.id AND e.deleted_at IS NULL ORDER BY e.id DESC LIMIT 1), "
     "r.updated_by)) FROM research r WHERE r.id = c.research_id) "
     "WHEN NOT ?7 AND c.deleted_at IS NULL THEN printf('claim %d was restored by %s', c.id, "
     "c.updated_by) "
     "WHEN NOT ?7 THEN (SELECT printf('claim %d holds the same range, by %s', o.id, o.author) "
     "FROM claim o WHERE o.article_id = c.article_id AND o.start = c.start AND o.\"end\" = "
     "c.\"end\" AND o.deleted_at IS NULL) END "
     "FROM claim c WHERE c.id = " HISTORY_CLAIM_ID,
     {"UPDATE claim SET deleted_at = CASE WHEN ?7 THEN " DESK_SQL_NOW " END, "
      "deleted_by = CASE WHEN ?7 THEN ?5 END, updated_by = ?5, updated_at = " DESK_SQL_NOW
      " WHERE id = " HISTORY_CLAIM_ID,
      NULL},
     NULL,
     0},
    {"claim-delete", "the deletion of a claim", 1, "claim", NULL, {NULL, NULL}, "claim-add", 0},
    {"research-verdict",
     "the verdict",
     0,
     "research",
     "SELECT CASE WHEN " HISTORY_RESEARCH_CHANGED " THEN printf('the research of claim %d was "
     "changed by %s', json_extract(?2, '$.claim'), r.updated_by) END FROM research r WHERE "
     "r.id = json_extract(?2, '$.research')",
     {HISTORY_RESEARCH_PUT, NULL},
     NULL,
     0},
    {"research-note", "the note", 0, "research", NULL, {NULL, NULL}, "research-verdict", 0},
    {"claim-approve",
     "the approval of a verdict",
     0,
     "research",
     NULL,
     {NULL, NULL},
     "research-verdict",
     0},
    {"claim-dispute",
     "the dispute of a verdict",
     0,
     "research",
     NULL,
     {NULL, NULL},
     "research-verdict",
     0},
    {"evidence-add",
     "the evidence added",
     0,
     "evidence",
     /* ?7: the evidence stands now and goes; else it is deleted now and comes back. */
     "SELECT CASE WHEN ?7 AND e.deleted_at IS NOT NULL THEN printf('evidence %d was deleted by "
     "%s', e.id, e.deleted_by) "
     "WHEN NOT ?7 AND e.deleted_at IS NULL THEN printf('evidence %d was restored', e.id) "
     "ELSE (SELECT printf('the research was changed by %s', r.updated_by) FROM research r "
     "WHERE r.id = json_extract(?2, '$.research') AND " HISTORY_RESEARCH_CHANGED ") END "
     "FROM evidence e WHERE e.id = ?1",
     {"UPDATE evidence SET deleted_at = CASE WHEN ?7 THEN " DESK_SQL_NOW " END, "
      "deleted_by = CASE WHEN ?7 THEN ?5 END WHERE id = ?1",
      HISTORY_RESEARCH_PUT},
     NULL,
     0},
    {"evidence-delete",
     "the evidence deleted",
     1,
     "evidence",
     NULL,
     {NULL, NULL},
     "evidence-add",
     0},
    {"claim-apply",
     "giving the research to the same claim elsewhere",
     0,
     "claim",
     /* ?7: the claims it made stand and go, the ones it relinked go back; else again. */
     "SELECT coalesce((SELECT printf('claim %d was changed by %s', c.id, c.updated_by) FROM "
     "json_each(?2, '$.claims') j JOIN claim c ON c.id = j.value WHERE CASE WHEN ?7 THEN "
     "c.deleted_at IS NOT NULL OR c.research_id IS NOT json_extract(?2, '$.research') ELSE "
     "c.deleted_at IS NULL OR EXISTS (SELECT 1 FROM claim o WHERE o.article_id = "
     "c.article_id AND o.start = c.start AND o.\"end\" = c.\"end\" AND o.deleted_at IS NULL) "
     "END LIMIT 1), (SELECT printf('claim %d was changed by %s', c.id, c.updated_by) FROM "
     "json_each(?2, '$.relinked') j JOIN claim c ON c.id = json_extract(j.value, '$.claim') "
     "WHERE c.deleted_at IS NOT NULL OR c.research_id IS NOT CASE WHEN ?7 THEN "
     "json_extract(?2, '$.research') ELSE json_extract(j.value, '$.before') END LIMIT 1), "
     /* the research the claims go with, as the edit left it (older edits: any) */
     "(SELECT printf('the research of claim %d was changed by %s', json_extract(?2, "
     "'$.claim'), r.updated_by) FROM research r WHERE ?7 AND json_type(?2, '$.state') IS NOT "
     "NULL AND r.id = json_extract(?2, '$.research') AND " HISTORY_CLAIM_RESEARCH_CHANGED "))",
     {"UPDATE claim SET deleted_at = CASE WHEN ?7 THEN " DESK_SQL_NOW " END, "
      "deleted_by = CASE WHEN ?7 THEN ?5 END, updated_by = ?5, updated_at = " DESK_SQL_NOW
      " WHERE id IN (SELECT value FROM json_each(?2, '$.claims'))",
      "UPDATE claim SET research_id = CASE WHEN ?7 THEN (SELECT json_extract(j.value, "
      "'$.before') FROM json_each(?2, '$.relinked') j WHERE json_extract(j.value, '$.claim') "
      "= claim.id) ELSE json_extract(?2, '$.research') END, updated_by = ?5, updated_at "
      "= " DESK_SQL_NOW " WHERE id IN (SELECT json_extract(value, '$.claim') FROM json_each(?2, "
      "'$.relinked'))"},
     NULL,
     0},
    {"candidate-dismiss",
     "the dismissal of a candidate",
     0,
     "candidate",
     /* ?7: the dismissal stands now and goes; else it comes back. */
     "SELECT CASE WHEN ?7 AND NOT EXISTS (SELECT 1 FROM candidate_dismissed r "
     "WHERE " HISTORY_DISMISSED ") THEN 'the dismissal was taken back' "
     "WHEN NOT ?7 THEN (SELECT printf('dismissed again by %s', r.editor) FROM "
     "candidate_dismissed r WHERE " HISTORY_DISMISSED ") END",
     {"DELETE FROM candidate_dismissed AS r WHERE ?7 AND " HISTORY_DISMISSED,
      "INSERT INTO candidate_dismissed (article_id, start, \"end\", editor, at) "
      "SELECT json_extract(?2, '$.article_id'), json_extract(?2, '$.start'), "
      "json_extract(?2, '$.end'), ?5, " DESK_SQL_NOW " WHERE NOT ?7"},
     NULL,
     0},
    {"entity-delete",
     "the deletion of an entity",
     0,
     "entity",
     /* ?7: the entities are gone and come back; else they are there and go again. */
     "SELECT CASE WHEN ?7 THEN (SELECT printf('entity %d was made again', e.id) FROM entity e "
     "WHERE e.id IN (SELECT json_extract(value, '$.id') FROM json_each(?2, '$.entities')) "
     "LIMIT 1) "
     "WHEN NOT EXISTS (SELECT 1 FROM entity WHERE id = ?1) THEN 'the entity was deleted' "
     "ELSE (SELECT printf('span %d was linked to it by %s', s.id, s.updated_by) FROM span s "
     "WHERE s.entity_id IN (SELECT json_extract(value, '$.id') FROM json_each(?2, "
     "'$.entities')) AND s.deleted_at IS NULL LIMIT 1) END",
     {"INSERT INTO entity (id, name, external_id, merged_into, created_by, created_at, "
      "updated_by, updated_at) SELECT json_extract(value, '$.id'), json_extract(value, "
      "'$.name'), json_extract(value, '$.external_id'), json_extract(value, '$.merged_into'), "
      "json_extract(value, '$.created_by'), json_extract(value, '$.created_at'), "
      "json_extract(value, '$.updated_by'), json_extract(value, '$.updated_at') FROM "
      "json_each(?2, '$.entities') WHERE ?7",
      "UPDATE span SET entity_id = CASE WHEN ?7 THEN (SELECT json_extract(value, '$[1]') FROM "
      "json_each(?2, '$.spans') WHERE json_extract(value, '$[0]') = span.id) END WHERE id IN "
      "(SELECT json_extract(value, '$[0]') FROM json_each(?2, '$.spans'))",
      "DELETE FROM entity WHERE NOT ?7 AND id IN (SELECT json_extract(value, '$.id') FROM "
      "json_each(?2, '$.entities'))"},
     NULL,
     0},
};

/* The edit undo or redo works on. */
typedef struct history_edit {
	int64_t log_id, article_id, target_id;
	char *action, *data;
} history_edit;

static const history_action *
history_find(const char *name)
{
	for (size_t i = 0; i < sizeof history_actions / sizeof history_actions[0]; i++)
		if (strcmp(history_actions[i].name, name) == 0)
			return &history_actions[i];
	return NULL;
}

/* The editor's last 'done' edit (undo) or last 'undone' one by seq (redo). */
static int
history_last(history_edit *e, desk *d, int undo)
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
history_bind(sqlite3_stmt **st, desk *d, const char *sql, const history_edit *e, int undo, int flip)
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

static const char *
history_say(const char *action)
{
	const history_action *a = history_find(action);

	if (strcmp(action, "group") == 0) /* no statements of its own: its edits have */
		return "the edits made together";
	return a ? a->words : "the last edit";
}

/* DESK_CONFLICT naming who changed the edit's target since, or DESK_OK. */
static int
history_check(desk *d, const history_action *a, const history_action *sql, const history_edit *e,
              int undo)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = history_bind(&st, d, sql->check, e, undo, a->flip)) != DESK_OK)
		goto done;
	if ((r = sqlite3_step(st)) == SQLITE_DONE)
		rc = desk_error(d, DESK_CONFLICT, "cannot %s %s: the %s no longer exists",
		                undo ? "undo" : "redo", history_say(e->action), a->what);
	else if (r != SQLITE_ROW)
		rc = desk_sqlite_error(d, "history");
	else if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		rc = desk_error(d, DESK_CONFLICT, "cannot %s %s: %s since", undo ? "undo" : "redo",
		                history_say(e->action), (const char *)sqlite3_column_text(st, 0));
done:
	sqlite3_finalize(st);
	return rc;
}

static int
history_apply(desk *d, const history_action *a, const history_action *sql, const history_edit *e,
              int undo)
{
	sqlite3_stmt *st = NULL;
	int rc = DESK_OK;

	for (size_t i = 0; i < 3 && sql->apply[i] != NULL; i++) {
		if ((rc = history_bind(&st, d, sql->apply[i], e, undo, a->flip)) != DESK_OK)
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
history_mark(desk *d, const history_edit *e, int undo)
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

/*
 * Undo or redo one edit: refused (DESK_CONFLICT) when its target is no
 * longer as the edit left it, except for a soft action, which is then left
 * as it is.
 */
static int
history_one(desk *d, const history_edit *e, int undo)
{
	const history_action *a, *sql;
	int rc;

	if ((a = history_find(e->action)) == NULL)
		return desk_error(d, DESK_ERROR, "cannot %s \"%s\": unknown action",
		                  undo ? "undo" : "redo", e->action);
	sql = a->check ? a : history_find(a->like);
	if ((rc = history_check(d, a, sql, e, undo)) == DESK_CONFLICT && a->soft) {
		desk_clear_error(d);
		return DESK_OK;
	}
	if (rc != DESK_OK)
		return rc;
	return history_apply(d, a, sql, e, undo);
}

/* Undo a group's edits last first, or redo them first first. */
static int
history_group(desk *d, const history_edit *g, int undo)
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
		if ((rc = history_one(d, &m, undo)) != DESK_OK)
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
history_step(int64_t *article_id, desk *d, int undo)
{
	history_edit e = {0};
	int rc;

	if (article_id)
		*article_id = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = history_last(&e, d, undo)) != DESK_OK)
		goto done;
	if (strcmp(e.action, "group") == 0)
		rc = history_group(d, &e, undo);
	else
		rc = history_one(d, &e, undo);
	if (rc != DESK_OK || (rc = history_mark(d, &e, undo)) != DESK_OK ||
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
history_describe(char *buf, size_t size, desk *d, const history_edit *e)
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
		snprintf(buf, size, "%s", history_say(e->action));
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
		snprintf(buf, size, "%s", history_say(first ? first : e->action));
	else if (kinds == 1)
		snprintf(buf, size, "%s (%d edits made together)", history_say(first), n);
	else
		snprintf(buf, size, "%s and %d other edit%s made together", history_say(first),
		         n - 1, n - 1 == 1 ? "" : "s");
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
	if ((rc = history_last(&e, d, undo)) == DESK_OK)
		rc = history_describe(buf, size, d, &e);
	free(e.action);
	free(e.data);
	return rc;
}

int
desk_undo(int64_t *article_id, desk *d)
{
	return history_step(article_id, d, 1);
}

int
desk_redo(int64_t *article_id, desk *d)
{
	return history_step(article_id, d, 0);
}
