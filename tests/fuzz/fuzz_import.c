/*
 * fuzz_import.c - the importer against arbitrary bytes, as text and as JSONL.
 *
 * Checked: no crash or sanitizer report, and every stored article is valid
 * NFC UTF-8 whose marks lie inside it; a refused input stores nothing.  One
 * database serves every input (fuzz_reset() empties it): opening one per
 * input kept the fuzzer to a few hundred inputs a second.
 */
#include "fuzz.h"

static void
fuzz_check(desk *d, size_t refused)
{
	desk_article **list = NULL;
	size_t n = 0;

	FUZZ_CHECK(desk_article_list(&list, &n, d, DESK_STATUS_ANY) == DESK_OK);
	FUZZ_CHECK(!refused || n == 0); /* a refused buffer must leave nothing behind */
	for (size_t i = 0; i < n; i++) {
		desk_article *a = NULL;
		const desk_mark *m;
		char *nfc = NULL;
		size_t len, nm, bad;

		FUZZ_CHECK(desk_article_get(&a, d, desk_article_id(list[i])) == DESK_OK);
		FUZZ_CHECK(desk_utf8_check(desk_article_body(a), desk_article_body_len(a), &bad) ==
		           DESK_OK);
		FUZZ_CHECK(desk_nfc(&nfc, &len, desk_article_body(a), desk_article_body_len(a)) ==
		           DESK_OK);
		FUZZ_CHECK(len == desk_article_body_len(a) &&
		           memcmp(nfc, desk_article_body(a), len) == 0);
		FUZZ_CHECK(desk_article_body_chars(a) ==
		           desk_utf8_count(desk_article_body(a), desk_article_body_len(a)));
		m = desk_article_marks(a, &nm);
		for (size_t k = 0; k < nm; k++)
			FUZZ_CHECK(m[k].start >= 0 && m[k].end <= desk_article_body_chars(a) &&
			           m[k].start < m[k].end);
		free(nfc);
		desk_article_free(a);
	}
	desk_article_list_free(list, n);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const desk_format formats[] = {DESK_FORMAT_TEXT, DESK_FORMAT_JSONL};
	desk *d = fuzz_db();

	for (size_t f = 0; f < 2; f++) {
		desk_import_stats stats = {0};

		desk_import_buffer(d, "fuzz", (const char *)data, size, formats[f], NULL, NULL,
		                   &stats);
		fuzz_check(d, stats.refused);
		fuzz_reset(d);
	}
	return 0;
}
