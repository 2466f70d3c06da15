/*
 * export/export_load.c - one document out of the store for an export: the
 * article row, its marks, its standing spans and the entities they name,
 * its claims with their research, and the tokens it keeps.  Each part is one
 * indexed query on the article's id, so a document costs what its own rows
 * cost, never the corpus.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "export_load.h"

struct export_loader {
	desk *d;
	const desk_filter *f;
	sqlite3_stmt *article, *marks, *spans, *claims, *evidence, *tokens;
};

static const char export_load_article_sql[] =
    "SELECT title, date, lang, source, body, chars, status, imported_by, imported_at,"
    " updated_by, updated_at FROM article WHERE id = ?1";
static const char export_load_marks_sql[] =
    "SELECT kind, start, \"end\" FROM mark WHERE article_id = ?1 ORDER BY start, \"end\"";
static const char export_load_spans_sql[] =
    "SELECT s.start, s.\"end\", s.label, s.text, coalesce(s.entity_id, 0), s.author,"
    " s.created_at, e.name, e.external_id FROM span s LEFT JOIN entity e ON e.id = s.entity_id"
    " WHERE s.article_id = ?1 AND s.deleted_at IS NULL AND (?2 IS NULL OR s.author = ?2)"
    " AND (?3 IS NULL OR s.label = ?3) ORDER BY s.start, s.\"end\", s.label";
static const char export_load_claims_sql[] =
    "SELECT c.start, c.\"end\", c.text, c.research_id, r.status, r.verdict, r.note, c.author,"
    " c.created_at, r.proposed_by, r.proposed_at, r.reviewed_by, r.reviewed_at,"
    " r.review_reason FROM claim c JOIN research r ON r.id = c.research_id"
    " WHERE c.article_id = ?1 AND c.deleted_at IS NULL AND (?2 IS NULL OR c.author = ?2)"
    " AND (?3 IS NULL OR r.verdict = ?3) AND (?4 IS NULL OR r.status = ?4)"
    " ORDER BY c.start, c.\"end\"";
static const char export_load_evidence_sql[] =
    "SELECT source, quote, consulted, added_by, added_at FROM evidence"
    " WHERE research_id = ?1 AND deleted_at IS NULL ORDER BY id";
static const char export_load_tokens_sql[] =
    "SELECT data FROM article_tokens WHERE article_id = ?1";

int
export_loader_new(export_loader **out, desk *d, const desk_filter *f)
{
	export_loader *l = calloc(1, sizeof *l);
	int rc;

	*out = NULL;
	if (l == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	l->d = d;
	l->f = f;
	if ((rc = desk_prepare(d, &l->article, export_load_article_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->marks, export_load_marks_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->spans, export_load_spans_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->claims, export_load_claims_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->evidence, export_load_evidence_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->tokens, export_load_tokens_sql)) != DESK_OK) {
		export_loader_free(l);
		return rc;
	}
	*out = l;
	return DESK_OK;
}

void
export_loader_free(export_loader *l)
{
	if (l == NULL)
		return;
	sqlite3_finalize(l->article);
	sqlite3_finalize(l->marks);
	sqlite3_finalize(l->spans);
	sqlite3_finalize(l->claims);
	sqlite3_finalize(l->evidence);
	sqlite3_finalize(l->tokens);
	free(l);
}

/* Column i of st in a's pool ("" for NULL when empty is set, else NULL); *ok cleared on failure. */
static const char *
export_load_col(format_article *a, sqlite3_stmt *st, int i, int empty, int *ok)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	char *c;

	if (s == NULL && !empty)
		return NULL;
	if (s == NULL)
		s = "";
	if ((c = format_pool_strdup(&a->pool, s, (size_t)sqlite3_column_bytes(st, i))) == NULL)
		*ok = 0;
	return c;
}

static void
export_load_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Grow a pool array *v of n elements (cap *cap) by one; the new element zeroed. */
static void *
export_load_push(format_pool *p, void *v, size_t *n, size_t *cap, size_t size)
{
	char *nv = v;

	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 16;

		if ((nv = format_pool_alloc(p, c * size)) == NULL)
			return NULL;
		if (*n)
			memcpy(nv, v, *n * size);
		*cap = c;
	}
	memset(nv + *n * size, 0, size);
	(*n)++;
	return nv;
}

static int
export_load_article(export_loader *l, int64_t id, format_article *a)
{
	sqlite3_stmt *st = l->article;
	int rc, ok = 1;
	const char *s;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			return desk_error(l->d, DESK_NOTFOUND, "no article %lld", (long long)id);
		return desk_sqlite_error(l->d, "export");
	}
	a->id = id;
	a->title = desk_strdup((const char *)sqlite3_column_text(st, 0));
	s = (const char *)sqlite3_column_text(st, 1);
	snprintf(a->date, sizeof a->date, "%s", s ? s : "");
	a->in.lang = export_load_col(a, st, 2, 1, &ok);
	a->source = desk_strdup((const char *)sqlite3_column_text(st, 3));
	a->in.body_len = (size_t)sqlite3_column_bytes(st, 4);
	if ((a->mem = malloc(a->in.body_len + 1)) != NULL) {
		memcpy(a->mem, sqlite3_column_text(st, 4), a->in.body_len);
		a->mem[a->in.body_len] = '\0';
	}
	a->chars = sqlite3_column_int64(st, 5);
	a->status = export_load_col(a, st, 6, 1, &ok);
	a->imported_by = export_load_col(a, st, 7, 1, &ok);
	a->imported_at = export_load_col(a, st, 8, 1, &ok);
	a->updated_by = export_load_col(a, st, 9, 1, &ok);
	a->updated_at = export_load_col(a, st, 10, 1, &ok);
	sqlite3_reset(st);
	if (!ok || a->title == NULL || a->source == NULL || a->mem == NULL)
		return desk_error(l->d, DESK_NOMEM, "out of memory");
	a->in.title = a->title;
	a->in.date = a->date;
	a->in.source = a->source;
	a->in.body = a->mem;
	return DESK_OK;
}

static int
export_load_marks(export_loader *l, format_article *a)
{
	sqlite3_stmt *st = l->marks;
	int rc;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, a->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		desk_mark_kind k =
		    kind && strcmp(kind, "byline") == 0 ? DESK_MARK_BYLINE : DESK_MARK_BOILERPLATE;

		if (format_article_mark(a, k, sqlite3_column_int64(st, 1),
		                        sqlite3_column_int64(st, 2)) != DESK_OK) {
			sqlite3_reset(st);
			return desk_error(l->d, DESK_NOMEM, "out of memory");
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return desk_sqlite_error(l->d, "export");
	a->in.marks = a->marks;
	a->in.nmarks = a->nmarks;
	return DESK_OK;
}

/* The entity id of the span at st's row, added to the document's entities once. */
static int
export_load_entity(format_article *a, size_t *cap, sqlite3_stmt *st, int *ok)
{
	int64_t id = sqlite3_column_int64(st, 4);
	format_entity *e;

	if (id == 0)
		return DESK_OK;
	for (size_t i = 0; i < a->nentities; i++)
		if (a->entities[i].id == id)
			return DESK_OK;
	if ((e = export_load_push(&a->pool, a->entities, &a->nentities, cap, sizeof *e)) == NULL)
		return DESK_NOMEM;
	a->entities = e;
	e = &a->entities[a->nentities - 1];
	e->id = id;
	e->name = export_load_col(a, st, 7, 1, ok);
	e->external_id = export_load_col(a, st, 8, 1, ok);
	return DESK_OK;
}

static int
export_load_spans(export_loader *l, format_article *a)
{
	sqlite3_stmt *st = l->spans;
	size_t cap = 0, ecap = 0;
	int rc, ok = 1;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, a->id);
	export_load_bind_text(st, 2, l->f ? l->f->user : NULL);
	export_load_bind_text(st, 3, l->f ? l->f->label : NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		format_span *v = export_load_push(&a->pool, a->spans, &a->nspans, &cap, sizeof *v);

		if (v == NULL || export_load_entity(a, &ecap, st, &ok) != DESK_OK) {
			ok = 0;
			break;
		}
		a->spans = v;
		v = &a->spans[a->nspans - 1];
		v->start = sqlite3_column_int64(st, 0);
		v->end = sqlite3_column_int64(st, 1);
		v->label = export_load_col(a, st, 2, 1, &ok);
		v->text = export_load_col(a, st, 3, 1, &ok);
		v->entity = sqlite3_column_int64(st, 4);
		v->author = export_load_col(a, st, 5, 1, &ok);
		v->created_at = export_load_col(a, st, 6, 1, &ok);
	}
	sqlite3_reset(st);
	if (!ok)
		return desk_error(l->d, DESK_NOMEM, "out of memory");
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? DESK_OK : desk_sqlite_error(l->d, "export");
}

static int
export_load_evidence(export_loader *l, format_article *a, format_claim *c)
{
	sqlite3_stmt *st = l->evidence;
	size_t cap = 0;
	int rc, ok = 1;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, c->research);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		format_evidence *v =
		    export_load_push(&a->pool, c->evidence, &c->nevidence, &cap, sizeof *v);

		if (v == NULL) {
			ok = 0;
			break;
		}
		c->evidence = v;
		v = &c->evidence[c->nevidence - 1];
		v->source = export_load_col(a, st, 0, 1, &ok);
		v->quote = export_load_col(a, st, 1, 1, &ok);
		v->consulted = export_load_col(a, st, 2, 1, &ok);
		v->added_by = export_load_col(a, st, 3, 1, &ok);
		v->added_at = export_load_col(a, st, 4, 1, &ok);
	}
	sqlite3_reset(st);
	if (!ok)
		return desk_error(l->d, DESK_NOMEM, "out of memory");
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? DESK_OK : desk_sqlite_error(l->d, "export");
}

static int
export_load_claims(export_loader *l, format_article *a)
{
	sqlite3_stmt *st = l->claims;
	size_t cap = 0;
	int rc, ok = 1;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, a->id);
	export_load_bind_text(st, 2, l->f ? l->f->user : NULL);
	export_load_bind_text(st, 3, l->f ? l->f->verdict : NULL);
	export_load_bind_text(st, 4, l->f ? l->f->claim_status : NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		format_claim *v =
		    export_load_push(&a->pool, a->claims, &a->nclaims, &cap, sizeof *v);

		if (v == NULL) {
			ok = 0;
			break;
		}
		a->claims = v;
		v = &a->claims[a->nclaims - 1];
		v->start = sqlite3_column_int64(st, 0);
		v->end = sqlite3_column_int64(st, 1);
		v->text = export_load_col(a, st, 2, 1, &ok);
		v->research = sqlite3_column_int64(st, 3);
		v->status = export_load_col(a, st, 4, 1, &ok);
		v->verdict = export_load_col(a, st, 5, 0, &ok);
		v->note = export_load_col(a, st, 6, 1, &ok);
		v->author = export_load_col(a, st, 7, 1, &ok);
		v->created_at = export_load_col(a, st, 8, 1, &ok);
		v->proposed_by = export_load_col(a, st, 9, 0, &ok);
		v->proposed_at = export_load_col(a, st, 10, 0, &ok);
		v->reviewed_by = export_load_col(a, st, 11, 0, &ok);
		v->reviewed_at = export_load_col(a, st, 12, 0, &ok);
		v->review_reason = export_load_col(a, st, 13, 0, &ok);
	}
	sqlite3_reset(st);
	if (!ok)
		return desk_error(l->d, DESK_NOMEM, "out of memory");
	if (rc != SQLITE_DONE)
		return desk_sqlite_error(l->d, "export");
	for (size_t i = 0; i < a->nclaims; i++)
		if ((rc = export_load_evidence(l, a, &a->claims[i])) != DESK_OK)
			return rc;
	return DESK_OK;
}

/* The tokens the article keeps (article_tokens' JSON, see migration 7), or none. */
static int
export_load_tokens(export_loader *l, format_article *a)
{
	sqlite3_stmt *st = l->tokens;
	json_t *root = NULL;
	int rc = DESK_OK;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, a->id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		size_t n;

		root = s ? json_loads(s, 0, NULL) : NULL;
		n = json_is_array(root) ? json_array_size(root) : 0;
		if (n > 0 &&
		    (a->tokens = format_pool_alloc(&a->pool, n * sizeof *a->tokens)) == NULL)
			rc = desk_error(l->d, DESK_NOMEM, "out of memory");
		for (size_t i = 0; rc == DESK_OK && i < n; i++) {
			json_t *t = json_array_get(root, i);
			format_token *k = &a->tokens[a->ntokens++];
			const char *x = json_string_value(json_array_get(t, 3));

			k->start = json_integer_value(json_array_get(t, 0));
			k->end = json_integer_value(json_array_get(t, 1));
			k->sentence_end = (int)json_integer_value(json_array_get(t, 2));
			if (x != NULL &&
			    (k->extra = format_pool_strdup(&a->pool, x, strlen(x))) == NULL)
				rc = desk_error(l->d, DESK_NOMEM, "out of memory");
		}
	}
	json_decref(root);
	sqlite3_reset(st);
	return rc;
}

int
export_load(export_loader *l, int64_t id, format_article *out)
{
	int rc;

	if ((rc = export_load_article(l, id, out)) != DESK_OK ||
	    (rc = export_load_marks(l, out)) != DESK_OK ||
	    (rc = export_load_spans(l, out)) != DESK_OK ||
	    (rc = export_load_claims(l, out)) != DESK_OK)
		return rc;
	return export_load_tokens(l, out);
}
