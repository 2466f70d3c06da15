/*
 * fuzz_doccano.c - the doccano reader on arbitrary bytes (normalised as the
 * importer normalises a file), and the writer after it.  Checked: a file is
 * read or refused with a line and a reason; what is read is UTF-8 text with
 * spans inside it, in order; written again and read back, it gives the same
 * texts, spans, titles, dates and sources (a round trip through doccano).
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "formats/format.h"
#include "fuzz.h"

static void
fuzz_doccano_same(const format_article *a, const format_article *b)
{
	FUZZ_CHECK(a->in.body_len == b->in.body_len);
	FUZZ_CHECK(memcmp(a->in.body, b->in.body, a->in.body_len) == 0);
	FUZZ_CHECK(a->nspans == b->nspans);
	for (size_t k = 0; k < a->nspans; k++) {
		FUZZ_CHECK(a->spans[k].start == b->spans[k].start);
		FUZZ_CHECK(a->spans[k].end == b->spans[k].end);
		FUZZ_CHECK(strcmp(a->spans[k].label, b->spans[k].label) == 0);
	}
	/* No title and an empty one (a title of white space only) are the same. */
	FUZZ_CHECK(strcmp(a->in.title ? a->in.title : "", b->in.title ? b->in.title : "") == 0);
	FUZZ_CHECK(strcmp(a->date, b->date) == 0);
	FUZZ_CHECK((a->in.source == NULL) == (b->in.source == NULL));
	FUZZ_CHECK(a->in.source == NULL || strcmp(a->in.source, b->in.source) == 0);
	FUZZ_CHECK(a->id == b->id);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = NULL, *out = NULL;
	size_t len = 0, n = 0, n2 = 0, outlen = 0;
	format_article *arts = NULL, *back = NULL;
	format_error err;
	format_sink sink;
	format_info info;
	desk_export_opts opts;
	FILE *f;

	memset(&err, 0, sizeof err);
	if (format_normalize(&s, &len, (const char *)data, size, 0, &err) != DESK_OK)
		return 0;
	if (fmt_doccano_read(&arts, &n, s, len, NULL, &err) != DESK_OK) {
		FUZZ_CHECK(arts == NULL && err.line >= 0 && err.msg[0] != '\0');
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		const format_article *a = &arts[i];
		int64_t chars = desk_utf8_count(a->in.body, a->in.body_len);

		FUZZ_CHECK(desk_utf8_check(a->in.body, a->in.body_len, NULL) == DESK_OK);
		FUZZ_CHECK(a->in.body_len > 0 && a->line >= 1);
		for (size_t k = 0; k < a->nspans; k++) {
			const format_span *sp = &a->spans[k];

			FUZZ_CHECK(0 <= sp->start && sp->start < sp->end && sp->end <= chars);
			FUZZ_CHECK(sp->label != NULL && sp->line == a->line);
			FUZZ_CHECK(k == 0 || a->spans[k - 1].start <= sp->start);
		}
	}
	/* both forms, written and read back */
	for (int entities = 0; entities < 2; entities++) {
		memset(&opts, 0, sizeof opts);
		opts.doccano_entities = entities;
		memset(&info, 0, sizeof info);
		info.opts = &opts;
		memset(&sink, 0, sizeof sink);
		FUZZ_CHECK((f = open_memstream(&out, &outlen)) != NULL);
		sink.f = f;
		sink.info = &info;
		for (size_t i = 0; i < n; i++)
			FUZZ_CHECK(fmt_doccano_writer.article(&sink, &arts[i]) == DESK_OK);
		fclose(f);
		FUZZ_CHECK(fmt_doccano_read(&back, &n2, out, outlen, NULL, &err) == DESK_OK);
		FUZZ_CHECK(n2 == n);
		for (size_t i = 0; i < n; i++)
			fuzz_doccano_same(&arts[i], &back[i]);
		format_articles_free(back, n2);
		back = NULL;
		out = NULL;
	}
	format_articles_free(arts, n);
	return 0;
}
