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
    "WITH ev AS (SELECT e.id, e.at, e.editor, e.action, e.target_id, e.data FROM edit_log e "
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
    "json_extract(j.value, '$.claim') = ?1))) FROM ev "
    "UNION ALL "
    "SELECT u.id, u.at, u.editor, u.action, coalesce(json_extract(x.data, '$.claim'), 0), "
    "coalesce(json_extract(x.data, CASE u.action WHEN 'undo' THEN '$.before.status' ELSE "
    "'$.after.status' END), ''), coalesce(json_extract(x.data, CASE u.action WHEN 'undo' THEN "
    "'$.before.verdict' ELSE '$.after.verdict' END), ''), '', x.action, 0 "
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

int
desk_claim_history(desk_claim_event **out, size_t *n, desk *d, int64_t claim_id)
{
	sqlite3_stmt *st = NULL;
	desk_claim_event *v = NULL;
	size_t len = 0, cap = 0;
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
	if ((rc = desk_prepare(d, &st, claim_history_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, claim_id);
	sqlite3_bind_int64(st, 2, research_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		desk_claim_event *e;

		if ((rc = desk_grow(&v, &cap, len, sizeof *v)) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		e = &v[len++];
		memset(e, 0, sizeof *e);
		e->log_id = sqlite3_column_int64(st, 0);
		e->claim_id = sqlite3_column_int64(st, 4);
		e->this_claim = sqlite3_column_int(st, 9) || e->claim_id == claim_id;
		if ((e->at = claim_history_text(st, 1)) == NULL ||
		    (e->editor = claim_history_text(st, 2)) == NULL ||
		    (e->action = claim_history_text(st, 3)) == NULL ||
		    (e->status = claim_history_text(st, 5)) == NULL ||
		    (e->verdict = claim_history_text(st, 6)) == NULL ||
		    (e->text = claim_history_text(st, 7)) == NULL ||
		    (e->undid = claim_history_text(st, 8)) == NULL) {
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
	sqlite3_finalize(st);
	desk_claim_history_free(v, len);
	return rc;
}
