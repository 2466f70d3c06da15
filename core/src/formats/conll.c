/*
 * formats/conll.c - CoNLL-2003-style column files, in and out.
 *
 *   -DOCSTART- O
 *
 *   EU B-ORG
 *   rejects O
 *   ...
 *
 * A token a line with its tag last (and any columns between, "NNP I-NP"),
 * a blank line after each sentence, a -DOCSTART- line (with as many columns
 * as the token lines) and a blank line before each article.
 *
 * Read: the columns are TAB-separated when the file's first token line
 * holds a TAB (then only TABs separate), else separated by spaces or TABs.
 * -DOCSTART- lines split articles (a file without them is one article);
 * each article's text is its tokens joined by one space, its sentences by
 * a newline, and it keeps its tokens with their extra columns.  The tags
 * are IOB2, IOB1 (an I- starting a chunk; read as IOB2 with a note), or
 * BIOES (IOBES, BMES, BILOU: read with a note); a sequence its scheme does
 * not allow refuses the file with the line and the reason.
 *
 * Written: the kept tokens when the document has them, else the text cut
 * into sentences (text/sentence.c) and tokens (text/tokens.c); the tags
 * from the spans in the scheme asked for (IOB2 by default).  Of nested or
 * overlapping spans the outermost (the longest, then the earliest) is
 * written; a token takes the tag of the span holding most of it, else O,
 * and a span edge inside a token is reported through the sink's warn.
 * annotations/FORMATS.md describes it all.
 */
#include <stdlib.h>
#include <string.h>

#include "conll_scheme.h"
#include "format.h"

#define CONLL_MAX_COLS 64
#define CONLL_DOCSTART "-DOCSTART-"
#define CONLL_END      (-1) /* conll_next(): no more lines */

/* --- Reading ------------------------------------------------------------- */

typedef enum { CONLL_BLANK, CONLL_DOCSTART_LINE, CONLL_TOKEN } conll_kind;

/* One line of the file, split into its fields (byte offsets into s). */
typedef struct conll_line {
	conll_kind kind;
	int64_t no;
	const char *s;
	size_t len, nf;
	size_t fb[CONLL_MAX_COLS], fe[CONLL_MAX_COLS];
	char prefix;   /* the tag's: O B I E S M L U */
	size_t lb, le; /* the label's bytes in s (after "B-") */
} conll_line;

typedef struct conll_reader {
	const char *s;
	size_t len, at;
	int64_t no;
	int decided, tabs; /* the file's first token line holds a TAB */
	size_t ncols;      /* the columns of its token lines */
	int64_t ncols_line;
} conll_reader;

static int
conll_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The code-point column (1-based) of byte b of the line. */
static int64_t
conll_col(const conll_line *l, size_t b)
{
	return desk_utf8_count(l->s, b) + 1;
}

/* Split l into fields: on TABs (tabs) or on spaces and TABs, blanks trimmed. */
static int
conll_split(conll_line *l, int tabs, format_error *err)
{
	size_t i = 0;

	l->nf = 0;
	while (i < l->len) {
		size_t b, e;

		while (i < l->len &&
		       (tabs ? l->s[i] == '\t' || l->s[i] == ' ' : conll_blank(l->s[i])))
			i++;
		if (i >= l->len)
			break;
		b = i;
		while (i < l->len && (tabs ? l->s[i] != '\t' : !conll_blank(l->s[i])))
			i++;
		e = i;
		while (e > b && l->s[e - 1] == ' ')
			e--;
		if (l->nf == CONLL_MAX_COLS)
			return format_fail(err, DESK_INVALID, l->no, conll_col(l, b),
			                   "more than %d columns", CONLL_MAX_COLS);
		l->fb[l->nf] = b;
		l->fe[l->nf] = e;
		l->nf++;
	}
	return DESK_OK;
}

/* Check the tag (the last field) and the token and extra columns for white space. */
static int
conll_check_token(conll_line *l, format_error *err)
{
	size_t tb = l->fb[l->nf - 1], te = l->fe[l->nf - 1], n = te - tb;
	const char *tag = l->s + tb;

	for (size_t f = 0; f + 1 < l->nf; f++) {
		size_t w = tokens_space(l->s + l->fb[f], l->fe[f] - l->fb[f]);

		if (w < l->fe[f] - l->fb[f])
			return format_fail(err, DESK_INVALID, l->no, conll_col(l, l->fb[f] + w),
			                   "%s holds white space, which a CoNLL column cannot",
			                   f == 0 ? "the token" : "a column");
	}
	if (n == 1 && tag[0] == 'O') {
		l->prefix = 'O';
		l->lb = l->le = te; /* no label */
		return DESK_OK;
	}
	if (n >= 3 && tag[1] == '-' && strchr("BIESMLU", tag[0]) != NULL &&
	    tokens_space(tag, n) == n) {
		l->prefix = tag[0];
		l->lb = tb + 2;
		l->le = te;
		return DESK_OK;
	}
	return format_fail(err, DESK_INVALID, l->no, conll_col(l, tb),
	                   "\"%.*s\" is not a tag: O, or B-, I-, E-, S- (or M-, L-, U-) and a "
	                   "label",
	                   conll_scheme_quote(tag, n), tag);
}

/* The next line into l; CONLL_END at the end of the file. */
static int
conll_next(conll_reader *r, conll_line *l, format_error *err)
{
	const char *nl;
	size_t b, e;
	int rc;

	if (r->at >= r->len)
		return CONLL_END;
	nl = memchr(r->s + r->at, '\n', r->len - r->at);
	b = r->at;
	e = nl ? (size_t)(nl - r->s) : r->len;
	r->at = nl ? e + 1 : r->len;
	l->no = ++r->no;
	while (b < e && conll_blank(r->s[b]))
		b++;
	while (e > b && conll_blank(r->s[e - 1]))
		e--;
	l->s = r->s + b;
	l->len = e - b;
	l->nf = 0;
	if (l->len == 0) {
		l->kind = CONLL_BLANK;
		return DESK_OK;
	}
	if (l->len >= strlen(CONLL_DOCSTART) &&
	    memcmp(l->s, CONLL_DOCSTART, strlen(CONLL_DOCSTART)) == 0 &&
	    (l->len == strlen(CONLL_DOCSTART) || conll_blank(l->s[strlen(CONLL_DOCSTART)]))) {
		l->kind = CONLL_DOCSTART_LINE;
		return DESK_OK;
	}
	l->kind = CONLL_TOKEN;
	if (!r->decided) {
		r->decided = 1;
		r->tabs = memchr(l->s, '\t', l->len) != NULL;
	}
	if ((rc = conll_split(l, r->tabs, err)) != DESK_OK)
		return rc;
	if (l->nf < 2)
		return format_fail(
		    err, DESK_INVALID, l->no, 1, "a token line has a token and a tag%s",
		    r->tabs ? " separated by a TAB (as the file's first token line)" : "");
	if (r->ncols == 0) {
		r->ncols = l->nf;
		r->ncols_line = l->no;
	} else if (l->nf != r->ncols)
		return format_fail(err, DESK_INVALID, l->no, conll_col(l, l->fb[l->nf - 1]),
		                   "%zu columns where line %lld has %zu", l->nf,
		                   (long long)r->ncols_line, r->ncols);
	return conll_check_token(l, err);
}

/* Pass 1: every line checked, the scheme worked out and told; refusals here. */
static int
conll_scan(const char *s, size_t len, const format_notes *notes, format_error *err)
{
	conll_reader r = {.s = s, .len = len};
	conll_scheme sc;
	conll_line l;
	int rc;

	memset(&sc, 0, sizeof sc);
	while ((rc = conll_next(&r, &l, err)) == DESK_OK) {
		if (l.kind == CONLL_TOKEN)
			conll_scheme_tag(&sc, l.no, conll_col(&l, l.fb[l.nf - 1]), l.prefix,
			                 l.s + l.lb, l.le - l.lb);
		else
			conll_scheme_end(&sc);
	}
	if (rc != CONLL_END)
		return rc;
	conll_scheme_end(&sc);
	if (r.ncols == 0)
		return format_fail(err, DESK_INVALID, 1, 1, "no token lines");
	return conll_scheme_judge(&sc, notes, err);
}

/* Pass 2: one article being built. */
typedef struct conll_build {
	format_article *a;
	char *body;
	size_t blen, bcap;
	int64_t cps; /* the body's code points */
	format_token *tok;
	size_t *tokb; /* each token's first byte */
	size_t ntok, captok, captokb;
	format_span *span;
	size_t nspan, capspan;
	int open; /* a chunk is open: tokens [first, ntok) */
	size_t first;
	const char *label;
	size_t labellen;
	int64_t chunk_line;
} conll_build;

/* Room for need elements of size in *v (*cap of them now). */
static int
conll_reserve(void **v, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 64;
	void *w;

	if (need <= *cap)
		return DESK_OK;
	while (c < need)
		c *= 2;
	if ((w = realloc(*v, c * size)) == NULL)
		return DESK_NOMEM;
	*v = w;
	*cap = c;
	return DESK_OK;
}

/* Close the open chunk as a span over its tokens. */
static int
conll_close(conll_build *b)
{
	format_span *sp;
	size_t last = b->ntok - 1, bb;

	if (!b->open)
		return DESK_OK;
	b->open = 0;
	if (conll_reserve((void **)&b->span, &b->capspan, b->nspan + 1, sizeof *b->span) != DESK_OK)
		return DESK_NOMEM;
	sp = &b->span[b->nspan++];
	memset(sp, 0, sizeof *sp);
	sp->start = b->tok[b->first].start;
	sp->end = b->tok[last].end;
	bb = b->tokb[b->first]; /* the body ends with the chunk's last token */
	sp->line = b->chunk_line;
	sp->label = format_pool_strdup(&b->a->pool, b->label, b->labellen);
	sp->text = format_pool_strdup(&b->a->pool, b->body + bb, b->blen - bb);
	return sp->label && sp->text ? DESK_OK : DESK_NOMEM;
}

/* Add the token of line l (after a sentence end when sentence_end is set). */
static int
conll_add(conll_build *b, const conll_line *l, format_error *err)
{
	const char *tk = l->s + l->fb[0], *lab = l->s + l->lb;
	size_t tn = l->fe[0] - l->fb[0], n = l->le - l->lb, need;
	int cont = b->open && l->prefix != 'B' && l->prefix != 'S' && l->prefix != 'U' &&
	           l->prefix != 'O' && n == b->labellen && memcmp(lab, b->label, n) == 0;
	format_token *t;

	if (!cont && conll_close(b) != DESK_OK)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	need = b->blen + 1 + tn + 1;
	if (need > FORMAT_MAX_BODY)
		return format_fail(err, DESK_INVALID, l->no, 1,
		                   "the article is longer than %zu bytes (its tokens joined)",
		                   (size_t)FORMAT_MAX_BODY);
	if (conll_reserve((void **)&b->body, &b->bcap, need, 1) != DESK_OK ||
	    conll_reserve((void **)&b->tok, &b->captok, b->ntok + 1, sizeof *b->tok) != DESK_OK ||
	    conll_reserve((void **)&b->tokb, &b->captokb, b->ntok + 1, sizeof *b->tokb) != DESK_OK)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	if (b->ntok > 0) {
		b->body[b->blen++] = b->tok[b->ntok - 1].sentence_end ? '\n' : ' ';
		b->cps++;
	}
	t = &b->tok[b->ntok];
	memset(t, 0, sizeof *t);
	b->tokb[b->ntok] = b->blen;
	t->start = b->cps;
	memcpy(b->body + b->blen, tk, tn);
	b->blen += tn;
	b->cps += desk_utf8_count(tk, tn);
	t->end = b->cps;
	if (l->nf > 2) { /* the extra columns, joined by TABs */
		size_t eb = l->fb[1], ee = l->fe[l->nf - 2];
		char *x = format_pool_strdup(&b->a->pool, l->s + eb, ee - eb), *p = x;

		if (x == NULL)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		for (size_t f = 1; f + 1 < l->nf; f++) {
			size_t k = l->fe[f] - l->fb[f];

			memmove(p, l->s + l->fb[f], k);
			p += k;
			*p++ = '\t';
		}
		p[-1] = '\0';
		t->extra = x;
	}
	b->ntok++;
	if (l->prefix != 'O' && !cont) {
		b->open = 1;
		b->first = b->ntok - 1;
		b->label = lab;
		b->labellen = n;
		b->chunk_line = l->no;
	}
	if (l->prefix == 'E' || l->prefix == 'S' || l->prefix == 'L' || l->prefix == 'U')
		if (conll_close(b) != DESK_OK)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	return DESK_OK;
}

/* A sentence ends: the open chunk closes with it. */
static int
conll_sentence_end(conll_build *b, format_error *err)
{
	if (conll_close(b) != DESK_OK)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	if (b->ntok > 0)
		b->tok[b->ntok - 1].sentence_end = 1;
	return DESK_OK;
}

/* The article is complete: its body, tokens and spans move into it. */
static int
conll_finish(conll_build *b, format_error *err)
{
	format_article *a = b->a;
	int rc;

	if ((rc = conll_sentence_end(b, err)) != DESK_OK)
		return rc;
	a->mem = b->body;
	a->mem[b->blen] = '\0'; /* conll_add() left room */
	b->body = NULL;
	b->bcap = 0;
	a->in.body = a->mem;
	a->in.body_len = b->blen;
	a->in.lang = lang_detect(a->mem, b->blen);
	a->tokens = format_pool_alloc(&a->pool, b->ntok * sizeof *a->tokens);
	a->spans = format_pool_alloc(&a->pool, (b->nspan ? b->nspan : 1) * sizeof *a->spans);
	if (a->tokens == NULL || a->spans == NULL)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	memcpy(a->tokens, b->tok, b->ntok * sizeof *a->tokens);
	a->ntokens = b->ntok;
	if (b->nspan > 0)
		memcpy(a->spans, b->span, b->nspan * sizeof *a->spans);
	a->nspans = b->nspan;
	b->blen = 0;
	b->cps = 0;
	b->ntok = 0;
	b->nspan = 0;
	return DESK_OK;
}

/* Pass 2: the articles of a file that conll_scan() accepted. */
static int
conll_build_all(format_article **out, size_t *n, const char *s, size_t len, format_error *err)
{
	conll_reader r = {.s = s, .len = len};
	conll_build b;
	conll_line l;
	format_article *arts = NULL;
	size_t narts = 0, cap = 0;
	int rc;

	memset(&b, 0, sizeof b);
	for (;;) {
		int next = conll_next(&r, &l, err);

		if ((rc = next) != DESK_OK && next != CONLL_END)
			goto done;
		if (b.a != NULL && (next == CONLL_END || l.kind == CONLL_DOCSTART_LINE)) {
			if ((rc = conll_finish(&b, err)) != DESK_OK)
				goto done;
			b.a = NULL;
		}
		if (next == CONLL_END)
			break;
		if (l.kind == CONLL_BLANK || l.kind == CONLL_DOCSTART_LINE) {
			if ((rc = conll_sentence_end(&b, err)) != DESK_OK)
				goto done;
			continue;
		}
		if (b.a == NULL) { /* the article's first token */
			if (conll_reserve((void **)&arts, &cap, narts + 1, sizeof *arts) !=
			    DESK_OK) {
				rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
				goto done;
			}
			b.a = &arts[narts++];
			memset(b.a, 0, sizeof *b.a);
			b.a->line = l.no;
		}
		if ((rc = conll_add(&b, &l, err)) != DESK_OK)
			goto done;
	}
	rc = DESK_OK;
done:
	free(b.body);
	free(b.tok);
	free(b.tokb);
	free(b.span);
	if (rc != DESK_OK) {
		format_articles_free(arts, narts);
		arts = NULL;
		narts = 0;
	}
	*out = arts;
	*n = narts;
	return rc;
}

int
fmt_conll_read(format_article **out, size_t *n, char *s, size_t len, const format_notes *notes,
               format_error *err)
{
	int rc = conll_scan(s, len, notes, err);

	*out = NULL;
	*n = 0;
	if (rc == DESK_OK)
		rc = conll_build_all(out, n, s, len, err);
	free(s);
	return rc;
}

/* --- Writing ------------------------------------------------------------- */

/* A token to write: its range, whether it ends a sentence, its extra columns, its span. */
typedef struct conll_tok {
	int64_t start, end;
	int sentence_end;
	const char *extra;
	size_t span; /* index in the chosen spans, or SIZE_MAX: O */
} conll_tok;

/* What a chosen span got: its first and last token. */
typedef struct conll_got {
	size_t first, last;
	int split; /* a sentence ends inside it */
} conll_got;

/* The writer's buffers, kept from one document to the next. */
typedef struct conll_state {
	conll_tok *tok;
	size_t ntok, captok;
	desk_range *rng;
	size_t nrng, caprng;
	const format_span **order, **chosen;
	conll_got *got;
	size_t caporder, capchosen, capgot;
} conll_state;

static int
conll_begin(format_sink *s)
{
	if ((s->state = calloc(1, sizeof(conll_state))) == NULL)
		return format_fail(&s->err, DESK_NOMEM, 0, 0, "out of memory");
	return DESK_OK;
}

static int
conll_end(format_sink *s)
{
	conll_state *st = s->state;

	if (st != NULL) {
		free(st->tok);
		free(st->rng);
		free(st->order);
		free(st->chosen);
		free(st->got);
		free(st);
		s->state = NULL;
	}
	return DESK_OK;
}

static void
conll_warn(format_sink *s, const format_article *a, int64_t start, int64_t end, const char *msg)
{
	if (s->warn != NULL)
		s->warn(s, a, start, end, msg);
}

/* The number of TAB-separated columns of extra, or -1 if one is empty or holds white space. */
static int
conll_extra_cols(const char *extra)
{
	int n = 0;

	if (extra == NULL)
		return 0;
	for (const char *p = extra;; n++) {
		const char *tab = strchr(p, '\t');
		size_t k = tab ? (size_t)(tab - p) : strlen(p);

		if (k == 0 || tokens_space(p, k) < k)
			return -1;
		if (tab == NULL)
			return n + 1;
		p = tab + 1;
	}
}

/* The document's kept tokens into st->tok, if they fit its text: 1; 0 if not; -1: no memory. */
static int
conll_kept(conll_state *st, const format_article *a, const desk_text *t, int *ncols)
{
	int64_t len = desk_text_len(t), prev = 0;

	st->ntok = 0;
	*ncols = conll_extra_cols(a->tokens[0].extra);
	if (*ncols < 0)
		return 0;
	if (conll_reserve((void **)&st->tok, &st->captok, a->ntokens, sizeof *st->tok) != DESK_OK)
		return -1;
	for (size_t i = 0; i < a->ntokens; i++) {
		const format_token *k = &a->tokens[i];
		size_t b, e;

		if (k->start < prev || k->end <= k->start || k->end > len ||
		    conll_extra_cols(k->extra) != *ncols)
			return 0;
		b = desk_text_byte(t, k->start);
		e = desk_text_byte(t, k->end);
		if (tokens_space(desk_text_utf8(t) + b, e - b) < e - b)
			return 0;
		st->tok[i].start = k->start;
		st->tok[i].end = k->end;
		st->tok[i].sentence_end = k->sentence_end || i + 1 == a->ntokens;
		st->tok[i].extra = k->extra;
		prev = k->end;
	}
	st->ntok = a->ntokens;
	return 1;
}

/* The document's text cut into sentences and tokens, into st->tok. */
static int
conll_tokenize(conll_state *st, const format_article *a, const desk_text *t)
{
	const char *lang = a->in.lang ? a->in.lang : lang_detect(a->in.body, a->in.body_len);
	int english = strcmp(lang, "vi") != 0, rc;
	desk_range *sent = NULL;
	size_t nsent = 0;

	st->ntok = 0;
	if ((rc = desk_sentences(&sent, &nsent, t)) != DESK_OK)
		return rc;
	for (size_t i = 0; i < nsent; i++) {
		size_t from = st->nrng = 0;

		if ((rc = tokens_split(&st->rng, &st->nrng, &st->caprng, t, sent[i].start,
		                       sent[i].end, english)) != DESK_OK)
			goto done;
		if (st->nrng == 0)
			continue;
		if ((rc = conll_reserve((void **)&st->tok, &st->captok, st->ntok + st->nrng,
		                        sizeof *st->tok)) != DESK_OK)
			goto done;
		for (; from < st->nrng; from++) {
			conll_tok *k = &st->tok[st->ntok++];

			k->start = st->rng[from].start;
			k->end = st->rng[from].end;
			k->sentence_end = from + 1 == st->nrng;
			k->extra = NULL;
		}
	}
done:
	free(sent);
	return rc;
}

/* The longest span first, then the earliest, then the article's order. */
static int
conll_by_size(const void *x, const void *y)
{
	const format_span *a = *(const format_span *const *)x, *b = *(const format_span *const *)y;
	int64_t la = a->end - a->start, lb = b->end - b->start;

	if (la != lb)
		return la > lb ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a < b ? -1 : a > b;
}

/*
 * The spans to write into st->chosen by start, none overlapping another:
 * the outermost of nested or overlapping spans (the longest, then the
 * earliest).  Spans that cannot be written are reported and left out.
 */
static int
conll_choose(conll_state *st, format_sink *s, const format_article *a, int64_t len, size_t *nc)
{
	size_t n = 0;

	*nc = 0;
	if (conll_reserve((void **)&st->order, &st->caporder, a->nspans, sizeof *st->order) ||
	    conll_reserve((void **)&st->chosen, &st->capchosen, a->nspans, sizeof *st->chosen) ||
	    conll_reserve((void **)&st->got, &st->capgot, a->nspans, sizeof *st->got))
		return DESK_NOMEM;
	for (size_t i = 0; i < a->nspans; i++) {
		const format_span *sp = &a->spans[i];
		size_t ln = sp->label ? strlen(sp->label) : 0;

		if (sp->start < 0 || sp->end > len || sp->start >= sp->end)
			conll_warn(s, a, sp->start, sp->end,
			           "the span is not a range of the text: left out");
		else if (ln == 0 || tokens_space(sp->label, ln) < ln)
			conll_warn(s, a, sp->start, sp->end,
			           "the span's label holds white space, which a CoNLL tag cannot: "
			           "left out");
		else
			st->order[n++] = sp;
	}
	if (n > 1)
		qsort(st->order, n, sizeof *st->order, conll_by_size);
	for (size_t i = 0; i < n; i++) {
		const format_span *sp = st->order[i];
		size_t lo = 0, hi = *nc;

		while (lo < hi) { /* the first chosen span starting at or after sp */
			size_t mid = lo + (hi - lo) / 2;

			if (st->chosen[mid]->start < sp->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		if ((lo < *nc && st->chosen[lo]->start < sp->end) ||
		    (lo > 0 && st->chosen[lo - 1]->end > sp->start))
			continue; /* inside or across a longer one */
		memmove(&st->chosen[lo + 1], &st->chosen[lo], (*nc - lo) * sizeof *st->chosen);
		st->chosen[lo] = sp;
		(*nc)++;
	}
	return DESK_OK;
}

/* The token holding cp strictly inside it, or SIZE_MAX. */
static size_t
conll_token_around(const conll_state *st, int64_t cp)
{
	size_t lo = 0, hi = st->ntok;

	while (lo < hi) { /* the first token starting at or after cp */
		size_t mid = lo + (hi - lo) / 2;

		if (st->tok[mid].start < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && st->tok[lo - 1].end > cp ? lo - 1 : SIZE_MAX;
}

/* Each token's span (the chosen one holding most of it), and what each span got. */
static void
conll_tag(conll_state *st, format_sink *s, const format_article *a, size_t nc)
{
	char msg[160];
	size_t j = 0;

	for (size_t k = 0; k < nc; k++)
		st->got[k] = (conll_got){SIZE_MAX, SIZE_MAX, 0};
	for (size_t i = 0; i < st->ntok; i++) {
		conll_tok *t = &st->tok[i];
		int64_t best = 0;

		t->span = SIZE_MAX;
		while (j < nc && st->chosen[j]->end <= t->start)
			j++;
		for (size_t k = j; k < nc && st->chosen[k]->start < t->end; k++) {
			int64_t b =
			    st->chosen[k]->start > t->start ? st->chosen[k]->start : t->start;
			int64_t e = st->chosen[k]->end < t->end ? st->chosen[k]->end : t->end;

			if (e - b > best) {
				best = e - b;
				t->span = k;
			}
		}
		if (t->span != SIZE_MAX && 2 * best <= t->end - t->start)
			t->span = SIZE_MAX; /* half of it or less: O */
		if (t->span != SIZE_MAX) {
			conll_got *g = &st->got[t->span];

			if (g->first == SIZE_MAX)
				g->first = i;
			else if (st->tok[g->last].sentence_end)
				g->split = 1;
			g->last = i;
		}
	}
	for (size_t k = 0; k < nc; k++) {
		const format_span *sp = st->chosen[k];

		for (int edge = 0; edge < 2; edge++) {
			size_t in = conll_token_around(st, edge ? sp->end : sp->start);

			if (in == SIZE_MAX)
				continue;
			snprintf(msg, sizeof msg,
			         "the span %s inside the token at %lld-%lld, which is tagged %s",
			         edge ? "ends" : "starts", (long long)st->tok[in].start,
			         (long long)st->tok[in].end,
			         st->tok[in].span == k ? "with it" : "O or with another span");
			conll_warn(s, a, sp->start, sp->end, msg);
		}
		if (st->got[k].first == SIZE_MAX)
			conll_warn(s, a, sp->start, sp->end,
			           "the span holds no token of its own: left out");
		else if (st->got[k].split)
			conll_warn(s, a, sp->start, sp->end,
			           "the span crosses a sentence end: written as two chunks");
	}
}

/* The tag of token i in the scheme: its prefix and label, or label NULL for O. */
static void
conll_tag_of(const conll_state *st, size_t i, desk_scheme scheme, char *prefix, const char **label)
{
	const conll_tok *t = &st->tok[i], *p = i > 0 && !st->tok[i - 1].sentence_end ? t - 1 : NULL;
	const conll_tok *n = !t->sentence_end && i + 1 < st->ntok ? t + 1 : NULL;

	*label = NULL;
	*prefix = 'O';
	if (t->span == SIZE_MAX)
		return;
	*label = st->chosen[t->span]->label;
	*prefix = conll_scheme_prefix(scheme, p && p->span == t->span,
	                              p && p->span != SIZE_MAX &&
	                                  strcmp(st->chosen[p->span]->label, *label) == 0,
	                              n && n->span == t->span);
}

static int
conll_article(format_sink *s, const format_article *a)
{
	conll_state *st = s->state;
	desk_scheme scheme = s->info && s->info->opts ? s->info->opts->scheme : DESK_SCHEME_IOB2;
	desk_text *t = NULL;
	const char *body;
	size_t nc = 0;
	int ncols = 0, rc, kept = 0;

	if ((rc = desk_text_new(&t, a->in.body, a->in.body_len)) != DESK_OK)
		goto done;
	if (a->tokens != NULL && a->ntokens > 0) {
		if ((kept = conll_kept(st, a, t, &ncols)) < 0) {
			rc = DESK_NOMEM;
			goto done;
		}
		if (!kept)
			conll_warn(
			    s, a, 0, desk_text_len(t),
			    "the article's kept tokens do not fit its text: tokenized again");
	}
	if (!kept) {
		ncols = 0;
		if ((rc = conll_tokenize(st, a, t)) != DESK_OK)
			goto done;
	}
	if ((rc = conll_choose(st, s, a, desk_text_len(t), &nc)) != DESK_OK)
		goto done;
	conll_tag(st, s, a, nc);
	/* A line per token: the stream locked once for the article, not once a call. */
	flockfile(s->f);
	fputs(CONLL_DOCSTART, s->f);
	for (int c = 0; c < ncols; c++)
		fputs(" -X-", s->f);
	fputs(" O\n\n", s->f);
	body = desk_text_utf8(t);
	for (size_t i = 0; i < st->ntok; i++) {
		size_t b = desk_text_byte(t, st->tok[i].start),
		       e = desk_text_byte(t, st->tok[i].end);
		const char *label;
		char prefix;

		desk_text_defang_write(s->f, body + b, e - b);
		for (const char *x = st->tok[i].extra; x != NULL && *x; x++) {
			if (x == st->tok[i].extra)
				putc_unlocked(' ', s->f);
			putc_unlocked(*x == '\t' ? ' ' : *x, s->f);
		}
		conll_tag_of(st, i, scheme, &prefix, &label);
		putc_unlocked(' ', s->f);
		if (label != NULL) {
			putc_unlocked(prefix, s->f);
			putc_unlocked('-', s->f);
			fputs(label, s->f);
		} else {
			putc_unlocked('O', s->f);
		}
		putc_unlocked('\n', s->f);
		if (st->tok[i].sentence_end)
			putc_unlocked('\n', s->f);
	}
	funlockfile(s->f);
	if (ferror(s->f))
		rc = DESK_IO;
done:
	desk_text_free(t);
	if (rc == DESK_NOMEM)
		return format_fail(&s->err, rc, 0, 0, "out of memory");
	if (rc == DESK_IO)
		return format_fail(&s->err, rc, 0, 0, "writing the CoNLL file failed");
	if (rc != DESK_OK)
		return format_fail(&s->err, rc, 0, 0, "the article's text is not valid UTF-8");
	return DESK_OK;
}

const format_writer fmt_conll_writer = {conll_begin, conll_article, conll_end};
