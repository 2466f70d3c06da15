/*
 * export/export_cut.c - boilerplate out of the text an export writes: the
 * marked ranges cut (each with its line end, so no blank line is left), and
 * every mark, span, claim and token moved to the text that is left, or left
 * out with it.  Also the split of a release: which third an article is in.
 */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "export_cut.h"

/*
 * The split (1 train, 2 dev, 3 test) of an article by the hash of its text
 * mixed with the seed (splitmix64's finaliser): the same text always lands
 * in the same split, whatever else the corpus holds.
 */
int
export_split(const char *hash, uint64_t seed, const unsigned pct[3])
{
	uint64_t x = strtoull(hash ? hash : "0", NULL, 16) ^ (seed * 0x9E3779B97F4A7C15ULL);
	unsigned total = pct[0] + pct[1] + pct[2], r;

	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	x ^= x >> 31;
	if (total == 0)
		return 1;
	r = (unsigned)(x % total);
	if (r < pct[0])
		return 1;
	return r < pct[0] + pct[1] ? 2 : 3;
}

/* Code points of the cuts before offset off; *inside set when off falls strictly inside one. */
static int64_t
export_shift(const export_cuts *c, int64_t off, int *inside)
{
	int64_t removed = 0;

	for (size_t i = 0; i < c->n && c->v[i].start < off; i++) {
		if (off < c->v[i].end) {
			*inside = 1;
			return removed + (off - c->v[i].start);
		}
		removed += c->v[i].end - c->v[i].start;
	}
	return removed;
}

/*
 * Move [*start, *end) to the text written: 0 when it survives whole, 1 when
 * it lies inside what was cut (left out, as the boilerplate it is part of),
 * -1 when it straddles a cut (left out, with a warning).
 */
static int
export_move(const export_cuts *c, int64_t *start, int64_t *end)
{
	int in_s = 0, in_e = 0;
	int64_t s = *start - export_shift(c, *start, &in_s);
	int64_t e = *end - export_shift(c, *end, &in_e);

	if (s == e)
		return 1;
	/* Whole text of the range kept: nothing cut from between its ends. */
	if (in_s || in_e || e - s != *end - *start)
		return -1;
	*start = s;
	*end = e;
	return 0;
}

/* Warn of something left out of one document. */
static void
export_cut_warn(const desk_export_opts *o, const format_article *a, int64_t start, int64_t end,
                const char *msg)
{
	desk_export_warning w = {a->id, start, end, msg};

	if (o->warn != NULL)
		o->warn(o->ctx, &w);
}

/*
 * The boilerplate of a as cuts: each marked range with the line end after
 * it (a marked line goes whole, not leaving a blank line behind), and the
 * white space the text is left to end with.
 */
static int
export_cuts_of(export_cuts *c, const format_article *a)
{
	const uint8_t *s = (const uint8_t *)a->in.body, *p = s, *end = s + a->in.body_len;
	int64_t cp = 0, keep_end = 0;
	size_t bkeep_end = 0;
	export_cut *eat = NULL; /* the cut that takes the blank lines after it */

	c->n = 0;
	for (size_t i = 0; i < a->nmarks; i++) {
		const desk_mark *m = &a->marks[i];

		if (m->kind != DESK_MARK_BOILERPLATE)
			continue;
		if (desk_grow(&c->v, &c->cap, c->n, sizeof *c->v) != DESK_OK)
			return DESK_NOMEM;
		c->v[c->n].start = m->start;
		c->v[c->n].end = m->end;
		c->n++;
	}
	/* Marks come by start; merge those that overlap or touch. */
	for (size_t i = 1, j = 0; i <= c->n; i++) {
		if (i == c->n) {
			c->n = c->n ? j + 1 : 0;
			break;
		}
		if (c->v[i].start <= c->v[j].end) {
			if (c->v[i].end > c->v[j].end)
				c->v[j].end = c->v[i].end;
		} else
			c->v[++j] = c->v[i];
	}
	if (c->n == 0)
		return DESK_OK;
	/* Bytes of each cut, its line end taken along, and where the kept text ends. */
	for (size_t is = 0, ie = 0;; cp++) {
		ucs4_t uc = 0;
		int n = p < end ? u8_mbtouc(&uc, p, (size_t)(end - p)) : 0;

		for (; is < c->n && c->v[is].start == cp; is++)
			c->v[is].bstart = (size_t)(p - s);
		if (eat != NULL && p < end && uc == '\n' && eat->end == cp) {
			eat->end++; /* a blank line after a paragraph of its own */
			eat->bend++;
		} else
			eat = NULL;
		for (; ie < c->n && c->v[ie].end == cp; ie++) {
			export_cut *v = &c->v[ie];

			v->bend = (size_t)(p - s);
			if (p < end && uc == '\n') {
				v->end++;
				v->bend++;
				/* A paragraph of its own (a blank line or the start before it): its
				 * blank lines go too. */
				if (v->bstart == 0 || (v->bstart >= 2 && s[v->bstart - 1] == '\n' &&
				                       s[v->bstart - 2] == '\n'))
					eat = v;
			}
		}
		if (p >= end)
			break;
		if (!(ie < c->n && c->v[ie].start <= cp) && uc != ' ' && uc != '\t' && uc != '\n') {
			keep_end = cp + 1;
			bkeep_end = (size_t)(p - s) + (size_t)n;
		}
		p += n;
	}
	/* Nothing but white space after the last kept character: it goes too. */
	while (c->n > 0 && c->v[c->n - 1].start >= keep_end)
		c->n--;
	if (keep_end < a->chars) {
		if (desk_grow(&c->v, &c->cap, c->n, sizeof *c->v) != DESK_OK)
			return DESK_NOMEM;
		c->v[c->n++] = (export_cut){keep_end, a->chars, bkeep_end, a->in.body_len};
	}
	return DESK_OK;
}

/*
 * Cut a's boilerplate out of its text, moving its marks, spans, claims and
 * tokens to the text that is left; annotations on boilerplate go with it.
 */
int
export_cut_boilerplate(export_cuts *c, format_article *a, const desk_export_opts *o)
{
	char *body;
	size_t blen = 0, from = 0, n;
	int64_t removed = 0;
	int rc;

	if ((rc = export_cuts_of(c, a)) != DESK_OK || c->n == 0)
		return rc;
	if ((body = malloc(a->in.body_len + 1)) == NULL)
		return DESK_NOMEM;
	for (size_t i = 0; i < c->n; i++) {
		memcpy(body + blen, a->mem + from, c->v[i].bstart - from);
		blen += c->v[i].bstart - from;
		from = c->v[i].bend;
		removed += c->v[i].end - c->v[i].start;
	}
	memcpy(body + blen, a->mem + from, a->in.body_len - from);
	blen += a->in.body_len - from;
	body[blen] = '\0';

	n = 0;
	for (size_t i = 0; i < a->nmarks; i++) {
		desk_mark m = a->marks[i];

		if (m.kind != DESK_MARK_BOILERPLATE && export_move(c, &m.start, &m.end) == 0)
			a->marks[n++] = m;
	}
	a->nmarks = a->in.nmarks = n;
	n = 0;
	for (size_t i = 0; i < a->nspans; i++) {
		format_span v = a->spans[i];
		int r = export_move(c, &v.start, &v.end);

		if (r < 0)
			export_cut_warn(o, a, v.start, v.end,
			                "span left out: it runs into boilerplate "
			                "(--with-boilerplate keeps it)");
		if (r == 0)
			a->spans[n++] = v;
	}
	a->nspans = n;
	n = 0;
	for (size_t i = 0; i < a->nclaims; i++) {
		format_claim v = a->claims[i];
		int r = export_move(c, &v.start, &v.end);

		if (r < 0)
			export_cut_warn(o, a, v.start, v.end,
			                "claim left out: it runs into boilerplate "
			                "(--with-boilerplate keeps it)");
		if (r == 0)
			a->claims[n++] = v;
	}
	a->nclaims = n;
	n = 0;
	for (size_t i = 0; i < a->ntokens; i++) {
		format_token v = a->tokens[i];

		if (export_move(c, &v.start, &v.end) == 0)
			a->tokens[n++] = v;
	}
	a->ntokens = n;
	free(a->mem);
	a->mem = body;
	a->in.body = body;
	a->in.body_len = blen;
	a->chars -= removed;
	return DESK_OK;
}
