/*
 * claim_read.c - reading claims: one (desk_claim_get) or a filtered list
 * (desk_claims_get, as JSON too), each with its research (verdict, status,
 * note, review), the research's standing evidence, the standing spans inside
 * it and the number of other articles holding the same claim (by key, from
 * the sentence index, and by shared research).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"

/* A claim with what its pointers point to. */
typedef struct claim_full {
	desk_claim c; /* first: a desk_claim * is a claim_full * */
	desk_evidence *ev;
	const desk_span **ents;
	desk_spans *spans; /* the article's spans, when this claim owns them */
} claim_full;

struct desk_claims {
	claim_full *v;
	size_t n;
	/* The spans of each article the claims are in, shared by its claims. */
	int64_t *articles;
	desk_spans **spans;
	size_t narticles;
};

#define CLAIM_COLS                                                                                 \
	"c.id, c.article_id, c.start, c.\"end\", c.text, c.research_id, r.status, "                \
	"coalesce(r.verdict, ''), r.note, coalesce(r.proposed_by, ''), "                           \
	"coalesce(r.proposed_at, ''), coalesce(r.reviewed_by, ''), coalesce(r.reviewed_at, ''), "  \
	"coalesce(r.review_reason, ''), c.author, c.created_at, "
#define CLAIM_FROM          " FROM claim c JOIN research r ON r.id = c.research_id "
#define CLAIM_REPEATS       CLAIM_REPEATS_OF("c.key", "c.research_id")
#define CLAIM_GROUP_REPEATS CLAIM_REPEATS_OF("k.key", "k.research_id")

static void
claim_read_clear(claim_full *f)
{
	desk_claim *c = &f->c;

	free((char *)c->text);
	free((char *)c->verdict);
	free((char *)c->note);
	free((char *)c->proposed_by);
	free((char *)c->proposed_at);
	free((char *)c->reviewed_by);
	free((char *)c->reviewed_at);
	free((char *)c->review_reason);
	free((char *)c->author);
	free((char *)c->created_at);
	for (size_t i = 0; f->ev && i < c->nevidence; i++) {
		free((char *)f->ev[i].source);
		free((char *)f->ev[i].quote);
		free((char *)f->ev[i].consulted);
		free((char *)f->ev[i].added_by);
		free((char *)f->ev[i].added_at);
	}
	free(f->ev);
	free(f->ents);
	desk_spans_free(f->spans);
	memset(f, 0, sizeof *f);
}

/*
 * A text column, its bytes that are not UTF-8 as U+FFFD: another program
 * may have written them, and JSON (jansson) refuses such a string, which
 * made `claims --json` fail as "out of memory".  NULL when out of memory.
 */
static const char *
claim_read_col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	char *out = NULL;

	if (s == NULL)
		return desk_strdup(NULL);
	desk_utf8_repair(&out, s, (size_t)sqlite3_column_bytes(st, i));
	return out;
}

/* Fill f from a row of CLAIM_COLS; DESK_NOMEM leaves nothing to free. */
static int
claim_read_from_row(claim_full *f, sqlite3_stmt *st)
{
	desk_claim *c = &f->c;
	desk_claim_status s = DESK_CLAIM_CHECK;

	memset(f, 0, sizeof *f);
	c->id = sqlite3_column_int64(st, 0);
	c->article_id = sqlite3_column_int64(st, 1);
	c->start = sqlite3_column_int64(st, 2);
	c->end = sqlite3_column_int64(st, 3);
	c->text = claim_read_col(st, 4);
	c->research_id = sqlite3_column_int64(st, 5);
	desk_claim_status_parse(&s, (const char *)sqlite3_column_text(st, 6));
	c->status = s;
	c->verdict = claim_read_col(st, 7);
	c->note = claim_read_col(st, 8);
	c->proposed_by = claim_read_col(st, 9);
	c->proposed_at = claim_read_col(st, 10);
	c->reviewed_by = claim_read_col(st, 11);
	c->reviewed_at = claim_read_col(st, 12);
	c->review_reason = claim_read_col(st, 13);
	c->author = claim_read_col(st, 14);
	c->created_at = claim_read_col(st, 15);
	c->repeats = sqlite3_column_int64(st, 16);
	if (!c->text || !c->verdict || !c->note || !c->proposed_by || !c->proposed_at ||
	    !c->reviewed_by || !c->reviewed_at || !c->review_reason || !c->author ||
	    !c->created_at) {
		claim_read_clear(f);
		return DESK_NOMEM;
	}
	return DESK_OK;
}

/* The research's standing evidence into f, oldest first. */
static int
claim_read_load_evidence(desk *d, claim_full *f)
{
	static const char sql[] = "SELECT id, source, quote, consulted, added_by, added_at FROM "
	                          "evidence WHERE research_id = ?1 AND deleted_at IS NULL "
	                          "ORDER BY added_at, id";
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc, r;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, f->c.research_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		desk_evidence *e;

		if (desk_grow(&f->ev, &cap, f->c.nevidence, sizeof *f->ev) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		e = &f->ev[f->c.nevidence];
		e->id = sqlite3_column_int64(st, 0);
		e->source = claim_read_col(st, 1);
		e->quote = claim_read_col(st, 2);
		e->consulted = claim_read_col(st, 3);
		e->added_by = claim_read_col(st, 4);
		e->added_at = claim_read_col(st, 5);
		f->c.nevidence++; /* counted before the check: claim_read_clear() frees it */
		if (!e->source || !e->quote || !e->consulted || !e->added_by || !e->added_at) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
	}
	if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "evidence");
done:
	f->c.evidence = f->ev;
	sqlite3_finalize(st);
	return rc;
}

/* The spans of s inside f's range into f->ents (pointers into s). */
static int
claim_read_pick_entities(desk *d, claim_full *f, const desk_spans *s)
{
	size_t n = 0, count = desk_spans_count(s);

	if ((f->ents = calloc(count ? count : 1, sizeof *f->ents)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	for (size_t i = 0; i < count; i++) {
		const desk_span *x = desk_spans_at(s, i);

		if (x->start >= f->c.start && x->end <= f->c.end)
			f->ents[n++] = x;
	}
	f->c.entities = f->ents;
	f->c.nentities = n;
	return DESK_OK;
}

int
desk_claim_get(desk_claim **out, desk *d, int64_t claim_id)
{
	sqlite3_stmt *st = NULL;
	claim_full *f = NULL;
	int rc, r;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT " CLAIM_COLS CLAIM_REPEATS CLAIM_FROM
	                       "WHERE c.id = ?1 AND c.deleted_at IS NULL")) != DESK_OK)
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
	if ((f = malloc(sizeof *f)) == NULL || claim_read_from_row(f, st) != DESK_OK) {
		free(f);
		f = NULL;
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = claim_read_load_evidence(d, f)) != DESK_OK ||
	    (rc = desk_spans_get(&f->spans, d, f->c.article_id)) != DESK_OK ||
	    (rc = claim_read_pick_entities(d, f, f->spans)) != DESK_OK)
		goto done;
	*out = &f->c;
	f = NULL;
done:
	sqlite3_finalize(st);
	desk_claim_free(f ? &f->c : NULL);
	return rc;
}

void
desk_claim_free(desk_claim *c)
{
	claim_full *f = (claim_full *)c;

	if (f == NULL)
		return;
	claim_read_clear(f);
	free(f);
}

/* The spans of article_id, from the list's cache or loaded into it. */
static int
claim_read_list_spans(const desk_spans **out, desk *d, desk_claims *l, int64_t article_id)
{
	int64_t *a;
	desk_spans **s;
	int rc;

	for (size_t i = 0; i < l->narticles; i++)
		if (l->articles[i] == article_id) {
			*out = l->spans[i];
			return DESK_OK;
		}
	if ((a = realloc(l->articles, (l->narticles + 1) * sizeof *a)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	l->articles = a;
	if ((s = realloc(l->spans, (l->narticles + 1) * sizeof *s)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	l->spans = s;
	if ((rc = desk_spans_get(&s[l->narticles], d, article_id)) != DESK_OK)
		return rc;
	a[l->narticles] = article_id;
	*out = s[l->narticles++];
	return DESK_OK;
}

static int
claim_read_article_exists(desk *d, int64_t article_id)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, "SELECT 1 FROM article WHERE id = ?1")) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	if ((r = sqlite3_step(st)) == SQLITE_DONE)
		rc = desk_error(d, DESK_NOTFOUND, "no article %lld", (long long)article_id);
	else if (r != SQLITE_ROW)
		rc = desk_sqlite_error(d, "article");
done:
	sqlite3_finalize(st);
	return rc;
}

/*
 * The rows of st (CLAIM_COLS then the repeats) into l, each with its
 * evidence and the spans inside it; with reverse, in the opposite order.
 */
static int
claim_read_fill(desk_claims *l, desk *d, sqlite3_stmt *st, int reverse)
{
	size_t cap = 0;
	int rc, r;

	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (desk_grow(&l->v, &cap, l->n, sizeof *l->v) != DESK_OK ||
		    claim_read_from_row(&l->v[l->n], st) != DESK_OK)
			return desk_error(d, DESK_NOMEM, "out of memory");
		l->n++;
	}
	if (r != SQLITE_DONE)
		return desk_sqlite_error(d, "list claims");
	for (size_t i = 0; reverse && i < l->n / 2; i++) {
		claim_full t = l->v[i];

		l->v[i] = l->v[l->n - 1 - i];
		l->v[l->n - 1 - i] = t;
	}
	for (size_t i = 0; i < l->n; i++) {
		const desk_spans *s = NULL;

		if ((rc = claim_read_load_evidence(d, &l->v[i])) != DESK_OK ||
		    (rc = claim_read_list_spans(&s, d, l, l->v[i].c.article_id)) != DESK_OK ||
		    (rc = claim_read_pick_entities(d, &l->v[i], s)) != DESK_OK)
			return rc;
	}
	return DESK_OK;
}

/*
 * Start a list for filter f: l allocated, the article checked, the verdict's
 * name in *verdict (NULL for none).
 */
static int
claim_read_begin(desk_claims **l, char **verdict, desk *d, const desk_claim_filter *f)
{
	int rc;

	*verdict = NULL;
	if ((*l = calloc(1, sizeof **l)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if (f->article_id != 0 && (rc = claim_read_article_exists(d, f->article_id)) != DESK_OK)
		return rc;
	if (f->verdict != NULL)
		return verdict_name(verdict, d, f->verdict);
	return DESK_OK;
}

/* Where a page starts (claims_page) and how long it is. */
struct claim_read_page {
	const desk_claim_place *key;
	int backward;
	size_t max;
};

/* The claims of f by sql: desk_claims_get's query (pg NULL) or a page's (CLAIM_PAGE_WHERE). */
static int
claim_read_run(desk_claims **out, desk *d, const desk_claim_filter *f, const char *sql,
               const struct claim_read_page *pg)
{
	desk_claim_filter all = {0, DESK_CLAIM_ANY, NULL};
	sqlite3_stmt *st = NULL;
	desk_claims *l = NULL;
	char *verdict = NULL;
	int rc;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	if (f == NULL)
		f = &all;
	if ((rc = claim_read_begin(&l, &verdict, d, f)) != DESK_OK ||
	    (rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	if (pg != NULL) {
		claim_page_bind(st, f, verdict, pg->key);
		sqlite3_bind_int64(st, 8, pg->max > INT64_MAX ? INT64_MAX : (int64_t)pg->max);
	} else {
		sqlite3_bind_int64(st, 1, f->article_id);
		if (f->status != DESK_CLAIM_ANY)
			sqlite3_bind_text(st, 2, desk_claim_status_name(f->status), -1,
			                  SQLITE_STATIC);
		if (verdict)
			sqlite3_bind_text(st, 3, verdict, -1, SQLITE_STATIC);
	}
	if ((rc = claim_read_fill(l, d, st, pg && pg->backward)) != DESK_OK)
		goto done;
	*out = l;
	l = NULL;
done:
	sqlite3_finalize(st);
	free(verdict);
	desk_claims_free(l);
	return rc;
}

int
desk_claims_get(desk_claims **out, desk *d, const desk_claim_filter *f)
{
	static const char sql[] =
	    /* The repeats once for each key and research: claims linked by apply share both. */
	    "WITH g AS MATERIALIZED (SELECT k.key, k.research_id, " CLAIM_GROUP_REPEATS
	    " AS n FROM (SELECT DISTINCT key, research_id FROM claim WHERE deleted_at IS NULL AND "
	    "(?1 = 0 OR article_id = ?1)) k) SELECT " CLAIM_COLS "g.n AS repeats" CLAIM_FROM
	    "JOIN g ON g.key = c.key AND g.research_id = c.research_id WHERE c.deleted_at IS NULL "
	    "AND (?1 = 0 OR c.article_id = ?1) AND (?2 IS NULL OR r.status = ?2) AND "
	    "(?3 IS NULL OR r.verdict = ?3) "
	    "ORDER BY repeats DESC, c.article_id, c.start, c.\"end\", c.id";

	return claim_read_run(out, d, f, sql, NULL);
}

int
desk_claims_page(desk_claims **out, desk *d, const desk_claim_filter *f,
                 const desk_claim_place *key, int backward, size_t max)
{
	static const char fwd[] = "SELECT " CLAIM_COLS CLAIM_REPEATS CLAIM_FROM CLAIM_PAGE_WHERE(
	    ">") "ORDER BY c.article_id, c.start, c.id LIMIT ?8";
	static const char back[] = "SELECT " CLAIM_COLS CLAIM_REPEATS CLAIM_FROM CLAIM_PAGE_WHERE(
	    "<") "ORDER BY c.article_id DESC, c.start DESC, c.id DESC LIMIT ?8";
	desk_claim_place edge = {backward ? INT64_MAX : INT64_MIN, 0, 0};
	struct claim_read_page pg = {key ? key : &edge, backward, max};

	return claim_read_run(out, d, f, backward ? back : fwd, &pg);
}

size_t
desk_claims_count(const desk_claims *c)
{
	return c ? c->n : 0;
}

const desk_claim *
desk_claims_at(const desk_claims *c, size_t i)
{
	return c && i < c->n ? &c->v[i].c : NULL;
}

void
desk_claims_free(desk_claims *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++)
		claim_read_clear(&c->v[i]);
	for (size_t i = 0; i < c->narticles; i++)
		desk_spans_free(c->spans[i]);
	free(c->v);
	free(c->articles);
	free(c->spans);
	free(c);
}

/* One claim as a JSON object, or NULL when out of memory. */
static json_t *
claim_read_json(const desk_claim *c)
{
	json_t *o, *ev = json_array(), *ents = json_array();

	for (size_t i = 0; ev && i < c->nevidence; i++) {
		const desk_evidence *e = &c->evidence[i];

		json_array_append_new(ev, json_pack("{sI ss ss ss ss ss}", "id", (json_int_t)e->id,
		                                    "source", e->source, "quote", e->quote,
		                                    "consulted", e->consulted, "added_by",
		                                    e->added_by, "added_at", e->added_at));
	}
	for (size_t i = 0; ents && i < c->nentities; i++) {
		const desk_span *s = c->entities[i];

		json_array_append_new(
		    ents, json_pack("{sI sI sI ss ss sI ss}", "id", (json_int_t)s->id, "start",
		                    (json_int_t)s->start, "end", (json_int_t)s->end, "label",
		                    s->label, "text", s->text, "entity_id",
		                    (json_int_t)s->entity_id, "entity", s->entity));
	}
	if (!ev || !ents || json_array_size(ev) != c->nevidence ||
	    json_array_size(ents) != c->nentities) {
		json_decref(ev);
		json_decref(ents);
		return NULL;
	}
	o = json_pack("{sI sI sI sI ss sI ss ss ss ss ss ss ss ss ss ss sI so so}", "id",
	              (json_int_t)c->id, "article_id", (json_int_t)c->article_id, "start",
	              (json_int_t)c->start, "end", (json_int_t)c->end, "text", c->text,
	              "research_id", (json_int_t)c->research_id, "status",
	              desk_claim_status_name(c->status), "verdict", c->verdict, "note", c->note,
	              "proposed_by", c->proposed_by, "proposed_at", c->proposed_at, "reviewed_by",
	              c->reviewed_by, "reviewed_at", c->reviewed_at, "review_reason",
	              c->review_reason, "author", c->author, "created_at", c->created_at, "repeats",
	              (json_int_t)c->repeats, "evidence", ev, "entities", ents);
	return o;
}

int
desk_claim_json(char **out, desk *d, const desk_claim *c)
{
	json_t *o;

	*out = NULL;
	if (d == NULL || c == NULL)
		return DESK_MISUSE;
	if ((o = claim_read_json(c)) == NULL || (*out = json_dumps(o, JSON_COMPACT)) == NULL) {
		json_decref(o);
		return desk_error(d, DESK_NOMEM, "out of memory");
	}
	json_decref(o);
	return DESK_OK;
}

int
desk_claims_json(char **out, desk *d, const desk_claim_filter *f)
{
	desk_claims *l = NULL;
	json_t *arr = NULL;
	int rc;

	*out = NULL;
	if ((rc = desk_claims_get(&l, d, f)) != DESK_OK)
		goto done;
	if ((arr = json_array()) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < l->n; i++) {
		json_t *o = claim_read_json(&l->v[i].c);

		if (o == NULL || json_array_append_new(arr, o) != 0) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
	}
	if ((*out = json_dumps(arr, JSON_COMPACT)) == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	json_decref(arr);
	desk_claims_free(l);
	return rc;
}
