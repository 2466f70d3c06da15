/*
 * formats/brat_read.c - a brat document (NAME.txt and NAME.ann) read back
 * into an article with its spans, entities and claims; brat.c writes it.
 * brat_offsets.c reads the T lines against the text and maps their offsets;
 * this file reads the other lines (normalisations, attributes, notes;
 * relations, events and equivalences counted as not kept) and makes the
 * annotations.  What copydesk does not model (relations, events,
 * equivalences, other attributes, notes on spans, discontinuous spans) is
 * told as notes, with the .ann's line.  Offsets count code points of the
 * .txt as brat reads it (universal newlines: a CR LF is one character);
 * they are mapped through the importer's normalisation (BOM dropped, LF
 * line ends, NFC).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "brat_doc.h"
#include "internal.h"

/* The entities of the N lines, by their DB:ID. */
typedef struct brat_ents {
	format_entity *v;
	char **key;
	size_t n, cap, capkey;
	size_t *slot, nslot; /* an open-addressing table of key: index + 1, 0 empty */
} brat_ents;

static size_t
brat_ents_at(const brat_ents *en, const char *key)
{
	size_t i = (size_t)hash_key(key, strlen(key)) & (en->nslot - 1);

	while (en->slot[i] && strcmp(en->key[en->slot[i] - 1], key) != 0)
		i = (i + 1) & (en->nslot - 1);
	return i;
}

/* The entity index of key, or en->n; room for one more when it is new. */
static int
brat_ents_find(brat_ents *en, const char *key, size_t *out)
{
	if (2 * (en->n + 1) > en->nslot) {
		size_t n = en->nslot ? 2 * en->nslot : 64, *old = en->slot, oldn = en->nslot;

		if ((en->slot = calloc(n, sizeof *en->slot)) == NULL) {
			en->slot = old;
			return DESK_NOMEM;
		}
		en->nslot = n;
		for (size_t i = 0; i < oldn; i++)
			if (old[i])
				en->slot[brat_ents_at(en, en->key[old[i] - 1])] = old[i];
		free(old);
	}
	*out = en->slot[brat_ents_at(en, key)];
	*out = *out ? *out - 1 : en->n;
	return DESK_OK;
}

/* An N line: "Reference T1 DB:ID" and the name; the span gets the entity. */
static int
brat_norm(brat_doc *d, brat_ents *en, const brat_line *l, format_error *err)
{
	char type[64], target[32], ref[512];
	brat_t *t;
	size_t i;

	if (sscanf(l->data, "%63s %31s %511s", type, target, ref) != 3 ||
	    strchr(ref, ':') == NULL || strchr(ref, ':') == ref)
		return format_fail(err, DESK_INVALID, l->line, 1,
		                   "%s: a normalisation must be \"TYPE TARGET DB:ID\"", l->id);
	if (target[0] != 'T' || (t = fmt_brat_find(d, target)) == NULL || t->claim) {
		if (target[0] == 'T' && (t = fmt_brat_find(d, target)) == NULL)
			return format_fail(err, DESK_INVALID, l->line, 1, "%s: %s is not defined",
			                   l->id, target);
		fmt_brat_other(d, 3, l->line);
		return DESK_OK;
	}
	if (brat_ents_find(en, ref, &i) != DESK_OK)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	if (i == en->n) {
		format_entity *e;
		char *name = format_pool_strdup(d->pool, l->tail ? l->tail : "",
		                                l->tail ? strlen(l->tail) : 0);

		if (desk_grow(&en->v, &en->cap, en->n, sizeof *en->v) != DESK_OK ||
		    desk_grow(&en->key, &en->capkey, en->n, sizeof *en->key) != DESK_OK || !name ||
		    (en->key[en->n] = format_pool_strdup(d->pool, ref, strlen(ref))) == NULL)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		fmt_brat_unescape(name);
		e = &en->v[en->n];
		memset(e, 0, sizeof *e);
		e->id = (int64_t)en->n + 1;
		e->name = name;
		if (strncmp(ref, "copydesk:", 9) == 0)
			e->external_id = "";
		else if (strncmp(ref, "Wikidata:", 9) == 0)
			e->external_id = en->key[en->n] + 9;
		else
			e->external_id = en->key[en->n];
		en->slot[brat_ents_at(en, ref)] = ++en->n;
	}
	t->entity = (int)i + 1;
	return DESK_OK;
}

/* An A line: a claim's Verdict or Status, else not kept. */
static int
brat_attr(brat_doc *d, format_claim *claims, const brat_line *l, format_error *err)
{
	char name[64], target[32], value[128] = "";
	int k = sscanf(l->data, "%63s %31s %127s", name, target, value);
	brat_t *t;

	if (k < 2)
		return format_fail(err, DESK_INVALID, l->line, 1,
		                   "%s: an attribute must be \"NAME TARGET [VALUE]\"", l->id);
	t = target[0] == 'T' ? fmt_brat_find(d, target) : NULL;
	if (target[0] == 'T' && t == NULL)
		return format_fail(err, DESK_INVALID, l->line, 1, "%s: %s is not defined", l->id,
		                   target);
	if (t && t->claim && k == 3 &&
	    (strcmp(name, "Verdict") == 0 || strcmp(name, "Status") == 0)) {
		char *v = format_pool_strdup(d->pool, value, strlen(value));

		if (v == NULL)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		if (name[0] == 'V')
			claims[t->claim - 1].verdict = v;
		else
			claims[t->claim - 1].status = v;
		return DESK_OK;
	}
	fmt_brat_other(d, 3, l->line);
	return DESK_OK;
}

/* "Evidence: SOURCE | QUOTE | CONSULTED" (fields escaped, \| inside them). */
static int
brat_evidence(format_pool *pool, format_claim *c, char *s)
{
	format_evidence *e, *v;
	char *f[3] = {s, NULL, NULL}, *w = s;
	int k = 0;

	for (char *r = s; *r; r++) {
		if (*r == '\\' && r[1] != '\0') {
			*w++ = *r++;
			*w++ = *r;
		} else if (*r == '|' && k < 2 && w > s && w[-1] == ' ' && r[1] == ' ') {
			w[-1] = '\0';
			w = r + 2;
			f[++k] = w;
			r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	if ((v = format_pool_alloc(pool, (c->nevidence + 1) * sizeof *v)) == NULL)
		return DESK_NOMEM;
	if (c->nevidence)
		memcpy(v, c->evidence, c->nevidence * sizeof *v);
	e = &v[c->nevidence];
	for (int i = 0; i < 3; i++)
		if (f[i])
			fmt_brat_unescape(f[i]);
	e->source = f[0];
	e->quote = f[1] ? f[1] : "";
	e->consulted = f[2] && *f[2] ? f[2] : NULL;
	c->evidence = v;
	c->nevidence++;
	return DESK_OK;
}

/* A # line: a claim's note or evidence, else not kept. */
static int
brat_comment(brat_doc *d, format_claim *claims, const brat_line *l, format_error *err)
{
	char type[64], target[32];
	brat_t *t;
	format_claim *c;
	char *text;

	if (sscanf(l->data, "%63s %31s", type, target) != 2)
		return format_fail(err, DESK_INVALID, l->line, 1,
		                   "%s: a note must be \"AnnotatorNotes TARGET\"", l->id);
	t = target[0] == 'T' ? fmt_brat_find(d, target) : NULL;
	if (t == NULL || !t->claim || strcmp(type, "AnnotatorNotes") != 0) {
		fmt_brat_other(d, 3, l->line);
		return DESK_OK;
	}
	c = &claims[t->claim - 1];
	text = format_pool_strdup(d->pool, l->tail ? l->tail : "", l->tail ? strlen(l->tail) : 0);
	if (text == NULL)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	if (strncmp(text, "Evidence: ", 10) == 0)
		return brat_evidence(d->pool, c, text + 10) == DESK_OK
		           ? DESK_OK
		           : format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	fmt_brat_unescape(text);
	if (c->note != NULL) { /* several notes: one, a line each */
		size_t a = strlen(c->note), b = strlen(text);
		char *j = format_pool_alloc(d->pool, a + b + 2);

		if (j == NULL)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		memcpy(j, c->note, a);
		j[a] = '\n';
		memcpy(j + a + 1, text, b + 1);
		text = j;
	}
	c->note = text;
	return DESK_OK;
}

/* Whether the view between code points a and b holds only line breaks. */
static int
brat_gap_breaks(const brat_doc *d, int64_t a, int64_t b)
{
	for (int64_t i = a; i < b; i++) {
		ucs4_t c;

		u8_mbtouc(&c, (const uint8_t *)d->view + d->vat[i], d->vat[i + 1] - d->vat[i]);
		if (!fmt_brat_is_break(c))
			return 0;
	}
	return 1;
}

static int
brat_frag_cmp(const void *a, const void *b)
{
	const int64_t *x = a, *y = b; /* fragments by start: they never overlap */

	return x[0] < y[0] ? -1 : x[0] > y[0];
}

static int
brat_span_cmp(const void *a, const void *b)
{
	const format_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return strcmp(x->label, y->label);
}

/* body[start:end] (code points, through the body's map) in the pool. */
static const char *
brat_text(format_pool *pool, const char *body, const size_t *bat, int64_t s, int64_t e)
{
	return format_pool_strdup(pool, body + bat[s], bat[e] - bat[s]);
}

/* Whether t covers no characters (brat allows "T1<TAB>X 5 5<TAB>"). */
static int
brat_t_empty(const brat_t *t)
{
	for (size_t k = 0; k < t->nfrag; k++)
		if (t->frag[k][0] < t->frag[k][1])
			return 0;
	return 1;
}

/* The spans and claims of the T lines (fragments sorted, edges mapped). */
static int
brat_build(brat_doc *d, format_article *a, const brat_ents *en, const format_notes *notes,
           format_error *err)
{
	format_span *spans = NULL;
	size_t *bat = NULL, cap = 0, nspans = 0;
	int64_t bn;
	int rc = DESK_OK;

	if (fmt_brat_map(&bat, NULL, &bn, a->in.body, a->in.body_len) != DESK_OK)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	for (size_t i = 0; i < d->nt; i++) {
		brat_t *t = &d->t[i];
		size_t k0 = 0;

		if (brat_t_empty(t)) {
			format_note(notes, t->line,
			            "%s: an annotation of no characters is not kept", t->id);
			continue;
		}
		if (t->nfrag > 1)
			qsort(t->frag, t->nfrag, sizeof *t->frag, brat_frag_cmp);
		for (size_t k = 1; k < t->nfrag && t->claim; k++)
			if (!brat_gap_breaks(d, t->frag[k - 1][1], t->frag[k][0])) {
				format_note(
				    notes, t->line,
				    "%s: a discontinuous claim is imported whole, from its first "
				    "fragment's start to its last one's end",
				    t->id);
				break;
			}
		if (t->claim) {
			format_claim *c = &a->claims[t->claim - 1];

			c->start = fmt_brat_mapped(d, t->frag[0][0]);
			c->end = fmt_brat_mapped(d, t->frag[t->nfrag - 1][1]);
			c->text = brat_text(&a->pool, a->in.body, bat, c->start, c->end);
			c->line = t->line;
			if (c->text == NULL)
				goto nomem;
			continue;
		}
		/* Fragments split at line breaks only are one span, as brat writes one. */
		for (size_t k = 1; k <= t->nfrag; k++) {
			format_span *s;

			if (k < t->nfrag && brat_gap_breaks(d, t->frag[k - 1][1], t->frag[k][0]))
				continue;
			if (t->frag[k0][0] == t->frag[k - 1][1]) { /* an empty fragment alone */
				k0 = k;
				continue;
			}
			if (k0 == 0 && k < t->nfrag)
				format_note(
				    notes, t->line,
				    "%s: a discontinuous span is imported as its fragments, "
				    "separate spans of the same label",
				    t->id);
			if (desk_grow(&spans, &cap, nspans, sizeof *spans) != DESK_OK)
				goto nomem;
			s = &spans[nspans++];
			memset(s, 0, sizeof *s);
			s->start = fmt_brat_mapped(d, t->frag[k0][0]);
			s->end = fmt_brat_mapped(d, t->frag[k - 1][1]);
			s->label = format_pool_strdup(&a->pool, t->type, strlen(t->type));
			s->text = brat_text(&a->pool, a->in.body, bat, s->start, s->end);
			s->entity = t->entity ? en->v[t->entity - 1].id : 0;
			s->line = t->line;
			if (s->label == NULL || s->text == NULL)
				goto nomem;
			if (t->entity && a->entities[t->entity - 1].name[0] == '\0')
				a->entities[t->entity - 1].name = s->text; /* no name: its text */
			k0 = k;
		}
	}
	if (nspans > 0) {
		if ((a->spans = format_pool_alloc(&a->pool, nspans * sizeof *spans)) == NULL)
			goto nomem;
		memcpy(a->spans, spans, nspans * sizeof *spans);
		a->nspans = nspans;
	}
	if (a->nspans > 1)
		qsort(a->spans, a->nspans, sizeof *a->spans, brat_span_cmp);
	for (size_t i = 1, w = 1; i <= a->nspans; i++) {
		if (i == a->nspans) {
			a->nspans = w;
			break;
		}
		if (brat_span_cmp(&a->spans[i], &a->spans[w - 1]) == 0) {
			format_note(
			    notes, a->spans[i].line,
			    "a span with the same label and offsets as line %lld's is kept once",
			    (long long)a->spans[w - 1].line);
			continue;
		}
		a->spans[w++] = a->spans[i];
	}
	goto done;
nomem:
	rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
done:
	free(spans);
	free(bat);
	return rc;
}

static int
brat_claim_cmp(const void *a, const void *b)
{
	const format_claim *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Pass 2: the lines other than T, then the article's annotations. */
static int
brat_pass2(brat_doc *d, format_article *a, brat_line *lines, size_t nlines,
           const format_notes *notes, format_error *err)
{
	static const char *const what[] = {"relations (R lines)", "events (E lines)",
	                                   "equivalences (* lines)",
	                                   "attributes, normalisations and notes"};
	brat_ents en = {0};
	size_t nclaims = 0;
	int rc = DESK_OK;

	for (size_t i = 0; i < d->nt; i++)
		if (strcmp(d->t[i].type, "Claim") == 0 && !brat_t_empty(&d->t[i]))
			d->t[i].claim = (int)++nclaims;
	if (nclaims &&
	    (a->claims = format_pool_alloc(&a->pool, nclaims * sizeof *a->claims)) == NULL)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	a->nclaims = nclaims;
	for (size_t i = 0; rc == DESK_OK && i < nlines; i++) {
		const brat_line *l = &lines[i];

		switch (l->id[0]) {
		case 'T':
			break;
		case 'A':
		case 'M':
			rc = brat_attr(d, a->claims, l, err);
			break;
		case 'N':
			rc = brat_norm(d, &en, l, err);
			break;
		case '#':
			rc = brat_comment(d, a->claims, l, err);
			break;
		case 'R':
			fmt_brat_other(d, 0, l->line);
			break;
		case 'E':
			fmt_brat_other(d, 1, l->line);
			break;
		case '*':
			fmt_brat_other(d, 2, l->line);
			break;
		default:
			rc = format_fail(err, DESK_INVALID, l->line, 1,
			                 "%s: not a brat annotation (T, R, E, *, A, M, N or #)",
			                 l->id);
		}
	}
	if (rc == DESK_OK && en.n > 0) {
		if ((a->entities = format_pool_alloc(&a->pool, en.n * sizeof *en.v)) == NULL)
			rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		else {
			memcpy(a->entities, en.v, en.n * sizeof *en.v);
			a->nentities = en.n;
		}
	}
	if (rc == DESK_OK)
		rc = brat_build(d, a, &en, notes, err);
	if (rc == DESK_OK && a->nclaims > 1)
		qsort(a->claims, a->nclaims, sizeof *a->claims, brat_claim_cmp);
	for (int k = 0; rc == DESK_OK && k < 4; k++)
		if (d->nother[k])
			format_note(
			    notes, d->first_other[k],
			    "%zu %s not kept (copydesk does not model them); the first is on "
			    "this line",
			    d->nother[k], what[k]);
	free(en.v);
	free(en.key);
	free(en.slot);
	return rc;
}

/* The .txt with CR LF and CR as LF, as brat reads it (Python's universal newlines). */
static char *
brat_view_lf(const char *s, size_t len)
{
	char *v = malloc(len + 1), *w = v;

	if (v == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r') {
			*w++ = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else {
			*w++ = s[i];
		}
	}
	*w = '\0';
	return v;
}

int
fmt_brat_read_pair(format_article **out, size_t *n, const char *name, const char *txt,
                   size_t txtlen, const char *ann, size_t annlen, const format_notes *notes,
                   format_error *err, int *in_ann)
{
	format_article *a = NULL;
	brat_doc d = {0};
	brat_line *lines = NULL;
	size_t nlines = 0, bad = 0;
	char *body = NULL, *view = NULL, *raw = NULL;
	size_t blen = 0;
	int rc;

	*out = NULL;
	*n = 0;
	*in_ann = 0;
	if ((rc = format_normalize(&body, &blen, txt, txtlen, 1, err)) != DESK_OK)
		goto done;
	if (blen > FORMAT_MAX_BODY) {
		rc =
		    format_fail(err, DESK_INVALID, 1, 1,
		                "article too long (%zu bytes; at most %zu)", blen, FORMAT_MAX_BODY);
		goto done;
	}
	if ((a = calloc(1, sizeof *a)) == NULL) {
		rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	a->mem = body;
	body = NULL;
	a->in.body = a->mem;
	a->in.body_len = blen;
	a->in.lang = lang_detect(a->mem, blen);
	a->line = 1;
	if (name && *name && (a->title = desk_strdup(name)) == NULL) {
		rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	a->in.title = a->title;
	if (ann == NULL)
		goto ok;
	*in_ann = 1;
	if (annlen >= 3 && memcmp(ann, "\xEF\xBB\xBF", 3) == 0) {
		ann += 3;
		annlen -= 3;
	}
	if (desk_utf8_check(ann, annlen, &bad) != DESK_OK || memchr(ann, '\0', annlen) != NULL) {
		int64_t line, col;

		if (memchr(ann, '\0', annlen) != NULL &&
		    (const char *)memchr(ann, '\0', annlen) - ann < (ptrdiff_t)bad)
			bad = (size_t)((const char *)memchr(ann, '\0', annlen) - ann);
		desk_utf8_line_col(ann, bad, &line, &col);
		rc = format_fail(err, DESK_INVALID, line, col, "invalid UTF-8 or a NUL byte");
		goto done;
	}
	d.file = name;
	d.pool = &a->pool;
	if ((view = brat_view_lf(txt, txtlen)) == NULL) {
		rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	d.view = view;
	rc = fmt_brat_read_view(&d, ann, annlen, a->mem, blen, &lines, &nlines, err);
	if (rc == DESK_INVALID && memchr(txt, '\r', txtlen) != NULL) {
		/* Offsets that count a CR LF as two characters, as some tools write them. */
		format_error first = *err;

		free(lines);
		lines = NULL;
		fmt_brat_doc_reset(&d);
		if ((raw = malloc(txtlen + 1)) == NULL) {
			rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		memcpy(raw, txt, txtlen);
		raw[txtlen] = '\0';
		d.view = raw;
		if ((rc = fmt_brat_read_view(&d, ann, annlen, a->mem, blen, &lines, &nlines,
		                             err)) == DESK_OK)
			format_note(notes, 0,
			            "offsets count a CR LF line end as two characters (brat counts "
			            "one); read as they are");
		else
			*err = first;
	}
	if (rc != DESK_OK || (rc = brat_pass2(&d, a, lines, nlines, notes, err)) != DESK_OK)
		goto done;
ok:
	*out = a;
	*n = 1;
	a = NULL;
done:
	free(lines);
	fmt_brat_doc_reset(&d);
	free(view);
	free(raw);
	free(body);
	if (a)
		format_articles_free(a, 1);
	return rc;
}

/*
 * One buffer (desk_import_buffer, standard input): refused, since a brat
 * document is two files and a lone buffer could be either of them.
 */
int
fmt_brat_read(format_article **out, size_t *n, char *s, size_t len, const format_notes *notes,
              format_error *err)
{
	(void)len;
	(void)notes;
	free(s);
	*out = NULL;
	*n = 0;
	return format_fail(err, DESK_INVALID, 0, 0,
	                   "a brat document is a .txt and its .ann: import their path, not one "
	                   "buffer or standard input");
}
