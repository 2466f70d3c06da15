/*
 * annsearch.c - desk_annsearch(): search over the annotations (search.h):
 * the spans of a label whose text holds the query, the claims of a status
 * or verdict whose text holds it, the articles that mention an entity.
 *
 * A span's or claim's text is matched here, word by word as the full-text
 * index has them (text/textsearch.c: folded, or exact forms), so that
 * "APEC" as ORG means the ORG span says APEC, not only that the article
 * says it somewhere.  With a query, the label's candidates come from the
 * index first (a span's words are its article's words), by article id, so
 * that a rare name costs its few articles; without one, the spans of the
 * label are walked in article order.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "copydesk/export.h"
#include "ann.h"
#include "internal.h"

struct desk_annsearch_results {
	desk_annsearch_hit *v;
	size_t n;
};

/* --- Results ------------------------------------------------------------ */

static int
ann_add(desk_annsearch_results *r, size_t *cap, sqlite3_stmt *st, int64_t claim,
        struct ann_str *snippet)
{
	desk_annsearch_hit *h;

	if (snippet->oom || desk_grow(&r->v, cap, r->n, sizeof *r->v) != DESK_OK)
		return DESK_NOMEM;
	h = &r->v[r->n];
	h->id = sqlite3_column_int64(st, 0);
	h->claim = claim;
	h->date = desk_strdup((const char *)sqlite3_column_text(st, 1));
	h->title = desk_strdup((const char *)sqlite3_column_text(st, 2));
	h->snippet = snippet->s ? snippet->s : desk_strdup("");
	snippet->s = NULL;
	snippet->n = snippet->cap = 0;
	r->n++;
	return h->date && h->title && h->snippet ? DESK_OK : DESK_NOMEM;
}

/* Whether id is among the filter's articles (any when it has none). */
static int
ann_article_ok(const desk_filter *f, int64_t id)
{
	if (f == NULL || f->articles == NULL)
		return 1;
	for (size_t i = 0; i < f->narticles; i++)
		if (f->articles[i] == id)
			return 1;
	return 0;
}

/*
 * The filter's conditions on the article a (?10 status, ?11 since) and on
 * the editor (?12): the caller's own column for it first.
 */
#define ANN_ARTICLE_COND                                                                           \
	" AND (?10 IS NULL OR a.status = ?10) AND (?11 IS NULL OR EXISTS (SELECT 1 FROM "          \
	"edit_log e WHERE e.article_id = a.id AND e.at >= ?11))"

/* What the statements share: ?1 the FTS query, ?2 after, ?3 label/status, ?4 verdict, ?5 entity. */
static void
ann_bind(sqlite3_stmt *st, const desk_filter *f, int64_t after)
{
	sqlite3_bind_int64(st, 2, after);
	if (f && f->status)
		sqlite3_bind_text(st, 10, f->status, -1, SQLITE_STATIC);
	if (f && f->since)
		sqlite3_bind_text(st, 11, f->since, -1, SQLITE_STATIC);
	if (f && f->user)
		sqlite3_bind_text(st, 12, f->user, -1, SQLITE_STATIC);
}

struct ann_ctx {
	desk *d;
	const desk_annsearch_opts *o;
	const desk_filter *f;
	struct ann_query *q; /* NULL: no query */
	const char *open, *close;
	size_t limit;
	desk_annsearch_results *r;
	size_t cap;
	struct ann_str buf; /* ann_maybe()'s folded text */
	sqlite3_stmt *art;  /* an article's id, date, title when the filter takes it */
};

/*
 * The article into c->art when the filter takes it: 1, 0 when not, -1 on
 * error.  Read only for a match: the rows scanned never touch the articles.
 */
static int
ann_article(struct ann_ctx *c, int64_t id)
{
	static const char sql[] =
	    "SELECT a.id, a.date, a.title FROM article a WHERE a.id = ?1" ANN_ARTICLE_COND;
	int s;

	if (!ann_article_ok(c->f, id))
		return 0;
	if (c->art == NULL) {
		if (desk_prepare(c->d, &c->art, sql) != DESK_OK)
			return -1;
		ann_bind(c->art, c->f, 0);
	}
	sqlite3_reset(c->art);
	sqlite3_bind_int64(c->art, 1, id);
	s = sqlite3_step(c->art);
	if (s != SQLITE_ROW && s != SQLITE_DONE)
		desk_sqlite_error(c->d, "search");
	return s == SQLITE_ROW ? 1 : s == SQLITE_DONE ? 0 : -1;
}

/* The spans of the label: rows (article, span text) by article then start. */
static int
ann_labels(struct ann_ctx *c, const char *fts)
{
	static const char by_index[] =
	    "SELECT f.rowid, s.text FROM article_fts f CROSS JOIN span s ON s.article_id = "
	    "f.rowid WHERE article_fts MATCH ?1 AND f.rowid > ?2 AND s.deleted_at IS NULL AND "
	    "s.label = ?3 AND (?12 IS NULL OR s.author = ?12) ORDER BY f.rowid";
	static const char by_span[] =
	    "SELECT s.article_id, s.text FROM span s WHERE s.article_id > ?2 AND s.deleted_at IS "
	    "NULL AND s.label = ?3 AND (?12 IS NULL OR s.author = ?12) ORDER BY s.article_id, "
	    "s.start";
	struct ann_words w = {.exact = c->o->exact};
	textsearch_scratch sc = {0};
	sqlite3_stmt *st = NULL;
	int64_t cur = 0;
	int rc, s, shown = 0, took = 0;

	if ((rc = desk_prepare(c->d, &st, fts ? by_index : by_span)) != DESK_OK)
		return rc;
	if (fts)
		sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
	ann_bind(st, c->f, c->o->after);
	sqlite3_bind_text(st, 3, c->o->label, -1, SQLITE_STATIC);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *text = (const char *)sqlite3_column_text(st, 1);
		struct ann_str one = {0};

		if (id != cur) {
			if (c->r->n == c->limit)
				break;
			cur = id;
			shown = 0;
			took = -2; /* not read yet */
		}
		if (took == 0 || shown >= 5 || !ann_maybe(c->q, text, &c->buf))
			continue;
		if (c->q && ann_words_of(&w, &sc, text, strlen(text)) != DESK_OK) {
			rc = DESK_NOMEM;
			break;
		}
		if (!ann_match(&one, c->q, &w, text, c->open, c->close)) {
			free(one.s);
			if (one.oom) {
				rc = DESK_NOMEM;
				break;
			}
			continue;
		}
		if (took == -2 && (took = ann_article(c, id)) <= 0) {
			free(one.s);
			if (took < 0) {
				rc = DESK_ERROR;
				break;
			}
			continue;
		}
		if (shown == 0) {
			/* the article's first matching span: a new result */
			rc = ann_add(c->r, &c->cap, c->art, 0, &one);
		} else {
			/* more spans of the same article: added to its snippet */
			desk_annsearch_hit *h = &c->r->v[c->r->n - 1];
			struct ann_str b = {(char *)h->snippet, strlen(h->snippet), 0, 0};

			b.cap = b.n + 1;
			ann_str_put(&b, " … ", strlen(" … "));
			ann_str_put(&b, one.s ? one.s : "", one.n);
			h->snippet = b.s;
			rc = b.oom ? DESK_NOMEM : DESK_OK;
		}
		free(one.s);
		if (rc != DESK_OK)
			break;
		shown++;
	}
	if (rc == DESK_OK && s != SQLITE_ROW && s != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "search spans");
	ann_words_free(&w);
	textsearch_scratch_free(&sc);
	sqlite3_finalize(st);
	return rc;
}

/* The claims of the status and verdict: by claim id. */
static int
ann_claims(struct ann_ctx *c)
{
	static const char sql[] =
	    "SELECT c.article_id, c.text, c.id FROM claim c CROSS JOIN research r ON r.id = "
	    "c.research_id WHERE c.id > ?2 AND c.deleted_at IS NULL AND (?3 IS NULL OR r.status = "
	    "?3) AND (?4 IS NULL OR r.verdict = ?4) AND (?12 IS NULL OR c.author = ?12) ORDER BY "
	    "c.id";
	struct ann_words w = {.exact = c->o->exact};
	textsearch_scratch sc = {0};
	sqlite3_stmt *st = NULL;
	int rc, s;

	if ((rc = desk_prepare(c->d, &st, sql)) != DESK_OK)
		return rc;
	ann_bind(st, c->f, c->o->after);
	if (c->f->claim_status)
		sqlite3_bind_text(st, 3, c->f->claim_status, -1, SQLITE_STATIC);
	if (c->f->verdict)
		sqlite3_bind_text(st, 4, c->f->verdict, -1, SQLITE_STATIC);
	while (c->r->n < c->limit && (s = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 1);
		struct ann_str one = {0};
		int took;

		if (!ann_maybe(c->q, text, &c->buf))
			continue;
		if (c->q && ann_words_of(&w, &sc, text, strlen(text)) != DESK_OK) {
			rc = DESK_NOMEM;
			break;
		}
		if (!ann_match(&one, c->q, &w, text, c->open, c->close))
			rc = one.oom ? DESK_NOMEM : DESK_OK;
		else if ((took = ann_article(c, sqlite3_column_int64(st, 0))) > 0)
			rc = ann_add(c->r, &c->cap, c->art, sqlite3_column_int64(st, 2), &one);
		else
			rc = took < 0 ? DESK_ERROR : DESK_OK;
		free(one.s);
		if (rc != DESK_OK)
			break;
	}
	if (rc == DESK_OK && c->r->n < c->limit && s != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "search claims");
	ann_words_free(&w);
	textsearch_scratch_free(&sc);
	sqlite3_finalize(st);
	return rc;
}

/*
 * The FTS5 query of the entity's names: its own, those of the entities
 * merged into it, its spans' texts; each a phrase, any of them (at most
 * 100, the most used first).  *fts NULL when none has a word.
 */
static int
ann_aliases(char **fts, struct ann_ctx *c, int64_t entity)
{
	static const char sql[] =
	    "SELECT name FROM (SELECT name, 0 AS k, 0 AS n FROM entity WHERE id = ?1 OR "
	    "merged_into = ?1 UNION ALL SELECT text, 1, count(*) FROM span WHERE entity_id = ?1 "
	    "AND deleted_at IS NULL GROUP BY text) GROUP BY name ORDER BY min(k), max(n) DESC "
	    "LIMIT 100";
	struct ann_words w = {.exact = c->o->exact};
	textsearch_scratch sc = {0};
	struct ann_str q = {0};
	sqlite3_stmt *st = NULL;
	int rc, s;

	*fts = NULL;
	if ((rc = desk_prepare(c->d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, entity);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		if (ann_words_of(&w, &sc, name, strlen(name)) != DESK_OK) {
			q.oom = 1;
			break;
		}
		if (w.n == 0)
			continue;
		ann_str_put(&q, q.n ? " OR \"" : "\"", q.n ? 5 : 1);
		for (const char *p = name; *p; p++)
			ann_str_put(&q, *p == '"' ? " " : p, 1); /* a quote only parts words */
		ann_str_put(&q, "\"", 1);
	}
	if (!q.oom && s != SQLITE_ROW && s != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "entity names");
	else if (q.oom)
		rc = desk_error(c->d, DESK_NOMEM, "out of memory");
	else if (q.n > 0)
		rc = search_fts_query(fts, c->d, q.s, c->o->exact);
	free(q.s);
	ann_words_free(&w);
	textsearch_scratch_free(&sc);
	sqlite3_finalize(st);
	return rc;
}

/* The articles that mention the entity (?5): its spans, its names in the index. */
static int
ann_entity(struct ann_ctx *c, int64_t entity, const char *query_fts)
{
	static const char sql[] =
	    "WITH m(id) AS (SELECT s.article_id FROM span s WHERE s.entity_id = ?5 AND "
	    "s.deleted_at IS NULL AND s.article_id > ?2 UNION SELECT rowid FROM article_fts WHERE "
	    "article_fts MATCH coalesce(?1, '\"\"') AND rowid > ?2) "
	    "SELECT a.id, a.date, a.title, (SELECT snippet(article_fts, 1, ?6, ?7, '…', 16) FROM "
	    "article_fts WHERE article_fts MATCH coalesce(?1, '\"\"') AND rowid = a.id), (SELECT "
	    "s.text FROM span s WHERE s.entity_id = ?5 AND s.article_id = a.id AND s.deleted_at "
	    "IS NULL ORDER BY s.start LIMIT 1) FROM m CROSS JOIN article a ON a.id = m.id WHERE "
	    "(?8 IS NULL OR a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?8)) "
	    "AND (?12 IS NULL OR EXISTS (SELECT 1 FROM span x WHERE x.article_id = a.id AND "
	    "x.deleted_at IS NULL AND x.author = ?12) OR EXISTS (SELECT 1 FROM claim x WHERE "
	    "x.article_id = a.id AND x.deleted_at IS NULL AND x.author = ?12))" ANN_ARTICLE_COND
	    " ORDER BY m.id";
	char *fts = NULL;
	sqlite3_stmt *st = NULL;
	int rc, s;

	if ((rc = ann_aliases(&fts, c, entity)) != DESK_OK)
		return rc;
	if ((rc = desk_prepare(c->d, &st, sql)) != DESK_OK) {
		free(fts);
		return rc;
	}
	if (fts)
		sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
	ann_bind(st, c->f, c->o->after);
	sqlite3_bind_int64(st, 5, entity);
	sqlite3_bind_text(st, 6, c->open, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, c->close, -1, SQLITE_STATIC);
	if (query_fts)
		sqlite3_bind_text(st, 8, query_fts, -1, SQLITE_STATIC);
	while (c->r->n < c->limit && (s = sqlite3_step(st)) == SQLITE_ROW) {
		const char *snip = (const char *)sqlite3_column_text(st, 3);
		const char *span = (const char *)sqlite3_column_text(st, 4);
		struct ann_str one = {0};

		if (!ann_article_ok(c->f, sqlite3_column_int64(st, 0)))
			continue;
		if (snip && strstr(snip, c->open))
			ann_str_text(&one, snip, strlen(snip));
		else if (span)
			ann_match(&one, NULL, NULL, span, c->open, c->close);
		else if (snip)
			ann_str_text(&one, snip, strlen(snip));
		rc = ann_add(c->r, &c->cap, st, 0, &one);
		free(one.s);
		if (rc != DESK_OK)
			break;
	}
	if (rc == DESK_OK && c->r->n < c->limit && s != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "search mentions");
	sqlite3_finalize(st);
	free(fts);
	return rc;
}

/* DESK_OK when sql (one ?1) finds a row for name, else DESK_INVALID for field. */
static int
ann_known(desk *d, const char *sql, const char *name, const char *field)
{
	sqlite3_stmt *st = NULL;
	int rc, s;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	s = sqlite3_step(st);
	sqlite3_finalize(st);
	if (s == SQLITE_ROW)
		return DESK_OK;
	if (s != SQLITE_DONE)
		return desk_sqlite_error(d, field);
	return desk_error_field(d, DESK_INVALID, field, DESK_RULE_UNKNOWN, "no %s %s", field, name);
}

/* The entity id stands for: itself, or the one it was merged into. */
static int
ann_survivor(int64_t *out, desk *d, int64_t id)
{
	sqlite3_stmt *st = NULL;
	int rc, s = SQLITE_DONE;

	if ((rc = desk_prepare(d, &st, "SELECT merged_into FROM entity WHERE id = ?1")) != DESK_OK)
		return rc;
	for (int hop = 0; hop < 1000; hop++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		if ((s = sqlite3_step(st)) != SQLITE_ROW)
			break;
		if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
			*out = id;
			break;
		}
		id = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (s == SQLITE_ROW)
		return DESK_OK;
	if (s != SQLITE_DONE)
		return desk_sqlite_error(d, "entity");
	return desk_error_field(d, DESK_NOTFOUND, "entity", DESK_RULE_UNKNOWN, "no entity %lld",
	                        (long long)id);
}

/* The names the options give checked against the database. */
static int
ann_check(desk *d, const desk_annsearch_opts *o, const desk_filter *f)
{
	desk_claim_status cs;
	int rc = DESK_OK;

	if (o->label)
		rc = ann_known(d, "SELECT 1 FROM label WHERE name = ?1", o->label, "label");
	if (rc == DESK_OK && f && f->claim_status &&
	    desk_claim_status_parse(&cs, f->claim_status) != DESK_OK)
		rc = desk_error_field(d, DESK_INVALID, "claim-status", DESK_RULE_UNKNOWN,
		                      "no claim status %s (check, proposed, verified, disputed)",
		                      f->claim_status);
	if (rc == DESK_OK && f && f->verdict)
		rc = ann_known(d, "SELECT 1 FROM verdict WHERE name = ?1", f->verdict, "verdict");
	if (rc == DESK_OK && f && f->status && desk_status_parse(&(desk_status){0}, f->status))
		rc = desk_error_field(d, DESK_INVALID, "status", DESK_RULE_UNKNOWN,
		                      "no status %s (new, progress, done)", f->status);
	return rc;
}

int
desk_annsearch(desk_annsearch_results **out, desk *d, const char *query,
               const desk_annsearch_opts *opts)
{
	struct ann_query q = {0};
	struct ann_ctx c = {0};
	const desk_filter *f;
	char *fts = NULL;
	size_t bad;
	int64_t entity = 0;
	int rc, claims, modes;

	if (out)
		*out = NULL;
	if (out == NULL || d == NULL || opts == NULL)
		return DESK_MISUSE;
	f = opts->filter;
	claims = f && (f->claim_status || f->verdict);
	modes = (opts->label != NULL) + (opts->entity != 0) + claims;
	if (modes != 1)
		return desk_error(d, DESK_MISUSE,
		                  modes ? "search one of a label, an entity or claims at a time"
		                        : "nothing to search: give a label, an entity, or a claim "
		                          "status or verdict");
	if (query && desk_utf8_check(query, strlen(query), &bad) != DESK_OK)
		return desk_error_field(d, DESK_INVALID, "query", DESK_RULE_UTF8,
		                        "the query is not UTF-8 (byte %zu)", bad + 1);
	if (query && query[strspn(query, " \t\n\r\f\v")] == '\0')
		query = NULL;
	if ((rc = ann_check(d, opts, f)) != DESK_OK)
		return rc;
	c = (struct ann_ctx){.d = d,
	                     .o = opts,
	                     .f = f,
	                     .open = opts->open ? opts->open : "[",
	                     .close = opts->close ? opts->close : "]",
	                     .limit = opts->limit ? opts->limit : 20};
	q.exact = opts->exact;
	if (opts->entity) {
		if ((rc = ann_survivor(&entity, d, opts->entity)) != DESK_OK)
			goto done;
	}
	if (query && !opts->entity) {
		if ((rc = ann_query_parse(&q, d, query)) != DESK_OK)
			goto done;
		c.q = &q;
	}
	/* label: the index finds the candidates; entity: the query narrows the articles */
	if (query && !claims && (rc = search_fts_query(&fts, d, query, opts->exact)) != DESK_OK)
		goto done;
	if ((c.r = calloc(1, sizeof *c.r)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if (opts->label)
		rc = ann_labels(&c, fts);
	else if (opts->entity)
		rc = ann_entity(&c, entity, fts);
	else
		rc = ann_claims(&c);
	if (rc == DESK_NOMEM)
		rc = desk_error(d, rc, "out of memory");
	if (rc != DESK_OK)
		goto done;
	*out = c.r;
	c.r = NULL;
	desk_clear_error(d);
done:
	sqlite3_finalize(c.art);
	free(c.buf.s);
	desk_annsearch_free(c.r);
	ann_query_free(&q);
	free(fts);
	return rc;
}

size_t
desk_annsearch_count(const desk_annsearch_results *r)
{
	return r ? r->n : 0;
}

const desk_annsearch_hit *
desk_annsearch_get(const desk_annsearch_results *r, size_t i)
{
	return r && i < r->n ? &r->v[i] : NULL;
}

int
desk_annsearch_json(char **out, const desk_annsearch_results *r)
{
	json_t *a = json_array();
	int rc = DESK_OK;

	*out = NULL;
	for (size_t i = 0; a && r && i < r->n && rc == DESK_OK; i++) {
		const desk_annsearch_hit *h = &r->v[i];
		json_t *o = json_pack("{sIssssss}", "id", (json_int_t)h->id, "date", h->date,
		                      "title", h->title, "snippet", h->snippet);

		if (o && h->claim && json_object_set_new(o, "claim", json_integer(h->claim)) != 0) {
			json_decref(o);
			o = NULL;
		}
		if (json_array_append_new(a, o) != 0)
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
desk_annsearch_free(desk_annsearch_results *r)
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
