/*
 * formats/brat.c - brat's standoff format (https://brat.nlplab.org/standoff.html):
 * a document is a pair, NAME.txt (the text) and NAME.ann (one annotation a
 * line, TAB-separated).  The writer gives each article ID.txt and ID.ann; the
 * reader takes a pair back.  annotation.conf and visual.conf are brat_conf.c's.
 *
 *   T1<TAB>PER 0 5<TAB>Hanoi            a span (offsets: code points)
 *   T2<TAB>Claim 10 40;41 60<TAB>a b    a claim; a line break splits it
 *   N1<TAB>Reference T1 Wikidata:Q1858<TAB>Hà Nội   an entity link
 *   A1<TAB>Verdict T2 mostly-false      a claim's verdict and status
 *   #1<TAB>AnnotatorNotes T2<TAB>...    a claim's note, or "Evidence: ..."
 *
 * brat reads an .ann a line at a time, and Python splits lines at more than
 * LF: a span whose text holds a line break (LF, CR, VT, FF, FS, GS, RS, NEL,
 * LS, PS) is written as brat's own interface writes a selection across
 * lines: its fragments between the breaks, "S E;S E", the text field their
 * texts joined by a space.  Free text (entity names, notes, evidence) has
 * backslash escapes instead (\\, \t, \n, \r, \uXXXX for the other breaks and
 * controls; \| inside an evidence field).  annotations/FORMATS.md has it all.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>

#include "format.h"

/* --- Shared: a growing string, code point maps, line breaks ------------- */

int
fmt_brat_buf_put(fmt_brat_buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;

		while (cap < b->n + n + 1)
			cap *= 2;
		if ((p = realloc(b->s, cap)) == NULL)
			return DESK_NOMEM;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
	return DESK_OK;
}

int
fmt_brat_buf_printf(fmt_brat_buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= sizeof tmp)
		return DESK_MISUSE;
	return fmt_brat_buf_put(b, tmp, (size_t)k);
}

/* Whether c ends a line for Python's str.splitlines(), which brat's reader uses. */
int
fmt_brat_is_break(ucs4_t c)
{
	return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) ||
	       c == 0x85 || c == 0x2028 || c == 0x2029;
}

/*
 * The byte offset of every code point of valid UTF-8 s[0..len), and of its
 * end: (*at)[i] for code point i, (*at)[*n] == len.  And the code points
 * themselves in *cp when cp is not NULL.
 */
int
fmt_brat_map(size_t **at, ucs4_t **cp, int64_t *n, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0, k = 0;

	*at = malloc((len + 1) * sizeof **at);
	if (cp)
		*cp = malloc((len + 1) * sizeof **cp);
	if (*at == NULL || (cp && *cp == NULL)) {
		free(*at);
		*at = NULL;
		if (cp) {
			free(*cp);
			*cp = NULL;
		}
		return DESK_NOMEM;
	}
	while (i < len) {
		ucs4_t c;
		int m = u8_mbtouc(&c, p + i, len - i);

		(*at)[k] = i;
		if (cp)
			(*cp)[k] = c;
		k++;
		i += (size_t)(m > 0 ? m : 1);
	}
	(*at)[k] = len;
	*n = (int64_t)k;
	return DESK_OK;
}

/*
 * Free text into an .ann field: one line, no TAB, backslash escapes (pipe:
 * also |); what desk_char_escape() escapes (C1, bidi controls...) as \uXXXX.
 */
int
fmt_brat_escape(fmt_brat_buf *b, const char *s, int pipe)
{
	const uint8_t *p = (const uint8_t *)(s ? s : ""), *end = p + strlen((const char *)p);
	char esc[16];

	while (p < end) {
		ucs4_t c;
		int m = u8_mbtouc(&c, p, (size_t)(end - p)), rc;

		m = m > 0 ? m : 1;
		if (c == '\\')
			rc = fmt_brat_buf_put(b, "\\\\", 2);
		else if (c == '\t')
			rc = fmt_brat_buf_put(b, "\\t", 2);
		else if (c == '\n')
			rc = fmt_brat_buf_put(b, "\\n", 2);
		else if (c == '\r')
			rc = fmt_brat_buf_put(b, "\\r", 2);
		else if (pipe && c == '|')
			rc = fmt_brat_buf_put(b, "\\|", 2);
		else if (c < 0x20 || c == 0x7F || fmt_brat_is_break(c) ||
		         (c <= 0xFFFF && desk_char_escape(c, esc) > 0))
			rc = fmt_brat_buf_printf(b, "\\u%04X", (unsigned)c);
		else
			rc = fmt_brat_buf_put(b, (const char *)p, (size_t)m);
		if (rc != DESK_OK)
			return rc;
		p += m;
	}
	return DESK_OK;
}

/* The reverse of fmt_brat_escape, in place (the result is never longer). */
void
fmt_brat_unescape(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++) {
		if (*r != '\\' || r[1] == '\0') {
			*w++ = *r;
			continue;
		}
		r++;
		if (*r == 't')
			*w++ = '\t';
		else if (*r == 'n')
			*w++ = '\n';
		else if (*r == 'r')
			*w++ = '\r';
		else if (*r == 'u' && strspn(r + 1, "0123456789abcdefABCDEF") >= 4) {
			char hex[5] = {r[1], r[2], r[3], r[4], '\0'};
			int m = u8_uctomb((uint8_t *)w, (ucs4_t)strtoul(hex, NULL, 16), 6);

			w += m > 0 && m <= 6 ? m : 0;
			r += 4;
		} else
			*w++ = *r; /* \\, \|, and anything else: the character */
	}
	*w = '\0';
}

/* --- Writer ------------------------------------------------------------- */

/* One .ann being written: the body's code point maps and the ids given. */
typedef struct brat_out {
	fmt_brat_buf b;
	const char *body;
	size_t *at;
	ucs4_t *cp;
	int64_t n;
	int t, a, nn, note;
} brat_out;

/*
 * "S E;S E" and the text field for [start, end): the fragments between line
 * breaks.  1 when nothing but line breaks is in it, or nothing (then
 * nothing is written).
 */
static int
brat_put_range(brat_out *o, const char *type, int64_t start, int64_t end, int *id)
{
	fmt_brat_buf text = {0};
	int64_t i = start, nfrag = 0;
	int rc = DESK_OK;

	if (start < 0 || end > o->n || start > end)
		return DESK_MISUSE;
	while (i < end && fmt_brat_is_break(o->cp[i]))
		i++;
	if (i == end)
		return 1; /* empty, or only line breaks: brat cannot hold it */
	*id = ++o->t;
	if ((rc = fmt_brat_buf_printf(&o->b, "T%d\t%s ", *id, type)) != DESK_OK)
		goto done;
	while (i < end) {
		int64_t j = i;

		while (j < end && !fmt_brat_is_break(o->cp[j]))
			j++;
		if ((rc = fmt_brat_buf_printf(&o->b, "%s%lld %lld", nfrag ? ";" : "", (long long)i,
		                              (long long)j)) != DESK_OK ||
		    (nfrag && (rc = fmt_brat_buf_put(&text, " ", 1)) != DESK_OK) ||
		    (rc = fmt_brat_buf_put(&text, o->body + o->at[i], o->at[j] - o->at[i])) !=
		        DESK_OK)
			goto done;
		nfrag++;
		for (i = j; i < end && fmt_brat_is_break(o->cp[i]); i++)
			;
	}
	if (rc == DESK_OK && (rc = fmt_brat_buf_put(&o->b, "\t", 1)) == DESK_OK &&
	    (rc = fmt_brat_buf_put(&o->b, text.s ? text.s : "", text.n)) == DESK_OK)
		rc = fmt_brat_buf_put(&o->b, "\n", 1);
done:
	free(text.s);
	return rc;
}

/* The N line's DB:ID for an entity: its external id as brat's normalisations name one. */
static int
brat_put_ref(fmt_brat_buf *b, const format_entity *e)
{
	const char *x = e->external_id ? e->external_id : "", *colon = strchr(x, ':');
	size_t n = strlen(x);
	int simple = n > 0 && strcspn(x, " \t\n\r\v\f") == n && strchr(x, '\\') == NULL;

	if (simple && x[0] == 'Q' && n > 1 && strspn(x + 1, "0123456789") == n - 1)
		return fmt_brat_buf_printf(b, "Wikidata:%s", x);
	if (simple && colon != NULL && colon > x && colon[1] != '\0' && n < 200)
		return fmt_brat_buf_put(b, x, n);
	return fmt_brat_buf_printf(b, "copydesk:%lld", (long long)e->id);
}

static const format_entity *
brat_entity(const format_article *a, int64_t id)
{
	for (size_t i = 0; id != 0 && i < a->nentities; i++)
		if (a->entities[i].id == id)
			return &a->entities[i];
	return NULL;
}

/* A claim: its T line, Verdict and Status attributes, note and evidence. */
static int
brat_put_claim(brat_out *o, format_sink *s, const format_article *a, const format_claim *c)
{
	int id, rc = brat_put_range(o, "Claim", c->start, c->end, &id);

	if (rc == 1) {
		if (s->warn)
			s->warn(s, a, c->start, c->end,
			        "brat: a claim of no text or line breaks only is left out");
		return DESK_OK;
	}
	if (rc == DESK_OK && c->verdict && *c->verdict)
		rc = fmt_brat_buf_printf(&o->b, "A%d\tVerdict T%d %s\n", ++o->a, id, c->verdict);
	if (rc == DESK_OK && c->status && *c->status)
		rc = fmt_brat_buf_printf(&o->b, "A%d\tStatus T%d %s\n", ++o->a, id, c->status);
	if (rc == DESK_OK && c->note && *c->note &&
	    (rc = fmt_brat_buf_printf(&o->b, "#%d\tAnnotatorNotes T%d\t%s", ++o->note, id,
	                              /* not read back as evidence */
	                              strncmp(c->note, "Evidence: ", 10) == 0 ? "\\" : "")) ==
	        DESK_OK &&
	    (rc = fmt_brat_escape(&o->b, c->note, 0)) == DESK_OK)
		rc = fmt_brat_buf_put(&o->b, "\n", 1);
	for (size_t i = 0; rc == DESK_OK && i < c->nevidence; i++) {
		const format_evidence *e = &c->evidence[i];

		if ((rc = fmt_brat_buf_printf(
		         &o->b, "#%d\tAnnotatorNotes T%d\tEvidence: ", ++o->note, id)) != DESK_OK ||
		    (rc = fmt_brat_escape(&o->b, e->source, 1)) != DESK_OK ||
		    (rc = fmt_brat_buf_put(&o->b, " | ", 3)) != DESK_OK ||
		    (rc = fmt_brat_escape(&o->b, e->quote, 1)) != DESK_OK ||
		    (rc = fmt_brat_buf_put(&o->b, " | ", 3)) != DESK_OK ||
		    (rc = fmt_brat_escape(&o->b, e->consulted, 1)) != DESK_OK)
			break;
		rc = fmt_brat_buf_put(&o->b, "\n", 1);
	}
	return rc;
}

/* The .ann of an article, in o->b. */
static int
brat_ann(brat_out *o, format_sink *s, const format_article *a)
{
	int *tid = NULL, rc = DESK_OK;

	if (a->nspans && (tid = calloc(a->nspans, sizeof *tid)) == NULL)
		return DESK_NOMEM;
	for (size_t i = 0; rc == DESK_OK && i < a->nspans; i++) {
		const format_span *sp = &a->spans[i];

		rc = brat_put_range(o, sp->label, sp->start, sp->end, &tid[i]);
		if (rc == 1) {
			if (s->warn)
				s->warn(s, a, sp->start, sp->end,
				        "brat: a span of no text or line breaks only is left out");
			tid[i] = 0;
			rc = DESK_OK;
		}
	}
	for (size_t i = 0; rc == DESK_OK && i < a->nspans; i++) {
		const format_entity *e = brat_entity(a, a->spans[i].entity);

		if (e == NULL || tid[i] == 0)
			continue;
		if ((rc = fmt_brat_buf_printf(&o->b, "N%d\tReference T%d ", ++o->nn, tid[i])) ==
		        DESK_OK &&
		    (rc = brat_put_ref(&o->b, e)) == DESK_OK &&
		    (rc = fmt_brat_buf_put(&o->b, "\t", 1)) == DESK_OK &&
		    (rc = fmt_brat_escape(&o->b, e->name, 0)) == DESK_OK)
			rc = fmt_brat_buf_put(&o->b, "\n", 1);
	}
	for (size_t i = 0; rc == DESK_OK && i < a->nclaims; i++)
		rc = brat_put_claim(o, s, a, &a->claims[i]);
	free(tid);
	return rc;
}

/* Write len bytes of s to dir/name, whole or not at all (a temporary file renamed). */
int
fmt_brat_write_file(format_sink *s, const char *name, const char *data, size_t len)
{
	char path[4096];
	size_t done = 0;
	int fd, e = 0;

	if ((size_t)snprintf(path, sizeof path, "%s/%s", s->dir, name) >= sizeof path)
		return format_fail(&s->err, DESK_IO, 0, 0, "%s/%s: path too long", s->dir, name);
	/*
	 * Written straight, one write() for the whole file: a document is two
	 * files, and a corpus hundreds of thousands, so a temporary name and a
	 * rename each doubled what the file system was asked.  A file that
	 * fails half-written is removed, and the export fails with it.
	 */
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) < 0)
		return format_fail(&s->err, DESK_IO, 0, 0, "%s: %s", path, strerror(errno));
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			e = n < 0 ? errno : EIO;
			break;
		}
		done += (size_t)n;
	}
	if (close(fd) != 0 && e == 0)
		e = errno;
	if (e != 0) {
		unlink(path);
		return format_fail(&s->err, DESK_IO, 0, 0, "%s: %s", path, strerror(e));
	}
	return DESK_OK;
}

static int
brat_write_article(format_sink *s, const format_article *a)
{
	brat_out o = {0};
	size_t len = 0;
	char name[64], *safe = NULL;
	int rc;

	/* A .txt has no escapes: controls become U+FFFD, one for one, offsets kept. */
	if ((rc = desk_text_defang(&safe, &len, a->in.body ? a->in.body : "",
	                           a->in.body ? a->in.body_len : 0)) != DESK_OK ||
	    (o.body = safe, rc = fmt_brat_map(&o.at, &o.cp, &o.n, o.body, len)) != DESK_OK) {
		rc = format_fail(&s->err, DESK_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	if ((rc = brat_ann(&o, s, a)) != DESK_OK) {
		rc = format_fail(&s->err, rc == DESK_NOMEM ? DESK_NOMEM : DESK_INVALID, 0, 0,
		                 "article %lld: %s", (long long)a->id,
		                 rc == DESK_NOMEM ? "out of memory" : "an offset outside its text");
		goto done;
	}
	snprintf(name, sizeof name, "%lld.txt", (long long)a->id);
	if ((rc = fmt_brat_write_file(s, name, o.body, len)) != DESK_OK)
		goto done;
	snprintf(name, sizeof name, "%lld.ann", (long long)a->id);
	rc = fmt_brat_write_file(s, name, o.b.s ? o.b.s : "", o.b.n);
done:
	free(o.b.s);
	free(o.at);
	free(o.cp);
	free(safe);
	return rc;
}

const format_writer fmt_brat_writer = {fmt_brat_begin, brat_write_article, NULL};
