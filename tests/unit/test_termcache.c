/*
 * test_termcache.c - the answers terminals gave the start-up probe
 * (tui/model/termcache.c): keys from a hostile environment, reading a
 * garbled file, writing it again bounded and sound.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "termcache.h"

static FILE *
file_of(const char *s, size_t n)
{
	FILE *f = tmpfile();

	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	rewind(f);
	return f;
}

static void
test_key(void **state)
{
	char key[TERMCACHE_KEY_MAX + 1], *big;

	(void)state;
	assert_int_equal(termcache_key(key, sizeof key, "xterm-256color", NULL, NULL), 0);
	assert_string_equal(key, "TERM=xterm-256color");
	assert_int_equal(termcache_key(key, sizeof key, "tmux-256color", "tmux", "3.3a"), 0);
	assert_string_equal(key, "TERM=tmux-256color TERM_PROGRAM=tmux TERM_PROGRAM_VERSION=3.3a");
	/* Spaces, newlines, %, escapes and UTF-8 from the environment are escaped. */
	assert_int_equal(termcache_key(key, sizeof key, "a b\n%\033[2J\xc3\xa9", "", NULL), 0);
	assert_string_equal(key, "TERM=a%20b%0A%25%1B[2J%C3%A9 TERM_PROGRAM=");
	/* Too long to remember: no key. */
	big = malloc(TERMCACHE_KEY_MAX + 1);
	assert_non_null(big);
	memset(big, 'x', TERMCACHE_KEY_MAX);
	big[TERMCACHE_KEY_MAX] = '\0';
	assert_int_equal(termcache_key(key, sizeof key, big, NULL, NULL), -1);
	assert_string_equal(key, "");
	free(big);
	assert_int_equal(termcache_key(key, 8, "xterm", NULL, NULL), -1);
}

static void
test_read(void **state)
{
	static const char good[] = "joined TERM=xterm\n"
	                           "apart TERM=tmux-256color TERM_PROGRAM=tmux\n"
	                           "silent TERM=vt100\n";
	/* Control bytes, an unknown answer, NULs, no key, an overlong line, a cut last line. */
	static const char bad[] = "apart TERM=xterm\033[31m\n"
	                          "wide TERM=xterm\n"
	                          "apart\0TERM=xterm\n"
	                          "apart \n"
	                          "apartTERM=xterm\n"
	                          "apart TERM=xterm TERM\x7f\n"
	                          "apart TERM=xterm";
	char *long_line;
	size_t n;
	FILE *f;

	(void)state;
	f = file_of(good, sizeof good - 1);
	assert_int_equal(termcache_read(f, "TERM=xterm"), TERMCACHE_JOINED);
	rewind(f);
	assert_int_equal(termcache_read(f, "TERM=tmux-256color TERM_PROGRAM=tmux"),
	                 TERMCACHE_APART);
	rewind(f);
	assert_int_equal(termcache_read(f, "TERM=vt100"), TERMCACHE_SILENT);
	rewind(f);
	assert_int_equal(termcache_read(f, "TERM=tmux-256color"), TERMCACHE_NONE);
	fclose(f);
	f = file_of(bad, sizeof bad - 1);
	assert_int_equal(termcache_read(f, "TERM=xterm"), TERMCACHE_NONE);
	fclose(f);
	/* A line longer than any: its pieces are not lines of their own. */
	n = TERMCACHE_KEY_MAX + 15; /* what one read of a line takes */
	long_line = malloc(n + 32);
	assert_non_null(long_line);
	memset(long_line, 'x', n);
	memcpy(long_line + n, "apart TERM=xterm\n", 18);
	f = file_of(long_line, n + 17);
	assert_int_equal(termcache_read(f, "TERM=xterm"), TERMCACHE_NONE);
	fclose(f);
	free(long_line);
	/* Random bytes: nothing, and no harm. */
	srand(7);
	for (int round = 0; round < 200; round++) {
		char junk[2048];

		for (size_t i = 0; i < sizeof junk; i++)
			junk[i] = (char)(rand() % 5 == 0 ? '\n' : rand());
		f = file_of(junk, sizeof junk);
		assert_int_equal(termcache_read(f, "TERM=xterm"), TERMCACHE_NONE);
		fclose(f);
	}
}

static void
test_write(void **state)
{
	static const char old[] = "apart TERM=a\n"
	                          "garbage \033 here\n"
	                          "joined TERM=xterm\n"
	                          "silent TERM=b\n";
	char buf[8192], path[] = "/tmp/test_termcache.XXXXXX", file[64];
	FILE *in, *out;
	size_t n;

	(void)state;
	/* This terminal's line replaced and put last; the others kept; garbage dropped. */
	in = file_of(old, sizeof old - 1);
	out = tmpfile();
	assert_non_null(out);
	assert_int_equal(termcache_write(in, out, "TERM=xterm", TERMCACHE_APART), 0);
	rewind(out);
	n = fread(buf, 1, sizeof buf - 1, out);
	buf[n] = '\0';
	assert_string_equal(buf, "apart TERM=a\nsilent TERM=b\napart TERM=xterm\n");
	fclose(in);
	fclose(out);
	/* No answer but the three. */
	out = tmpfile();
	assert_int_equal(termcache_write(NULL, out, "TERM=xterm", 7), -1);
	fclose(out);

	/* On a file: at most TERMCACHE_MAX terminals, the last written kept. */
	assert_non_null(mkdtemp(path));
	snprintf(file, sizeof file, "%s/terminals", path);
	assert_int_equal(termcache_load(file, "TERM=xterm"), TERMCACHE_NONE);
	for (int i = 0; i < TERMCACHE_MAX + 5; i++) {
		char key[32];

		snprintf(key, sizeof key, "TERM=t%d", i);
		assert_int_equal(
		    termcache_store(file, key, i % 2 ? TERMCACHE_APART : TERMCACHE_JOINED), 0);
	}
	assert_int_equal(termcache_load(file, "TERM=t0"), TERMCACHE_NONE);
	assert_int_equal(termcache_load(file, "TERM=t4"), TERMCACHE_NONE);
	assert_int_equal(termcache_load(file, "TERM=t5"), TERMCACHE_APART);
	assert_int_equal(termcache_load(file, "TERM=t36"), TERMCACHE_JOINED);
	in = fopen(file, "r");
	assert_non_null(in);
	n = 0;
	while (fgets(buf, sizeof buf, in))
		n++;
	fclose(in);
	assert_int_equal(n, TERMCACHE_MAX);
	/* Again for one of them: changed in place, no new file left beside it. */
	assert_int_equal(termcache_store(file, "TERM=t5", TERMCACHE_SILENT), 0);
	assert_int_equal(termcache_load(file, "TERM=t5"), TERMCACHE_SILENT);
	assert_int_equal(remove(file), 0);
	assert_int_equal(rmdir(path), 0);
	/* A directory that is not there: an error, no crash. */
	assert_int_equal(termcache_store("/nonexistent/dir/terminals", "TERM=x", TERMCACHE_JOINED),
	                 -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_key),
	    cmocka_unit_test(test_read),
	    cmocka_unit_test(test_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
