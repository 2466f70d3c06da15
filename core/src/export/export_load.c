/*
 * export/export_load.c - one stored article with everything on it (marks,
 * spans, entities, claims with their research, evidence and history, kept
 * tokens) as a document of the formats' model, read with statements
 * prepared once per export: each lookup goes by an index on the article
 * (or its claims' research), so a document costs what its annotations do.
 */
#include <stdlib.h>
#include <string.h>

#include "export_load.h"

#define EXPORT_ARTICLE_SQL                                                                         \
	"SELECT id, title, date, lang, source, body, chars, status, imported_by, imported_at, "    \
	"updated_by, updated_at FROM article WHERE id = ?1"
#define EXPORT_MARKS_SQL                                                                           \
	"SELECT kind, start, \"end\" FROM mark WHERE article_id = ?1 ORDER BY start, id"
/* The gold layer is read (?4 the filter's layer: NULL for the default, "gold", "editors"). */
#define EXPORT_GOLD_ON                                                                             \
	"(?4 IS 'gold' OR (?4 IS NULL AND EXISTS (SELECT 1 FROM gold_article g WHERE "             \
	"g.article_id "                                                                            \
	"= ?1 AND g.deleted_at IS NULL)))"
/* ?2 user, ?3 label: NULL for any; ?4 layer: the editors' spans or the gold ones. */
#define EXPORT_SPANS_SQL                                                                           \
	"SELECT start, \"end\", label, text, coalesce(entity_id, 0), author, created_at, id FROM " \
	"span "                                                                                    \
	"WHERE article_id = ?1 AND deleted_at IS NULL AND (?2 IS NULL OR author = ?2) AND (?3 IS " \
	"NULL OR label = ?3) AND NOT " EXPORT_GOLD_ON " UNION ALL SELECT start, \"end\", label, "  \
	"text, coalesce(entity_id, 0), author, settled_at, id FROM gold_span WHERE article_id = "  \
	"?1 AND deleted_at IS NULL AND (?2 IS NULL OR author = ?2) AND (?3 IS NULL OR label = "    \
	"?3) "                                                                                     \
	"AND " EXPORT_GOLD_ON " ORDER BY 1, 2, 8"
#define EXPORT_ENTITY_SQL "SELECT name, external_id FROM entity WHERE id = ?1"
/*
 * ?2 user, ?3 verdict, ?4 status: NULL for any; ?5 layer.  Unless the layer
 * is "editors", a claim takes the verdict settled for it (gold_verdict),
 * and a claim another settled claim's range overlaps is left out.
 */
#define EXPORT_CLAIM_GOLD "(?5 IS NOT 'editors')"
#define EXPORT_CLAIM_VERDICT                                                                       \
	"coalesce((SELECT g.verdict FROM gold_verdict g WHERE g.claim_id = c.id AND g.deleted_at " \
	"IS NULL AND " EXPORT_CLAIM_GOLD " ORDER BY g.id DESC LIMIT 1), r.verdict)"
#define EXPORT_CLAIMS_SQL                                                                          \
	"SELECT c.id, c.start, c.\"end\", c.text, c.research_id, c.author, c.created_at, "         \
	"r.status, " EXPORT_CLAIM_VERDICT ", r.note, r.proposed_by, r.proposed_at, "               \
	"r.reviewed_by, r.reviewed_at, r.review_reason FROM claim c JOIN research r ON r.id = "    \
	"c.research_id WHERE c.article_id = ?1 AND c.deleted_at IS NULL AND (?2 IS NULL OR "       \
	"c.author = ?2) AND (?3 IS NULL OR " EXPORT_CLAIM_VERDICT " = ?3) AND (?4 IS NULL OR "     \
	"r.status = ?4) AND NOT (" EXPORT_CLAIM_GOLD " AND EXISTS (SELECT 1 FROM gold_verdict g "  \
	"WHERE g.article_id = ?1 AND g.deleted_at IS NULL AND g.start < c.\"end\" AND g.\"end\" "  \
	"> "                                                                                       \
	"c.start AND g.claim_id <> c.id)) ORDER BY c.start, c.id"
#define EXPORT_EVIDENCE_SQL                                                                        \
	"SELECT source, quote, consulted, added_by, added_at FROM evidence WHERE research_id = "   \
	"?1 "                                                                                      \
	"AND deleted_at IS NULL ORDER BY id"
#define EXPORT_TOKENS_SQL                                                                          \
	"SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), "                    \
	"coalesce(json_extract(j.value, '$[2]'), 0), json_extract(j.value, '$[3]') FROM "          \
	"article_tokens t, json_each(t.data) j WHERE t.article_id = ?1"

struct export_loader {
	desk *d;
	const desk_filter *f;
	sqlite3_stmt *article, *marks, *spans, *entity, *claims, *evidence, *tokens, *history;
};

static void export_loader_finalize(export_loader *l);

int
export_loader_new(export_loader **out, desk *d, const desk_filter *f)
{
	export_loader *l;
	int rc;

	*out = NULL;
	if ((l = calloc(1, sizeof *l)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	l->d = d;
	l->f = f;
	if ((rc = desk_prepare(d, &l->article, EXPORT_ARTICLE_SQL)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->marks, EXPORT_MARKS_SQL)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->spans, EXPORT_SPANS_SQL)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->entity, EXPORT_ENTITY_SQL)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->claims, EXPORT_CLAIMS_SQL)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->evidence, EXPORT_EVIDENCE_SQL)) != DESK_OK ||
	    (rc = desk_prepare(d, &l->tokens, EXPORT_TOKENS_SQL)) != DESK_OK) {
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
	export_loader_finalize(l);
	free(l);
}

static void
export_loader_finalize(export_loader *l)
{
	sqlite3_finalize(l->article);
	sqlite3_finalize(l->marks);
	sqlite3_finalize(l->spans);
	sqlite3_finalize(l->entity);
	sqlite3_finalize(l->claims);
	sqlite3_finalize(l->evidence);
	sqlite3_finalize(l->tokens);
	sqlite3_finalize(l->history);
}

/* A column as a string of the document's pool; NULL for SQL NULL (or out of memory: *nomem). */
static const char *
export_str(format_article *a, sqlite3_stmt *st, int col, int *nomem)
{
	const char *s;
	char *p;

	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return NULL;
	s = (const char *)sqlite3_column_text(st, col);
	if ((p = format_pool_strdup(&a->pool, s ? s : "", (size_t)sqlite3_column_bytes(st, col))) ==
	    NULL)
		*nomem = 1;
	return p;
}

/*
 * The rows come in the order of the article's index (start, then id) so
 * that SQLite sorts nothing (a sorter per query cost more than the export's
 * writing); ties of start are put in order here, keeping the index's order
 * among equals (insertion sorts: the rows are nearly sorted already).
 */
static int
export_span_before(const format_span *x, const format_span *y)
{
	int c;

	if (x->end != y->end)
		return x->end < y->end;
	if ((c = strcmp(x->label, y->label)) != 0)
		return c < 0;
	return strcmp(x->author ? x->author : "", y->author ? y->author : "") < 0;
}

static void
export_sort_spans(format_span *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		format_span t = v[i];
		size_t j = i;

		for (; j > 0 && v[j - 1].start == t.start && export_span_before(&t, &v[j - 1]); j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

static void
export_sort_marks(desk_mark *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		desk_mark t = v[i];
		size_t j = i;

		for (; j > 0 && v[j - 1].start == t.start && t.end < v[j - 1].end; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

static void
export_sort_claims(format_claim *v, int64_t *ids, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		format_claim t = v[i];
		int64_t id = ids[i];
		size_t j = i;

		for (; j > 0 && v[j - 1].start == t.start && t.end < v[j - 1].end; j--) {
			v[j] = v[j - 1];
			ids[j] = ids[j - 1];
		}
		v[j] = t;
		ids[j] = id;
	}
}

/* A growing array of n elements of size bytes, moved into the pool when done. */
static void *
export_to_pool(format_article *a, void *v, size_t n, size_t size, int *nomem)
{
	void *p = NULL;

	if (n > 0 && (p = format_pool_alloc(&a->pool, n * size)) == NULL)
		*nomem = 1;
	else if (n > 0)
		memcpy(p, v, n * size);
	free(v);
	return p;
}

static int
export_step_end(desk *d, sqlite3_stmt *st, int r, const char *what)
{
	sqlite3_reset(st);
	return r == SQLITE_DONE ? DESK_OK : desk_sqlite_error(d, what);
}

/* The article's row: metadata, body, marks. */
static int
export_article(export_loader *l, int64_t id, format_article *a, int *nomem)
{
	sqlite3_stmt *st = l->article;
	const char *lang, *date;
	size_t len;
	int r, rc = DESK_OK;

	sqlite3_bind_int64(st, 1, id);
	if ((r = sqlite3_step(st)) != SQLITE_ROW) {
		rc = r == SQLITE_DONE
		         ? desk_error(l->d, DESK_NOTFOUND, "no article %lld", (long long)id)
		         : desk_sqlite_error(l->d, "export article");
		sqlite3_reset(st);
		return rc;
	}
	a->id = sqlite3_column_int64(st, 0);
	len = (size_t)sqlite3_column_bytes(st, 5);
	a->title = desk_strdup((const char *)sqlite3_column_text(st, 1));
	a->source = desk_strdup((const char *)sqlite3_column_text(st, 4));
	if ((a->mem = malloc(len + 1)) != NULL) {
		memcpy(a->mem, sqlite3_column_text(st, 5), len);
		a->mem[len] = '\0';
	}
	if (a->title == NULL || a->source == NULL || a->mem == NULL)
		*nomem = 1;
	date = (const char *)sqlite3_column_text(st, 2);
	if (date && strlen(date) == 10)
		memcpy(a->date, date, 11);
	lang = (const char *)sqlite3_column_text(st, 3);
	a->in.lang = lang && strcmp(lang, "vi") == 0 ? "vi" : "en";
	a->in.title = a->title;
	a->in.date = a->date[0] ? a->date : NULL;
	a->in.source = a->source;
	a->in.body = a->mem;
	a->in.body_len = len;
	a->chars = sqlite3_column_int64(st, 6);
	a->status = export_str(a, st, 7, nomem);
	a->imported_by = export_str(a, st, 8, nomem);
	a->imported_at = export_str(a, st, 9, nomem);
	a->updated_by = export_str(a, st, 10, nomem);
	a->updated_at = export_str(a, st, 11, nomem);
	sqlite3_reset(st);

	st = l->marks;
	sqlite3_bind_int64(st, 1, id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);

		if (format_article_mark(a,
		                        kind && strcmp(kind, "byline") == 0 ? DESK_MARK_BYLINE
		                                                            : DESK_MARK_BOILERPLATE,
		                        sqlite3_column_int64(st, 1),
		                        sqlite3_column_int64(st, 2)) != DESK_OK)
			*nomem = 1;
	}
	export_sort_marks(a->marks, a->nmarks);
	a->in.marks = a->marks;
	a->in.nmarks = a->nmarks;
	return export_step_end(l->d, st, r, "export marks");
}

static void
export_bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int
export_alias_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The entity of id among a's so far, made (with its row) when it is not. */
static int
export_entity(export_loader *l, format_article *a, format_entity **v, size_t *cap, int64_t id,
              int *nomem)
{
	format_entity *e;
	int r;

	for (size_t i = 0; i < a->nentities; i++)
		if ((*v)[i].id == id)
			return DESK_OK;
	if (desk_grow(v, cap, a->nentities, sizeof **v) != DESK_OK) {
		*nomem = 1;
		return DESK_OK;
	}
	e = &(*v)[a->nentities++];
	memset(e, 0, sizeof *e);
	e->id = id;
	sqlite3_bind_int64(l->entity, 1, id);
	if ((r = sqlite3_step(l->entity)) == SQLITE_ROW) {
		e->name = export_str(a, l->entity, 0, nomem);
		e->external_id = export_str(a, l->entity, 1, nomem);
		r = SQLITE_DONE;
	}
	if (e->name == NULL)
		e->name = "";
	if (e->external_id == NULL)
		e->external_id = "";
	return export_step_end(l->d, l->entity, r, "export entity");
}

static int
export_entity_cmp(const void *x, const void *y)
{
	const format_entity *a = x, *b = y;

	return (a->id > b->id) - (a->id < b->id);
}

/* Each entity's aliases: the distinct texts of the document's spans that name it. */
static void
export_aliases(format_article *a, int *nomem)
{
	const char **tmp;

	if (a->nentities == 0)
		return;
	if ((tmp = malloc(a->nspans * sizeof *tmp)) == NULL) {
		*nomem = 1;
		return;
	}
	for (size_t i = 0; i < a->nentities; i++) {
		format_entity *e = &a->entities[i];
		size_t n = 0, k = 0;

		for (size_t j = 0; j < a->nspans; j++)
			if (a->spans[j].entity == e->id)
				tmp[n++] = a->spans[j].text;
		qsort(tmp, n, sizeof *tmp, export_alias_cmp);
		for (size_t j = 0; j < n; j++)
			if (k == 0 || strcmp(tmp[k - 1], tmp[j]) != 0)
				tmp[k++] = tmp[j];
		if (k > 0 && (e->aliases = format_pool_alloc(&a->pool, k * sizeof *tmp)) == NULL)
			*nomem = 1;
		else if (k > 0)
			memcpy(e->aliases, tmp, k * sizeof *tmp);
		e->naliases = e->aliases ? k : 0;
	}
	free(tmp);
}

/* The standing spans (of the filter's editor and label) and the entities they name. */
static int
export_spans(export_loader *l, int64_t id, const desk_filter *f, format_article *a, int *nomem)
{
	sqlite3_stmt *st = l->spans;
	format_span *v = NULL;
	format_entity *ents = NULL;
	size_t n = 0, cap = 0, ecap = 0;
	int r, rc = DESK_OK;

	sqlite3_bind_int64(st, 1, id);
	export_bind_opt(st, 2, f ? f->user : NULL);
	export_bind_opt(st, 3, f ? f->label : NULL);
	export_bind_opt(st, 4, f ? f->layer : NULL);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		format_span *s;

		if (desk_grow(&v, &cap, n, sizeof *v) != DESK_OK) {
			*nomem = 1;
			break;
		}
		s = &v[n++];
		memset(s, 0, sizeof *s);
		s->start = sqlite3_column_int64(st, 0);
		s->end = sqlite3_column_int64(st, 1);
		s->label = export_str(a, st, 2, nomem);
		s->text = export_str(a, st, 3, nomem);
		s->entity = sqlite3_column_int64(st, 4);
		s->author = export_str(a, st, 5, nomem);
		s->created_at = export_str(a, st, 6, nomem);
	}
	if (r != SQLITE_ROW && (rc = export_step_end(l->d, st, r, "export spans")) != DESK_OK) {
		free(v);
		return rc;
	}
	sqlite3_reset(st);
	export_sort_spans(v, n);
	for (size_t i = 0; i < n && rc == DESK_OK; i++)
		if (v[i].entity != 0)
			rc = export_entity(l, a, &ents, &ecap, v[i].entity, nomem);
	a->nspans = n;
	a->spans = export_to_pool(a, v, n, sizeof *v, nomem);
	if (a->spans == NULL)
		a->nspans = 0;
	if (a->nentities > 1)
		qsort(ents, a->nentities, sizeof *ents, export_entity_cmp);
	a->entities = export_to_pool(a, ents, a->nentities, sizeof *ents, nomem);
	if (a->entities == NULL)
		a->nentities = 0;
	export_aliases(a, nomem);
	return rc;
}

/* A claim's standing evidence. */
static int
export_evidence(export_loader *l, format_article *a, format_claim *c, int *nomem)
{
	sqlite3_stmt *st = l->evidence;
	format_evidence *v = NULL;
	size_t n = 0, cap = 0;
	int r;

	sqlite3_bind_int64(st, 1, c->research);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		format_evidence *e;

		if (desk_grow(&v, &cap, n, sizeof *v) != DESK_OK) {
			*nomem = 1;
			break;
		}
		e = &v[n++];
		e->source = export_str(a, st, 0, nomem);
		e->quote = export_str(a, st, 1, nomem);
		e->consulted = export_str(a, st, 2, nomem);
		e->added_by = export_str(a, st, 3, nomem);
		e->added_at = export_str(a, st, 4, nomem);
	}
	c->evidence = export_to_pool(a, v, n, sizeof *v, nomem);
	c->nevidence = c->evidence ? n : 0;
	return export_step_end(l->d, st, r == SQLITE_ROW ? SQLITE_DONE : r, "export evidence");
}

/* A claim's history from the edit log, in words (claim_history.c). */
static int
export_history(export_loader *l, format_article *a, format_claim *c, int64_t claim_id, int *nomem)
{
	desk_claim_event *ev = NULL;
	format_event *v;
	size_t n = 0, k = 0;
	int rc;

	if ((rc = claim_history_read(&ev, &n, l->d, &l->history, claim_id, c->research)) != DESK_OK)
		return rc;
	if (n > 0 && (v = format_pool_alloc(&a->pool, n * sizeof *v)) == NULL)
		*nomem = 1;
	else if (n > 0) {
		for (size_t i = 0; i < n; i++) {
			const char *w = claim_history_word(&ev[i]);
			format_event *e = &v[k];

			if (w == NULL)
				continue;
			e->action = w;
			e->editor =
			    format_pool_strdup(&a->pool, ev[i].editor, strlen(ev[i].editor));
			e->at = format_pool_strdup(&a->pool, ev[i].at, strlen(ev[i].at));
			if ((strcmp(w, "proposed") == 0 || strcmp(w, "verdict") == 0) &&
			    ev[i].verdict[0] != '\0')
				e->verdict = format_pool_strdup(&a->pool, ev[i].verdict,
				                                strlen(ev[i].verdict));
			if (strcmp(w, "disputed") == 0 || strcmp(w, "note") == 0)
				e->reason =
				    format_pool_strdup(&a->pool, ev[i].text, strlen(ev[i].text));
			if (e->editor == NULL || e->at == NULL)
				*nomem = 1;
			k++;
		}
		c->history = v;
		c->nhistory = k;
	}
	desk_claim_history_free(ev, n);
	return DESK_OK;
}

/* The standing claims (of the filter's editor, verdict and status) with their research. */
static int
export_claims(export_loader *l, int64_t id, const desk_filter *f, format_article *a, int *nomem)
{
	sqlite3_stmt *st = l->claims;
	format_claim *v = NULL;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0, icap = 0;
	int r, rc = DESK_OK;

	sqlite3_bind_int64(st, 1, id);
	export_bind_opt(st, 2, f ? f->user : NULL);
	export_bind_opt(st, 3, f ? f->verdict : NULL);
	export_bind_opt(st, 4, f ? f->claim_status : NULL);
	export_bind_opt(st, 5, f ? f->layer : NULL);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		format_claim *c;

		if (desk_grow(&v, &cap, n, sizeof *v) != DESK_OK ||
		    desk_grow(&ids, &icap, n, sizeof *ids) != DESK_OK) {
			*nomem = 1;
			break;
		}
		c = &v[n];
		memset(c, 0, sizeof *c);
		ids[n++] = c->id = sqlite3_column_int64(st, 0);
		c->start = sqlite3_column_int64(st, 1);
		c->end = sqlite3_column_int64(st, 2);
		c->text = export_str(a, st, 3, nomem);
		c->research = sqlite3_column_int64(st, 4);
		c->author = export_str(a, st, 5, nomem);
		c->created_at = export_str(a, st, 6, nomem);
		c->status = export_str(a, st, 7, nomem);
		c->verdict = export_str(a, st, 8, nomem);
		c->note = export_str(a, st, 9, nomem);
		c->proposed_by = export_str(a, st, 10, nomem);
		c->proposed_at = export_str(a, st, 11, nomem);
		c->reviewed_by = export_str(a, st, 12, nomem);
		c->reviewed_at = export_str(a, st, 13, nomem);
		c->review_reason = export_str(a, st, 14, nomem);
	}
	if (r != SQLITE_ROW)
		rc = export_step_end(l->d, st, r, "export claims");
	sqlite3_reset(st);
	export_sort_claims(v, ids, n);
	for (size_t i = 0; i < n && rc == DESK_OK; i++)
		if ((rc = export_evidence(l, a, &v[i], nomem)) == DESK_OK)
			rc = export_history(l, a, &v[i], ids[i], nomem);
	free(ids);
	a->nclaims = n;
	a->claims = export_to_pool(a, v, n, sizeof *v, nomem);
	if (a->claims == NULL)
		a->nclaims = 0;
	return rc;
}

/* The tokenization the article keeps (migration 7), if any. */
static int
export_tokens(export_loader *l, int64_t id, format_article *a, int *nomem)
{
	sqlite3_stmt *st = l->tokens;
	format_token *v = NULL;
	size_t n = 0, cap = 0;
	int r;

	sqlite3_bind_int64(st, 1, id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		format_token *t;

		if (desk_grow(&v, &cap, n, sizeof *v) != DESK_OK) {
			*nomem = 1;
			break;
		}
		t = &v[n++];
		t->start = sqlite3_column_int64(st, 0);
		t->end = sqlite3_column_int64(st, 1);
		t->sentence_end = sqlite3_column_int(st, 2) != 0;
		t->extra = export_str(a, st, 3, nomem);
	}
	a->tokens = export_to_pool(a, v, n, sizeof *v, nomem);
	a->ntokens = a->tokens ? n : 0;
	return export_step_end(l->d, st, r == SQLITE_ROW ? SQLITE_DONE : r, "export tokens");
}

int
export_load(export_loader *l, int64_t article_id, format_article *out)
{
	const desk_filter *f = l->f;
	int nomem = 0, rc;

	memset(out, 0, sizeof *out);
	out->line = 1;
	if ((rc = export_article(l, article_id, out, &nomem)) != DESK_OK ||
	    (rc = export_spans(l, article_id, f, out, &nomem)) != DESK_OK ||
	    (rc = export_claims(l, article_id, f, out, &nomem)) != DESK_OK ||
	    (rc = export_tokens(l, article_id, out, &nomem)) != DESK_OK)
		goto done;
	if (nomem)
		rc = desk_error(l->d, DESK_NOMEM, "out of memory");
done:
	if (rc != DESK_OK)
		format_article_clear(out);
	return rc;
}
