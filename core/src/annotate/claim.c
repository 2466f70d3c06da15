/*
 * claim.c - claims: ranges of an article to be checked, each with its
 * research (research.c), soft-deleted so that undo brings back the same id:
 * add and delete them, and what the claim modules share (the record of an
 * edit, a claim's research and article, its statuses by name).  Every edit
 * is one transaction with its history_record() (see history_actions.c for
 * the data of each action).  Reading claims is claim_read.c.
 */
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"

static const char *const claim_status_names[] = {"check", "proposed", "verified", "disputed"};

const char *
desk_claim_status_name(desk_claim_status s)
{
	if (s < DESK_CLAIM_CHECK || s > DESK_CLAIM_DISPUTED)
		return "any";
	return claim_status_names[s];
}

int
desk_claim_status_parse(desk_claim_status *out, const char *name)
{
	for (int i = 0; name && i < 4; i++)
		if (strcmp(name, claim_status_names[i]) == 0) {
			*out = (desk_claim_status)i;
			return DESK_OK;
		}
	if (name && (strcmp(name, "any") == 0 || strcmp(name, "all") == 0)) {
		*out = DESK_CLAIM_ANY;
		return DESK_OK;
	}
	return DESK_INVALID;
}

int
claim_record(desk *d, const char *action, int64_t article_id, int64_t target_id, json_t *data)
{
	char *s = data ? json_dumps(data, JSON_COMPACT) : NULL;
	int rc;

	if (s == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	rc = history_record(d, action, article_id, target_id, s);
done:
	free(s);
	json_decref(data);
	return rc;
}

int
claim_standing(desk *d, int64_t claim_id, int64_t *research_id, int64_t *article_id)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st,
	                       "SELECT research_id, article_id FROM claim WHERE id = ?1 AND "
	                       "deleted_at IS NULL")) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, claim_id);
	if ((r = sqlite3_step(st)) == SQLITE_DONE) {
		rc = desk_error(d, DESK_NOTFOUND, "no claim %lld", (long long)claim_id);
		goto done;
	}
	if (r != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "claim");
		goto done;
	}
	if (research_id)
		*research_id = sqlite3_column_int64(st, 0);
	if (article_id)
		*article_id = sqlite3_column_int64(st, 1);
done:
	sqlite3_finalize(st);
	return rc;
}

int
claim_body(desk_text **out, desk *d, int64_t article_id)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*out = NULL;
	if ((rc = desk_prepare(d, &st, "SELECT body FROM article WHERE id = ?1")) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	if ((r = sqlite3_step(st)) == SQLITE_DONE) {
		rc = desk_error(d, DESK_NOTFOUND, "no article %lld", (long long)article_id);
		goto done;
	}
	if (r != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "article");
		goto done;
	}
	if ((rc = desk_text_new(out, (const char *)sqlite3_column_text(st, 0),
	                        (size_t)sqlite3_column_bytes(st, 0))) != DESK_OK)
		rc =
		    desk_error(d, rc, "article %lld: %s", (long long)article_id, desk_strerror(rc));
done:
	sqlite3_finalize(st);
	return rc;
}

/*
 * Check start/end against the article and widen them to grapheme
 * boundaries; *text gets body[start:end] (caller frees).
 */
static int
claim_snap(desk *d, int64_t article_id, int64_t *start, int64_t *end, char **text, size_t *len)
{
	desk_text *t = NULL;
	int rc;

	*text = NULL;
	if ((rc = claim_body(&t, d, article_id)) != DESK_OK)
		goto done;
	if (*start < 0 || *start >= *end || *end > desk_text_len(t)) {
		rc = desk_error(d, DESK_RANGE,
		                "%lld-%lld is not a range of article %lld (%lld chars)",
		                (long long)*start, (long long)*end, (long long)article_id,
		                (long long)desk_text_len(t));
		goto done;
	}
	if (span_range_text(t, start, end, text, len) != DESK_OK)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	desk_text_free(t);
	return rc;
}

/* DESK_DUPLICATE when a standing claim has this range already. */
static int
claim_check_unique(desk *d, int64_t article_id, int64_t start, int64_t end)
{
	static const char sql[] = "SELECT id FROM claim WHERE article_id = ?1 AND start = ?2 AND "
	                          "\"end\" = ?3 AND deleted_at IS NULL";
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, start);
	sqlite3_bind_int64(st, 3, end);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		rc = desk_error(d, DESK_DUPLICATE, "claim %lld already holds %lld-%lld",
		                (long long)sqlite3_column_int64(st, 0), (long long)start,
		                (long long)end);
	else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "claim");
done:
	sqlite3_finalize(st);
	return rc;
}

/* Run one statement bound to (?1 editor, ?2..?n int64 values). */
static int
claim_exec(desk *d, const char *sql, const char *what, size_t n, const int64_t *v)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_text(st, 1, d->editor, -1, SQLITE_STATIC);
	for (size_t i = 0; i < n; i++)
		sqlite3_bind_int64(st, (int)i + 2, v[i]);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, what);
done:
	sqlite3_finalize(st);
	return rc;
}

/*
 * Log a claim's add or delete with what the claim stands with (history.c
 * refuses to take it away when that changed): {"claim", "research", "state":
 * the research row, "evidence": [the research's standing evidence ids]}.
 */
static int
claim_record_state(desk *d, const char *action, int64_t article_id, int64_t claim_id)
{
	static const char sql[] =
	    "SELECT json_object('claim', c.id, 'research', c.research_id, " CLAIM_RESEARCH_SNAPSHOT(
	        "c.research_id") ") FROM claim c WHERE c.id = ?1";
	char *data = NULL;
	int rc;

	if ((rc = desk_query_text(&data, d, sql, claim_id, "claim")) == DESK_OK)
		rc = history_record(d, action, article_id, claim_id, data);
	free(data);
	return rc;
}

/* A research row as given (desk_claim_add: a new one to check; the importer: a file's). */
int
research_insert(int64_t *out, desk *d, sqlite3_stmt **st, const research_fields *r)
{
	static const char sql[] =
	    "INSERT INTO research (id, status, verdict, note, proposed_by, proposed_at, "
	    "reviewed_by, reviewed_at, review_reason, created_by, created_at, updated_by, "
	    "updated_at) VALUES ((SELECT ?1 WHERE ?1 > 0 AND NOT EXISTS (SELECT 1 FROM research "
	    "WHERE id = ?1)), ?2, ?3, coalesce(?4, ''), ?5, ?6, ?7, ?8, ?9, ?10, "
	    "coalesce(?11, " DESK_SQL_NOW "), ?10, coalesce(?11, " DESK_SQL_NOW "))";
	const char *v[] = {r->status,      r->verdict,     r->note,        r->proposed_by,
	                   r->proposed_at, r->reviewed_by, r->reviewed_at, r->review_reason};
	int rc;

	if (*st == NULL && (rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	sqlite3_bind_int64(*st, 1, r->want_id);
	for (int i = 0; i < 8; i++)
		if (v[i] != NULL)
			sqlite3_bind_text(*st, 2 + i, v[i], -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 10, r->created_by ? r->created_by : d->editor, -1, SQLITE_STATIC);
	if (r->created_at)
		sqlite3_bind_text(*st, 11, r->created_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(*st) == SQLITE_DONE ? DESK_OK : desk_sqlite_error(d, "add research");
	sqlite3_reset(*st);
	if (rc == DESK_OK)
		*out = sqlite3_last_insert_rowid(d->db);
	return rc;
}

int
claim_insert(int64_t *out, desk *d, sqlite3_stmt **st, const claim_fields *r)
{
	static const char sql[] =
	    "INSERT INTO claim (article_id, start, \"end\", text, key, research_id, author, "
	    "created_at, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "coalesce(?8, " DESK_SQL_NOW "), ?7, coalesce(?8, " DESK_SQL_NOW "))";
	char *key = NULL;
	int rc;

	if ((rc = desk_claim_key(&key, r->text, strlen(r->text))) != DESK_OK)
		return desk_error(d, rc, "claim key: %s", desk_strerror(rc));
	if (*st == NULL && (rc = desk_prepare(d, st, sql)) != DESK_OK)
		goto done;
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	sqlite3_bind_int64(*st, 1, r->article_id);
	sqlite3_bind_int64(*st, 2, r->start);
	sqlite3_bind_int64(*st, 3, r->end);
	sqlite3_bind_text(*st, 4, r->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 5, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(*st, 6, r->research_id);
	sqlite3_bind_text(*st, 7, r->author ? r->author : d->editor, -1, SQLITE_STATIC);
	if (r->created_at)
		sqlite3_bind_text(*st, 8, r->created_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(*st) == SQLITE_DONE ? DESK_OK : desk_sqlite_error(d, "add claim");
	sqlite3_reset(*st);
	if (rc == DESK_OK)
		*out = sqlite3_last_insert_rowid(d->db);
done:
	free(key);
	return rc;
}

int
claim_standing_at(int64_t *out, desk *d, sqlite3_stmt **st, int64_t article_id, int64_t start,
                  int64_t end)
{
	static const char sql[] = "SELECT id FROM claim WHERE article_id = ?1 AND start = ?2 AND "
	                          "\"end\" = ?3 AND deleted_at IS NULL";
	int rc = DESK_OK, r;

	*out = 0;
	if (*st == NULL && (rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	sqlite3_reset(*st);
	sqlite3_bind_int64(*st, 1, article_id);
	sqlite3_bind_int64(*st, 2, start);
	sqlite3_bind_int64(*st, 3, end);
	if ((r = sqlite3_step(*st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(*st, 0);
	else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "claim");
	sqlite3_reset(*st);
	return rc;
}

int
desk_claim_add(int64_t *out, desk *d, int64_t article_id, int64_t start, int64_t end)
{
	sqlite3_stmt *st = NULL, *rs = NULL;
	research_fields res = {.status = "check"};
	claim_fields row = {0};
	char *text = NULL;
	size_t len = 0;
	int64_t id, research;
	int rc;

	if (out)
		*out = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = claim_snap(d, article_id, &start, &end, &text, &len)) != DESK_OK ||
	    (rc = claim_check_unique(d, article_id, start, end)) != DESK_OK ||
	    (rc = research_insert(&research, d, &rs, &res)) != DESK_OK)
		goto done;
	row.article_id = article_id;
	row.start = start;
	row.end = end;
	row.text = text;
	row.research_id = research;
	if ((rc = claim_insert(&id, d, &st, &row)) != DESK_OK ||
	    (rc = claim_record_state(d, "claim-add", article_id, id)) != DESK_OK)
		goto done;
	if ((rc = desk_commit(d)) == DESK_OK && out)
		*out = id;
done:
	sqlite3_finalize(st);
	sqlite3_finalize(rs);
	free(text);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_claim_delete(desk *d, int64_t claim_id)
{
	static const char sql[] =
	    "UPDATE claim SET deleted_by = ?1, deleted_at = " DESK_SQL_NOW ", "
	    "updated_by = ?1, updated_at = " DESK_SQL_NOW " WHERE id = ?2";
	int64_t article_id;
	int rc;

	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = claim_standing(d, claim_id, NULL, &article_id)) != DESK_OK ||
	    (rc = roles_require_owner(d, "claim", claim_id, "delete")) != DESK_OK ||
	    (rc = claim_exec(d, sql, "delete claim", 1, &claim_id)) != DESK_OK ||
	    (rc = claim_record_state(d, "claim-delete", article_id, claim_id)) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}
