/*
 * research.c - the research behind a claim (shared by the claims it was
 * applied to): the verdict, the note, the evidence, and the review by a
 * second editor.
 *
 * The status follows the research (annotations/VERDICTS.md): after an edit
 * by an editor, a research with a verdict and at least one standing piece of
 * evidence is 'proposed' by that editor, else it is 'check'; an edit after a
 * review drops the review from the row (the edit log keeps it).  Only
 * another editor than the proposer approves ('verified') or disputes it
 * with a reason ('disputed').  Every edit is one transaction whose history
 * data holds the research row before and after (history_undo.c puts it back).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <unictype.h>
#include <unistr.h>

#include "claim_internal.h"

/* The research's state now into *out (a new reference). */
static int
research_state(json_t **out, desk *d, int64_t research_id)
{
	sqlite3_stmt *st = NULL;
	json_error_t err;
	int rc;

	*out = NULL;
	if ((rc = desk_prepare(d, &st, "SELECT " RESEARCH_STATE " FROM research WHERE id = ?1")) !=
	    DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, research_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "research");
		goto done;
	}
	if ((*out = json_loads((const char *)sqlite3_column_text(st, 0), 0, &err)) == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	sqlite3_finalize(st);
	return rc;
}

/* Run a statement bound to (?1 research id, ?2 editor, ?3 text or NULL). */
static int
research_exec(desk *d, const char *sql, int64_t id, const char *text)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, d->editor, -1, SQLITE_STATIC);
	if (text)
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "research");
done:
	sqlite3_finalize(st);
	return rc;
}

/* After an edit by the editor: 'proposed' by them with a verdict and evidence, else 'check'. */
static int
research_settle(desk *d, int64_t research_id)
{
#define RESEARCH_READY                                                                             \
	"(verdict IS NOT NULL AND EXISTS (SELECT 1 FROM evidence e WHERE e.research_id = ?1 AND "  \
	"e.deleted_at IS NULL))"
	static const char sql[] =
	    "UPDATE research SET status = CASE WHEN " RESEARCH_READY
	    " THEN 'proposed' ELSE 'check' "
	    "END, proposed_by = CASE WHEN " RESEARCH_READY " THEN ?2 END, "
	    "proposed_at = CASE WHEN " RESEARCH_READY " THEN " DESK_SQL_NOW " END, "
	    "reviewed_by = NULL, reviewed_at = NULL, review_reason = NULL, "
	    "updated_by = ?2, updated_at = " DESK_SQL_NOW " WHERE id = ?1";
#undef RESEARCH_READY

	return research_exec(d, sql, research_id, NULL);
}

/*
 * Log an edit of the research: data {"claim" or "evidence": target, "research":
 * id, "before": ..., "after": ...}; takes the reference to before.
 */
static int
research_record(desk *d, const char *action, int64_t article_id, int64_t research_id,
                const char *what, int64_t target, json_t *before)
{
	json_t *after = NULL;
	int rc;

	if ((rc = research_state(&after, d, research_id)) != DESK_OK)
		goto done;
	rc = claim_record(d, action, article_id,
	                  strcmp(what, "evidence") == 0 ? target : research_id,
	                  json_pack("{sI sI sO sO}", what, (json_int_t)target, "research",
	                            (json_int_t)research_id, "before", before, "after", after));
done:
	json_decref(before);
	json_decref(after);
	return rc;
}

/* Set one text column of the research (verdict or note); the same value is no edit. */
static int
research_set(desk *d, int64_t claim_id, const char *action, const char *column, const char *value)
{
	char sql[256];
	json_t *before = NULL;
	int64_t research_id, article_id;
	const char *was;
	int rc;

	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = claim_standing(d, claim_id, &research_id, &article_id)) != DESK_OK ||
	    (rc = roles_require_owner(d, "research", research_id, "change")) != DESK_OK ||
	    (rc = research_state(&before, d, research_id)) != DESK_OK)
		goto done;
	was = json_string_value(json_object_get(before, column));
	if ((was == NULL && value == NULL) || (was && value && strcmp(was, value) == 0)) {
		rc = desk_commit(d); /* nothing to change, nothing to undo */
		goto done;
	}
	snprintf(sql, sizeof sql, "UPDATE research SET %s = ?3 WHERE id = ?1", column);
	if ((rc = research_exec(d, sql, research_id, value)) != DESK_OK ||
	    (rc = research_settle(d, research_id)) != DESK_OK)
		goto done;
	rc = research_record(d, action, article_id, research_id, "claim", claim_id, before);
	before = NULL;
	if (rc == DESK_OK)
		rc = desk_commit(d);
done:
	json_decref(before);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_claim_set_verdict(desk *d, int64_t claim_id, const char *verdict)
{
	char *name = NULL;
	int rc;

	if (d == NULL)
		return DESK_MISUSE;
	if (verdict && *verdict && (rc = verdict_name(&name, d, verdict)) != DESK_OK)
		return rc;
	rc = research_set(d, claim_id, "research-verdict", "verdict", name);
	free(name);
	return rc;
}

int
desk_claim_set_note(desk *d, int64_t claim_id, const char *note)
{
	char why[DESK_FIELD_WHY];
	const char *bad;

	if (d == NULL)
		return DESK_MISUSE;
	if (note && desk_utf8_check(note, strlen(note), NULL) != DESK_OK)
		return desk_error_field(d, DESK_INVALID, "note", DESK_RULE_UTF8,
		                        "note: not valid UTF-8");
	if (note && (bad = desk_field_check(why, note, strlen(note), DESK_NOTE_MAX, 0)) != NULL)
		return desk_error_field(d, DESK_INVALID, "note", DESK_RULE_TEXT, "note: %s", bad);
	return research_set(d, claim_id, "research-note", "note", note ? note : "");
}

/* --- Evidence ------------------------------------------------------------- */

/* s without white space at either end: *len bytes from the returned pointer. */
static const char *
research_trim(const char *s, size_t *len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s), *last = p;
	ucs4_t c;
	int n;

	while (p < end && (n = u8_mbtouc(&c, p, (size_t)(end - p))) > 0 &&
	       uc_is_property_white_space(c))
		p += n;
	s = (const char *)p;
	for (const uint8_t *q = p; q < end; q += n) {
		n = u8_mbtouc(&c, q, (size_t)(end - q));
		if (!uc_is_property_white_space(c))
			last = q + n;
	}
	*len = last > p ? (size_t)(last - p) : 0;
	return s;
}

/* Something that is meant as a link: a scheme and ":/", "://", or "www.". */
static int
research_url_like(const char *s, size_t len)
{
	size_t i = 0;

	if (len >= 4 && strncasecmp(s, "www.", 4) == 0)
		return 1;
	for (size_t k = 0; k + 2 < len; k++)
		if (memcmp(s + k, "://", 3) == 0)
			return 1;
	while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	return i > 0 && i + 1 < len && s[i] == ':' && s[i + 1] == '/';
}

/*
 * A citation names the source: two letters or digits or more, one of them a
 * capital or a digit (a name, an acronym, a date): "Reuters", "TTXVN", "GSO",
 * "Tổng cục Thống kê, 6/11/2025"; not "x" nor "see above".
 */
static int
research_citation_valid(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	int chars = 0, named = 0;
	ucs4_t c;
	int n;

	for (; p < end; p += n) {
		if ((n = u8_mbtouc(&c, p, (size_t)(end - p))) <= 0)
			return 0;
		if (uc_is_alpha(c) || uc_is_digit(c)) {
			chars++;
			named |= uc_is_digit(c) || uc_is_upper(c) || uc_is_property_titlecase(c);
		}
	}
	return chars >= 2 && named;
}

static int
research_check_source(desk *d, const char *s, size_t len)
{
	int url = desk_url_check(s, len);

	if (len == 0)
		return desk_error_field(d, DESK_INVALID, "source", DESK_RULE_EMPTY,
		                        "source: empty: give a URL (http:// or https://) or a "
		                        "citation");
	if (url != DESK_URL_NOSCHEME) {
		if (url == DESK_URL_SPACE)
			return desk_error_field(
			    d, DESK_INVALID, "source", DESK_RULE_URL,
			    "source: \"%.*s\" is not a URL: it has spaces in it", (int)len, s);
		if (url == DESK_URL_NOHOST)
			return desk_error_field(
			    d, DESK_INVALID, "source", DESK_RULE_URL,
			    "source: \"%.*s\" is not a URL: no host such as example.com "
			    "after %.*s",
			    (int)len, s, (int)desk_url_scheme(s, len), s);
		return DESK_OK;
	}
	if (research_url_like(s, len))
		return desk_error_field(
		    d, DESK_INVALID, "source", DESK_RULE_URL,
		    "source: \"%.*s\" looks like a link but is not a URL: it must "
		    "start with http:// or https:// and have a host such as example.com",
		    (int)len, s);
	if (!research_citation_valid(s, len))
		return desk_error_field(
		    d, DESK_INVALID, "source", DESK_RULE_CITATION,
		    "source: \"%.*s\" is neither a URL (http:// or https:// and a host) "
		    "nor a citation (the source's name, with a capital or a digit: "
		    "\"Reuters\", \"Tổng cục Thống kê, 6/11/2025\")",
		    (int)len, s);
	return DESK_OK;
}

/* Today, UTC, as YYYY-MM-DD. */
static void
research_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	if (strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		memcpy(out, "9999-12-31", 11);
}

/* consulted (NULL: today) as a real date, not after today, into out. */
static int
research_check_date(desk *d, char out[11], const char *consulted)
{
	char today[11];

	research_today(today);
	if (consulted == NULL) {
		memcpy(out, today, 11);
		return DESK_OK;
	}
	if (!desk_date_form(consulted, strlen(consulted)))
		return desk_error_field(d, DESK_INVALID, "consulted", DESK_RULE_DATE,
		                        "consulted: \"%s\" is not a date as YYYY-MM-DD", consulted);
	if (!desk_date_valid(consulted, 10))
		return desk_error_field(d, DESK_INVALID, "consulted", DESK_RULE_DATE,
		                        "consulted: %s is not a date of the calendar", consulted);
	if (strcmp(consulted, today) > 0)
		return desk_error_field(d, DESK_INVALID, "consulted", DESK_RULE_FUTURE,
		                        "consulted: %s is after today (%s)", consulted, today);
	memcpy(out, consulted, 11);
	return DESK_OK;
}

/*
 * The checks of desk_evidence_check(), in the form's order, with the trimmed
 * source and quote and the day; partial: a NULL source or quote is not
 * checked (a form checks each field as it is entered).
 */
static int
research_evidence(desk *d, const char **src, size_t *nsrc, const char **q, size_t *nq, char day[11],
                  const char *source, const char *quote, const char *consulted, int partial)
{
	char why[DESK_FIELD_WHY];
	const char *bad;
	int rc;

	if (d == NULL)
		return DESK_MISUSE;
	if (source != NULL || !partial) {
		if (source == NULL || desk_utf8_check(source, strlen(source), NULL) != DESK_OK)
			return desk_error_field(d, DESK_INVALID, "source", DESK_RULE_UTF8,
			                        "source: missing or not valid UTF-8");
		*src = research_trim(source, nsrc);
		if ((bad = desk_field_check(why, *src, *nsrc, DESK_SOURCE_MAX, DESK_FIELD_LINE)) !=
		    NULL)
			return desk_error_field(d, DESK_INVALID, "source", DESK_RULE_TEXT,
			                        "source: %s", bad);
		if ((rc = research_check_source(d, *src, *nsrc)) != DESK_OK)
			return rc;
	}
	if (quote != NULL || !partial) {
		if (quote == NULL || desk_utf8_check(quote, strlen(quote), NULL) != DESK_OK)
			return desk_error_field(d, DESK_INVALID, "quote", DESK_RULE_UTF8,
			                        "quote: missing or not valid UTF-8");
		*q = research_trim(quote, nq);
		if ((bad = desk_field_check(why, *q, *nq, DESK_NOTE_MAX, 0)) != NULL)
			return desk_error_field(d, DESK_INVALID, "quote", DESK_RULE_TEXT,
			                        "quote: %s", bad);
		if (*nq == 0)
			return desk_error_field(
			    d, DESK_INVALID, "quote", DESK_RULE_EMPTY,
			    "quote: empty: evidence quotes the passage of the source");
	}
	return research_check_date(d, day, consulted);
}

int
desk_evidence_check(desk *d, const char *source, const char *quote, const char *consulted)
{
	const char *src = NULL, *q = NULL;
	size_t nsrc = 0, nq = 0;
	char day[11];

	return research_evidence(d, &src, &nsrc, &q, &nq, day, source, quote, consulted, 1);
}

int
desk_claim_add_evidence(int64_t *out, desk *d, int64_t claim_id, const char *source,
                        const char *quote, const char *consulted)
{
	static const char sql[] =
	    "INSERT INTO evidence (research_id, source, quote, consulted, added_by, added_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, " DESK_SQL_NOW ")";
	sqlite3_stmt *st = NULL;
	json_t *before = NULL;
	const char *src = NULL, *q = NULL;
	size_t nsrc = 0, nq = 0;
	char day[11];
	int64_t research_id, article_id, id;
	int rc;

	if (out)
		*out = 0;
	if ((rc = research_evidence(d, &src, &nsrc, &q, &nq, day, source, quote, consulted, 0)) !=
	    DESK_OK)
		return rc;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = claim_standing(d, claim_id, &research_id, &article_id)) != DESK_OK ||
	    (rc = roles_require_owner(d, "research", research_id, "add evidence to")) != DESK_OK ||
	    (rc = research_state(&before, d, research_id)) != DESK_OK ||
	    (rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, research_id);
	sqlite3_bind_text(st, 2, src, (int)nsrc, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, q, (int)nq, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "add evidence");
		goto done;
	}
	id = sqlite3_last_insert_rowid(d->db);
	if ((rc = research_settle(d, research_id)) != DESK_OK)
		goto done;
	rc = research_record(d, "evidence-add", article_id, research_id, "evidence", id, before);
	before = NULL;
	if (rc == DESK_OK && (rc = desk_commit(d)) == DESK_OK && out)
		*out = id;
done:
	sqlite3_finalize(st);
	json_decref(before);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_claim_delete_evidence(desk *d, int64_t evidence_id)
{
	static const char find_sql[] =
	    "SELECT e.research_id, coalesce((SELECT c.article_id FROM claim c WHERE c.research_id "
	    "= "
	    "e.research_id AND c.deleted_at IS NULL ORDER BY c.id LIMIT 1), 0) FROM evidence e "
	    "WHERE e.id = ?1 AND e.deleted_at IS NULL";
	static const char sql[] =
	    "UPDATE evidence SET deleted_by = ?2, deleted_at = " DESK_SQL_NOW " WHERE id = ?1";
	sqlite3_stmt *st = NULL;
	json_t *before = NULL;
	int64_t research_id, article_id;
	int rc, r;

	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = desk_prepare(d, &st, find_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, evidence_id);
	if ((r = sqlite3_step(st)) != SQLITE_ROW) {
		rc = r == SQLITE_DONE
		         ? desk_error(d, DESK_NOTFOUND, "no evidence %lld", (long long)evidence_id)
		         : desk_sqlite_error(d, "evidence");
		goto done;
	}
	research_id = sqlite3_column_int64(st, 0);
	article_id = sqlite3_column_int64(st, 1);
	if ((rc = roles_require_owner(d, "evidence", evidence_id, "delete")) != DESK_OK ||
	    (rc = research_state(&before, d, research_id)) != DESK_OK ||
	    (rc = research_exec(d, sql, evidence_id, NULL)) != DESK_OK ||
	    (rc = research_settle(d, research_id)) != DESK_OK)
		goto done;
	rc = research_record(d, "evidence-delete", article_id, research_id, "evidence", evidence_id,
	                     before);
	before = NULL;
	if (rc == DESK_OK)
		rc = desk_commit(d);
done:
	sqlite3_finalize(st);
	json_decref(before);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

/* --- The review ----------------------------------------------------------- */

/*
 * Whether the editor may give this review (reason NULL: approve) of research
 * in status with its proposer and reviewer: a proposed verdict by anyone but
 * its proposer; a review already given (verified, disputed) overturned only
 * by a chief, and never by the proposer; the same review twice, or a claim
 * without a proposed verdict, not at all.
 */
static int
research_may_review(desk *d, int64_t claim_id, const char *status, const char *proposer,
                    const char *reviewer, const char *reason)
{
	const char *verb = reason ? "dispute" : "approve";
	int proposed = strcmp(status, "proposed") == 0;
	char what[160];

	if (strcmp(status, "check") == 0 || strcmp(status, reason ? "disputed" : "verified") == 0)
		return desk_error(
		    d, DESK_CONFLICT,
		    "claim %lld is %s, not proposed: only a proposed verdict (a verdict "
		    "with evidence) can be %s",
		    (long long)claim_id, status, reason ? "disputed" : "approved");
	if (strcmp(proposer, d->editor) == 0)
		return desk_error_field(d, DESK_DENIED, "", DESK_RULE_OWN_VERDICT,
		                        "refused (rule own-verdict): you proposed this verdict; "
		                        "another editor must %s it",
		                        verb);
	if (proposed)
		return DESK_OK;
	snprintf(what, sizeof what, "overturn a review already given (claim %lld was %s by %s)",
	         (long long)claim_id, status, reviewer);
	return roles_require_chief(d, what);
}

/* Approve (reason NULL) or dispute the claim's verdict (research_may_review). */
static int
research_review(desk *d, int64_t claim_id, const char *reason)
{
	static const char state_sql[] = "SELECT status, coalesce(proposed_by, ''), "
	                                "coalesce(reviewed_by, '') FROM research WHERE id = ?1";
	static const char sql[] =
	    "UPDATE research SET status = CASE WHEN ?3 IS NULL THEN 'verified' ELSE 'disputed' "
	    "END, "
	    "reviewed_by = ?2, reviewed_at = " DESK_SQL_NOW
	    ", review_reason = ?3, updated_by = ?2, "
	    "updated_at = " DESK_SQL_NOW " WHERE id = ?1";
	sqlite3_stmt *st = NULL;
	json_t *before = NULL;
	int64_t research_id, article_id;
	int rc;

	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = claim_standing(d, claim_id, &research_id, &article_id)) != DESK_OK ||
	    (rc = desk_prepare(d, &st, state_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, research_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "research");
		goto done;
	}
	if ((rc = research_may_review(d, claim_id, (const char *)sqlite3_column_text(st, 0),
	                              (const char *)sqlite3_column_text(st, 1),
	                              (const char *)sqlite3_column_text(st, 2), reason)) != DESK_OK)
		goto done;
	if ((rc = research_state(&before, d, research_id)) != DESK_OK ||
	    (rc = research_exec(d, sql, research_id, reason)) != DESK_OK)
		goto done;
	rc = research_record(d, reason ? "claim-dispute" : "claim-approve", article_id, research_id,
	                     "claim", claim_id, before);
	before = NULL;
	if (rc == DESK_OK)
		rc = desk_commit(d);
done:
	sqlite3_finalize(st);
	json_decref(before);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_claim_approve(desk *d, int64_t claim_id)
{
	if (d == NULL)
		return DESK_MISUSE;
	return research_review(d, claim_id, NULL);
}

int
desk_claim_dispute(desk *d, int64_t claim_id, const char *reason)
{
	char *r = NULL, why[DESK_FIELD_WHY];
	const char *s, *bad;
	size_t len = 0;
	int rc;

	if (d == NULL)
		return DESK_MISUSE;
	if (reason == NULL || desk_utf8_check(reason, strlen(reason), NULL) != DESK_OK ||
	    (s = research_trim(reason, &len), len == 0))
		return desk_error_field(d, DESK_INVALID, "reason", DESK_RULE_EMPTY,
		                        "reason: empty: say why the verdict is disputed");
	if ((bad = desk_field_check(why, s, len, DESK_NOTE_MAX, 0)) != NULL)
		return desk_error_field(d, DESK_INVALID, "reason", DESK_RULE_TEXT, "reason: %s",
		                        bad);
	if ((r = strndup(s, len)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	rc = research_review(d, claim_id, r);
	free(r);
	return rc;
}

/* --- Rows as an import gives them ----------------------------------------- */

int
evidence_insert(int64_t *out, desk *d, sqlite3_stmt **st, int64_t research_id, const char *source,
                const char *quote, const char *consulted, const char *added_by,
                const char *added_at)
{
	static const char sql[] =
	    "INSERT INTO evidence (research_id, source, quote, consulted, added_by, added_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, " DESK_SQL_NOW "))";
	int rc;

	if (*st == NULL && (rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	sqlite3_bind_int64(*st, 1, research_id);
	sqlite3_bind_text(*st, 2, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 3, quote, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 4, consulted, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 5, added_by ? added_by : d->editor, -1, SQLITE_STATIC);
	if (added_at)
		sqlite3_bind_text(*st, 6, added_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(*st) == SQLITE_DONE ? DESK_OK : desk_sqlite_error(d, "add evidence");
	sqlite3_reset(*st);
	if (rc == DESK_OK)
		*out = sqlite3_last_insert_rowid(d->db);
	return rc;
}
