/*
 * conll_test.h - what the CoNLL tests (test_conll.c, test_conll_files.c)
 * share: reading a file as the importer does, writing documents built by
 * hand and catching the writer's warnings, and a small CoNLL parser of the
 * tests' own that checks the output independently of the reader.
 */
#ifndef COPYDESK_CONLL_TEST_H
#define COPYDESK_CONLL_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "formats/format.h"
#include "internal.h"

/* ../shared/datasets next to the source tree, or $COPYDESK_DATASETS. */
static inline const char *
datasets(void)
{
	static char path[1024];
	struct stat sb;
	const char *env = getenv("COPYDESK_DATASETS");

	snprintf(path, sizeof path, "%s", FIXTURES "/../../../shared/datasets");
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return path;
	if (env != NULL && stat(env, &sb) == 0 && S_ISDIR(sb.st_mode))
		return env;
	return NULL;
}

static inline char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* The writer's warnings. */
typedef struct warned {
	int n;
	int64_t start[16], end[16];
	char msg[16][256];
} warned;

typedef struct notes_seen {
	int n;
	int64_t line;
	char msg[512];
} notes_seen;

static inline void
on_note(void *ctx, int64_t line, const char *msg)
{
	notes_seen *ns = ctx;

	ns->n++;
	ns->line = line;
	snprintf(ns->msg, sizeof ns->msg, "%s", msg);
}

/* Read a CoNLL file's bytes as the importer does (normalised, NFC). */
static inline int
read_conll(format_article **out, size_t *n, const char *data, size_t len, notes_seen *ns,
           format_error *err)
{
	format_notes notes = {on_note, ns};
	char *buf = NULL;
	size_t blen = 0;
	int rc;

	memset(err, 0, sizeof *err);
	if ((rc = format_normalize(&buf, &blen, data, len, 1, err)) != DESK_OK)
		return rc;
	return fmt_conll_read(out, n, buf, blen, &notes, err);
}

static inline void
read_ok(format_article **out, size_t *n, const char *data, notes_seen *ns)
{
	format_error err;
	int rc = read_conll(out, n, data, strlen(data), ns, &err);

	if (rc != DESK_OK)
		fail_msg("refused at %lld:%lld: %s", (long long)err.line, (long long)err.column,
		         err.msg);
}

/* The refusal of data: its line and column (0: any), and a piece of its reason. */
static inline void
read_refused(const char *data, int64_t line, int64_t column, const char *reason)
{
	format_article *arts = NULL;
	size_t n = 0;
	notes_seen ns = {0};
	format_error err;

	assert_int_equal(read_conll(&arts, &n, data, strlen(data), &ns, &err), DESK_INVALID);
	assert_null(arts);
	assert_int_equal(n, 0);
	if (err.line != line || (column > 0 && err.column != column) ||
	    strstr(err.msg, reason) == NULL)
		fail_msg("refused at %lld:%lld (%s), expected %lld:%lld (%s)", (long long)err.line,
		         (long long)err.column, err.msg, (long long)line, (long long)column,
		         reason);
}

/* Span i of a: [start, end) with its label and text. */
static inline void
span_is(const format_article *a, size_t i, int64_t start, int64_t end, const char *label,
        const char *text)
{
	assert_true(i < a->nspans);
	assert_int_equal(a->spans[i].start, start);
	assert_int_equal(a->spans[i].end, end);
	assert_string_equal(a->spans[i].label, label);
	assert_string_equal(a->spans[i].text, text);
}

static inline void
on_warn(format_sink *s, const format_article *a, int64_t start, int64_t end, const char *msg)
{
	warned *w = s->warn_ctx;

	(void)a;
	if (w->n < 16) {
		w->start[w->n] = start;
		w->end[w->n] = end;
		snprintf(w->msg[w->n], sizeof w->msg[w->n], "%s", msg);
	}
	w->n++;
}

/* The writer's output for n documents in a scheme (malloc'ed). */
static inline char *
write_conll(const format_article *a, size_t n, desk_scheme scheme, warned *w)
{
	desk_export_opts opts;
	format_info info;
	format_sink s;
	char *out = NULL;
	size_t len = 0;

	memset(&opts, 0, sizeof opts);
	memset(&info, 0, sizeof info);
	memset(&s, 0, sizeof s);
	opts.format = DESK_FORMAT_CONLL;
	opts.scheme = scheme;
	info.opts = &opts;
	s.info = &info;
	s.warn = on_warn;
	s.warn_ctx = w;
	assert_non_null(s.f = open_memstream(&out, &len));
	assert_int_equal(fmt_conll_writer.begin(&s), DESK_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(fmt_conll_writer.article(&s, &a[i]), DESK_OK);
	assert_int_equal(fmt_conll_writer.end(&s), DESK_OK);
	assert_int_equal(fclose(s.f), 0);
	return out;
}

/* A document of body with spans given as (start, end, label) triples, ending with a NULL label. */
static inline void
doc(format_article *a, const char *body, const char *lang, ...)
{
	va_list ap;
	size_t n = 0;

	memset(a, 0, sizeof *a);
	a->in.body = body;
	a->in.body_len = strlen(body);
	a->in.lang = lang;
	a->spans = format_pool_alloc(&a->pool, 16 * sizeof *a->spans);
	va_start(ap, lang);
	for (;;) {
		int64_t s = va_arg(ap, int64_t), e = va_arg(ap, int64_t);
		const char *label = va_arg(ap, const char *);

		if (label == NULL)
			break;
		a->spans[n].start = s;
		a->spans[n].end = e;
		a->spans[n].label = label;
		n++;
	}
	va_end(ap);
	a->nspans = n;
}

#define SP(s, e, l) (int64_t)(s), (int64_t)(e), (const char *)(l)
#define END         SP(0, 0, NULL)

/* Check out's lines against want (the same text), naming the first that differs. */
static inline void
lines_are(const char *out, const char *want)
{
	if (strcmp(out, want) != 0)
		fail_msg("output:\n%s\nwanted:\n%s", out, want);
}

/* --- Round trips and an independent parser ------------------------------- */

/* A CoNLL file as (token, tag) pairs and sentence ends, parsed here without the reader. */
typedef struct parsed {
	char **tok, **tag;
	int *send; /* a sentence ends after this token */
	size_t n, cap;
	int docstarts;
} parsed;

static inline void
parsed_free(parsed *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->tok[i]);
		free(p->tag[i]);
	}
	free(p->tok);
	free(p->tag);
	free(p->send);
	memset(p, 0, sizeof *p);
}

static inline void
parse_conll(parsed *p, const char *s)
{
	memset(p, 0, sizeof *p);
	while (*s) {
		const char *nl = strchr(s, '\n'), *end = nl ? nl : s + strlen(s);
		char line[4096], *f[64], *save = NULL;
		size_t nf = 0, len = (size_t)(end - s);

		assert_true(len < sizeof line);
		memcpy(line, s, len);
		line[len] = '\0';
		s = nl ? nl + 1 : end;
		for (char *t = strtok_r(line, " \t", &save); t && nf < 64;
		     t = strtok_r(NULL, " \t", &save))
			f[nf++] = t;
		if (nf == 0 || strcmp(f[0], "-DOCSTART-") == 0) {
			if (p->n > 0)
				p->send[p->n - 1] = 1;
			p->docstarts += nf > 0;
			continue;
		}
		if (p->n == p->cap) {
			p->cap = p->cap ? 2 * p->cap : 256;
			p->tok = realloc(p->tok, p->cap * sizeof *p->tok);
			p->tag = realloc(p->tag, p->cap * sizeof *p->tag);
			p->send = realloc(p->send, p->cap * sizeof *p->send);
		}
		p->tok[p->n] = strdup(f[0]);
		p->tag[p->n] = strdup(f[nf - 1]);
		p->send[p->n] = 0;
		p->n++;
	}
	if (p->n > 0)
		p->send[p->n - 1] = 1;
}

#endif
