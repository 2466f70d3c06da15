/*
 * gold_verdict.c - the claims' verdicts editors differ on, and settling them
 * (gold.h).  Two editors who claim the same sentence make two claims of the
 * article whose ranges overlap, each with its own research; a group of
 * overlapping claims of several editors whose verdicts differ is a
 * difference.  Settling it keeps one claim with one verdict in the gold
 * layer (a gold_verdict row over the group's range, migration 13); the
 * editors' research stays as it is.  Reads one article.
 */
#include <stdlib.h>
#include <string.h>

#include "gold_internal.h"

struct desk_gold_vdiff {
	desk_gold_claim *claims;
	size_t nclaims;
	desk_gold_vgroup *groups;
	size_t ngroups;
};

void
desk_gold_vdiff_free(desk_gold_vdiff *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->nclaims; i++) {
		free((char *)v->claims[i].text);
		free((char *)v->claims[i].author);
		free((char *)v->claims[i].verdict);
	}
	for (size_t i = 0; i < v->ngroups; i++)
		free((char *)v->groups[i].verdict);
	free(v->claims);
	free(v->groups);
	free(v);
}

/* The article's standing claims by start, with their research's verdicts. */
static int
gold_vdiff_read(desk_gold_vdiff *v, desk *d, int64_t article_id)
{
	static const char sql[] =
	    "SELECT c.id, c.start, c.\"end\", c.text, c.author, r.verdict FROM claim c JOIN "
	    "research r ON r.id = c.research_id WHERE c.article_id = ?1 AND c.deleted_at IS NULL "
	    "ORDER BY c.start, c.id";
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc, r;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, article_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		desk_gold_claim *c;

		if (desk_grow(&v->claims, &cap, v->nclaims, sizeof *v->claims) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			break;
		}
		c = &v->claims[v->nclaims++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		c->start = sqlite3_column_int64(st, 1);
		c->end = sqlite3_column_int64(st, 2);
		c->text = desk_strdup((const char *)sqlite3_column_text(st, 3));
		c->author = desk_strdup((const char *)sqlite3_column_text(st, 4));
		if (sqlite3_column_type(st, 5) != SQLITE_NULL)
			c->verdict = desk_strdup((const char *)sqlite3_column_text(st, 5));
		if (c->text == NULL || c->author == NULL ||
		    (sqlite3_column_type(st, 5) != SQLITE_NULL && c->verdict == NULL)) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			break;
		}
	}
	if (rc == DESK_OK && r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "claims");
	sqlite3_finalize(st);
	return rc;
}

/* Whether claims [first, first + n) are of several editors with different verdicts. */
static int
gold_vdiff_differ(const desk_gold_claim *c, size_t n)
{
	const char *verdict = NULL;
	int authors = 0, verdicts = 0;

	for (size_t i = 1; i < n; i++)
		authors |= strcmp(c[i].author, c[0].author) != 0;
	for (size_t i = 0; i < n; i++) {
		if (c[i].verdict == NULL)
			continue;
		if (verdict != NULL && strcmp(verdict, c[i].verdict) != 0)
			verdicts = 1;
		verdict = c[i].verdict;
	}
	return authors && verdicts;
}

/* The standing settlement over [start, end) of the article, if any, into g. */
static int
gold_vdiff_settled(desk_gold_vgroup *g, desk *d, int64_t article_id)
{
	static const char sql[] = "SELECT id, claim_id, verdict FROM gold_verdict WHERE article_id "
	                          "= ?1 AND deleted_at IS NULL AND start < ?3 AND \"end\" > ?2 "
	                          "ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, g->start);
	sqlite3_bind_int64(st, 3, g->end);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		g->settled_id = sqlite3_column_int64(st, 0);
		g->kept_claim = sqlite3_column_int64(st, 1);
		if ((g->verdict = desk_strdup((const char *)sqlite3_column_text(st, 2))) == NULL)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
	} else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "gold verdict");
	sqlite3_finalize(st);
	return rc;
}

/*
 * The groups of overlapping claims; keep (all 0) only the differences and
 * the settled ones, else every group of more than one claim.
 */
static int
gold_vdiff_group(desk_gold_vdiff *v, desk *d, int64_t article_id, int all)
{
	size_t cap = 0, i = 0;
	int rc = DESK_OK;

	while (i < v->nclaims && rc == DESK_OK) {
		desk_gold_vgroup g = {0};
		size_t j = i + 1;

		g.start = v->claims[i].start;
		g.end = v->claims[i].end;
		for (; j < v->nclaims && v->claims[j].start < g.end; j++)
			if (v->claims[j].end > g.end)
				g.end = v->claims[j].end;
		g.first = i;
		g.n = j - i;
		i = j;
		if ((rc = gold_vdiff_settled(&g, d, article_id)) != DESK_OK)
			break;
		if (all ? g.n < 2
		        : !gold_vdiff_differ(&v->claims[g.first], g.n) && g.settled_id == 0) {
			free((char *)g.verdict);
			continue;
		}
		if (desk_grow(&v->groups, &cap, v->ngroups, sizeof *v->groups) != DESK_OK) {
			free((char *)g.verdict);
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			break;
		}
		v->groups[v->ngroups++] = g;
	}
	return rc;
}

static int
gold_vdiff_load(desk_gold_vdiff **out, desk *d, int64_t article_id, int all)
{
	desk_gold_vdiff *v;
	int rc;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	if ((v = calloc(1, sizeof *v)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if ((rc = gold_vdiff_read(v, d, article_id)) == DESK_OK)
		rc = gold_vdiff_group(v, d, article_id, all);
	if (rc != DESK_OK)
		desk_gold_vdiff_free(v);
	else
		*out = v;
	return rc;
}

int
desk_gold_vdiff_get(desk_gold_vdiff **out, desk *d, int64_t article_id)
{
	desk_gold *g = NULL;
	int rc;

	/* The article must exist (desk_gold_get says so). */
	if (d != NULL && (rc = desk_gold_get(&g, d, article_id)) != DESK_OK) {
		*out = NULL;
		return rc;
	}
	desk_gold_free(g);
	return gold_vdiff_load(out, d, article_id, 0);
}

size_t
desk_gold_vdiff_groups(const desk_gold_vdiff *v)
{
	return v ? v->ngroups : 0;
}

const desk_gold_vgroup *
desk_gold_vdiff_group(const desk_gold_vdiff *v, size_t i)
{
	return v && i < v->ngroups ? &v->groups[i] : NULL;
}

const desk_gold_claim *
desk_gold_vdiff_claim(const desk_gold_vdiff *v, size_t i)
{
	return v && i < v->nclaims ? &v->claims[i] : NULL;
}

/* The claim's article, and the verdict's name as the scale has it (by name, any case). */
static int
gold_verdict_check(int64_t *article_id, char **name, desk *d, int64_t claim_id, const char *verdict)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*name = NULL;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT article_id FROM claim WHERE id = ?1 AND deleted_at IS "
	                       "NULL")) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, claim_id);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		*article_id = sqlite3_column_int64(st, 0);
	else
		rc = r == SQLITE_DONE
		         ? desk_error_field(d, DESK_NOTFOUND, "claim", DESK_RULE_UNKNOWN,
		                            "no claim %lld", (long long)claim_id)
		         : desk_sqlite_error(d, "claim");
	sqlite3_finalize(st);
	st = NULL;
	if (rc != DESK_OK ||
	    (rc = desk_prepare(
	         d, &st, "SELECT name FROM verdict WHERE name = ?1 COLLATE NOCASE")) != DESK_OK)
		return rc;
	sqlite3_bind_text(st, 1, verdict, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if ((*name = desk_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
	} else
		rc = r == SQLITE_DONE
		         ? desk_error_field(d, DESK_NOTFOUND, "verdict", DESK_RULE_UNKNOWN,
		                            "no verdict \"%s\"", verdict)
		         : desk_sqlite_error(d, "verdict");
	sqlite3_finalize(st);
	return rc;
}

/* Put a settled verdict over group g keeping claim_id; its id noted in the change. */
static int
gold_verdict_put(gold_change *c, const desk_gold_vgroup *g, int64_t claim_id, const char *verdict)
{
	static const char sql[] =
	    "INSERT INTO gold_verdict (article_id, claim_id, start, \"end\", verdict, settled_by, "
	    "settled_at, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " DESK_SQL_NOW
	    ", ?6, " DESK_SQL_NOW ")";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(c->d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, c->article_id);
	sqlite3_bind_int64(st, 2, claim_id);
	sqlite3_bind_int64(st, 3, g->start);
	sqlite3_bind_int64(st, 4, g->end);
	sqlite3_bind_text(st, 5, verdict, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, c->d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "settle verdict");
	else
		rc = gold_change_verdict(c, sqlite3_last_insert_rowid(c->d->db), 1);
	sqlite3_finalize(st);
	return rc;
}

/* Take away the standing settlements over [start, end) of the article. */
static int
gold_verdict_drop(gold_change *c, int64_t start, int64_t end)
{
	static const char sql[] =
	    "UPDATE gold_verdict SET deleted_by = ?4, deleted_at = " DESK_SQL_NOW
	    ", updated_by = ?4, updated_at = " DESK_SQL_NOW " WHERE article_id "
	    "= ?1 AND deleted_at IS NULL AND start < ?3 AND \"end\" > ?2 "
	    "RETURNING id";
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(c->d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, c->article_id);
	sqlite3_bind_int64(st, 2, start);
	sqlite3_bind_int64(st, 3, end);
	sqlite3_bind_text(st, 4, c->d->editor, -1, SQLITE_STATIC);
	while (rc == DESK_OK && (r = sqlite3_step(st)) == SQLITE_ROW)
		rc = gold_change_verdict(c, sqlite3_column_int64(st, 0), 0);
	if (rc == DESK_OK && r != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "settle verdict");
	sqlite3_finalize(st);
	return rc;
}

int
desk_gold_verdict(desk *d, int64_t claim_id, const char *verdict)
{
	gold_change c = {0};
	desk_gold_vdiff *v = NULL;
	const desk_gold_vgroup *g = NULL;
	char *name = NULL;
	int64_t article_id = 0;
	int rc;

	if (d == NULL || verdict == NULL)
		return DESK_MISUSE;
	if ((rc = gold_verdict_check(&article_id, &name, d, claim_id, verdict)) != DESK_OK)
		goto done;
	if ((rc = gold_change_begin(&c, d, article_id, 0)) != DESK_OK ||
	    (rc = gold_vdiff_load(&v, d, article_id, 1)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < v->ngroups && g == NULL; i++)
		for (size_t k = v->groups[i].first; k < v->groups[i].first + v->groups[i].n; k++)
			if (v->claims[k].id == claim_id)
				g = &v->groups[i];
	if (g == NULL) {
		rc = desk_error_field(d, DESK_INVALID, "claim", DESK_RULE_NO_DIFFER,
		                      "claim %lld overlaps no other claim: nothing to settle",
		                      (long long)claim_id);
		goto done;
	}
	if ((rc = gold_verdict_drop(&c, g->start, g->end)) == DESK_OK)
		rc = gold_verdict_put(&c, g, claim_id, name);
done:
	rc = gold_change_end(&c, rc);
	desk_gold_vdiff_free(v);
	free(name);
	return rc;
}
