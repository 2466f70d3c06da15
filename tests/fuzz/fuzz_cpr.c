/*
 * fuzz_cpr.c - the terminal's answer picked out of arbitrary keys
 * (tui/model/cpr.c).  Checked: the keys let go, with the reports found put
 * back where they were, are the input, byte for byte; each report is
 * ESC [ row ; col R with the row and column it says (at most 4 digits each);
 * what is held is the start of a report; cpr_parse agrees on each report.
 */
#include "cpr.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned char *back = malloc(size + 1);
	int out[CPR_HELD_MAX + 1];
	size_t nout, n = 0, start = 0;
	struct cpr c;

	FUZZ_CHECK(back != NULL);
	cpr_init(&c);
	for (size_t i = 0; i < size; i++) {
		size_t held = c.nheld;

		if (cpr_feed(&c, data[i], out, &nout)) {
			const char *s = (const char *)data + start;
			size_t len = i + 1 - start;
			int row, col;

			/* The report: the held keys and this one, as typed (leading zeros too). */
			FUZZ_CHECK(nout == 0 && len == held + 1 && len >= 6 && s[0] == 0x1b &&
			           s[1] == '[');
			FUZZ_CHECK(cpr_parse(s, len, &row, &col) && row == c.row && col == c.col);
			FUZZ_CHECK(row <= 9999 && col <= 9999 && s[len - 1] == 'R');
			memcpy(back + n, s, len);
			n += len;
			start = i + 1;
			continue;
		}
		for (size_t j = 0; j < nout; j++) {
			FUZZ_CHECK(out[j] >= 0 && out[j] < 256);
			back[n++] = (unsigned char)out[j];
		}
		/* What is held is a report's start, and is what came last. */
		FUZZ_CHECK(c.nheld == 0 || c.held[0] == 0x1b);
		FUZZ_CHECK(n + c.nheld == i + 1);
		start = n;
	}
	nout = cpr_flush(&c, out);
	for (size_t j = 0; j < nout; j++)
		back[n++] = (unsigned char)out[j];
	FUZZ_CHECK(n == size && memcmp(back, data, size) == 0);
	free(back);
	return 0;
}
