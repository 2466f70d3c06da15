/*
 * candidate.c - an article's check-worthy candidates (desk_candidates over
 * its body) less those a standing claim overlaps and those an editor
 * dismissed; dismissing is undoable (history.c, "candidate-dismiss").
 */
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"

/* The ranges of a query bound to (?1 article) into *out. */
static int
candidate_ranges(desk_range **out, size_t *n, desk *d, const char *sql, int64_t article_id)
{
	sqlite3_stmt *st = NULL;
	desk_range *v = NULL;
	size_t len = 0, cap = 0;
	int rc, r;

	*out = NULL;
	*n = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (desk_grow(&v, &cap, len, sizeof *v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		v[len].start = sqlite3_column_int64(st, 0);
		v[len++].end = sqlite3_column_int64(st, 1);
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "candidates");
		goto done;
	}
	*out = v;
	*n = len;
	v = NULL;
done:
	sqlite3_finalize(st);
	free(v);
	return rc;
}

/* Whether c overlaps one of the claims or is one of the dismissed ranges. */
static int
candidate_taken(const desk_candidate *c, const desk_range *claims, size_t nclaims,
                const desk_range *dismissed, size_t ndismissed)
{
	for (size_t i = 0; i < nclaims; i++)
		if (claims[i].start < c->end && c->start < claims[i].end)
			return 1;
	for (size_t i = 0; i < ndismissed; i++)
		if (dismissed[i].start == c->start && dismissed[i].end == c->end)
			return 1;
	return 0;
}

int
desk_claim_candidates_filter(desk_candidate *v, size_t *n, desk *d, int64_t article_id)
{
	desk_range *claims = NULL, *dismissed = NULL;
	size_t nclaims = 0, ndismissed = 0, k = 0;
	int rc;

	if (d == NULL)
		return DESK_MISUSE;
	if (v == NULL && *n > 0)
		return desk_error(d, DESK_MISUSE, "candidates: no list given");
	if ((rc = candidate_ranges(&claims, &nclaims, d,
	                           "SELECT start, \"end\" FROM claim WHERE article_id = ?1 AND "
	                           "deleted_at IS NULL",
	                           article_id)) != DESK_OK ||
	    (rc = candidate_ranges(&dismissed, &ndismissed, d,
	                           "SELECT start, \"end\" FROM candidate_dismissed WHERE "
	                           "article_id = ?1",
	                           article_id)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < *n; i++)
		if (!candidate_taken(&v[i], claims, nclaims, dismissed, ndismissed))
			v[k++] = v[i];
	*n = k;
done:
	free(claims);
	free(dismissed);
	return rc;
}

int
desk_claim_candidates_text(desk_candidate **out, size_t *n, desk *d, int64_t article_id,
                           const desk_text *t)
{
	desk_candidate *v = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if (t == NULL)
		return desk_error(d, DESK_MISUSE, "candidates: no text given");
	if ((rc = desk_candidates(&v, &len, t)) != DESK_OK) {
		rc = desk_error(d, rc, "candidates of article %lld: %s", (long long)article_id,
		                desk_strerror(rc));
		goto done;
	}
	if ((rc = desk_claim_candidates_filter(v, &len, d, article_id)) != DESK_OK)
		goto done;
	*out = v;
	*n = len;
	v = NULL;
done:
	free(v);
	return rc;
}

int
desk_claim_candidates(desk_candidate **out, size_t *n, desk *d, int64_t article_id)
{
	desk_text *t = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = claim_body(&t, d, article_id)) == DESK_OK)
		rc = desk_claim_candidates_text(out, n, d, article_id, t);
	desk_text_free(t);
	return rc;
}

/* Whether [start, end) is exactly one of t's check-worthy candidates. */
static int
candidate_is_one(desk *d, int *found, const desk_text *t, int64_t start, int64_t end)
{
	desk_candidate *v = NULL;
	size_t n = 0;
	int rc;

	*found = 0;
	if ((rc = desk_candidates(&v, &n, t)) != DESK_OK)
		return desk_error(d, rc, "candidates: %s", desk_strerror(rc));
	for (size_t i = 0; i < n && !*found; i++)
		*found = v[i].start == start && v[i].end == end;
	free(v);
	return DESK_OK;
}

int
desk_claim_dismiss(desk *d, int64_t article_id, int64_t start, int64_t end)
{
	static const char sql[] =
	    "INSERT OR IGNORE INTO candidate_dismissed (article_id, start, \"end\", editor, at) "
	    "VALUES (?1, ?2, ?3, ?4, " DESK_SQL_NOW ")";
	static const char who_sql[] = "SELECT editor, at FROM candidate_dismissed WHERE "
	                              "article_id = ?1 AND start = ?2 AND \"end\" = ?3";
	sqlite3_stmt *st = NULL;
	desk_text *t = NULL;
	desk_candidate one;
	size_t n = 1;
	int rc, found = 0;

	if (d == NULL)
		return DESK_MISUSE;
	/* The body never changes: its candidates are found before the write lock. */
	if ((rc = claim_body(&t, d, article_id)) != DESK_OK)
		goto done;
	if (start < 0 || start >= end || end > desk_text_len(t)) {
		rc = desk_error_field(d, DESK_RANGE, "range", DESK_RULE_NONE,
		                      "%lld-%lld is not a range of article %lld (%lld chars)",
		                      (long long)start, (long long)end, (long long)article_id,
		                      (long long)desk_text_len(t));
		goto done;
	}
	if ((rc = candidate_is_one(d, &found, t, start, end)) != DESK_OK)
		goto done;
	if (!found) {
		rc = desk_error_field(d, DESK_NOTFOUND, "range", DESK_RULE_NOT_CANDIDATE,
		                      "%lld-%lld is not a check-worthy candidate of article %lld "
		                      "(copydesk candidates %lld lists them)",
		                      (long long)start, (long long)end, (long long)article_id,
		                      (long long)article_id);
		goto done;
	}
	if ((rc = desk_begin(d)) != DESK_OK)
		goto done;
	if ((rc = desk_prepare(d, &st, who_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, start);
	sqlite3_bind_int64(st, 3, end);
	if (sqlite3_step(st) == SQLITE_ROW) {
		rc = desk_error_field(
		    d, DESK_DUPLICATE, "range", DESK_RULE_DISMISSED,
		    "%lld-%lld of article %lld was dismissed already (by %s at %s)",
		    (long long)start, (long long)end, (long long)article_id,
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	/* A claim over it took it out of the candidates. */
	one = (desk_candidate){start, end, 0, 0};
	if ((rc = desk_claim_candidates_filter(&one, &n, d, article_id)) != DESK_OK)
		goto done;
	if (n == 0) {
		rc = desk_error_field(
		    d, DESK_CONFLICT, "range", DESK_RULE_NOT_CANDIDATE,
		    "%lld-%lld of article %lld is claimed: not a candidate any more",
		    (long long)start, (long long)end, (long long)article_id);
		goto done;
	}
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, start);
	sqlite3_bind_int64(st, 3, end);
	sqlite3_bind_text(st, 4, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "dismiss candidate");
		goto done;
	}
	if ((rc = claim_record(d, "candidate-dismiss", article_id, 0,
	                       json_pack("{sI sI sI}", "article_id", (json_int_t)article_id,
	                                 "start", (json_int_t)start, "end", (json_int_t)end))) !=
	    DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	sqlite3_finalize(st);
	desk_text_free(t);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}
