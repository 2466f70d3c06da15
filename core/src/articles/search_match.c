/*
 * search_match.c - desk_search_ranges(): where a search query matches in a
 * text, for the interface to highlight what desk_search found.  The query's
 * terms and the text are cut into words by the search's own tokenizer
 * (textsearch_words, the text module), so a match here is a match there: the
 * folded forms compared in the accentless mode, the exact forms in the exact
 * one, a phrase as consecutive words, a prefix (t*) on the last word.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Words and their forms, one after the other in buf. */
struct match_words {
	struct match_word {
		size_t start, end; /* bytes of the text */
		size_t off, len;   /* the form, in buf */
	} * v;
	size_t n, cap;
	char *buf;
	size_t blen, bcap;
	int exact; /* keep the exact forms, else the folded ones */
};

/* A term of the query: words first..first+n of the query's words, the last a prefix. */
struct match_term {
	size_t first, n;
	int prefix;
};

static int
match_word_add(void *ctx, const textsearch_scratch *sc, size_t start, size_t end)
{
	struct match_words *w = ctx;
	const char *f = w->exact ? sc->exact : sc->fold;
	size_t len = w->exact ? sc->exactlen : sc->foldlen;
	struct match_word *x;

	if (desk_grow(&w->v, &w->cap, w->n, sizeof *w->v) != DESK_OK)
		return DESK_NOMEM;
	while (w->blen + len > w->bcap) /* the forms' bytes, doubling */
		if (desk_grow(&w->buf, &w->bcap, w->bcap, 1) != DESK_OK)
			return DESK_NOMEM;
	memcpy(w->buf + w->blen, f, len);
	x = &w->v[w->n++];
	x->start = start;
	x->end = end;
	x->off = w->blen;
	x->len = len;
	w->blen += len;
	return DESK_OK;
}

static void
match_words_free(struct match_words *w)
{
	free(w->v);
	free(w->buf);
}

struct match_query {
	struct match_words words;
	struct match_term *terms;
	size_t nterms, cap;
	textsearch_scratch sc;
};

/* The term t[0..n) (its words), unless skipped (after NOT). */
static int
match_term_add(struct match_query *q, const char *t, size_t n, int prefix)
{
	size_t first = q->words.n;
	int rc;

	if ((rc = textsearch_words(&q->sc, t, n, q->words.exact, match_word_add, &q->words)) !=
	    DESK_OK)
		return rc;
	if (q->words.n == first)
		return DESK_OK; /* punctuation only: nothing to look for */
	if (desk_grow(&q->terms, &q->cap, q->nterms, sizeof *q->terms) != DESK_OK)
		return DESK_NOMEM;
	q->terms[q->nterms++] = (struct match_term){first, q->words.n - first, prefix};
	return DESK_OK;
}

static int
match_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * The query's terms, read as search.c reads them (leniently: a malformed
 * query gives what it can).  NOT's operand, a term or a parenthesised group,
 * is left out: it is what the article does not hold.
 */
static int
match_query_read(struct match_query *q, const char *s)
{
	size_t i = 0, len = strlen(s);
	int depth = 0, skip_at = 0, not_next = 0, rc = DESK_OK;
	char *tmp = malloc(len + 1);

	if (tmp == NULL)
		return DESK_NOMEM;
	while (i < len && rc == DESK_OK) {
		size_t st, n = 0;
		int skip = skip_at > 0 || not_next;

		if (match_is_space(s[i])) {
			i++;
		} else if (s[i] == '(') {
			depth++;
			if (not_next && skip_at == 0)
				skip_at = depth;
			not_next = 0;
			i++;
		} else if (s[i] == ')') {
			if (skip_at == depth)
				skip_at = 0;
			depth -= depth > 0;
			i++;
		} else if (s[i] == '"') {
			for (i++; i < len; i++) {
				if (s[i] == '"' && (i + 1 >= len || s[i + 1] != '"'))
					break;
				tmp[n++] = s[i];
				i += s[i] == '"'; /* "" is a quote */
			}
			i++;
			st = i < len && s[i] == '*';
			i += st;
			not_next = 0;
			if (!skip)
				rc = match_term_add(q, tmp, n, (int)st);
		} else {
			for (st = i; i < len && !match_is_space(s[i]) && s[i] != '"' &&
			             s[i] != '(' && s[i] != ')';
			     i++)
				;
			n = i - st;
			if ((n == 3 && memcmp(s + st, "NOT", 3) == 0)) {
				not_next = 1;
				continue;
			}
			if ((n == 3 && memcmp(s + st, "AND", 3) == 0) ||
			    (n == 2 && memcmp(s + st, "OR", 2) == 0))
				continue;
			not_next = 0;
			if (!skip)
				rc = match_term_add(q, s + st, n - (s[i - 1] == '*'),
				                    s[i - 1] == '*');
		}
	}
	free(tmp);
	return rc;
}

/* How many text words from i on term t matches (0: none). */
static size_t
match_at(const struct match_words *tw, size_t i, const struct match_words *qw,
         const struct match_term *t)
{
	if (i + t->n > tw->n)
		return 0;
	for (size_t k = 0; k < t->n; k++) {
		const struct match_word *a = &tw->v[i + k], *b = &qw->v[t->first + k];
		int last_prefix = t->prefix && k + 1 == t->n;

		if (last_prefix ? a->len < b->len : a->len != b->len)
			return 0;
		if (memcmp(tw->buf + a->off, qw->buf + b->off, b->len) != 0)
			return 0;
	}
	return t->n;
}

int
desk_search_ranges(desk_search_range **out, size_t *n, const char *text, size_t len,
                   const char *query, int exact)
{
	struct match_query q = {.words = {.exact = exact}};
	struct match_words tw = {.exact = exact};
	desk_search_range *r = NULL;
	size_t nr = 0, cap = 0, bad, at = 0;
	int64_t cp = 0;
	int rc;

	if (out == NULL || n == NULL)
		return DESK_MISUSE;
	*out = NULL;
	*n = 0;
	if (text == NULL || query == NULL)
		return DESK_MISUSE;
	if (desk_utf8_check(query, strlen(query), &bad) != DESK_OK ||
	    desk_utf8_check(text, len, &bad) != DESK_OK)
		return DESK_INVALID;
	if ((rc = match_query_read(&q, query)) != DESK_OK || q.nterms == 0)
		goto done;
	if ((rc = textsearch_words(&q.sc, text, len, exact, match_word_add, &tw)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < tw.n;) {
		size_t best = 0;

		for (size_t t = 0; t < q.nterms; t++) {
			size_t m = match_at(&tw, i, &q.words, &q.terms[t]);

			best = m > best ? m : best;
		}
		if (best == 0) {
			i++;
			continue;
		}
		if (desk_grow(&r, &cap, nr, sizeof *r) != DESK_OK) {
			rc = DESK_NOMEM;
			goto done;
		}
		/* Bytes now, code points below. */
		r[nr].start = (int64_t)tw.v[i].start;
		r[nr++].end = (int64_t)tw.v[i + best - 1].end;
		i += best;
	}
	/* Ranges are in order: one walk turns their bytes into code points. */
	for (size_t k = 0; k < nr * 2; k++) {
		int64_t *b = k % 2 ? &r[k / 2].end : &r[k / 2].start;

		for (; at < (size_t)*b; at++)
			cp += ((unsigned char)text[at] & 0xC0) != 0x80;
		*b = cp;
	}
	*out = r;
	*n = nr;
	r = NULL;
done:
	free(r);
	free(q.terms);
	match_words_free(&q.words);
	match_words_free(&tw);
	textsearch_scratch_free(&q.sc);
	return rc;
}
