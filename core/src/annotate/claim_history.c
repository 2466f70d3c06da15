/*
 * claim_history.c - a claim's history out of the edit log: who marked it,
 * set its verdict and note, added and deleted evidence, proposed, disputed
 * with what reason, approved, applied the research to other articles, and
 * undid or redid any of these, in the order they happened.
 *
 * The research is shared by the claims it was applied to, so its edits are
 * found by their "research" (history_actions.c lists the data of each action) among
 * the edits of the articles that have a claim of that research: the log's
 * article index, never a scan of the whole log.
 */
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"

/*
 * ?1 the claim, ?2 its research: the articles of the claim and of the
 * standing claims of its research (by the index on them; a deleted claim's
 * article is left out, with the research's edits made from it alone).
 */
#define CLAIM_HISTORY_ARTICLES                                                                     \
	"(SELECT article_id FROM claim WHERE research_id = ?2 AND deleted_at IS NULL UNION "       \
	"SELECT article_id FROM claim WHERE id = ?1)"

static const char claim_history_sql[] =
    "WITH ev AS (SELECT e.id, e.at, e.editor, e.action, e.target_id, e.data, e.uid FROM "
    "edit_log e "
    "WHERE e.article_id IN " CLAIM_HISTORY_ARTICLES " AND ((e.action IN ('claim-add', "
    "'claim-delete') AND e.target_id = ?1) OR (e.action IN ('research-verdict', "
    "'research-note', 'evidence-add', 'evidence-delete', 'claim-approve', 'claim-dispute', "
    "'claim-apply') AND json_extract(e.data, '$.research') = ?2))) "
    "SELECT id, at, editor, action, coalesce(json_extract(data, '$.claim'), 0), "
    "coalesce(json_extract(data, '$.after.status'), ''), "
    "coalesce(json_extract(data, '$.after.verdict'), ''), "
    "coalesce(CASE action WHEN 'claim-dispute' THEN json_extract(data, '$.after.review_reason') "
    "WHEN 'research-note' THEN json_extract(data, '$.after.note') "
    "WHEN 'evidence-add' THEN (SELECT source FROM evidence WHERE id = target_id) "
    "WHEN 'evidence-delete' THEN (SELECT source FROM evidence WHERE id = target_id) END, ''), "
    "'', (action = 'claim-apply' AND (EXISTS (SELECT 1 FROM json_each(data, '$.claims') j "
    "WHERE j.value = ?1) OR EXISTS (SELECT 1 FROM json_each(data, '$.relinked') j WHERE "
    "json_extract(j.value, '$.claim') = ?1))), coalesce(uid, -1) FROM ev "
    "UNION ALL "
    "SELECT u.id, u.at, u.editor, u.action, coalesce(json_extract(x.data, '$.claim'), 0), "
    "coalesce(json_extract(x.data, CASE u.action WHEN 'undo' THEN '$.before.status' ELSE "
    "'$.after.status' END), ''), coalesce(json_extract(x.data, CASE u.action WHEN 'undo' THEN "
    "'$.before.verdict' ELSE '$.after.verdict' END), ''), '', x.action, 0, coalesce(u.uid, -1) "
    "FROM edit_log u JOIN ev x ON x.id = u.undoes WHERE u.action IN ('undo', 'redo') AND "
    "u.article_id IN " CLAIM_HISTORY_ARTICLES " ORDER BY 1";

static char *
claim_history_text(sqlite3_stmt *st, int col)
{
	return desk_strdup((const char *)sqlite3_column_text(st, col));
}

void
desk_claim_history_free(desk_claim_event *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free((char *)v[i].at);
		free((char *)v[i].editor);
		free((char *)v[i].action);
		free((char *)v[i].status);
		free((char *)v[i].verdict);
		free((char *)v[i].text);
		free((char *)v[i].undid);
	}
	free(v);
}

/*
 * A claim's history with the statement *st (prepared on first use, kept by
 * the caller for the next claim: an export reads thousands): research_id is
 * the claim's.
 */
int
claim_history_read(desk_claim_event **out, size_t *n, desk *d, sqlite3_stmt **st, int64_t claim_id,
                   int64_t research_id)
{
	desk_claim_event *v = NULL;
	size_t len = 0, cap = 0;
	int rc = DESK_OK, r;

	*out = NULL;
	*n = 0;
	if (*st == NULL && (rc = desk_prepare(d, st, claim_history_sql)) != DESK_OK)
		return rc;
	sqlite3_reset(*st);
	sqlite3_bind_int64(*st, 1, claim_id);
	sqlite3_bind_int64(*st, 2, research_id);
	while ((r = sqlite3_step(*st)) == SQLITE_ROW) {
		desk_claim_event *e;

		if ((rc = desk_grow(&v, &cap, len, sizeof *v)) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		e = &v[len++];
		memset(e, 0, sizeof *e);
		e->log_id = sqlite3_column_int64(*st, 0);
		e->claim_id = sqlite3_column_int64(*st, 4);
		e->this_claim = sqlite3_column_int(*st, 9) || e->claim_id == claim_id;
		e->uid = sqlite3_column_int64(*st, 10);
		if ((e->at = claim_history_text(*st, 1)) == NULL ||
		    (e->editor = claim_history_text(*st, 2)) == NULL ||
		    (e->action = claim_history_text(*st, 3)) == NULL ||
		    (e->status = claim_history_text(*st, 5)) == NULL ||
		    (e->verdict = claim_history_text(*st, 6)) == NULL ||
		    (e->text = claim_history_text(*st, 7)) == NULL ||
		    (e->undid = claim_history_text(*st, 8)) == NULL) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "claim history");
		goto done;
	}
	*out = v;
	*n = len;
	v = NULL;
	len = 0;
done:
	sqlite3_reset(*st);
	desk_claim_history_free(v, len);
	return rc;
}

int
desk_claim_history(desk_claim_event **out, size_t *n, desk *d, int64_t claim_id)
{
	sqlite3_stmt *st = NULL;
	int64_t research_id = 0;
	int rc, r;

	*out = NULL;
	*n = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_prepare(d, &st, "SELECT research_id FROM claim WHERE id = ?1")) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, claim_id);
	if ((r = sqlite3_step(st)) != SQLITE_ROW) {
		rc = r == SQLITE_DONE
		         ? desk_error(d, DESK_NOTFOUND, "no claim %lld", (long long)claim_id)
		         : desk_sqlite_error(d, "claim");
		goto done;
	}
	research_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	rc = claim_history_read(out, n, d, &st, claim_id, research_id);
done:
	sqlite3_finalize(st);
	return rc;
}

/*
 * A document's history (an export's, an import's) in words, each one
 * edit of the log that desk_claim_history() reads back as the same word:
 *   marked     claim-add         {"claim", "research"}
 *   unmarked   claim-delete      {"claim", "research"}
 *   proposed   research-verdict  {"claim", "research", "after": {"status": "proposed",
 *                                 "verdict"}}: also an evidence-add that proposed
 *   verdict    research-verdict  {..., "after": {"status": "check", "verdict"}}
 *   note       research-note     {..., "after": {"note": reason}}
 *   evidence   evidence-add      {"evidence": 0, "research", "after": {"status": "check"}}
 *   unevidenced evidence-delete  the same
 *   approved   claim-approve     {..., "after": {"status": "verified"}}
 *   disputed   claim-dispute     {..., "after": {"status": "disputed", "review_reason"}}
 *   applied    claim-apply       {"claim", "research", "claims": [claim]}
 *   undone     undo              undoes: the event before it
 *   redone     redo              the same
 * Written by an import with desk_log's row but the file's editor and time,
 * and not on anyone's undo stack (an import is not undone).
 */
static const struct claim_history_words {
	const char *word, *action, *status;
} claim_history_words[] = {
    {"marked", "claim-add", NULL},
    {"unmarked", "claim-delete", NULL},
    {"proposed", "research-verdict", "proposed"},
    {"verdict", "research-verdict", "check"},
    {"note", "research-note", NULL},
    {"evidence", "evidence-add", "check"},
    {"unevidenced", "evidence-delete", "check"},
    {"approved", "claim-approve", "verified"},
    {"disputed", "claim-dispute", "disputed"},
    {"applied", "claim-apply", NULL},
    {"undone", "undo", NULL},
    {"redone", "redo", NULL},
};
#define CLAIM_HISTORY_NWORDS (sizeof claim_history_words / sizeof *claim_history_words)

const char *
claim_history_word(const desk_claim_event *e)
{
	if (strcmp(e->action, "research-verdict") == 0 || strcmp(e->action, "evidence-add") == 0) {
		if (strcmp(e->status, "proposed") == 0)
			return "proposed";
		return e->action[0] == 'r' ? "verdict" : "evidence";
	}
	for (size_t i = 0; i < CLAIM_HISTORY_NWORDS; i++)
		if (strcmp(e->action, claim_history_words[i].action) == 0)
			return claim_history_words[i].word;
	return NULL;
}

int
claim_history_word_known(const char *word)
{
	for (size_t i = 0; word && i < CLAIM_HISTORY_NWORDS; i++)
		if (strcmp(word, claim_history_words[i].word) == 0)
			return 1;
	return 0;
}

int
claim_history_put(desk *d, sqlite3_stmt **st, int64_t *prev, int64_t article_id, int64_t claim_id,
                  int64_t research_id, const claim_history_step *e)
{
	static const char sql[] =
	    "INSERT INTO edit_log (at, editor, action, article_id, target_id, data, undoes, uid) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?3 IN ('undo', 'redo') THEN NULL "
	    "WHEN ?3 LIKE 'evidence-%' THEN json_object('evidence', 0, 'research', ?7, 'after', "
	    "json_object('status', ?8)) ELSE json_patch(json_object('claim', ?6, 'research', ?7), "
	    "CASE ?3 WHEN 'research-verdict' THEN json_object('after', json_object('status', ?8, "
	    "'verdict', ?9)) WHEN 'research-note' THEN json_object('after', json_object('note', "
	    "coalesce(?10, ''))) WHEN 'claim-approve' THEN json_object('after', "
	    "json_object('status', ?8)) WHEN 'claim-dispute' THEN json_object('after', "
	    "json_object('status', ?8, 'review_reason', ?10)) WHEN 'claim-apply' THEN "
	    "json_object('claims', json_array(?6)) ELSE '{}' END) END, ?11, " DESK_SQL_UID ")";
	const struct claim_history_words *w = NULL;
	int rc = DESK_OK;

	for (size_t i = 0; i < CLAIM_HISTORY_NWORDS && w == NULL; i++)
		if (strcmp(e->action, claim_history_words[i].word) == 0)
			w = &claim_history_words[i];
	if (w == NULL)
		return desk_error(d, DESK_INVALID, "no history event \"%s\"", e->action);
	if ((strcmp(w->action, "undo") == 0 || strcmp(w->action, "redo") == 0) && *prev == 0)
		return desk_error(d, DESK_INVALID, "history: \"%s\" with no event before it",
		                  e->action);
	if (*st == NULL && (rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	sqlite3_bind_text(*st, 1, e->at, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 2, e->editor, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 3, w->action, -1, SQLITE_STATIC);
	sqlite3_bind_int64(*st, 4, article_id);
	sqlite3_bind_int64(*st, 5, w->action[0] == 'e' ? 0 : claim_id);
	sqlite3_bind_int64(*st, 6, claim_id);
	sqlite3_bind_int64(*st, 7, research_id);
	if (w->status)
		sqlite3_bind_text(*st, 8, w->status, -1, SQLITE_STATIC);
	if (e->verdict)
		sqlite3_bind_text(*st, 9, e->verdict, -1, SQLITE_STATIC);
	if (e->reason)
		sqlite3_bind_text(*st, 10, e->reason, -1, SQLITE_STATIC);
	if (strcmp(w->action, "undo") == 0 || strcmp(w->action, "redo") == 0)
		sqlite3_bind_int64(*st, 11, *prev);
	if (sqlite3_step(*st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "claim history");
	else
		*prev = sqlite3_last_insert_rowid(d->db);
	sqlite3_reset(*st);
	return rc;
}
