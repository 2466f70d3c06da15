/*
 * fuzz_brat.c - the brat reader on arbitrary pairs: the bytes before the
 * first NUL are the .txt, those after it the .ann (no NUL: a .txt alone).
 *
 * Checked: no crash or sanitizer report; an accepted document's body is
 * valid NFC UTF-8, and every span, claim and entity link lies inside it,
 * with its text the body's at its offsets.
 */
#include "fuzz.h"
#include "formats/format.h"

/* body[start:end] in code points is text. */
static void
fuzz_brat_range(const char *body, size_t blen, int64_t start, int64_t end, const char *text)
{
	size_t *at = NULL;
	int64_t n;

	FUZZ_CHECK(fmt_brat_map(&at, NULL, &n, body, blen) == DESK_OK);
	FUZZ_CHECK(start >= 0 && start <= end && end <= n);
	FUZZ_CHECK(text != NULL && strlen(text) == at[end] - at[start] &&
	           memcmp(text, body + at[start], at[end] - at[start]) == 0);
	free(at);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const char *s = (const char *)data, *nul = memchr(s, '\0', size);
	size_t tl = nul ? (size_t)(nul - s) : size, n = 0, bad;
	format_article *a = NULL;
	format_error err = {0};
	char *nfc = NULL;
	size_t nlen;
	int in_ann;

	if (fmt_brat_read_pair(&a, &n, "fuzz", s, tl, nul ? nul + 1 : NULL, nul ? size - tl - 1 : 0,
	                       NULL, &err, &in_ann) != DESK_OK) {
		FUZZ_CHECK(a == NULL && n == 0 && err.msg[0] != '\0');
		return 0;
	}
	FUZZ_CHECK(n == 1);
	FUZZ_CHECK(desk_utf8_check(a->in.body, a->in.body_len, &bad) == DESK_OK);
	FUZZ_CHECK(desk_nfc(&nfc, &nlen, a->in.body, a->in.body_len) == DESK_OK);
	FUZZ_CHECK(nlen == a->in.body_len && memcmp(nfc, a->in.body, nlen) == 0);
	free(nfc);
	for (size_t i = 0; i < a->nspans; i++) {
		fuzz_brat_range(a->in.body, a->in.body_len, a->spans[i].start, a->spans[i].end,
		                a->spans[i].text);
		FUZZ_CHECK(a->spans[i].entity >= 0 && (size_t)a->spans[i].entity <= a->nentities);
	}
	for (size_t i = 0; i < a->nclaims; i++)
		fuzz_brat_range(a->in.body, a->in.body_len, a->claims[i].start, a->claims[i].end,
		                a->claims[i].text);
	format_articles_free(a, 1);
	return 0;
}
