/*
 * suggest.c - suggestions: text the corpus has tagged before, found again.
 *
 * A suggestion is a range of an article's body that reads like a standing
 * span (the same NFC text, or the same after folding case and/or accents),
 * starts and ends at word boundaries, is not tagged with that label yet and
 * was not rejected.  Suggestions are computed, never stored: they become
 * spans only through desk_suggestion_accept(); a rejection is stored in
 * suggestion_rejected so that it does not come back.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct desk_suggestions {
	desk_suggestion *v;
	size_t n, cap;
};

/* What is looked for: the text of a span (or of the gazetteer's entry). */
typedef struct suggest_needle {
	const char *text;
	const char *label;
	int64_t entity_id, from_span;
	char *folded; /* text folded as match says, or NULL for exact */
} suggest_needle;

/*
 * One article's standing spans by label, then start, each with the furthest
 * end of its label so far: whether a span of a label covers a range is then
 * a binary search, not a query per match (an article may hold 10,000 spans).
 */
typedef struct suggest_cover {
	char *label;
	int64_t start, maxend;
} suggest_cover;

/* What every scan looks up for each match. */
typedef struct suggest_ctx {
	desk *d;
	int match;
	sqlite3_stmt *taken;   /* (article, start, end, label): rejected */
	sqlite3_stmt *spans;   /* an article's standing spans, for cover */
	int64_t cover_article; /* whose spans cover holds, or 0 */
	suggest_cover *cover;
	size_t ncover;
} suggest_ctx;

static void
suggest_clear(desk_suggestion *s)
{
	free((char *)s->label);
	free((char *)s->text);
}

static int
suggest_push(desk_suggestions *l, const desk_suggestion *s)
{
	desk_suggestion *v;

	if (desk_grow(&l->v, &l->cap, l->n, sizeof *l->v) != DESK_OK)
		return DESK_NOMEM;
	v = &l->v[l->n];
	*v = *s;
	v->label = desk_strdup(s->label);
	v->text = desk_strdup(s->text);
	if (v->label == NULL || v->text == NULL) {
		suggest_clear(v);
		return DESK_NOMEM;
	}
	l->n++;
	return DESK_OK;
}

/* s folded as match says (desk_fold_as); *out is NUL-terminated, the caller frees it. */
static int
suggest_fold(char **out, const char *s, size_t len, int match)
{
	return desk_fold_as(out, NULL, s, len,
	                    ((match & DESK_MATCH_FOLD_CASE) ? DESK_FOLD_CASE : 0) |
	                        ((match & DESK_MATCH_FOLD_ACCENT) ? DESK_FOLD_ACCENT : 0));
}

/* Whether body[start:end) reads like the needle when folded as ctx->match says. */
static int
suggest_same_fold(int *same, const desk_text *t, int64_t start, int64_t end,
                  const suggest_needle *n, int match)
{
	size_t a = desk_text_byte(t, start), b = desk_text_byte(t, end);
	char *f = NULL;
	int rc;

	*same = 0;
	if ((rc = suggest_fold(&f, desk_text_utf8(t) + a, b - a, match)) != DESK_OK)
		return rc;
	*same = strcmp(f, n->folded) == 0;
	free(f);
	return DESK_OK;
}

static void
suggest_cover_free(suggest_ctx *c)
{
	for (size_t i = 0; i < c->ncover; i++)
		free(c->cover[i].label);
	free(c->cover);
	c->cover = NULL;
	c->ncover = 0;
	c->cover_article = 0;
}

/* Read the article's standing spans into c->cover (once per article). */
static int
suggest_cover_load(suggest_ctx *c, int64_t article_id)
{
	size_t cap = 0;
	int r, rc = DESK_OK;

	if (c->cover_article == article_id)
		return DESK_OK;
	suggest_cover_free(c);
	sqlite3_reset(c->spans);
	sqlite3_bind_int64(c->spans, 1, article_id);
	while ((r = sqlite3_step(c->spans)) == SQLITE_ROW) {
		const char *label = (const char *)sqlite3_column_text(c->spans, 0);
		int64_t end = sqlite3_column_int64(c->spans, 2);
		suggest_cover *v;

		if ((rc = desk_grow(&c->cover, &cap, c->ncover, sizeof *c->cover)) != DESK_OK)
			goto done;
		v = &c->cover[c->ncover];
		if ((v->label = desk_strdup(label)) == NULL) {
			rc = DESK_NOMEM;
			goto done;
		}
		v->start = sqlite3_column_int64(c->spans, 1);
		v->maxend = end;
		/* The furthest end of the label's spans so far. */
		if (c->ncover > 0 && strcmp(v[-1].label, label) == 0 && v[-1].maxend > end)
			v->maxend = v[-1].maxend;
		c->ncover++;
	}
	if (r != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "suggestions");
done:
	sqlite3_reset(c->spans);
	if (rc == DESK_NOMEM)
		rc = desk_error(c->d, rc, "out of memory");
	if (rc == DESK_OK)
		c->cover_article = article_id;
	else
		suggest_cover_free(c);
	return rc;
}

/* Whether a standing span of label holds [start, end) (c->cover is loaded). */
static int
suggest_covered(const suggest_ctx *c, const char *label, int64_t start, int64_t end)
{
	size_t lo = 0, hi = c->ncover; /* the first entry after (label, start) */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int k = strcmp(c->cover[mid].label, label);

		if (k < 0 || (k == 0 && c->cover[mid].start <= start))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && strcmp(c->cover[lo - 1].label, label) == 0 &&
	       c->cover[lo - 1].maxend >= end;
}

/* DESK_OK with *taken set when the range is tagged with label or was rejected. */
static int
suggest_taken(int *taken, suggest_ctx *c, int64_t article_id, int64_t start, int64_t end,
              const char *label)
{
	int r, rc;

	if ((rc = suggest_cover_load(c, article_id)) != DESK_OK)
		return rc;
	if ((*taken = suggest_covered(c, label, start, end)))
		return DESK_OK;
	sqlite3_reset(c->taken);
	sqlite3_bind_int64(c->taken, 1, article_id);
	sqlite3_bind_int64(c->taken, 2, start);
	sqlite3_bind_int64(c->taken, 3, end);
	sqlite3_bind_text(c->taken, 4, label, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(c->taken)) != SQLITE_ROW)
		return desk_sqlite_error(c->d, "suggestions");
	*taken = sqlite3_column_int(c->taken, 0);
	sqlite3_reset(c->taken);
	return DESK_OK;
}

/* Append the needle's matches in one article's text to l. */
static int
suggest_scan(desk_suggestions *l, suggest_ctx *c, const desk_text *t, int64_t article_id,
             const suggest_needle *n)
{
	int flags = DESK_FIND_WORD | (c->match ? DESK_FIND_FOLD : 0);
	int64_t start, end;
	int rc = DESK_OK;

	for (int64_t cp = 0; cp < desk_text_len(t) &&
	                     desk_text_find(t, n->text, cp, flags, &start, &end) == DESK_OK;
	     cp = start + 1) {
		desk_suggestion s = {article_id, start,        end,         n->label,
		                     NULL,       n->entity_id, n->from_span};
		size_t a = desk_text_byte(t, start), b = desk_text_byte(t, end);
		int ok = 1, taken = 0;
		char *text;

		/* DESK_FIND_FOLD folds both; case-only and accent-only look again. */
		if (n->folded && (c->match & 3) != 3 &&
		    (rc = suggest_same_fold(&ok, t, start, end, n, c->match)) != DESK_OK)
			goto done;
		if (!ok)
			continue;
		if ((rc = suggest_taken(&taken, c, article_id, start, end, n->label)) != DESK_OK)
			goto done;
		if (taken)
			continue;
		if ((text = malloc(b - a + 1)) == NULL) {
			rc = DESK_NOMEM;
			goto done;
		}
		memcpy(text, desk_text_utf8(t) + a, b - a);
		text[b - a] = '\0';
		s.text = text;
		rc = suggest_push(l, &s);
		free(text);
		if (rc != DESK_OK)
			goto done;
	}
done:
	if (rc == DESK_NOMEM)
		rc = desk_error(c->d, DESK_NOMEM, "out of memory");
	return rc;
}

/* Set up ctx and the needle's fold; suggest_ctx_end() undoes it. */
static int
suggest_ctx_begin(suggest_ctx *c, suggest_needle *n, desk *d, int match)
{
	static const char taken_sql[] =
	    "SELECT EXISTS (SELECT 1 FROM suggestion_rejected WHERE article_id = ?1 AND "
	    "start = ?2 AND \"end\" = ?3 AND label = ?4)";
	static const char spans_sql[] =
	    "SELECT label, start, \"end\" FROM span WHERE article_id = ?1 AND deleted_at IS NULL "
	    "ORDER BY label, start";
	int rc;

	memset(c, 0, sizeof *c);
	c->d = d;
	c->match = match;
	if (match & ~(DESK_MATCH_FOLD_CASE | DESK_MATCH_FOLD_ACCENT))
		return desk_error(d, DESK_MISUSE, "bad match %d", match);
	if (n && match && suggest_fold(&n->folded, n->text, strlen(n->text), match) != DESK_OK)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if ((rc = desk_prepare(d, &c->taken, taken_sql)) != DESK_OK)
		return rc;
	return desk_prepare(d, &c->spans, spans_sql);
}

static void
suggest_ctx_end(suggest_ctx *c)
{
	sqlite3_finalize(c->taken);
	sqlite3_finalize(c->spans);
	c->taken = c->spans = NULL;
	suggest_cover_free(c);
}

/* A desk_text of a body column; the message names the article. */
static int
suggest_text(desk_text **t, desk *d, sqlite3_stmt *st, int col, int64_t article_id)
{
	int rc = desk_text_new(t, (const char *)sqlite3_column_text(st, col),
	                       (size_t)sqlite3_column_bytes(st, col));

	if (rc != DESK_OK)
		return desk_error(d, rc, "article %lld: %s", (long long)article_id,
		                  desk_strerror(rc));
	return DESK_OK;
}

/*
 * Whether a body column may hold a folded match: its whole fold holds the
 * needle's (desk_fold of both).  Cheaper than the boundaries of a desk_text,
 * so a corpus scan builds those only for the few bodies that pass.
 */
static int
suggest_maybe(int *maybe, desk *d, sqlite3_stmt *st, int col, const char *needle)
{
	char *f = NULL;

	*maybe = 1;
	if (desk_fold(&f, NULL, (const char *)sqlite3_column_text(st, col),
	              (size_t)sqlite3_column_bytes(st, col)) != DESK_OK)
		return desk_error(d, DESK_NOMEM, "out of memory");
	*maybe = strstr(f, needle) != NULL;
	free(f);
	return DESK_OK;
}

int
desk_suggest_same(desk_suggestions **out, desk *d, int64_t span_id, int article_only, int match)
{
	static const char span_sql[] =
	    "SELECT article_id, text, label, coalesce(entity_id, 0) FROM span WHERE id = ?1 AND "
	    "deleted_at IS NULL";
	/* Exact text narrows the articles in SQL; folded text must read each body. */
	static const char one_sql[] = "SELECT id, body FROM article WHERE id = ?1";
	static const char exact_sql[] =
	    "SELECT id, body FROM article WHERE instr(body, ?2) > 0 ORDER BY id";
	static const char all_sql[] = "SELECT id, body FROM article ORDER BY id";
	suggest_ctx c = {0};
	suggest_needle n = {0};
	sqlite3_stmt *sp = NULL, *st = NULL;
	desk_suggestions *l = NULL;
	desk_text *t = NULL;
	char *needle = NULL;
	int rc, r;

	*out = NULL;
	if ((rc = desk_prepare(d, &sp, span_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(sp, 1, span_id);
	if ((r = sqlite3_step(sp)) != SQLITE_ROW) {
		rc = r == SQLITE_DONE
		         ? desk_error(d, DESK_NOTFOUND, "no span %lld", (long long)span_id)
		         : desk_sqlite_error(d, "span");
		goto done;
	}
	n.text = (const char *)sqlite3_column_text(sp, 1);
	n.label = (const char *)sqlite3_column_text(sp, 2);
	n.entity_id = sqlite3_column_int64(sp, 3);
	n.from_span = span_id;
	if ((l = calloc(1, sizeof *l)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = suggest_ctx_begin(&c, &n, d, match)) != DESK_OK ||
	    (rc = desk_prepare(d, &st,
	                       article_only ? one_sql
	                       : match      ? all_sql
	                                    : exact_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, sqlite3_column_int64(sp, 0));
	if (!article_only && !match)
		sqlite3_bind_text(st, 2, n.text, -1, SQLITE_STATIC);
	if (match && !article_only && desk_fold(&needle, NULL, n.text, strlen(n.text)) != DESK_OK) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	/* One body at a time. */
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int maybe = 1;

		if (needle && (rc = suggest_maybe(&maybe, d, st, 1, needle)) != DESK_OK)
			goto done;
		if (!maybe)
			continue;
		if ((rc = suggest_text(&t, d, st, 1, id)) != DESK_OK ||
		    (rc = suggest_scan(l, &c, t, id, &n)) != DESK_OK)
			goto done;
		desk_text_free(t);
		t = NULL;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "suggestions");
		goto done;
	}
	*out = l;
	l = NULL;
done:
	desk_text_free(t);
	suggest_ctx_end(&c);
	free(n.folded);
	free(needle);
	sqlite3_finalize(st);
	sqlite3_finalize(sp);
	desk_suggestions_free(l);
	return rc;
}

/* By start, longest first, then label; the same range and label once. */
static int
suggest_order(const void *pa, const void *pb)
{
	const desk_suggestion *a = pa, *b = pb;
	int c;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	if ((c = strcmp(a->label, b->label)) != 0)
		return c;
	return a->from_span < b->from_span ? -1 : a->from_span > b->from_span;
}

static void
suggest_sort_unique(desk_suggestions *l)
{
	size_t w = 0;

	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, suggest_order);
	for (size_t i = 0; i < l->n; i++) {
		if (w > 0 && l->v[w - 1].start == l->v[i].start && l->v[w - 1].end == l->v[i].end &&
		    strcmp(l->v[w - 1].label, l->v[i].label) == 0) {
			suggest_clear(&l->v[i]);
			continue;
		}
		l->v[w++] = l->v[i];
	}
	l->n = w;
}

/* A gazetteer entry the body may hold: (text, label, entity) and its first span. */
typedef struct suggest_name {
	char *text, *label;
	int64_t entity, first;
} suggest_name;

typedef struct suggest_names {
	suggest_name *v;
	size_t n, cap;
} suggest_names;

/* Where a probe of the gazetteer starts: body bytes [at, at+wlen) then one character. */
typedef struct suggest_key {
	const char *at;
	size_t wlen, len; /* the first word's bytes; with the character after it */
} suggest_key;

static int
suggest_key_order(const void *pa, const void *pb)
{
	const suggest_key *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->at, b->at, n);

	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->wlen < b->wlen ? -1 : a->wlen > b->wlen;
}

static int
suggest_name_order(const void *pa, const void *pb)
{
	const suggest_name *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->text, b->text)) != 0 || (c = strcmp(a->label, b->label)) != 0)
		return c;
	if (a->entity != b->entity)
		return a->entity < b->entity ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

static int
suggest_name_first(const void *pa, const void *pb)
{
	const suggest_name *a = pa, *b = pb;

	return a->first < b->first ? -1 : a->first > b->first;
}

static void
suggest_names_free(suggest_names *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].text);
		free(l->v[i].label);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/*
 * Every probe the body needs: one at each place a word may begin (a word
 * boundary that is not white space), holding the first word (up to the next
 * boundary) and the character after it, sorted and each once.  A name tagged
 * in the corpus that occurs there as whole words is either that word or
 * begins with it and that character.
 */
static int
suggest_keys(suggest_key **out, size_t *nout, const desk_text *t)
{
	const char *s = desk_text_utf8(t);
	int64_t len = desk_text_len(t), cp, e;
	suggest_key *v = NULL;
	size_t n = 0, cap = 0, w = 0;

	*out = NULL;
	*nout = 0;
	for (cp = 0; cp < len; cp = e) {
		uint32_t c = desk_text_char(t, cp);

		for (e = cp + 1; e < len && !desk_text_is_word_boundary(t, e); e++)
			;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    !desk_text_is_word_boundary(t, cp))
			continue;
		if (desk_grow(&v, &cap, n, sizeof *v) != DESK_OK) {
			free(v);
			return DESK_NOMEM;
		}
		v[n].at = s + desk_text_byte(t, cp);
		v[n].wlen = desk_text_byte(t, e) - desk_text_byte(t, cp);
		v[n].len = desk_text_byte(t, e < len ? e + 1 : e) - desk_text_byte(t, cp);
		n++;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, suggest_key_order);
	for (size_t i = 0; i < n; i++)
		if (w == 0 || suggest_key_order(&v[w - 1], &v[i]) != 0)
			v[w++] = v[i];
	*out = v;
	*nout = w;
	return DESK_OK;
}

/* Append the rows of a probe to l. */
static int
suggest_probe(suggest_names *l, sqlite3_stmt *st)
{
	int r;

	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		suggest_name *m;

		if (desk_grow(&l->v, &l->cap, l->n, sizeof *l->v) != DESK_OK)
			return DESK_NOMEM;
		m = &l->v[l->n];
		m->text = desk_strdup((const char *)sqlite3_column_text(st, 0));
		m->label = desk_strdup((const char *)sqlite3_column_text(st, 1));
		m->entity = sqlite3_column_int64(st, 2);
		m->first = sqlite3_column_int64(st, 3);
		if (m->text == NULL || m->label == NULL) {
			free(m->text);
			free(m->label);
			return DESK_NOMEM;
		}
		l->n++;
	}
	sqlite3_reset(st);
	return r == SQLITE_DONE ? DESK_OK : DESK_ERROR;
}

/*
 * The gazetteer's entries the body may hold, by index probes at the body's
 * word starts (the span_text index): the cost follows the article, not the
 * corpus.  In the order of their first span, each once.
 */
static int
suggest_names_exact(suggest_names *l, desk *d, const desk_text *t)
{
	static const char probe_sql[] =
	    "SELECT text, label, coalesce(entity_id, 0), min(id) FROM span WHERE deleted_at IS "
	    "NULL AND text = ?1 GROUP BY text, label, entity_id UNION ALL SELECT "
	    "text, label, coalesce(entity_id, 0), min(id) FROM span WHERE deleted_at IS NULL AND "
	    "text >= ?2 AND text < ?3 GROUP BY text, label, entity_id";
	sqlite3_stmt *st = NULL;
	suggest_key *k = NULL;
	size_t nk = 0, w = 0;
	char *hi = NULL;
	size_t most = 0;
	int rc;

	if ((rc = suggest_keys(&k, &nk, t)) != DESK_OK) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < nk; i++)
		most = k[i].len > most ? k[i].len : most;
	if ((hi = malloc(most + 2)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = desk_prepare(d, &st, probe_sql)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < nk; i++) {
		/* Above every text that begins with the key: no UTF-8 goes past F4 8F. */
		memcpy(hi, k[i].at, k[i].len);
		memcpy(hi + k[i].len, "\xf4\x90", 2);
		sqlite3_bind_text(st, 1, k[i].at, (int)k[i].wlen, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, k[i].at, (int)k[i].len, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, hi, (int)k[i].len + 2, SQLITE_STATIC);
		if ((rc = suggest_probe(l, st)) != DESK_OK) {
			rc = rc == DESK_NOMEM ? desk_error(d, DESK_NOMEM, "out of memory")
			                      : desk_sqlite_error(d, "suggestions");
			goto done;
		}
	}
	/* One key's word is another's start ("Hà" and "Hà Nội"): each entry once. */
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, suggest_name_order);
	for (size_t i = 0; i < l->n; i++) {
		suggest_name *p = w ? &l->v[w - 1] : NULL;

		if (p && strcmp(p->text, l->v[i].text) == 0 &&
		    strcmp(p->label, l->v[i].label) == 0 && p->entity == l->v[i].entity) {
			free(l->v[i].text);
			free(l->v[i].label);
			continue;
		}
		l->v[w++] = l->v[i];
	}
	l->n = w;
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, suggest_name_first);
done:
	sqlite3_finalize(st);
	free(hi);
	free(k);
	return rc;
}

/*
 * Every gazetteer entry, for folded matching: each (text, label, entity)
 * the corpus has tagged, from its first span.  This reads every standing
 * span (O(corpus)); the reader asks for exact matches, which probe instead.
 */
static int
suggest_names_all(suggest_names *l, desk *d)
{
	static const char names_sql[] =
	    "SELECT text, label, coalesce(entity_id, 0) AS entity, min(id) AS first FROM span "
	    "WHERE deleted_at IS NULL GROUP BY text, label, entity ORDER BY first";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, names_sql)) != DESK_OK)
		return rc;
	if ((rc = suggest_probe(l, st)) != DESK_OK)
		rc = rc == DESK_NOMEM ? desk_error(d, DESK_NOMEM, "out of memory")
		                      : desk_sqlite_error(d, "suggestions");
	sqlite3_finalize(st);
	return rc;
}

int
desk_suggest_text(desk_suggestions **out, desk *d, int64_t article_id, const desk_text *t,
                  int match)
{
	suggest_ctx c = {0};
	suggest_names names = {0};
	desk_suggestions *l = NULL;
	int rc;

	*out = NULL;
	if (t == NULL)
		return desk_error(d, DESK_MISUSE, "no text");
	if ((rc = suggest_ctx_begin(&c, NULL, d, match)) != DESK_OK)
		goto done;
	if ((l = calloc(1, sizeof *l)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	rc = match ? suggest_names_all(&names, d) : suggest_names_exact(&names, d, t);
	if (rc != DESK_OK)
		goto done;
	for (size_t i = 0; i < names.n; i++) {
		suggest_needle n = {names.v[i].text, names.v[i].label, names.v[i].entity,
		                    names.v[i].first, NULL};

		if (match && suggest_fold(&n.folded, n.text, strlen(n.text), match) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		rc = suggest_scan(l, &c, t, article_id, &n);
		free(n.folded);
		if (rc != DESK_OK)
			goto done;
	}
	suggest_sort_unique(l);
	*out = l;
	l = NULL;
done:
	suggest_names_free(&names);
	suggest_ctx_end(&c);
	desk_suggestions_free(l);
	return rc;
}

int
desk_suggest_article(desk_suggestions **out, desk *d, int64_t article_id, int match)
{
	static const char body_sql[] = "SELECT body FROM article WHERE id = ?1";
	sqlite3_stmt *body = NULL;
	desk_text *t = NULL;
	int rc, r;

	*out = NULL;
	if ((rc = desk_prepare(d, &body, body_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(body, 1, article_id);
	if ((r = sqlite3_step(body)) != SQLITE_ROW) {
		rc = r == SQLITE_DONE
		         ? desk_error(d, DESK_NOTFOUND, "no article %lld", (long long)article_id)
		         : desk_sqlite_error(d, "article");
		goto done;
	}
	if ((rc = suggest_text(&t, d, body, 0, article_id)) != DESK_OK)
		goto done;
	rc = desk_suggest_text(out, d, article_id, t, match);
done:
	sqlite3_finalize(body);
	desk_text_free(t);
	return rc;
}

size_t
desk_suggestions_count(const desk_suggestions *s)
{
	return s ? s->n : 0;
}

const desk_suggestion *
desk_suggestions_at(const desk_suggestions *s, size_t i)
{
	return s && i < s->n ? &s->v[i] : NULL;
}

void
desk_suggestions_free(desk_suggestions *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->n; i++)
		suggest_clear(&s->v[i]);
	free(s->v);
	free(s);
}

int
desk_suggestion_accept(int64_t *span_id, desk *d, const desk_suggestion *s)
{
	if (span_id)
		*span_id = 0;
	if (s == NULL)
		return desk_error(d, DESK_MISUSE, "no suggestion");
	/* One call, one transaction: desk_span_add links the entity too. */
	return desk_span_add(span_id, d, s->article_id, s->start, s->end, s->label, s->entity_id);
}

int
desk_suggestions_accept(size_t *accepted, desk *d, const desk_suggestions *s)
{
	size_t n = 0;
	int rc;

	if (accepted)
		*accepted = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	for (size_t i = 0; i < desk_suggestions_count(s) && rc == DESK_OK; i++) {
		if ((rc = desk_suggestion_accept(NULL, d, desk_suggestions_at(s, i))) == DESK_OK)
			n++;
		else if (rc == DESK_DUPLICATE)
			rc = DESK_OK; /* tagged meanwhile */
	}
	if (rc == DESK_OK && (rc = desk_commit(d)) == DESK_OK && accepted)
		*accepted = n;
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

/* Run a statement bound to the suggestion; *row gets whether it gave a row. */
static int
suggest_run(int *row, desk *d, const char *sql, const desk_suggestion *s, sqlite3_stmt **keep)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, s->article_id);
	sqlite3_bind_int64(st, 2, s->start);
	sqlite3_bind_int64(st, 3, s->end);
	sqlite3_bind_text(st, 4, s->label, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 5)
		sqlite3_bind_text(st, 5, d->editor, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) != SQLITE_ROW && r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "reject suggestion");
		goto done;
	}
	*row = r == SQLITE_ROW;
	if (keep && *row) {
		*keep = st;
		st = NULL;
	}
done:
	sqlite3_finalize(st);
	return rc;
}

int
desk_suggestion_reject(desk *d, const desk_suggestion *s)
{
	static const char check_sql[] =
	    "SELECT (SELECT chars FROM article WHERE id = ?1), EXISTS (SELECT 1 FROM label WHERE "
	    "name = ?4), EXISTS (SELECT 1 FROM suggestion_rejected WHERE article_id = ?1 AND "
	    "start = ?2 AND \"end\" = ?3 AND label = ?4), json_object('article_id', ?1, 'start', "
	    "?2, 'end', ?3, 'label', ?4)";
	static const char insert_sql[] =
	    "INSERT INTO suggestion_rejected (article_id, start, \"end\", label, editor, at) "
	    "VALUES "
	    "(?1, ?2, ?3, ?4, ?5, " DESK_SQL_NOW ")";
	sqlite3_stmt *check = NULL;
	int rc, row = 0;

	if (s == NULL || s->label == NULL)
		return desk_error(d, DESK_MISUSE, "no suggestion");
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = suggest_run(&row, d, check_sql, s, &check)) != DESK_OK)
		goto done;
	if (sqlite3_column_type(check, 0) == SQLITE_NULL) {
		rc = desk_error(d, DESK_NOTFOUND, "no article %lld", (long long)s->article_id);
		goto done;
	}
	if (s->start < 0 || s->start >= s->end || s->end > sqlite3_column_int64(check, 0)) {
		rc = desk_error(d, DESK_RANGE, "%lld-%lld is not a range of article %lld",
		                (long long)s->start, (long long)s->end, (long long)s->article_id);
		goto done;
	}
	if (!sqlite3_column_int(check, 1)) {
		rc = desk_error(d, DESK_NOTFOUND, "no label \"%s\"", s->label);
		goto done;
	}
	/* Rejected already: nothing to change, nothing to undo. */
	if (!sqlite3_column_int(check, 2) &&
	    ((rc = suggest_run(&row, d, insert_sql, s, NULL)) != DESK_OK ||
	     (rc = history_record(d, "suggestion-reject", s->article_id, 0,
	                          (const char *)sqlite3_column_text(check, 3))) != DESK_OK))
		goto done;
	rc = desk_commit(d);
done:
	sqlite3_finalize(check);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}
