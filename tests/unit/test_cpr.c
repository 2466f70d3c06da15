/*
 * test_cpr.c - the terminal's cursor position report picked out of the keys
 * typed around it (tui/model/cpr.c): the probe at start-up gives back every
 * other key, in its order, and takes out the report alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cpr.h"

/* Feed s; the keys let go (and, at the end, those still held) into kept; the reports found. */
static int
scan(const char *s, size_t n, char *kept, int *col)
{
	struct cpr c;
	int out[CPR_HELD_MAX + 1], found = 0;
	size_t nout, k = 0;

	cpr_init(&c);
	for (size_t i = 0; i < n; i++) {
		if (cpr_feed(&c, (unsigned char)s[i], out, &nout)) {
			found++;
			*col = c.col;
		}
		for (size_t j = 0; j < nout; j++)
			kept[k++] = (char)out[j];
	}
	nout = cpr_flush(&c, out);
	for (size_t j = 0; j < nout; j++)
		kept[k++] = (char)out[j];
	kept[k] = '\0';
	return found;
}

#define SCAN(s, kept, col) scan(s, sizeof s - 1, kept, col)

static void
test_typeahead(void **state)
{
	char kept[128];
	int col = 0;

	(void)state;
	/* Keys before and after the report are kept in their order. */
	assert_int_equal(SCAN("jj\033[12;5Rk/x\r", kept, &col), 1);
	assert_int_equal(col, 5);
	assert_string_equal(kept, "jjk/x\r");
	/* Row 1, column 3: the answer of a terminal that joins the tone. */
	assert_int_equal(SCAN("\033[1;3R", kept, &col), 1);
	assert_int_equal(col, 3);
	assert_string_equal(kept, "");
	/* UTF-8 and escape sequences typed ahead are not a report. */
	assert_int_equal(SCAN("\xc4\x91\033[A\033OB\033[1;5A\033[12~q", kept, &col), 0);
	assert_string_equal(kept, "\xc4\x91\033[A\033OB\033[1;5A\033[12~q");
	/* An Esc typed just before the report; a report just after an arrow. */
	assert_int_equal(SCAN("\033\033[40;5R\033[B\033[9999;9999Rn", kept, &col), 2);
	assert_int_equal(col, 9999);
	assert_string_equal(kept, "\033\033[Bn");
	/* Nearly reports: no row, no column, too many digits, two semicolons. */
	assert_int_equal(SCAN("\033[;5R\033[3;R\033[12345;5R\033[1;2;3R", kept, &col), 0);
	assert_string_equal(kept, "\033[;5R\033[3;R\033[12345;5R\033[1;2;3R");
	/* A report cut short is held, and let go when it never ends. */
	assert_int_equal(SCAN("ab\033[12;", kept, &col), 0);
	assert_string_equal(kept, "ab\033[12;");
}

static void
test_held(void **state)
{
	struct cpr c;
	int out[CPR_HELD_MAX + 1];
	size_t nout;

	(void)state;
	cpr_init(&c);
	/* The report's start is held until a key tells; a curses key code lets it go. */
	assert_int_equal(cpr_feed(&c, 0x1b, out, &nout), 0);
	assert_int_equal(nout, 0);
	assert_int_equal(cpr_feed(&c, '[', out, &nout), 0);
	assert_int_equal(nout, 0);
	assert_int_equal(c.nheld, 2);
	assert_int_equal(cpr_feed(&c, 0x200102, out, &nout), 0);
	assert_int_equal(nout, 3);
	assert_int_equal(out[0], 0x1b);
	assert_int_equal(out[1], '[');
	assert_int_equal(out[2], 0x200102);
	/* Fed piece by piece (a slow link), a report is still one. */
	for (const char *p = "\033[24;80"; *p; p++) {
		assert_int_equal(cpr_feed(&c, (unsigned char)*p, out, &nout), 0);
		assert_int_equal(nout, 0);
	}
	assert_int_equal(cpr_feed(&c, 'R', out, &nout), 1);
	assert_int_equal(nout, 0);
	assert_int_equal(c.row, 24);
	assert_int_equal(c.col, 80);
	assert_int_equal(c.nheld, 0);
}

static void
test_parse(void **state)
{
	int row = 0, col = 0;

	(void)state;
	assert_true(cpr_parse("\033[1;5R", 6, &row, &col));
	assert_int_equal(row, 1);
	assert_int_equal(col, 5);
	assert_false(cpr_parse("\033[1;5Rx", 7, &row, &col));
	assert_false(cpr_parse("x\033[1;5R", 7, &row, &col));
	assert_false(cpr_parse("\033[1;5", 5, &row, &col));
	assert_false(cpr_parse("\033OR", 3, &row, &col));
	assert_false(cpr_parse("", 0, &row, &col));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_typeahead),
	    cmocka_unit_test(test_held),
	    cmocka_unit_test(test_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
