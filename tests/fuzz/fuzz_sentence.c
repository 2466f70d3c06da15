/*
 * fuzz_sentence.c - the sentence splitter against arbitrary text (the valid
 * UTF-8 prefix of the input).  Checked: sentences in order, not empty, not
 * overlapping, inside the text, starting and ending on graphemes, never
 * across a line break; desk_sentence_at() finds the sentence holding each
 * code point.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	size_t len = fuzz_valid_prefix(data, size), n = 0;
	desk_text *t = NULL;
	desk_range *s = NULL, r;
	int64_t cps;

	if (desk_text_new(&t, (const char *)data, len) != DESK_OK)
		return 0;
	cps = desk_text_len(t);
	FUZZ_CHECK(desk_sentences(&s, &n, t) == DESK_OK);
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(0 <= s[i].start && s[i].start < s[i].end && s[i].end <= cps);
		FUZZ_CHECK(i == 0 || s[i - 1].end <= s[i].start);
		FUZZ_CHECK(desk_text_is_grapheme(t, s[i].start));
		FUZZ_CHECK(s[i].end == cps || desk_text_is_grapheme(t, s[i].end));
		for (int64_t k = s[i].start; k < s[i].end; k++)
			FUZZ_CHECK(desk_text_char(t, k) != '\n');
		/* Every code point of a sentence is in that sentence. */
		for (int64_t k = s[i].start; k < s[i].end; k += 1 + (s[i].end - s[i].start) / 8) {
			FUZZ_CHECK(desk_sentence_at(&r, t, k) == DESK_OK);
			FUZZ_CHECK(r.start == s[i].start && r.end == s[i].end);
		}
	}
	free(s);
	desk_text_free(t);
	return 0;
}
