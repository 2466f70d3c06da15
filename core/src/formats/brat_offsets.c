/*
 * formats/brat_offsets.c - the first half of the brat reader (brat_read.c):
 * the .ann cut into lines, its T lines read and checked against the text
 * (their text must be the text at their offsets, as brat checks it), and
 * every offset mapped from the .txt as brat counts it to the body.
 * What copydesk does not model (relations, events, equivalences, other
 * attributes, notes on spans, discontinuous spans) is told as notes, with
 * the .ann's line.  Offsets count code points of the .txt as brat reads it
 * (universal newlines: a CR LF is one character); they are mapped through
 * the importer's normalisation (BOM dropped, LF line ends, NFC).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "brat_doc.h"

static int
brat_id_cmp(const void *a, const void *b)
{
	const brat_t *x = *(brat_t *const *)a, *y = *(brat_t *const *)b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int
brat_id_key(const void *key, const void *b)
{
	return strcmp(key, (*(brat_t *const *)b)->id);
}

brat_t *
fmt_brat_find(brat_doc *d, const char *id)
{
	brat_t **t = d->byid ? bsearch(id, d->byid, d->nt, sizeof *d->byid, brat_id_key) : NULL;

	return t ? *t : NULL;
}

/* Index the T lines by id; refuse an id used twice (brat does), at its second line. */
static int
brat_index(brat_doc *d, format_error *err)
{
	if (d->nt == 0)
		return DESK_OK;
	if ((d->byid = malloc(d->nt * sizeof *d->byid)) == NULL)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	for (size_t i = 0; i < d->nt; i++)
		d->byid[i] = &d->t[i];
	if (d->nt > 1)
		qsort(d->byid, d->nt, sizeof *d->byid, brat_id_cmp);
	for (size_t i = 1; i < d->nt; i++)
		if (strcmp(d->byid[i - 1]->id, d->byid[i]->id) == 0)
			return format_fail(err, DESK_INVALID, d->byid[i]->line, 1,
			                   "%s: the id is used twice", d->byid[i]->id);
	return DESK_OK;
}

/* The view's text of [s, e) (code points), compared to the text field p[0..n). */
static int
brat_frag_text(const brat_doc *d, const brat_t *t, const char *p, size_t n, size_t *used)
{
	size_t at = 0;

	for (size_t k = 0; k < t->nfrag; k++) {
		size_t b = d->vat[t->frag[k][0]], e = d->vat[t->frag[k][1]];

		if (k > 0) {
			if (at >= n || p[at] != ' ')
				return 0;
			at++;
		}
		if (n - at < e - b || memcmp(p + at, d->view + b, e - b) != 0)
			return 0;
		at += e - b;
	}
	*used = at;
	return 1;
}

/* A T line: "TYPE S E[;S E...]" and the text field (tail may be NULL). */
static int
brat_parse_t(brat_doc *d, brat_t *t, char *data, const char *tail, format_error *err)
{
	char *sp = strchr(data, ' '), *p;
	size_t cap = 0, used = 0;

	if (sp == NULL || sp == data)
		return format_fail(err, DESK_INVALID, t->line, 1,
		                   "%s: a text-bound line must be \"TYPE START END\"", t->id);
	*sp = '\0';
	t->type = data;
	for (p = sp + 1; *p;) {
		long long s, e;
		int k = 0;

		while (*p == ' ')
			p++;
		if (sscanf(p, "%lld %lld%n", &s, &e, &k) != 2 ||
		    (p[k] != '\0' && p[k] != ';' && p[k] != ' '))
			return format_fail(err, DESK_INVALID, t->line, 1,
			                   "%s: offsets must be \"START END\" pairs separated by ;",
			                   t->id);
		if (s < 0 || e < s || e > d->vn)
			return format_fail(
			    err, DESK_INVALID, t->line, 1,
			    "%s: offsets %lld %lld outside the text (%lld characters)", t->id, s, e,
			    (long long)d->vn);
		for (size_t j = 0; j < t->nfrag; j++)
			if (e >= t->frag[j][0] && s < t->frag[j][1])
				return format_fail(err, DESK_INVALID, t->line, 1,
				                   "%s: fragments %lld %lld overlap", t->id, s, e);
		if (desk_grow(&t->frag, &cap, t->nfrag, sizeof *t->frag) != DESK_OK)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		t->frag[t->nfrag][0] = s;
		t->frag[t->nfrag][1] = e;
		t->nfrag++;
		p += k;
		while (*p == ' ')
			p++;
		if (*p == ';')
			p++;
	}
	if (t->nfrag == 0)
		return format_fail(err, DESK_INVALID, t->line, 1, "%s: no offsets", t->id);
	if (tail == NULL || !brat_frag_text(d, t, tail, strlen(tail), &used) ||
	    (tail[used] != '\0' && strchr(" \t", tail[used]) == NULL))
		return format_fail(err, DESK_INVALID, t->line, 1,
		                   "%s: its text does not match the text at its offsets", t->id);
	return DESK_OK;
}
void
fmt_brat_other(brat_doc *d, int k, int64_t line)
{
	if (d->nother[k]++ == 0)
		d->first_other[k] = line;
}

/* brat's ids: "*", or letters (or "#" and letters) then a number, then anything. */
static int
brat_id_valid(const char *id)
{
	static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	size_t k = *id == '#' ? 1 : 0;

	if (strcmp(id, "*") == 0)
		return 1;
	k += strspn(id + k, letters);
	return (k > 0 || *id == '#') && id[k] >= '0' && id[k] <= '9';
}

/*
 * Pass 1: split the .ann into lines and read its T lines (checked against
 * the view); the others are kept in lines[] for pass 2.
 */
static int
brat_pass1(brat_doc *d, brat_line **out, size_t *nout, format_error *err)
{
	brat_line *v = NULL;
	size_t n = 0, cap = 0;
	int64_t ln = 0;
	int rc = DESK_OK;

	for (char *p = d->lines, *next; p && *p; p = next) {
		char *nl = strchr(p, '\n'), *tab;
		brat_line *l;

		next = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		ln++;
		if (nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		if (strspn(p, " \t\r") == strlen(p))
			continue;
		if ((tab = strchr(p, '\t')) == NULL) {
			rc = format_fail(err, DESK_INVALID, ln, 1,
			                 "an annotation line must start with an id and a TAB");
			goto done;
		}
		if (desk_grow(&v, &cap, n, sizeof *v) != DESK_OK) {
			rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		l = &v[n++];
		*tab = '\0';
		l->id = p;
		l->data = tab + 1;
		l->line = ln;
		if ((l->tail = strchr(l->data, '\t')) != NULL)
			*l->tail++ = '\0';
		if (strlen(l->id) >= sizeof d->t->id || !brat_id_valid(l->id)) {
			rc = format_fail(err, DESK_INVALID, ln, 1,
			                 "\"%.40s\" is not an annotation id", l->id);
			goto done;
		}
		if (l->id[0] != 'T')
			continue;
		if (desk_grow(&d->t, &d->capt, d->nt, sizeof *d->t) != DESK_OK) {
			rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		memset(&d->t[d->nt], 0, sizeof *d->t);
		snprintf(d->t[d->nt].id, sizeof d->t->id, "%s", l->id);
		d->t[d->nt].line = ln;
		if ((rc = brat_parse_t(d, &d->t[d->nt++], l->data, l->tail, err)) != DESK_OK)
			goto done;
	}
	rc = brat_index(d, err);
done:
	*out = v;
	*nout = n;
	return rc;
}

void
fmt_brat_doc_reset(brat_doc *d)
{
	for (size_t i = 0; i < d->nt; i++)
		free(d->t[i].frag);
	free(d->t);
	free(d->byid);
	free(d->vat);
	free(d->lines);
	free(d->cuts);
	free(d->mapped);
	d->t = NULL;
	d->byid = NULL;
	d->vat = NULL;
	d->lines = NULL;
	d->cuts = NULL;
	d->mapped = NULL;
	d->nt = d->capt = d->ncuts = 0;
	memset(d->nother, 0, sizeof d->nother);
}

static int
brat_cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Map every fragment edge from the view's code points to the body's: the
 * view between two edges, normalised alone (BOM dropped, CR LF and CR to
 * LF, NFC), must give the body between them, or an edge falls inside
 * something normalisation changes, and the file is refused.
 */
static int
brat_map_cuts(brat_doc *d, const char *body, size_t blen, format_error *err)
{
	size_t cap = 0, bat = 0;
	int64_t bcp = 0, prev = 0;

	for (size_t i = 0; i < d->nt; i++)
		for (size_t k = 0; k < d->t[i].nfrag; k++)
			for (int e = 0; e < 2; e++) {
				if (desk_grow(&d->cuts, &cap, d->ncuts, sizeof *d->cuts) != DESK_OK)
					return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
				d->cuts[d->ncuts++] = d->t[i].frag[k][e];
			}
	if (desk_grow(&d->cuts, &cap, d->ncuts, sizeof *d->cuts) != DESK_OK)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	d->cuts[d->ncuts++] = d->vn; /* the end: the whole text must come out the same */
	qsort(d->cuts, d->ncuts, sizeof *d->cuts, brat_cmp64);
	if ((d->mapped = malloc(d->ncuts * sizeof *d->mapped)) == NULL)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	for (size_t i = 0; i < d->ncuts; i++) {
		size_t b = d->vat[prev], e = d->vat[d->cuts[i]], nlen = 0;
		char *n = NULL;

		if (b == 0 && e - b >= 3 && memcmp(d->view, "\xEF\xBB\xBF", 3) == 0)
			b += 3;
		if (e > b && format_normalize_field(&n, &nlen, d->view + b, e - b, 0) != DESK_OK)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		if (blen - bat < nlen || (nlen > 0 && memcmp(body + bat, n, nlen) != 0)) {
			free(n);
			for (size_t k = 0; k < d->nt; k++)
				for (size_t j = 0; j < d->t[k].nfrag; j++)
					if (d->t[k].frag[j][0] == prev ||
					    d->t[k].frag[j][1] == prev ||
					    d->t[k].frag[j][0] == d->cuts[i] ||
					    d->t[k].frag[j][1] == d->cuts[i])
						return format_fail(
						    err, DESK_INVALID, d->t[k].line, 1,
						    "%s: offset %lld or %lld falls inside a "
						    "character "
						    "that normalisation changes (NFC composes it "
						    "with "
						    "its neighbour, or it splits a CR LF)",
						    d->t[k].id, (long long)prev,
						    (long long)d->cuts[i]);
			return format_fail(err, DESK_INVALID, 0, 0, "the text changes under NFC");
		}
		bat += nlen;
		bcp += desk_utf8_count(n ? n : "", nlen);
		free(n);
		d->mapped[i] = bcp;
		prev = d->cuts[i];
	}
	if (bat != blen)
		return format_fail(err, DESK_INVALID, 0, 0, "the text changes under NFC");
	return DESK_OK;
}

int64_t
fmt_brat_mapped(const brat_doc *d, int64_t v)
{
	size_t lo = 0, hi = d->ncuts;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (d->cuts[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return d->mapped[lo];
}

/* Read the .ann against one view of the .txt: the T lines and the edges mapped. */
int
fmt_brat_read_view(brat_doc *d, const char *ann, size_t annlen, const char *body, size_t blen,
                   brat_line **lines, size_t *nlines, format_error *err)
{
	int rc;

	if ((rc = fmt_brat_map(&d->vat, NULL, &d->vn, d->view, strlen(d->view))) != DESK_OK)
		return format_fail(err, rc, 0, 0, "out of memory");
	if ((d->lines = malloc(annlen + 1)) == NULL)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	memcpy(d->lines, ann, annlen);
	d->lines[annlen] = '\0';
	if ((rc = brat_pass1(d, lines, nlines, err)) != DESK_OK)
		return rc;
	return brat_map_cuts(d, body, blen, err);
}
