/*
 * fuzz_conll.c - the CoNLL reader and writer (formats/conll.c) against
 * arbitrary bytes, two ways.
 *
 * As a CoNLL file: a refusal names a line; an accepted file's articles have
 * their tokens in order inside the text, holding no white space, and spans
 * on token boundaries whose text is the text at their offsets.  Written back
 * (IOB2, and IOBES) without a warning and read again, they give the same
 * texts, tokens and spans.
 *
 * As an article's text (its valid UTF-8 prefix) with spans cut from the
 * input's first bytes: the writer's tokenization gives lines of one token
 * and one valid IOB2 tag, no token holding white space, and a file the
 * reader takes whole.
 */
#include "fuzz.h"
#include "formats/format.h"

static void
fuzz_warn(format_sink *s, const format_article *a, int64_t start, int64_t end, const char *msg)
{
	(void)a;
	(void)start;
	(void)end;
	(void)msg;
	(*(int *)s->warn_ctx)++;
}

/* The writer's output for the articles (malloc'ed), and how many warnings it gave. */
static char *
fuzz_write(const format_article *a, size_t n, desk_scheme scheme, int *warnings)
{
	desk_export_opts opts = {.format = DESK_FORMAT_CONLL, .scheme = scheme};
	format_info info = {.opts = &opts};
	format_sink s = {.info = &info, .warn = fuzz_warn, .warn_ctx = warnings};
	char *out = NULL;
	size_t len = 0;

	FUZZ_CHECK((s.f = open_memstream(&out, &len)) != NULL);
	FUZZ_CHECK(fmt_conll_writer.begin(&s) == DESK_OK);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(fmt_conll_writer.article(&s, &a[i]) == DESK_OK);
	FUZZ_CHECK(fmt_conll_writer.end(&s) == DESK_OK);
	FUZZ_CHECK(fclose(s.f) == 0);
	return out;
}

static int
fuzz_read(format_article **out, size_t *n, const char *data, size_t len, format_error *err)
{
	char *buf = NULL;
	size_t blen = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = format_normalize(&buf, &blen, data, len, 1, err)) != DESK_OK)
		return rc;
	return fmt_conll_read(out, n, buf, blen, NULL, err);
}

/* What an accepted file's article promises. */
static void
fuzz_check_article(const format_article *a)
{
	desk_text *t = NULL;
	int64_t len, prev = 0;

	FUZZ_CHECK(desk_text_new(&t, a->in.body, a->in.body_len) == DESK_OK);
	len = desk_text_len(t);
	FUZZ_CHECK(a->ntokens > 0 && a->tokens[a->ntokens - 1].end == len);
	for (size_t i = 0; i < a->ntokens; i++) {
		const format_token *k = &a->tokens[i];
		size_t b = desk_text_byte(t, k->start), e = desk_text_byte(t, k->end);

		FUZZ_CHECK(k->start >= prev && k->start < k->end && k->end <= len);
		FUZZ_CHECK(tokens_space(a->in.body + b, e - b) == e - b);
		prev = k->end;
	}
	for (size_t i = 0; i < a->nspans; i++) {
		const format_span *s = &a->spans[i];
		size_t b = desk_text_byte(t, s->start), e = desk_text_byte(t, s->end);
		int starts = 0, ends = 0;

		for (size_t k = 0; k < a->ntokens; k++) {
			starts |= a->tokens[k].start == s->start;
			ends |= a->tokens[k].end == s->end;
		}
		FUZZ_CHECK(starts && ends && s->start < s->end);
		FUZZ_CHECK(strlen(s->text) == e - b && memcmp(s->text, a->in.body + b, e - b) == 0);
		FUZZ_CHECK(i == 0 || a->spans[i - 1].end <= s->start);
	}
	desk_text_free(t);
}

static void
fuzz_as_file(const unsigned char *data, size_t size)
{
	format_article *a = NULL, *b = NULL;
	size_t n = 0, m = 0;
	format_error err;
	int warnings = 0;
	char *out;

	memset(&err, 0, sizeof err);
	if (fuzz_read(&a, &n, (const char *)data, size, &err) != DESK_OK) {
		FUZZ_CHECK(a == NULL && n == 0 && err.msg[0] != '\0');
		return;
	}
	for (size_t i = 0; i < n; i++)
		fuzz_check_article(&a[i]);
	for (desk_scheme sc = DESK_SCHEME_IOB2; sc <= DESK_SCHEME_BIOES; sc += 2) {
		out = fuzz_write(a, n, sc, &warnings);
		FUZZ_CHECK(warnings == 0);
		FUZZ_CHECK(fuzz_read(&b, &m, out, strlen(out), &err) == DESK_OK && m == n);
		for (size_t i = 0; i < n; i++) {
			FUZZ_CHECK(b[i].in.body_len == a[i].in.body_len &&
			           memcmp(b[i].in.body, a[i].in.body, a[i].in.body_len) == 0);
			FUZZ_CHECK(b[i].ntokens == a[i].ntokens && b[i].nspans == a[i].nspans);
			for (size_t k = 0; k < a[i].nspans; k++)
				FUZZ_CHECK(b[i].spans[k].start == a[i].spans[k].start &&
				           b[i].spans[k].end == a[i].spans[k].end &&
				           strcmp(b[i].spans[k].label, a[i].spans[k].label) == 0);
		}
		format_articles_free(b, m);
		free(out);
	}
	format_articles_free(a, n);
}

static void
fuzz_as_text(const unsigned char *data, size_t size)
{
	size_t len = fuzz_valid_prefix(data, size), n = 0;
	format_article a, *back = NULL;
	format_error err;
	int64_t chars = desk_utf8_count((const char *)data, len);
	int warnings = 0, cols = -1;
	char *out;

	memset(&a, 0, sizeof a);
	a.in.body = (const char *)data;
	a.in.body_len = len;
	a.in.lang = size > 0 && (data[0] & 1) ? "vi" : "en";
	a.spans = format_pool_alloc(&a.pool, 4 * sizeof *a.spans);
	FUZZ_CHECK(a.spans != NULL);
	for (size_t i = 0; i + 1 < size && i < 8 && chars > 0; i += 2) {
		a.spans[a.nspans].start = data[i] % chars;
		a.spans[a.nspans].end = a.spans[a.nspans].start + 1 + data[i + 1] % 16;
		a.spans[a.nspans].label = i % 4 ? "PER" : "LOC";
		a.nspans++;
	}
	out = fuzz_write(&a, 1, DESK_SCHEME_IOB2, &warnings);
	/* Lines: blank, or a token and a tag split by one space; I- continues a chunk. */
	for (const char *s = out, *prevtag = NULL; *s;) {
		const char *nl = strchr(s, '\n'), *sp;

		FUZZ_CHECK(nl != NULL);
		if (nl == s) {
			prevtag = NULL;
			s = nl + 1;
			continue;
		}
		sp = memchr(s, ' ', (size_t)(nl - s));
		FUZZ_CHECK(sp != NULL && sp > s &&
		           memchr(sp + 1, ' ', (size_t)(nl - sp - 1)) == NULL);
		FUZZ_CHECK(tokens_space(s, (size_t)(sp - s)) == (size_t)(sp - s));
		FUZZ_CHECK((nl - sp == 2 && sp[1] == 'O') ||
		           (nl - sp == 6 && (sp[1] == 'B' || sp[1] == 'I') && sp[2] == '-'));
		if (sp[1] == 'I')
			FUZZ_CHECK(prevtag != NULL && prevtag[0] != 'O' &&
			           memcmp(prevtag + 1, sp + 2, 4) == 0);
		(void)cols;
		prevtag = sp + 1;
		s = nl + 1;
	}
	if (fuzz_read(&back, &n, out, strlen(out), &err) == DESK_OK)
		format_articles_free(back, n);
	else /* only an article with no token at all is refused */
		FUZZ_CHECK(strstr(out, "\n\n") != NULL &&
		           strlen(out) == strlen("-DOCSTART- O\n\n"));
	free(out);
	format_pool_free(&a.pool);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	fuzz_as_file(data, size);
	fuzz_as_text(data, size);
	return 0;
}
