/*
 * claim_page.c - where a claim is in the paged list of claims (claims.h):
 * how many come before a key (desk_claims_rank) and the key at an index
 * (desk_claims_nth).  The list is by article, then start, then id, the
 * order of the index claim_article; claim_read.c reads its pages.
 */
#include <stdint.h>
#include <stdlib.h>

#include "claim_internal.h"

void
claim_page_bind(sqlite3_stmt *st, const desk_claim_filter *f, const char *verdict,
                const desk_claim_place *key)
{
	sqlite3_bind_int64(st, 1, f->article_id);
	sqlite3_bind_int64(st, 2, f->article_id ? f->article_id : INT64_MAX);
	if (f->status != DESK_CLAIM_ANY)
		sqlite3_bind_text(st, 3, desk_claim_status_name(f->status), -1, SQLITE_STATIC);
	if (verdict)
		sqlite3_bind_text(st, 4, verdict, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, key->article_id);
	sqlite3_bind_int64(st, 6, key->start);
	sqlite3_bind_int64(st, 7, key->id);
}

/* The whole corpus's count under f from stat_claim; *ok 0 while the counts are incomplete. */
static int
claim_page_kept(int64_t *out, int *ok, desk *d, const desk_claim_filter *f, const char *verdict)
{
	static const char sql[] =
	    "SELECT (SELECT coalesce(sum(n), 0) FROM stat_claim WHERE (?1 IS NULL OR status = ?1) "
	    "AND (?2 IS NULL OR verdict = ?2)), EXISTS (SELECT 1 FROM stat_upgrade)";
	sqlite3_stmt *st = NULL;
	int rc;

	*ok = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	if (f->status != DESK_CLAIM_ANY)
		sqlite3_bind_text(st, 1, desk_claim_status_name(f->status), -1, SQLITE_STATIC);
	if (verdict)
		sqlite3_bind_text(st, 2, verdict, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "count claims");
	} else {
		*out = sqlite3_column_int64(st, 0);
		*ok = sqlite3_column_int(st, 1) == 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The verdict of f by its name, checked (NULL for none). */
static int
claim_page_verdict(char **out, desk *d, const desk_claim_filter *f)
{
	*out = NULL;
	return f->verdict ? verdict_name(out, d, f->verdict) : DESK_OK;
}

int
desk_claims_rank(int64_t *out, desk *d, const desk_claim_filter *f, const desk_claim_place *key)
{
	static const char sql[] = "SELECT count(*) FROM claim c JOIN research r ON r.id = "
	                          "c.research_id " CLAIM_PAGE_WHERE("<");
	desk_claim_filter all = {0, DESK_CLAIM_ANY, NULL};
	desk_claim_place end = {INT64_MAX, 0, 0};
	sqlite3_stmt *st = NULL;
	char *verdict = NULL;
	int rc, ok = 0;

	*out = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if (f == NULL)
		f = &all;
	if ((rc = claim_page_verdict(&verdict, d, f)) != DESK_OK)
		goto done;
	if (key == NULL && f->article_id == 0 &&
	    ((rc = claim_page_kept(out, &ok, d, f, verdict)) != DESK_OK || ok))
		goto done;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	claim_page_bind(st, f, verdict, key ? key : &end);
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = desk_sqlite_error(d, "count claims");
	else
		*out = sqlite3_column_int64(st, 0);
done:
	sqlite3_finalize(st);
	free(verdict);
	return rc;
}

int
desk_claims_nth(desk_claim_place *out, int *found, desk *d, const desk_claim_filter *f, int64_t i)
{
	static const char sql[] = "SELECT c.article_id, c.start, c.id FROM claim c "
	                          "JOIN research r ON r.id = c.research_id " CLAIM_PAGE_WHERE(
	                              ">") "ORDER BY c.article_id, c.start, c.id LIMIT 1 OFFSET ?8";
	desk_claim_filter all = {0, DESK_CLAIM_ANY, NULL};
	desk_claim_place start = {INT64_MIN, 0, 0};
	sqlite3_stmt *st = NULL;
	char *verdict = NULL;
	int rc, r;

	*out = (desk_claim_place){0, 0, 0};
	*found = 0;
	if (d == NULL || i < 0)
		return DESK_MISUSE;
	if (f == NULL)
		f = &all;
	if ((rc = claim_page_verdict(&verdict, d, f)) != DESK_OK ||
	    (rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	claim_page_bind(st, f, verdict, &start);
	sqlite3_bind_int64(st, 8, i);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		*out = (desk_claim_place){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		                          sqlite3_column_int64(st, 2)};
		*found = 1;
	} else if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "claims");
	}
done:
	sqlite3_finalize(st);
	free(verdict);
	return rc;
}
