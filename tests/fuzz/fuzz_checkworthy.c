/*
 * fuzz_checkworthy.c - check-worthy candidates against arbitrary text (the
 * valid UTF-8 prefix of the input): numbers of any length, signs, quotes.
 * Checked: no crash or sanitizer report (a 20-digit number overflowed a long
 * here), candidates in order, inside the text and inside one sentence, with
 * known reasons and a score that makes them candidates.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	size_t len = fuzz_valid_prefix(data, size), n = 0;
	desk_text *t = NULL;
	desk_candidate *c = NULL;
	desk_range r;

	if (desk_text_new(&t, (const char *)data, len) != DESK_OK)
		return 0;
	FUZZ_CHECK(desk_candidates(&c, &n, t) == DESK_OK);
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(0 <= c[i].start && c[i].start < c[i].end &&
		           c[i].end <= desk_text_len(t));
		FUZZ_CHECK(i == 0 || c[i - 1].end <= c[i].start);
		FUZZ_CHECK(c[i].why > 0 && c[i].why < 2 * DESK_WHY_COMPARISON);
		FUZZ_CHECK(c[i].score >= 3);
		FUZZ_CHECK(desk_sentence_at(&r, t, c[i].start) == DESK_OK);
		FUZZ_CHECK(r.start <= c[i].start && c[i].end <= r.end);
	}
	free(c);
	desk_text_free(t);
	return 0;
}
