/*
 * fuzz_import.c - the importer against arbitrary bytes, as text and as JSONL.
 *
 * Built with -fsanitize=fuzzer (COPYDESK_FUZZ=ON, clang) it is a libFuzzer
 * harness; otherwise main() below replays the files named on the command
 * line, which ctest does with tests/fixtures as the seed corpus.  Checked:
 * no crash or sanitizer report, and every stored article is valid NFC UTF-8
 * whose marks lie inside it; a refused input stores nothing.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/copydesk.h"

static void
fuzz_check(desk *d, size_t refused)
{
	desk_article **list = NULL;
	size_t n = 0;

	if (desk_article_list(&list, &n, d, DESK_STATUS_ANY) != DESK_OK)
		abort();
	if (refused && n)
		abort(); /* a refused buffer must leave nothing behind */
	for (size_t i = 0; i < n; i++) {
		desk_article *a = NULL;
		const desk_mark *m;
		char *nfc = NULL;
		size_t len, nm, bad;

		if (desk_article_get(&a, d, desk_article_id(list[i])) != DESK_OK)
			abort();
		if (desk_utf8_check(desk_article_body(a), desk_article_body_len(a), &bad) !=
		    DESK_OK)
			abort();
		if (desk_nfc(&nfc, &len, desk_article_body(a), desk_article_body_len(a)) !=
		        DESK_OK ||
		    len != desk_article_body_len(a) || memcmp(nfc, desk_article_body(a), len) != 0)
			abort();
		m = desk_article_marks(a, &nm);
		for (size_t k = 0; k < nm; k++)
			if (m[k].start < 0 || m[k].end > desk_article_body_chars(a) ||
			    m[k].start >= m[k].end)
				abort();
		free(nfc);
		desk_article_free(a);
	}
	desk_article_list_free(list, n);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const desk_format formats[] = {DESK_FORMAT_TEXT, DESK_FORMAT_JSONL};

	for (size_t f = 0; f < 2; f++) {
		desk_import_stats stats = {0};
		desk *d = NULL;

		if (desk_open(&d, ":memory:", "fuzz") != DESK_OK)
			abort();
		desk_import_buffer(d, "fuzz", (const char *)data, size, formats[f], NULL, NULL,
		                   &stats);
		fuzz_check(d, stats.refused);
		desk_close(d);
	}
	return 0;
}

#ifndef COPYDESK_LIBFUZZER
int
main(int argc, char **argv)
{
	int ran = 0;

	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		unsigned char *buf;
		long len;

		if (f == NULL) {
			perror(argv[i]);
			return 1;
		}
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		rewind(f);
		if ((buf = malloc((size_t)len + 1)) == NULL ||
		    fread(buf, 1, (size_t)len, f) != (size_t)len)
			return 1;
		fclose(f);
		LLVMFuzzerTestOneInput(buf, (size_t)len);
		free(buf);
		ran++;
	}
	printf("replayed %d inputs\n", ran);
	return ran > 0 ? 0 : 1;
}
#endif
