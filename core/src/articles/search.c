/*
 * search.c - desk_search(): a query checked and written as an FTS5 query
 * over article_fts (migration 8; tokenizer in store/fts.c), the best
 * results first with a snippet each.
 *
 * The query is read here, not by FTS5, so that a malformed one gets our
 * message and rule: every term is written back quoted ("COVID-19" and
 * "Hà_Nội" would be FTS5 syntax errors bare), with FTS_EXACT_MARK in front in
 * the exact mode (the tokenizer then gives the marked exact forms), its
 * prefix star kept; AND, OR, NOT and parentheses pass through.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

/* The ranked page ranks at most this many matches, the newest (bench/notes/search.md). */
#ifndef SEARCH_RANK_CAP
#define SEARCH_RANK_CAP 2000
#endif

struct desk_search_results {
	desk_search_hit *v;
	size_t n;
};

/* A growing string. */
struct search_buf {
	char *s;
	size_t n, cap;
};

static int
search_put(struct search_buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->n + n + 1) * 2;
		char *p = realloc(b->s, cap);

		if (p == NULL)
			return DESK_NOMEM;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
	return DESK_OK;
}

/* A term: its text t[0..n) quoted ("" for "), marked in the exact mode, then its star. */
static int
search_term(struct search_buf *b, const char *t, size_t n, int exact, int prefix)
{
	int rc = search_put(b, " \"", 2);

	if (rc == DESK_OK && exact)
		rc = search_put(b, FTS_EXACT_MARK, 1);
	for (size_t i = 0; rc == DESK_OK && i < n; i++) {
		rc = search_put(b, t + i, 1);
		if (rc == DESK_OK && t[i] == '"')
			rc = search_put(b, "\"", 1); /* FTS5 writes a quote in a string twice */
	}
	if (rc == DESK_OK)
		rc = search_put(b, prefix ? "\"*" : "\"", prefix ? 2 : 1);
	return rc;
}

static int
search_word_seen(void *ctx, const textsearch_scratch *sc, size_t start, size_t end)
{
	(void)sc;
	(void)start;
	(void)end;
	*(int *)ctx = 1;
	return 1; /* one is enough */
}

/* Whether t[0..n) holds a word the index has (not only punctuation). */
static int
search_has_word(const char *t, size_t n)
{
	textsearch_scratch sc = {0};
	int seen = 0;

	textsearch_words(&sc, t, n, 0, search_word_seen, &seen);
	textsearch_scratch_free(&sc);
	return seen;
}

static int
search_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int
search_bad(desk *d, int rule, const char *fmt, const char *q, size_t at)
{
	int64_t line, col;

	desk_utf8_line_col(q, at, &line, &col);
	return desk_error_field(d, DESK_INVALID, "query", rule, fmt, (long long)col);
}

/*
 * The FTS5 query of q into *b, or DESK_INVALID with the rule: each operator
 * needs a term (or a parenthesised group) on both sides, each quote its
 * close, each parenthesis its match.
 */
static int
search_rewrite(struct search_buf *b, desk *d, const char *q, int exact)
{
	size_t i = 0, len = strlen(q), op_at = 0, open_at[64];
	int want = 1, depth = 0, rc = DESK_OK, terms = 0; /* want: a term comes next */
	const char *op = NULL;

	while (i < len && rc == DESK_OK) {
		size_t s;

		if (search_is_space(q[i])) {
			i++;
			continue;
		}
		if (q[i] == '"') {
			struct search_buf t = {0};

			s = i++;
			if (!want) /* FTS5 puts no implicit AND beside parentheses: say it */
				rc = search_put(b, " AND", 4);
			while (rc == DESK_OK) {
				if (i >= len) {
					free(t.s);
					return search_bad(
					    d, DESK_RULE_QUOTE,
					    "the quote at character %lld is not closed", q, s);
				}
				if (q[i] == '"' && (i + 1 >= len || q[i + 1] != '"'))
					break;
				if ((rc = search_put(&t, q + i, 1)) != DESK_OK)
					break;
				i += q[i] == '"' ? 2 : 1;
			}
			i++; /* the closing quote */
			if (rc == DESK_OK)
				rc = search_term(b, t.s ? t.s : "", t.n, exact,
				                 i < len && q[i] == '*' ? (i++, 1) : 0);
			terms += t.s && search_has_word(t.s, t.n);
			free(t.s);
			want = 0;
			continue;
		}
		if (q[i] == '(') {
			if ((size_t)depth == sizeof open_at / sizeof *open_at)
				return search_bad(d, DESK_RULE_PAREN,
				                  "the parentheses at character %lld nest too deep",
				                  q, i);
			open_at[depth++] = i++;
			rc = search_put(b, want ? " (" : " AND (", want ? 2 : 6);
			want = 1;
			continue;
		}
		if (q[i] == ')') {
			if (depth == 0)
				return search_bad(d, DESK_RULE_PAREN,
				                  "the parenthesis at character %lld closes none",
				                  q, i);
			if (want && op)
				return search_bad(
				    d, DESK_RULE_OPERATOR,
				    "the operator at character %lld has no term after it", q,
				    op_at);
			if (want)
				return search_bad(d, DESK_RULE_PAREN,
				                  "the parentheses at character %lld hold nothing",
				                  q, open_at[depth - 1]);
			depth--;
			i++;
			rc = search_put(b, " )", 2);
			continue;
		}
		s = i;
		while (i < len && !search_is_space(q[i]) && q[i] != '"' && q[i] != '(' &&
		       q[i] != ')')
			i++;
		if ((i - s == 3 &&
		     (memcmp(q + s, "AND", 3) == 0 || memcmp(q + s, "NOT", 3) == 0)) ||
		    (i - s == 2 && memcmp(q + s, "OR", 2) == 0)) {
			if (want)
				return search_bad(
				    d, DESK_RULE_OPERATOR,
				    "the operator at character %lld has no term before it "
				    "(NOT is \"a NOT b\": a without b)",
				    q, s);
			op = q + s;
			op_at = s;
			want = 1;
			rc = search_put(b, " ", 1);
			if (rc == DESK_OK)
				rc = search_put(b, q + s, i - s);
			continue;
		}
		if (!want)
			rc = search_put(b, " AND", 4);
		if (rc == DESK_OK)
			rc = search_term(b, q + s, i - s - (q[i - 1] == '*'), exact,
			                 q[i - 1] == '*');
		want = 0;
		op = NULL;
		terms += search_has_word(q + s, i - s);
	}
	if (rc != DESK_OK)
		return desk_error(d, rc, "out of memory");
	if (depth > 0)
		return search_bad(d, DESK_RULE_PAREN,
		                  "the parenthesis at character %lld is not closed", q,
		                  open_at[depth - 1]);
	if (want && op)
		return search_bad(d, DESK_RULE_OPERATOR,
		                  "the operator at character %lld has no term after it", q, op_at);
	if (terms == 0)
		return desk_error_field(d, DESK_INVALID, "query", DESK_RULE_EMPTY,
		                        "the query has no word to look for");
	return DESK_OK;
}

/* s with each run of white space one space, trimmed; NULL when out of memory. */
static char *
search_squeeze(const char *s)
{
	size_t n = strlen(s), w = 0;
	char *out = malloc(n + 1);
	int space = 1;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (search_is_space(s[i])) {
			if (!space)
				out[w++] = ' ';
			space = 1;
		} else {
			out[w++] = s[i];
			space = 0;
		}
	}
	while (w > 0 && out[w - 1] == ' ')
		w--;
	out[w] = '\0';
	return out;
}

static int
search_add(desk_search_results *r, size_t *cap, sqlite3_stmt *st)
{
	desk_search_hit *h;

	if (desk_grow(&r->v, cap, r->n, sizeof *r->v) != DESK_OK)
		return DESK_NOMEM;
	h = &r->v[r->n];
	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(st, 0);
	h->date = desk_strdup((const char *)sqlite3_column_text(st, 1));
	h->title = desk_strdup((const char *)sqlite3_column_text(st, 2));
	h->score = sqlite3_column_double(st, 3);
	if (sqlite3_column_count(st) > 4 &&
	    (h->snippet = search_squeeze(
	         sqlite3_column_text(st, 4) ? (const char *)sqlite3_column_text(st, 4) : "")) ==
	        NULL)
		return DESK_NOMEM;
	r->n++;
	return h->date && h->title ? DESK_OK : DESK_NOMEM;
}

/*
 * The page's rows, without their snippets (bench/notes/search.md), in *b.
 * Ranked: bm25 over the newest SEARCH_RANK_CAP matches (all of them when
 * fewer match), title matches weighing ten times body matches, ties by id.
 * Newest: the matches by id, the newest first, no score (FTS5 walks its
 * doclists backwards and stops at the limit).  The filters look up the
 * match's id in an index; without them no article row is read before the
 * page is known (reading each match's row cost more than ranking it).
 */
static int
search_sql(struct search_buf *b, const desk_search_opts *opts)
{
	static const char status[] = " AND EXISTS (SELECT 1 FROM article f WHERE f.status = ?5 "
	                             "AND f.id = article_fts.rowid)";
	static const char label[] = " AND EXISTS (SELECT 1 FROM span s WHERE s.article_id = "
	                            "article_fts.rowid AND s.label = ?6 AND s.deleted_at IS NULL)";
	static const char ranked[] = "WITH m(id, score) AS (SELECT article_fts.rowid, "
	                             "bm25(article_fts, 10.0, 1.0) FROM article_fts WHERE "
	                             "article_fts MATCH ?1";
	static const char ranked_end[] =
	    " ORDER BY article_fts.rowid DESC LIMIT ?3) SELECT a.id, a.date, a.title, m.score "
	    "FROM m JOIN article a ON a.id = m.id ORDER BY m.score, m.id LIMIT ?2";
	static const char newest[] =
	    "SELECT a.id, a.date, a.title, 0.0, snippet(article_fts, 1, ?3, ?4, "
	    "'…', 16) FROM article_fts JOIN "
	    "article a ON a.id = article_fts.rowid WHERE article_fts "
	    "MATCH ?1";
	static const char newest_end[] = " ORDER BY article_fts.rowid DESC LIMIT ?2";
	int rc = opts->newest ? search_put(b, newest, sizeof newest - 1)
	                      : search_put(b, ranked, sizeof ranked - 1);

	if (rc == DESK_OK && opts->status)
		rc = search_put(b, status, sizeof status - 1);
	if (rc == DESK_OK && opts->label)
		rc = search_put(b, label, sizeof label - 1);
	if (rc == DESK_OK)
		rc = opts->newest ? search_put(b, newest_end, sizeof newest_end - 1)
		                  : search_put(b, ranked_end, sizeof ranked_end - 1);
	return rc;
}

/*
 * The ranked page's snippets, in one pass of the index over the page's ids
 * (between the least and the greatest): FTS5 sets the query up once (a
 * prefix's doclists are merged once), and the snippet is made only for the
 * page's rows (the unary + keeps the IN list a filter, not 20 look-ups that
 * would each set the query up again).
 */
static int
search_snippets(desk_search_results *r, desk *d, const char *match, const desk_search_opts *opts)
{
	static const char head[] =
	    "SELECT article_fts.rowid, snippet(article_fts, 1, ?3, ?4, '…', 16) FROM "
	    "article_fts WHERE article_fts MATCH ?1 AND article_fts.rowid BETWEEN ?5 AND ?6 AND "
	    "+article_fts.rowid IN (";
	struct search_buf sql = {0};
	sqlite3_stmt *st = NULL;
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	int rc = DESK_OK, s = SQLITE_DONE;

	if (r->n == 0 || r->v[0].snippet != NULL) /* none, or made with the rows */
		return DESK_OK;
	rc = search_put(&sql, head, sizeof head - 1);
	for (size_t i = 0; i < r->n && rc == DESK_OK; i++) {
		char num[32];
		int k = snprintf(num, sizeof num, "%s%lld", i ? "," : "", (long long)r->v[i].id);

		lo = r->v[i].id < lo ? r->v[i].id : lo;
		hi = r->v[i].id > hi ? r->v[i].id : hi;
		rc = search_put(&sql, num, (size_t)k);
	}
	if (rc == DESK_OK)
		rc = search_put(&sql, ")", 1);
	if (rc != DESK_OK) {
		free(sql.s);
		return desk_error(d, rc, "out of memory");
	}
	if ((rc = desk_prepare(d, &st, sql.s)) != DESK_OK)
		goto done;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, opts->open ? opts->open : "[", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, opts->close ? opts->close : "]", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, lo);
	sqlite3_bind_int64(st, 6, hi);
	while (rc == DESK_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *t = (const char *)sqlite3_column_text(st, 1);

		for (size_t i = 0; i < r->n && rc == DESK_OK; i++)
			if (r->v[i].id == id && r->v[i].snippet == NULL &&
			    (r->v[i].snippet = search_squeeze(t ? t : "")) == NULL)
				rc = desk_error(d, DESK_NOMEM, "out of memory");
	}
	if (rc == DESK_OK && s != SQLITE_DONE)
		rc = desk_sqlite_error(d, "search snippet");
	for (size_t i = 0; i < r->n && rc == DESK_OK; i++)
		if (r->v[i].snippet == NULL && (r->v[i].snippet = search_squeeze("")) == NULL)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	sqlite3_finalize(st);
	free(sql.s);
	return rc;
}

int
desk_search(desk_search_results **out, desk *d, const char *query, const desk_search_opts *opts)
{
	desk_search_opts none = {0};
	struct search_buf b = {0}, sql = {0};
	desk_search_results *r = NULL;
	sqlite3_stmt *st = NULL;
	size_t cap = 0, bad;
	int rc, s;

	if (out)
		*out = NULL;
	if (out == NULL || d == NULL)
		return DESK_MISUSE;
	if (opts == NULL)
		opts = &none;
	if (query == NULL)
		query = "";
	if (desk_utf8_check(query, strlen(query), &bad) != DESK_OK)
		return desk_error_field(d, DESK_INVALID, "query", DESK_RULE_UTF8,
		                        "the query is not UTF-8 (byte %zu)", bad + 1);
	if ((rc = search_rewrite(&b, d, query, opts->exact)) != DESK_OK)
		goto done;
	if ((r = calloc(1, sizeof *r)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if (search_sql(&sql, opts) != DESK_OK) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = desk_prepare(d, &st, sql.s)) != DESK_OK)
		goto done;
	sqlite3_bind_text(st, 1, b.s, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, opts->limit ? (int64_t)opts->limit : 20);
	if (opts->newest) {
		sqlite3_bind_text(st, 3, opts->open ? opts->open : "[", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, opts->close ? opts->close : "]", -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_int64(st, 3, SEARCH_RANK_CAP);
	}
	if (opts->status)
		sqlite3_bind_text(st, 5, opts->status, -1, SQLITE_STATIC);
	if (opts->label)
		sqlite3_bind_text(st, 6, opts->label, -1, SQLITE_STATIC);
	while ((s = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = search_add(r, &cap, st)) != DESK_OK) {
			rc = desk_error(d, rc, "out of memory");
			goto done;
		}
	if (s != SQLITE_DONE) {
		/* What our reading let through and FTS5 refuses: our words, not its. */
		if (s == SQLITE_ERROR)
			rc = desk_error_field(
			    d, DESK_INVALID, "query", DESK_RULE_QUERY,
			    "the query cannot be read: check its quotes, operators "
			    "and parentheses");
		else
			rc = desk_sqlite_error(d, "search");
		goto done;
	}
	if ((rc = search_snippets(r, d, b.s, opts)) != DESK_OK)
		goto done;
	*out = r;
	r = NULL;
	desk_clear_error(d);
done:
	sqlite3_finalize(st);
	desk_search_free(r);
	free(b.s);
	free(sql.s);
	return rc;
}

size_t
desk_search_count(const desk_search_results *r)
{
	return r ? r->n : 0;
}

const desk_search_hit *
desk_search_get(const desk_search_results *r, size_t i)
{
	return r && i < r->n ? &r->v[i] : NULL;
}

int
desk_search_json(char **out, const desk_search_results *r)
{
	json_t *a = json_array();
	int rc = DESK_OK;

	*out = NULL;
	for (size_t i = 0; a && r && i < r->n; i++) {
		const desk_search_hit *h = &r->v[i];

		if (json_array_append_new(a, json_pack("{sIssssss}", "id", (json_int_t)h->id,
		                                       "date", h->date, "title", h->title,
		                                       "snippet", h->snippet)) != 0)
			rc = DESK_NOMEM;
	}
	if (a && rc == DESK_OK)
		*out = json_dumps(a, JSON_PRESERVE_ORDER | JSON_COMPACT);
	if (*out == NULL)
		rc = DESK_NOMEM;
	json_decref(a);
	return rc;
}

void
desk_search_free(desk_search_results *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free((char *)r->v[i].date);
		free((char *)r->v[i].title);
		free((char *)r->v[i].snippet);
	}
	free(r->v);
	free(r);
}

int
search_fts_query(char **out, desk *d, const char *query, int exact)
{
	struct search_buf b = {0};
	int rc = search_rewrite(&b, d, query, exact);

	if (rc != DESK_OK) {
		free(b.s);
		b.s = NULL;
	}
	*out = b.s;
	return rc;
}
