/* test_prompthist.c - the prompts' history (tui/model/prompthist.c): Up, Down, the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"
#include "prompthist.h"

static void
test_browse(void **state)
{
	struct prompthist h;

	(void)state;
	prompthist_init(&h);
	assert_null(prompthist_older(&h, "typed"));
	assert_null(prompthist_newer(&h));
	assert_int_equal(prompthist_add(&h, "tag PER"), DESK_OK);
	assert_int_equal(prompthist_add(&h, "goto 12"), DESK_OK);
	prompthist_add(&h, "goto 12"); /* the same again is kept once */
	prompthist_add(&h, "");        /* nothing typed is not kept */
	assert_int_equal(h.n, 2);
	/* Up: newest first; past the oldest, nothing. */
	assert_string_equal(prompthist_older(&h, "go"), "goto 12");
	assert_string_equal(prompthist_older(&h, "goto 12"), "tag PER");
	assert_null(prompthist_older(&h, "tag PER"));
	/* Down: back, and past the newest what was being typed. */
	assert_string_equal(prompthist_newer(&h), "goto 12");
	assert_string_equal(prompthist_newer(&h), "go");
	assert_null(prompthist_newer(&h));
	/* A new line: browsing starts again from the newest. */
	prompthist_older(&h, "");
	prompthist_add(&h, "set width=80");
	assert_string_equal(prompthist_older(&h, ""), "set width=80");
	prompthist_reset(&h);
	assert_string_equal(prompthist_older(&h, ""), "set width=80");
	prompthist_free(&h);
}

static void
test_bounded(void **state)
{
	struct prompthist h;
	char line[32];

	(void)state;
	prompthist_init(&h);
	for (int i = 0; i < PROMPTHIST_MAX + 50; i++) {
		snprintf(line, sizeof line, "down %d", i);
		assert_int_equal(prompthist_add(&h, line), DESK_OK);
	}
	assert_int_equal(h.n, PROMPTHIST_MAX);
	assert_string_equal(h.lines[0], "down 50");
	prompthist_free(&h);
}

/* Each kind's lines from one file; a line with a control or bad UTF-8 is passed over. */
static void
test_file(void **state)
{
	struct prompthist a, b, c;
	FILE *f = tmpfile();

	(void)state;
	assert_non_null(f);
	prompthist_init(&a);
	prompthist_init(&b);
	prompthist_init(&c);
	prompthist_add(&a, "tag PER");
	prompthist_add(&a, "link Tô Lâm");
	prompthist_add(&b, "đà nẵng");
	prompthist_write(&a, f, ':');
	prompthist_write(&b, f, '/');
	fputs(":bad \033]52;c;x\007\n:bad \xc3\n/no newline", f);
	rewind(f);
	prompthist_read(&c, f, ':');
	assert_int_equal(c.n, 2);
	assert_string_equal(c.lines[0], "tag PER");
	assert_string_equal(c.lines[1], "link Tô Lâm");
	prompthist_free(&c);
	rewind(f);
	prompthist_read(&c, f, '/');
	assert_int_equal(c.n, 1);
	assert_string_equal(c.lines[0], "đà nẵng");
	fclose(f);
	prompthist_free(&a);
	prompthist_free(&b);
	prompthist_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_browse),
	    cmocka_unit_test(test_bounded),
	    cmocka_unit_test(test_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
