/*
 * ann.c - a query over a span's or a claim's text, for the search over
 * annotations (annsearch.c): the query parsed into terms of words (a word,
 * a "phrase", a prefix), a text's words as the full-text index has them
 * (text/textsearch.c: folded, or exact forms), and whether and where every
 * term is in the text, marked.
 */
#include <stdlib.h>
#include <string.h>

#include "ann.h"

void
ann_str_put(struct ann_str *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *p;

		while (cap < b->n + n + 1)
			cap *= 2;
		if ((p = realloc(b->s, cap)) == NULL) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

/* s[0..n) with each run of white space one space (leading space of b's end kept single). */
void
ann_str_text(struct ann_str *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
		         s[i] == '\f' || s[i] == '\v';

		if (!sp)
			ann_str_put(b, s + i, 1);
		else if (b->n > 0 && b->s[b->n - 1] != ' ')
			ann_str_put(b, " ", 1);
	}
}

/* --- The query: terms of words, all of which must be in one text ---------- */

static int
ann_words_add(void *ctx, const textsearch_scratch *sc, size_t start, size_t end)
{
	struct ann_words *a = ctx;
	const char *f = a->exact ? sc->exact : sc->fold;
	size_t n = a->exact ? sc->exactlen : sc->foldlen;

	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		struct ann_word *w = realloc(a->w, cap * sizeof *w);
		size_t *s, *e;

		if (w)
			a->w = w;
		s = w ? realloc(a->start, cap * sizeof *s) : NULL;
		if (s)
			a->start = s;
		e = s ? realloc(a->end, cap * sizeof *e) : NULL;
		if (e == NULL)
			return DESK_NOMEM;
		a->end = e;
		a->cap = cap;
	}
	if ((a->w[a->n].s = malloc(n + 1)) == NULL)
		return DESK_NOMEM;
	memcpy(a->w[a->n].s, f, n);
	a->w[a->n].s[n] = '\0';
	a->w[a->n].n = n;
	a->start[a->n] = start;
	a->end[a->n] = end;
	a->n++;
	return 0;
}

static void
ann_words_clear(struct ann_words *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->w[i].s);
	a->n = 0;
}

void
ann_words_free(struct ann_words *a)
{
	ann_words_clear(a);
	free(a->w);
	free(a->start);
	free(a->end);
}

/* The words of s[0..n) into a (cleared first). */
int
ann_words_of(struct ann_words *a, textsearch_scratch *sc, const char *s, size_t n)
{
	ann_words_clear(a);
	return textsearch_words(sc, s, n, a->exact, ann_words_add, a);
}

void
ann_query_free(struct ann_query *q)
{
	for (size_t i = 0; i < q->nw; i++)
		free(q->w[i].s);
	free(q->w);
	free(q->t);
	if (q->fold)
		ann_words_free(q->fold);
	free(q->fold);
}

/* The term t[0..n) (a word or a phrase's inside) added to q; none when it has no word. */
static int
ann_query_term(struct ann_query *q, textsearch_scratch *sc, const char *t, size_t n, int prefix)
{
	struct ann_words a = {.exact = q->exact};
	int rc = ann_words_of(&a, sc, t, n);

	/* the folded words, kept for ann_maybe() (added to, not cleared) */
	if (rc == DESK_OK)
		rc = textsearch_words(sc, t, n, 0, ann_words_add, q->fold);

	if (rc == DESK_OK && a.n > 0 && desk_grow(&q->t, &q->capt, q->nt, sizeof *q->t) != DESK_OK)
		rc = DESK_NOMEM;
	if (rc == DESK_OK && a.n > 0) {
		q->t[q->nt++] = (struct ann_term){q->nw, a.n, prefix};
		for (size_t i = 0; i < a.n && rc == DESK_OK; i++) {
			if (desk_grow(&q->w, &q->capw, q->nw, sizeof *q->w) != DESK_OK) {
				rc = DESK_NOMEM;
				break;
			}
			q->w[q->nw++] = a.w[i];
			a.w[i].s = NULL;
		}
	}
	ann_words_free(&a);
	return rc;
}

static int
ann_bad(desk *d, int rule, const char *msg)
{
	return desk_error_field(d, DESK_INVALID, "query", rule, "%s", msg);
}

/*
 * q's terms: words, "phrases" ("" a quote inside), a star after either for a
 * prefix; AND is allowed (every term must be there anyway).
 */
int
ann_query_parse(struct ann_query *q, desk *d, const char *s)
{
	textsearch_scratch sc = {0};
	size_t i = 0, len = strlen(s);
	int rc = DESK_OK;

	if ((q->fold = calloc(1, sizeof *q->fold)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	while (i < len && rc == DESK_OK) {
		size_t b;

		if (strchr(" \t\n\r\f\v", s[i])) {
			i++;
			continue;
		}
		if (s[i] == '(' || s[i] == ')') {
			rc = ann_bad(d, DESK_RULE_PAREN,
			             "a search of spans or claims takes words and \"phrases\", not "
			             "parentheses");
			break;
		}
		if (s[i] == '"') {
			b = ++i;
			while (i < len && s[i] != '"')
				i++;
			if (i >= len) {
				rc = ann_bad(d, DESK_RULE_QUOTE, "the query's quote is not closed");
				break;
			}
			i++;
			rc = ann_query_term(q, &sc, s + b, i - 1 - b, i < len && s[i] == '*');
			i += i < len && s[i] == '*';
			continue;
		}
		b = i;
		while (i < len && !strchr(" \t\n\r\f\v\"()", s[i]))
			i++;
		if ((i - b == 2 && memcmp(s + b, "OR", 2) == 0) ||
		    (i - b == 3 && memcmp(s + b, "NOT", 3) == 0)) {
			rc = ann_bad(d, DESK_RULE_OPERATOR,
			             "a search of spans or claims takes words and \"phrases\" (all "
			             "must be there), not OR or NOT");
			break;
		}
		if (i - b == 3 && memcmp(s + b, "AND", 3) == 0)
			continue;
		rc = ann_query_term(q, &sc, s + b, i - b - (s[i - 1] == '*'), s[i - 1] == '*');
	}
	textsearch_scratch_free(&sc);
	if (rc == DESK_NOMEM)
		return desk_error(d, rc, "out of memory");
	if (rc == DESK_OK && q->nt == 0)
		return ann_bad(d, DESK_RULE_EMPTY, "the query has no word to look for");
	return rc;
}

/* Whether word w of the text is the query's word k (a prefix of it when pre). */
static int
ann_word_is(const struct ann_word *w, const struct ann_word *k, int pre)
{
	return pre ? w->n >= k->n && memcmp(w->s, k->s, k->n) == 0
	           : w->n == k->n && memcmp(w->s, k->s, k->n) == 0;
}

/*
 * Whether text may hold q: each of its words, folded, somewhere in the
 * folded text (a word is its own fold's substring, so never a miss).  Costs
 * a table lookup a byte where ann_words_of() costs a word's analysis.
 */
int
ann_maybe(const struct ann_query *q, const char *text, struct ann_str *buf)
{
	size_t len = strlen(text), n = 0;
	char *folded = NULL;
	int maybe = 1;

	if (q == NULL)
		return 1;
	buf->n = 0;
	ann_str_put(buf, "", 0);
	if (buf->oom || buf->cap < len + 1) {
		ann_str_put(buf, text, len); /* room for len bytes */
		if (buf->oom)
			return 1;
	}
	if (textfold_quick(buf->s, &n, text, len))
		buf->s[n] = '\0';
	else if (desk_fold(&folded, &n, text, len) != DESK_OK)
		return 1;
	for (size_t i = 0; i < q->fold->n && maybe; i++)
		maybe = strstr(folded ? folded : buf->s, q->fold->w[i].s) != NULL;
	free(folded);
	return maybe;
}

struct ann_range {
	size_t start, end;
};

static int
ann_range_cmp(const void *a, const void *b)
{
	const struct ann_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * Whether the text (its words in a) holds every term of q; then its marked
 * form (open/close around each match, white space squeezed) added to out.
 * q NULL: the whole text marked.
 */
int
ann_match(struct ann_str *out, const struct ann_query *q, const struct ann_words *a,
          const char *text, const char *open, const char *close)
{
	struct ann_range *r = NULL;
	size_t nr = 0, cap = 0, at = 0;

	if (q == NULL) {
		ann_str_put(out, open, strlen(open));
		ann_str_text(out, text, strlen(text));
		ann_str_put(out, close, strlen(close));
		return 1;
	}
	for (size_t t = 0; t < q->nt; t++) {
		const struct ann_term *term = &q->t[t];
		int seen = 0;

		for (size_t i = 0; i + term->n <= a->n; i++) {
			size_t k = 0;

			while (k < term->n && ann_word_is(&a->w[i + k], &q->w[term->first + k],
			                                  term->prefix && k + 1 == term->n))
				k++;
			if (k < term->n)
				continue;
			seen = 1;
			if (desk_grow(&r, &cap, nr, sizeof *r) != DESK_OK) {
				out->oom = 1;
				free(r);
				return 0;
			}
			r[nr++] = (struct ann_range){a->start[i], a->end[i + term->n - 1]};
		}
		if (!seen) {
			free(r);
			return 0;
		}
	}
	qsort(r, nr, sizeof *r, ann_range_cmp);
	for (size_t i = 0; i < nr; i++) {
		size_t end = r[i].end;

		if (r[i].start < at)
			continue;                           /* inside the last mark */
		while (i + 1 < nr && r[i + 1].start <= end) /* overlapping: one mark */
			end = r[++i].end > end ? r[i].end : end;
		ann_str_text(out, text + at, r[i].start - at);
		ann_str_put(out, open, strlen(open));
		ann_str_text(out, text + r[i].start, end - r[i].start);
		ann_str_put(out, close, strlen(close));
		at = end;
	}
	ann_str_text(out, text + at, strlen(text + at));
	free(r);
	return 1;
}
