/*
 * fuzz_jsonl_quick.c - JSON Lines decoded by SQLite's JSON functions (the
 * quick path) against jansson alone, over arbitrary bytes.
 *
 * Checked: both give the same result, the same refusal (line, column and
 * message) or the same articles field by field.  The quick path may only
 * accept what jansson accepts, and must read it the same.
 */
#include "fuzz.h"
#include "formats/format.h"

static int
fuzz_parse(format_article **arts, size_t *n, format_error *err, const char *s, size_t len,
           int quick)
{
	fmt_jsonl_quick(quick);
	return fmt_jsonl_parse(arts, n, s, len, 0, err);
}

static int
fuzz_same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	format_error e1 = {0}, e2 = {0};
	format_article *a1 = NULL, *a2 = NULL;
	size_t n1 = 0, n2 = 0, len = 0;
	char *s = NULL;
	int r1, r2;

	if (format_normalize(&s, &len, (const char *)data, size, 0, &e1) != DESK_OK)
		return 0;
	r1 = fuzz_parse(&a1, &n1, &e1, s, len, 1);
	r2 = fuzz_parse(&a2, &n2, &e2, s, len, 0);
	FUZZ_CHECK(r1 == r2);
	if (r1 != DESK_OK) {
		FUZZ_CHECK(e1.line == e2.line && e1.column == e2.column);
		FUZZ_CHECK(strcmp(e1.msg, e2.msg) == 0);
	} else {
		FUZZ_CHECK(n1 == n2);
		for (size_t i = 0; i < n1; i++) {
			FUZZ_CHECK(a1[i].line == a2[i].line);
			FUZZ_CHECK(a1[i].in.body_len == a2[i].in.body_len &&
			           memcmp(a1[i].in.body, a2[i].in.body, a1[i].in.body_len) == 0);
			FUZZ_CHECK(fuzz_same(a1[i].in.title, a2[i].in.title));
			FUZZ_CHECK(fuzz_same(a1[i].in.date, a2[i].in.date));
			FUZZ_CHECK(fuzz_same(a1[i].in.source, a2[i].in.source));
			FUZZ_CHECK(fuzz_same(a1[i].in.lang, a2[i].in.lang));
		}
	}
	format_articles_free(a1, n1);
	format_articles_free(a2, n2);
	free(s);
	return 0;
}
